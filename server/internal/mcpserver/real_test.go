//go:build unix

package mcpserver_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The create_migration tests against real alembic and PostgreSQL: a throwaway
// project whose env.py reads DATABASE_URL and whose models module has an enum
// column, a fresh database, then the tool.

const realEnvPy = `import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

import models

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = models.metadata


def run_migrations_offline():
    context.configure(url=os.environ["DATABASE_URL"], target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = create_engine(os.environ["DATABASE_URL"], poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`

// STAGE=2 adds a NOT NULL column without a default to the existing table.
const realModels = `import os

import sqlalchemy as sa

metadata = sa.MetaData()

columns = [
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("status", sa.Enum("pending", "shipped", "cancelled", name="status_type"), nullable=False),
]
if os.environ.get("STAGE") == "2":
    columns.append(sa.Column("note", sa.String(100), nullable=False))

orders = sa.Table("orders", metadata, *columns)
`

type realEnv struct {
	alembic, python, adminURL, dbURL string
}

func newRealEnv(t *testing.T) *realEnv {
	t.Helper()
	e := &realEnv{
		alembic:  testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC"),
		adminURL: testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL"),
		python:   testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON"),
	}
	u, err := url.Parse(e.adminURL)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgresql") {
		t.Fatalf("ALEMBIC_PATTERNS_PG_URL=%q: want a postgresql URL (%v)", e.adminURL, err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "mcp_create_" + hex.EncodeToString(b[:])
	e.sql(t, "CREATE DATABASE "+name)
	t.Cleanup(func() { e.sql(t, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u.Path = "/" + name
	e.dbURL = u.String()
	return e
}

// sql runs a statement on the admin database with psycopg2 (autocommit).
func (e *realEnv) sql(t *testing.T, stmt string) {
	t.Helper()
	libpq := strings.Replace(e.adminURL, "+psycopg2", "", 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, e.python, "-c",
		"import sys, psycopg2\nc = psycopg2.connect(sys.argv[1])\nc.autocommit = True\nc.cursor().execute(sys.argv[2])\n", libpq, stmt)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", stmt, err, out)
	}
}

// project runs `alembic init` and replaces env.py, adding the models module.
func (e *realEnv) project(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.EvalSymlinks(t.TempDir())
	e.alembicRun(t, dir, "", "init", "migrations")
	writeFile(t, filepath.Join(dir, "migrations", "env.py"), realEnvPy)
	writeFile(t, filepath.Join(dir, "models.py"), realModels)
	return dir
}

func (e *realEnv) alembicRun(t *testing.T, dir, dbURL string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, e.alembic, args...)
	cmd.Dir = dir
	cmd.Env = cleanEnv("DATABASE_URL="+dbURL, "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("alembic %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestCreateMigrationRealAlembic(t *testing.T) {
	e := newRealEnv(t)
	dir := e.project(t)
	env := []string{"DATABASE_URL=" + e.dbURL, "ALEMBIC_PATTERNS_ALEMBIC_CMD=" + e.alembic, "PYTHONDONTWRITEBYTECODE=1"}

	// 1. a new table with an enum: autogenerate forgets to drop the type in
	// downgrade(); the tool fixes that.
	s := connect(t, "2025-06-18", dir, append(env, "STAGE=1")...)
	res, err := s.callErr("create_migration", map[string]any{"message": "create orders"}, "real-1")
	if err != nil || res.IsError {
		t.Fatalf("create: %v\n%s", err, textOf(res))
	}
	first := res.StructuredContent.(map[string]any)
	path := filepath.Join(dir, first["path"].(string))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the new file: %v", err)
	}
	if !strings.HasPrefix(first["path"].(string), "migrations/versions/") || first["revision"] == "" || !strings.Contains(string(src), "revision = '"+first["revision"].(string)+"'") {
		t.Errorf("result: %v", first)
	}
	if got := rulesOf(list(first, "fixes")); !slices.Equal(got, []string{"enum-type-not-dropped"}) {
		t.Errorf("fixes %q", got)
	}
	if !strings.Contains(string(src), "op.create_table('orders'") || !strings.Contains(string(src), `.drop(op.get_bind(), checkfirst=True)`) {
		t.Errorf("the file was not fixed:\n%s", src)
	}
	if n := len(list(first, "findings")); n != 0 {
		t.Errorf("findings remain: %v", list(first, "findings"))
	}
	if !strings.Contains(first["alembic_output"].(string), "Detected added table 'orders'") {
		t.Errorf("alembic output: %q", first["alembic_output"])
	}
	if len(s.progress()) == 0 {
		t.Error("no progress notifications")
	}
	// The fix holds on the database: upgrade -> downgrade -> upgrade passes
	// (without it the second upgrade fails: type "status_type" already exists).
	e.alembicRun(t, dir, e.dbURL, "upgrade", "head")
	e.alembicRun(t, dir, e.dbURL, "downgrade", "-1")
	e.alembicRun(t, dir, e.dbURL, "upgrade", "head")

	// 2. a NOT NULL column without a default on the existing table: no safe
	// fix; the finding is returned for a human.
	s2 := connect(t, "", dir, append(env, "STAGE=2")...)
	second := s2.ok("create_migration", map[string]any{"message": "add note"})
	if got := rulesOf(list(second, "findings")); !slices.Equal(got, []string{"add-required-column"}) {
		t.Errorf("findings %q", got)
	}
	if len(list(second, "fixes")) != 0 || !slices.Equal(list(second, "down_revision"), []any{first["revision"]}) {
		t.Errorf("second: %v", second)
	}
	if !strings.Contains(textOf(s2.call("create_migration", map[string]any{"message": "nothing", "autogenerate": false})), "Created") {
		t.Error("plain revision failed")
	}
}

// TestCreateMigrationDatabaseDown: alembic cannot connect; the tool error
// quotes alembic's own message and says what to do.
func TestCreateMigrationDatabaseDown(t *testing.T) {
	e := newRealEnv(t)
	dir := e.project(t)
	down := "postgresql+psycopg2://postgres:postgres@127.0.0.1:1/nothing"
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir, "DATABASE_URL="+down, "ALEMBIC_PATTERNS_ALEMBIC_CMD="+e.alembic, "PYTHONDONTWRITEBYTECODE=1")
			txt := s.fails("create_migration", map[string]any{"message": "create orders"},
				`connection to server at "127.0.0.1", port 1 failed: Connection refused`, "OperationalError", "alembic revision --autogenerate",
				"Start the database", "DATABASE_URL")
			if files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py")); len(files) != 0 {
				t.Errorf("files written: %v", files)
			}
			// and the same text through diagnose_error
			d := s.ok("diagnose_error", map[string]any{"error_text": txt})
			if dg := list(d, "diagnoses")[0].(map[string]any); dg["known"] != true || !strings.Contains(dg["cause"].(string), "could not reach the database") {
				t.Errorf("diagnose: %v", d)
			}
		})
	}
}

// TestVerifyMigrationRealAlembic: verify_migration runs the round trip of a
// revision whose downgrade leaves its enum type behind, on a scratch database
// of the CI server; the project's own database is refused.
func TestVerifyMigrationRealAlembic(t *testing.T) {
	e := newRealEnv(t)
	dir := e.project(t)
	writeFile(t, filepath.Join(dir, "migrations", "versions", "0001_orders.py"), `"""orders"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None


def upgrade():
    op.create_table('orders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum('pending', 'shipped', name='status_type'), nullable=False),
        sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('orders')
`)
	s := connect(t, "", dir, "DATABASE_URL="+e.dbURL, "ALEMBIC_PATTERNS_ALEMBIC_CMD="+e.alembic, "PYTHONDONTWRITEBYTECODE=1", "ALEMBIC_PATTERNS_VERIFY_URL=")
	res := s.call("verify_migration", map[string]any{"database_url": e.adminURL})
	if res.IsError {
		t.Fatalf("verify_migration: %s", textOf(res))
	}
	s.validate("verify_migration", res)
	out := res.StructuredContent.(map[string]any)
	var failed map[string]any
	for _, st := range list(out, "steps") {
		if m := st.(map[string]any); m["status"] == "failed" {
			failed = m
			break
		}
	}
	if out["passed"] != false || failed == nil || failed["name"] != "upgrade-again" || !strings.Contains(failed["error"].(string), `type "status_type" already exists`) ||
		!slices.Contains(list(failed, "predicted_by"), any("enum-type-not-dropped")) {
		t.Errorf("want a failure at upgrade-again predicted by enum-type-not-dropped, got %v\n%s", failed, textOf(res))
	}
	if db := out["database"].(map[string]any); db["removed"] != true || db["url_mechanism"] == "" {
		t.Errorf("database: %v", db)
	}
	s.fails("verify_migration", map[string]any{"database_url": e.dbURL}, "points at the project's own database")
}
