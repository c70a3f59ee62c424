package pysyntax

import (
	"testing"
	"unsafe"
)

// TestExprSize: the expressions of every revision stay in memory while the
// rules run (the 3,000 revisions of the generated benchmark project hold
// 286,000), so a field added to Expr costs that much for each. Fields only
// some kinds of expression need belong in Parts.
func TestExprSize(t *testing.T) {
	if size := unsafe.Sizeof(Expr{}); size > 128 {
		t.Errorf("Expr is %d bytes, more than 128", size)
	}
}
