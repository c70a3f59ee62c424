package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
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
	PostgresVersion int
	report          func(Diagnostic)
	after           *history.State
}

// NewPass is used by the check engine.
func NewPass(r *Rule, rev *history.Revision, g *history.Graph, before *history.State, dialect string, pgVersion int, report func(Diagnostic)) *Pass {
	return &Pass{Rule: r, Migration: rev.Migration, Revision: rev, Graph: g, Before: before, Dialect: dialect, PostgresVersion: pgVersion, report: report}
}

// After is the schema after the whole upgrade (computed once per pass).
func (p *Pass) After() *history.State {
	if p.after == nil {
		p.after = p.Before.Layer()
		p.Upgrade(func(o *migration.Op, s *history.State) {})
	}
	return p.after
}

// Upgrade walks the upgrade's operations, calling fn with the state just before
// each one. It also fills After.
func (p *Pass) Upgrade(fn func(o *migration.Op, before *history.State)) {
	s := p.Before.Layer()
	p.walk(p.Migration.Upgrade, s, fn)
	if p.after == nil {
		p.after = s
	}
}

// Downgrade walks the downgrade's operations from the state after the upgrade.
func (p *Pass) Downgrade(fn func(o *migration.Op, before *history.State)) {
	p.walk(p.Migration.Downgrade, p.After().Layer(), fn)
}

func (p *Pass) walk(f *migration.Function, s *history.State, fn func(*migration.Op, *history.State)) {
	if f == nil {
		return
	}
	for _, o := range f.Ops {
		fn(o, s)
		s.Apply(p.Migration, o, p.Revision.ID)
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
