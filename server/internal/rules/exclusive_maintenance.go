package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "exclusive-maintenance",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "VACUUM FULL, CLUSTER, REINDEX without CONCURRENTLY or SET TABLESPACE on an existing table",
	Doc: Doc{
		FailsWhen: "Under load: reads and writes of the table wait until the rebuild is done and the migration commits.",
		What: "Finds maintenance that rebuilds an existing table or its indexes under a lock the application waits " +
			"for, in the literal SQL of upgrade(): `VACUUM FULL`, `CLUSTER`, `ALTER TABLE ... SET TABLESPACE` " +
			"(ACCESS EXCLUSIVE on the table) and `REINDEX` without `CONCURRENTLY` (SHARE on the table, ACCESS EXCLUSIVE " +
			"on each index; planning any query of the table opens its indexes, so reads wait too). One rule for the four, since they share " +
			"the cause (a copy of the whole table or index made while holding the lock) and the remedy (an online tool, " +
			"outside the migration's transaction).",
		Why: "Each statement copies the whole table or index while the lock is held, so the outage grows with the table. " +
			"Online alternatives exist: plain VACUUM (space is reused, not returned; no lock against reads or writes), " +
			"`REINDEX ... CONCURRENTLY` (PostgreSQL 12+, in an autocommit block since it cannot run in a transaction), " +
			"and pg_repack for a compacted, reordered or moved table. Maintenance is an operator's job; a revision " +
			"runs it on every environment at deploy time.",
		Example: `# 0001_create_events.py
def upgrade():
    op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_events_id", "events", ["id"])


# 0002_rebuild.py
def upgrade():
    op.execute("REINDEX TABLE events")`,
		UseInstead: `# 0002_rebuild.py: rebuild the indexes without blocking writes, outside the transaction
def upgrade():
    with op.get_context().autocommit_block():
        op.execute("REINDEX TABLE CONCURRENTLY events")`,
		KnownProblems: "`REINDEX INDEX` of an index created earlier in the same upgrade (by create_index, CREATE INDEX, or " +
			"the `<table>_pkey` of a table it created) is not reported; other indexes are not followed to their tables, so " +
			"one on a new table under another name is reported. REINDEX of a schema or database is always reported. VACUUM FULL and a VACUUM " +
			"of the whole database fail in Alembic's transaction anyway (VACUUM cannot run inside a transaction block). " +
			"SQL with parts not known statically is not read. Tables created in the same revision are not reported.",
		FixSafety:  "No automatic fix: the online alternatives run outside the migration or with other tools.",
		References: []string{"https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES", "https://www.postgresql.org/docs/current/sql-reindex.html#SQL-REINDEX-CONCURRENTLY"},
	},
	Check: checkExclusiveMaintenance,
})

func checkExclusiveMaintenance(p *Pass) {
	fresh := map[string]bool{} // indexes this upgrade created (lower case): no one uses them yet
	p.Upgrade(func(o *migration.Op, s *history.State) {
		if table, ok := o.Table(); ok && o.Certain() && o.Name == "create_table" {
			fresh[strings.ToLower(table)+"_pkey"] = true // PostgreSQL's name for its primary key
		}
		if name := nameValue(o.Arg("index_name")); name != "" && o.Certain() && o.Name == "create_index" {
			fresh[strings.ToLower(name)] = true
		}
		for _, st := range certainStatements(o) {
			if st.Creates && st.ObjectKind == "INDEX" && st.Name != "" {
				fresh[strings.ToLower(st.Name)] = true
			}
			report := func(text, help string) { p.ReportAt(st.Span, Message{Text: text, Help: help}, nil) }
			existing := func(table string) bool { return preexistingTable(p, s, table) != nil }
			switch {
			case st.Verb == "VACUUM FULL" || st.Verb == "CLUSTER":
				tables := st.Tables
				if st.Verb == "CLUSTER" {
					tables = []string{st.Table}
				}
				for _, table := range tables {
					if table != "" && !existing(table) {
						continue
					}
					what := fmt.Sprintf("existing table %q", table)
					if table == "" {
						what = "every table of the database"
					}
					report(fmt.Sprintf("%s rewrites %s under ACCESS EXCLUSIVE", st.Verb, what),
						"Reads and writes wait until the table and its indexes are copied (and, for CLUSTER, until the migration commits). "+
							"Plain VACUUM makes the space reusable without that lock; to compact or reorder a table online use pg_repack, "+
							"outside the migration.")
				}
			case st.Verb == "REINDEX" && !st.Concurrently:
				what := "every index of a schema or database"
				switch {
				case st.Table != "":
					if !existing(st.Table) {
						continue
					}
					what = fmt.Sprintf("the indexes of existing table %q", st.Table)
				case fresh[strings.ToLower(st.Object)]:
					continue
				case st.Object != "":
					what = fmt.Sprintf("index %q", st.Object)
				}
				report(fmt.Sprintf("REINDEX without CONCURRENTLY rebuilds %s while reads and writes wait", what),
					"REINDEX holds SHARE on the table and ACCESS EXCLUSIVE on each index it rebuilds until the migration commits; planning "+
						"any query of the table opens its indexes, so reads wait as well as writes. Use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in "+
						"op.get_context().autocommit_block(): it cannot run in a transaction.")
			case st.Kind == migration.SQLAlterTable && existing(st.Table):
				for _, a := range st.Actions {
					if a.Kind == migration.SetTablespace {
						report(fmt.Sprintf("SET TABLESPACE copies existing table %q under ACCESS EXCLUSIVE", st.Table),
							fmt.Sprintf("Reads and writes of %q wait until every page is copied to the new tablespace and the migration "+
								"commits. Move a large table online with pg_repack --tablespace, outside the migration.", st.Table))
					}
				}
			}
		}
	})
}
