package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
)

// Pass is what a rule sees for one revision.
type Pass struct {
	Rule      *Rule
	Migration *migration.Migration
	Revision  *history.Revision
	Graph     *history.Graph
	// Before is the schema before the upgrade. Never change it: simulate on
	// Before.Layer().
	Before          *history.State
	Dialect         string
	DialectCertain  bool
	PostgresVersion int
	report          func(Diagnostic)
	steps           *steps
}

// steps are the schema states around every operation of one revision. They are
// computed once and shared by the passes of all rules (replaying the operations
// once per rule made rules the bulk of `check`); a state is a layer over the
// one before it, so none of them may be changed.
type steps struct {
	up, down         []*history.State // the state before each operation
	after, afterDown *history.State   // after the whole upgrade / downgrade
	upDone, downDone bool
}

// NewPass is used by Run; passes made with one shared *steps share the replay.
func NewPass(r *Rule, rev *history.Revision, g *history.Graph, before *history.State, env Env, report func(Diagnostic), shared *steps) *Pass {
	return &Pass{Rule: r, Migration: rev.Migration, Revision: rev, Graph: g, Before: before, Dialect: env.Dialect,
		DialectCertain: env.DialectCertain, PostgresVersion: env.PostgresVersion, report: report, steps: shared}
}

// replay applies a function's operations one layer each.
func (p *Pass) replay(f *migration.Function, start *history.State) ([]*history.State, *history.State) {
	s := start
	var before []*history.State
	if f != nil {
		for _, o := range f.Ops {
			before = append(before, s)
			s = s.Layer()
			s.Apply(p.Migration, o, p.Revision.ID)
		}
	}
	return before, s
}

// After is the schema after the whole upgrade.
func (p *Pass) After() *history.State {
	if !p.steps.upDone {
		p.steps.up, p.steps.after = p.replay(p.Migration.Upgrade, p.Before)
		p.steps.upDone = true
	}
	return p.steps.after
}

// AfterDowngrade is the schema after the upgrade and then the downgrade.
func (p *Pass) AfterDowngrade() *history.State {
	if !p.steps.downDone {
		p.steps.down, p.steps.afterDown = p.replay(p.Migration.Downgrade, p.After())
		p.steps.downDone = true
	}
	return p.steps.afterDown
}

// Upgrade walks the upgrade's operations, calling fn with the state just before
// each one.
func (p *Pass) Upgrade(fn func(o *migration.Op, before *history.State)) {
	p.After()
	walk(p.Migration.Upgrade, p.steps.up, fn)
}

// Downgrade walks the downgrade's operations from the state after the upgrade.
func (p *Pass) Downgrade(fn func(o *migration.Op, before *history.State)) {
	p.AfterDowngrade()
	walk(p.Migration.Downgrade, p.steps.down, fn)
}

func walk(f *migration.Function, states []*history.State, fn func(*migration.Op, *history.State)) {
	if f == nil {
		return
	}
	for i, o := range f.Ops {
		fn(o, states[i])
	}
}

// Report records a finding at an operation's call.
func (p *Pass) Report(o *migration.Op, message string, fixes ...SuggestedFix) {
	p.ReportAt(o.Call.Span, message, fixes...)
}

// ReportAt records a finding at a span.
func (p *Pass) ReportAt(span migration.Span, message string, fixes ...SuggestedFix) {
	p.ReportSeverity(p.Rule.Severity, span, message, fixes...)
}

// ReportSeverity records a finding whose severity differs from the rule's default
// (e.g. unnamed-constraint: error for a drop, warning for a create).
func (p *Pass) ReportSeverity(sev Severity, span migration.Span, message string, fixes ...SuggestedFix) {
	p.report(Diagnostic{Rule: p.Rule.ID, Severity: sev, Path: p.Migration.Path, Revision: p.Revision.ID,
		Span: span, Message: message, Fixes: fixes})
}

// IsPostgres reports whether the target database is PostgreSQL.
func (p *Pass) IsPostgres() bool { return p.Dialect == "postgresql" }

// Names is how the project names constraints: its naming convention (nil
// when none is known) on this dialect.
func (p *Pass) Names() naming.Namer { return p.Graph.Naming }
