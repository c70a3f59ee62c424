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

func TestIdentifiersAndKeywords(t *testing.T) {
	for s, want := range map[string]bool{"display_name": true, "_x1": true, "A": true, "": false, "1st": false, "a-b": false, "a.b": false, "é": false} {
		if got := IsIdentifier(s); got != want {
			t.Errorf("IsIdentifier(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"class": true, "None": true, "lambda": true, "name": false, "match": false} {
		if got := IsKeyword(s); got != want {
			t.Errorf("IsKeyword(%q) = %v, want %v", s, got, want)
		}
	}
}
