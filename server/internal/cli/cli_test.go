package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

const orders = `"""create orders

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")
`

const items = `"""items

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("a", "b", name="item_kind"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("items")
`

// newProject writes an Alembic project with the given revision files.
func newProject(t *testing.T, files map[string]string, pyproject string) string {
	t.Helper()
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "alembic.ini"), []byte("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n"), 0o644))
	if pyproject != "" {
		must(t, os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte(pyproject), 0o644))
	}
	for name, src := range files {
		must(t, os.WriteFile(filepath.Join(dir, "migrations", "versions", name), []byte(src), 0o644))
	}
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir})
	return out.String(), errb.String(), code
}

func TestCheckText(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	out, _, code := run(t, dir, "check")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1; output:\n%s", code, out)
	}
	for _, want := range []string{
		"migrations/versions/0001_orders.py:25:5: error[enum-type-not-dropped]",
		`type "status_type" already exists`,
		`25 |     op.drop_table("orders")`,
		"   |     ^^^^^^^^^^^^^^^^^^^^^^^",
		"= fix (safe): Drop enum type status_type after drop_table",
		"1 problem (1 error) in 1 revision file. 1 fixable with `alembic-patterns fix`.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// TestScopedSummary: checking one file of a history whose other revisions have
// errors says what was checked and that the others have errors.
func TestScopedSummary(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": items}, "")
	fixed := strings.Replace(items, `op.drop_table("items")`, `op.drop_table("items")
    sa.Enum(name="item_kind").drop(op.get_bind(), checkfirst=True)`, 1)
	must(t, os.WriteFile(filepath.Join(dir, "migrations", "versions", "0002_items.py"), []byte(fixed), 0o644))
	out, _, code := run(t, dir, "check", "migrations/versions/0002_items.py")
	if code != ExitOK {
		t.Errorf("exit %d, want 0 (the checked file is clean)", code)
	}
	want := "0002: no problems (1 of 2 revisions checked). The other revisions have 1 error: run `alembic-patterns check` to see them."
	if !strings.Contains(out, want) {
		t.Errorf("summary lacks %q:\n%s", want, out)
	}
	out, _, _ = run(t, dir, "check")
	if want := "1 problem (1 error) in 2 revision files."; !strings.Contains(out, want) {
		t.Errorf("summary lacks %q:\n%s", want, out)
	}
}

// TestJSONWhenNothingCanBeRead: asked for JSON, check and history print a
// document even when no project can be found (and exit 2).
func TestJSONWhenNothingCanBeRead(t *testing.T) {
	for _, cmd := range []string{"check", "history"} {
		out, _, code := run(t, t.TempDir(), cmd, "--format", "json")
		var doc struct {
			Version int
			Errors  []struct{ Path, Message string }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || code != ExitUsage || doc.Version != 1 || len(doc.Errors) != 1 ||
			!strings.Contains(doc.Errors[0].Message, "no Alembic project found") {
			t.Errorf("%s: exit %d, %v, %+v:\n%s", cmd, code, err, doc, out)
		}
	}
}

func TestCheckJSONShape(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	out, _, code := run(t, dir, "check", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var doc map[string]any
	must(t, json.Unmarshal([]byte(out), &doc))
	if got := slices.Sorted(mapKeys(doc)); !slices.Equal(got, []string{"checked", "elsewhere", "errors", "files", "findings", "notes", "summary", "version"}) {
		t.Fatalf("top-level keys %v", got)
	}
	if doc["version"].(float64) != 1 || doc["files"].(float64) != 1 {
		t.Fatalf("version/files: %v", doc)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	want := map[string]any{"rule": "enum-type-not-dropped", "severity": "error", "path": "migrations/versions/0001_orders.py",
		"line": 25.0, "column": 5.0, "end_line": 25.0, "end_column": 28.0, "revision": "0001"}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("finding[%s] = %v, want %v", k, f[k], v)
		}
	}
	fix := f["fix"].(map[string]any)
	if fix["safety"] != "safe" || !strings.Contains(fix["description"].(string), "status_type") {
		t.Errorf("fix = %v", fix)
	}
}

func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestCheckExitCodesAndErrors(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	clean := newProject(t, map[string]string{"0001_orders.py": strings.Replace(orders, `op.drop_table("orders")`,
		"op.drop_table(\"orders\")\n    sa.Enum(name=\"status_type\").drop(op.get_bind(), checkfirst=True)", 1)}, "")
	cases := []struct {
		name string
		dir  string
		args []string
		code int
		err  string
	}{
		{"clean project", clean, []string{"check"}, ExitOK, ""},
		{"findings", dir, []string{"check"}, ExitFindings, ""},
		{"ignored rule", dir, []string{"check", "--ignore", "enum-type-not-dropped"}, ExitOK, ""},
		{"unknown rule", dir, []string{"check", "--select", "no-such-rule"}, ExitUsage, `unknown rule "no-such-rule"`},
		{"unknown format", dir, []string{"check", "--format", "xml"}, ExitUsage, `unknown format "xml"`},
		{"unknown profile", dir, []string{"check", "--profile", "fast"}, ExitUsage, `unknown profile "fast"`},
		{"no project", t.TempDir(), []string{"check"}, ExitUsage, "no Alembic project found"},
		{"missing path", dir, []string{"check", "nope/"}, ExitUsage, "nope"},
		{"unknown since", dir, []string{"check", "--since", "zzz"}, ExitUsage, `no revision "zzz"`},
		{"unknown command", dir, []string{"frobnicate"}, ExitUsage, `unknown command "frobnicate"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := run(t, c.dir, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errOut)
			}
			if !strings.Contains(errOut, c.err) {
				t.Fatalf("stderr %q lacks %q", errOut, c.err)
			}
		})
	}
}

func TestCheckSyntaxErrorKeepsOtherFiles(t *testing.T) {
	broken := strings.Replace(items, `op.drop_table("items")`, `op.drop_table("items"`, 1)
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": broken}, "")
	out, _, code := run(t, dir, "check", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, out)
	}
	var doc struct {
		Findings []struct{ Path string }
		Errors   []struct{ Path, Message string }
	}
	must(t, json.Unmarshal([]byte(out), &doc))
	if len(doc.Errors) != 1 || doc.Errors[0].Path != "migrations/versions/0002_items.py" || !strings.Contains(doc.Errors[0].Message, "syntax error") {
		t.Fatalf("errors = %+v", doc.Errors)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Path != "migrations/versions/0001_orders.py" {
		t.Fatalf("findings = %+v", doc.Findings)
	}
}

func TestSuppressionAndConfig(t *testing.T) {
	suppressed := strings.Replace(orders, `op.drop_table("orders")`, `op.drop_table("orders")  # alembic-patterns: ignore[enum-type-not-dropped]`, 1)
	stale := strings.Replace(items, `op.drop_table("items")`,
		"# alembic-patterns: ignore[enum-type-not-dropped]\n    op.drop_table(\"items\")\n    sa.Enum(name=\"item_kind\").drop(op.get_bind())\n    # alembic-patterns: ignore[enum-type-not-dropped]", 1)
	dir := newProject(t, map[string]string{"0001_orders.py": suppressed, "0002_items.py": stale}, "")
	out, _, _ := run(t, dir, "check", "--format", "json", "--fail-on", "info")
	var doc struct {
		Findings []struct {
			Rule, Path string
			Line       int
		}
	}
	must(t, json.Unmarshal([]byte(out), &doc))
	if len(doc.Findings) != 2 {
		t.Fatalf("want two unused-ignore findings, got %+v", doc.Findings)
	}
	for _, f := range doc.Findings {
		if f.Rule != "unused-ignore" || f.Path != "migrations/versions/0002_items.py" {
			t.Errorf("unexpected finding %+v", f)
		}
	}

	fileLevel := "# alembic-patterns: ignore-file[enum-type-not-dropped]\n" + orders
	dir = newProject(t, map[string]string{"0001_orders.py": fileLevel}, "")
	if out, _, code := run(t, dir, "check"); code != ExitOK {
		t.Fatalf("file-level ignore: exit %d\n%s", code, out)
	}

	dir = newProject(t, map[string]string{"0001_orders.py": orders}, "[tool.alembic-patterns]\nignore = [\"enum-type-not-dropped\"]\n")
	if out, _, code := run(t, dir, "check"); code != ExitOK {
		t.Fatalf("pyproject ignore: exit %d\n%s", code, out)
	}
	dir = newProject(t, map[string]string{"0001_orders.py": orders}, "[tool.alembic-patterns]\n[tool.alembic-patterns.severity]\n\"enum-type-not-dropped\" = \"warning\"\n")
	if out, _, code := run(t, dir, "check"); code != ExitOK || !strings.Contains(out, "warning[enum-type-not-dropped]") {
		t.Fatalf("severity override: exit %d\n%s", code, out)
	}
	if _, _, code := run(t, dir, "check", "--fail-on", "warning"); code != ExitFindings {
		t.Fatalf("--fail-on warning: exit %d", code)
	}
}

func TestCheckSinceAndFiles(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": items}, "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--since", "0001"}, "0002_items.py"},
		{[]string{"check", "migrations/versions/0001_orders.py"}, "0001_orders.py"},
	} {
		out, _, _ := run(t, dir, c.args...)
		if strings.Count(out, "error[enum-type-not-dropped]") != 1 || !strings.Contains(out, c.want) {
			t.Errorf("%v: want one finding in %s:\n%s", c.args, c.want, out)
		}
	}
}

func TestGithubFormat(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	out, _, _ := run(t, dir, "check", "--format", "github")
	want := "::error file=migrations/versions/0001_orders.py,line=25,col=5,endLine=25,endColumn=28,title=alembic-patterns enum-type-not-dropped::enum type"
	if !strings.HasPrefix(out, want) {
		t.Fatalf("got %q", out)
	}
}

func TestHistoryJSON(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": items}, "")
	out, _, code := run(t, dir, "history", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var doc report.HistoryDocument
	must(t, json.Unmarshal([]byte(out), &doc))
	d := doc.ScriptDirectories[0]
	if doc.Version != 1 || d.Path != "migrations/versions" || d.RevisionCount != 2 || !slices.Equal(d.Heads, []string{"0002"}) || !slices.Equal(d.Bases, []string{"0001"}) {
		t.Fatalf("history = %+v", doc)
	}
	two := strings.Replace(items, `down_revision = "0001"`, `down_revision = None`, 1)
	dir = newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": two}, "")
	out, _, code = run(t, dir, "history")
	if code != ExitFindings || !strings.Contains(out, "multiple-heads: revision \"0001\" is one of 2 heads that no branch label separates\n"+
		"    help: The heads are 0001, 0002.") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestReferencesAreFresh(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "references")
	want := References()
	got, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(got) != len(want) {
		t.Errorf("references/ has %d files, the registry makes %d: run `go run ./server rules --write-references references`", len(got), len(want))
	}
	for name, text := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(b) != text {
			t.Errorf("references/%s is stale: run `go run ./server rules --write-references references`", name)
		}
	}
}

// TestRevisionOrder: findings, in every format, and fixes come in revision
// order (base to head), not in the order of the file names (hex revision ids
// make that look random); files outside the graph (here a duplicate) come last.
func TestRevisionOrder(t *testing.T) {
	dir := newProject(t, map[string]string{"b_orders.py": orders, "a_items.py": items, "z_again.py": orders}, "")
	want := []string{"b_orders.py", "a_items.py", "z_again.py"}
	inOrder := func(format, out string, names []string) {
		t.Helper()
		at := -1
		for _, name := range names {
			i := strings.Index(out, name)
			if i < at {
				t.Errorf("%s: %s comes before the files above it, want %v:\n%s", format, name, names, out)
			}
			at = i
		}
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		out, _, code := run(t, dir, "check", "--format", format)
		if code != ExitFindings {
			t.Errorf("%s: exit %d", format, code)
		}
		inOrder(format, out, want)
	}
	out, _, _ := run(t, dir, "check", "--format", "json")
	var doc struct{ Findings []struct{ Path, Rule string } }
	must(t, json.Unmarshal([]byte(out), &doc))
	var got []string
	for _, f := range doc.Findings {
		got = append(got, filepath.Base(f.Path)+" "+f.Rule)
	}
	if !slices.Equal(got, []string{"b_orders.py enum-type-not-dropped", "a_items.py enum-type-not-dropped", "z_again.py duplicate-revision"}) {
		t.Errorf("findings %v", got)
	}
	diff, _, _ := run(t, dir, "fix", "--diff")
	inOrder("fix --diff", diff, want[:2])
}
