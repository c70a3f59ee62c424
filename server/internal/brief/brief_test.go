package brief

import (
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	for _, c := range []struct {
		items []string
		max   int
		want  string
	}{
		{nil, 3, ""},
		{[]string{"a", "b", "c"}, 3, "a, b, c"},
		{[]string{"a", "b", "c", "d", "e"}, 3, "a, b, c and 2 more"},
	} {
		if got := List(c.items, c.max); got != c.want {
			t.Errorf("List(%v, %d) = %q, want %q", c.items, c.max, got, c.want)
		}
	}
}

func TestLines(t *testing.T) {
	for _, c := range []struct {
		items []string
		max   int
		want  string
	}{
		{nil, 3, ""},
		{[]string{"a", "b", "c"}, 3, "  a\n  b\n  c"},
		{[]string{"a", "b", "c", "d", "e"}, 3, "  a\n  b\n  c\n  and 2 more"},
	} {
		if got := Lines(c.items, c.max); got != c.want {
			t.Errorf("Lines(%v, %d) = %q, want %q", c.items, c.max, got, c.want)
		}
	}
}

func TestCode(t *testing.T) {
	for _, c := range []struct {
		s    string
		max  int
		want string
	}{
		{"sa.Enum(\n    'a',\n    name='x')", 50, "sa.Enum( 'a', name='x')"},
		{strings.Repeat("(", 3000) + "1" + strings.Repeat(")", 3000), 5, "(((((… (5996 more characters)"},
		{"ééééé", 2, "éé… (3 more characters)"},
	} {
		if got := Code(c.s, c.max); got != c.want {
			t.Errorf("Code(%.20q, %d) = %q, want %q", c.s, c.max, got, c.want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 findings remain", 1: "1 finding remains", 2: "2 findings remain"} {
		if got := Count(n, "finding remains", "findings remain"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAgree(t *testing.T) {
	for n, want := range map[int]string{0: "have", 1: "has", 2: "have"} {
		if got := Agree(n, "has", "have"); got != want {
			t.Errorf("Agree(%d) = %q, want %q", n, got, want)
		}
	}
}
