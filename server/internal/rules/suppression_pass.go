package rules

import "github.com/alembic-patterns/alembic-patterns/server/internal/migration"

// UnusedSuppression is a suppression comment that silenced nothing, as the
// check engine (which matches comments to findings) found it.
type UnusedSuppression struct {
	Migration *migration.Migration
	Directive migration.Directive
	// Rules are the rules the comment names that had no finding to silence;
	// "" stands for a comment that names none.
	Rules []string
}

// SuppressionPass is what a rule on suppression comments sees.
type SuppressionPass struct {
	reporter
	Unused []UnusedSuppression
}

// RunSuppressions hands the suppression comments that silenced nothing to the
// selected rules that judge them.
func RunSuppressions(selected []*Rule, unused []UnusedSuppression, report func(Diagnostic)) {
	for _, r := range selected {
		if r.CheckSuppressions != nil {
			r.CheckSuppressions(&SuppressionPass{reporter: reporter{Rule: r, report: report}, Unused: unused})
		}
	}
}
