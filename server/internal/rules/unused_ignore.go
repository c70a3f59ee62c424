package rules

import "github.com/alembic-patterns/alembic-patterns/server/internal/brief"

var _ = register(&Rule{
	ID:       "unused-ignore",
	Profile:  Default,
	Severity: Info,
	Fix:      FixNever,
	Summary:  "A suppression comment that silences nothing",
	Doc: Doc{
		FailsWhen:     "Never: the comment silences nothing today, and would hide a finding there later.",
		What:          "Finds `# alembic-patterns: ignore[...]` and `ignore-file[...]` comments that did not silence any finding.",
		Why:           "A stale suppression hides the next real problem on that line, and readers take it for a known issue.",
		Example:       `op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))  # alembic-patterns: ignore[add-required-column]`,
		UseInstead:    `op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))`,
		KnownProblems: "Only rules that ran are judged: a suppression for a rule outside the selected profile is not reported.",
		FixSafety:     "No automatic fix: delete the comment.",
	},
	CheckSuppressions: checkUnusedIgnore,
})

func checkUnusedIgnore(p *SuppressionPass) {
	for _, u := range p.Unused {
		what := "nothing"
		if u.Rules[0] != "" {
			what = brief.List(u.Rules, brief.Names) + " (no such finding here)"
		}
		p.Report(u.Migration, u.Directive.Span, Message{Text: "suppression comment silences " + what,
			Help: "Remove it: a suppression with nothing to silence would hide a finding that a later change brings to this line."})
	}
}
