package migration

import (
	"maps"
	"slices"
	"testing"
)

func TestBindEveryOperation(t *testing.T) {
	m := parseFixture(t, "arguments.py")
	type row struct {
		line    int
		name    string
		args    map[string]string
		varargs int
		extra   map[string]string
	}
	billing := `"billing"`
	up := []row{
		{17, "create_table", map[string]string{"table_name": `"plans"`, "schema": billing, "comment": `"plans"`}, 2, map[string]string{"postgresql_partition_by": `"LIST (name)"`}},
		{18, "drop_table", map[string]string{"table_name": `"legacy_plans"`, "schema": billing, "if_exists": "True"}, 0, nil},
		{19, "rename_table", map[string]string{"old_table_name": `"plan"`, "new_table_name": `"plans_old"`, "schema": billing}, 0, nil},
		{20, "add_column", map[string]string{"table_name": `"accounts"`, "column": `sa.Column("plan_id", sa.Integer())`, "schema": billing}, 0, nil},
		{21, "drop_column", map[string]string{"table_name": `"accounts"`, "column_name": `"plan_name"`, "schema": billing}, 0, map[string]string{"mssql_drop_default": "True"}},
		{22, "alter_column", map[string]string{"table_name": `"accounts"`, "column_name": `"email"`, "existing_type": "sa.String(100)", "type_": "sa.String(255)",
			"nullable": "False", "server_default": `sa.text("''")`, "new_column_name": `"email_address"`}, 0, nil},
		{23, "create_index", map[string]string{"index_name": `op.f("ix_accounts_plan_id")`, "table_name": `"accounts"`, "columns": `["plan_id"]`, "unique": "False"}, 0,
			map[string]string{"postgresql_using": `"btree"`, "postgresql_concurrently": "True"}},
		{24, "drop_index", map[string]string{"index_name": `"ix_accounts_plan"`, "table_name": `"accounts"`}, 0, map[string]string{"postgresql_concurrently": "True"}},
		{25, "create_foreign_key", map[string]string{"constraint_name": `"fk_accounts_plan"`, "source_table": `"accounts"`, "referent_table": `"plans"`,
			"local_cols": `["plan_id"]`, "remote_cols": `["id"]`, "ondelete": `"SET NULL"`, "source_schema": billing, "referent_schema": billing}, 0, nil},
		{26, "create_unique_constraint", map[string]string{"constraint_name": `"uq_plans_name"`, "table_name": `"plans"`, "columns": `["name"]`, "deferrable": "True"}, 0, nil},
		{27, "create_check_constraint", map[string]string{"constraint_name": `"ck_plans_name"`, "table_name": `"plans"`, "condition": `sa.column("name") != ""`}, 0, nil},
		{28, "create_primary_key", map[string]string{"constraint_name": `"pk_plans"`, "table_name": `"plans"`, "columns": `["id"]`}, 0, nil},
		{29, "create_exclude_constraint", map[string]string{"constraint_name": `"ex_booking"`, "table_name": `"booking"`, "using": `"gist"`, "where": `"active"`}, 2, nil},
		{30, "drop_constraint", map[string]string{"constraint_name": `"fk_accounts_plan_old"`, "table_name": `"accounts"`, "type_": `"foreignkey"`}, 0, nil},
		{31, "execute", map[string]string{"sqltext": `"UPDATE accounts SET plan_id = 1"`, "execution_options": `{"autocommit": True}`}, 0, nil},
		{32, "bulk_insert", map[string]string{"table": "accounts", "rows": `[{"id": 1}, {"id": 2}]`, "multiinsert": "False"}, 0, nil},
		{33, "create_table_comment", map[string]string{"table_name": `"plans"`, "comment": `"billing plans"`, "existing_comment": "None"}, 0, nil},
		{34, "drop_table_comment", map[string]string{"table_name": `"plans"`, "existing_comment": `"billing plans"`}, 0, nil},
		{35, "create_sequence", map[string]string{"sequence": `sa.Sequence("plan_seq")`}, 0, nil},
		{36, "drop_sequence", map[string]string{"sequence": `sa.Sequence("old_seq")`}, 0, map[string]string{"if_exists": "True"}},
		{37, "run_async", map[string]string{"async_function": "migrate_rows"}, 1, map[string]string{"batch": "True"}},
		{38, "invoke", map[string]string{"operation": "custom_operation"}, 0, nil},
		{39, "implementation_for", map[string]string{"op_cls": "CustomOp"}, 0, nil},
		{40, "get_bind", map[string]string{}, 0, nil},
		{41, "get_context", nil, 0, nil}, // not bound at all
		{42, "f", map[string]string{"name": `"ix_standalone"`}, 0, nil},
		{43, "inline_literal", map[string]string{"value": `"x"`, "type_": "sa.String()"}, 0, nil},
	}
	batch := map[string]string{"table_name": `"accounts"`, "schema": billing}
	plus := func(kv ...string) map[string]string {
		out := maps.Clone(batch)
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	down := []row{
		{47, "create_table", map[string]string{"table_name": `"plans"`}, 0, nil},
		{48, "drop_table", map[string]string{"table_name": `"plans"`, "schema": billing}, 0, nil},
		{49, "rename_table", map[string]string{"old_table_name": `"plans_old"`, "new_table_name": `"plan"`}, 0, nil},
		{50, "add_column", map[string]string{"table_name": `"accounts"`, "column": `sa.Column("plan_name", sa.Text())`}, 0, nil},
		{51, "drop_column", map[string]string{"table_name": `"accounts"`, "column_name": `"plan_id"`}, 0, nil},
		{52, "alter_column", map[string]string{"table_name": `"accounts"`, "column_name": `"email_address"`, "new_column_name": `"email"`}, 0, nil},
		{53, "create_index", map[string]string{"index_name": `"ix_accounts_plan"`, "table_name": `"accounts"`, "columns": `["plan_id"]`}, 0, nil},
		{54, "drop_index", map[string]string{"index_name": `"ix_accounts_plan_id"`, "table_name": `"accounts"`, "if_exists": "True"}, 0, nil},
		{55, "create_foreign_key", map[string]string{"constraint_name": "None", "source_table": `"a"`, "referent_table": `"b"`, "local_cols": `["b_id"]`, "remote_cols": `["id"]`}, 0, nil},
		{56, "create_unique_constraint", map[string]string{"constraint_name": `"uq_x"`, "table_name": `"plans"`, "columns": `["name"]`}, 0, nil},
		{57, "create_check_constraint", map[string]string{"constraint_name": `"ck_x"`, "table_name": `"plans"`, "condition": `"id > 0"`}, 0, nil},
		{58, "create_primary_key", map[string]string{"constraint_name": `"pk_x"`, "table_name": `"plans"`, "columns": `["id"]`}, 0, nil},
		{59, "create_exclude_constraint", map[string]string{"constraint_name": `"ex_x"`, "table_name": `"booking"`}, 0, nil},
		{60, "drop_constraint", map[string]string{"constraint_name": `"uq_plans_name"`, "table_name": `"plans"`, "type_": `"unique"`}, 0, nil},
		{61, "execute", map[string]string{"sqltext": `"DELETE FROM plans"`}, 0, nil},
		{62, "bulk_insert", map[string]string{"table": "accounts", "rows": "[]"}, 0, nil},
		{63, "create_table_comment", map[string]string{"table_name": `"plans"`, "comment": "None"}, 0, nil},
		{64, "drop_table_comment", map[string]string{"table_name": `"plans"`}, 0, nil},
		{65, "create_sequence", map[string]string{"sequence": `sa.Sequence("old_seq")`}, 0, nil},
		{66, "drop_sequence", map[string]string{"sequence": `sa.Sequence("plan_seq")`}, 0, nil},
		{67, "batch_alter_table", map[string]string{"table_name": `"accounts"`, "schema": billing, "recreate": `"auto"`}, 0, nil},
		// batch variants: the table (and schema) come from the block
		{68, "add_column", plus("column", `sa.Column("note", sa.Text())`, "insert_after", `"email"`), 0, nil},
		{69, "drop_column", plus("column_name", `"note"`, "if_exists", "True"), 0, nil},
		{70, "alter_column", plus("column_name", `"email"`, "type_", "sa.Text()", "existing_nullable", "False"), 0, nil},
		{71, "create_index", plus("index_name", `"ix_note"`, "columns", `["note"]`, "unique", "True"), 0, nil},
		{72, "drop_index", plus("index_name", `"ix_note"`), 0, nil},
		{73, "create_foreign_key", plus("constraint_name", `"fk_acc_plan"`, "referent_table", `"plans"`, "local_cols", `["plan_id"]`, "remote_cols", `["id"]`, "ondelete", `"CASCADE"`), 0, nil},
		{74, "create_unique_constraint", plus("constraint_name", `"uq_acc_email"`, "columns", `["email"]`), 0, nil},
		{75, "create_check_constraint", plus("constraint_name", `"ck_acc"`, "condition", `"id > 0"`), 0, nil},
		{76, "create_primary_key", plus("constraint_name", `"pk_acc"`, "columns", `["id"]`), 0, nil},
		{77, "create_exclude_constraint", plus("constraint_name", `"ex_acc"`), 1, nil},
		{78, "drop_constraint", plus("constraint_name", `"uq_acc_email"`, "type_", `"unique"`), 0, nil},
		{79, "create_table_comment", plus("comment", `"accounts table"`), 0, nil},
		{80, "drop_table_comment", plus("existing_comment", `"accounts table"`), 0, nil},
		{81, "execute", plus("sqltext", `"UPDATE accounts SET note = ''"`), 0, nil},
		{82, "bulk_insert", plus("table", "accounts", "rows", "[]"), 0, nil},
	}
	for _, c := range []struct {
		f    *Function
		rows []row
	}{{m.Upgrade, up}, {m.Downgrade, down}} {
		if len(c.f.Ops) != len(c.rows) {
			t.Fatalf("%s: %d ops %v, want %d", c.f.Name, len(c.f.Ops), opLines(c.f), len(c.rows))
		}
		for i, r := range c.rows {
			o := c.f.Ops[i]
			if o.Name != r.name || int(o.Stmt.StartLine) != r.line {
				t.Errorf("%s[%d] = %s@%d, want %s@%d", c.f.Name, i, o.Name, o.Stmt.StartLine, r.name, r.line)
				continue
			}
			if r.args == nil {
				if o.Args != nil {
					t.Errorf("%s@%d args = %v, want unbound", o.Name, r.line, argsOf(o.Args))
				}
			} else if got := argsOf(o.Args); !maps.Equal(got, r.args) {
				t.Errorf("%s@%d args:\n got %v\nwant %v", o.Name, r.line, got, r.args)
			}
			if len(o.Varargs) != r.varargs {
				t.Errorf("%s@%d varargs = %d, want %d", o.Name, r.line, len(o.Varargs), r.varargs)
			}
			if got := argsOf(o.Extra); !maps.Equal(got, r.extra) && (len(got) > 0 || len(r.extra) > 0) {
				t.Errorf("%s@%d extra = %v, want %v", o.Name, r.line, got, r.extra)
			}
			if len(o.ArgProblems) > 0 || o.Unbound {
				t.Errorf("%s@%d problems=%q unbound=%v", o.Name, r.line, o.ArgProblems, o.Unbound)
			}
			if (r.line >= 68) != (o.Batch != nil) {
				t.Errorf("%s@%d batch = %v", o.Name, r.line, o.Batch)
			}
			if r.name != "batch_alter_table" && !IsOperation(r.name, o.Batch != nil) {
				t.Errorf("IsOperation(%s, %v) = false", r.name, o.Batch != nil)
			}
		}
	}
	// the varargs are the positional columns / elements, in order
	if v := m.Upgrade.Ops[0].Varargs; lit(v[0]) != `sa.Column("id", sa.Integer(), primary_key=True)` || lit(v[1]) != `sa.Column("name", sa.Text())` {
		t.Errorf("create_table varargs = %v %v", lit(v[0]), lit(v[1]))
	}
	if v := m.Upgrade.Ops[12].Varargs; lit(v[0]) != `("period", "&&")` || lit(v[1]) != `("room", "=")` {
		t.Errorf("exclude varargs = %v %v", lit(v[0]), lit(v[1]))
	}
}

func TestArgumentProblems(t *testing.T) {
	m := parseFixture(t, "argument_problems.py")
	tests := []struct {
		line     int
		name     string
		problems []string
		unbound  bool
		args     []string // names that must be bound
	}{
		{17, "alter_column", []string{`alter_column() ignores the keyword argument "type" (did you mean "type_"?)`}, false, []string{"table_name", "column_name"}},
		{18, "drop_constraint", []string{`drop_constraint() got an unexpected keyword argument "type" (did you mean "type_"?)`}, false, []string{"constraint_name", "table_name"}},
		{19, "alter_column", []string{
			`alter_column() ignores the keyword argument "new_name" (did you mean "new_column_name"?)`,
			`alter_column() ignores the keyword argument "default" (did you mean "server_default"?)`}, false, nil},
		{20, "drop_index", []string{`drop_index() got an unexpected keyword argument "concurrently" (did you mean "postgresql_concurrently"?)`}, false, []string{"index_name"}},
		// too many positionals: reported once
		{21, "add_column", []string{`add_column() takes 2 positional arguments but 4 were given`}, false, []string{"table_name", "column"}},
		{22, "add_column", []string{`add_column() missing required argument "column"`}, false, []string{"table_name"}},
		{23, "create_foreign_key", []string{`create_foreign_key() missing required argument "remote_cols"`}, false, nil},
		{24, "rename_table", []string{`rename_table() got multiple values for argument "old_table_name"`}, false, nil},
		// *args / **kw hide what is bound: no arity problems, Unbound
		{25, "create_index", nil, true, []string{"index_name", "table_name", "columns"}},
		{26, "create_table", nil, true, []string{"table_name"}},
		{27, "add_column", nil, true, nil},
		// an explicit unknown keyword is still wrong next to **kw
		{28, "drop_column", []string{`drop_column() ignores the keyword argument "cascade"`}, true, nil},
		// any dialect prefix is accepted where **kw is
		{29, "create_check_constraint", nil, false, nil},
		// add_column has no **kw
		{30, "add_column", []string{`add_column() got an unexpected keyword argument "postgresql_if_not_exists"`}, false, nil},
		{31, "batch_alter_table", nil, false, nil},
		{32, "alter_column", []string{`alter_column() ignores the keyword argument "type" (did you mean "type_"?)`}, false, nil},
		{33, "add_column", []string{`add_column() takes 2 positional arguments but 3 were given`}, false, nil}, // self counted
		{34, "create_index", []string{`create_index() got an unexpected keyword argument "table_name"`}, false, nil},
	}
	ops := m.Upgrade.Ops
	if len(ops) != len(tests) {
		t.Fatalf("ops = %v", opLines(m.Upgrade))
	}
	for i, tt := range tests {
		o := ops[i]
		if o.Name != tt.name || int(o.Stmt.StartLine) != tt.line {
			t.Errorf("op %d = %s@%d, want %s@%d", i, o.Name, o.Stmt.StartLine, tt.name, tt.line)
			continue
		}
		if !slices.Equal(o.ArgProblems, tt.problems) {
			t.Errorf("%s@%d problems:\n got %q\nwant %q", o.Name, tt.line, o.ArgProblems, tt.problems)
		}
		if o.Unbound != tt.unbound {
			t.Errorf("%s@%d unbound = %v", o.Name, tt.line, o.Unbound)
		}
		if o.Unbound == o.Certain() && !o.Conditional {
			t.Errorf("%s@%d Certain() = %v with Unbound %v", o.Name, tt.line, o.Certain(), o.Unbound)
		}
		for _, a := range tt.args {
			if o.Args[a] == nil {
				t.Errorf("%s@%d: %s not bound (%v)", o.Name, tt.line, a, argsOf(o.Args))
			}
		}
	}
	// the extra positionals are not bound anywhere
	if v := ops[4].Varargs; len(v) != 0 {
		t.Errorf("add_column has no *args: %v", v)
	}
	// the duplicate keeps the keyword value
	if got := lit(ops[7].Args["old_table_name"]); got != `"c"` {
		t.Errorf("duplicate old_table_name = %s", got)
	}
	if got := argsOf(ops[12].Extra); !maps.Equal(got, map[string]string{"postgresql_not_valid": "True", "oracle_foo": "1", "sqlite_on_conflict": `"x"`}) {
		t.Errorf("dialect extra = %v", got)
	}
}

func TestBindDirect(t *testing.T) {
	tests := []struct {
		call     string
		args     map[string]string
		varargs  int
		problems int
		unbound  bool
	}{
		{`op.drop_constraint("ck", "t", "check", schema="s")`, map[string]string{"constraint_name": `"ck"`, "table_name": `"t"`, "type_": `"check"`, "schema": `"s"`}, 0, 0, false},
		{`op.drop_constraint(None, "t")`, map[string]string{"constraint_name": "None", "table_name": `"t"`}, 0, 0, false},
		{`op.create_table("t", *cols, schema="s")`, map[string]string{"table_name": `"t"`, "schema": `"s"`}, 0, 0, true},
		{`op.create_table("t", c1, c2, c3)`, map[string]string{"table_name": `"t"`}, 3, 0, false},
		{`op.drop_index(op.f("ix_t_a"))`, map[string]string{"index_name": `op.f("ix_t_a")`}, 0, 0, false},
		{`op.create_index("ix", "t", ["a"], postgresql_where=sa.text("a > 0"))`, map[string]string{"index_name": `"ix"`, "table_name": `"t"`, "columns": `["a"]`}, 0, 0, false},
		{`op.rename_table()`, map[string]string{}, 0, 2, false},
		{`op.execute()`, map[string]string{}, 0, 1, false},
		{`op.add_column(**{"table_name": "t"})`, map[string]string{}, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			m := parseSource(t, "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    "+tt.call+"\n")
			if len(m.Upgrade.Ops) != 1 {
				t.Fatalf("ops = %v", opLines(m.Upgrade))
			}
			o := m.Upgrade.Ops[0]
			if got := argsOf(o.Args); !maps.Equal(got, tt.args) {
				t.Errorf("args = %v, want %v", got, tt.args)
			}
			if len(o.Varargs) != tt.varargs || len(o.ArgProblems) != tt.problems || o.Unbound != tt.unbound {
				t.Errorf("varargs=%d problems=%q unbound=%v", len(o.Varargs), o.ArgProblems, o.Unbound)
			}
		})
	}
}

func TestIsOperation(t *testing.T) {
	for _, tt := range []struct {
		name  string
		batch bool
		want  bool
	}{
		{"add_column", false, true},
		{"add_column", true, true},
		{"batch_alter_table", false, true},
		{"batch_alter_table", true, false},
		{"create_table", true, false},
		{"rename_table", true, false},
		{"drop_table_comment", true, true},
		{"frobnicate", false, false},
	} {
		if got := IsOperation(tt.name, tt.batch); got != tt.want {
			t.Errorf("IsOperation(%q, %v) = %v", tt.name, tt.batch, got)
		}
	}
}
