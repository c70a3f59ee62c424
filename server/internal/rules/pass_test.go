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
	same := Message{Text: "same", Help: "why"}
	p.ReportAt(call, same, nil)
	p.ReportAt(call, same, nil)
	p.ReportAt(call, Message{Text: "other table", Help: "why"}, nil)
	p.ReportAt(call, Message{Text: "same", Help: "why, for another table"}, nil) // what was one message before help was split off
	p.ReportAt(migration.Span{Start: 30, End: 40, StartLine: 3, EndLine: 3, StartCol: 5, EndCol: 15}, same, nil)
	if len(got) != 4 {
		t.Errorf("findings = %+v, want 4", got)
	}
	if got[0].Message != "same" || got[0].Help != "why" {
		t.Errorf("finding = %+v, want message \"same\" and help \"why\"", got[0])
	}
}
