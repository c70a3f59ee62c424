package migration

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds are snippets that stress error recovery and the walker's corners.
var fuzzSeeds = []string{
	"",
	"\n",
	"def upgrade(:\n    op.drop_table('a')\n",
	"from alembic import op\ndef upgrade():\n    op.add_column('t', sa.Column('x'\n",
	"from alembic import op\ndef upgrade():\n    with op.batch_alter_table('t') as b, (\n        b.drop_column('x')\n",
	"a = b\nb = a\nrevision = a\ndown_revision = b\n",
	"a = b = \nrevision = \n",
	"from alembic import op as\nfrom . import\nimport\n",
	"print \"x\"\nexec \"y\"\n",
	"def upgrade():\n    globals()[\"upgrade_%s\" % e]()\ndef upgrade_a():\n    upgrade_a()\n",
	"def upgrade():\n    h()\ndef h():\n    upgrade()\n",
	"from alembic import op\ndef upgrade():\n    op.execute(\"\"\"'--';$$ ;\"\"\")\n    op.execute(\"$a$ unterminated\")\n    op.execute(\"/* unterminated\")\n    op.execute('\\'')\n",
	"x = f\"{\"\ny = '\\x'\nz = '\\777\\u12'\n",
	"from alembic import op\ndef upgrade():\n    match x:\n        case 1:\n            return\n    op.drop_table(*a, **k)\n",
	"from alembic import op\ndef upgrade():\n    e = sa.Enum(name='e')\n    e.create(\n",
	"\ufeff# -*- coding: utf-8 -*-\nrevision = 'é日本'\n",
	"from alembic import op\r\ndef upgrade():\r\n\top.drop_table('t')\r\n",
	"from alembic import op\ndef upgrade():\n    with (op.batch_alter_table('a') as b,):\n        b.add_column()\n",
	"@decorator\ndef upgrade(op: Operations = op, *, x):\n    op.drop_column(table_name=, column_name='x')\n",
	"from alembic import op\nT = ('a', 'b')\ndef upgrade():\n    for t, (u, v) in enumerate(zip(T, {'x': 1}.items())):\n        for w in T:\n            op.drop_column(t, u)\n    else:\n        break\n",
	"from alembic import op\ndef upgrade():\n    with ((op.batch_alter_table('a') as b, op.batch_alter_table(T) as c,)):\n        if b.dialect.name != 'x':\n            return\n        c.drop_column(x := 'y')\n",
	"from alembic import op\nQ = 'SELECT %s' % (T,)\ndef upgrade():\n    op.execute(f\"UPDATE {t['a']} SET x = '{{'\" r'\\' b\"\\x00\" )\n    op.execute(Q + \"%(a)s\" % {'a': 1})\n    op.execute(\"{0} {x!r:>{w}}\".format(1))\n    op.execute(sa.DDL(LATER))\nLATER = \"ALTER TABEL \" + 'x'\n",
	"from alembic import op\ndef upgrade():\n    if not (op.get_bind().dialect.name == ):\n        return\n    op.create_check_constraint('c', 't', sa.and_(~(sa.column('a') > 1) | sa.column(",
}

func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.py"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Parse(context.Background(), "fuzz.py", src)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			if fe.Msg == "" || fe.Error() == "" {
				t.Fatalf("empty FileError message: %#v", fe)
			}
			if fe.Path != "fuzz.py" {
				t.Fatalf("FileError path = %q", fe.Path)
			}
		}
		if m == nil {
			if err == nil {
				t.Fatal("nil model without error")
			}
			return
		}
		if len(m.SyntaxErrors) > 0 && !IsSyntaxError(err) {
			t.Fatalf("syntax errors %v but err = %v", m.SyntaxErrors, err)
		}
		for _, fn := range []*Function{m.Upgrade, m.Downgrade} {
			if fn == nil {
				continue
			}
			checkSpan(t, src, "function", fn.Span)
			for _, o := range fn.Ops {
				if o.Call == nil {
					t.Fatalf("op %s without Call", o.Name)
				}
				if o.Name == "" {
					t.Fatal("op without name")
				}
				checkSpan(t, src, "op "+o.Name+" statement", o.Stmt)
				checkSpan(t, src, "op "+o.Name+" call", o.Call.Span)
				if o.Call.Span.Start < o.Stmt.Start || o.Call.Span.End > o.Stmt.End {
					// the call is inside its statement, except for helpers' and engines' own statements
					t.Fatalf("op %s call %+v outside statement %+v", o.Name, o.Call.Span, o.Stmt)
				}
				if o.SQL != nil && o.SQL.Known {
					for _, st := range o.SQL.Statements {
						if st.Kind == "" {
							t.Fatalf("unclassified statement %q", st.Text)
						}
					}
				}
			}
		}
		for _, d := range m.Directives {
			checkSpan(t, src, "directive", d.Span)
		}
	})
}

func checkSpan(t *testing.T, src []byte, what string, s Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		t.Fatalf("%s span %+v outside source of %d bytes", what, s, len(src))
	}
	if s.StartLine < 1 || s.EndLine < s.StartLine || s.StartCol < 1 || s.EndCol < 1 {
		t.Fatalf("%s span %+v has bad lines/columns", what, s)
	}
}
