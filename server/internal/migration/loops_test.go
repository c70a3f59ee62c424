package migration

import (
	"maps"
	"slices"
	"testing"
)

func TestLiteralLoops(t *testing.T) {
	m := parseFixture(t, "literal_loops.py")
	checkOps(t, m.Upgrade, []opWant{
		{line: 20, col: 9, name: "drop_column", receiver: "op", args: map[string]string{"table_name": `"users"`, "column_name": `"legacy"`}},
		{line: 20, col: 9, name: "drop_column", receiver: "op", args: map[string]string{"table_name": `"accounts"`, "column_name": `"legacy"`}},
		// tuple unpacking; names inside an argument too, whose text then holds the value
		{line: 22, col: 9, name: "add_column", receiver: "op", args: map[string]string{"table_name": `"users"`, "column": `sa.Column("nickname", sa.String(40))`}},
		{line: 22, col: 9, name: "add_column", receiver: "op", args: map[string]string{"table_name": `"accounts"`, "column": `sa.Column("alias", sa.String(40))`}},
		// a module constant's tuple; a batch block per iteration
		{line: 24, col: 9, name: "batch_alter_table", receiver: "op", args: map[string]string{"table_name": `"orders"`}},
		{line: 25, col: 13, name: "drop_index", receiver: "batch_op", batchTable: "orders", batchAlias: "batch_op",
			args: map[string]string{"table_name": `"orders"`, "index_name": `"ix_legacy"`}},
		{line: 24, col: 9, name: "batch_alter_table", receiver: "op", args: map[string]string{"table_name": `"invoices"`}},
		{line: 25, col: 13, name: "drop_index", receiver: "batch_op", batchTable: "invoices", batchAlias: "batch_op",
			args: map[string]string{"table_name": `"invoices"`, "index_name": `"ix_legacy"`}},
		// dict.items()
		{line: 27, col: 9, name: "alter_column", receiver: "op",
			args: map[string]string{"table_name": `"orders"`, "column_name": `"created"`, "new_column_name": `"placed_at"`}},
		{line: 27, col: 9, name: "alter_column", receiver: "op",
			args: map[string]string{"table_name": `"invoices"`, "column_name": `"created"`, "new_column_name": `"issued_at"`}},
		// enumerate of zip, a nested pattern
		{line: 29, col: 9, name: "create_index", receiver: "op", args: map[string]string{"index_name": `"ix_%d" % i`, "table_name": `"orders"`, "columns": `["placed_at"]`}},
		{line: 29, col: 9, name: "create_index", receiver: "op", args: map[string]string{"index_name": `"ix_%d" % i`, "table_name": `"invoices"`, "columns": `["issued_at"]`}},
		// a list changed in place is not read: the loop stays conditional
		{line: 31, col: 9, name: "drop_table", receiver: "op", conditional: true, args: map[string]string{"table_name": "table"}},
		// an iteration may break: unrolled, but conditional, and so is the else block
		{line: 35, col: 9, name: "drop_table", receiver: "op", conditional: true, args: map[string]string{"table_name": `"a"`}},
		{line: 35, col: 9, name: "drop_table", receiver: "op", conditional: true, args: map[string]string{"table_name": `"b"`}},
		{line: 37, col: 9, name: "drop_table", receiver: "op", conditional: true, args: map[string]string{"table_name": `"after_break"`}},
		// nested loops; the else block of a loop without break always runs
		{line: 40, col: 13, name: "drop_column", receiver: "op", args: map[string]string{"table_name": `"c"`, "column_name": `"x"`}},
		{line: 40, col: 13, name: "drop_column", receiver: "op", args: map[string]string{"table_name": `"c"`, "column_name": `"y"`}},
		{line: 42, col: 9, name: "drop_table", receiver: "op", args: map[string]string{"table_name": `"after_all"`}},
	})
	checkOps(t, m.Downgrade, []opWant{
		// values read at run time: one conditional op, as written
		{line: 47, col: 9, name: "drop_table", receiver: "op", conditional: true, args: map[string]string{"table_name": "table"}},
		// an empty literal runs nothing
	})

	ops := m.Upgrade.Ops
	// the loop variables of each iteration
	wantLoops := []map[string]string{
		{"t": `"users"`}, {"t": `"accounts"`},
		{"table": `"users"`, "column": `"nickname"`}, {"table": `"accounts"`, "column": `"alias"`},
	}
	for i, want := range wantLoops {
		if got := argsOf(ops[i].Loop); !maps.Equal(got, want) {
			t.Errorf("op %d Loop = %v, want %v", i, got, want)
		}
	}
	if got := argsOf(ops[11].Loop); got["i"] != "1" || got["table"] != `"invoices"` || got["column"] != `"issued_at"` {
		t.Errorf("enumerate(zip()) Loop = %v", got)
	}
	if got := argsOf(ops[17].Loop); got["table"] != `"c"` || got["column"] != `"y"` {
		t.Errorf("nested Loop = %v", got)
	}
	if ops[0].Loop == nil || ops[12].Loop != nil || ops[18].Loop != nil {
		t.Error("Loop is set in unrolled loops only")
	}
	// names inside arguments follow the iteration
	for i, want := range []string{"nickname", "alias"} {
		if c := m.Column(ops[2+i], ops[2+i].Arg("column")); c == nil || c.Name != want {
			t.Errorf("iteration %d column = %+v, want %s", i, c, want)
		}
	}
	// every iteration's op is at the call
	if ops[0].Call.Span != ops[1].Call.Span || ops[0].Stmt != ops[1].Stmt {
		t.Error("iterations of one call share its spans")
	}
	if tbl, ok := ops[0].Args["table_name"], true; ok && string(m.Source[tbl.Span.Start:tbl.Span.End]) != "t" {
		t.Errorf("table_name span holds %q", m.Source[tbl.Span.Start:tbl.Span.End])
	}
}

func TestLoopLimits(t *testing.T) {
	count := func(src string) (n, conditional int) {
		m := parseSource(t, "from alembic import op\n\ndef upgrade():\n"+src)
		for _, o := range m.Upgrade.Ops {
			n++
			if o.Conditional {
				conditional++
			}
		}
		return n, conditional
	}
	many := "("
	for range maxIterations + 1 {
		many += `"t", `
	}
	many += ")"
	if n, c := count("    for t in " + many + ":\n        op.drop_table(t)\n"); n != 1 || c != 1 {
		t.Errorf("a loop over %d values: %d ops, %d conditional; want it walked once, conditional", maxIterations+1, n, c)
	}
	// nested loops share one budget: 50^3 iterations are not unrolled
	fifty := many[:len(many)-len(`"t", )`)] + ")"
	src := "    for a in " + fifty + ":\n        for b in " + fifty + ":\n            for c in " + fifty + ":\n                op.drop_table(c)\n"
	if n, _ := count(src); n > maxUnrolled+maxIterations {
		t.Errorf("nested loops made %d ops", n)
	}
	tests := []struct {
		name             string
		body             string
		ops, conditional int
	}{
		{"a set has no order", "    for t in {'a', 'b'}:\n        op.drop_table(t)\n", 1, 1},
		{"a starred element", "    for t in ['a', *more]:\n        op.drop_table(t)\n", 1, 1},
		{"a dict with a splat", "    for t in {'a': 1, **more}:\n        op.drop_table(t)\n", 1, 1},
		{"a pattern that does not fit", "    for a, b in [('x', 'y', 'z')]:\n        op.drop_table(a)\n", 1, 1},
		{"a starred target", "    for a, *b in [('x', 'y')]:\n        op.drop_table(a)\n", 1, 1},
		{"a shadowed zip", "    zip = lambda *a: []\n    for a, b in zip(['x'], ['y']):\n        op.drop_table(a)\n", 1, 1},
		{"continue", "    for t in ('a', 'b'):\n        if t == 'a':\n            continue\n        op.drop_table(t)\n", 2, 2},
		{"a break in a nested loop belongs to it", "    for t in ('a',):\n        for r in rows:\n            break\n        op.drop_table(t)\n", 1, 0},
		{"a return inside makes the rest conditional", "    for t in ('a',):\n        if t:\n            return\n    op.drop_table('z')\n", 1, 1},
		{"a loop in a branch stays conditional", "    if c:\n        for t in ('a', 'b'):\n            op.drop_table(t)\n", 2, 2},
		{"a local tuple", "    names = ('a', 'b')\n    for t in names:\n        op.drop_table(t)\n", 2, 0},
		{"values of a dict", "    for t in {'x': 'a', 'y': 'b'}.values():\n        op.drop_table(t)\n", 2, 0},
		{"keys of a dict", "    for t in {'a': 1, 'b': 2}:\n        op.drop_table(t)\n", 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n, c := count(tt.body); n != tt.ops || c != tt.conditional {
				t.Errorf("%d ops, %d conditional; want %d, %d", n, c, tt.ops, tt.conditional)
			}
		})
	}
}

func TestLoopVariableAfterLoop(t *testing.T) {
	src := `from alembic import op

def upgrade():
    t = "before"
    for t in ("a", "b"):
        op.drop_table(t)
    op.drop_table(t)
`
	m := parseSource(t, src)
	if len(m.Upgrade.Ops) != 3 {
		t.Fatalf("ops = %v", opLines(m.Upgrade))
	}
	if table, ok := m.Upgrade.Ops[2].Table(); ok {
		t.Errorf("after the loop the variable is not read (got %q)", table)
	}
}

// TestLoopOverReversed: reversed(), list() and tuple() of a literal are
// literal loops too (a downgrade undoes a loop in reverse order).
func TestLoopOverReversed(t *testing.T) {
	m := parseSource(t, `from alembic import op

COLUMNS = ("a", "b")


def downgrade():
    for column in reversed(COLUMNS):
        op.drop_column("t", column)
    for column in list(("c",)):
        op.drop_column("t", column)
`)
	var got []string
	for _, o := range m.Downgrade.Ops {
		col, _ := o.ArgString("column_name")
		if o.Conditional {
			col += " (conditional)"
		}
		got = append(got, col)
	}
	if want := []string{"b", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("columns %q, want %q", got, want)
	}
}
