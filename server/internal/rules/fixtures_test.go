package rules

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// RunOn loads a fixture directory (see harness_test.go for its layout) and
// runs one rule on it.
func RunOn(t *testing.T, dir string, rule *Rule) []Diagnostic {
	t.Helper()
	files := slices.DeleteFunc(project.FilesIn(dir), func(f string) bool { return filepath.Base(f) == "env.py" })
	loaded := history.Load(context.Background(), dir, files, nil)
	for _, e := range loaded.Errors {
		t.Fatalf("fixture does not parse: %v", e)
	}
	env := fixtureTarget(t, dir)
	loaded.Graph.Naming = naming.Namer{Convention: naming.Read(context.Background(), dir, dir, dir), Dialect: env.Dialect}
	loaded.Graph.Dialects = append([]string{env.Dialect}, env.Also...) // as check replays
	var got []Diagnostic
	Run(context.Background(), loaded.Graph, []*Rule{rule}, env, nil, func(d Diagnostic) { got = append(got, d) })
	return got
}

// Mutate replaces a registered rule, until restore is called, by one whose
// every finding passes through change, which returns what to report instead:
// a test breaks a rule on purpose (reports each finding twice) and expects its
// fixtures to notice. Everything that looks rules up by id (Get, All, check)
// sees the mutant.
func Mutate(id string, change func(Diagnostic) []Diagnostic) (restore func()) {
	orig := registry[id]
	through := func(report func(Diagnostic)) func(Diagnostic) {
		return func(d Diagnostic) {
			for _, c := range change(d) {
				report(c)
			}
		}
	}
	mutant := *orig
	if orig.Check != nil {
		mutant.Check = func(p *Pass) {
			p.report = through(p.report)
			orig.Check(p)
		}
	}
	if orig.CheckGraph != nil {
		mutant.CheckGraph = func(p *GraphPass) {
			p.report = through(p.report)
			orig.CheckGraph(p)
		}
	}
	if orig.CheckSuppressions != nil {
		mutant.CheckSuppressions = func(p *SuppressionPass) {
			p.report = through(p.report)
			orig.CheckSuppressions(p)
		}
	}
	registry[id] = &mutant
	return func() { registry[id] = orig }
}
