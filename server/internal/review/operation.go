package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// What one Alembic operation does on PostgreSQL: its SQL, locks, rewrite and
// scan, the data it destroys, and how it bears on the deploy order. Literal
// SQL of op.execute is read in rawsql.go.

// facts is what one operation (or one SQL statement of it) does.
type facts struct {
	summary  []string
	sql      []string
	locks    []Lock
	rewrite  string
	scan     string
	dataLoss []string
	notes    []string
	// unknown says why (part of) the effect cannot be read; "" when known.
	unknown string
	// added, removed and constrained name, for the deploy order, what the
	// operation adds (running code does not use it yet), removes or renames
	// (running code may use it), and constrains (running code may violate it).
	added, removed, constrained []string
	// online are safer ways to do the same on a table that holds rows.
	online []string
	// backfill: the operation updates or deletes rows of an existing table.
	backfill bool
	// lockTimeout: the operation sets lock_timeout.
	lockTimeout bool
	// creates, removes and alters name the objects the operation's effects
	// change (pairingKeys): an operation of the other function changing the
	// same objects inversely undoes it.
	creates, removes, alters []string
	// downgradeLoss is what undoing the operation loses; notRestored is what
	// undoing it does not bring back.
	downgradeLoss, notRestored string
}

func newFacts() *facts { return &facts{rewrite: No, scan: No} }

// tri merges yes/no/unknown: yes wins over unknown, unknown over no.
func tri(a, b string) string {
	switch {
	case a == Yes || b == Yes:
		return Yes
	case a == Unknown || b == Unknown:
		return Unknown
	}
	return No
}

func (f *facts) lock(table, mode string) { f.locks = addLock(f.locks, lock(table, mode)) }
func (f *facts) note(format string, args ...any) {
	f.notes = append(f.notes, fmt.Sprintf(format, args...))
}
func (f *facts) say(format string, args ...any) {
	f.summary = append(f.summary, fmt.Sprintf(format, args...))
}
func (f *facts) unknownBecause(format string, args ...any) {
	if f.unknown == "" {
		f.unknown = fmt.Sprintf(format, args...)
	}
}

// merge adds the facts of one SQL statement to those of its operation.
func (f *facts) merge(g *facts) {
	f.summary = append(f.summary, g.summary...)
	f.sql = append(f.sql, g.sql...)
	for _, l := range g.locks {
		f.locks = addLock(f.locks, l)
	}
	f.rewrite, f.scan = tri(f.rewrite, g.rewrite), tri(f.scan, g.scan)
	f.dataLoss = append(f.dataLoss, g.dataLoss...)
	f.notes = append(f.notes, g.notes...)
	if f.unknown == "" {
		f.unknown = g.unknown
	}
	f.added = append(f.added, g.added...)
	f.removed = append(f.removed, g.removed...)
	f.constrained = append(f.constrained, g.constrained...)
	f.online = append(f.online, g.online...)
	f.backfill = f.backfill || g.backfill
	f.lockTimeout = f.lockTimeout || g.lockTimeout
	if f.downgradeLoss == "" {
		f.downgradeLoss = g.downgradeLoss
	}
	if f.notRestored == "" {
		f.notRestored = g.notRestored
	}
}

// opCtx is what the analysis of one operation sees.
type opCtx struct {
	m       *migration.Migration
	o       *migration.Op
	s       *history.State // the schema just before the operation
	pg      int            // PostgreSQL major version
	rev     string         // the revision's id
	upgrade bool           // the operation is in upgrade() (else downgrade())
	// created are the tables created earlier in the same function: they hold no rows.
	created map[string]bool
}

func (c *opCtx) key(table string) string { return effect.TableKey(c.o, table) }

// existing reports whether a table may hold rows (it was not created earlier
// in the same function).
func (c *opCtx) existing(key string) bool { return !c.created[key] }

// str is a literal string argument (or op.f("...")).
func (c *opCtx) str(name string) (string, bool) {
	e := c.o.Value(name)
	if s, ok := e.StringValue(); ok {
		return s, true
	}
	if e != nil && e.Kind == pysyntax.Call && pysyntax.LastName(e.CallName()) == "f" && len(e.Args) == 1 {
		return e.Args[0].StringValue()
	}
	return "", false
}

// flag reads a boolean dialect keyword: absent is false; known is false when
// the value is not a literal.
func (c *opCtx) flag(name string) (on, known bool) {
	v := c.o.Extra[name]
	if v == nil {
		return false, true
	}
	return v.BoolValue()
}

// analyze dispatches on the operation.
func analyze(c *opCtx) *facts {
	f := newFacts()
	o := c.o
	if o.Unbound {
		f.unknownBecause("arguments are passed with *args or **kwargs")
		return f
	}
	switch o.Name {
	case "create_table":
		c.createTable(f)
	case "drop_table":
		c.dropTable(f)
	case "rename_table":
		c.renameTable(f)
	case "add_column":
		c.addColumn(f)
	case "drop_column":
		c.dropColumn(f)
	case "alter_column":
		c.alterColumn(f)
	case "create_index":
		c.createIndex(f)
	case "drop_index":
		c.dropIndex(f)
	case "create_foreign_key":
		c.createForeignKey(f)
	case "create_check_constraint", "create_unique_constraint", "create_primary_key", "create_exclude_constraint":
		c.createConstraint(f)
	case "drop_constraint":
		c.dropConstraint(f)
	case "create_table_comment", "drop_table_comment":
		c.tableComment(f)
	case "execute", migration.BindExecute:
		c.execute(f)
	case "bulk_insert":
		c.bulkInsert(f)
	case migration.EnumCreate, migration.EnumDrop:
		c.enumType(f)
	case "batch_alter_table":
		c.batch(f)
	case "create_sequence", "drop_sequence":
		c.sequence(f)
	case "f", "inline_literal", "get_bind", "get_context":
		f.say("changes nothing in the database")
	default:
		callee := o.Name
		if o.Name == migration.UnknownCall {
			callee = o.Receiver
		}
		f.unknownBecause("%s() is a call the analysis cannot follow: it may change data or schema", callee)
	}
	return f
}

// entry turns the facts of an operation into its entry in the review.
func entry(c *opCtx, f *facts, index int, function string, postgres bool) *Operation {
	o := c.o
	statements := f.sql // literal SQL: as PostgreSQL's parser split it
	if o.SQL == nil {
		var left int
		if statements, left = parsable(f.sql); left > 0 {
			f.note("%d statement(s) of the SQL rendered for this call are left out: PostgreSQL's parser rejects the rendering.", left)
		}
	}
	out := &Operation{Index: index, Function: function, Name: o.Name, Line: int(o.Call.Span.StartLine),
		Summary: strings.Join(f.summary, "; "), SQL: strings.Join(statements, ";\n"), Effect: EffectKnown,
		Transaction: "migration", Rewrite: f.rewrite, Scan: f.scan, DataLoss: strings.Join(f.dataLoss, "; "),
		Notes: list(f.notes), Findings: []string{}, Locks: []Lock{}}
	if t, ok := o.Table(); ok {
		out.Table = c.key(t)
	} else if len(f.locks) > 0 {
		out.Table = f.locks[0].Table
	}
	out.NewTable = out.Table != "" && c.created[out.Table]
	if out.NewTable && o.Name != "create_table" {
		out.Rewrite, out.Scan = No, No
	}
	held := "commit"
	if o.OutsideTransaction() {
		out.Transaction, held = "autocommit", "statement"
	}
	for _, l := range f.locks {
		l.HeldUntil = held
		out.Locks = append(out.Locks, l)
	}
	if o.Name == migration.UnknownCall {
		out.Name = "unknown"
	}
	switch {
	case f.unknown != "":
		out.Effect, out.EffectReason = EffectUnknown, f.unknown
		out.Rewrite, out.Scan = tri(out.Rewrite, Unknown), tri(out.Scan, Unknown)
		if out.Summary == "" {
			out.Summary = "unknown"
		}
	case o.Conditional:
		out.Effect = EffectConditional
		out.EffectReason = "inside an if, loop or try block, or after a conditional return: it may not run, or run more than once"
	}
	if !postgres {
		out.SQL, out.Rewrite, out.Scan, out.Notes = "", Unknown, Unknown, []string{}
		for i := range out.Locks {
			out.Locks[i] = Lock{Table: out.Locks[i].Table, Mode: LockUnknown, HeldUntil: held}
		}
		if len(out.Locks) == 0 && out.Table != "" {
			out.Locks = []Lock{{Table: out.Table, Mode: LockUnknown, HeldUntil: held}}
		}
	}
	if o.Helper != "" {
		out.Notes = append(out.Notes, fmt.Sprintf("Reached through the helper function %s().", o.Helper))
	}
	if o.Guarded {
		out.Notes = append(out.Notes, "Runs after an early return (`if ...: return`): skipped when that condition holds.")
	}
	switch {
	case o.OnlyDialect != "":
		out.Notes = append(out.Notes, fmt.Sprintf("Runs only on %s (the code tests the dialect name).", o.OnlyDialect))
	case len(o.SkipDialects) > 0:
		out.Notes = append(out.Notes, fmt.Sprintf("Does not run on %s (the code tests the dialect name).", strings.Join(o.SkipDialects, " or ")))
	}
	return out
}
