package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:            "missing-index",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	PostgresOnly:  true,
	Summary:       "drop_index names an index that does not exist at that point",
	Doc: Doc{
		FailsWhen: "On every PostgreSQL database: no index of that name exists when DROP INDEX runs.",
		What: "Finds `drop_index` (also in batch blocks), in upgrade() and downgrade(), whose table the history knows " +
			"in full (created by `op.create_table`, every index since followed) while no table the history knows has an " +
			"index of that name just before it, and none of that name was created on a table the history does not know. " +
			"The name is read as written, through `op.f()` or the naming convention, and compared as PostgreSQL " +
			"does (the first 63 bytes). In a downgrade, also a `drop_index` whose table does not exist either, where " +
			"missing-table would report a drop of that table.",
		Why: "PostgreSQL refuses it: `index \"ix_users_emial\" does not exist`. Index names belong to the schema, so the " +
			"table named beside it does not matter; the name does. It is usually a slip: a downgrade that drops the " +
			"index under another spelling than its upgrade created, a name the naming convention builds differently " +
			"from the one written, or an index dropped twice. In a downgrade it shows only when somebody needs to go back.",
		Example: `# 0001_users.py
def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(200)))


# 0002_email_index.py (the revision under review)
def upgrade():
    op.create_index("ix_users_email", "users", ["email"])


def downgrade():
    op.drop_index("ix_user_email", table_name="users")`,
		UseInstead: `# 0002_email_index.py
def downgrade():
    op.drop_index("ix_users_email", table_name="users")`,
		KnownProblems: "Only tables whose indexes the history knows in full are judged: a table created by raw SQL, " +
			"with `sa.Index` or arguments the tool does not read, changed under a condition, or any history with an " +
			"effect it cannot read before the drop is left alone. An index that backs a constraint (a name ending " +
			"`_key` or `_pkey`, as PostgreSQL names them) is left alone too: dropping it fails in another way. So is a drop " +
			"in a downgrade of an index that a later revision creates, drops or renames in an upgrade whose downgrade reverts " +
			"nothing (`pass`): coming down from the head, the index is as that revision left it.",
		FixSafety:  "No automatic fix: the right name is the author's to say.",
		References: []string{"https://www.postgresql.org/docs/current/sql-dropindex.html"},
	},
	Check: checkMissingIndex,
})

func checkMissingIndex(p *Pass) {
	check := func(o *migration.Op, s *history.State) {
		if msg, ok := missingIndexDrop(p, o, s); ok {
			p.Report(o, msg, nil)
		}
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// missingIndexDrop reports whether o is a drop_index of an index the schema
// just before it (s) certainly lacks, with the finding's message.
// downgrade-incomplete leaves such a drop of a constraint's name to this rule.
func missingIndexDrop(p *Pass, o *migration.Op, s *history.State) (Message, bool) {
	if o.Name != "drop_index" || !o.Certain() || s.Unknown || len(o.ArgProblems) > 0 {
		return Message{}, false
	}
	if ifExists, _ := o.Arg("if_exists").BoolValue(); ifExists || o.Arg("postgresql_if_exists") != nil {
		return Message{}, false
	}
	table, ok := o.Table()
	name := droppedIndexName(s, p.Migration, o)
	if !ok || name == "" || strings.HasSuffix(name, "_key") || strings.HasSuffix(name, "_pkey") {
		return Message{}, false
	}
	t := s.Table(effect.TableKey(o, table))
	if key := effect.TableKey(o, table); t == nil && p.InDowngrade(o.Call.Span) && p.After().Table(key) == nil &&
		absentInDowngrade(p, s, key) && s.IndexTable(name) == "" && !s.MayHaveIndex(name) && !madeByDowngradeAbove(p, effect.Index, name) {
		// the downgrade names a table its upgrade never made (OpenHands', codechecker's)
		return Message{Text: fmt.Sprintf("drop_index names index %q of table %q: neither exists here", name, table),
			Help: fmt.Sprintf("It fails with: index %q does not exist. Check the names against the operations that created "+
				"the table and its indexes.", name)}, true
	}
	if t == nil || t.HasPostgresIndex(name) || s.MayHaveUnseenColumns(effect.TableKey(o, table)) {
		return Message{}, false // most drops name an index of their table: no need to look through every table
	}
	if _, complete := t.Indexes(); !complete || s.MayHaveIndex(name) {
		return Message{}, false
	}
	if p.InDowngrade(o.Call.Span) && keptAbove(p, effect.Index, name) {
		return Message{}, false
	}
	msg := missingIndexMessage(s, name, table)
	if by := takenAlong(p, o, name); by != nil {
		// cachito's batch drops the column before its index (judged)
		msg.Help = fmt.Sprintf("It fails with: index %q does not exist: the drop_column at line %d took it along (dropping a "+
			"column drops its indexes). Drop the index before it, or remove this drop_index.", name, by.Call.Span.StartLine)
	} else if key := effect.TableKey(o, table); p.InDowngrade(o.Call.Span) && !strings.Contains(msg.Text, "foreign key") &&
		slices.ContainsFunc(createdByUpgrade(p), func(made string) bool { return strings.EqualFold(made, key) }) {
		// keep's downgrade drops two indexes its create_table never made (judged)
		msg.Help = fmt.Sprintf("It fails with: index %q does not exist. upgrade() creates %q without an index of that name, so "+
			"nothing made it: delete this drop_index (or create the index in upgrade(), if the table needs it).", name, table)
	}
	return msg, true
}

// takenAlong is the drop_column of o's function, before it, that removed the
// index the function started with along with one of its columns (nil when
// none did). A dropped table is table-used-after-drop's.
func takenAlong(p *Pass, o *migration.Op, name string) *migration.Op {
	f := p.Migration.Upgrade
	if down := p.Migration.Downgrade; down != nil && slices.Contains(down.Ops, o) {
		f = down
	}
	table, _ := o.Table()
	t := startOf(p, f).Table(effect.TableKey(o, table))
	if t == nil || !t.HasPostgresIndex(name) {
		return nil
	}
	var cols []string
	ixs, _ := t.Indexes()
	for _, ix := range ixs {
		if history.SameIdentifier(ix.Name, name) {
			cols = ix.Columns
		}
	}
	at := slices.Index(f.Ops, o)
	if at < 0 {
		return nil
	}
	for _, before := range f.Ops[:at] {
		for _, e := range p.Effects(before) {
			if e.Object == effect.Column && e.Change == effect.Drop && e.Key() == t.Name && slices.Contains(cols, e.Name) {
				return before
			}
		}
	}
	return nil
}

// missingIndexMessage names a foreign key of that name when there is one:
// dropping a foreign key with drop_index is the usual slip.
func missingIndexMessage(s *history.State, name, table string) Message {
	for _, t := range s.Tables() {
		for _, fk := range t.FKs() {
			if history.SameIdentifier(fk.Name, name) {
				return Message{Text: fmt.Sprintf("drop_index names %q, a foreign key of %q, not an index", name, t.Name),
					Help: fmt.Sprintf("It fails with: index %q does not exist. A foreign key is dropped with "+
						"op.drop_constraint(%q, %q, type_=\"foreignkey\").", name, name, t.Name)}
			}
		}
	}
	return Message{Text: fmt.Sprintf("drop_index names index %q, which does not exist at this point", name),
		Help: fmt.Sprintf("It fails with: index %q does not exist. Check the name against the operation that created "+
			"the index on %q (and the naming convention, when the name is built).", name, table)}
}
