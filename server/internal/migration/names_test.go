package migration

import (
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

func TestConstants(t *testing.T) {
	m := parseFixture(t, "constants.py")
	checkOps(t, m.Upgrade, []opWant{
		{line: 34, col: 5, name: "add_column", receiver: "op",
			args: map[string]string{"table_name": `"widgets"`, "column": `sa.Column(COLUMN, sa.String(20))`, "schema": `"inventory"`}},
		// a constant assigned from another constant
		{line: 35, col: 5, name: "create_foreign_key", receiver: "op", args: map[string]string{"constraint_name": `"fk_widgets_owner"`,
			"source_table": `"widgets"`, "referent_table": `"owners"`, "local_cols": `["owner_id"]`, "remote_cols": `["id"]`}},
		// assigned twice, in a branch, or by a function declaring it global: not trusted
		{line: 36, col: 5, name: "drop_column", receiver: "op", args: map[string]string{"table_name": "REASSIGNED", "column_name": `"colour"`}},
		{line: 37, col: 5, name: "drop_column", receiver: "op", args: map[string]string{"table_name": "BRANCHED", "column_name": `"colour"`}},
		{line: 38, col: 5, name: "drop_column", receiver: "op", args: map[string]string{"table_name": "CHANGED_BY_HELPER", "column_name": `"colour"`}},
	})
	checkOps(t, m.Downgrade, []opWant{
		{line: 43, col: 5, name: "drop_constraint", receiver: "op",
			args: map[string]string{"constraint_name": `"fk_widgets_owner"`, "table_name": `"widgets"`, "type_": `"foreignkey"`}},
		// after the assignment in the same branch the value is certain
		{line: 46, col: 9, name: "drop_column", receiver: "op", conditional: true,
			args: map[string]string{"table_name": `"widgets_sqlite"`, "column_name": `"sqlite_only"`}},
		// after the branch it is not
		{line: 47, col: 5, name: "drop_column", receiver: "op", args: map[string]string{"table_name": "table", "column_name": `"colour"`}},
		{line: 49, col: 5, name: "drop_column", receiver: "op", args: map[string]string{"table_name": `"owners"`, "column_name": `"owner_id"`}},
	})
	add := m.Upgrade.Ops[0]
	if table, ok := add.Table(); !ok || table != "widgets" {
		t.Errorf("Table() = %q %v", table, ok)
	}
	// the argument keeps the name's place, so fixes edit the call, not the constant
	arg := add.Args["table_name"]
	if got := string(m.Source[arg.Span.Start:arg.Span.End]); got != "TABLE" || arg.Span.StartLine != 34 {
		t.Errorf("table_name span holds %q on line %d", got, arg.Span.StartLine)
	}
	// a module constant is written as its name, a local as its literal
	if arg.Text != "TABLE" {
		t.Errorf("module constant Text = %q", arg.Text)
	}
	if local := m.Downgrade.Ops[0].Args["table_name"]; local.Text != `"widgets"` {
		t.Errorf("local Text = %q", local.Text)
	}
	// names inside an argument are read too; the call itself is untouched
	if c := m.Column(add, add.Arg("column")); c == nil || !c.NameKnown || c.Name != "colour" {
		t.Errorf("column = %+v", c)
	}
	if add.Call.Args[0].Kind != pysyntax.Name {
		t.Error("the call expression must stay as written")
	}
	if name, ok := m.Upgrade.Ops[1].ArgString("constraint_name"); !ok || name != "fk_widgets_owner" {
		t.Errorf("constraint name = %q %v", name, ok)
	}
}

func TestLocalConstants(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // the table of each drop_table and batch_alter_table, "?" when not known
	}{
		{"before and after reassignment", "t = 'a'\n    op.drop_table(t)\n    t = 'b'\n    op.drop_table(t)", []string{"a", "b"}},
		{"a local hides the module constant", "op.drop_table(TABLE)\n    TABLE = 'mine'", []string{"?"}},
		{"chained assignment", "a = b = 'x'\n    op.drop_table(a)\n    op.drop_table(b)", []string{"x", "x"}},
		{"a local from a constant", "t = TABLE\n    op.drop_table(t)", []string{"widgets"}},
		{"a local from a local read at assignment", "a = 'x'\n    b = a\n    a = 'y'\n    op.drop_table(b)", []string{"x"}},
		{"augmented", "t = 'a'\n    t += '_old'\n    op.drop_table(t)", []string{"?"}},
		{"unpacked", "t = 'a'\n    t, u = rows\n    op.drop_table(t)", []string{"?"}},
		{"walrus", "t = 'a'\n    print(t := other())\n    op.drop_table(t)", []string{"?"}},
		{"with alias", "t = 'a'\n    with op.batch_alter_table('x') as t:\n        pass\n    op.drop_table(t)", []string{"x", "?"}},
		{"with alias after its item", "t = 'a'\n    with op.batch_alter_table(t) as t:\n        pass", []string{"a"}},
		{"import", "t = 'a'\n    from x import t\n    op.drop_table(t)", []string{"?"}},
		{"loop carries the next assignment", "t = 'a'\n    for r in rows:\n        op.drop_table(t)\n        t = 'b'", []string{"?"}},
		{"else does not see the if branch", "if c:\n        t = 'a'\n    else:\n        op.drop_table(t)", []string{"?"}},
		{"assigned in every branch is still not trusted", "if c:\n        t = 'a'\n    else:\n        t = 'a'\n    op.drop_table(t)", []string{"?"}},
		{"not a string", "t = make()\n    op.drop_table(t)", []string{"?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "from alembic import op\n\nTABLE = 'widgets'\n\ndef upgrade():\n    " + tt.body + "\n"
			m := parseSource(t, src)
			var got []string
			for _, o := range m.Upgrade.Ops {
				if o.Name != "drop_table" && o.Name != "batch_alter_table" {
					continue
				}
				table, ok := o.Table()
				if !ok {
					table = "?"
				}
				got = append(got, table)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("tables = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("tables = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestConstantsAndParameters(t *testing.T) {
	src := `from alembic import op

table = "widgets"

def _drop(table, column="c", *rest, **kw):
    op.drop_column(table, column)

def upgrade(table=table):
    op.drop_table(table)
    _drop("gadgets")
`
	m := parseSource(t, src)
	for _, o := range m.Upgrade.Ops {
		if table, ok := o.Table(); ok {
			t.Errorf("%s@%d: a parameter named like a constant is not the constant (got %q)", o.Name, o.Stmt.StartLine, table)
		}
	}
}
