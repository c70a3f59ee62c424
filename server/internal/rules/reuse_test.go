package rules

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/codec"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestPassesReachTheGraphThroughPass: reuse is sound only if every pass
// reaches beyond its revision and those below through the Pass methods that
// record it. In the files of per-revision rules (a function takes a *Pass),
// nothing outside pass.go reads the graph or walks up from a revision, and
// only the files allowed below read the project's files. The rules that do
// (ReadsProject) read no schema: a run that reuses the other rules' findings
// runs them without one.
func TestPassesReachTheGraphThroughPass(t *testing.T) {
	const neverReused = "ReadsProject: never reused"
	readsFiles := map[string]string{
		"downgrade_missing.go": "the revision template, once per run (runFacts)",
	}
	for _, r := range All() {
		if r.ReadsProject {
			readsFiles[strings.ReplaceAll(r.ID, "-", "_")+".go"] = neverReused
		}
	}
	schema := []string{"Before", "After", "AfterDowngrade", "Upgrade", "Downgrade", "UpgradeSteps", "DowngradeSteps", "Effects", "steps"}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	perRevision := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "pass.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		takesPass := false
		ast.Inspect(f, func(n ast.Node) bool {
			if star, ok := n.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "Pass" {
					takesPass = true
				}
			}
			return true
		})
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if (path == "os" || strings.HasSuffix(path, "/inputfile") || strings.HasSuffix(path, "/pymodule")) && readsFiles[name] == "" {
				t.Errorf("%s imports %s: a rule that reads the project's files must be ReadsProject (and listed here)", name, path)
			}
		}
		if !takesPass {
			continue
		}
		perRevision++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "p" && slices.Contains(schema, sel.Sel.Name) && readsFiles[name] == neverReused {
				t.Errorf("%s: p.%s in a ReadsProject rule: those run without a schema when the others' findings are reused",
					fset.Position(sel.Pos()), sel.Sel.Name)
			}
			switch sel.Sel.Name {
			case "graph", "Graph", "Children", "Dependents", "Descendants":
				if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "history" || id.Name == "rules") {
					return true // the type history.Graph
				}
				t.Errorf("%s: .%s read outside pass.go: reach the graph through the Pass methods that record what a pass read",
					fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if perRevision < 30 {
		t.Fatalf("found %d files of per-revision rules: the scan misses them", perRevision)
	}
}

// memoryValues is Values in memory, encoded as the model cache keeps them,
// with the snapshots a run keeps (not encoded).
type memoryValues struct {
	values    map[string][]byte
	snapshots map[string]*Snapshot
}

func newMemoryValues() *memoryValues {
	return &memoryValues{values: map[string][]byte{}, snapshots: map[string]*Snapshot{}}
}

func (m *memoryValues) LoadValue(name []byte, v any) bool {
	b, ok := m.values[string(name)]
	return ok && codec.Decode(b, v) == nil
}

// Digest knows no file: revisions are keyed by their sources.
func (m *memoryValues) Digest(string) ([]byte, bool) { return nil, false }

func (m *memoryValues) KeepValue(name []byte, v any) {
	if b, err := codec.Encode(v); err == nil {
		m.values[string(name)] = b
	}
}

// TestReuseEquivalence runs every rule on every rule fixture with no reuse,
// then reusing what runs kept: on the same files, after a revision was added
// above the others (the fixture without its last file first: the findings
// of revisions below may depend on it), after a file changed, and from
// damaged values. Every run must report what the run without reuse does.
func TestReuseEquivalence(t *testing.T) {
	var dirs []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if py, _ := filepath.Glob(filepath.Join(path, "*.py")); len(py) > 0 {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil || len(dirs) < 300 {
		t.Fatalf("found %d fixture directories, %v", len(dirs), err)
	}
	reusedSome, ranSome := 0, 0
	for _, dir := range dirs {
		files := slices.DeleteFunc(project.FilesIn(dir), func(f string) bool { return filepath.Base(f) == "env.py" })
		models, _ := history.Parse(context.Background(), files, nil)
		target := fixtureTarget(t, dir)
		run := func(models []*migration.Migration, values Values) []string {
			g := history.Build(dir, models)
			g.Naming = naming.Namer{Convention: naming.Read(context.Background(), dir, dir, dir), Dialect: target.Dialect}
			g.Dialects = append([]string{target.Dialect}, target.Also...)
			scope := Scope{Reuse: values}
			if kept, ok := values.(*memoryValues); ok {
				// snapshots after some revisions, under their upgrade chains (as
				// check keeps them): a run then replays what it cannot reuse,
				// from the nearest ones below
				chains := g.UpgradeChains()
				scope.Keep = func(r *history.Revision) bool { return chains[r.ID] != nil && chains[r.ID][0]%2 == 0 }
				scope.Kept = func(r *history.Revision, s *Snapshot) { kept.snapshots[string(chains[r.ID])] = s }
				scope.Snapshot = func(r *history.Revision) *Snapshot { return kept.snapshots[string(chains[r.ID])] }
			}
			var found []string
			RunScoped(context.Background(), g, All(), target, scope, func(d Diagnostic) {
				b, _ := json.Marshal(d)
				found = append(found, string(b))
			})
			slices.Sort(found)
			return found
		}
		check := func(what string, models []*migration.Migration, values Values) {
			t.Helper()
			if got, want := run(models, values), run(models, nil); !slices.Equal(got, want) {
				t.Errorf("%s, %s: findings differ from a run without reuse\ngot  %q\nwant %q", dir, what, got, want)
			}
		}
		values := newMemoryValues()
		check("cold", models, values)
		check("warm", models, values)
		if len(models) > 1 {
			ranSome++
			newest := slices.MaxFunc(models, func(a, b *migration.Migration) int { return strings.Compare(a.Path, b.Path) })
			below := slices.DeleteFunc(slices.Clone(models), func(m *migration.Migration) bool { return m == newest })
			// the values kept by a run without the newest file, then with it:
			// findings below may depend on the revisions above
			kept := newMemoryValues()
			run(below, kept)
			check("a revision added", models, kept)
			check("a revision removed", below, kept)
			// one file's bytes changed (a comment), its model otherwise alike
			changed := *models[0]
			changed.Source = append(slices.Clone(changed.Source), "\n# changed\n"...)
			edited := append([]*migration.Migration{&changed}, models[1:]...)
			check("a file changed", edited, kept)
			check("a file changed back", models, kept)
			// the first revision's upgrade emptied: the schema above it changes
			if order := history.Build(dir, models).Order; len(order) > 0 && order[0].Migration.Upgrade != nil &&
				len(order[0].Migration.Upgrade.Ops) > 0 {
				first := order[0].Migration
				emptied, up := *first, *first.Upgrade
				up.Ops = nil
				emptied.Upgrade, emptied.Source = &up, append(slices.Clone(first.Source), "\n# emptied\n"...)
				emptied.UpgradeDigest = sha256.Sum256(emptied.Source) // as parsing the edited file would give: another upgrade
				check("the first upgrade emptied", slices.Insert(slices.DeleteFunc(slices.Clone(models),
					func(m *migration.Migration) bool { return m == first }), 0, &emptied), kept)
			}
		}
		for name, b := range values.values {
			damaged := slices.Clone(b)
			damaged[len(damaged)/2] ^= 0xff
			values.values[name] = damaged[:len(damaged)*3/4]
		}
		check("damaged", models, values)
		reusedSome += len(values.values)
	}
	if reusedSome == 0 || ranSome < 100 {
		t.Fatalf("kept values for %d runs, %d fixtures of several revisions: the test exercised nothing", reusedSome, ranSome)
	}
}

// fixtureTarget is the target a fixture directory names (see RunOn).
func fixtureTarget(t *testing.T, dir string) Target {
	t.Helper()
	env := Target{Dialect: "postgresql", DialectCertain: true}
	read := func(name string) (string, bool) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		return strings.TrimSpace(string(b)), err == nil
	}
	if d, ok := read("dialect"); ok {
		d, assumed := strings.CutSuffix(d, " assumed")
		env.Dialect, env.DialectCertain = d, !assumed
	}
	if a, ok := read("also"); ok {
		env.Also = strings.Fields(a)
	}
	if v, ok := read("pg-version"); ok {
		env.PostgresVersion, _ = strconv.Atoi(v)
	}
	if v, ok := read("sqlite-version"); ok {
		env.SQLiteVersion = v
	}
	return env
}

// TestReuseFollowsRevisionsReadAbove: a finding that read a revision above
// whole (the emptied-above walk of a narrowing in a downgrade()) is judged
// again when that revision's bytes change, even when its marks stay alike;
// and only then (an edit of another revision above reuses it).
func TestReuseFollowsRevisionsReadAbove(t *testing.T) {
	revision := func(id, down, upgrade, downgrade string) *migration.Migration {
		src := fmt.Sprintf("revision = %q\ndown_revision = %s\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"+
			"def upgrade():\n%s\n\n\ndef downgrade():\n%s\n", id, down, upgrade, downgrade)
		m, err := migration.Parse(context.Background(), "versions/"+id+".py", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	base := revision("0001", "None", `    op.create_table("admin", sa.Column("name", sa.String(64), primary_key=True))`, `    op.drop_table("admin")`)
	text := revision("0002", `"0001"`, `    op.alter_column("admin", "name", existing_type=sa.String(64), type_=sa.Text())`,
		`    op.alter_column("admin", "name", existing_type=sa.Text(), type_=sa.String(64))`)
	// the same marks (the downgrade may empty admin and may fill it); the
	// first leaves rows, the second none
	refilled := revision("0003", `"0002"`, "    pass", "    op.execute(\"DELETE FROM admin\")\n    op.execute(\"INSERT INTO admin VALUES ('root')\")")
	emptied := revision("0003", `"0002"`, "    pass", "    op.execute(\"INSERT INTO admin VALUES ('root')\")\n    op.execute(\"DELETE FROM admin\")")
	if !slices.Equal(refilled.AllMarks(), emptied.AllMarks()) {
		t.Fatalf("marks differ: %q, %q", refilled.AllMarks(), emptied.AllMarks())
	}
	top := revision("0004", `"0003"`, "    pass", "    pass")
	topEdited := revision("0004", `"0003"`, "    pass  # edited", "    pass")
	target := Target{Dialect: "postgresql", DialectCertain: true}
	// narrowing is the severity of the narrowing in 0002's downgrade, and
	// what the run kept of 0002's findings
	narrowing := func(models []*migration.Migration, values *memoryValues) (Severity, keptFindings) {
		g := history.Build("versions", models)
		g.Dialects = []string{target.Dialect}
		severity := Severity("none")
		scope := Scope{}
		if values != nil {
			scope.Reuse = values
		}
		if err := RunScoped(context.Background(), g, All(), target, scope, func(d Diagnostic) {
			if d.Rule == "type-change-without-using" && d.Revision == "0002" {
				severity = d.Severity
			}
		}); err != nil {
			t.Fatal(err)
		}
		var kept keptRun
		reused := slices.DeleteFunc(All(), func(r *Rule) bool { return r.ReadsProject })
		if values != nil && !values.LoadValue(newReuse(values, g, reused, target, newRunMemo(g)).name, &kept) {
			t.Fatal("the run kept nothing")
		}
		return severity, kept.Revisions["0002"]
	}
	values := newMemoryValues()
	if got, kept := narrowing([]*migration.Migration{base, text, refilled, top}, values); got != Warning {
		t.Fatalf("narrowing below a downgrade that refills the table: %s, want a warning", got)
	} else if kept.Above || !kept.Shape || !slices.Equal(kept.Read, []string{"0003"}) {
		t.Fatalf("0002's findings kept as reading above %v, the shape above %v and %q whole; want the shape and 0003",
			kept.Above, kept.Shape, kept.Read)
	}
	emptiedHistory := []*migration.Migration{base, text, emptied, top}
	want, _ := narrowing(emptiedHistory, nil)
	if want == Warning {
		t.Fatal("narrowing below a downgrade that leaves the table empty: still a warning")
	}
	if got, _ := narrowing(emptiedHistory, values); got != want {
		t.Errorf("after the downgrade above changed, with its marks alike: %s, want %s (a stale reuse)", got, want)
	}
	if got, _ := narrowing([]*migration.Migration{base, text, emptied, topEdited}, values); got != want {
		t.Errorf("after an edit of the head: %s, want %s", got, want)
	}
}
