package edit

import "testing"

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
		got, err := Apply(src, c.edits)
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
		got, err := Apply([]byte(c.src), []TextEdit{{1, 1, c.text}})
		if err != nil || string(got) != c.want {
			t.Errorf("%q + %q: got %q, %v; want %q", c.src, c.text, got, err, c.want)
		}
	}
}
