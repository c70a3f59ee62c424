package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
)

// TestIndexNotConcurrentUnsafeFix applies the (unsafe) fixes of every firing case
// except the SQL ones, which have none, and checks the result parses, the rule no
// longer fires, and concurrently-in-transaction (when registered) does not fire.
func TestIndexNotConcurrentUnsafeFix(t *testing.T) {
	rule, _ := Get("index-not-concurrent")
	cases, _ := filepath.Glob(filepath.Join("testdata", rule.ID, "*"))
	for _, dir := range cases {
		name := filepath.Base(dir)
		if strings.HasPrefix(name, "ok") || strings.HasPrefix(name, "sql_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			fixed := applyAllFixes(t, dir, RunOn(t, dir, rule))
			if strings.HasSuffix(name, "_nofix") {
				if fixed != "" {
					t.Fatal("a fix was offered where none should be")
				}
				return
			}
			if fixed == "" {
				t.Fatal("no fix offered")
			}
			check := []*Rule{rule}
			if other, ok := Get("concurrently-in-transaction"); ok {
				check = append(check, other)
			}
			for _, r := range check {
				for _, d := range RunOn(t, fixed, r) { // RunOn fails the test when a file does not parse
					t.Errorf("after the fix, %s reports %s:%d: %s", r.ID, filepath.Base(d.Path), d.Span.StartLine, d.Message)
				}
			}
			again := applyAllFixes(t, fixed, RunOn(t, fixed, rule))
			if again != "" {
				t.Error("the fix is not idempotent: the fixed files get fixes again")
			}
		})
	}
}

// applyAllFixes writes a copy of a case directory with every fix (safe or not)
// applied and returns its path, or "" when no finding carries a fix.
func applyAllFixes(t *testing.T, dir string, got []Diagnostic) string {
	t.Helper()
	byFile := map[string][]TextEdit{}
	for _, d := range got {
		for _, f := range d.Fixes {
			byFile[filepath.Base(d.Path)] = append(byFile[filepath.Base(d.Path)], f.Edits...)
		}
	}
	if len(byFile) == 0 {
		return ""
	}
	out := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if edits := byFile[filepath.Base(f)]; edits != nil {
			if src, err = edit.Apply(src, edits); err != nil {
				t.Fatalf("fix for %s: %v", f, err)
			}
			t.Logf("%s after the fix:\n%s", filepath.Base(f), src)
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
