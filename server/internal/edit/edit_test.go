package edit

import (
	"slices"
	"testing"
)

func TestApply(t *testing.T) {
	src := []byte("abcdef")
	cases := []struct {
		name  string
		edits []TextEdit
		want  string
		fails bool
	}{
		{"none", nil, "abcdef", false},
		{"replace", []TextEdit{{1, 3, "XY"}}, "aXYdef", false},
		{"insert and delete, unsorted", []TextEdit{{5, 6, ""}, {0, 0, ">"}}, ">abcde", false},
		{"two inserts at one offset keep order", []TextEdit{{2, 2, "1"}, {2, 2, "2"}}, "ab12cdef", false},
		{"overlap", []TextEdit{{1, 4, "x"}, {3, 5, "y"}}, "", true},
		{"outside", []TextEdit{{4, 9, "x"}}, "", true},
		{"inverted", []TextEdit{{4, 2, "x"}}, "", true},
	}
	for _, c := range cases {
		got, _, err := Apply(src, c.edits)
		if c.fails {
			if err == nil {
				t.Errorf("%s: want an error, got %q", c.name, got)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	if string(src) != "abcdef" {
		t.Fatalf("Apply changed its input: %q", src)
	}
}

func TestApplyKeepsLineEndings(t *testing.T) {
	cases := []struct{ src, text, want string }{
		{"a\r\nb\r\n", "\nx", "a\r\nx\r\nb\r\n"},
		{"a\r\nb\r\n", "\r\nx", "a\r\nx\r\nb\r\n"}, // not doubled
		{"a\nb\n", "\nx", "a\nx\nb\n"},
		{"a\r\nb\r\nc\n", "\nx", "a\r\nx\r\nb\r\nc\n"}, // the majority wins
	}
	for _, c := range cases {
		got, written, err := Apply([]byte(c.src), []TextEdit{{1, 1, c.text}})
		if err != nil || string(got) != c.want {
			t.Errorf("%q + %q: got %q, %v; want %q", c.src, c.text, got, err, c.want)
		}
		inserted := c.want[1 : len(c.want)-len(c.src)+1] // what lies between src[:1] and src[1:]
		if w := written[0]; string(got[w.Start:w.End]) != inserted {
			t.Errorf("%q + %q: the written range holds %q, want %q", c.src, c.text, got[w.Start:w.End], inserted)
		}
	}
}

// TestApplyReportsWhereTextWent: every written range holds exactly its edit's
// new text, in file order, whatever the order of the edits.
func TestApplyReportsWhereTextWent(t *testing.T) {
	src := []byte("0123456789")
	edits := []TextEdit{{8, 9, "<eight>"}, {0, 0, "<start>"}, {3, 5, ""}, {5, 5, "<five>"}}
	got, written, err := Apply(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "<start>012<five>567<eight>9" {
		t.Fatalf("got %q", got)
	}
	var texts []string
	for _, w := range written {
		texts = append(texts, string(got[w.Start:w.End]))
	}
	if want := []string{"<start>", "", "<five>", "<eight>"}; !slices.Equal(texts, want) {
		t.Errorf("written ranges hold %q, want %q", texts, want)
	}
}
