package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const shopDir = "../../../examples/shop"

func TestReviewFormats(t *testing.T) {
	out, stderr, code := run(t, ".", "review", "--project", shopDir, "--format", "json", "9e8d")
	if code != ExitOK {
		t.Fatalf("exit %d (findings must not fail a review): %s", code, stderr)
	}
	var doc struct {
		Version   int `json:"version"`
		Revisions []struct {
			Revision   string `json:"revision"`
			Operations []struct {
				Name  string `json:"name"`
				Locks []struct {
					Table, Mode string
				} `json:"locks"`
			} `json:"operations"`
			Findings []struct{ Rule string } `json:"findings"`
		} `json:"revisions"`
	}
	must(t, json.Unmarshal([]byte(out), &doc))
	if doc.Version != 1 || len(doc.Revisions) != 1 || doc.Revisions[0].Revision != "9e8d7c6b5a05" || len(doc.Revisions[0].Findings) == 0 {
		t.Fatalf("json review: %+v", doc)
	}
	if op := doc.Revisions[0].Operations[1]; op.Name != "create_foreign_key" || len(op.Locks) != 2 || op.Locks[1].Mode != "SHARE ROW EXCLUSIVE" {
		t.Errorf("create_foreign_key: %+v", op)
	}
	text, _, code := run(t, ".", "review", "--project", shopDir, "9e8d")
	if code != ExitOK || !strings.Contains(text, "== 9e8d7c6b5a05  orders user fk and status index") || !strings.Contains(text, "SHARE ROW EXCLUSIVE on users") {
		t.Errorf("text review (exit %d):\n%s", code, text)
	}
	md, _, code := run(t, ".", "review", "--project", shopDir, "--format", "markdown", "9e8d")
	if code != ExitOK || !strings.HasPrefix(md, "## Migration review: `9e8d`") || !strings.Contains(md, "| upgrade 2 | 24 | `create_foreign_key`") {
		t.Errorf("markdown review (exit %d):\n%s", code, md)
	}
}

// reviewed lists the revisions a JSON review covers.
func reviewed(t *testing.T, out string) []string {
	t.Helper()
	var doc struct {
		Revisions []struct{ Revision string } `json:"revisions"`
	}
	must(t, json.Unmarshal([]byte(out), &doc))
	var ids []string
	for _, r := range doc.Revisions {
		ids = append(ids, r.Revision)
	}
	return ids
}

func TestReviewTargets(t *testing.T) {
	shop, err := filepath.Abs(shopDir)
	must(t, err)
	// no argument: the head, with the project found from the working directory
	out, _, code := run(t, shop, "review", "--format", "json")
	if got := reviewed(t, out); code != ExitOK || !slices.Equal(got, []string{"7f6e5d4c3b07"}) {
		t.Errorf("default target (exit %d): %v", code, got)
	}
	// a revision file, relative to the working directory
	file := filepath.Join("migrations", "versions", "8a4e5b6c7d02_create_orders.py")
	out, _, code = run(t, shop, "review", file)
	if code != ExitOK || !strings.Contains(out, "Review of migrations/versions/8a4e5b6c7d02_create_orders.py") || !strings.Contains(out, "== 8a4e5b6c7d02") {
		t.Errorf("file target (exit %d):\n%s", code, out)
	}
	// a range, with the version given on the command line
	out, _, code = run(t, ".", "review", "--project", shopDir, "--postgres-version", "10", "--format", "json", "c2d3:1b2c")
	if got := reviewed(t, out); code != ExitOK || !slices.Equal(got, []string{"c2d3e4f5a603", "1b2c3d4e5f04"}) ||
		!strings.Contains(out, `"postgres_version": 10`) || !strings.Contains(out, `"postgres_version_from": "option"`) {
		t.Errorf("range target (exit %d): %v", code, got)
	}
}

func TestReviewErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown revision": {"review", "--project", shopDir, "nope"},
		"unknown format":   {"review", "--project", shopDir, "--format", "sarif"},
		"two targets":      {"review", "--project", shopDir, "9e8d", "1b2c"},
		"bad flag":         {"review", "--no-such-flag"},
		"no project":       {"review", "--project", t.TempDir()},
	} {
		if _, stderr, code := run(t, ".", args...); code != ExitUsage {
			t.Errorf("%s: exit %d, want %d (%s)", name, code, ExitUsage, stderr)
		}
	}
}
