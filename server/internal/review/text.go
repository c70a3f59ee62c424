package review

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
)

// Text writes a review for a terminal.
func Text(w io.Writer, r *Review) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	p("Review of %s: %s, %s", r.Target, brief.Count(len(r.Revisions), "revision", "revisions"), versionText(r.Assumptions))
	for _, n := range r.Assumptions.Notes {
		p("  note: %s", n)
	}
	for _, e := range r.Errors {
		p("  error: %s: %s", e.Path, e.Message)
	}
	if r.Truncated != "" {
		p("  note: %s", r.Truncated)
	}
	for _, rev := range r.Revisions {
		p("")
		p("== %s  %s", rev.Revision, rev.Message)
		p("file:    %s", rev.Path)
		if rev.Partial {
			p("warning: the file has syntax errors or too many operations to read whole: operations may be missing")
		}
		p("history: %s", historyText(rev.History))
		p("summary: %s", summaryText(rev.Summary))
		if len(rev.Summary.DataLoss) > 0 {
			p("loses:   %s", strings.Join(rev.Summary.DataLoss, "; "))
		}
		p("deploy:  %s: %s", rev.DeployOrder.When, rev.DeployOrder.Text)
		function := ""
		for _, o := range rev.Operations {
			if o.Function != function {
				function = o.Function
				p("")
				p("%s()", function)
			}
			textOperation(p, o)
		}
		if len(rev.Operations) == 0 {
			p("")
			p("no operations")
		}
		textSection(p, "tables", rev.Tables)
		textSection(p, "enum types", rev.Enums)
		if len(rev.Findings) > 0 {
			p("")
			p("findings")
			for _, f := range rev.Findings {
				p("  %-7s line %d  %s: %s", f.Severity, f.Line, f.Rule, f.Message)
				if f.Help != "" {
					p("          help: %s", f.Help)
				}
				if f.Fix != nil {
					p("          fix (%s): %s", f.Fix.Safety, f.Fix.Description)
				}
			}
		}
		if len(rev.Recommendations) > 0 {
			p("")
			p("recommendations")
			for _, rc := range rev.Recommendations {
				where := ""
				if len(rc.Lines) > 0 {
					where = " (" + linesText(rc.Lines) + ")"
				}
				p("  - [%s]%s %s", rc.Kind, where, rc.Text)
			}
		}
	}
	return b.Flush()
}

func textOperation(p func(string, ...any), o Operation) {
	p("  %d. line %d  %s: %s", o.Index, o.Line, o.Name, o.Summary)
	field := func(label, value string) {
		if value != "" {
			p("       %-9s %s", label, strings.ReplaceAll(value, "\n", "\n                 "))
		}
	}
	switch o.Effect {
	case EffectUnknown:
		field("effect", "UNKNOWN: "+o.EffectReason)
	case EffectConditional:
		field("effect", "conditional: "+o.EffectReason)
	}
	field("sql", o.SQL)
	field("locks", locksText(o))
	if o.Transaction == "autocommit" {
		field("runs", "in autocommit_block(), outside the migration transaction")
	}
	field("rewrite", o.Rewrite+", scan "+o.Scan)
	field("loses", o.DataLoss)
	if o.Reversal != nil {
		field("undo", reversalText(o.Reversal))
	}
	if o.Undoes > 0 {
		field("undoes", fmt.Sprintf("upgrade line %d", o.Undoes))
	}
	for _, n := range o.Notes {
		field("note", n)
	}
	if len(o.Findings) > 0 {
		field("findings", strings.Join(o.Findings, ", "))
	}
}

func textSection(p func(string, ...any), title string, us []ObjectUse) {
	if len(us) == 0 {
		return
	}
	p("")
	p("%s", title)
	for _, u := range us {
		p("  %s", usesText(u))
	}
}
