package stylist

import (
	"context"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pyscope"
)

func parse(t *testing.T, src string) *migration.Migration {
	t.Helper()
	m, err := migration.Parse(context.Background(), "0001_x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// revision is a revision file with the given imports and functions.
func revision(imports, functions string) string {
	return `"""x

Revision ID: 0001
Revises:
"""
` + imports + `

revision = "0001"
down_revision = None


` + functions
}

type spelling struct {
	sym Symbol
	as  string
}

const plainFunctions = `def upgrade():
    pass


def downgrade():
    pass
`

// Every import style reaches each symbol by its own names, adding the
// conventional import only when none does; the code written into downgrade()
// then uses only names bound there.
func TestImportStyles(t *testing.T) {
	cases := []struct {
		name, imports, functions string
		want                     []spelling
		added                    []string // the imports the code needs
	}{
		{"autogenerate", "from alembic import op\nimport sqlalchemy as sa", plainFunctions,
			[]spelling{{Op, "op"}, {GetBind, "op.get_bind"}, {Enum, "sa.Enum"}, {SQLAlchemy, "sa"}, {PostgresENUM, "postgresql.ENUM"}},
			[]string{"from sqlalchemy.dialects import postgresql"}},
		{"import alembic", "import alembic\nimport sqlalchemy as sa", plainFunctions,
			[]spelling{{Op, "alembic.op"}, {GetBind, "alembic.op.get_bind"}, {Enum, "sa.Enum"}}, nil},
		{"import alembic.op", "import alembic.op\nimport sqlalchemy as sa", plainFunctions,
			[]spelling{{Op, "alembic.op"}, {GetBind, "alembic.op.get_bind"}}, nil},
		{"op aliased", "from alembic import op as migration_op\nimport sqlalchemy as sa", plainFunctions,
			[]spelling{{Op, "migration_op"}, {GetBind, "migration_op.get_bind"}}, nil},
		{"op a parameter", "import sqlalchemy as sa", strings.ReplaceAll(plainFunctions, "():", "(op):"),
			[]spelling{{Op, "op"}, {GetBind, "op.get_bind"}}, nil},
		{"op a parameter of the other function only", "import sqlalchemy as sa", strings.Replace(plainFunctions, "upgrade():", "upgrade(op):", 1),
			[]spelling{{Op, "op"}}, []string{"from alembic import op"}},
		{"get_bind imported", "from alembic.op import get_bind, create_table\nimport sqlalchemy as sa", plainFunctions,
			[]spelling{{GetBind, "get_bind"}}, nil},
		{"import sqlalchemy", "from alembic import op\nimport sqlalchemy", plainFunctions,
			[]spelling{{Enum, "sqlalchemy.Enum"}, {SQLAlchemy, "sqlalchemy"}}, nil},
		{"Enum imported", "from alembic import op\nfrom sqlalchemy import Column, Enum", plainFunctions,
			[]spelling{{Enum, "Enum"}}, nil},
		{"sqlalchemy needed beside Enum", "from alembic import op\nfrom sqlalchemy import Column, Enum", plainFunctions,
			[]spelling{{Enum, "Enum"}, {SQLAlchemy, "sa"}}, []string{"import sqlalchemy as sa"}},
		{"Enum imported from sqlalchemy.types", "from alembic import op\nfrom sqlalchemy.types import Enum", plainFunctions,
			[]spelling{{Enum, "Enum"}}, nil},
		{"sqlalchemy.types imported", "from alembic import op\nfrom sqlalchemy import types as sat", plainFunctions,
			[]spelling{{Enum, "sat.Enum"}}, nil},
		{"Enum imported twice from elsewhere", "from alembic import op\nfrom sqlalchemy import Enum\nfrom enum import Enum", plainFunctions,
			[]spelling{{Enum, "sa.Enum"}}, []string{"import sqlalchemy as sa"}},
		{"postgresql aliased", "from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql as pg", plainFunctions,
			[]spelling{{PostgresENUM, "pg.ENUM"}, {Enum, "sa.Enum"}}, nil},
		{"ENUM imported", "from alembic import op\nfrom sqlalchemy.dialects.postgresql import ENUM as PgEnum", plainFunctions,
			[]spelling{{PostgresENUM, "PgEnum"}}, nil},
		{"import sqlalchemy.dialects.postgresql", "from alembic import op\nimport sqlalchemy.dialects.postgresql", plainFunctions,
			[]spelling{{PostgresENUM, "sqlalchemy.dialects.postgresql.ENUM"}, {Enum, "sqlalchemy.Enum"}}, nil},
		{"no imports at all", "", plainFunctions,
			[]spelling{{Op, "op"}, {Enum, "sa.Enum"}}, []string{"from alembic import op", "import sqlalchemy as sa"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := parse(t, revision(c.imports, c.functions))
			code := New(m).In(m.Downgrade)
			var used []string
			for _, w := range c.want {
				got := code.Ref(w.sym)
				if got != w.as {
					t.Errorf("%v is spelled %q, want %q", w.sym, got, w.as)
				}
				used = append(used, got)
			}
			imports, ok := Imports(code)
			if !ok {
				t.Fatal("the code cannot be written")
			}
			var added []string
			for _, e := range imports {
				added = append(added, strings.TrimSpace(e.NewText))
			}
			if strings.Join(added, "; ") != strings.Join(c.added, "; ") {
				t.Errorf("adds imports %q, want %q", added, c.added)
			}
			// the code, written into downgrade(), with its imports
			at := m.Downgrade.LastStmt.End
			body := edit.TextEdit{Start: at, End: at, NewText: "\n    print(" + strings.Join(used, ", ") + ")"}
			fixed, written, err := edit.Apply(m.Source, append(imports, body))
			if err != nil {
				t.Fatal(err)
			}
			if unbound, _ := pyscope.Unbound(context.Background(), fixed, written); len(unbound) > 0 {
				t.Errorf("the code uses unbound %v:\n%s", unbound, fixed)
			}
		})
	}
}

func TestReaches(t *testing.T) {
	m := parse(t, revision("from alembic import op\nfrom sqlalchemy.dialects import postgresql as pg", plainFunctions))
	code := New(m).In(m.Downgrade)
	if code.Reaches(Enum) || !code.Reaches(PostgresENUM) || !code.Reaches(Op) {
		t.Errorf("reaches Enum %v, ENUM %v, op %v", code.Reaches(Enum), code.Reaches(PostgresENUM), code.Reaches(Op))
	}
	if imports, _ := Imports(code); len(imports) != 0 {
		t.Errorf("asking adds imports %v", imports)
	}
}

// The operation beside the code tells how it reaches op, also in a helper
// function whose parameter it is.
func TestBesideAnOperation(t *testing.T) {
	m := parse(t, revision("import sqlalchemy as sa", `def _drop(op):
    op.drop_table("orders")


def upgrade():
    pass


def downgrade():
    _drop(None)
`))
	helperOp := m.Downgrade.Ops[0]
	if got := New(m).Beside(helperOp).Ref(GetBind); got != "op.get_bind" {
		t.Errorf("beside the helper's operation: %q", got)
	}
	code := New(m).In(m.Downgrade)
	if got := code.Ref(GetBind); got != "op.get_bind" {
		t.Errorf("in downgrade(): %q", got)
	}
	if imports, ok := Imports(code); !ok || len(imports) != 1 || strings.TrimSpace(imports[0].NewText) != "from alembic import op" {
		t.Errorf("in downgrade() the code needs op imported: %v %v", imports, ok)
	}
}

// A name the file binds to something else, or that a parameter shadows,
// is neither used nor imported over.
func TestTakenNames(t *testing.T) {
	for _, c := range []struct{ name, imports, functions string }{
		{"sa is a variable", "from alembic import op\nsa = None", plainFunctions},
		{"sa is a parameter", "from alembic import op", strings.ReplaceAll(plainFunctions, "():", "(sa):")},
		{"sa is imported twice", "from alembic import op\nimport sqlalchemy as sa\nimport sqlparse as sa", plainFunctions},
	} {
		m := parse(t, revision(c.imports, c.functions))
		code := New(m).In(m.Downgrade)
		code.Ref(Enum)
		if imports, ok := Imports(code); ok {
			t.Errorf("%s: the code is written (imports %v)", c.name, imports)
		}
	}
}

func TestQuoteAndIndent(t *testing.T) {
	double := New(parse(t, revision("from alembic import op", plainFunctions)))
	single := New(parse(t, strings.ReplaceAll(strings.ReplaceAll(revision("from alembic import op", plainFunctions), `"""`, "'''"), `"`, "'")))
	tabs := New(parse(t, strings.ReplaceAll(revision("from alembic import op", plainFunctions), "    ", "\t")))
	for _, c := range []struct{ got, want string }{
		{double.Quote("status"), `"status"`},
		{single.Quote("status"), `'status'`},
		{double.Quote(`it's "x"`), `"it's \"x\""`},
		{single.Quote(`it's`), `"it's"`},
		{double.Quote(`a\b`), `"a\\b"`},
		{double.Indent(), "    "},
		{tabs.Indent(), "\t"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// An added import goes after the last top-level import and the comment on
// its line, else after the docstring, else after the comments opening the file.
func TestWhereImportsGo(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"\"\"\"doc\"\"\"\nimport os  # noqa\nimport sys\n\ndef upgrade():\n    pass\n",
			"\"\"\"doc\"\"\"\nimport os  # noqa\nimport sys\nfrom alembic import op\n\ndef upgrade():\n    pass\n"},
		{"import os  # noqa\r\n\r\ndef upgrade():\r\n    pass\r\n",
			"import os  # noqa\r\nfrom alembic import op\r\n\r\ndef upgrade():\r\n    pass\r\n"},
		{"\"\"\"doc\"\"\"\n\ndef upgrade():\n    pass\n",
			"\"\"\"doc\"\"\"\nfrom alembic import op\n\ndef upgrade():\n    pass\n"},
		{"# -*- coding: utf-8 -*-\n\ndef upgrade():\n    pass\n",
			"# -*- coding: utf-8 -*-\n\nfrom alembic import op\ndef upgrade():\n    pass\n"},
		{"def upgrade():\n    pass\n", "from alembic import op\ndef upgrade():\n    pass\n"},
	} {
		code := New(parse(t, c.src)).In(nil)
		code.Ref(Op)
		imports, ok := Imports(code)
		if !ok {
			t.Fatalf("%q: no import", c.src)
		}
		got, _, err := edit.Apply([]byte(c.src), imports)
		if err != nil || string(got) != c.want {
			t.Errorf("%q: got %q, want %q (%v)", c.src, got, c.want, err)
		}
	}
}

// The code of one fix in several places needs each import once.
func TestImportsOnceForAFix(t *testing.T) {
	m := parse(t, revision("import sqlalchemy as sa", plainFunctions))
	st := New(m)
	up, down := st.In(m.Upgrade), st.In(m.Downgrade)
	up.Ref(GetBind)
	down.Ref(GetBind)
	down.Ref(Enum)
	imports, ok := Imports(up, down)
	if !ok || len(imports) != 1 || strings.TrimSpace(imports[0].NewText) != "from alembic import op" {
		t.Errorf("imports %v (%v), want `from alembic import op` once", imports, ok)
	}
}
