package hook

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

const base = `"""create accounts

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
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("accounts")
`

// broken leaves its enum type behind in downgrade (an error finding).
const broken = `"""orders

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
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")
`

var clean = strings.Replace(broken, `    op.drop_table("orders")
`, `    op.drop_table("orders")
    sa.Enum(name="status_type").drop(op.get_bind(), checkfirst=True)
`, 1)

// newProject writes an Alembic project; files are relative to its root.
func newProject(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["alembic.ini"] = "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n"
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return real
}

func payload(t testing.TB, event, tool string, cwd string, input, response any, extra map[string]any) string {
	t.Helper()
	m := map[string]any{
		"session_id":      "abc123",
		"transcript_path": filepath.Join(t.TempDir(), "transcript.jsonl"),
		"cwd":             cwd,
		"permission_mode": "default",
		"hook_event_name": event,
		"tool_name":       tool,
		"tool_input":      input,
		"tool_use_id":     "toolu_01",
	}
	if response != nil {
		m["tool_response"] = response
	}
	for k, v := range extra {
		m[k] = v
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func run(t testing.TB, stdin string, opts Options) Outcome {
	t.Helper()
	return PostToolUse(context.Background(), strings.NewReader(stdin), opts)
}

func writePayload(t testing.TB, dir, rel string) string {
	path := filepath.Join(dir, rel)
	return payload(t, "PostToolUse", "Write", dir,
		map[string]any{"file_path": path, "content": mustRead(t, path)},
		map[string]any{"filePath": path, "success": true}, nil)
}

func mustRead(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestEditedMigrationWithError(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   broken,
	})
	out := run(t, writePayload(t, dir, "migrations/versions/0002_orders.py"), Options{})
	if out.Code != ExitReport {
		t.Fatalf("exit %d, want 2; stderr:\n%s", out.Code, out.Stderr)
	}
	if out.Stdout != "" {
		t.Errorf("stdout %q, want nothing (exit 2 reports on stderr)", out.Stdout)
	}
	for _, want := range []string{"migrations/versions/0002_orders.py", "enum-type-not-dropped", "status_type", "= help: After a downgrade the next upgrade fails with: type \"status_type\" already exists", "fix_migration", "alembic-patterns fix"} {
		if !strings.Contains(out.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out.Stderr)
		}
	}
	// between the header and the advice: the findings (location, then indented
	// snippet, fix and the like) and nothing else, e.g. no summary line about
	// the whole project
	_, body, _ := strings.Cut(out.Stderr, "Errors found after this edit:\n")
	body, _, _ = strings.Cut(body, "\nIt has a safe automatic fix")
	findingLine := regexp.MustCompile(`^(migrations/versions/0002_orders\.py:\d+:\d+: error\[|\d* +\||\s)`)
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if line != "" && !findingLine.MatchString(line) {
			t.Errorf("stderr has a line that is not part of a finding: %q\n%s", line, out.Stderr)
		}
	}
}

func TestEditIsCheckedInContext(t *testing.T) {
	// 0002 alone is fine; it is wrong only because 0001 already created the type.
	first := strings.Replace(base, `sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),`, `sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=False),
        sa.PrimaryKeyConstraint("id"),`, 1)
	first = strings.Replace(first, `    op.drop_table("accounts")
`, `    op.drop_table("accounts")
    sa.Enum(name="status_type").drop(op.get_bind(), checkfirst=True)
`, 1)
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": first,
		"migrations/versions/0002_orders.py":   clean,
	})
	out := run(t, writePayload(t, dir, "migrations/versions/0002_orders.py"), Options{})
	if out.Code != ExitReport || !strings.Contains(out.Stderr, "enum-type-recreated") {
		t.Fatalf("exit %d, want 2 with enum-type-recreated:\n%s", out.Code, out.Stderr)
	}
}

func TestCleanMigrationIsSilent(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   clean,
	})
	for _, tool := range []string{"Write", "Edit", "MultiEdit"} {
		path := filepath.Join(dir, "migrations/versions/0002_orders.py")
		input := map[string]any{"file_path": path, "old_string": "a", "new_string": "b", "replace_all": false}
		out := run(t, payload(t, "PostToolUse", tool, dir, input, map[string]any{"filePath": path}, nil), Options{})
		if out != (Outcome{}) {
			t.Errorf("%s of a clean migration: %+v, want exit 0 and no output", tool, out)
		}
	}
}

// TestTooLargeFileIsNamed: an edited revision of more operations than one
// file may have is not checked operation by operation (which took minutes);
// the hook says so without blocking.
func TestTooLargeFileIsNamed(t *testing.T) {
	wide := synth.WideRevision(synth.WideOptions{Ops: migration.MaxOps + 1})
	dir := newProject(t, map[string]string{"migrations/versions/0002_many.py": wide,
		"migrations/versions/0001_wide.py": "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '000000000001'\ndown_revision = None\n\n\n" +
			"def upgrade():\n    op.create_table('wide', sa.Column('id', sa.Integer()))\n\n\ndef downgrade():\n    op.drop_table('wide')\n"})
	out := run(t, writePayload(t, dir, "migrations/versions/0002_many.py"), Options{})
	if out.Code != ExitOK || out.Stderr != "" || !strings.Contains(out.Stdout, "migrations/versions/0002_many.py is too large to analyse fully") ||
		!strings.Contains(out.Stdout, "additionalContext") {
		t.Errorf("exit %d, stdout %q, stderr %q", out.Code, out.Stdout, out.Stderr)
	}
}

func TestOnlyTheEditedFileIsReported(t *testing.T) {
	// 0001 has an error; editing 0002 (clean) must not report it.
	bad := strings.Replace(broken, `"0002"`, `"0001"`, 1)
	bad = strings.Replace(bad, `down_revision = "0001"`, `down_revision = None`, 1)
	next := strings.Replace(base, `revision = "0001"
down_revision = None`, `revision = "0002"
down_revision = "0001"`, 1)
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_orders.py":   bad,
		"migrations/versions/0002_accounts.py": next,
	})
	if out := run(t, writePayload(t, dir, "migrations/versions/0002_accounts.py"), Options{}); out != (Outcome{}) {
		t.Errorf("edit of a clean file reported another file's error: %+v", out)
	}
	if out := run(t, writePayload(t, dir, "migrations/versions/0001_orders.py"), Options{}); out.Code != ExitReport {
		t.Errorf("edit of the broken file: exit %d", out.Code)
	}
}

func TestNonMigrationFilesAreSilent(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"models.py":                            "import sqlalchemy as sa\n",
		"README.md":                            "# app\n",
		"migrations/env.py":                    "from alembic import context\n",
	})
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "x.py"), []byte("down_revision = None\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(dir, "models.py"),
		filepath.Join(dir, "README.md"),
		filepath.Join(dir, "migrations/env.py"),
		filepath.Join(outside, "x.py"),
		filepath.Join(dir, "migrations/versions/deleted.py"),
	} {
		out := run(t, payload(t, "PostToolUse", "Write", dir, map[string]any{"file_path": p, "content": "x"}, nil, nil), Options{})
		if out != (Outcome{}) {
			t.Errorf("%s: %+v, want exit 0 and no output", p, out)
		}
	}
	// Tools the hook does not handle.
	for _, tool := range []string{"Read", "Glob", "mcp__plugin_migrate_alembic__check_migration"} {
		out := run(t, payload(t, "PostToolUse", tool, dir, map[string]any{"file_path": filepath.Join(dir, "migrations/versions/0001_accounts.py")}, nil, nil), Options{})
		if out != (Outcome{}) {
			t.Errorf("%s: %+v, want exit 0 and no output", tool, out)
		}
	}
}

func TestRelativePathUsesCwd(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   broken,
	})
	out := run(t, payload(t, "PostToolUse", "Edit", dir, map[string]any{"file_path": "migrations/versions/0002_orders.py"}, nil, nil), Options{})
	if out.Code != ExitReport {
		t.Errorf("relative path: exit %d, want 2", out.Code)
	}
}

func TestPyprojectProject(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"pyproject.toml":                    "[tool.alembic]\nscript_location = \"db\"\n",
		"db/versions/0001_accounts.py":      base,
		"db/versions/0002_orders.py":        broken,
		"src/app/__init__.py":               "",
		"db/versions/__init__.py":           "",
		"db/versions/__pycache__/README.md": "",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := run(t, writePayload(t, dir, "db/versions/0002_orders.py"), Options{})
	if out.Code != ExitReport {
		t.Errorf("pyproject [tool.alembic] project: exit %d, want 2\n%s", out.Code, out.Stderr)
	}
}

// failedUpgrade is what `alembic upgrade head` prints when the downgrade of the
// previous round left the enum type behind (verbatim shape of a real run).
const failedUpgrade = `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade 0001 -> 0002, orders
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/sqlalchemy/engine/base.py", line 1900, in _execute_context
    self.dialect.do_execute(
psycopg2.errors.DuplicateObject: type "status_type" already exists


The above exception was the direct cause of the following exception:

sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists

[SQL: CREATE TYPE status_type AS ENUM ('pending', 'shipped')]
(Background on this error at: https://sqlalche.me/e/14/f405)
`

func hookContext(t *testing.T, out Outcome) (event, context string) {
	t.Helper()
	if out.Code != ExitOK || out.Stderr != "" {
		t.Fatalf("exit %d, stderr %q: want exit 0 with JSON on stdout", out.Code, out.Stderr)
	}
	var doc struct {
		HookSpecificOutput struct {
			HookEventName     string `json:"hookEventName"`
			AdditionalContext string `json:"additionalContext"`
		} `json:"hookSpecificOutput"`
	}
	if !strings.HasPrefix(out.Stdout, "{") {
		t.Fatalf("stdout %q does not start with {", out.Stdout)
	}
	if err := json.Unmarshal([]byte(out.Stdout), &doc); err != nil {
		t.Fatalf("stdout is not the hook JSON: %v\n%s", err, out.Stdout)
	}
	return doc.HookSpecificOutput.HookEventName, doc.HookSpecificOutput.AdditionalContext
}

func TestFailedAlembicUpgrade(t *testing.T) {
	cwd := t.TempDir()
	cases := map[string]string{
		// PostToolUse with the output in tool_response (a shell line that hid the exit status).
		"PostToolUse": payload(t, "PostToolUse", "Bash", cwd,
			map[string]any{"command": "alembic upgrade head 2>&1 | tail -20", "description": "Apply migrations"},
			map[string]any{"stdout": failedUpgrade, "stderr": "", "interrupted": false, "isImage": false}, nil),
		// PostToolUse reporting a non-zero exit status.
		"PostToolUse exit code": payload(t, "PostToolUse", "Bash", cwd,
			map[string]any{"command": "uv run alembic upgrade head"},
			map[string]any{"stdout": "", "stderr": strings.ReplaceAll(failedUpgrade, "Traceback (most recent call last):\n", ""), "exit_code": 1}, nil),
		// PostToolUseFailure: what Claude Code sends when the Bash command failed.
		"PostToolUseFailure": payload(t, "PostToolUseFailure", "Bash", cwd,
			map[string]any{"command": "cd backend && alembic upgrade head"}, nil,
			map[string]any{"error": "Exit code 1\n" + failedUpgrade, "is_interrupt": false}),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			event, ctx := hookContext(t, run(t, in, Options{}))
			want := strings.Fields(name)[0]
			if event != want {
				t.Errorf("hookEventName %q, want %q", event, want)
			}
			for _, s := range []string{`type "status_type" already exists`, "enum-type-not-dropped", "cause:", "fix:"} {
				if !strings.Contains(ctx, s) {
					t.Errorf("additionalContext lacks %q:\n%s", s, ctx)
				}
			}
		})
	}
}

func TestSuccessfulOrUnrelatedBashIsSilent(t *testing.T) {
	cwd := t.TempDir()
	ok := `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade 0001 -> 0002, orders
`
	for name, in := range map[string]string{
		"successful upgrade": payload(t, "PostToolUse", "Bash", cwd, map[string]any{"command": "alembic upgrade head"},
			map[string]any{"stdout": "", "stderr": ok, "interrupted": false}, nil),
		"not alembic": payload(t, "PostToolUse", "Bash", cwd, map[string]any{"command": "pytest -x"},
			map[string]any{"stdout": failedUpgrade, "stderr": ""}, nil),
		"not alembic, failed": payload(t, "PostToolUseFailure", "Bash", cwd, map[string]any{"command": "python manage.py migrate"}, nil,
			map[string]any{"error": failedUpgrade}),
		"alembic as a directory": payload(t, "PostToolUseFailure", "Bash", cwd, map[string]any{"command": "ls alembic/versions"}, nil,
			map[string]any{"error": "ls: cannot access 'alembic/versions': No such file or directory"}),
		"interrupted": payload(t, "PostToolUseFailure", "Bash", cwd, map[string]any{"command": "alembic upgrade head"}, nil,
			map[string]any{"error": failedUpgrade, "is_interrupt": true}),
		"unknown error": payload(t, "PostToolUseFailure", "Bash", cwd, map[string]any{"command": "alembic upgrade head"}, nil,
			map[string]any{"error": "Exit code 1\nsomething odd happened"}),
		"failed edit": payload(t, "PostToolUseFailure", "Edit", cwd, map[string]any{"file_path": "/nonexistent/versions/x.py"}, nil,
			map[string]any{"error": "String to replace not found in file."}),
	} {
		if out := run(t, in, Options{}); out != (Outcome{}) {
			t.Errorf("%s: %+v, want exit 0 and no output", name, out)
		}
	}
}

func TestRunsAlembic(t *testing.T) {
	for cmd, want := range map[string]bool{
		"alembic upgrade head":                        true,
		"alembic -c prod.ini downgrade -1":            true,
		"uv run alembic upgrade head":                 true,
		"poetry run alembic revision --autogenerate":  true,
		".venv/bin/alembic upgrade head":              true,
		"python -m alembic upgrade head":              true,
		"cd backend && alembic upgrade head":          true,
		"DATABASE_URL=postgresql://x alembic upgrade": true,
		"(cd app; alembic current)":                   true,
		"alembic-patterns check":                      false,
		"cat alembic.ini":                             false,
		"ls alembic/versions":                         false,
		"cd alembic":                                  false,
		"git add alembic":                             false,
		"pytest tests/test_alembic_setup.py":          false,
		"grep -r alembic .":                           false,
		"timeout 60 alembic upgrade head":             true,
		"uv run --frozen alembic upgrade head":        true,
		"echo done; alembic upgrade head | tee log":   true,
	} {
		if got := runsAlembic(cmd); got != want {
			t.Errorf("runsAlembic(%q) = %v, want %v", cmd, got, want)
		}
	}
}

func TestMalformedInputNeverFails(t *testing.T) {
	for _, in := range []string{"", "garbage", "{", "[]", `{"tool_name": 42}`, `{"tool_name":"Write","tool_input":"x"}`,
		`{"tool_name":"Bash","tool_input":{"command":["alembic"]}}`, `{"tool_name":"Write","tool_input":{"file_path":42}}`} {
		var log bytes.Buffer
		out := run(t, in, Options{Log: zerolog.New(&log)})
		if out != (Outcome{}) {
			t.Errorf("%q: %+v, want exit 0 and no output", in, out)
		}
		if in == "garbage" && !strings.Contains(log.String(), "hook") {
			t.Errorf("%q: nothing logged", in)
		}
	}
}

// TestCacheKeepsResults: with the model cache, results are the same as
// without it, on the first (cold) and the second (warm) run, after a context
// file changed, and with every entry corrupt.
func TestCacheKeepsResults(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   broken,
	})
	cache := t.TempDir()
	in := writePayload(t, dir, "migrations/versions/0002_orders.py")
	want := run(t, in, Options{})
	for i := range 2 {
		if got := run(t, in, Options{CacheDir: cache}); got != want {
			t.Fatalf("run %d with cache: %+v\nwithout: %+v", i, got, want)
		}
	}
	if packs := cachePacks(t, cache); len(packs) != 1 {
		t.Fatalf("cache packs: %v, want one (the cold run's; the warm run parses nothing)", packs)
	}
	// 0001 now creates the type too: 0002 must be reported for re-creating it.
	first := strings.Replace(base, `sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),`, `sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=False),
        sa.PrimaryKeyConstraint("id"),`, 1)
	p := filepath.Join(dir, "migrations/versions/0001_accounts.py")
	if err := os.WriteFile(p, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	want = run(t, in, Options{})
	got := run(t, in, Options{CacheDir: cache})
	if got != want || !strings.Contains(got.Stderr, "enum-type-recreated") {
		t.Fatalf("after a context change, with cache: %+v\nwithout: %+v", got, want)
	}
	// Corrupt packs are ignored.
	for _, e := range cachePacks(t, cache) {
		if err := os.WriteFile(e, []byte("not a pack"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got := run(t, in, Options{CacheDir: cache}); got != want {
		t.Fatalf("corrupt cache: %+v\nwant %+v", got, want)
	}
}

// cachePacks lists the pack files of a model cache directory.
func cachePacks(t *testing.T, dir string) []string {
	t.Helper()
	packs, err := filepath.Glob(filepath.Join(dir, "*", "*.pack"))
	if err != nil {
		t.Fatal(err)
	}
	return packs
}

// checkBoth checks each of files the way the hook does, once with every
// model parsed from disk and once with the models read from a warm cache,
// and requires the same findings.
func checkBoth(t testing.TB, dir string, files []string) (findings, hits int) {
	t.Helper()
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.(interface{ TempDir() string }).TempDir()
	warm := modelcache.New(cacheDir, zerolog.Nop())
	if _, err := check.Run(context.Background(), proj, check.Options{Parse: warm.Parse}); err != nil {
		t.Fatal(err)
	}
	warm.Flush()
	for _, f := range files {
		for _, profile := range []string{"default", "zero-downtime"} {
			want, err := check.Run(context.Background(), proj, check.Options{Profile: profile, Files: []string{f}})
			if err != nil {
				t.Fatal(err)
			}
			cached := modelcache.New(cacheDir, zerolog.Nop())
			got, err := check.Run(context.Background(), proj, check.Options{Profile: profile, Files: []string{f}, Parse: cached.Parse})
			if err != nil {
				t.Fatal(err)
			}
			h, misses := cached.Counts()
			if misses != 0 {
				t.Fatalf("%s: %d files parsed again instead of read from the cache", dir, misses)
			}
			hits += h
			if !reflect.DeepEqual(got.Errors, want.Errors) {
				t.Fatalf("%s (%s): file errors differ with cached models:\ncached: %v\nparsed: %v", f, profile, got.Errors, want.Errors)
			}
			if !reflect.DeepEqual(got.Findings, want.Findings) {
				t.Fatalf("%s (%s): findings differ with cached models:\ncached: %+v\nparsed: %+v", f, profile, got.Findings, want.Findings)
			}
			findings += len(want.Findings)
		}
	}
	return findings, hits
}

// TestCacheEquivalence: for every revision file of every rule fixture, the
// findings (with their fixes) the hook computes with the cache equal those
// without it.
func TestCacheEquivalence(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("rule fixtures: %v %v", cases, err)
	}
	total, hits, projects := 0, 0, 0
	for _, c := range cases {
		revs, _ := filepath.Glob(filepath.Join(c, "*.py"))
		if len(revs) == 0 {
			continue
		}
		files := map[string]string{}
		for _, r := range revs {
			if filepath.Base(r) == "env.py" {
				files["migrations/env.py"] = mustRead(t, r)
				continue
			}
			files["migrations/versions/"+filepath.Base(r)] = mustRead(t, r)
		}
		dir := newProject(t, files)
		all, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
		n, h := checkBoth(t, dir, all)
		total, hits = total+n, hits+h
		projects++
	}
	if total < 50 || hits < 100 {
		t.Errorf("%d findings, %d models from the cache over %d fixture projects: the comparison proves little", total, hits, projects)
	}
	t.Logf("%d fixture projects, %d findings, %d models from the cache: identical results", projects, total, hits)
}

// TestProjectAsFoundFromTheSession: an edit in a Flask-Migrate project outside
// a git checkout is checked in the project the session's directory holds, so
// on the dialect its requirements.txt names (MySQL), as `check` does.
func TestProjectAsFoundFromTheSession(t *testing.T) {
	top := testenv.MySQLBesideMigrations(t)
	out := run(t, writePayload(t, top, testenv.Revision), Options{})
	if out.Code != ExitReport || !strings.Contains(out.Stderr, "mysql-alter-column-incomplete") {
		t.Fatalf("exit %d, want 2 with mysql-alter-column-incomplete:\n%s", out.Code, out.Stderr)
	}
}
