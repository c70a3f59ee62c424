package migration

import "testing"

func TestCheckCondition(t *testing.T) {
	m := parseFixture(t, "check_conditions.py")
	want := []struct {
		line int
		sql  string // "" when not rendered
	}{
		{15, "paid_at IS NOT NULL"},
		{16, "total IS NOT NULL"},
		{17, "note IS NOT NULL"},
		{18, "code IS NOT NULL"},
		{19, `state IN ('new', 'paid') AND (qty > 0 OR "Refund" IS NULL)`},
		{24, ""}, // the batch_alter_table itself
		{25, "qty >= 0 AND NOT (qty > 100)"},
		{27, "owner_id IS NULL OR kind BETWEEN 1 AND 3"},
		{28, ""}, // a SQL function is not rendered
		{29, "note != 'it''s'"},
	}
	ops := m.Upgrade.Ops
	if len(ops) != len(want) {
		t.Fatalf("ops = %v", opLines(m.Upgrade))
	}
	for i, w := range want {
		o := ops[i]
		if int(o.Stmt.StartLine) != w.line {
			t.Errorf("op %d at line %d, want %d", i, o.Stmt.StartLine, w.line)
		}
		sql, ok := o.CheckCondition()
		if ok != (w.sql != "") || sql != w.sql {
			t.Errorf("%s@%d CheckCondition() = %q %v, want %q", o.Name, o.Stmt.StartLine, sql, ok, w.sql)
		}
	}
}

func TestCheckConditionForms(t *testing.T) {
	tests := []struct {
		cond string
		sql  string
	}{
		{`sa.column("c") == "x"`, "c = 'x'"},
		{`"x" == sa.column("c")`, "'x' = c"},
		{`sa.column("c") != None`, "c IS NOT NULL"},
		{`None == sa.column("c")`, "c IS NULL"},
		{`sa.column("c") > -1`, "c > -1"},
		{`sa.column("c") == True`, "c = true"},
		{`sa.column("a") < sa.column("b")`, "a < b"},
		{`sa.literal_column("a + b") < 10`, "a + b < 10"},
		{`sa.column("c").not_in(("a", "b"))`, "c NOT IN ('a', 'b')"},
		{`sa.not_(sa.column("c").is_(None))`, "NOT (c IS NULL)"},
		{`sa.and_(sa.column("a") > 0)`, "a > 0"},
		{`sa.and_(sa.text("a > 0 OR b > 0"), sa.column("c") > 0)`, "(a > 0 OR b > 0) AND c > 0"},
		{`sa.or_(sa.and_(sa.column("a") > 0, sa.column("b") > 0), sa.column("c") > 0)`, "a > 0 AND b > 0 OR c > 0"},
		{`sa.column("c") > 0 and sa.column("d") > 0`, ""}, // Python's and is not SQL's
		{`1 == 2`, ""},
		{`sa.column("c").in_([])`, ""},
		{`sa.column("c").in_(values)`, ""},
		{`sa.column("c").is_not(True)`, ""},
		{`sa.column(name) > 0`, ""},
		{`sa.and_()`, ""},
		{`sa.and_(*parts)`, ""},
		{`cond`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			m := parseSource(t, "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.create_check_constraint('ck', 't', "+tt.cond+")\n")
			sql, ok := m.Upgrade.Ops[0].CheckCondition()
			if ok != (tt.sql != "") || sql != tt.sql {
				t.Errorf("CheckCondition() = %q %v, want %q", sql, ok, tt.sql)
			}
		})
	}
}
