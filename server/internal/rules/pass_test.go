package rules

import (
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

func TestReportOncePerSpanAndMessage(t *testing.T) {
	var got []Diagnostic
	rev := &history.Revision{ID: "0001", Migration: &migration.Migration{Path: "a.py"}}
	p := NewPass(&Rule{ID: "r", Severity: Warning}, rev, nil, nil, Target{Dialect: "postgresql"}, "postgresql", func(d Diagnostic) { got = append(got, d) }, &steps{})
	call := migration.Span{Start: 10, End: 20, StartLine: 2, EndLine: 2, StartCol: 5, EndCol: 15}
	// the iterations of an unrolled loop are ops at one call
	p.ReportAt(call, "same", nil)
	p.ReportAt(call, "same", nil)
	p.ReportAt(call, "other table", nil)
	p.ReportAt(migration.Span{Start: 30, End: 40, StartLine: 3, EndLine: 3, StartCol: 5, EndCol: 15}, "same", nil)
	if len(got) != 3 {
		t.Errorf("findings = %+v, want 3", got)
	}
}
