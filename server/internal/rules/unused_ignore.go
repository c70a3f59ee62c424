package rules

// unused-ignore is reported by the check engine, which owns suppressions.
var _ = register(&Rule{
	ID:       "unused-ignore",
	Profile:  Default,
	Severity: Info,
	Summary:  "A suppression comment that silences nothing",
	Doc: Doc{
		What:          "Finds `# alembic-patterns: ignore[...]` and `ignore-file[...]` comments that did not silence any finding.",
		Why:           "A stale suppression hides the next real problem on that line, and readers take it for a known issue.",
		Example:       `op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))  # alembic-patterns: ignore[add-required-column]`,
		UseInstead:    `op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))`,
		KnownProblems: "Only rules that ran are judged: a suppression for a rule outside the selected profile is not reported.",
		FixSafety:     "No automatic fix: delete the comment.",
	},
})
