package fix

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pyscope"
)

// opStyles are the ways a revision file reaches alembic's op: its imports,
// the receiver its calls use ("" for bare functions), and the parameters of
// upgrade() and downgrade().
var opStyles = []struct{ imports, recv, params string }{
	{"from alembic import op", "op", ""},
	{"import alembic", "alembic.op", ""},
	{"from alembic import op as migration_op", "migration_op", ""},
	{"", "op", "op"},
	{"import alembic.op", "alembic.op", ""},
	{"import alembic as al", "al.op", ""},
	{"import alembic\nfrom alembic import op", "op", ""},
	{"from alembic.op import add_column, create_foreign_key, create_index, create_table, drop_column, drop_constraint, drop_index, drop_table, batch_alter_table", "", ""},
}

// saStyles are the ways it reaches sqlalchemy: imports and the prefix of
// Column, Integer, String and Enum.
var saStyles = []struct{ imports, prefix, enum string }{
	{"import sqlalchemy as sa", "sa.", "sa.Enum"},
	{"import sqlalchemy", "sqlalchemy.", "sqlalchemy.Enum"},
	{"from sqlalchemy import Column, Enum, Integer, String", "", "Enum"},
	{"import sqlalchemy as sa\nimport enum", "sa.", "sa.Enum"},
	{"from sqlalchemy import Column, Integer, String\nfrom sqlalchemy.types import Enum", "", "Enum"},
	{"import sqlalchemy.dialects.postgresql", "sqlalchemy.", "sqlalchemy.Enum"},
	{"from sqlalchemy import Column, Integer, String\nfrom sqlalchemy.types import Enum\nsa = None", "", "Enum"},
}

// pgStyles are the ways it reaches the PostgreSQL dialect, and how its own
// columns then spell the enum type ("" keeps sqlalchemy's).
var pgStyles = []struct{ imports, enum string }{
	{"", ""},
	{"from sqlalchemy.dialects import postgresql", "postgresql.ENUM"},
	{"from sqlalchemy.dialects import postgresql as pg", "pg.ENUM"},
	{"from sqlalchemy.dialects.postgresql import ENUM", "ENUM"},
	{"postgresql = None", ""},
	{"from sqlalchemy.dialects import postgresql as pg\npostgresql = None", "pg.ENUM"},
}

// The parts of a generated revision, one bit each.
const (
	enumTable      = 1 << iota // create_table with a new enum type, downgrade drops the table only
	enumColumn                 // add_column of a new enum type
	concurrently               // a concurrent index inside the transaction
	plainIndex                 // a plain index on an existing table
	unnamedFK                  // create_foreign_key(None, ...), dropped unnamed
	forgottenNote              // add_column that downgrade() forgets
	emptyDowngrade             // downgrade() is only `pass`
	batchBlock                 // a batch block adding a column
	existingEnum               // create_table with the enum type 0001 created
	helper                     // an index created in a helper taking op
	partCount      = iota
)

// base is revision 0001: the accounts table and its enum type.
const base = `"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", sa.Enum("a", "b", name="account_kind")))
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("accounts", sa.Column("owner_id", sa.Integer()))


def downgrade():
    op.drop_table("owners")
    op.drop_table("accounts")
    sa.Enum(name="account_kind").drop(op.get_bind(), checkfirst=True)
`

// styledRevision writes revision 0002 in the given styles with the parts set
// in parts.
func styledRevision(opStyle, saStyle, pgStyle int, parts uint16, single bool) string {
	o, s, p := opStyles[opStyle], saStyles[saStyle], pgStyles[pgStyle]
	call := func(name string) string {
		if o.recv == "" {
			return name
		}
		return o.recv + "." + name
	}
	enum := s.enum
	if p.enum != "" {
		enum = p.enum
	}
	col := func(name, typ string) string { return fmt.Sprintf(`%sColumn("%s", %s)`, s.prefix, name, typ) }
	str := s.prefix + "String(50)"
	var up, down []string
	if parts&enumTable != 0 {
		up = append(up, fmt.Sprintf(`%s("orders", %s, %s)`, call("create_table"), col("id", s.prefix+"Integer()"),
			col("status", enum+`("new", "paid", name="order_status")`)))
		down = append(down, call("drop_table")+`("orders")`)
	}
	if parts&enumColumn != 0 {
		up = append(up, fmt.Sprintf(`%s("accounts", %s)`, call("add_column"), col("tier", enum+`("gold", "silver", name="account_tier")`)))
		down = append(down, call("drop_column")+`("accounts", "tier")`)
	}
	if parts&concurrently != 0 {
		up = append(up, call("create_index")+`("ix_accounts_kind", "accounts", ["kind"], postgresql_concurrently=True)`)
		down = append(down, call("drop_index")+`("ix_accounts_kind", table_name="accounts", postgresql_concurrently=True)`)
	}
	if parts&plainIndex != 0 {
		up = append(up, call("create_index")+`("ix_accounts_owner", "accounts", ["owner_id"])`)
		down = append(down, call("drop_index")+`("ix_accounts_owner", table_name="accounts")`)
	}
	if parts&unnamedFK != 0 {
		up = append(up, call("create_foreign_key")+`(None, "accounts", "owners", ["owner_id"], ["id"])`)
		down = append(down, call("drop_constraint")+`(None, "accounts", type_="foreignkey")`)
	}
	if parts&forgottenNote != 0 {
		up = append(up, fmt.Sprintf(`%s("accounts", %s)`, call("add_column"), col("note", str)))
	}
	if parts&batchBlock != 0 {
		up = append(up, fmt.Sprintf("with %s(\"accounts\") as batch_op:\n        batch_op.add_column(%s)", call("batch_alter_table"), col("label", str)))
		down = append(down, fmt.Sprintf("with %s(\"accounts\") as batch_op:\n        batch_op.drop_column(\"label\")", call("batch_alter_table")))
	}
	if parts&existingEnum != 0 {
		up = append(up, fmt.Sprintf(`%s("archive", %s, %s)`, call("create_table"), col("id", s.prefix+"Integer()"),
			col("kind", enum+`("a", "b", name="account_kind")`)))
		down = append(down, call("drop_table")+`("archive")`)
	}
	var helpers string
	if parts&helper != 0 && o.recv != "" {
		helpers = "def _index(op):\n    op.create_index(\"ix_accounts_id\", \"accounts\", [\"id\"])\n\n\n"
		up = append(up, "_index("+o.recv+")")
		down = append(down, call("drop_index")+`("ix_accounts_id", table_name="accounts")`)
	}
	if parts&emptyDowngrade != 0 || len(down) == 0 {
		down = []string{"pass"}
	}
	if len(up) == 0 {
		up = []string{"pass"}
	}
	imports := strings.Trim(strings.Join([]string{o.imports, s.imports, p.imports}, "\n"), "\n")
	src := fmt.Sprintf(`"""styled

Revision ID: 0002
Revises: 0001
"""
%s

revision = "0002"
down_revision = "0001"


%sdef upgrade(%s):
    %s


def downgrade(%s):
    %s
`, imports, helpers, o.params, strings.Join(up, "\n    "), o.params, strings.Join(down, "\n    "))
	if single {
		src = strings.ReplaceAll(src, `"`, "'")
	}
	return src
}

// FuzzFixImportStyles: whatever the way a revision file imports alembic's op,
// sqlalchemy and the PostgreSQL dialect, and whichever fixable problems it
// has, the fixes write only names bound where they go (the engine never has
// to refuse one for that) and leave a file that parses.
func FuzzFixImportStyles(f *testing.F) {
	all := uint16(1<<partCount - 1)
	for op := range opStyles {
		f.Add(uint8(op), uint8(0), uint8(0), all&^emptyDowngrade, false)
		f.Add(uint8(op), uint8(op%len(saStyles)), uint8(op%len(pgStyles)), uint16(emptyDowngrade|enumColumn|existingEnum), op%2 == 0)
	}
	for sa := range saStyles {
		for pg := range pgStyles {
			f.Add(uint8(0), uint8(sa), uint8(pg), all&^emptyDowngrade, sa%2 == 1)
		}
	}
	f.Fuzz(func(t *testing.T, opStyle, saStyle, pgStyle uint8, parts uint16, single bool) {
		src := styledRevision(int(opStyle)%len(opStyles), int(saStyle)%len(saStyles), int(pgStyle)%len(pgStyles), parts, single)
		proj := projectWith(t, map[string]string{"0001_accounts.py": base, "0002_styled.py": src})
		res, err := Compute(context.Background(), proj, Options{Unsafe: true, Check: check.Options{Profile: "zero-downtime"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range res.Files {
			if strings.Contains(file.Refused, "would use") {
				t.Fatalf("a fix used an unbound name: %s\n--- revision\n%s", file.Refused, file.Before)
			}
			// the fixes are written, not left on offer: a file not refused
			// (for a finding the fixes together introduce) keeps none
			for _, d := range res.Remaining.Findings {
				if file.Refused == "" && d.Path == file.Path && d.Fix != nil {
					t.Errorf("the fix of %s on line %d is left on offer: %s\n--- after\n%s", d.Rule, d.Span.StartLine, d.Fix.Message, file.After)
				}
			}
			if _, err := migration.Parse(context.Background(), file.Path, file.After); err != nil {
				t.Fatalf("the fixed file does not parse: %v\n--- after\n%s", err, file.After)
			}
			if added := newlyUnbound(t, file.Before, file.After); len(added) > 0 {
				t.Fatalf("the fixed file uses unbound %q\n--- before\n%s\n--- after\n%s", added, file.Before, file.After)
			}
		}
	})
}

// newlyUnbound are the names used unbound in after (anywhere) that are not so
// in before.
func newlyUnbound(t *testing.T, before, after []byte) []string {
	t.Helper()
	names := func(src []byte) []string {
		uses, err := pyscope.Unbound(context.Background(), src, []edit.Range{{Start: 0, End: len(src)}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range uses {
			out = append(out, u.Name)
		}
		return out
	}
	was := names(before)
	var added []string
	for _, n := range names(after) {
		if !slices.Contains(was, n) {
			added = append(added, n)
		}
	}
	return added
}
