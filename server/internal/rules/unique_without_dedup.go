package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "unique-without-dedup",
	Profile:      Default,
	DialectAware: true,
	Severity:     Warning,
	Fix:          FixNever,
	Summary:      "A unique constraint or index is added on existing columns and nothing removes duplicates first",
	Doc: Doc{
		FailsWhen: "On databases where two rows share a value.",
		What: "Finds `create_unique_constraint` and `create_index(..., unique=True)` (also in batch mode) on columns that " +
			"existed before the revision, when nothing earlier in the same upgrade may deduplicate them: an `UPDATE` of the " +
			"table that names a column, a `DELETE` from it, or code the tool cannot read (a data step of the parent " +
			"revisions that rewrites the column counts too). Not reported when the function drops a unique constraint of " +
			"the table, or an index the other function recreates as unique: the uniqueness held already.",
		Why: "Autogenerate turns `unique=True` in the model into `op.create_unique_constraint(...)` (or a unique index) and " +
			"nothing else. The database checks every row when it builds the index, so on a database where two rows share a " +
			"value the upgrade fails, on MariaDB/MySQL with `Duplicate entry 'a@example.com' for key 'uq_accounts_email'` " +
			"(error 1062), on SQLite (batch mode) with `UNIQUE constraint failed: _alembic_tmp_accounts.email`, " +
			"on PostgreSQL with `could not create unique index \"uq_accounts_email\"` " +
			"(`DETAIL: Key (email)=(a@example.com) is duplicated.`). An empty database in CI passes, production does not. " +
			"Under load, on PostgreSQL, building the index also blocks writes to the table: build it with `CREATE UNIQUE INDEX " +
			"CONCURRENTLY` outside the transaction, then attach it with `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX` " +
			"(MariaDB builds it with ALGORITHM=NOCOPY, LOCK=NONE: writes go on).",
		Example: `# 0001_accounts.py
def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=200), nullable=False),
    )


# 0002_unique_email.py
def upgrade():
    op.create_unique_constraint("uq_accounts_email", "accounts", ["email"])`,
		UseInstead: `def upgrade():
    op.execute("DELETE FROM accounts a USING accounts b WHERE a.email = b.email AND a.ctid > b.ctid")
    op.create_unique_constraint("uq_accounts_email", "accounts", ["email"])`,
		KnownProblems: "The tool cannot know whether the table holds duplicates; a column that never had any (filled from a " +
			"sequence, or unique by the application's own checks) is reported too. Any data step it cannot read before the " +
			"change silences the rule, whether or not it deduplicates.",
		FixSafety: "No automatic fix: only the author knows which of the duplicate rows to keep or how to tell them apart.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.create_unique_constraint",
			"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX"},
	},
	Check: checkUniqueWithoutDedup,
})

func checkUniqueWithoutDedup(p *Pass) {
	up := p.Migration.Upgrade
	if up == nil || keepsUniqueness(up, p.Migration.Downgrade) {
		return
	}
	earlier := newFills()
	p.Upgrade(func(o *migration.Op, s *history.State) {
		if msg, ok := uniqueProblem(p, o, s, earlier); ok {
			p.Report(o, msg, nil)
		}
		earlier.add(o)
	})
}

// uniqueProblem explains why a unique constraint or index may fail on
// duplicate rows; ok is false when it cannot.
func uniqueProblem(p *Pass, o *migration.Op, s *history.State, earlier *fills) (msg Message, ok bool) {
	kind := ""
	switch o.Name {
	case "create_unique_constraint":
		kind = "constraint"
	case "create_index":
		if unique, ok := o.Arg("unique").BoolValue(); ok && unique {
			kind = "index"
		}
	}
	if kind == "" {
		return Message{}, false
	}
	columns, ok := o.Arg("columns").Strings()
	table, t := existingTable(p, o, s)
	if !ok || len(columns) == 0 || t == nil || t.Opaque {
		return Message{}, false
	}
	before := p.Before.Table(effect.TableKey(o, table))
	for _, c := range columns {
		if before == nil || before.Column(c) == nil || earlier.may(table, c) || recentDataStep(p, table, c, rewritesValues) {
			return Message{}, false
		}
	}
	if alreadyUnique(t, columns) {
		return Message{}, false
	}
	st := p.Style()
	msg = Message{Text: fmt.Sprintf("%s(%q, [%s]): a unique %s on existing rows, not deduplicated first",
		o.Name, table, quotedList(columns), kind), Help: "If two rows share a value the upgrade fails"}
	switch p.Dialect {
	case "mysql":
		msg.Help += fmt.Sprintf(" with: Duplicate entry '...' for key '...' (error 1062). Remove or merge the duplicates first, e.g. %s.execute(%s).",
			st.Spell(stylist.Op), st.Quote(fmt.Sprintf("DELETE a FROM %s a JOIN %s b ON %s AND a.<key> > b.<key>", table, table, joinedEqual(columns))))
		return msg, true
	case "sqlite":
		msg.Help += " with: UNIQUE constraint failed. Remove or merge the duplicate rows first."
		return msg, true
	case "postgresql":
		// PostgreSQL's error and a ctid self-join follow
	default:
		msg.Help += ". Remove or merge the duplicate rows first."
		return msg, true
	}
	// no index name: unnamed-constraint's fix would change it
	msg.Help += fmt.Sprintf(" with: could not create unique index ... DETAIL: Key (%s)=(...) is duplicated.", strings.Join(columns, ", "))
	msg.Help += fmt.Sprintf(" Remove or merge the duplicates first, e.g. %s.execute(%s)", st.Spell(stylist.Op),
		st.Quote(fmt.Sprintf("DELETE FROM %s a USING %s b WHERE %s AND a.ctid > b.ctid", table, table, joinedEqual(columns))))
	if kind == "constraint" {
		msg.Help += "; under load, build the index with CREATE UNIQUE INDEX CONCURRENTLY and attach it with ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX"
	}
	msg.Help += "."
	return msg, true
}

// alreadyUnique reports whether the columns hold a set already known unique
// (the primary key, a unique constraint or index): then so are they.
func alreadyUnique(t *history.Table, columns []string) bool {
	for _, set := range t.Uniques {
		if !slices.ContainsFunc(set, func(c string) bool { return !slices.Contains(columns, c) }) {
			return true
		}
	}
	return false
}

func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// keepsUniqueness reports whether the upgrade replaces a uniqueness that held
// already: it drops a unique constraint, or an index that the downgrade
// recreates as unique (or that it does not recreate with create_index: its
// kind is unknown).
func keepsUniqueness(up, down *migration.Function) bool {
	recreated := map[string]*migration.Op{}
	if down != nil {
		for _, o := range down.Ops {
			if o.Name == "create_index" {
				if name, _, ok := migration.NameArg(o.Arg("index_name")); ok {
					recreated[name] = o
				}
			}
		}
	}
	for _, o := range up.Ops {
		switch o.Name {
		case "drop_constraint":
			if kind, ok := o.ArgString("type_"); ok && kind == "unique" {
				return true
			}
		case "drop_index":
			name, _, ok := migration.NameArg(o.Arg("index_name"))
			back := recreated[name]
			if !ok || back == nil {
				return true
			}
			if unique, known := back.Arg("unique").BoolValue(); unique || !known {
				return true
			}
		}
	}
	return false
}

// joinedEqual is "a.x = b.x AND a.y = b.y" for a self-join on the columns.
func joinedEqual(columns []string) string {
	var same []string
	for _, c := range columns {
		same = append(same, "a."+c+" = b."+c)
	}
	return strings.Join(same, " AND ")
}
