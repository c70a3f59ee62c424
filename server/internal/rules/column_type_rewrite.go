package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "column-type-rewrite",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "A column of an existing table changes type in a way that rewrites the table under ACCESS EXCLUSIVE",
	Doc: Doc{
		FailsWhen: "Under load: reads and writes of the table wait until every row is converted and the migration commits.",
		What: "Finds `alter_column(type_=...)` (also in batch blocks) and `ALTER TABLE ... ALTER COLUMN ... TYPE` in literal " +
			"SQL, in upgrade(), on a table that existed before the revision, when the old type (from `existing_type` or the " +
			"replayed history) and the new one are known and PostgreSQL must convert every stored value: an integer to " +
			"bigint, json to jsonb, text to a bounded varchar, a shorter varchar, an enum to text, any array element change. " +
			"A longer or unbounded varchar and varchar to text keep the values as they are and are not reported.",
		Why: "`ALTER COLUMN ... TYPE` takes ACCESS EXCLUSIVE on the table. When the stored values are not already valid in the " +
			"new type, PostgreSQL writes a new copy of the table and rebuilds its indexes while holding it: no reads or writes " +
			"of the table for as long as that takes, until the migration commits. Only binary-compatible changes (a wider " +
			"varchar, varchar to text, more numeric precision at the same scale, timestamp to timestamptz when the session " +
			"time zone is UTC) skip the rewrite and hold the lock for a moment.",
		Example: `# 0001_create_events.py
def upgrade():
    op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("count", sa.Integer()))


# 0002_bigger_count.py
def upgrade():
    op.alter_column("events", "count", existing_type=sa.Integer(), type_=sa.BigInteger())`,
		UseInstead: `# 0002_bigger_count.py: a new column, filled in batches outside the migration's transaction
def upgrade():
    op.add_column("events", sa.Column("count_big", sa.BigInteger(), nullable=True))
    # the application writes both columns; backfill count_big in batches, switch the reads,
    # then drop "count" in a later release`,
		KnownProblems: "Types the rule does not know (custom types, intervals...) and changes whose cost depends on what it " +
			"does not see are left alone: numeric precision and scale (not modelled), timestamp to or from timestamptz (no " +
			"rewrite when the session time zone is UTC). A change PostgreSQL cannot make without a USING clause is left " +
			"to type-change-without-using. Tables created in the same revision are not reported.",
		FixSafety: "No automatic fix: the online change is a new column and a backfill across releases.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
			"https://squawkhq.com/docs/changing-column-type",
			"https://github.com/ankane/strong_migrations#changing-the-type-of-a-column"},
		Squawk: []string{"changing-column-type"},
	},
	Check: checkColumnTypeRewrite,
})

func checkColumnTypeRewrite(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		statements := certainStatements(o)
		for i, st := range statements {
			if st.Kind != migration.SQLAlterTable || touchedBefore(statements[:i], st.Table) || preexistingTable(p, s, st.Table) == nil {
				continue // the replay has not applied the statements before it in the same string
			}
			for _, a := range st.Actions {
				if a.Kind != migration.AlterColumnType {
					continue
				}
				from, to := historyType(s, st.Table, a.Column), pgTypeOfSQL(s, a)
				if rewritingTypeChange(from, to, a.Using) {
					p.ReportAt(st.Span, typeRewriteMessage("ALTER COLUMN ... TYPE", st.Table, a.Column, from, to), nil)
				}
			}
		}
		if o.Name != "alter_column" || o.Arg("type_") == nil {
			return
		}
		table, t := existingTable(p, o, s)
		column, ok := o.ArgString("column_name")
		if t == nil || !ok {
			return
		}
		key := effect.TableKey(o, table)
		from := historyType(s, key, column)
		if e := o.Arg("existing_type"); e != nil {
			from = pgTypeOf(p.Migration.Type(o, e))
		}
		to := pgTypeOf(p.Migration.Type(o, o.Arg("type_")))
		if to != nil && !alreadyOfType(s, key, column, to) && rewritingTypeChange(from, to, o.Extra["postgresql_using"] != nil) {
			p.Report(o, typeRewriteMessage("alter_column", key, column, from, to), nil)
		}
	})
}

// rewritingTypeChange reports whether changing a column from one type to the
// other certainly rewrites the table. A change that needs USING and has none
// fails instead (type-change-without-using).
func rewritingTypeChange(from, to *pgType, using bool) bool {
	if from == nil || to == nil || !using && !convertible(from, to) {
		return false
	}
	switch {
	case from.cast == to.cast:
		return false // the same type, or numeric precision not modelled
	case from.family == "datetime" && to.family == "datetime":
		return false // timestamp <-> timestamptz: no rewrite when the session time zone is UTC
	case from.family == "text" && to.family == "text":
		// stored values stay valid: to text or unbounded varchar, or a wider varchar
		return to.length > 0 && (from.length == 0 || to.length < from.length)
	}
	return true // another type (arrays: any element change) converts every value
}

func typeRewriteMessage(verb, table, column string, from, to *pgType) Message {
	m := Message{Text: fmt.Sprintf("%s rewrites existing table %q: column %q from %s to %s", verb, table, column, from.cast, to.cast),
		Help: fmt.Sprintf("PostgreSQL converts every stored value, writing a new copy of %q and rebuilding its indexes while it holds "+
			"ACCESS EXCLUSIVE: no reads or writes of the table until the migration commits. Change the type online instead: add a "+
			"column of the new type, have the application write both, backfill it in batches outside the migration's transaction, "+
			"switch the reads, then drop the old column in a later release.", table)}
	if from.family == "enum" && to.family == "enum" {
		m.Help += " If the new enum type only adds values, ALTER TYPE ... ADD VALUE on the old type changes the catalog alone (no rewrite)."
	}
	return m
}
