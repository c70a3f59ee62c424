package workflow

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/alembic-patterns/alembic-patterns/server/internal/"

// TestStepsDoOneJob: the packages this one chains stay single steps. diagnose
// reads text and autogen runs alembic; checking, fixing and reporting are
// added here, so that neither pulls in the whole pipeline again.
func TestStepsDoOneJob(t *testing.T) {
	for step, forbidden := range map[string][]string{
		"diagnose": {"check", "report", "project", "fix", "autogen"},
		"autogen":  {"check", "report", "fix", "diagnose", "rules"},
	} {
		deps := internalDeps(t, step)
		for _, f := range forbidden {
			if slices.Contains(deps, f) {
				t.Errorf("%s depends on %s (all its dependencies: %s)", step, f, strings.Join(deps, ", "))
			}
		}
	}
}

// internalDeps lists the module's packages that pkg imports, directly or not.
func internalDeps(t *testing.T, pkg string) []string {
	t.Helper()
	var deps []string
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		p, err := build.Import(module+name, ".", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			dep, ok := strings.CutPrefix(imp, module)
			if ok && !seen[dep] {
				seen[dep] = true
				deps = append(deps, dep)
				visit(dep)
			}
		}
	}
	visit(pkg)
	slices.Sort(deps)
	return deps
}
