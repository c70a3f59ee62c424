package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "backward-incompatible",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "A table or column that running code still uses is dropped or renamed",
	Doc: Doc{
		FailsWhen: "Under load: the migration succeeds, and the application version still running during the deploy fails on the dropped or renamed table or column.",
		What: "Finds `drop_column`, `drop_table`, `rename_table` and `alter_column(..., new_column_name=...)` (also their " +
			"batch forms) in upgrade() on tables and columns that existed before the revision, and their literal-SQL forms " +
			"(`DROP TABLE`, `ALTER TABLE ... RENAME TO`, `DROP COLUMN`, `RENAME COLUMN`). Objects created in the same " +
			"revision are not reported.",
		Why: "During a deploy the previous release keeps running while the migration runs, and it still names the old " +
			"table or column: its queries fail with `column users.name does not exist` or `relation \"users\" does not " +
			"exist` until every instance runs the new code. The statements themselves take ACCESS EXCLUSIVE on the table, " +
			"briefly (no reads or writes meanwhile). Deploy in expand/contract steps: first stop using the object in the " +
			"application and deploy that, then drop it in a later migration; for a rename, add the new name, write to both " +
			"and backfill, switch the reads, then drop the old one.",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=True),
    )


# 0002_full_name.py
def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")`,
		UseInstead: `# 0002_full_name.py, release 1: expand
def upgrade():
    op.add_column("users", sa.Column("full_name", sa.String(length=100), nullable=True))
    # the application writes both columns; backfill full_name in batches


# 0003_drop_name.py, release 2, once the application reads only full_name: contract
def upgrade():
    # no running release reads users.name any more
    op.drop_column("users", "name")  # alembic-patterns: ignore[backward-incompatible]`,
		KnownProblems: "The tool cannot see the application: a table or column that no code uses any more is reported too; " +
			"suppress the finding with a reason (`# alembic-patterns: ignore[backward-incompatible]`) once the application " +
			"no longer uses it. Only upgrade() is checked; SQL with parts not known statically is not read.",
		FixSafety: "No automatic fix: the change has to be split across releases.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://squawkhq.com/docs/ban-drop-column",
			"https://squawkhq.com/docs/renaming-column",
			"https://github.com/ankane/strong_migrations#removing-a-column"},
		Squawk: []string{"ban-drop-column", "ban-drop-table", "renaming-column", "renaming-table"},
	},
	Check: checkBackwardIncompatible,
})

func checkBackwardIncompatible(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			backwardIncompatibleSQL(p, s, st)
		}
		table, t := existingTable(p, o, s)
		key := effect.TableKey(o, table)
		if t == nil || p.Before.Table(key) == nil {
			return // a name an earlier rename of this upgrade made: running code never knew it
		}
		switch o.Name {
		case "drop_table":
			p.Report(o, tableDropped("drop_table", key), nil)
		case "rename_table":
			newName, _ := o.ArgString("new_table_name")
			p.Report(o, tableRenamed("rename_table", key, newName), nil)
		case "drop_column", "alter_column":
			column, ok := o.ArgString("column_name")
			newName, renamed := o.ArgString("new_column_name")
			if !ok || (o.Name == "alter_column" && !renamed) || !columnExistedBefore(p, s, key, column) {
				return
			}
			if o.Name == "drop_column" {
				p.Report(o, columnDropped("drop_column", key, table, column), nil)
				return
			}
			p.Report(o, columnRenamed("alter_column", key, table, column, newName), nil)
		}
	})
}

// backwardIncompatibleSQL: DROP TABLE, ALTER TABLE ... RENAME TO, DROP COLUMN
// and RENAME COLUMN in SQL, on tables and columns older than the revision.
func backwardIncompatibleSQL(p *Pass, s *history.State, st migration.Statement) {
	switch st.Kind {
	case migration.SQLDropTable:
		for _, table := range st.Tables {
			if preexistingTable(p, s, table) != nil && p.Before.Table(table) != nil {
				p.ReportAt(st.Span, tableDropped("DROP TABLE", table), nil)
			}
		}
	case migration.SQLAlterTable:
		if preexistingTable(p, s, st.Table) == nil || p.Before.Table(st.Table) == nil {
			return
		}
		if st.Verb == "RENAME TO" {
			p.ReportAt(st.Span, tableRenamed("ALTER TABLE ... RENAME TO", st.Table, st.NewName), nil)
		}
		for _, a := range st.Actions {
			if !columnExistedBefore(p, s, st.Table, a.Column) {
				continue
			}
			switch a.Kind {
			case migration.DropColumn:
				p.ReportAt(st.Span, columnDropped("DROP COLUMN", st.Table, st.Table, a.Column), nil)
			case migration.RenameColumn:
				p.ReportAt(st.Span, columnRenamed("RENAME COLUMN", st.Table, st.Table, a.Column, a.NewName), nil)
			}
		}
	}
}

// lockBriefly is the lock a drop or rename takes.
const lockBriefly = "ACCESS EXCLUSIVE, briefly: no reads or writes meanwhile"

func tableDropped(verb, key string) Message {
	return Message{Text: fmt.Sprintf("%s drops existing table %q", verb, key),
		Help: fmt.Sprintf("The application release still running during the deploy fails with: relation %q does not exist. "+
			"The drop takes %s. Deploy in order: first stop using the table in the application, deploy, then drop it "+
			"in a later migration.", key, lockBriefly)}
}

func tableRenamed(verb, key, newName string) Message {
	return Message{Text: fmt.Sprintf("%s renames existing table %q to %q", verb, key, newName),
		Help: fmt.Sprintf("The application release still running during the deploy fails with: relation %q does not exist. "+
			"The rename takes %s. Deploy in order: create the new table (or a view under the old name), make the "+
			"application use the new name and deploy, then drop the old name in a later migration.", key, lockBriefly)}
}

func columnDropped(verb, key, table, column string) Message {
	return Message{Text: fmt.Sprintf("%s drops column %q of existing table %q", verb, column, key),
		Help: fmt.Sprintf("The application release still running during the deploy fails with: column %s.%s does not exist. "+
			"The drop takes %s. Deploy in order: first stop using the column in the application (remove it from the "+
			"model), deploy, then drop it in a later migration.", table, column, lockBriefly)}
}

func columnRenamed(verb, key, table, column, newName string) Message {
	return Message{Text: fmt.Sprintf("%s renames column %q of existing table %q to %q", verb, column, key, newName),
		Help: fmt.Sprintf("The application release still running during the deploy fails with: column %s.%s does not exist. "+
			"The rename takes %s. Deploy in order: add %q, write both columns and backfill, deploy the application "+
			"reading %q, then drop %q in a later migration.", table, column, lockBriefly, newName, newName, column)}
}

// columnExistedBefore reports whether a column of a table is certainly older
// than this revision (not added by it).
func columnExistedBefore(p *Pass, s *history.State, key, column string) bool {
	now, before := s.Table(key), p.Before.Table(key)
	if now == nil || before == nil {
		return false
	}
	c := now.Column(column)
	return c != nil && !c.Uncertain && before.Column(column) != nil
}
