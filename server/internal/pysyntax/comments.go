package pysyntax

import "bytes"

// Comment is a comment token.
type Comment struct {
	Text string
	Span Span
}

// CommentsContaining returns the comments whose text contains marker. It searches
// the bytes first and asks the tree only at the hits, which avoids a full walk.
func (t *Tree) CommentsContaining(marker string) []Comment {
	var out []Comment
	m := []byte(marker)
	for off := 0; ; {
		i := bytes.Index(t.Src[off:], m)
		if i < 0 {
			return out
		}
		at := off + i
		n := t.Root().NamedDescendantAt(at, at+len(m))
		if n != nil && n.Type() == "comment" {
			out = append(out, Comment{Text: t.Text(n), Span: t.Span(n)})
			off = int(n.EndByte())
		} else {
			off = at + len(m)
		}
	}
}

func point(t *Tree, off int) Point {
	start := t.LineStart(off)
	line, _ := t.Position(off)
	return Point{Row: uint32(line - 1), Column: uint32(off - start)}
}
