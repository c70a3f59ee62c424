package pysyntax

import (
	"sort"
	"unicode/utf8"
)

// Span is a source range: byte offsets plus 1-based lines and 1-based columns
// counted in characters (what editors and SARIF viewers show). Lines and
// columns are int32 (a file is at most migration.MaxFileSize bytes): every
// expression of every revision carries a span, so its size counts.
type Span struct {
	Start, End         int
	StartLine, EndLine int32
	StartCol, EndCol   int32
}

// Span of a node.
func (t *Tree) Span(n *Node) Span { return t.SpanOf(int(n.StartByte()), int(n.EndByte())) }

// SpanOf converts a byte range.
func (t *Tree) SpanOf(start, end int) Span {
	sl, sc := t.Position(start)
	el, ec := t.Position(end)
	return Span{Start: start, End: end, StartLine: int32(sl), StartCol: int32(sc), EndLine: int32(el), EndCol: int32(ec)}
}

// Position of a byte offset as 1-based line and character column.
func (t *Tree) Position(off int) (line, col int) {
	i := t.lineOf(off)
	switch {
	case t.ascii:
		return i + 1, off - t.lines[i] + 1
	case t.charsAt == nil:
		return i + 1, utf8.RuneCount(t.Src[t.lines[i]:off]) + 1
	}
	return i + 1, t.chars(off) - t.chars(t.lines[i]) + 1
}

// lineOf is the index of the line holding byte off: the line of the last
// position asked for or the next one, else found by binary search.
func (t *Tree) lineOf(off int) int {
	for i := t.line; i < min(t.line+2, len(t.lines)); i++ {
		if t.lines[i] <= off && (i+1 == len(t.lines) || off < t.lines[i+1]) {
			t.line = i
			return i
		}
	}
	i := max(sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off })-1, 0)
	t.line = i
	return i
}

// chars counts the characters of valid UTF-8 before byte off.
func (t *Tree) chars(off int) int {
	n := int(t.charsAt[off/charBlock])
	for _, b := range t.Src[off/charBlock*charBlock : off] {
		if utf8.RuneStart(b) {
			n++
		}
	}
	return n
}

// LineStart is the byte offset where the line containing off starts.
func (t *Tree) LineStart(off int) int { return t.lines[t.lineOf(off)] }
