package review

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
)

// Markdown writes a review as a pull-request comment: a table of operations per
// revision, the SQL and notes folded away, then findings and recommendations.
func Markdown(w io.Writer, r *Review) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	p("## Migration review: `%s`", r.Target)
	p("")
	p("%s · %s", brief.Count(len(r.Revisions), "revision", "revisions"), versionText(r.Assumptions))
	p("")
	for _, n := range r.Assumptions.Notes {
		p("> - %s", n)
	}
	for _, e := range r.Errors {
		p("> - **error** `%s`: %s", e.Path, e.Message)
	}
	if r.Truncated != "" {
		p("> - %s", r.Truncated)
	}
	for _, rev := range r.Revisions {
		p("")
		p("### `%s` %s", rev.Revision, cell(rev.Message))
		p("")
		p("`%s` · %s", rev.Path, historyText(rev.History))
		if rev.Partial {
			p("")
			p("**Warning:** the file has syntax errors or too many operations to read whole: operations may be missing.")
		}
		p("")
		p("**Deploy order (%s):** %s", rev.DeployOrder.When, rev.DeployOrder.Text)
		p("")
		p("**Summary:** %s.", summaryText(rev.Summary))
		if len(rev.Summary.DataLoss) > 0 {
			p("")
			p("**Data loss:** %s.", strings.Join(rev.Summary.DataLoss, "; "))
		}
		markdownOperations(p, rev.Operations)
		if len(rev.Tables)+len(rev.Enums) > 0 {
			p("")
			p("<details><summary>Tables and enum types in the history</summary>")
			p("")
			for _, u := range rev.Tables {
				p("- table %s", usesText(u))
			}
			for _, u := range rev.Enums {
				p("- enum type %s", usesText(u))
			}
			p("")
			p("</details>")
		}
		if len(rev.Findings) > 0 {
			p("")
			p("#### Findings")
			p("")
			for _, f := range rev.Findings {
				fix := ""
				if f.Fix != nil {
					fix = fmt.Sprintf(" *Fix (%s):* %s.", f.Fix.Safety, f.Fix.Description)
				}
				p("- **%s** `%s` line %d: %s%s", f.Severity, f.Rule, f.Line, oneLine(f.Message), fix)
				if f.Help != "" {
					p("  - %s", oneLine(f.Help))
				}
			}
		}
		if len(rev.Recommendations) > 0 {
			p("")
			p("#### Recommendations")
			p("")
			for _, rc := range rev.Recommendations {
				where := ""
				if len(rc.Lines) > 0 {
					where = " (" + linesText(rc.Lines) + ")"
				}
				p("- **%s**%s: %s", rc.Kind, where, oneLine(rc.Text))
			}
		}
	}
	return b.Flush()
}

func markdownOperations(p func(string, ...any), ops []Operation) {
	p("")
	if len(ops) == 0 {
		p("No operations.")
		return
	}
	p("| | Line | Operation | Locks | Rewrite | Scan | Downgrade |")
	p("|---|---|---|---|---|---|---|")
	for _, o := range ops {
		what := o.Summary
		switch o.Effect {
		case EffectUnknown:
			what = "**unknown**: " + o.EffectReason
		case EffectConditional:
			what += " *(conditional)*"
		}
		undo := ""
		if o.Reversal != nil {
			undo = reversalText(o.Reversal)
		} else if o.Undoes > 0 {
			undo = fmt.Sprintf("undoes line %d", o.Undoes)
		}
		p("| %s %d | %d | `%s` %s | %s | %s | %s | %s |", o.Function, o.Index, o.Line, o.Name, cell(what), cell(locksText(o)), o.Rewrite, o.Scan, cell(undo))
	}
	p("")
	p("<details><summary>SQL and notes</summary>")
	for _, o := range ops {
		p("")
		p("**%s %d** (line %d) %s", o.Function, o.Index, o.Line, oneLine(o.Summary))
		if o.SQL != "" {
			p("")
			p("```sql")
			p("%s", o.SQL)
			p("```")
		}
		bullets := o.Notes
		if o.DataLoss != "" {
			bullets = append([]string{"Loses " + o.DataLoss + "."}, bullets...)
		}
		if len(bullets) > 0 {
			p("")
		}
		for _, n := range bullets {
			p("- %s", oneLine(n))
		}
	}
	p("")
	p("</details>")
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
