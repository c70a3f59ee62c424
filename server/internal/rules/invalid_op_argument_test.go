package rules

import (
	"path/filepath"
	"testing"
)

func TestInvalidOpArgumentOncePerCall(t *testing.T) {
	rule, _ := Get("invalid-op-argument")
	seen := map[int]int{}
	for _, d := range RunOn(t, filepath.Join("testdata", "invalid-op-argument", "shared_helper"), rule) {
		if seen[int(d.Span.StartLine)]++; seen[int(d.Span.StartLine)] > 1 {
			t.Errorf("line %d reported twice (the helper runs in upgrade and downgrade): %s", d.Span.StartLine, d.Message)
		}
	}
}
