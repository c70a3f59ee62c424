// Package edit applies text edits to a file's bytes: the one place where
// suggested fixes become new source.
package edit

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// TextEdit replaces the bytes [Start, End) with NewText.
type TextEdit struct {
	Start, End int
	NewText    string
}

// Range is a byte range [Start, End) of a file.
type Range struct{ Start, End int }

// Apply returns src with the edits applied, and where the new text of each
// edit lies in the result (in the order of the file): what a check of the
// written code looks at. Edits must lie inside src and must not overlap (two
// insertions at the same offset are applied in the given order). The lines an
// edit adds take the file's line ending: rules write "\n", which becomes
// "\r\n" in a file of CRLF lines.
func Apply(src []byte, edits []TextEdit) (out []byte, written []Range, err error) {
	sorted := append([]TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	crlf := usesCRLF(src)
	out = make([]byte, 0, len(src)+64)
	at := 0
	for _, e := range sorted {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			return nil, nil, fmt.Errorf("edit [%d,%d) overlaps another edit or lies outside the file (%d bytes)", e.Start, e.End, len(src))
		}
		text := e.NewText
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		out = append(out, src[at:e.Start]...)
		written = append(written, Range{len(out), len(out) + len(text)})
		out = append(out, text...)
		at = e.End
	}
	return append(out, src[at:]...), written, nil
}

// usesCRLF reports whether most of the file's lines end in "\r\n".
func usesCRLF(src []byte) bool {
	return 2*bytes.Count(src, []byte("\r\n")) > bytes.Count(src, []byte("\n"))
}
