package migration

import (
	"fmt"
	"testing"
)

func TestUpdateCondition(t *testing.T) {
	cond := func(sql string) Condition { return ClassifySQL(sql).Statements[0].Condition }
	complements := [][2]string{
		{"UPDATE t SET a = 1 WHERE id IN ('x', 'y')", "update t set a = 2 where id not in ('y', 'x')"},
		{"UPDATE t SET a = 1 WHERE k = 3", "UPDATE t SET a = 2 WHERE k <> 3"},
		{"UPDATE t SET a = 1 WHERE k = 3", "UPDATE t SET a = 2 WHERE NOT (k = 3)"},
		{"UPDATE t SET a = 1 WHERE b IS NULL", "UPDATE t SET a = 2 WHERE t.b IS NOT NULL"},
		{"UPDATE t SET a = 1 WHERE k = 'u'::uuid", "UPDATE t SET a = 2 WHERE k != 'u'::uuid"},
	}
	for _, c := range complements {
		if !cond(c[0]).Complements(cond(c[1])) {
			t.Errorf("%q and %q: not complements (%+v, %+v)", c[0], c[1], cond(c[0]), cond(c[1]))
		}
	}
	others := [][2]string{
		{"UPDATE t SET a = 1 WHERE id IN ('x', 'y')", "UPDATE t SET a = 2 WHERE id NOT IN ('x')"},
		{"UPDATE t SET a = 1 WHERE k = 3", "UPDATE t SET a = 2 WHERE j <> 3"},
		{"UPDATE t SET a = 1 WHERE k = 3", "UPDATE t SET a = 2 WHERE k = 3"},
		{"UPDATE t SET a = 1 WHERE k = 3 AND j = 1", "UPDATE t SET a = 2 WHERE NOT (k = 3 AND j = 1)"},
		{"UPDATE t SET a = 1 WHERE k IN (SELECT id FROM u)", "UPDATE t SET a = 2 WHERE k NOT IN (SELECT id FROM u)"},
		{"UPDATE t SET a = 1 WHERE k = NULL", "UPDATE t SET a = 2 WHERE k <> NULL"},
	}
	for _, c := range others {
		if cond(c[0]).Complements(cond(c[1])) {
			t.Errorf("%q and %q: complements", c[0], c[1])
		}
	}
	if !cond("DELETE FROM t WHERE a IS NULL").SelectsNulls("a") || cond("DELETE FROM t WHERE a IS NOT NULL").SelectsNulls("a") {
		t.Error("DELETE ... WHERE a IS NULL")
	}
	// a value inside a JSON column is NULL where the column is
	for _, sql := range []string{"DELETE FROM t WHERE data->>'name' IS NULL", "DELETE FROM t WHERE data->'a'->>'b' IS NULL", "DELETE FROM t WHERE data #>> '{a,b}' IS NULL"} {
		if !cond(sql).SelectsNulls("data") {
			t.Errorf("%s: does not select the rows where data is NULL", sql)
		}
	}
	for _, sql := range []string{"DELETE FROM t WHERE data->>'name' IS NOT NULL", "DELETE FROM t WHERE lower(data) IS NULL", "DELETE FROM t WHERE data->>k IS NULL"} {
		if cond(sql).SelectsNulls("data") {
			t.Errorf("%s: selects the rows where data is NULL", sql)
		}
	}
	if cond("UPDATE t SET a = 1 WHERE data->>'x' IS NULL").Complements(cond("UPDATE t SET a = 2 WHERE data IS NOT NULL")) {
		t.Error("a test inside the column and one of the column: complements")
	}
	if !cond("UPDATE t SET a = 1 WHERE data->>'x' IS NULL").Complements(cond("UPDATE t SET a = 2 WHERE data->>'x' IS NOT NULL")) {
		t.Error("data->>'x' IS NULL and IS NOT NULL: not complements")
	}
}

func TestUpdateSetValues(t *testing.T) {
	st := ClassifySQL("UPDATE t SET a = 'x', b = NULL, c = now(), d = other, e = (SELECT min(id) FROM u), f = COALESCE(d, 0), g = CURRENT_TIMESTAMP, h = DEFAULT, i = 1::bigint").Statements[0]
	if got := fmt.Sprint(st.SetValues); got != "[a c f g i]" {
		t.Errorf("SetValues: %s", got)
	}
}

func TestUpdateSetLookups(t *testing.T) {
	for sql, want := range map[string]string{
		`UPDATE item SET owner = (SELECT new_id FROM "user" WHERE "user".id = item.owner_id)`:      "[{owner user new_id id owner_id}]",
		`UPDATE item i SET owner = (SELECT u.new_id FROM users u WHERE i.owner_id = u.id)`:         "[{owner users new_id id owner_id}]",
		`UPDATE item SET owner = (SELECT new_id FROM users WHERE id = item.owner_id)`:              "[]", // id: the subquery's or item's
		`UPDATE item SET owner = (SELECT new_id FROM users WHERE users.id = 3)`:                    "[]",
		`UPDATE item SET owner = (SELECT new_id FROM users, teams WHERE users.id = item.t)`:        "[]",
		`UPDATE item SET owner = (SELECT max(new_id) FROM users WHERE users.id = item.owner)`:      "[]",
		`UPDATE item SET owner = (SELECT new_id FROM s.users WHERE users.id = item.owner_id)`:      "[]",
		`UPDATE item SET owner = (SELECT new_id FROM users WHERE users.id > item.owner_id)`:        "[]",
		`UPDATE item SET owner = (SELECT new_id FROM item AS p WHERE p.id = item.parent_id)`:       "[]", // the same table
		`UPDATE item SET owner = (SELECT new_id FROM users WHERE users.id = item.owner_id), x = 1`: "[{owner users new_id id owner_id}]",
	} {
		if got := fmt.Sprint(ClassifySQL(sql).Statements[0].SetLookups); got != want {
			t.Errorf("%s: SetLookups %s, want %s", sql, got, want)
		}
	}
}

func TestInsertSupplies(t *testing.T) {
	tests := []struct {
		sql      string
		width    int
		supplied string // of the columns a, b, c
	}{
		{"INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')", 3, "ab"},
		{"INSERT INTO t (b, a) VALUES ('x', NULL)", 3, "b"},
		{"INSERT INTO t (a, b) VALUES (1, DEFAULT)", 3, "a"},
		{"INSERT INTO t VALUES (1, 'x', 2)", 3, "abc"},
		{"INSERT INTO t VALUES (1, 'x')", 3, ""},
		{"INSERT INTO t VALUES (1, NULL, 2)", 3, ""},
		{"INSERT INTO t SELECT d, extract(week FROM d), 1 FROM generate_series(1, 3) AS d", 3, "abc"},
		{"INSERT INTO t (SELECT x, y, z FROM u ORDER BY x)", 3, "abc"},
		{"INSERT INTO t SELECT * FROM u", 3, ""},
		{"INSERT INTO t (a, c) SELECT 1, 2 UNION ALL SELECT 3, NULL", 3, "a"},
		{"INSERT INTO t DEFAULT VALUES", 3, ""},
	}
	for _, tt := range tests {
		st := ClassifySQL(tt.sql).Statements[0]
		got := ""
		for _, c := range []string{"a", "b", "c"} {
			if st.Supplies(c, tt.width) {
				got += c
			}
		}
		if got != tt.supplied {
			t.Errorf("%s: supplies %q, want %q", tt.sql, got, tt.supplied)
		}
	}
}
