package check

import (
	"context"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestRuleNotes: a rule that its project's policy turns off says so once per
// script directory (downgrade-missing and a revision template without
// downgrade()), and only when the rule is selected.
func TestRuleNotes(t *testing.T) {
	root := writeTree(t, map[string]string{
		"alembic.ini":                 "[alembic]\nscript_location = migrations\n",
		"migrations/env.py":           "",
		"migrations/script.py.mako":   "\"\"\"${message}\"\"\"\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n\n\ndef upgrade():\n    ${upgrades if upgrades else \"pass\"}\n",
		"migrations/versions/0001.py": "from alembic import op\nimport sqlalchemy as sa\n\nrevision = \"0001\"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table(\"hosts\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n",
	})
	proj, err := project.Find(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		opts  Options
		notes int
	}{{Options{}, 1}, {Options{Ignore: []string{"downgrade-missing"}}, 0}} {
		res, err := Run(context.Background(), proj, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, note := range res.Notes {
			if strings.HasPrefix(note, "downgrade-missing is off in migrations: its revision template script.py.mako has no downgrade()") {
				n++
			}
		}
		for _, f := range res.Findings {
			if f.Rule == "downgrade-missing" {
				t.Errorf("downgrade-missing reported although the template has no downgrade(): %s", f.Message)
			}
		}
		if n != c.notes {
			t.Errorf("%+v: %d notes, want %d: %q", c.opts, n, c.notes, res.Notes)
		}
	}
}
