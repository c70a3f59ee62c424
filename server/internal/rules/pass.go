package rules

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

// Pass is what a rule sees for one revision.
type Pass struct {
	Rule *Rule
	// Migration is the revision's model without the operations that do not
	// run on Dialect (Revision.Migration has them all).
	Migration *migration.Migration
	Revision  *history.Revision
	// graph is read only through the methods that say what a pass read of
	// it (see reads): the findings of a revision are reused while what its
	// passes read is unchanged (reuse.go)
	graph *history.Graph
	reads *reads
	// Before is the schema before the upgrade. Never change it: simulate on
	// Before.Layer().
	Before         *history.State
	Dialect        string
	DialectCertain bool
	// mainDialect is the project's (Target.Dialect): a finding made for
	// another one says which
	mainDialect string
	// Also are the other dialects the project runs on (Target.Also).
	Also []string
	// seen are other dialects the project may run on (Target.Seen).
	seen            []string
	PostgresVersion int
	// SQLiteVersion is the configured SQLite version ("3.31"), "" when unknown.
	SQLiteVersion string
	report        func(Diagnostic)
	steps         *steps
	// reported are the findings made so far: the iterations of an unrolled
	// loop share one call, and an identical finding is made once
	reported map[reportKey]bool
}

type reportKey struct {
	span    migration.Span
	message Message
}

// steps are the schema states around every operation of one revision. They are
// computed once and shared by the passes of all rules (replaying the operations
// once per rule made rules the bulk of `check`); a state is a layer over the
// one before it, so none of them may be changed.
type steps struct {
	up, down         []*history.State // the state before each operation
	after, afterDown *history.State   // after the whole upgrade / downgrade
	upDone, downDone bool
	// effects are what Apply followed of each operation replayed: rules that
	// look at effects again read them here (see Effects)
	effects   map[*migration.Op][]effect.Effect
	migration *migration.Migration // the revision as it runs on the dialect
	enums     *downgradeEnums      // computed on demand
	above     map[string]bool      // the ids of the revisions above it, computed on demand
	run       *runMemo
	style     *stylist.Stylist
	reads     *reads // shared by the steps of every dialect
}

// runMemo is what the passes of one Run share across revisions. Passes of
// several revisions run at once (see pipeline): every access holds mu.
type runMemo struct {
	mu sync.Mutex
	// ancestors index the upgrades of earlier revisions (recentDataStep)
	ancestors map[*migration.Migration]*dataSteps
	notNull   map[string]notNullProofs // by revision id (set-not-null-scan)
	graph     *history.Graph
	// facts are what the passes read of the whole run once (the revision
	// template's downgrade policy, whether the history writes downgrades)
	facts func() runFacts
	// load reads whole models for a run that read headers (see whole); wholes
	// are those it read, and loadErr the first error it met.
	load    wholeModels
	wholes  map[*history.Revision]*migration.Migration
	loadErr error
	// blocks are the revisions a downgrade from the heads reaches (barredBy)
	blocks downgradeBlocks
	// rows index the downgrades by the tables they may empty or fill
	// (emptiedAbove)
	rows downgradeRows
}

func newRunMemo(g *history.Graph) *runMemo {
	return &runMemo{ancestors: map[*migration.Migration]*dataSteps{}, notNull: map[string]notNullProofs{}, graph: g,
		wholes: map[*history.Revision]*migration.Migration{},
		facts:  sync.OnceValue(func() runFacts { return factsOf(g) })}
}

// NewPass is used by Run; passes made with one shared *steps share the replay.
// The shared steps belong to one dialect (the operations a dialect test keeps
// from it are not replayed).
func NewPass(r *Rule, rev *history.Revision, g *history.Graph, before *history.State, target Target, dialect string, report func(Diagnostic), shared *steps) *Pass {
	p := passFor(r, rev, g, before, target, dialect, report, shared)
	return &p
}

// passFor is NewPass's pass as a value: checkRevision makes every pass of a
// revision in one variable (a pass per rule and revision was 4% of what a
// cold check allocates); no rule keeps its pass after Check returns.
func passFor(r *Rule, rev *history.Revision, g *history.Graph, before *history.State, target Target, dialect string, report func(Diagnostic), shared *steps) Pass {
	if shared.migration == nil {
		shared.migration = onDialect(rev.Migration, dialect)
	}
	return Pass{Rule: r, Migration: shared.migration, Revision: rev, graph: g, reads: shared.reads, Before: before, Dialect: dialect,
		DialectCertain: target.DialectCertain && dialect == target.Dialect, mainDialect: target.Dialect, Also: target.Also, seen: target.Seen, PostgresVersion: target.PostgresVersion,
		SQLiteVersion: target.SQLiteVersion, report: report, steps: shared}
}

// onDialect is m as it runs on dialect: without the operations that a test
// of the dialect name keeps from running there (an if block or an
// early-return guard), since no rule judges code that does not run on the
// target database, and with those that such tests let run there (under if
// blocks they alone choose, Op.ByDialect, or past such guards) as certain
// ones.
func onDialect(m *migration.Migration, dialect string) *migration.Migration {
	if dialect == "" {
		return m
	}
	skipped := func(o *migration.Op) bool { return !o.RunsOn(dialect) }
	// certain on dialect: under if blocks the dialect alone chooses, or past
	// early-return guards that test it
	chosen := func(o *migration.Op) bool {
		marked := o.OnlyDialect != "" || len(o.SkipDialects) > 0
		return o.RunsOn(dialect) && (o.ByDialect || !o.Conditional && marked)
	}
	runs := func(f *migration.Function) *migration.Function {
		if f == nil || !slices.ContainsFunc(f.Ops, func(o *migration.Op) bool { return skipped(o) || chosen(o) }) {
			return f
		}
		c := *f
		c.Ops = certainOn(slices.DeleteFunc(slices.Clone(f.Ops), skipped), chosen)
		return &c
	}
	up, down := runs(m.Upgrade), runs(m.Downgrade)
	if up == m.Upgrade && down == m.Downgrade {
		return m
	}
	c := *m
	c.Upgrade, c.Downgrade = up, down
	return &c
}

// certainOn replaces the chosen operations of ops by certain copies, and the
// operations of a batch block whose batch_alter_table was replaced (it comes
// before them) by copies pointing to the new one.
func certainOn(ops []*migration.Op, chosen func(*migration.Op) bool) []*migration.Op {
	copies := map[*migration.Op]*migration.Op{}        // by original
	batches := map[*migration.Batch]*migration.Batch{} // by original
	for i, o := range ops {
		certain, inCopiedBatch := chosen(o), o.Batch != nil && copies[o.Batch.Op] != nil
		if !certain && !inCopiedBatch {
			continue
		}
		c := *o
		if certain {
			c.Conditional, c.ByDialect, c.OnlyDialect, c.SkipDialects, c.OnDialect = false, false, "", nil, true
		}
		if inCopiedBatch {
			if batches[o.Batch] == nil {
				b := *o.Batch
				b.Op = copies[o.Batch.Op]
				batches[o.Batch] = &b
			}
			c.Batch = batches[o.Batch]
		}
		copies[o], ops[i] = &c, &c
	}
	return ops
}

// replay applies a function's operations of the revision one layer each.
func (s *steps) replay(f *migration.Function, start *history.State, revision string) ([]*history.State, *history.State) {
	state := start
	var before []*history.State
	if f != nil {
		for _, o := range f.Ops {
			before = append(before, state)
			state = state.Layer()
			if s.effects == nil {
				s.effects = map[*migration.Op][]effect.Effect{}
			}
			s.effects[o] = state.Apply(s.migration, o, revision)
		}
	}
	return before, state
}

// upgrade replays the revision's upgrade from before, once.
func (s *steps) upgrade(before *history.State, revision string) *history.State {
	if !s.upDone {
		s.up, s.after = s.replay(s.migration.Upgrade, before, revision)
		s.upDone = true
	}
	return s.after
}

// After is the schema after the whole upgrade.
func (p *Pass) After() *history.State { return p.steps.upgrade(p.Before, p.Revision.ID) }

// AfterDowngrade is the schema after the upgrade and then the downgrade.
func (p *Pass) AfterDowngrade() *history.State {
	if !p.steps.downDone {
		p.steps.down, p.steps.afterDown = p.steps.replay(p.Migration.Downgrade, p.After(), p.Revision.ID)
		p.steps.downDone = true
	}
	return p.steps.afterDown
}

// Bounds are the schemas the upgrade (downgrade false) or the downgrade
// starts from and ends with.
func (p *Pass) Bounds(downgrade bool) (start, end *history.State) {
	if downgrade {
		return p.After(), p.AfterDowngrade()
	}
	return p.Before, p.After()
}

// startOf is the schema f, one of the revision's functions, starts from.
func startOf(p *Pass, f *migration.Function) *history.State {
	start, _ := p.Bounds(f.Name == "downgrade")
	return start
}

// Effects are an operation's effects, effect.Of(p.Names(), p.Migration, o):
// those the replay of the revision followed when it replayed the operation
// with these names.
func (p *Pass) Effects(o *migration.Op) []effect.Effect {
	if e, ok := p.steps.effects[o]; ok && p.Before.Names() == p.Names() {
		return e
	}
	return effect.Of(p.Names(), p.Migration, o)
}

// ancestorSteps indexes the upgrade of an earlier revision, once per Run.
func (p *Pass) ancestorSteps(m *migration.Migration) *dataSteps {
	run := p.steps.run
	run.mu.Lock()
	defer run.mu.Unlock()
	if d := run.ancestors[m]; d != nil {
		return d
	}
	d := newDataSteps(m, m.Upgrade.Ops)
	run.ancestors[m] = d
	return d
}

// Upgrade walks the upgrade's operations, calling fn with the state just before
// each one.
func (p *Pass) Upgrade(fn func(o *migration.Op, before *history.State)) {
	p.UpgradeSteps(func(o *migration.Op, before, _ *history.State) { fn(o, before) })
}

// Downgrade walks the downgrade's operations from the state after the upgrade.
func (p *Pass) Downgrade(fn func(o *migration.Op, before *history.State)) {
	p.DowngradeSteps(func(o *migration.Op, before, _ *history.State) { fn(o, before) })
}

// UpgradeSteps walks the upgrade's operations with the states just before and
// just after each one. after is a layer over before: after.Changed() is what
// the operation changed.
func (p *Pass) UpgradeSteps(fn func(o *migration.Op, before, after *history.State)) {
	final := p.After() // fills in p.steps.up
	walk(p.Migration.Upgrade, p.steps.up, final, fn)
}

// DowngradeSteps is UpgradeSteps for the downgrade, from the state after the
// upgrade.
func (p *Pass) DowngradeSteps(fn func(o *migration.Op, before, after *history.State)) {
	final := p.AfterDowngrade() // fills in p.steps.down
	walk(p.Migration.Downgrade, p.steps.down, final, fn)
}

// walk calls fn with each operation and the states around it: the state after
// one operation is the state before the next, or final after the last.
func walk(f *migration.Function, states []*history.State, final *history.State, fn func(o *migration.Op, before, after *history.State)) {
	if f == nil {
		return
	}
	for i, o := range f.Ops {
		after := final
		if i+1 < len(states) {
			after = states[i+1]
		}
		fn(o, states[i], after)
	}
}

// Report records a finding at an operation's call, with its fix (nil when none).
func (p *Pass) Report(o *migration.Op, message Message, fix *SuggestedFix) {
	p.ReportAt(o.Call.Span, message, fix)
}

// ReportAt records a finding at a span.
func (p *Pass) ReportAt(span migration.Span, message Message, fix *SuggestedFix) {
	p.ReportSeverity(p.Rule.Severity, span, message, fix)
}

// InDowngrade reports whether a span is in the revision's downgrade(), its
// definition line included (downgrade-missing's findings: a downgrade no
// way from the heads reaches was not said so, judged), or is an operation
// of a helper that downgrade() calls and upgrade() does not (augur's
// helper, judged: its finding did not say "in downgrade()").
func (p *Pass) InDowngrade(span migration.Span) bool {
	d := p.Migration.Downgrade
	if d == nil {
		return false
	}
	if span.Start >= d.Span.Start && span.End <= d.Span.End {
		return true
	}
	at := func(f *migration.Function) bool {
		return f != nil && slices.ContainsFunc(f.Ops, func(o *migration.Op) bool { return o.Call != nil && o.Call.Span == span })
	}
	return at(d) && !at(p.Migration.Upgrade)
}

// ReportSeverity records a finding whose severity differs from the rule's default
// (e.g. unnamed-constraint: error for a drop, warning for a create).
func (p *Pass) ReportSeverity(sev Severity, span migration.Span, message Message, fix *SuggestedFix) {
	key := reportKey{span, message}
	if p.reported[key] {
		return
	}
	if p.reported == nil {
		p.reported = map[reportKey]bool{}
	}
	p.reported[key] = true
	if fix != nil && p.inDecorated(span, fix) {
		fix = nil
	}
	if p.InDowngrade(span) && !strings.Contains(message.Text, "downgrade") {
		message.Text += " in downgrade()" // the same call in upgrade() reads alike (orchest's, judged)
	}
	// the project's main database would not fail (meltano's SQLite), or may
	// be another than the one inferred (OpenHands' app server defaults to
	// SQLite; judged three times)
	other := p.Dialect != p.mainDialect && p.mainDialect != "" || p.Rule.PostgresOnly && len(p.seen) > 0
	if name := dialectName(p.Dialect); other && !strings.Contains(strings.ToLower(message.Text), strings.ToLower(name)) {
		message.Text += fmt.Sprintf(" (on %s)", name)
	}
	p.report(Diagnostic{Rule: p.Rule.ID, Severity: sev, Path: p.Migration.Path, Revision: p.Revision.ID,
		Span: span, Message: message.Text, Help: message.Help, Fix: fix, InDowngrade: p.InDowngrade(span), elsewhere: other, runs: message.Runs})
}

// inDecorated reports whether a finding or its fix's edits lie in a decorated
// upgrade() or downgrade(): a decorator may run the body once per tenant
// schema, so a statement a fix adds (an enum type dropped after a table)
// would run before the other schemas are done with it.
func (p *Pass) inDecorated(span migration.Span, fix *SuggestedFix) bool {
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil || !f.Decorated {
			continue
		}
		within := func(start int) bool { return start >= f.Span.Start && start <= f.Span.End }
		if within(span.Start) || slices.ContainsFunc(fix.Edits, func(e TextEdit) bool { return within(e.Start) }) {
			return true
		}
	}
	return false
}

// SQLName writes a name for SQL shown in a message as the project's database
// needs it: bare when PostgreSQL's scanner reads it as that one name, else quoted
// (double quotes; MySQL's backticks).
func (p *Pass) SQLName(name string) string {
	q := sqlparse.Identifier(name)
	if q == name || p.Dialect != "mysql" {
		return q
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// SQLTable is SQLName of a table key, whose schema (before the last dot) is
// a name of its own.
func (p *Pass) SQLTable(key string) string {
	if i := strings.LastIndex(key, "."); i > 0 {
		return p.SQLName(key[:i]) + "." + p.SQLName(key[i+1:])
	}
	return p.SQLName(key)
}

// SQLTableOf is the table an operation names (or its key), as SQL: with the schema its
// schema= argument (or its batch's) gives, and when that is not a literal,
// a placeholder that names the expression: SQL run without it would find
// no such table (c2cgeoportal's schema=staticschema, judged).
func (p *Pass) SQLTableOf(o *migration.Op, table string) string {
	if o == nil || strings.Contains(table, ".") { // a key that names its schema
		return p.SQLTable(table)
	}
	if schema := effect.Schema(o); schema != "" {
		return p.SQLTable(schema + "." + table)
	}
	arg := o.Arg("schema")
	if arg == nil && o.Batch != nil && o.Batch.Op != nil {
		arg = o.Batch.Op.Arg("schema")
	}
	switch {
	case arg == nil || arg.IsNone() || arg.Text == "":
	case arg.Dotted() != "":
		return "<" + arg.Text + ">." + p.SQLName(table)
	default:
		// an expression (rucio's schema[:-1], "" when there is no schema)
		// is no name to put in SQL: the schema may or may not be there
		return "[<schema>.]" + p.SQLName(table)
	}
	return p.SQLTable(table)
}

// Style is how the revision file writes Python: the code of every fix and of
// every suggestion in a message is written through it.
func (p *Pass) Style() *stylist.Stylist {
	if p.steps.style == nil {
		p.steps.style = stylist.New(p.Migration)
	}
	return p.steps.style
}

// IsPostgres reports whether the target database is PostgreSQL.
func (p *Pass) IsPostgres() bool { return p.Dialect == "postgresql" }

// RunsOn reports whether the project runs on dialect: the one of this pass,
// its main one or another configured or inferred.
func (p *Pass) RunsOn(dialect string) bool {
	return p.Dialect == dialect || p.mainDialect == dialect || slices.Contains(p.Also, dialect)
}

// Names is how the project names constraints: its naming convention (nil
// when none is known) on this dialect.
func (p *Pass) Names() naming.Namer { return p.graph.Naming }

// reads is what the passes of one revision read beyond the revision, the
// schema before it and the revisions below it: their findings are reused
// only while that is unchanged too (see reuse.go).
type reads struct {
	// above: every revision above this one, whole (what the history does
	// later)
	above bool
	// shapeAbove: how the revisions above link and their marks (a header
	// keeps them)
	shapeAbove bool
	// wholeAbove are the revisions above read whole, by id, besides their
	// shape: a finding that read a few revisions above is judged again when
	// one of those changes, not when any revision does
	wholeAbove map[string]bool
}

// parentsOf are the parents of r, this revision or one below it, as the
// graph holds them (nil for a parent it lacks): revisions below this one.
func (p *Pass) parentsOf(r *history.Revision) []*history.Revision { return p.steps.run.parentsOf(r) }

func (m *runMemo) parentsOf(r *history.Revision) []*history.Revision {
	out := make([]*history.Revision, len(r.Parents))
	for i, id := range r.Parents {
		out[i] = m.graph.Revisions[id]
	}
	return out
}

// aboveRevision is a revision above the pass's one, with its whole model
// (which shadows the revision's: a check that read only the header of a
// revision above loads the model when a pass comes to it).
type aboveRevision struct {
	*history.Revision
	Migration *migration.Migration
}

// recentAncestors are the revisions at most two steps below (recentParents).
func (p *Pass) recentAncestors() []*history.Revision { return recentParents(p.graph, p.Revision) }

// recentParents are the revisions at most two steps below r (recentWalk):
// the revisions below r whose sources its passes read (recentDataStep),
// which the key of its findings covers (reuse.go) and a check reads whole
// (whole.go).
func recentParents(g *history.Graph, r *history.Revision) []*history.Revision {
	var out []*history.Revision
	recentWalk(g, r, func(parent *history.Revision) bool {
		out = append(out, parent)
		return true
	})
	return out
}

// recentWalk visits the revisions at most two steps below r, each path
// nearest first: its parent and that one's parent. A revision whose
// upgrade() does nothing (a merge of heads, mostly) takes no step: the walk
// goes on through it, along each of its parents, as it does along each
// parent of a merge. visit says whether to go on below the revision it is
// given. A parent the graph lacks ends its path; a revision is visited once.
func recentWalk(g *history.Graph, r *history.Revision, visit func(*history.Revision) (deeper bool)) {
	const most = 8 // a chain of empty revisions is short; this bounds a made-up one
	var seen []string
	var walk func(r *history.Revision, steps int)
	walk = func(r *history.Revision, steps int) {
		for _, id := range r.Parents {
			parent := g.Revisions[id]
			if parent == nil || slices.Contains(seen, id) || len(seen) == most {
				continue
			}
			seen = append(seen, id)
			left := steps
			if parent.Migration == nil || parent.Migration.WritesUpgrade {
				left--
			}
			if visit(parent) && left > 0 {
				walk(parent, left)
			}
		}
	}
	walk(r, 2)
}

// onlyParent is the revision just below when the pass's revision has one
// parent the graph holds; nil otherwise.
func (p *Pass) onlyParent() *history.Revision {
	if len(p.Revision.Parents) != 1 {
		return nil
	}
	return p.graph.Revisions[p.Revision.Parents[0]]
}

// walkRecent walks the revisions of recentAncestors along their paths (recentWalk).
func (p *Pass) walkRecent(visit func(*history.Revision) (deeper bool)) {
	recentWalk(p.graph, p.Revision, visit)
}

// laterRevisions are the revisions above this one, in graph order.
func (p *Pass) laterRevisions() iter.Seq[aboveRevision] { return p.laterRevisionsAmong(nil) }

// laterRevisionsAmong are the revisions above this one whose ids are in
// among (all of them when nil), in graph order: only those are read whole.
func (p *Pass) laterRevisionsAmong(among map[string]bool) iter.Seq[aboveRevision] {
	if among == nil {
		p.readsAbove()
	}
	above := p.above()
	return func(yield func(aboveRevision) bool) {
		for _, r := range p.graph.Order {
			if !above[r.ID] || among != nil && !among[r.ID] {
				continue
			}
			p.readsWholeAbove(r)
			if !yield(aboveRevision{r, p.steps.run.whole(r)}) {
				return
			}
		}
	}
}

// downgradeRows is the run's index of the downgrades by the tables they may
// empty or fill; it is read from the marks of the revisions above.
func (p *Pass) downgradeRows() *downgradeRows {
	p.readsShapeAbove()
	return p.steps.run.downgradeRows()
}

// downFromHeads walks down from the heads above this revision to it, each
// way carrying a flag that starts true and that every revision on it may
// change (next); it reports whether the way reaches this revision, and
// whether every way does so with the flag false. It reads how the revisions
// above link (next reads what else it needs through the Pass).
func (p *Pass) downFromHeads(next func(r *history.Revision, flag bool) bool) (reached, allFalse bool) {
	g := p.graph
	above := p.above()
	type visit struct {
		id   string
		flag bool
	}
	seen := map[visit]bool{}
	var queue []visit
	for _, h := range g.Heads {
		if above[h] {
			queue = append(queue, visit{h, true})
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if seen[v] {
			continue
		}
		seen[v] = true
		if v.id == p.Revision.ID {
			if v.flag {
				return true, false
			}
			reached = true
			continue
		}
		if r := g.Revisions[v.id]; r != nil && above[v.id] {
			flag := next(r, v.flag)
			for _, parent := range r.Parents {
				queue = append(queue, visit{parent, flag})
			}
		}
	}
	return reached, reached
}

// nearestAbove is the nearest revision above this one that matches, going
// up from it; "" when none does. It reads how the revisions above link
// (matches reads what else it needs through the Pass).
func (p *Pass) nearestAbove(matches func(*history.Revision) bool) string {
	p.readsShapeAbove()
	return nearestAbove(p.graph, p.Revision, matches)
}

// above are the ids of the revisions above this one, computed once for the
// passes of all rules on the revision (a narrowing in every downgrade of a
// history asked for them several times each).
func (p *Pass) above() map[string]bool {
	p.readsShapeAbove()
	if p.steps.above == nil {
		p.steps.above = p.graph.Descendants(p.Revision.ID)
	}
	return p.steps.above
}

// isAbove reports whether r is above this revision.
func (p *Pass) isAbove(r *history.Revision) bool { return p.above()[r.ID] }

func (p *Pass) readsAbove() {
	if p.reads != nil {
		p.reads.above = true
	}
}

func (p *Pass) readsShapeAbove() {
	if p.reads != nil {
		p.reads.shapeAbove = true
	}
}

func (p *Pass) readsWholeAbove(r *history.Revision) {
	if p.reads == nil {
		return
	}
	if p.reads.wholeAbove == nil {
		p.reads.wholeAbove = map[string]bool{}
	}
	p.reads.wholeAbove[r.ID] = true
}

// scriptDir is the directory of the revision files (app-model-import reads
// the project's modules around it, and so is never reused: ReadsProject).
func (p *Pass) scriptDir() string { return p.graph.Dir }
