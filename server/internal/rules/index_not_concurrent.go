package rules

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "index-not-concurrent",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixSometimes,
	PostgresOnly: true,
	Summary:      "An index is created or dropped on an existing table without CONCURRENTLY",
	Doc: Doc{
		FailsWhen: "Under load: building the index blocks writes to the table until the migration commits.",
		What: "Finds `create_index` and `drop_index` (also `batch_op.create_index`/`drop_index`, and literal " +
			"`CREATE INDEX` in `op.execute`, and literal `DROP INDEX` of an index the history places on one table) on a table " +
			"that existed before the revision, without " +
			"`postgresql_concurrently=True`. Tables created in the same revision are new and empty, so they are skipped.",
		Why: "A plain `CREATE INDEX` takes a SHARE lock on the table: reads continue, but every INSERT, UPDATE and DELETE " +
			"waits until the index is built and the migration's transaction commits, which on a large table means minutes " +
			"of failed or stalled writes. A plain `DROP INDEX` takes an ACCESS EXCLUSIVE lock on the table: every query, " +
			"SELECT included, waits, and the waiting queue grows behind it. `CREATE INDEX CONCURRENTLY` and " +
			"`DROP INDEX CONCURRENTLY` take SHARE UPDATE EXCLUSIVE instead, which lets reads and writes continue. " +
			"CONCURRENTLY cannot run in a transaction block (`CREATE INDEX CONCURRENTLY cannot run inside a transaction " +
			"block`), so in Alembic it goes inside `op.get_context().autocommit_block()`.",
		Example: `# 0001_create_events.py
def upgrade():
    op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", sa.String(length=50)))


# 0002_index_events_kind.py
def upgrade():
    op.create_index("ix_events_kind", "events", ["kind"], unique=False)


def downgrade():
    op.drop_index("ix_events_kind", table_name="events")`,
		UseInstead: `def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_events_kind", "events", ["kind"], unique=False, postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)`,
		KnownProblems: "Only upgrade() is checked. `drop_index` without `table_name`, and `DROP INDEX` in SQL of an index the " +
			"history does not place on exactly one table, do not say which table they lock, so they are not reported. A CONCURRENTLY build that fails (a duplicate in a unique index, a " +
			"deadlock) leaves an INVALID index behind: drop it before retrying. PostgreSQL 14.0-14.3 could corrupt indexes " +
			"built concurrently; use 14.4 or later.",
		FixSafety: "Unsafe: the fix adds `postgresql_concurrently=True` and wraps the statement (a whole batch block, when it " +
			"holds only index operations) in `with op.get_context().autocommit_block():`. The block commits the migration's " +
			"transaction before the index is built, so the operations before it are no longer rolled back if a later step " +
			"fails; put the index in a revision of its own, or set `transaction_per_migration=True`. The downgrade is left " +
			"as it is. No fix is offered for SQL strings.",
		References: []string{"https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY",
			"https://www.postgresql.org/docs/current/sql-dropindex.html",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://alembic.sqlalchemy.org/en/latest/api/runtime.html#alembic.runtime.migration.MigrationContext.autocommit_block",
			"https://squawkhq.com/docs/require-concurrent-index-creation"},
		Squawk: []string{"require-concurrent-index-creation", "require-concurrent-index-deletion"},
	},
	Check: checkIndexNotConcurrent,
})

func checkIndexNotConcurrent(p *Pass) {
	var found []*migration.Op
	messages := map[*migration.Op]Message{}
	tables := map[*migration.Op]string{} // the table each finding locks
	var sqlFound []*migration.Op
	dropped := map[string]int{} // table -> position of the last upgrade() operation that drops it
	position := map[*migration.Op]int{}
	p.Upgrade(func(o *migration.Op, s *history.State) {
		position[o] = len(position)
		for _, e := range p.Effects(o) {
			if e.Change == effect.Drop && e.Object == effect.Table {
				dropped[e.Key()] = position[o]
			}
		}
		switch o.Name {
		case "create_index", "drop_index":
			table, t := existingTable(p, o, s)
			if on, known := dialectFlag(o, "postgresql_concurrently"); t == nil || on || !known {
				return
			}
			found = append(found, o)
			tables[o] = effect.TableKey(o, table)
			messages[o] = indexLockMessage(p.Style(), o, tables[o])
		case "execute", migration.BindExecute:
			if !o.Certain() || o.SQL == nil || !o.SQL.Known {
				return
			}
			if table, msg, ok := sqlIndexLock(p, s, o.SQL.Statements); ok {
				sqlFound = append(sqlFound, o)
				tables[o], messages[o] = table, msg
			}
		}
	})
	// the same upgrade drops the table later: its DROP TABLE locks it anyway
	droppedAfter := func(o *migration.Op) bool {
		at, ok := dropped[tables[o]]
		return ok && at > position[o]
	}
	found = slices.DeleteFunc(found, droppedAfter)
	fixes := concurrentIndexFixes(p, found)
	for _, o := range found {
		p.Report(o, messages[o], fixes[o])
	}
	for _, o := range sqlFound {
		if !droppedAfter(o) {
			p.Report(o, messages[o], nil)
		}
	}
}

// sqlIndexLock finds the first CREATE INDEX or DROP INDEX without CONCURRENTLY
// on an existing table among literal SQL statements: the table and the message.
func sqlIndexLock(p *Pass, s *history.State, statements []migration.Statement) (string, Message, bool) {
	autocommit := fmt.Sprintf("run it inside `with %s.get_context().autocommit_block():`, since CONCURRENTLY "+
		"cannot run inside a transaction block", p.Style().Spell(stylist.Op))
	for _, st := range statements {
		if st.Concurrently {
			continue
		}
		switch {
		case st.Kind == migration.SQLCreateIndex && preexistingTable(p, s, st.Table) != nil:
			return st.Table, Message{Text: fmt.Sprintf("CREATE INDEX without CONCURRENTLY on existing table %q", st.Table),
				Help: "It holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table " +
					"waits until the migration commits (reads continue). Write CREATE INDEX CONCURRENTLY (SHARE UPDATE " +
					"EXCLUSIVE: reads and writes continue) and " + autocommit}, true
		case st.Kind == migration.SQLDropIndex:
			// DROP INDEX does not name its table: the history knows which table has the index
			table := s.IndexTable(st.Object)
			if table == "" || preexistingTable(p, s, table) == nil {
				continue
			}
			return table, Message{Text: fmt.Sprintf("DROP INDEX %q without CONCURRENTLY on existing table %q", st.Object, table),
				Help: fmt.Sprintf("It takes an ACCESS EXCLUSIVE lock on %q: every query on it, SELECT included, waits "+
					"(and queues) until the migration commits. Write DROP INDEX CONCURRENTLY (SHARE UPDATE EXCLUSIVE: "+
					"reads and writes continue) and %s", table, autocommit)}, true
		}
	}
	return "", Message{}, false
}

func indexLockMessage(st *stylist.Stylist, o *migration.Op, table string) Message {
	index := "the index"
	if name := nameValue(o.Arg("index_name")); name != "" {
		index = fmt.Sprintf("index %q", name)
	}
	remedy := fmt.Sprintf("add postgresql_concurrently=True and run it inside `with %s.get_context().autocommit_block():` "+
		"(CONCURRENTLY cannot run inside a transaction block)", st.Spell(stylist.Op))
	if o.Name == "create_index" {
		return Message{Text: fmt.Sprintf("create_index builds %s on existing table %q without CONCURRENTLY", index, table),
			Help: fmt.Sprintf("It holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on %q waits until the "+
				"migration commits (reads continue). Build it concurrently (SHARE UPDATE EXCLUSIVE: reads and writes continue): %s",
				table, remedy)}
	}
	return Message{Text: fmt.Sprintf("drop_index drops %s without CONCURRENTLY on existing table %q", index, table),
		Help: fmt.Sprintf("It takes an ACCESS EXCLUSIVE lock on %q: every query on it, SELECT included, waits (and queues) "+
			"until the migration commits. Drop it concurrently (SHARE UPDATE EXCLUSIVE: reads and writes continue): %s", table, remedy)}
}

// concurrentIndexFixes builds one fix per statement to wrap: an index operation,
// or a batch block whose operations are all index operations (its fix goes to the
// block's first finding and covers the others).
func concurrentIndexFixes(p *Pass, found []*migration.Op) map[*migration.Op]*SuggestedFix {
	fixes := map[*migration.Op]*SuggestedFix{}
	grouped := map[*migration.Batch]bool{}
	for _, o := range found {
		if o.Batch == nil {
			fixes[o] = concurrentIndexFix(p, []*migration.Op{o}, o, o.Autocommit)
			continue
		}
		b := o.Batch
		if grouped[b] || b.Op == nil || !onlyIndexOps(p.Migration.Upgrade, b) {
			continue
		}
		if recreate, _ := b.Op.ArgString("recreate"); recreate == "always" {
			continue // the batch copies the table: CONCURRENTLY has no place there
		}
		grouped[b] = true
		var ops []*migration.Op
		for _, other := range found {
			if other.Batch == b {
				ops = append(ops, other)
			}
		}
		fixes[o] = concurrentIndexFix(p, ops, b.Op, o.Autocommit)
	}
	return fixes
}

func onlyIndexOps(f *migration.Function, b *migration.Batch) bool {
	for _, o := range f.Ops {
		if o.Batch == b && o.Name != "create_index" && o.Name != "drop_index" {
			return false
		}
	}
	return true
}

// concurrentIndexFix sets postgresql_concurrently=True on ops and, unless they
// already run in autocommit mode, wraps the statement of wrapped (one of them,
// or their batch block) in autocommit_block().
func concurrentIndexFix(p *Pass, ops []*migration.Op, wrapped *migration.Op, autocommit bool) *SuggestedFix {
	var edits []TextEdit
	for _, o := range ops {
		edits = append(edits, concurrentlyKeyword(o))
	}
	msg := "Set postgresql_concurrently=True"
	if !autocommit {
		wrap, ok := autocommitWrap(p.Migration, p.Style().Beside(wrapped), wrapped.Stmt, wrapped.Indent)
		if !ok {
			return nil
		}
		edits = append(edits, wrap...)
		msg += " and run the statement inside autocommit_block()"
	}
	return &SuggestedFix{Message: msg, Safety: Unsafe, Edits: edits}
}

// concurrentlyKeyword sets postgresql_concurrently=True in an operation's call.
func concurrentlyKeyword(o *migration.Op) TextEdit {
	if v := o.Extra["postgresql_concurrently"]; v != nil {
		return TextEdit{Start: v.Span.Start, End: v.Span.End, NewText: "True"}
	}
	end := o.Call.Span.Start
	for _, a := range o.Call.Args {
		end = max(end, a.Span.End)
	}
	for _, k := range o.Call.Keywords() {
		end = max(end, k.Span.End)
	}
	return TextEdit{Start: end, End: end, NewText: ", postgresql_concurrently=True"}
}
