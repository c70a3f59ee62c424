package proof

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// example is one of the example projects and the tool its users run.
type example struct {
	dir string
	// tool is the command line that runs Alembic the way the project does.
	tool []string
	// rules are the findings check must report (rule ids, sorted, with repeats).
	rules []string
	// failure is what the first round trip fails with, as the rules predict.
	failure string
	// left are the rules still reported after `alembic-patterns fix` (no safe fix).
	left []string
}

// TestExamplesOnRealAlembic runs the examples whose layouts Alembic alone
// cannot read without the project's help — a Flask-Migrate project (no
// script_location) and a package:path project — with their own tools on
// PostgreSQL: the tool sees the same heads as alembic-patterns, the history
// fails the way check says, and passes after `alembic-patterns fix`.
func TestExamplesOnRealAlembic(t *testing.T) {
	tl := getTools(t, true)
	flask := testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	examples := []example{
		{dir: "flask-blog", tool: []string{flask, "-m", "flask", "--app", "app:create_app", "db"},
			rules:   []string{"add-required-column", "column-drop-add", "column-drop-add", "enum-type-not-dropped"},
			failure: `type "post_status" already exists`,
			left:    []string{"add-required-column", "column-drop-add", "column-drop-add"}},
		{dir: "inventory", tool: []string{tl.alembic},
			rules: []string{"concurrently-in-transaction", "concurrently-in-transaction", "fk-operation-order", "fk-operation-order",
				"unique-without-dedup", "unnamed-constraint", "unnamed-constraint"},
			failure: `relation "warehouses" does not exist`,
			left:    []string{"unique-without-dedup"}}, // sku may hold duplicates: only the author can merge them
	}
	for _, ex := range examples {
		t.Run(ex.dir, func(t *testing.T) {
			dir := copyExample(t, ex.dir)
			db := tl.newDatabase(t, ex.dir)
			env := pythonEnv("DATABASE_URL=" + tl.dbURL(db.name, false))
			tool := func(args ...string) execResult {
				return run(dir, env, false, ex.tool[0], append(slices.Clone(ex.tool[1:]), args...)...)
			}

			heads := tool("heads")
			if heads.err != nil {
				t.Fatalf("the project's own tool cannot read it:\n%s", heads)
			}
			if got, want := ourHeads(t, dir), revisionIDs(heads.output); !slices.Equal(got, want) {
				t.Errorf("alembic-patterns reads heads %q, the project's tool %q", got, want)
			}

			if got := checkedRules(t, dir); !slices.Equal(got, ex.rules) {
				t.Errorf("check reports %q, want %q", got, ex.rules)
			}
			if res := roundTrip(tool); res.err == nil || !strings.Contains(res.output, ex.failure) {
				t.Fatalf("before the fixes the round trip must fail with %q:\n%s", ex.failure, res)
			}

			if res := run(dir, os.Environ(), true, binary(t), "fix"); res.code != 0 && res.code != 1 {
				t.Fatalf("fix:\n%s", res)
			}
			db.reset(t)
			if res := roundTrip(tool); res.err != nil {
				t.Fatalf("after the fixes the round trip must pass:\n%s", res)
			}
			if got := checkedRules(t, dir); !slices.Equal(got, ex.left) {
				t.Errorf("after the fixes check reports %q, want %q", got, ex.left)
			}
		})
	}
}

// roundTrip upgrades to head, downgrades to base and upgrades again; it stops
// at the first failure.
func roundTrip(tool func(args ...string) execResult) execResult {
	var last execResult
	for _, step := range [][]string{{"upgrade", "head"}, {"downgrade", "base"}, {"upgrade", "head"}} {
		if last = tool(step...); last.err != nil {
			return last
		}
	}
	return last
}

// copyExample copies examples/<name> into a temporary directory.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "examples", name)
	dst, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

var revisionID = regexp.MustCompile(`(?m)^([0-9a-z_]+) \(`)

// revisionIDs reads the ids of `alembic heads` output ("3d2c4e5f6a03 (head)").
func revisionIDs(output string) []string {
	var ids []string
	for _, m := range revisionID.FindAllStringSubmatch(output, -1) {
		ids = append(ids, m[1])
	}
	slices.Sort(ids)
	return ids
}

// ourHeads are the heads `alembic-patterns history` reads.
func ourHeads(t *testing.T, dir string) []string {
	t.Helper()
	res := run(dir, os.Environ(), true, binary(t), "history", "--format", "json")
	var doc struct {
		ScriptDirectories []struct{ Heads []string } `json:"script_directories"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		t.Fatalf("history --format json: %v\n%s", err, res)
	}
	var heads []string
	for _, d := range doc.ScriptDirectories {
		heads = append(heads, d.Heads...)
	}
	slices.Sort(heads)
	return heads
}

// checkedRules are the rule ids `alembic-patterns check` reports, sorted.
func checkedRules(t *testing.T, dir string) []string {
	t.Helper()
	doc, res := checkFile(t, dir, ".", "")
	if doc == nil {
		t.Fatalf("check:\n%s", res)
	}
	var rules []string
	for _, f := range doc.Findings {
		rules = append(rules, f.Rule)
	}
	slices.Sort(rules)
	return rules
}
