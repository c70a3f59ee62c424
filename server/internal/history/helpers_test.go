package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// rev describes one revision file written from a short Python template.
// Down, Labels and Depends are Python expressions ("None", `"a1"`, `("a1", "b2")`);
// an empty Down means `None`, empty Labels/Depends leave the variable out.
// Up is the body of upgrade(), without indentation ("" means pass).
type rev struct {
	File    string // file name; "" gives <ID>_rev.py
	ID      string
	Down    string
	Labels  string
	Depends string
	Up      string
	// Module is module-level code placed after the header (shared enum types...).
	Module string
	// Raw replaces the whole file when set.
	Raw string
}

func (r rev) fileName() string {
	if r.File != "" {
		return r.File
	}
	return r.ID + "_rev.py"
}

func (r rev) source() string {
	if r.Raw != "" {
		return r.Raw
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\"\"\"test revision\n\nRevision ID: %s\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n\n", r.ID)
	fmt.Fprintf(&b, "revision = %q\n", r.ID)
	down := r.Down
	if down == "" {
		down = "None"
	}
	fmt.Fprintf(&b, "down_revision = %s\n", down)
	if r.Labels != "" {
		fmt.Fprintf(&b, "branch_labels = %s\n", r.Labels)
	}
	if r.Depends != "" {
		fmt.Fprintf(&b, "depends_on = %s\n", r.Depends)
	}
	if r.Module != "" {
		b.WriteString("\n" + strings.Trim(r.Module, "\n") + "\n")
	}
	b.WriteString("\n\ndef upgrade():\n")
	b.WriteString(indent(r.Up))
	b.WriteString("\n\ndef downgrade():\n    pass\n")
	return b.String()
}

func indent(body string) string {
	if strings.TrimSpace(body) == "" {
		return "    pass\n"
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.Trim(body, "\n"), "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString("    " + line + "\n")
	}
	return b.String()
}

// writeRevisions writes the revisions into dir (created if needed) and returns dir.
func writeRevisions(t testing.TB, dir string, revs []rev) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, r := range revs {
		if err := os.WriteFile(filepath.Join(dir, r.fileName()), []byte(r.source()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadDir lists and loads a versions directory the way the CLI does.
func loadDir(t testing.TB, dir string) *Loaded {
	t.Helper()
	files := project.FilesIn(dir)
	return Load(context.Background(), dir, files, nil)
}

// buildGraph writes the revisions into a fresh versions directory and loads it;
// the files must parse without errors.
func buildGraph(t testing.TB, revs []rev) *Graph {
	t.Helper()
	dir := writeRevisions(t, filepath.Join(t.TempDir(), "versions"), revs)
	loaded := loadDir(t, dir)
	for _, e := range loaded.Errors {
		t.Fatalf("fixture does not load: %v", e)
	}
	return loaded.Graph
}

// parseSource parses one revision file held in memory.
func parseSource(t testing.TB, path, src string) *migration.Migration {
	t.Helper()
	m, err := migration.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, src)
	}
	return m
}

func orderIDs(g *Graph) []string {
	var out []string
	for _, r := range g.Order {
		out = append(out, r.ID)
	}
	return out
}

func revIDs(rs []*Revision) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func setKeys(m map[string]bool) []string {
	out := []string{}
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// checkSound fails on every defect of the graph: skipped files, duplicate
// ids, dangling references and cycles.
func checkSound(t *testing.T, g *Graph) {
	t.Helper()
	if len(g.Skipped)+len(g.Duplicates)+len(g.Dangling)+len(g.Cycles) > 0 {
		t.Errorf("defects: skipped %+v, duplicates %+v, dangling %+v, cycles %q", g.Skipped, g.Duplicates, g.Dangling, g.Cycles)
	}
}

// nilIfEmpty makes "no values" compare equal whether nil or empty.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
