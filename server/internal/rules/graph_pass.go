package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// GraphPass is what a rule on a whole script directory sees.
type GraphPass struct {
	reporter
	Graph *history.Graph
}

// reporter makes the findings of one rule about a file, filling in the rule's
// id and severity (a revision's Pass does the same for its file).
type reporter struct {
	Rule   *Rule
	report func(Diagnostic)
}

// Report records a finding at a span of a revision file.
func (r reporter) Report(m *migration.Migration, span migration.Span, message Message) {
	r.ReportSeverity(r.Rule.Severity, m, span, message)
}

// ReportSeverity is Report with a severity other than the rule's.
func (r reporter) ReportSeverity(sev Severity, m *migration.Migration, span migration.Span, message Message) {
	revision := ""
	if m.Revision.Kind == migration.HeaderString {
		revision = m.Revision.Values[0]
	}
	r.report(Diagnostic{Rule: r.Rule.ID, Severity: sev, Path: m.Path, Revision: revision, Span: span,
		Message: message.Text, Help: message.Help})
}
