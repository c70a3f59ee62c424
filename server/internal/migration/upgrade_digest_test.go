package migration

import (
	"context"
	"strings"
	"testing"
)

// TestUpgradeDigest: the digest of what an upgrade's model derives from is
// the same after an edit of downgrade() (its decorators too) or a comment
// added at the end, and changes with the upgrade, with the code before it,
// and with code after a downgrade() (a helper defined there may be what the
// upgrade calls).
func TestUpgradeDigest(t *testing.T) {
	const base = `from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("email", sa.String(100), nullable=True))


def downgrade():
    op.drop_column("users", "email")
`
	digest := func(src string) [32]byte {
		t.Helper()
		m, err := Parse(context.Background(), "0002_email.py", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if m.UpgradeDigest == ([32]byte{}) {
			t.Fatal("no upgrade digest")
		}
		if h := m.Header(); h.UpgradeDigest != m.UpgradeDigest {
			t.Fatal("the header does not keep the upgrade digest")
		}
		return m.UpgradeDigest
	}
	want := digest(base)
	for name, src := range map[string]string{
		"a comment appended":      base + "\n# reviewed\n",
		"the downgrade edited":    strings.Replace(base, `op.drop_column("users", "email")`, "pass  # kept", 1),
		"the downgrade decorated": strings.Replace(base, "def downgrade", "@staticmethod\ndef downgrade", 1),
	} {
		if digest(src) != want {
			t.Errorf("%s: the upgrade digest changed", name)
		}
	}
	for name, src := range map[string]string{
		"the upgrade edited":           strings.Replace(base, "String(100)", "String(120)", 1),
		"a comment above the upgrade":  strings.Replace(base, "def upgrade", "# email\ndef upgrade", 1),
		"a helper after the downgrade": base + "\n\ndef helper():\n    pass\n",
	} {
		if digest(src) == want {
			t.Errorf("%s: the upgrade digest is the same", name)
		}
	}
}
