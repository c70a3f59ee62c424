package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

// downgradeMissingID is the rule's id, under which its mark is kept (the notes count the marked revisions).
const downgradeMissingID = "downgrade-missing"

var _ = register(&Rule{
	ID:              "downgrade-missing",
	Profile:         Default,
	MainDialectOnly: true, // the error a re-run upgrade prints is the main dialect's
	Severity:        Warning,
	Fix:             FixSometimes,
	Summary:         "upgrade() changes the schema but downgrade() is missing or does nothing",
	Doc: Doc{
		FailsWhen: "When the revision is downgraded, on every database: without downgrade() at once; with an empty one, at the next upgrade.",
		What: "Finds revisions whose `upgrade()` changes the schema while `downgrade()` is absent, empty, `pass` or only a " +
			"docstring. A `downgrade()` that only raises (e.g. `NotImplementedError`) is an explicit choice and is reported " +
			"as information. Merge revisions (`pass` in both) and data-only upgrades are not reported, nor is an empty " +
			"`downgrade()` whose parent revision is its downgrade split off (the parent's `upgrade()` does nothing and its " +
			"`downgrade()` changes every table this upgrade changes: downgrading through both reverts it); statements on a " +
			"temporary table, `TRUNCATE`, DML PostgreSQL's parser rejects (MySQL's `DELETE t FROM t JOIN ...`), session " +
			"settings (`SET`, `SET LOCAL`, `PRAGMA`, `SHOW`), transaction control (`COMMIT`, `BEGIN`), `ALTER TABLE ... " +
			"VALIDATE CONSTRAINT` (it checks rows: nothing to undo), a column added and dropped again in the same upgrade " +
			"(a column for intermediate values) and a trigger disabled and enabled again in the same upgrade are " +
			"data-only. An upgrade whose changes were written to run again (`IF NOT EXISTS`, `CREATE OR REPLACE`, " +
			"`DROP ... IF EXISTS`, a drop and re-create of the same object, an enum type swap, an `ALTER TABLE` that only " +
			"sets storage or planner settings (`SET (autovacuum_...)`, `SET STATISTICS`, `SET TABLESPACE`), a change made only when a " +
			"look at the schema for what it makes or removes calls for it: under an `if` or after an early `return` that " +
			"inspects it, as `sa.inspect(bind).get_indexes(...)`, `dialect.has_table(...)` or a helper such as " +
			"`_table_exists(...)`; a look at the table it alters is not enough; a drop in a loop over what such a look " +
			"lists, and a create of the same kind on the same table after it) is " +
			"information, and nothing when `downgrade()` explains in a comment why it keeps them (a column set to a target " +
			"type, default or nullability, or dropped and added back, counts too then; without the comment it stays a " +
			"warning that says older code runs on the upgraded schema). A column only made wider (a longer string or a larger " +
			"integer type than its `existing_type` or, without one, than the type the history gave it) or nullable is " +
			"information too: older code works with it. `ALTER TYPE ... ADD VALUE IF NOT EXISTS` alone is left to " +
			"enum-value-not-reverted: PostgreSQL cannot remove enum values, so the empty downgrade() is right. When the " +
			"values are added without `IF NOT EXISTS`, the advice is to add it (never to raise, which would make every " +
			"downgrade through the revision fail); a `raise` after enum values alone is information. The rule is off in a script directory whose revision template (`script.py.mako`) has " +
			"no `downgrade()` or says in it that downgrades are not supported (OpenStack, pgAdmin), and in one whose revisions " +
			"show it: no revision but a base defines `downgrade()` at all, and at least three of them are there to show it " +
			"(placement, cloudkitty): `check` says so once in a note, with the number of revisions concerned.",
		Why: "An empty downgrade reports success: `alembic downgrade -1` moves `alembic_version` back while every table, " +
			"column and index stays. The next `alembic upgrade` runs the same DDL again and fails, e.g. " +
			"`relation \"orders\" already exists`. Without any `downgrade()`, Alembic fails with an AttributeError when it " +
			"reaches the revision. Either way the history cannot be walked back, which breaks rollbacks and the " +
			"upgrade/downgrade round trips of a test suite.",
		Example: `def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))


def downgrade():
    pass`,
		UseInstead: `def downgrade():
    op.drop_column("users", "age")`,
		KnownProblems: "An upgrade made only of data changes (UPDATE/INSERT/DELETE, `bulk_insert`), of SQL the tool cannot " +
			"read, or of calls it cannot follow is not reported: undoing a backfill is rarely possible or needed, and " +
			"the rest cannot be seen. A project that forbids downgrades elsewhere than in its template (its CLI, its docs) " +
			"is not recognised unless its revisions show it; a history of fewer than four revisions is too short to show it. Any comment in an empty `downgrade()` counts as an explanation of changes that can run again; one saying it " +
			"cannot be undone (\"no way back\", \"irreversible\") makes any change an info, like a `downgrade()` that raises.",
		FixSafety: "Unsafe, and only for an empty `downgrade()` when every schema change of the upgrade has a known " +
			"inverse: the inverse operations replace the `pass`, in reverse order. None is written when an operation " +
			"runs in a branch of one dialect or after an early return that may skip it (the inverse would always run). " +
			"Review them (data written by the upgrade is not restored).",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/tutorial.html#downgrading",
			"https://alembic.sqlalchemy.org/en/latest/cookbook.html"},
	},
	Check: checkDowngradeMissing,
	Notes: downgradeMissingNotes,
	Mark:  changesSchemaWithoutDowngrade,
})

func checkDowngradeMissing(p *Pass) {
	m := p.Migration
	if facts := p.steps.run.facts(); m.Upgrade == nil || facts.downgrades.off || facts.upgradeOnly {
		return
	}
	sc := classifyChanges(m, m.Upgrade, p.Before)
	if len(sc.changes) == 0 {
		return
	}
	var changes []*migration.Op
	invertible := true
	for _, c := range sc.changes {
		changes = append(changes, c.op)
		invertible = invertible && len(undosOf(p, c.op, p.Before)) > 0 && onlyCreates(c.op)
	}
	kind := migration.BodyMissing
	if m.Downgrade != nil {
		kind = m.Downgrade.Kind
	}
	if kind == migration.BodyCode {
		return // the inverse operations below are costly: only for downgrades that do nothing
	}
	if kind == migration.BodyEmpty && sc.rerunnableOnly(false) {
		// the upgrade can run again as it is: leaving its changes in place is a
		// choice when the downgrade says so; guarded enum values are
		// enum-value-not-reverted's
		if sc.enumValuesOnly() || explained(m, m.Downgrade) {
			return
		}
	}
	if kind == migration.BodyEmpty && revertedBelow(p, changes) {
		return
	}
	if sc.enumAddsOnly() && kind != migration.BodyMissing {
		enumValuesDowngrade(p, sc, kind)
		return
	}
	if kind == migration.BodyEmpty && sc.rerunnableOnly(true) {
		p.ReportSeverity(Info, lineSpan(m, m.Downgrade.Span.Start), Message{
			Text: "upgrade() only makes changes that can run again and downgrade() does nothing",
			Help: fmt.Sprintf("The changes (%s) stay in place after `alembic downgrade`, and the next upgrade applies them "+
				"again without error. Revert them in downgrade() if older code needs the previous schema; if keeping them is "+
				"intended, say so in a comment in downgrade().", sc.rerunnableKinds())}, nil)
		return
	}
	var undos []*undo
	if invertible {
		undos = pendingUndos(p)
	}
	failure := "runs them again on a schema that has them already: a create fails on what exists, a drop on what is gone"
	if sc.rerunnableOnly(false) {
		// nothing fails: the downgrade only leaves older code the upgraded schema
		failure = fmt.Sprintf("runs its schema changes again without error (%s), while older code runs on the upgraded schema in "+
			"between", sc.rerunnableKinds())
	} else if len(undos) > 0 && undos[0].rerunError(p.Dialect) != "" {
		failure = "fails with: " + undos[0].rerunError(p.Dialect)
	}
	advice := "write the operations that revert it"
	if snippet := inverseSnippet(p.Style(), m, undos); snippet != "" {
		advice = "write the operations that revert it (" + snippet + ")"
	}
	if slices.ContainsFunc(sc.changes, func(c change) bool { return c.op.Guarded }) {
		// sync-engine's upgrade returns early without its table: an
		// unguarded revert fails where the upgrade did nothing (judged)
		advice += " behind the same test upgrade() makes before them"
	}
	advice += `, or raise NotImplementedError("...") if it cannot be undone`
	if kind == migration.BodyEmpty && sc.rerunnableOnly(false) {
		advice += "; if keeping the changes is intended, say so in a comment in downgrade()" // explained() accepts it
	}
	switch kind {
	case migration.BodyRaise:
		p.ReportSeverity(Info, lineSpan(m, m.Downgrade.Span.Start), Message{
			Text: fmt.Sprintf("upgrade() %s and downgrade() only raises", describeChanges(changes)),
			Help: "`alembic downgrade` cannot go below this revision. That is an explicit choice; keep it only if the change " +
				"really cannot be undone."}, nil)
	case migration.BodyMissing:
		p.ReportAt(lineSpan(m, m.Upgrade.Span.Start), Message{
			Text: fmt.Sprintf("upgrade() %s but the file has no downgrade()", describeChanges(changes)),
			Help: fmt.Sprintf("`alembic downgrade` fails with an AttributeError when it reaches this revision. Add a downgrade() "+
				"and %s.", advice)}, nil)
	case migration.BodyEmpty:
		if saysIrreversible(m, m.Downgrade) {
			// the author says there is no way back (copr): a choice, like a raise
			p.ReportSeverity(Info, lineSpan(m, m.Downgrade.Span.Start), Message{
				Text: fmt.Sprintf("upgrade() %s and downgrade() says it cannot be undone", describeChanges(changes)),
				Help: "`alembic downgrade` still reports success and leaves the schema upgraded; raise NotImplementedError(\"...\") " +
					"in downgrade() to make Alembic refuse, as the comment says."}, nil)
			return
		}
		fix := inverseFix(p, undos)
		if fix != nil {
			fix.Message = "Write the inverse operations into downgrade()"
		}
		p.ReportAt(lineSpan(m, m.Downgrade.Span.Start), Message{
			Text: fmt.Sprintf("upgrade() %s but downgrade() does nothing", describeChanges(changes)),
			Help: fmt.Sprintf("`alembic downgrade` reports success while the schema stays upgraded, and the next `alembic "+
				"upgrade` %s. In downgrade(), %s.", failure, advice)}, fix)
	}
}

// enumValuesDowngrade judges the downgrade of an upgrade that only adds enum
// values. PostgreSQL cannot remove them, so a downgrade that does nothing is
// right once the upgrade can run again (IF NOT EXISTS); raising would make
// every downgrade through the revision fail.
func enumValuesDowngrade(p *Pass, sc schemaChanges, kind migration.BodyKind) {
	m := p.Migration
	at := lineSpan(m, m.Downgrade.Span.Start)
	switch {
	case kind == migration.BodyRaise:
		p.ReportSeverity(Info, at, Message{Text: "upgrade() only adds enum values and downgrade() raises",
			Help: "`alembic downgrade` cannot go below this revision. PostgreSQL cannot remove an enum value, so a downgrade() " +
				"that does nothing (`pass`, with ADD VALUE IF NOT EXISTS in upgrade()) is right here and keeps the history walkable."}, nil)
	case kind == migration.BodyEmpty && !sc.enumValuesOnly():
		var value string
		fix := &SuggestedFix{Message: "Write ADD VALUE IF NOT EXISTS", Safety: Safe}
		for _, c := range sc.changes {
			for _, st := range enumValueAdds(c.op) {
				if value == "" && !st.IfNotExists {
					value = st.Value
				}
			}
			if c.enumValue {
				continue
			}
			if f := ifNotExistsFix(c.op); f != nil && fix != nil {
				fix.Edits = append(fix.Edits, f.Edits...)
			} else {
				fix = nil
			}
		}
		p.ReportAt(at, Message{Text: "upgrade() adds enum values without IF NOT EXISTS and downgrade() does nothing",
			Help: fmt.Sprintf("PostgreSQL cannot remove an enum value, so after `alembic downgrade` it stays and the next "+
				"`alembic upgrade` fails with: enum label %q already exists. Write ADD VALUE IF NOT EXISTS in upgrade(); the "+
				"empty downgrade() is then fine as is (raising NotImplementedError would make every downgrade through this "+
				"revision fail).", value)}, fix)
	}
}

// change is one operation of an upgrade that changes the schema.
type change struct {
	op *migration.Op
	// rerun says what makes it safe to run again ("" when it is not): an
	// idempotent statement (IF NOT EXISTS, OR REPLACE, IF EXISTS), a column set
	// to a target state, a drop and re-create of the same object, a type swap.
	rerun string
	// weak: it only happens to be safe to run again (a column set to a target
	// state), it was not written to be.
	weak bool
	// enumValue: only ALTER TYPE ... ADD VALUE IF NOT EXISTS.
	enumValue bool
	// enumAdd: only ALTER TYPE ... ADD VALUE, guarded or not.
	enumAdd bool
}

type schemaChanges struct{ changes []change }

// rerunnableOnly reports whether every change can run again; strict leaves out
// the changes that only happen to (a column set to a target type, default or
// nullability), as opposed to statements written to (IF NOT EXISTS, OR REPLACE).
func (sc schemaChanges) rerunnableOnly(strict bool) bool {
	for _, c := range sc.changes {
		if c.rerun == "" || strict && c.weak {
			return false
		}
	}
	return true
}

func (sc schemaChanges) enumValuesOnly() bool {
	for _, c := range sc.changes {
		if !c.enumValue {
			return false
		}
	}
	return true
}

// enumAddsOnly reports whether every change adds enum values (ALTER TYPE ...
// ADD VALUE), with or without IF NOT EXISTS.
func (sc schemaChanges) enumAddsOnly() bool {
	for _, c := range sc.changes {
		if !c.enumAdd {
			return false
		}
	}
	return true
}

func (sc schemaChanges) rerunnableKinds() string {
	var kinds []string
	for _, c := range sc.changes {
		if !slices.Contains(kinds, c.rerun) {
			kinds = append(kinds, c.rerun)
		}
	}
	return strings.Join(kinds, ", ")
}

// settableChange is a column set to a target type, default or nullability.
const settableChange = "a column set to a target type, default or nullability"

// inspectedChange is an operation that runs only when a look at the schema
// finds what it makes or removes still to do (see selfChecking).
const inspectedChange = "a change run only when a look at the schema (sa.inspect(), has_table()) calls for it"

// selfChecking are the inspections of a function (migration.Inspection) that
// look for an object one of the operations they decide makes, drops, renames
// or alters: they decide whether the change is still to be made, so those
// operations were written to run again. A condition that only looks for the
// table the operations change (`if not has_table("t"): return`, then ALTER
// TABLE t ADD COLUMN) decides nothing of the kind.
func selfChecking(m *migration.Migration, f *migration.Function) map[*migration.Inspection]bool {
	checked := map[*migration.Inspection]bool{}
	for _, o := range f.Ops {
		if len(o.Inspections) == 0 || !slices.ContainsFunc(o.Inspections, func(in *migration.Inspection) bool { return !checked[in] }) {
			continue
		}
		changed := changedNames(m, o)
		for _, in := range o.Inspections {
			checked[in] = checked[in] || slices.ContainsFunc(in.Names, func(n string) bool { return changed[n] })
		}
	}
	return checked
}

// changedNames are the names of the objects an operation makes, drops,
// renames or alters, in lower case: every word of a statement PostgreSQL's
// parser cannot read, but the table ALTER TABLE changes and those its
// foreign keys reference.
func changedNames(m *migration.Migration, o *migration.Op) map[string]bool {
	names := map[string]bool{}
	for _, e := range effect.Of(naming.Namer{}, m, o) {
		switch {
		case (e.Object == effect.Anything || e.UnreadAlter()) && e.Statement != nil:
			for _, w := range reSQLWord.FindAllString(reSQLTableChanged.ReplaceAllString(e.Statement.Text, ""), -1) {
				names[strings.ToLower(w)] = true
			}
		case e.Unreadable || e.Object == effect.Rows || e.Object == effect.Transaction || e.Object == effect.Comment:
		case e.Object == effect.Table:
			if e.Change != effect.Alter { // not its triggers or tablespace
				names[strings.ToLower(e.Table)] = true
			}
		default:
			names[strings.ToLower(e.Name)] = true
		}
		if e.To != "" {
			names[strings.ToLower(e.To)] = true
		}
	}
	return names
}

var (
	// reSQLWord finds the words of SQL text (names written in quotes included).
	reSQLWord = regexp.MustCompile(`\w+`)
	// reSQLTableChanged finds the tables SQL changes or references, not makes
	// or drops: ALTER TABLE t, REFERENCES t.
	reSQLTableChanged = regexp.MustCompile("(?i)\\b(?:ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?|REFERENCES)\\s+[\\w.\"`]+")
)

// widenedColumn is a column made wider (a longer string, a larger integer)
// or nullable: running it again changes nothing, and the previous code works
// with the wider column, and writes the values a NOT NULL column took
// (emergency-alerts-api's, judged).
const widenedColumn = "a column made wider or nullable"

// integerWidths rank the integer types by the values they hold.
var integerWidths = map[string]int{"SmallInteger": 1, "SMALLINT": 1, "Integer": 2, "INTEGER": 2, "INT": 2, "BigInteger": 3, "BIGINT": 3}

// widensOnly reports whether an alter_column only widens a column: a string
// to a larger length than existing_type (or, without one, than the type the
// column has in before, the schema before the revision: namex's, judged), an
// integer to a larger integer type (sync-engine's Integer to BigInteger),
// NOT NULL to nullable.
func widensOnly(m *migration.Migration, o *migration.Op, before *history.State) bool {
	for _, arg := range []string{"server_default", "new_column_name", "comment"} {
		if o.Args[arg] != nil {
			return false
		}
	}
	if v := o.Args["nullable"]; v != nil {
		if nullable, ok := v.BoolValue(); !ok || !nullable {
			return false
		}
		if o.Args["type_"] == nil {
			return true
		}
	}
	from, to := m.Type(o, o.Value("existing_type")), m.Type(o, o.Value("type_"))
	if from == nil && before != nil {
		from = columnTypeIn(before, o)
	}
	if from == nil || to == nil {
		return false
	}
	if typeFamily(from) == "string" && typeFamily(to) == "string" {
		return from.Length > 0 && to.Length > from.Length
	}
	return integerWidths[from.Name] > 0 && integerWidths[to.Name] > integerWidths[from.Name]
}

// columnTypeIn is the type the column an alter_column names has in s, nil
// when s does not know it.
func columnTypeIn(s *history.State, o *migration.Op) *migration.TypeRef {
	table, ok := o.Table()
	column, named := o.ArgString("column_name")
	if !ok || !named || s.Unknown {
		return nil
	}
	if t := s.Table(effect.TableKey(o, table)); t != nil {
		if c := t.Column(column); c != nil {
			return c.Type
		}
	}
	return nil
}

// triggerToggle reads ALTER TABLE t DISABLE|ENABLE TRIGGER name (alone in its
// statement): the table and trigger, and whether it disables it.
func triggerToggle(st migration.Statement) (key string, disable, ok bool) {
	if st.Kind != migration.SQLAlterTable || len(st.Actions) != 1 {
		return "", false, false
	}
	switch a := st.Actions[0]; a.Verb {
	case "DISABLE TRIG", "ENABLE TRIG":
		return strings.ToLower(st.Table + " " + a.Column), a.Verb == "DISABLE TRIG", true
	}
	return "", false, false
}

// settable reports whether an ALTER TABLE action sets a target state:
// running it again changes nothing.
func settable(a migration.TableAction) bool {
	switch a.Kind {
	case migration.AlterColumnType, migration.SetDefault, migration.DropDefault, migration.SetNotNull, migration.DropNotNull:
		return true
	}
	return checksFirst(a)
}

// tuning reports whether an ALTER TABLE action only sets how the table is
// stored or planned (autovacuum and fill factor, statistics targets, a
// column's storage or compression, the tablespace, the clustering index):
// setting it again changes nothing, and no code reads it (augur's autovacuum
// settings, judged: a warning overstated it).
func tuning(a migration.TableAction) bool {
	switch a.Verb {
	case "SET REL OPTIONS", "RESET REL OPTIONS", "REPLACE REL OPTIONS", "SET STATISTICS", "SET STORAGE", "SET COMPRESSION",
		"SET OPTIONS", "RESET OPTIONS", "CLUSTER ON", "DROP CLUSTER":
		return true
	}
	return a.Kind == migration.SetTablespace
}

// checksFirst reports whether an ALTER TABLE action was written to run again:
// ADD COLUMN IF NOT EXISTS, DROP COLUMN or CONSTRAINT IF EXISTS.
func checksFirst(a migration.TableAction) bool {
	switch a.Kind {
	case migration.AddColumn:
		return a.IfNotExists
	case migration.DropColumn, migration.DropConstraint:
		return a.IfExists
	}
	return false
}

// classifyChanges lists the operations of a function that change the schema,
// and for each whether it can safely run again. Statements on temporary tables,
// session settings (SET, PRAGMA) and triggers disabled and enabled again in the
// same function change nothing.
// before is the schema before the revision, when known (nil: not read).
func classifyChanges(m *migration.Migration, f *migration.Function, before *history.State) schemaChanges {
	temp := map[string]bool{}
	toggles := map[string]int{} // table and trigger disabled and enabled again
	disabled, enabled := map[string]bool{}, map[string]bool{}
	for _, o := range f.Ops {
		if o.SQL == nil || !o.SQL.Known {
			continue
		}
		for _, st := range o.SQL.Statements {
			if st.Kind == migration.SQLCreateTable && st.Temporary {
				temp[st.Table] = true
			}
			if key, disable, ok := triggerToggle(st); ok {
				if disable {
					disabled[key] = true
				} else {
					enabled[key] = true
				}
			}
		}
	}
	for k := range disabled {
		if enabled[k] {
			toggles[k] = 1
		}
	}
	scratch := scratchColumns(m, f)
	var sc schemaChanges
	dropped := map[string]bool{}    // objects dropped with IF EXISTS earlier in the function ("KIND name")
	renamed := map[string]bool{}    // types renamed away (their name is free again)
	swapOld := map[string]bool{}    // the names they were renamed to
	droppedOps := map[string]bool{} // constraints and indexes dropped by operations
	for _, o := range f.Ops {
		switch o.Name {
		case "execute", migration.BindExecute:
			if o.SQL == nil || !o.SQL.Known {
				continue
			}
			c := change{op: o, enumValue: true, enumAdd: true}
			schema, rerunnable := false, true
			for i, st := range o.SQL.Statements {
				if scratch.statements[&o.SQL.Statements[i]] {
					continue
				}
				rerun, changes := statementChange(st, temp, toggles, dropped, renamed, swapOld)
				if !changes {
					continue
				}
				droppedBySQL(st, droppedOps)
				schema = true
				c.enumValue = c.enumValue && st.Kind == migration.SQLAlterTypeAdd && st.IfNotExists
				c.enumAdd = c.enumAdd && st.Kind == migration.SQLAlterTypeAdd
				if rerun == "" {
					rerunnable = false
				} else if c.rerun == "" {
					c.rerun = rerun
				}
				c.weak = c.weak || rerun == settableChange
			}
			if !schema {
				continue
			}
			if !rerunnable {
				c.rerun = ""
			}
			sc.changes = append(sc.changes, c)
		default:
			if !changesSchema(o) || scratch.ops[o] {
				continue
			}
			rerun := opRerun(m, o, droppedOps, before)
			sc.changes = append(sc.changes, change{op: o, rerun: rerun, weak: rerun == settableChange})
		}
	}
	checked := selfChecking(m, f)
	for i, c := range sc.changes {
		if slices.ContainsFunc(c.op.Inspections, func(in *migration.Inspection) bool { return checked[in] }) && (c.rerun == "" || c.weak) {
			// the upgrade looked at the schema first: written to run again,
			// guarded enum values included
			sc.changes[i].rerun, sc.changes[i].weak, sc.changes[i].enumValue = inspectedChange, false, c.enumAdd
		}
	}
	// a drop in a loop over what the schema lists drops only what exists,
	// and clears the way for a create of its kind on the table after it
	// (mage-ai's: every unique constraint the inspector lists, then
	// create_unique_constraint; judged)
	cleared := map[string]bool{}
	for i, c := range sc.changes {
		kind, ok := kindOnTable(c.op)
		switch {
		case !ok:
		case strings.HasPrefix(c.op.Name, "drop_") && opObjectName(m, c.op) == "" && listed(c.op):
			sc.changes[i].rerun, sc.changes[i].weak = listedDrop, false
			cleared[kind] = true
		case strings.HasPrefix(c.op.Name, "create_") && c.rerun == "" && cleared[kind]:
			sc.changes[i].rerun = clearedCreate
		}
	}
	// a drop is safe to run again when the same upgrade creates the object
	// again (found walking backwards: the next create of each name), a
	// column included (drop_column, then add_column of the same name)
	next, nextDrop := map[string]int{}, map[string]int{}
	for i := len(sc.changes) - 1; i >= 0; i-- {
		c := sc.changes[i]
		name, creates := opObjectName(m, c.op), strings.HasPrefix(c.op.Name, "create_")
		column, isColumn := columnNamed(m, c.op)
		if isColumn {
			name, creates = column, c.op.Name == "add_column"
			if creates && failsOnRows(m, c.op) {
				// it passed once on a table without rows, and fails on one
				// the application filled since (osparc's, judged)
				continue
			}
		}
		if name == "" {
			continue
		}
		if c.rerun == "" && strings.HasPrefix(c.op.Name, "drop_") {
			if j, ok := next[name]; ok {
				sc.changes[i].rerun = sc.changes[j].rerun
				if sc.changes[j].rerun == "" && isColumn {
					// it only happens to run again: the column's values are
					// gone, its type may have changed under older code
					sc.changes[i].rerun, sc.changes[j].rerun = readdedColumn, readdedColumn
					sc.changes[i].weak, sc.changes[j].weak = true, true
				}
			}
		}
		if j, ok := nextDrop[name]; ok && c.rerun == "" && isColumn && creates && sc.changes[j].rerun == "" {
			// a column for intermediate values, on a path scratchColumns cannot
			// tell certain (mage-ai's except branch)
			sc.changes[i].rerun, sc.changes[j].rerun = passingColumn, passingColumn
		}
		if creates {
			next[name] = i
		} else if strings.HasPrefix(c.op.Name, "drop_") {
			nextDrop[name] = i
		}
	}
	return sc
}

// listedDrop is a drop of each object a look at the schema lists, and
// clearedCreate a create of an object of the kind such drops cleared.
const (
	listedDrop    = "a drop of each object a look at the schema lists"
	clearedCreate = "a create of a kind those drops clear first"
)

// readdedColumn is a column the same upgrade drops and adds back, and
// passingColumn one it adds and drops again.
const (
	readdedColumn = "a column dropped and added back"
	passingColumn = "a column added and dropped again"
)

// failsOnRows reports an add_column of a NOT NULL column without a default.
func failsOnRows(m *migration.Migration, o *migration.Op) bool {
	c := m.Column(o, o.Arg("column"))
	return c != nil && requiredWithoutDefault(c)
}

// listed reports whether an operation runs in a loop over what the schema
// holds (migration.Inspection.Listed).
func listed(o *migration.Op) bool {
	return slices.ContainsFunc(o.Inspections, func(in *migration.Inspection) bool { return in.Listed })
}

// kindOnTable is the kind of constraint or index an operation creates or
// drops with its table ("unique\x00t"); ok is false for any other, and for a
// drop_constraint whose type_ is not written.
func kindOnTable(o *migration.Op) (string, bool) {
	table, ok := o.Table()
	if !ok {
		return "", false
	}
	kind := effect.ConstraintType(o)
	if o.Name == "create_index" || o.Name == "drop_index" {
		kind = "index"
	}
	return kind + "\x00" + strings.ToLower(table), kind != ""
}

// columnNamed names the column a drop_column or add_column changes ("column
// t.c"); ok is false for any other operation.
func columnNamed(m *migration.Migration, o *migration.Op) (string, bool) {
	table, ok := o.Table()
	if !ok {
		return "", false
	}
	column, named := o.ArgString("column_name")
	if o.Name == "add_column" {
		c := m.Column(o, o.Arg("column"))
		column, named = "", c != nil && c.NameKnown
		if named {
			column = c.Name
		}
	} else if o.Name != "drop_column" {
		return "", false
	}
	return "column " + strings.ToLower(table) + "." + column, named
}

// scratch are the operations and SQL statements of a function that only add
// a column it drops again later (a column for intermediate values), or drop
// such a column: together they leave the schema as it was.
type scratch struct {
	ops        map[*migration.Op]bool
	statements map[*migration.Statement]bool
}

// scratchColumns pairs each column a function adds with a later drop of it
// that certainly runs.
func scratchColumns(m *migration.Migration, f *migration.Function) scratch {
	if !slices.ContainsFunc(f.Ops, func(o *migration.Op) bool { return addsOrDropsColumn(o, migration.DropColumn) }) {
		return scratch{}
	}
	var effects []effect.Effect
	for _, o := range f.Ops {
		if addsOrDropsColumn(o, migration.AddColumn) || addsOrDropsColumn(o, migration.DropColumn) {
			effects = append(effects, effect.Of(naming.Namer{}, m, o)...)
		}
	}
	paired := make([]bool, len(effects))
	added := map[string]int{} // column -> its pending add
	for i, e := range effects {
		if e.Object != effect.Column || e.Unreadable {
			continue
		}
		key := strings.ToLower(e.Key() + "." + e.Name)
		switch j, ok := added[key]; {
		case e.Change == effect.Create:
			added[key] = i
		case e.Change == effect.Drop && ok && !e.Op.Conditional:
			paired[i], paired[j] = true, true
			delete(added, key)
		}
	}
	// an operation or statement is scratch when every effect it has is paired
	only := func(has func(effect.Effect) bool) bool {
		found := false
		for i, e := range effects {
			if has(e) {
				if !paired[i] {
					return false
				}
				found = true
			}
		}
		return found
	}
	sc := scratch{ops: map[*migration.Op]bool{}, statements: map[*migration.Statement]bool{}}
	for i, e := range effects {
		if !paired[i] {
			continue
		}
		if st := e.Statement; st != nil {
			sc.statements[st] = only(func(x effect.Effect) bool { return x.Statement == st })
		} else {
			sc.ops[e.Op] = only(func(x effect.Effect) bool { return x.Op == e.Op })
		}
	}
	return sc
}

// addsOrDropsColumn reports whether an operation adds (AddColumn) or drops
// (DropColumn) a column, by call or in SQL.
func addsOrDropsColumn(o *migration.Op, kind migration.ActionKind) bool {
	if kind == migration.AddColumn && o.Name == "add_column" || kind == migration.DropColumn && o.Name == "drop_column" {
		return true
	}
	return o.SQL != nil && slices.ContainsFunc(o.SQL.Statements, func(st migration.Statement) bool {
		return slices.ContainsFunc(st.Actions, func(a migration.TableAction) bool { return a.Kind == kind })
	})
}

// guardedBlock finds the guards of a PL/pgSQL block written to run again: a
// test for the object first, or the duplicate error caught.
var guardedBlock = regexp.MustCompile(`(?i)\bIF\s+(NOT\s+)?EXISTS\b|\bEXCEPTION\s+WHEN\s+duplicate_\w+`)

// statementChange says whether a statement changes the schema, and what makes
// it safe to run again ("" when nothing does).
func statementChange(st migration.Statement, temp map[string]bool, toggles map[string]int, dropped, renamed, swapOld map[string]bool) (rerun string, schema bool) {
	if leavesSchema(st) {
		return "", false
	}
	switch st.Kind {
	case migration.SQLCreateTable:
		if st.Temporary {
			return "", false
		}
	case migration.SQLCreateIndex, migration.SQLAlterTable, migration.SQLDropTable:
		if temp[st.Table] {
			return "", false
		}
	}
	if key, _, ok := triggerToggle(st); ok && toggles[key] > 0 {
		return "", false
	}
	if st.Verb == "DROP" && st.IfExists && st.Name != "" {
		dropped[st.ObjectKind+" "+st.Name] = true
		if st.Kind == migration.SQLDropType && swapOld[st.Name] {
			return "an enum type swap", true
		}
		return "DROP ... IF EXISTS", true
	}
	if st.Kind == migration.SQLAlterType && st.Verb == "RENAME TO" {
		renamed[st.Object], swapOld[st.NewName] = true, true
		return "an enum type swap", true
	}
	if st.Kind == migration.SQLDropType && swapOld[st.Object] {
		return "an enum type swap", true
	}
	if st.Kind == migration.SQLAlterTypeAdd && st.IfNotExists {
		return "ADD VALUE IF NOT EXISTS", true
	}
	if (st.Verb == "DO" || st.InBlock) && guardedBlock.MatchString(st.Text) {
		return "a DO block that checks first (IF NOT EXISTS, EXCEPTION WHEN duplicate_object)", true
	}
	if st.Creates && st.Replace {
		return "CREATE OR REPLACE", true
	}
	if st.Creates && st.IfNotExists {
		return "CREATE ... IF NOT EXISTS", true
	}
	if st.Creates {
		if dropped[st.ObjectKind+" "+st.Name] {
			return "a drop and re-create of " + strings.ToLower(st.ObjectKind) + " " + st.Name, true
		}
		if st.ObjectKind == "TYPE" && renamed[st.Name] {
			return "an enum type swap", true
		}
	}
	if st.Kind == migration.SQLAlterTable && len(st.Actions) > 0 && !slices.ContainsFunc(st.Actions, func(a migration.TableAction) bool { return !tuning(a) }) {
		return "storage and planner settings (ALTER TABLE ... SET)", true
	}
	if st.Kind == migration.SQLAlterTable && len(st.Actions) > 0 && !slices.ContainsFunc(st.Actions, func(a migration.TableAction) bool { return !settable(a) }) {
		for _, a := range st.Actions {
			if a.Kind == migration.AlterColumnType && renamed[a.Type] {
				return "an enum type swap", true // the columns moved to the swapped type
			}
		}
		if !slices.ContainsFunc(st.Actions, func(a migration.TableAction) bool { return !checksFirst(a) }) {
			if st.Actions[0].Kind == migration.AddColumn {
				return "ADD COLUMN IF NOT EXISTS", true
			}
			return "DROP ... IF EXISTS", true
		}
		return settableChange, true
	}
	return "", true
}

// opRerun says what makes an Alembic operation safe to run again, or "".
func opRerun(m *migration.Migration, o *migration.Op, dropped map[string]bool, before *history.State) string {
	if on, _ := o.Value("if_not_exists").BoolValue(); on {
		return "if_not_exists=True"
	}
	if on, _ := o.Value("if_exists").BoolValue(); on {
		return "if_exists=True"
	}
	name := opObjectName(m, o)
	switch {
	case o.Name == "alter_column" && o.Args["new_column_name"] == nil && widensOnly(m, o, before):
		return widenedColumn
	case o.Name == "alter_column" && o.Args["new_column_name"] == nil:
		return settableChange
	case strings.HasPrefix(o.Name, "drop_") && o.Name != "drop_column" && o.Name != "drop_table" && name != "":
		dropped[name] = true // the drop is safe when a re-create follows (see classifyChanges)
	case strings.HasPrefix(o.Name, "create_") && name != "" && dropped[name]:
		return "a drop and re-create of " + name
	}
	return ""
}

// droppedBySQL records the constraints and indexes a statement drops with IF
// EXISTS, by name: an operation that creates one again after it runs again
// too (ALTER TABLE ... DROP CONSTRAINT IF EXISTS x, then create_unique_constraint("x")).
func droppedBySQL(st migration.Statement, dropped map[string]bool) {
	if st.Kind == migration.SQLDropIndex && st.IfExists && st.Name != "" {
		dropped[st.Name] = true
	}
	if st.Kind != migration.SQLAlterTable {
		return
	}
	for _, a := range st.Actions {
		if a.Kind == migration.DropConstraint && a.IfExists && a.Constraint != "" {
			dropped[a.Constraint] = true
		}
	}
}

// opObjectName is the name of the constraint or index an operation creates or
// drops, with module constants resolved.
func opObjectName(m *migration.Migration, o *migration.Op) string {
	for _, arg := range []string{"constraint_name", "index_name"} {
		e := o.Value(arg)
		if e == nil {
			continue
		}
		if e.Kind == pysyntax.Name {
			if v := m.Vars[e.Name]; v != nil {
				e = v
			}
		}
		if name := nameValue(e); name != "" {
			return name
		}
	}
	return ""
}

// revertedBelow reports whether the parent revision is this one's
// downgrade, split off: its upgrade() does nothing and its downgrade()
// changes every table the changes touch (invenio's "_upgrade" and
// "_downgrade" recipes, split so that another package's revision runs in
// between; judged false). Downgrading through both reverts the upgrade.
func revertedBelow(p *Pass, changes []*migration.Op) bool {
	parent := p.onlyParent()
	if parent == nil || parent.Migration.WritesUpgrade {
		return false
	}
	down := p.steps.run.whole(parent).Downgrade
	if down == nil || down.Kind != migration.BodyCode {
		return false
	}
	reverted := map[string]bool{}
	for _, o := range down.Ops {
		if t, ok := o.Table(); ok && o.Certain() {
			reverted[strings.ToLower(t)] = true
		}
	}
	for _, o := range changes {
		if t, ok := o.Table(); !ok || !reverted[strings.ToLower(t)] {
			return false
		}
	}
	return true
}

// explained reports whether a do-nothing function says why: a comment or a
// docstring besides `pass` and the autogenerate markers.
func explained(m *migration.Migration, f *migration.Function) bool {
	if f == nil || f.Span.End <= f.Span.Start || f.Span.End > len(m.Source) {
		return false
	}
	// from the line after `def downgrade():` (comments before the first
	// statement belong to the definition, not to its block)
	text := string(m.Source[f.Span.Start:f.Span.End])
	_, text, _ = strings.Cut(text, "\n")
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line == "pass" || line == "..." || reAutogenMarker.MatchString(line):
		default:
			return true
		}
	}
	return false
}

// reIrreversible finds words saying a downgrade is left out on purpose.
var reIrreversible = regexp.MustCompile(`(?i)\b(no way back|irreversib|not reversible|(cannot|can ?not|can'?t) be (undone|reverted|reversed)|` +
	`no downgrade|downgrades? (is |are )?not supported|one[- ]way|forward[- ]only)`)

// saysIrreversible reports whether the text of an empty downgrade() (its
// comments and docstring) says it cannot be undone.
func saysIrreversible(m *migration.Migration, f *migration.Function) bool {
	return f != nil && f.Span.End <= len(m.Source) && f.Span.Start < f.Span.End &&
		reIrreversible.Match(m.Source[f.Span.Start:f.Span.End])
}

// reAutogenMarker is the comment autogenerate writes around its commands.
var reAutogenMarker = regexp.MustCompile(`^#\s*###`)

// changesSchema reports whether an operation other than SQL changes the
// schema (as far as it can be seen): not a helper call, a data change, or a
// call we cannot read.
func changesSchema(o *migration.Op) bool {
	if o.Name == "alter_column" && !o.AltersColumn() {
		return false // Alembic emits nothing for it
	}
	switch o.Name {
	case "get_bind", "get_context", "f", "inline_literal", "batch_alter_table", "implementation_for", "bulk_insert",
		"invoke", "run_async", migration.UnknownCall:
		return false
	}
	return true
}

// leavesSchema reports whether a statement leaves the schema as it was: it
// reads or changes rows (TRUNCATE and DML PostgreSQL cannot parse included),
// sets a session setting, controls the transaction (COMMIT, BEGIN), or only
// validates constraints (ALTER TABLE ... VALIDATE CONSTRAINT checks the rows:
// there is nothing to undo).
func leavesSchema(st migration.Statement) bool {
	switch st.Kind {
	case migration.SQLSelect, migration.SQLUpdate, migration.SQLInsert, migration.SQLDelete, migration.SQLTruncate,
		migration.SQLSession, migration.SQLTransaction:
		return true
	case migration.SQLOther:
		return st.UnparsedDML()
	case migration.SQLAlterTable:
		return len(st.Actions) > 0 &&
			!slices.ContainsFunc(st.Actions, func(a migration.TableAction) bool { return a.Kind != migration.ValidateConstraint })
	}
	return false
}

// onlyCreates reports whether the SQL of an operation (if any) only creates
// tables, indexes and types (which undosOf drops), besides data changes.
func onlyCreates(o *migration.Op) bool {
	if o.SQL == nil {
		return true
	}
	for _, st := range o.SQL.Statements {
		switch st.Kind {
		case migration.SQLCreateTable, migration.SQLCreateIndex, migration.SQLCreateType,
			migration.SQLSelect, migration.SQLUpdate, migration.SQLInsert, migration.SQLDelete:
		default:
			return false
		}
	}
	return true
}

// describeChanges names the first schema changes of an upgrade.
func describeChanges(changes []*migration.Op) string {
	names := []string{}
	seen := map[string]bool{}
	for _, o := range changes {
		name := o.Name
		if o.SQL != nil {
			name = "SQL DDL"
		} else if o.Name == migration.EnumCreate {
			name = "an enum type"
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	if len(names) > 3 {
		names = append(names[:3], "...")
	}
	return "changes the schema (" + strings.Join(names, ", ") + ")"
}

// inverseSnippet shows the first inverse operations, in downgrade order, on one line.
func inverseSnippet(st *stylist.Stylist, m *migration.Migration, undos []*undo) string {
	blocks, _ := inverseBlocks(m, st.In(m.Downgrade), undos)
	var stmts []string
	for i, b := range blocks {
		if i == 3 {
			stmts = append(stmts, "...")
			break
		}
		stmts = append(stmts, b.oneLine())
	}
	return strings.Join(stmts, "; ")
}

// downgradePolicy is what the project's revision template (script.py.mako)
// says about downgrades.
type downgradePolicy struct {
	off      bool   // new revisions get no downgrade(), or one that says it is not supported
	template string // the template's path
	reason   string // "has no downgrade()" or the comment that says so
}

var (
	policyCache sync.Map // template path -> policyEntry
	// reNoDowngrades is a comment in the template's downgrade() saying
	// downgrades are not supported.
	reNoDowngrades = regexp.MustCompile(`(?i)\b(?:only\s+upgrades?|downgrades?\s+(?:is\s+|are\s+)?not\s+(?:implemented|supported|allowed)|no\s+downgrades?|(?:does\s+not|doesn't|do\s+not|don't|never)\s+support\s+downgrades?|downgrades?\s+(?:is\s+|are\s+)?(?:unsupported|forbidden))\b`)
	reDefDowngrade = regexp.MustCompile(`(?m)^def\s+downgrade\s*\(`)
	reTemplateDef  = regexp.MustCompile(`(?m)^(?:def|class)\s|^<%`)
)

type policyEntry struct {
	size    int64
	modTime time.Time
	policy  downgradePolicy
}

// downgradePolicyOf reads the revision template of a script directory: in the
// directory itself or up to two levels above (when the graph is a version
// folder).
func downgradePolicyOf(g *history.Graph) downgradePolicy {
	if g == nil || g.Dir == "" {
		return downgradePolicy{}
	}
	dir := g.Dir
	for range 3 {
		path := filepath.Join(dir, "script.py.mako")
		if info, err := inputfile.Stat(path); err == nil && info.Mode().IsRegular() {
			if e, ok := policyCache.Load(path); ok {
				if pe := e.(policyEntry); pe.size == info.Size() && pe.modTime.Equal(info.ModTime()) {
					return pe.policy
				}
			}
			pol := readTemplatePolicy(path)
			policyCache.Store(path, policyEntry{size: info.Size(), modTime: info.ModTime(), policy: pol})
			return pol
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return downgradePolicy{}
}

func readTemplatePolicy(path string) downgradePolicy {
	pol := downgradePolicy{template: path}
	b, err := inputfile.Read(path, 1<<20)
	if err != nil {
		return pol
	}
	src := string(b)
	loc := reDefDowngrade.FindStringIndex(src)
	if loc == nil {
		if reDefUpgrade.MatchString(src) { // a template, but without downgrade()
			pol.off, pol.reason = true, "has no downgrade()"
		}
		return pol
	}
	body := src[loc[1]:]
	if next := reTemplateDef.FindStringIndex(body); next != nil {
		body = body[:next[0]]
	}
	for _, line := range strings.Split(body, "\n") {
		if i := strings.Index(line, "#"); i >= 0 && reNoDowngrades.MatchString(line[i:]) {
			pol.off, pol.reason = true, fmt.Sprintf("says %q in downgrade()", strings.TrimSpace(line[i:]))
			return pol
		}
	}
	return pol
}

var reDefUpgrade = regexp.MustCompile(`(?m)^def\s+upgrade\s*\(`)

// downgradeMissingNotes says once per script directory that the rule is off
// because of the project's template, and how many revisions it left alone.
func downgradeMissingNotes(g *history.Graph, root string) []string {
	pol := downgradePolicyOf(g)
	if !pol.off {
		if upgradeOnlyHistory(g) {
			n := schemaChangesWithoutDowngrade(g)
			return []string{fmt.Sprintf("downgrade-missing is off in %s: none of its revisions after the first writes a downgrade() that does more than "+
				"pass or raise, so the project does not support downgrades (%d revisions that change the schema without a "+
				"working downgrade() were not reported)", filepath.ToSlash(relpath.Rel(root, g.Dir)), n)}
		}
		return nil
	}
	n := schemaChangesWithoutDowngrade(g)
	if n == 0 {
		return nil
	}
	dir := relpath.Rel(root, filepath.Dir(pol.template))
	return []string{fmt.Sprintf("downgrade-missing is off in %s: its revision template script.py.mako %s, so the project "+
		"does not support downgrades (%d revisions that change the schema without a working downgrade() were not reported)",
		filepath.ToSlash(dir), pol.reason, n)}
}

// schemaChangesWithoutDowngrade counts the revisions whose upgrade changes the
// schema and whose downgrade() is missing or does nothing.
// (the rule's mark: a check that reads headers counts them too).
func schemaChangesWithoutDowngrade(g *history.Graph) int {
	n := 0
	for _, r := range g.Revisions {
		if r.Migration.Marked(downgradeMissingID) {
			n++
		}
	}
	return n
}

// changesSchemaWithoutDowngrade reports a revision whose upgrade changes the
// schema and whose downgrade() is missing or does nothing.
func changesSchemaWithoutDowngrade(m *migration.Migration) bool {
	if m.Upgrade == nil || len(m.SyntaxErrors) > 0 || m.Downgrade != nil && m.Downgrade.Kind == migration.BodyCode {
		return false
	}
	return len(classifyChanges(m, m.Upgrade, nil).changes) > 0
}

// minUpgradeOnly is how many revisions after the first must lack downgrade()
// before the history says the project writes none.
const minUpgradeOnly = 3

// upgradeOnlyHistory reports a script directory whose revisions show that the
// project does not write downgrades, whatever its template says: no revision
// but a base writes a downgrade() that does more than pass or raise, and at
// least minUpgradeOnly of them are there to show it (placement deletes the
// template's downgrade() from every revision; cloudkitty's storage_state
// stopped after its initial one; cuckoo leaves `pass` in every one). One
// missing downgrade() among revisions that have theirs is still reported.
func upgradeOnlyHistory(g *history.Graph) bool {
	if g == nil {
		return false
	}
	without := 0
	for _, r := range g.Revisions {
		m := r.Migration
		if len(r.Parents) == 0 || m == nil || len(m.SyntaxErrors) > 0 {
			continue // a base may carry the one downgrade the project wrote
		}
		if m.WritesDowngrade { // kept by headers: a focused check judges as a whole one
			return false
		}
		without++
	}
	return without >= minUpgradeOnly
}
