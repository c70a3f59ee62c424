package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// historyRevision is a revision file of the history tests: its header values
// are Python literals.
type historyRevision struct{ id, down, labels, depends, message string }

func (r historyRevision) source() string {
	return fmt.Sprintf("\"\"\"%s\n\nRevision ID: %s\n\"\"\"\nrevision = %q\ndown_revision = %s\nbranch_labels = %s\ndepends_on = %s\n\n\n"+
		"def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n", r.message, r.id, r.id, r.down, r.labels, r.depends)
}

// historyShapes are the graphs the history tests compare with alembic:
// linear with a branch label in the middle (alembic gives it to the whole
// line), and branches with a label, a merge, depends_on and an effective head.
var historyShapes = map[string][]historyRevision{
	"linear": {
		{"a1", "None", "None", "None", "create users"},
		{"b2", `"a1"`, `("x",)`, "None", "add orders"},
		{"c3", `"b2"`, "None", "None", "add items"},
	},
	"branches": {
		{"a1", "None", "None", "None", "create users"},
		{"b2", `"a1"`, `("shop",)`, "None", "shop branch start"},
		{"c3", `"a1"`, "None", "None", "other side"},
		{"d4", `("b2", "c3")`, "None", "None", "merge"},
		{"e5", `"b2"`, "None", "None", "shop continues"},
		{"f6", "None", `("audit",)`, `"c3"`, "audit base"},
		{"g7", "None", "None", "None", "reports base"},
		{"h8", `"g7"`, "None", "None", "reports table"},
		{"i9", "None", "None", `"h8"`, "needs reports"},
	},
}

func historyProject(t *testing.T, revs []historyRevision) string {
	t.Helper()
	files := map[string]string{}
	for _, r := range revs {
		files[r.id+"_x.py"] = r.source()
	}
	dir := newProject(t, files, "")
	must(t, os.WriteFile(filepath.Join(dir, "migrations", "env.py"), nil, 0o644))
	return dir
}

// historyLines are the revision lines of `history`'s text, newest first.
func historyLines(t *testing.T, dir string) []string {
	t.Helper()
	out, errOut, code := run(t, dir, "history")
	if code == ExitUsage {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n")[1:] {
		if l == "" {
			break
		}
		lines = append(lines, strings.TrimPrefix(l, "  "))
	}
	return lines
}

// TestHistoryText: history lists the revisions newest first, each after the
// revisions that follow it, with its parents, branch labels, marks and message.
func TestHistoryText(t *testing.T) {
	dir := historyProject(t, historyShapes["branches"])
	out, _, _ := run(t, dir, "history")
	for _, want := range []string{
		"migrations/versions: 9 revisions\n",
		"  b2, c3 -> d4 (shop) (head) (mergepoint), merge\n",
		"  a1 -> b2 (shop) (branchpoint), shop branch start\n",
		"  <base> (c3) -> f6 (audit) (head), audit base\n",
		"  g7 -> h8 (effective head), reports table\n",
		"  <base> -> a1 (branchpoint), create users\n",
		"\n  heads:  d4, e5, f6, h8, i9\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	lines := historyLines(t, dir)
	at := map[string]int{}
	for i, l := range lines {
		id := strings.Fields(strings.SplitN(l, " -> ", 2)[1])[0]
		at[strings.TrimSuffix(id, ",")] = i
	}
	for _, r := range historyShapes["branches"] {
		for _, parent := range strings.FieldsFunc(r.down+" "+r.depends, func(c rune) bool { return strings.ContainsRune(`()", `, c) }) {
			if parent != "None" && at[parent] < at[r.id] {
				t.Errorf("%s is listed before %s, which follows it:\n%s", parent, r.id, strings.Join(lines, "\n"))
			}
		}
	}

	out, _, _ = run(t, dir, "history", "--format", "json")
	var doc struct {
		ScriptDirectories []struct {
			Revisions []struct {
				Revision     string
				BranchLabels []string `json:"branch_labels"`
				Branches     []string
				Marks        []string
			}
		} `json:"script_directories"`
	}
	must(t, json.Unmarshal([]byte(out), &doc))
	for _, r := range doc.ScriptDirectories[0].Revisions {
		if r.Revision == "d4" && (!slices.Equal(r.Marks, []string{"head", "mergepoint"}) || !slices.Equal(r.Branches, []string{"shop"}) || len(r.BranchLabels) != 0) {
			t.Errorf("d4 in JSON: %+v", r)
		}
	}
}

// TestHistoryLikeAlembic: the revision lines are the ones `alembic history`
// prints (as a set: alembic's order between branches depends on Python's hash
// seed), in alembic's order for a linear history.
func TestHistoryLikeAlembic(t *testing.T) {
	alembic := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	for name, revs := range historyShapes {
		t.Run(name, func(t *testing.T) {
			dir := historyProject(t, revs)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, alembic, "history")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("alembic history: %v\n%s", err, out)
			}
			want := strings.Split(strings.TrimSpace(string(out)), "\n")
			got := historyLines(t, dir)
			if name == "linear" && !slices.Equal(got, want) {
				t.Errorf("history:\n%s\nalembic history:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("history (sorted):\n%s\nalembic history (sorted):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestHistoryOnSharedHistory: a history merged with other packages' through an
// entry point names a revision it lacks; history says what check says (an
// info, "not in this history") and, like check, exits 0 for it. Without the
// entry point the same revision is an error, and both exit 1.
func TestHistoryOnSharedHistory(t *testing.T) {
	revs := map[string]string{"a1_x.py": historyRevision{"a1", "None", `("pkg",)`, `"dbdbc1b19cf2"`, "pkg branch"}.source()}
	for _, tt := range []struct {
		name, pyproject, severity, text string
		exit                            int
	}{
		{"entry point", "[project]\nname = \"pkg\"\n\n[project.entry-points.\"invenio_db.alembic\"]\npkg = \"pkg:alembic\"\n",
			"info", "is not in this history", ExitOK},
		{"no entry point", "[project]\nname = \"pkg\"\n", "error", "does not exist", ExitFindings},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t, revs, tt.pyproject)
			must(t, os.WriteFile(filepath.Join(dir, "migrations", "env.py"), nil, 0o644))
			out, errOut, code := run(t, dir, "history", "--format", "json")
			if code != tt.exit {
				t.Fatalf("history exit %d, want %d: %s", code, tt.exit, errOut)
			}
			var doc struct {
				ScriptDirectories []struct {
					Problems []struct{ Rule, Severity, Message string }
				} `json:"script_directories"`
			}
			must(t, json.Unmarshal([]byte(out), &doc))
			problems := doc.ScriptDirectories[0].Problems
			if len(problems) != 1 || problems[0].Rule != "missing-down-revision" || problems[0].Severity != tt.severity ||
				!strings.Contains(problems[0].Message, tt.text) {
				t.Errorf("problems = %+v, want one %s missing-down-revision saying %q", problems, tt.severity, tt.text)
			}
			if _, errOut, code := run(t, dir, "check"); code != tt.exit {
				t.Errorf("check exit %d, want %d (as history): %s", code, tt.exit, errOut)
			}
		})
	}
}
