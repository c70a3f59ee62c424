package pysyntax

import (
	"slices"
	"testing"
)

func TestCommentsContaining(t *testing.T) {
	src := `"""docstring mentions MARK here"""
# MARK first
x = "MARK in a string"  # trailing MARK and MARK again
y = f"{x} MARK"
z = 1  # no marker
def f():
    # indented MARK, é日本 before? no: after é MARK
    return '# MARK'
# MARK`
	tr := parse(t, src)
	type c struct {
		text      string
		line, col int
	}
	var got []c
	for _, cm := range tr.CommentsContaining("MARK") {
		got = append(got, c{cm.Text, int(cm.Span.StartLine), int(cm.Span.StartCol)})
		if src[cm.Span.Start:cm.Span.End] != cm.Text {
			t.Errorf("span of %q covers %q", cm.Text, src[cm.Span.Start:cm.Span.End])
		}
	}
	want := []c{
		{"# MARK first", 2, 1},
		{"# trailing MARK and MARK again", 3, 25}, // reported once
		{"# indented MARK, é日本 before? no: after é MARK", 7, 5},
		{"# MARK", 9, 1}, // at the end of the file without a newline
	}
	if !slices.Equal(got, want) {
		t.Errorf("comments:\n got %+v\nwant %+v", got, want)
	}
	if cs := tr.CommentsContaining("absent"); len(cs) != 0 {
		t.Errorf("absent marker: %+v", cs)
	}
	// a marker after non-ASCII text on the same line is found by byte column
	tr = parse(t, "s = 'é日本🙂'  # MARK\n")
	if cs := tr.CommentsContaining("MARK"); len(cs) != 1 || cs[0].Span.StartCol != 13 {
		t.Errorf("after multi-byte text: %+v", cs)
	}
}
