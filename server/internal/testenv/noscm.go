package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// MySQLBesideMigrations writes a Flask-Migrate project outside any git
// checkout: alembic.ini in migrations/, the MySQL driver in requirements.txt
// beside it, and one revision (Revision, relative to the top) whose
// alter_column lacks existing_type, an error on MySQL only
// (mysql-alter-column-incomplete). It returns the top, symlinks resolved.
func MySQLBesideMigrations(t testing.TB) string {
	t.Helper()
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"requirements.txt":       "Flask-Migrate==4.0\nmysqlclient==2.2\n",
		"migrations/alembic.ini": "[alembic]\n",
		"migrations/env.py":      "from alembic import context\n",
		Revision: `"""domain type

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.alter_column("domain", "type", nullable=False)


def downgrade():
    op.alter_column("domain", "type", nullable=True)
`,
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return top
}

// Revision is the revision file of MySQLBesideMigrations.
const Revision = "migrations/versions/0001_domain.py"
