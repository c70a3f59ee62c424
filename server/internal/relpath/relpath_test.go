package relpath

import "testing"

func TestRel(t *testing.T) {
	for _, c := range []struct{ root, path, want string }{
		{"/p", "/p/migrations/versions/a.py", "migrations/versions/a.py"},
		{"/p", "/p", "."},
		{"/p", "/q/a.py", "/q/a.py"},           // outside: as it is
		{"/p", "/p/../q/a.py", "/p/../q/a.py"}, // outside, spelt from inside
		{"/p", "/p/..hidden/a.py", "..hidden/a.py"},
		{"/p", "", ""},
		{"", "/p/a.py", "/p/a.py"}, // no root
	} {
		if got := Rel(c.root, c.path); got != c.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", c.root, c.path, got, c.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		path, dir string
		want      bool
	}{
		{"/p/a", "/p", true},
		{"/p", "/p", true},
		{"/pq", "/p", false},
		{"/", "/p", false},
		{"/p/..x", "/p", true},
		{"relative", "/p", false},
	} {
		if got := Within(c.path, c.dir); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.path, c.dir, got, c.want)
		}
	}
}
