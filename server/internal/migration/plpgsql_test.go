package migration

import (
	"fmt"
	"strings"
	"testing"
)

func TestDoBlocks(t *testing.T) {
	// each statement as kind:name:if-not-exists; "opaque" when the block is not followed
	for _, c := range []struct{ name, sql, want string }{
		{"a create type that catches duplicate_object",
			`DO $$ BEGIN CREATE TYPE mood AS ENUM ('sad', 'ok'); EXCEPTION WHEN duplicate_object THEN null; END $$;`,
			"create_type:mood:true"},
		{"a create type under IF NOT EXISTS",
			`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood AS ENUM ('ok'); END IF; END $$`,
			"create_type:mood:true"},
		{"rows written in a loop",
			`DO $$ DECLARE r record; BEGIN FOR r IN SELECT name FROM pets LOOP DELETE FROM pets WHERE name = r.name; END LOOP; END $$`,
			"delete:pets:false"},
		{"unconditional statements as they are",
			`DO $$ BEGIN PERFORM pg_sleep(1); ALTER TABLE pets ADD COLUMN age int; END $$`,
			"select::false alter_table:pets:false"},
		{"a role made if missing, and a grant",
			`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader; END IF; GRANT SELECT ON pets TO reader; END $$`,
			"untracked::false session::false"},
		{"a block that only raises a notice", `DO $$ BEGIN RAISE NOTICE 'hello'; END $$`, "session::false"},
		{"dynamic SQL", `DO $$ BEGIN EXECUTE 'DROP TABLE pets'; END $$`, "opaque"},
		{"a create under another condition",
			`DO $$ BEGIN IF current_setting('app.mode') = 'full' THEN CREATE TYPE mood AS ENUM ('ok'); END IF; END $$`, "opaque"},
		{"two creates in one block that catches errors: the second failing undoes the first",
			`DO $$ BEGIN CREATE TYPE a AS ENUM ('x'); CREATE TYPE b AS ENUM ('y'); EXCEPTION WHEN duplicate_object THEN null; END $$`, "opaque"},
		{"a drop in a loop", `DO $$ BEGIN FOR i IN 1..3 LOOP DROP TABLE pets; END LOOP; END $$`, "opaque"},
		{"another language", `DO LANGUAGE plpython3u $$ plpy.execute("DROP TABLE pets") $$`, "opaque"},
		{"a procedure call", `DO $$ BEGIN CALL cleanup(); END $$`, "opaque"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := ClassifySQL(c.sql)
			var got []string
			for _, st := range s.Statements {
				if st.Kind == SQLOther && st.Verb == "DO" {
					got = append(got, "opaque")
					continue
				}
				if !st.InBlock {
					t.Errorf("%s: InBlock not set", st.Kind)
				}
				got = append(got, fmt.Sprintf("%s:%s:%v", st.Kind, st.Object+st.Table, st.IfNotExists))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}
