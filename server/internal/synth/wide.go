package synth

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WideOptions shape a project whose second revision has many operations:
// stress input for the per-file analyses, which must stay linear in the number
// of operations of one file.
type WideOptions struct {
	Ops int // add_column calls in the second revision's upgrade
	// DowngradePass leaves the downgrade empty (`pass`: downgrade-missing);
	// otherwise it drops only the last column (downgrade-incomplete for all
	// the others).
	DowngradePass bool
}

// WriteWide writes the scaffolding of Write and two revisions: 000000000001
// creates table wide, 000000000002 adds Ops columns to it.
func WriteWide(dir string, opts WideOptions) error {
	if opts.Ops < 1 {
		return fmt.Errorf("synth: Ops must be at least 1, got %d", opts.Ops)
	}
	versions := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	if ents, err := os.ReadDir(versions); err != nil {
		return err
	} else if len(ents) > 0 {
		return errors.New("synth: " + versions + " is not empty")
	}
	files := map[string]string{
		filepath.Join(dir, "alembic.ini"):                  alembicIni,
		filepath.Join(dir, "migrations", "env.py"):         envPy,
		filepath.Join(dir, "migrations", "script.py.mako"): scriptMako,
		filepath.Join(versions, "000000000001_wide.py"):    wideBase,
		filepath.Join(versions, "000000000002_many.py"):    WideRevision(opts),
	}
	for path, text := range files {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const wideBase = `"""create wide

Revision ID: 000000000001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = '000000000001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('wide', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('wide')
`

// WideRevision is the source of the second revision of WriteWide.
func WideRevision(opts WideOptions) string {
	var b strings.Builder
	b.WriteString(`"""many columns

Revision ID: 000000000002
Revises: 000000000001
"""
from alembic import op
import sqlalchemy as sa

revision = '000000000002'
down_revision = '000000000001'
branch_labels = None
depends_on = None


def upgrade():
`)
	for i := range opts.Ops {
		fmt.Fprintf(&b, "    op.add_column('wide', sa.Column('c%d', sa.String(length=50), nullable=True))\n", i)
	}
	b.WriteString("\n\ndef downgrade():\n")
	if opts.DowngradePass {
		b.WriteString("    pass\n")
		return b.String()
	}
	fmt.Fprintf(&b, "    op.drop_column('wide', 'c%d')\n", opts.Ops-1)
	return b.String()
}
