package pysyntax

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	src := "ab\né日本x\n\n\tz🙂w\r\nend"
	tr := parse(t, src)
	tests := []struct {
		needle    string
		line, col int
	}{
		{"a", 1, 1},
		{"b", 1, 2},
		{"é", 2, 1},
		{"日", 2, 2}, // after a 2-byte character
		{"本", 2, 3}, // after a 3-byte character
		{"x", 2, 4},
		{"\n\n", 2, 5}, // the newline ends line 2
		{"\t", 4, 1},
		{"z", 4, 2}, // a tab is one character
		{"w", 4, 4}, // after a 4-byte emoji
		{"\r", 4, 5},
		{"end", 5, 1},
	}
	for _, tt := range tests {
		off := strings.Index(src, tt.needle)
		line, col := tr.Position(off)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%q @%d) = %d:%d, want %d:%d", tt.needle, off, line, col, tt.line, tt.col)
		}
	}
	if line, col := tr.Position(len(src)); line != 5 || col != 4 {
		t.Errorf("Position(end) = %d:%d, want 5:4", line, col)
	}
	if line, col := tr.Position(0); line != 1 || col != 1 {
		t.Errorf("Position(0) = %d:%d", line, col)
	}
	if ls := tr.LineStart(strings.Index(src, "本")); ls != 3 {
		t.Errorf("LineStart = %d, want 3", ls)
	}
	if ls := tr.LineStart(0); ls != 0 {
		t.Errorf("LineStart(0) = %d", ls)
	}
}

func TestSpanOfNodes(t *testing.T) {
	src := "# é\nx = \"日本\"  # c\ny = f(\n    'é',\n)\n"
	tr := parse(t, src)
	x := tr.Root().NamedChild(1).NamedChild(0).ChildByFieldName("right")
	s := tr.Span(x)
	if s.StartLine != 2 || s.StartCol != 5 || s.EndLine != 2 || s.EndCol != 9 {
		t.Errorf("string span = %+v, want 2:5-2:9", s)
	}
	if got := src[s.Start:s.End]; got != `"日本"` || tr.Text(x) != got {
		t.Errorf("span bytes = %q, Text = %q", got, tr.Text(x))
	}
	call := tr.Root().NamedChild(3).NamedChild(0).ChildByFieldName("right")
	cs := tr.Span(call)
	if cs.StartLine != 3 || cs.StartCol != 5 || cs.EndLine != 5 || cs.EndCol != 2 {
		t.Errorf("multi-line call span = %+v, want 3:5-5:2", cs)
	}
	if got := tr.SpanOf(0, 4); got.StartLine != 1 || got.EndLine != 1 || got.EndCol != 4 || got.End != 4 {
		t.Errorf("SpanOf = %+v", got)
	}
	e := tr.Expr(call)
	if e.Span != cs || e.Args[0].Span.StartLine != 4 || e.Args[0].Span.StartCol != 5 || e.Args[0].Span.EndCol != 8 {
		t.Errorf("expr spans = %+v / %+v", e.Span, e.Args[0].Span)
	}
}

// TestPositionColumns: columns count characters from the start of the line,
// on long lines and across the blocks of the character index too.
func TestPositionColumns(t *testing.T) {
	src := "x = 'é'\n" + strings.Repeat("y = '日本' + 'a' # ü\n", 3) + "z = [" + strings.Repeat("'ab', 'çd', ", 40) + "]\n"
	for _, valid := range []bool{true, false} {
		text := src
		if !valid {
			text += "w = '\xff'\n" // not UTF-8: columns are counted from the line start
		}
		tree, err := Parse(context.Background(), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if (tree.charsAt != nil) != valid {
			t.Fatalf("valid=%v: index %v", valid, tree.charsAt != nil)
		}
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			start := strings.LastIndexByte(text[:off], '\n') + 1
			wantLine := strings.Count(text[:off], "\n") + 1
			line, col := tree.Position(off)
			if line != wantLine || col != utf8.RuneCountInString(text[start:off])+1 {
				t.Fatalf("valid=%v: Position(%d) = %d:%d, want %d:%d", valid, off, line, col, wantLine, utf8.RuneCountInString(text[start:off])+1)
			}
		}
		tree.Close()
	}
}

// TestPositionInAnyOrder: positions asked for in any order (the line of the
// last one is tried first) are those counted from the start of the file, in
// an ASCII file, a UTF-8 one and one that is not valid UTF-8.
func TestPositionInAnyOrder(t *testing.T) {
	for name, src := range map[string]string{
		"ascii":   "x = 1\n\ny = f(\n  'a',\n)\r\n# end",
		"utf-8":   "é = '日本'\n\n🙂\nz\n",
		"invalid": "a = '\xff'\nb\n\xc3\n",
	} {
		tr := parse(t, src)
		offsets := rand.Perm(len(src) + 1)
		offsets = append(offsets, 0, len(src), len(src)/2, len(src)/2+1, 3, 2, 1)
		for _, off := range offsets {
			if off < len(src) && utf8.ValidString(src) && !utf8.RuneStart(src[off]) {
				continue // no node starts or ends inside a character
			}
			line := 1 + strings.Count(src[:off], "\n")
			col := 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:off], '\n')+1:off])
			if l, c := tr.Position(off); l != line || c != col {
				t.Errorf("%s: Position(%d) = %d:%d, want %d:%d", name, off, l, c, line, col)
			}
			if ls := tr.LineStart(off); ls != strings.LastIndexByte(src[:off], '\n')+1 {
				t.Errorf("%s: LineStart(%d) = %d", name, off, ls)
			}
		}
	}
}
