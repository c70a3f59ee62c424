package rules

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

func TestDowngradeMissingRaiseIsInfo(t *testing.T) {
	rule, _ := Get("downgrade-missing")
	for _, d := range RunOn(t, filepath.Join("testdata", "downgrade-missing", "raise_only"), rule) {
		if d.Severity != Info {
			t.Errorf("a raising downgrade is an explicit choice: want info, got %s", d.Severity)
		}
	}
	for _, d := range RunOn(t, filepath.Join("testdata", "downgrade-missing", "not_invertible"), rule) {
		if d.Severity != Warning || d.Fix != nil {
			t.Errorf("an empty downgrade of a change without inverse: want a warning without fix, got %s with fix %v", d.Severity, d.Fix)
		}
	}
}

// The rule is off where the project's revision template has no downgrade(),
// and says so once for the script directory.
func TestDowngradeMissingPolicyNote(t *testing.T) {
	rule, _ := Get("downgrade-missing")
	for _, c := range []struct{ dir, want string }{
		{"ok_template_without_downgrade", "has no downgrade(), so the project does not support downgrades (2 revisions"},
		{"ok_template_says_no_downgrades", `says "# This project only upgrades: downgrades are not supported." in downgrade()`},
		{"ok_history_of_pass_downgrades", "none of its revisions after the first writes a downgrade() that does more than pass or raise"},
		{"template_with_downgrade", ""},
		{"no_downgrade", ""},
	} {
		dir := filepath.Join("testdata", "downgrade-missing", c.dir)
		loaded := history.Load(context.Background(), dir, project.FilesIn(dir), nil)
		notes := rule.Notes(loaded.Graph, dir)
		switch {
		case c.want == "" && len(notes) > 0:
			t.Errorf("%s: unexpected note %q", c.dir, notes)
		case c.want != "" && (len(notes) != 1 || !strings.Contains(notes[0], c.want) || !strings.HasPrefix(notes[0], "downgrade-missing is off in .:")):
			t.Errorf("%s: notes %q, want one containing %q", c.dir, notes, c.want)
		}
	}
}
