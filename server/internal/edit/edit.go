// Package edit applies text edits to a file's bytes: the one place where
// suggested fixes become new source.
package edit

import (
	"fmt"
	"sort"
)

// TextEdit replaces the bytes [Start, End) with NewText.
type TextEdit struct {
	Start, End int
	NewText    string
}

// Apply returns src with the edits applied. Edits must lie inside src and must
// not overlap (two insertions at the same offset are applied in the given order).
func Apply(src []byte, edits []TextEdit) ([]byte, error) {
	sorted := append([]TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	out := make([]byte, 0, len(src)+64)
	at := 0
	for _, e := range sorted {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) overlaps another edit or lies outside the file (%d bytes)", e.Start, e.End, len(src))
		}
		out = append(out, src[at:e.Start]...)
		out = append(out, e.NewText...)
		at = e.End
	}
	return append(out, src[at:]...), nil
}
