package dialect

import "testing"

func TestOfBackend(t *testing.T) {
	for name, want := range map[string]string{"postgresql": "postgresql", "Postgres": "postgresql", "mariadb": "mysql",
		"sqlite": "sqlite", "cockroachdb": "", "": ""} {
		if got := OfBackend(name); got != want {
			t.Errorf("OfBackend(%q) = %q, want %q", name, got, want)
		}
	}
}
