package shellquote

import (
	"os/exec"
	"testing"
)

// TestWordsSurviveTheShell: each quoted word reads back as itself in sh.
func TestWordsSurviveTheShell(t *testing.T) {
	words := []string{"plain", "a b", "x; rm -rf ~", "$(id)", "`id`", "a|b&c", "it's", "*", "", "é", "--message=-x", "a\nb", "!x", "#c", "~"}
	for _, w := range words {
		out, err := exec.Command("sh", "-c", "printf %s "+Word(w)).Output()
		if err != nil || string(out) != w {
			t.Errorf("Word(%q) = %s reads back as %q (%v)", w, Word(w), out, err)
		}
	}
	if got := Join([]string{"alembic", "revision", "-m", "add x; drop y"}); got != "alembic revision -m 'add x; drop y'" {
		t.Errorf("Join: %s", got)
	}
}
