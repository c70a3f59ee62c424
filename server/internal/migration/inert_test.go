package migration

import (
	"context"
	"testing"
)

// TestInertUnderAlembic: an upgrade() that returns at once when a parameter
// left at its default None is None does nothing when Alembic calls it; every
// other shape of that guard still runs the operations after it.
func TestInertUnderAlembic(t *testing.T) {
	for _, c := range []struct {
		signature, guard string
		inert            bool
	}{
		{"op=None", "if op is None:\n        return", true},
		{"op: Operations = None", "if op is None:\n        # only the bootstrap script passes op\n        return", true},
		{"op=None", "if not op:\n        return", true},
		{"op=None", "if op == None:\n        return", true},
		{"op=None", "if op is not None:\n        return", false},
		{"op", "if op is None:\n        return", false},
		{"op=False", "if not op:\n        return", false},
		{"op=None", "if op is None:\n        return\n    else:\n        pass", false},
		{"op=None", "if op is None:\n        print('skipped')", false},
		{"op=None, other=None", "if other is None:\n        return", true},
	} {
		src := "from alembic.operations import Operations\n\nrevision = \"0002\"\ndown_revision = \"0001\"\n\n\n" +
			"def upgrade(" + c.signature + "):\n    " + c.guard + "\n    op.create_table(\"members\")\n\n\ndef downgrade():\n    pass\n"
		m, err := Parse(context.Background(), "0002.py", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if inert := len(m.Upgrade.Ops) == 0; inert != c.inert {
			t.Errorf("upgrade(%s) guarded by %q: %d operations, want inert=%v", c.signature, c.guard, len(m.Upgrade.Ops), c.inert)
		}
	}
}
