package mcpserver_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestLayouts drives the real server over stdio on every layout of the sweep:
// the session starts at the top of the repository (Claude Code's project
// directory); check_migration, show_history and review_migration must read
// every revision file and find the layout's one known error, also with
// project_dir set to a subdirectory.
func TestLayouts(t *testing.T) {
	for _, l := range testenv.Layouts() {
		t.Run(l.Name, func(t *testing.T) {
			top := l.Write(t)
			s := connect(t, protocols[0], top)
			dirs := []string{""}
			if l.Subdir != "" {
				dirs = append(dirs, filepath.Join(top, l.Subdir))
			}
			for _, dir := range dirs {
				args := map[string]any{"target": "all"}
				if dir != "" {
					args["project_dir"] = dir
				}
				out := s.ok("check_migration", args)
				var hit bool
				for _, f := range list(out, "findings") {
					f := f.(map[string]any)
					hit = hit || f["rule"] == "enum-type-not-dropped" && strings.HasSuffix(l.Edit, f["path"].(string))
				}
				if !hit {
					t.Errorf("check_migration %v: no enum-type-not-dropped in %s: %v", args, l.Edit, out["findings"])
				}
				if dir == "" && int(out["files"].(float64)) != l.Revisions {
					t.Errorf("check_migration: %v files, want %d (notes %v)", out["files"], l.Revisions, out["notes"])
				}
				for _, n := range l.Notes {
					if dir == "" && !strings.Contains(strings.Join(toStrings(list(out, "notes")), "\n"), n) {
						t.Errorf("check_migration notes %v lack %q", out["notes"], n)
					}
				}
			}

			hist := s.ok("show_history", nil)
			revisions, heads := 0, 0
			for _, d := range list(hist, "script_directories") {
				d := d.(map[string]any)
				revisions += int(d["revision_count"].(float64))
				heads += len(list(d, "heads"))
			}
			if revisions != l.Revisions || heads != l.Heads {
				t.Errorf("show_history: %d revisions, %d heads; want %d and %d", revisions, heads, l.Revisions, l.Heads)
			}

			if l.Name == "monorepo" { // project_dir may name one of several configurations
				out := s.ok("check_migration", map[string]any{"target": "all", "project_dir": filepath.Join(top, "services", "worker", "alembic.ini")})
				if out["files"].(float64) != 2 || len(list(out, "findings")) != 0 {
					t.Errorf("check_migration of the worker's alembic.ini: %v files, findings %v", out["files"], out["findings"])
				}
			}

			res := s.call("review_migration", map[string]any{"target": l.Edit})
			if res.IsError || !strings.Contains(textOf(res), "enum-type-not-dropped") {
				t.Errorf("review_migration %s: %s", l.Edit, textOf(res))
			}
		})
	}
}

func toStrings(v []any) []string {
	var out []string
	for _, x := range v {
		out = append(out, x.(string))
	}
	return out
}
