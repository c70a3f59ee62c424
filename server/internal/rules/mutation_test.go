package rules_test

import (
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestMutantsFail breaks every rule on purpose and expects its fixtures to
// notice, so that they test what a rule reports and not only where: a rule
// that reports each finding twice must fail every firing case and every fix
// golden, and one whose fixes carry each edit twice must fail every fix
// golden.
func TestMutantsFail(t *testing.T) {
	twice := func(d rules.Diagnostic) []rules.Diagnostic { return []rules.Diagnostic{d, d} }
	editsTwice := func(d rules.Diagnostic) []rules.Diagnostic {
		d.Fixes = slices.Clone(d.Fixes)
		for i, f := range d.Fixes {
			d.Fixes[i].Edits = slices.Concat(f.Edits, f.Edits)
		}
		return []rules.Diagnostic{d}
	}
	for _, rule := range rules.All() {
		t.Run(rule.ID, func(t *testing.T) {
			cases := fixtureCases(t, rule)
			mutant(t, rule.ID, twice, func() {
				for _, c := range cases {
					if !c.quiet() && len(c.problems(t)) == 0 {
						t.Errorf("%s passes although every finding is reported twice", c.dir)
					}
					if hasGolden(c) && len(c.fixProblems(t, "\n")) == 0 {
						t.Errorf("the fix golden of %s passes although every finding is reported twice", c.dir)
					}
				}
			})
			mutant(t, rule.ID, editsTwice, func() {
				for _, c := range cases {
					if hasGolden(c) && len(c.fixProblems(t, "\n")) == 0 {
						t.Errorf("the fix golden of %s passes although every fix makes each edit twice", c.dir)
					}
				}
			})
		})
	}
}

// mutant runs fn while the rule reports through change.
func mutant(t *testing.T, id string, change func(rules.Diagnostic) []rules.Diagnostic, fn func()) {
	t.Helper()
	restore := rules.Mutate(id, change)
	defer restore()
	fn()
}
