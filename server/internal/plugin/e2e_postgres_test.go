package plugin

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The end-to-end scenarios on a real PostgreSQL: /migrate:create and the Bash
// hook after real alembic runs.

// e2eDatabase creates a database with a unique name (dropped at cleanup) and
// returns the harness to query it and its name.
func e2eDatabase(t *testing.T) (*harness, string) {
	t.Helper()
	admin, err := url.Parse(testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL"))
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{admin: admin, alembic: testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC"), python: testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")}
	suffix := make([]byte, 4)
	rand.Read(suffix)
	db := "ap_e2e_" + hex.EncodeToString(suffix)
	if _, err := h.query("postgres", "CREATE DATABASE "+db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.query("postgres", "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)") })
	return h, db
}

// configEnvPy is an env.py that connects to alembic.ini's sqlalchemy.url and
// compares with models.metadata when the project has a models.py.
const configEnvPy = `from alembic import context
from sqlalchemy import engine_from_config, pool

try:
    from models import metadata
except ImportError:
    metadata = None

config = context.config
engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
`

// onDatabase points the Alembic project dir (hookProject's layout) at db.
func onDatabase(t *testing.T, h *harness, dir, db string) {
	t.Helper()
	ini := "[alembic]\nscript_location = %(here)s/migrations\nprepend_sys_path = .\nsqlalchemy.url = " + h.dsn(db, true) + "\n"
	mustWrite(t, filepath.Join(dir, "alembic.ini"), ini, 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "env.py"), configEnvPy, 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "script.py.mako"),
		mustRead(t, filepath.Join(repoRoot(t), "examples", "shop", "migrations", "script.py.mako")), 0o644)
}

// alembic runs the real alembic in dir.
func alembic(t *testing.T, h *harness, dir string, args ...string) result {
	t.Helper()
	return runCmd(stepTimeout, dir, pythonEnv(), "", h.alembic, args...)
}

// ticketModels adds a table with an enum column to the models of
// hookProject's orders table: what /migrate:create autogenerates from.
const ticketModels = `import sqlalchemy as sa

metadata = sa.MetaData()

orders = sa.Table("orders", metadata, sa.Column("id", sa.Integer(), primary_key=True))

tickets = sa.Table(
    "tickets",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("status", sa.Enum("open", "closed", name="ticket_status"), nullable=False),
)
`

// TestE2ECreateCommand: `/migrate:create add tickets` in an Alembic project
// on PostgreSQL whose models gained a table with an enum: the command body
// arrives with the message, the scripted create_migration call creates the
// revision with the project's alembic and applies the safe fix (the enum type
// dropped in downgrade()), and the round trip upgrade, downgrade, upgrade
// passes afterwards, which it does not without the fix.
func TestE2ECreateCommand(t *testing.T) {
	t.Parallel()
	create := toolPrefix + "create_migration"
	h, db := e2eDatabase(t)
	dir := hookProject(t, revBase)
	rmAll(t, filepath.Join(dir, "migrations", "versions", "0002_status.py"), filepath.Join(dir, "app"))
	onDatabase(t, h, dir, db)
	mustWrite(t, filepath.Join(dir, "models.py"), ticketModels, 0o644)
	if res := alembic(t, h, dir, "upgrade", "head"); res.err != nil {
		t.Fatalf("upgrade to the first revision:\n%s", res)
	}

	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult(create); ok {
			return say("Created.")
		}
		if strings.Contains(r.last(), "<command-name>/migrate:create</command-name>") {
			return callTool(create, map[string]any{"message": commandArgument(r)})
		}
		return nil
	})
	reqs := s.turn(t, dir, "/migrate:create add tickets")
	wantIn(t, "the first request of /migrate:create", reqs[0].last(), "<command-name>/migrate:create</command-name>",
		"Call `mcp__plugin_migrate_alembic__create_migration`", "<<<\nadd tickets\n>>>")
	out := resultOf(t, reqs, create)
	wantIn(t, "the create_migration result", out, `"fixes":[{"rule":"enum-type-not-dropped"`, `"path":"migrations/versions/`, `_add_tickets.py"`)

	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*add_tickets*.py"))
	if len(files) != 1 {
		t.Fatalf("create_migration left %d files named *add_tickets*.py, want 1", len(files))
	}
	rev := mustRead(t, files[0])
	_, downgrade, _ := strings.Cut(rev, "def downgrade")
	wantIn(t, "the downgrade() of the created revision on disk (the safe fix)", downgrade,
		"op.drop_table('tickets')\n    sa.Enum(name='ticket_status').drop(op.get_bind(), checkfirst=True)")

	for _, step := range [][]string{{"upgrade", "head"}, {"downgrade", "-1"}, {"upgrade", "head"}} {
		if res := alembic(t, h, dir, step...); res.err != nil {
			t.Fatalf("round trip of the created revision: alembic %s:\n%s", strings.Join(step, " "), res)
		}
	}
	if got, err := h.query(db, "SELECT count(*) FROM tickets"); err != nil || got != "0" {
		t.Errorf("after the round trip: tickets %q, %v", got, err)
	}

	// The round trip proves the fix: as autogenerated, the second upgrade fails.
	mustWrite(t, files[0], strings.Replace(rev, "\n    sa.Enum(name='ticket_status').drop(op.get_bind(), checkfirst=True)", "", 1), 0o644)
	if res := alembic(t, h, dir, "downgrade", "-1"); res.err != nil {
		t.Fatalf("downgrade of the revision as autogenerated:\n%s", res)
	}
	if res := alembic(t, h, dir, "upgrade", "head"); res.err == nil || !strings.Contains(res.stderr, `type "ticket_status" already exists`) {
		t.Errorf("without the fix, the second upgrade should fail with type \"ticket_status\" already exists:\n%s", res)
	}
}

// TestE2EBashHook: a scripted Bash running a real `alembic upgrade head` that
// fails on PostgreSQL (an enum type that does not exist) -> the hook's
// diagnosis, with the PostgreSQL error and the rule id, is in the next
// request; a successful alembic run and a command that is not alembic add
// nothing.
func TestE2EBashHook(t *testing.T) {
	t.Parallel()
	// The prompt is the command to run.
	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult("Bash"); ok {
			return say("Ran it.")
		}
		return callTool("Bash", map[string]any{"command": lastPrompt(r), "description": "Run the command"})
	})
	for _, c := range []struct {
		name, rev2, command string
		wants               []string // in the next request; none: nothing from the hook
		version             string   // alembic_version afterwards
	}{
		{"failing upgrade", revEnumColumn, "alembic upgrade head",
			[]string{hookEvent + "Failure", `type "status_type" does not exist`, "rules: enum-type-not-created"}, ""},
		{"successful upgrade", revEnumColumnFixed, "alembic upgrade head", nil, "0002"},
		{"not alembic", revEnumColumn, "ls migrations/versions", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h, db := e2eDatabase(t)
			dir := hookProject(t, c.rev2)
			onDatabase(t, h, dir, db)
			reqs := s.turn(t, dir, c.command, "Bash")
			next := find(t, reqs, "the result of the scripted Bash", func(r *apiRequest) bool {
				_, ok := r.toolResult("Bash")
				return ok
			})
			added := next.afterResult("Bash")
			if c.wants == nil {
				if strings.Contains(added, hookEvent) {
					t.Errorf("the hook added to the request after %q:\n%s", c.command, added)
				}
			} else {
				wantIn(t, "the request after the Bash call (the hook's output)", added, c.wants...)
			}
			// The database is as the command left it.
			got, _ := h.query(db, "SELECT string_agg(version_num, ',') FROM alembic_version")
			if got == "NULL" {
				got = ""
			}
			if got != c.version {
				t.Errorf("alembic_version after %q: %q, want %q", c.command, got, c.version)
			}
		})
	}
}
