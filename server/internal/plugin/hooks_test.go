package plugin

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The hook tests run the commands of hooks/hooks.json the way Claude Code does:
// ${CLAUDE_PLUGIN_ROOT} substituted, exec form (no shell), the event as JSON on
// stdin, and read the exit code, stdout and stderr.

type hookCommand struct {
	command string
	args    []string
}

// hookCommands returns the command of each "<event> <matcher>" of hooks.json.
func hookCommands(t *testing.T) map[string]hookCommand {
	t.Helper()
	var doc struct {
		Hooks map[string][]struct {
			Matcher string `json:"matcher"`
			Hooks   []struct {
				Command string   `json:"command"`
				Args    []string `json:"args"`
			} `json:"hooks"`
		} `json:"hooks"`
	}
	readJSON(t, "hooks/hooks.json", &doc)
	out := map[string]hookCommand{}
	for event, groups := range doc.Hooks {
		for _, g := range groups {
			for _, h := range g.Hooks {
				out[event+" "+g.Matcher] = hookCommand{h.Command, h.Args}
			}
		}
	}
	return out
}

// hookPlugin is a plugin directory with the launcher, hooks.json and this
// platform's binary in libexec/.
func hookPlugin(t *testing.T) string {
	t.Helper()
	dir := pluginCopy(t, false)
	data, err := os.ReadFile(binary(t))
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "libexec", "alembic-patterns-"+platform), string(data), 0o755)
	mustWrite(t, filepath.Join(dir, "hooks", "hooks.json"), mustRead(t, filepath.Join(repoRoot(t), "hooks", "hooks.json")), 0o644)
	return dir
}

// fire runs the hook registered for key with the event as stdin.
func fire(t *testing.T, plugin, key string, event map[string]any) result {
	t.Helper()
	hc, ok := hookCommands(t)[key]
	if !ok {
		t.Fatalf("hooks.json has no %q", key)
	}
	expand := func(s string) string { return strings.ReplaceAll(s, "${CLAUDE_PLUGIN_ROOT}", plugin) }
	var args []string
	for _, a := range hc.args {
		args = append(args, expand(a))
	}
	data, err := json.Marshal(event)
	if err != nil {
		t.Fatal(err)
	}
	cwd, _ := event["cwd"].(string)
	env := baseEnv("CLAUDE_PLUGIN_ROOT="+plugin, "CLAUDE_PLUGIN_DATA="+t.TempDir(), "CLAUDE_PROJECT_DIR="+cwd, "HOME="+t.TempDir())
	return runCmd(time.Minute, cwd, env, string(data), expand(hc.command), args...)
}

func event(name, tool, cwd string, input, response map[string]any, extra map[string]any) map[string]any {
	e := map[string]any{
		"session_id":      "8d3f6c1e-0000-4000-8000-000000000001",
		"transcript_path": filepath.Join(cwd, ".transcript.jsonl"),
		"cwd":             cwd,
		"permission_mode": "default",
		"hook_event_name": name,
		"tool_name":       tool,
		"tool_input":      input,
		"tool_use_id":     "toolu_01ABC",
	}
	if response != nil {
		e["tool_response"] = response
	}
	for k, v := range extra {
		e[k] = v
	}
	return e
}

const revBase = `"""accounts

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
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("orders")
`

// revEnumColumn adds an enum column without creating its type first.
const revEnumColumn = `"""order status

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
    op.add_column("orders", sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=True))


def downgrade():
    op.drop_column("orders", "status")
`

var revEnumColumnFixed = strings.Replace(strings.Replace(revEnumColumn,
	`    op.add_column("orders"`, `    sa.Enum("pending", "shipped", name="status_type").create(op.get_bind(), checkfirst=True)
    op.add_column("orders"`, 1),
	`    op.drop_column("orders", "status")
`, `    op.drop_column("orders", "status")
    sa.Enum(name="status_type").drop(op.get_bind(), checkfirst=True)
`, 1)

// hookProject writes an Alembic project whose head revision is rev2.
func hookProject(t *testing.T, rev2 string) string {
	t.Helper()
	dir := t.TempDir()
	dir, _ = filepath.EvalSymlinks(dir)
	ini := "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n"
	mustWrite(t, filepath.Join(dir, "alembic.ini"), ini, 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "env.py"), envPy, 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "versions", "0001_orders.py"), revBase, 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "versions", "0002_status.py"), rev2, 0o644)
	mustWrite(t, filepath.Join(dir, "app", "models.py"), "import sqlalchemy as sa\n", 0o644)
	return dir
}

func TestHooksOnEdits(t *testing.T) {
	plugin := hookPlugin(t)
	const key = "PostToolUse Write|Edit|MultiEdit"

	// An edited migration with an error: exit 2, the finding on stderr.
	dir := hookProject(t, revEnumColumn)
	path := filepath.Join(dir, "migrations", "versions", "0002_status.py")
	res := fire(t, plugin, key, event("PostToolUse", "Write", dir,
		map[string]any{"file_path": path, "content": revEnumColumn}, map[string]any{"filePath": path, "success": true}, nil))
	if res.code != 2 || res.stdout != "" || !strings.Contains(res.stderr, "enum-type-not-created") || !strings.Contains(res.stderr, "0002_status.py") {
		t.Errorf("migration with an error: want exit 2 with the finding on stderr:\n%s", res)
	}

	// A clean one: exit 0, silent.
	clean := hookProject(t, revEnumColumnFixed)
	path = filepath.Join(clean, "migrations", "versions", "0002_status.py")
	res = fire(t, plugin, key, event("PostToolUse", "Edit", clean,
		map[string]any{"file_path": path, "old_string": "nullable=False", "new_string": "nullable=True", "replace_all": false},
		map[string]any{"filePath": path}, nil))
	if res.err != nil || res.stdout != "" || res.stderr != "" {
		t.Errorf("clean migration: want exit 0 and no output:\n%s", res)
	}

	// A file that is not a migration, in the same project: exit 0, silent.
	models := filepath.Join(dir, "app", "models.py")
	res = fire(t, plugin, key, event("PostToolUse", "Write", dir,
		map[string]any{"file_path": models, "content": "import sqlalchemy as sa\n"}, map[string]any{"filePath": models}, nil))
	if res.err != nil || res.stdout != "" || res.stderr != "" {
		t.Errorf("non-migration file: want exit 0 and no output:\n%s", res)
	}

	// Malformed input: exit 0, silent (and a log line only when asked for).
	hc := hookCommands(t)[key]
	cmd := strings.ReplaceAll(hc.command, "${CLAUDE_PLUGIN_ROOT}", plugin)
	res = runCmd(time.Minute, dir, baseEnv("CLAUDE_PLUGIN_ROOT="+plugin), "{not json", cmd, hc.args...)
	if res.err != nil || res.stdout != "" || res.stderr != "" {
		t.Errorf("malformed JSON: want exit 0 and no output:\n%s", res)
	}
	res = runCmd(time.Minute, dir, baseEnv("CLAUDE_PLUGIN_ROOT="+plugin, "ALEMBIC_PATTERNS_LOG=debug"), "{not json", cmd, hc.args...)
	if res.err != nil || res.stdout != "" || !strings.Contains(res.stderr, "hook") {
		t.Errorf("malformed JSON with ALEMBIC_PATTERNS_LOG: want exit 0 and a log line on stderr:\n%s", res)
	}
}

// TestHooksOnAlembicRuns runs a real `alembic upgrade head` that fails and one
// that succeeds, and gives their output to the Bash hooks.
func TestHooksOnAlembicRuns(t *testing.T) {
	pgURL := testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL")
	alembicBin := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	python := testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	admin, err := url.Parse(pgURL)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{admin: admin, alembic: alembicBin, python: python}
	plugin := hookPlugin(t)

	upgrade := func(rev2 string) (string, result) {
		suffix := make([]byte, 4)
		rand.Read(suffix)
		db := "ap_hook_" + hex.EncodeToString(suffix)
		if _, err := h.query("postgres", "CREATE DATABASE "+db); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.query("postgres", "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)") })
		dir := hookProject(t, rev2)
		res := runCmd(stepTimeout, dir, pythonEnv("SNIPPET_DB_URL="+h.dsn(db, true)), "", alembicBin, "upgrade", "head")
		return dir, res
	}

	dir, failed := upgrade(revEnumColumn)
	if failed.err == nil || !strings.Contains(failed.stdout+failed.stderr, `type "status_type" does not exist`) {
		t.Fatalf("expected the upgrade to fail with type \"status_type\" does not exist:\n%s", failed)
	}
	input := map[string]any{"command": "alembic upgrade head", "description": "Apply the migrations"}
	for _, c := range []struct {
		key string
		ev  map[string]any
	}{
		// What Claude Code sends after a failed Bash command.
		{"PostToolUseFailure Bash", event("PostToolUseFailure", "Bash", dir, input, nil,
			map[string]any{"error": "Exit code 1\n" + failed.stdout + failed.stderr, "is_interrupt": false})},
		// A PostToolUse whose response carries the failure (e.g. `alembic ... | tee`).
		{"PostToolUse Bash", event("PostToolUse", "Bash", dir, map[string]any{"command": "alembic upgrade head 2>&1 | tee upgrade.log"},
			map[string]any{"stdout": failed.stdout + failed.stderr, "stderr": "", "interrupted": false, "isImage": false}, nil)},
	} {
		res := fire(t, plugin, c.key, c.ev)
		if res.err != nil || res.stderr != "" {
			t.Errorf("%s: want exit 0 with JSON on stdout:\n%s", c.key, res)
			continue
		}
		var out struct {
			HookSpecificOutput struct {
				HookEventName     string `json:"hookEventName"`
				AdditionalContext string `json:"additionalContext"`
			} `json:"hookSpecificOutput"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
			t.Errorf("%s: stdout is not the hook JSON: %v\n%s", c.key, err, res.stdout)
			continue
		}
		if want := strings.Fields(c.key)[0]; out.HookSpecificOutput.HookEventName != want {
			t.Errorf("%s: hookEventName %q, want %q", c.key, out.HookSpecificOutput.HookEventName, want)
		}
		for _, want := range []string{`type "status_type" does not exist`, "enum-type-not-created", "fix:"} {
			if !strings.Contains(out.HookSpecificOutput.AdditionalContext, want) {
				t.Errorf("%s: additionalContext lacks %q:\n%s", c.key, want, out.HookSpecificOutput.AdditionalContext)
			}
		}
	}

	dir, ok := upgrade(revEnumColumnFixed)
	if ok.err != nil {
		t.Fatalf("the fixed revision should upgrade:\n%s", ok)
	}
	res := fire(t, plugin, "PostToolUse Bash", event("PostToolUse", "Bash", dir, input,
		map[string]any{"stdout": ok.stdout, "stderr": ok.stderr, "interrupted": false, "isImage": false}, nil))
	if res.err != nil || res.stdout != "" || res.stderr != "" {
		t.Errorf("successful upgrade: want exit 0 and no output:\n%s", res)
	}
}
