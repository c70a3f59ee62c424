package workflow

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/diagnose"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

// Explanation is diagnose.Diagnose plus what a check of the failing revision
// says: the output of the CLI `diagnose --format json` and of the MCP
// diagnose_error tool.
type Explanation struct {
	Diagnoses []diagnose.Diagnosis `json:"diagnoses" jsonschema:"one entry per distinct error in the text; a single entry with known=false when none is recognised"`
	// Target is the revision that was checked ("" when none was).
	Target string `json:"target,omitempty" jsonschema:"the revision or file that was checked"`
	// Inferred is true when Target came from alembic's "Running upgrade A -> B" line.
	Inferred bool `json:"inferred,omitempty" jsonschema:"true when the target was taken from alembic's 'Running upgrade/downgrade' line"`
	// Findings are the target's findings of the diagnosed rules.
	Findings []report.Finding `json:"findings" jsonschema:"findings of the diagnosed rules in the target"`
	// OtherFindings counts the target's remaining findings.
	OtherFindings int      `json:"other_findings" jsonschema:"number of other findings in the target (see check_migration)"`
	Notes         []string `json:"notes" jsonschema:"what was assumed or could not be done"`
}

// Explain diagnoses the output and, with a project, checks the target (or,
// when target is "", the revision alembic was running when it failed) and keeps
// the findings of the diagnosed rules. An explicit target that cannot be
// resolved is an error; an inferred one only adds a note.
func Explain(ctx context.Context, proj *project.Project, output, target string, opts check.Options) (*Explanation, error) {
	ex := &Explanation{Diagnoses: diagnose.Diagnose(output), Findings: []report.Finding{}, Notes: []string{}}
	target = strings.TrimSpace(target)
	if proj == nil {
		if target != "" {
			return nil, fmt.Errorf("cannot check %q: no Alembic project", target)
		}
		return ex, nil
	}
	if target == "" {
		rev, _ := diagnose.Running(output)
		if rev == "" {
			return ex, nil
		}
		target, ex.Inferred = rev, true
	}
	opts.Target = target
	res, err := check.Run(ctx, proj, opts)
	if err != nil {
		if !ex.Inferred {
			return nil, err
		}
		ex.Notes = append(ex.Notes, fmt.Sprintf("alembic was running revision %s, but it could not be checked: %v", target, err))
		return ex, nil
	}
	ex.Target = target
	diagnosed := map[string]bool{}
	for _, d := range ex.Diagnoses {
		for _, r := range d.Rules {
			diagnosed[r] = true
		}
	}
	for _, f := range report.NewDocument(res).Findings {
		if diagnosed[f.Rule] {
			ex.Findings = append(ex.Findings, f)
		} else {
			ex.OtherFindings++
		}
	}
	if len(diagnosed) > 0 && len(ex.Findings) == 0 {
		rules := slices.Sorted(func(yield func(string) bool) {
			for r := range diagnosed {
				if !yield(r) {
					return
				}
			}
		})
		ex.Notes = append(ex.Notes, fmt.Sprintf("%s has no %s finding: the cause may be in another revision, in the "+
			"database's state, or beyond what the rules can see", target, strings.Join(rules, "/")))
	}
	return ex, nil
}

// Text renders an explanation for people.
func (ex *Explanation) Text() string {
	var b strings.Builder
	b.WriteString(diagnose.Text(ex.Diagnoses))
	if ex.Target != "" {
		how := ""
		if ex.Inferred {
			how = " (the revision alembic was running)"
		}
		fmt.Fprintf(&b, "\nchecked %s%s: %s, %s\n", ex.Target, how, brief.Count(len(ex.Findings), "matching finding", "matching findings"),
			brief.Count(ex.OtherFindings, "other", "others"))
		for _, f := range ex.Findings {
			lines := f.Explanation()
			fmt.Fprintf(&b, "  %s:%d:%d: %s[%s] %s\n", f.Path, f.Line, f.Column, f.Severity, f.Rule, lines[0])
			for _, line := range lines[1:] {
				fmt.Fprintf(&b, "    = %s\n", line)
			}
		}
	}
	for _, n := range ex.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}
