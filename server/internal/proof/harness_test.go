// Package proof is the proof tier: it shows on a real PostgreSQL, with the real
// (Debian) alembic, that the migrations autogenerate writes fail the way the
// rules say, that the rules find them, and that the fixes (automatic or the
// pattern a rule's message recommends) make them pass with the data intact. It
// also checks, on a real server, the locks and rewrites the zero-downtime rules'
// documentation claims. The same scenarios run on MariaDB and on SQLite (Python's
// sqlite3), with the same harness.
//
// It needs ALEMBIC_PATTERNS_PG_URL, ALEMBIC_PATTERNS_MARIADB_URL,
// ALEMBIC_PATTERNS_ALEMBIC and ALEMBIC_PATTERNS_PYTHON (scripts/ci-setup.sh
// prints them); without them the tests skip, or fail under
// ALEMBIC_PATTERNS_REQUIRE_ALL=1.
package proof

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// Bounds for the processes the tests start. Every wait is bounded.
const (
	commandTimeout = 2 * time.Minute // one alembic / python / go build process
	buildTimeout   = 5 * time.Minute
)

// The databases of this tier, by the dialect name alembic-patterns uses.
const (
	postgres = "postgresql"
	mariadb  = "mysql"
	sqlite   = "sqlite"
)

// tools are the external programs of this tier, and the database server one
// test talks to.
type tools struct {
	dialect   string   // postgres, mariadb or sqlite
	adminURL  *url.URL // the server URL as given (SQLAlchemy form); nil for SQLite
	sqliteDir string   // where SQLite database files go
	alembic   string
	python    string
}

// getTools returns the tools for PostgreSQL from the environment; withAlembic
// also requires the alembic command (the claim tests need only PostgreSQL and
// Python).
func getTools(t *testing.T, withAlembic bool) *tools {
	t.Helper()
	return getDialectTools(t, postgres, withAlembic)
}

// urlVariables name the server URL of each dialect that has a server.
var urlVariables = map[string]string{postgres: "ALEMBIC_PATTERNS_PG_URL", mariadb: "ALEMBIC_PATTERNS_MARIADB_URL"}

// getDialectTools returns the tools for a dialect: its server from the
// environment, or for SQLite a directory for database files.
func getDialectTools(t *testing.T, dialect string, withAlembic bool) *tools {
	t.Helper()
	tl := &tools{dialect: dialect}
	if v := urlVariables[dialect]; v != "" {
		raw := testenv.Get(t, v)
		u, err := url.Parse(raw)
		if err != nil || !strings.HasPrefix(u.Scheme, dialect) {
			t.Fatalf("%s=%q: want a %s:// URL (%v)", v, raw, dialect, err)
		}
		tl.adminURL = u
	} else {
		tl.sqliteDir = t.TempDir()
	}
	tl.python = testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	if withAlembic {
		tl.alembic = testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	}
	return tl
}

// dbURL returns the URL of database name, in SQLAlchemy form (driver kept) or in
// the driver-less form testdata/dbq.py and psycopg2 take.
func (tl *tools) dbURL(name string, plain bool) string {
	if tl.dialect == sqlite {
		return "sqlite:///" + filepath.Join(tl.sqliteDir, name+".db")
	}
	u := *tl.adminURL
	u.Path = "/" + name
	if plain {
		u.Scheme = tl.dialect
	}
	return u.String()
}

// testdata returns the absolute path of a file under testdata/.
func testdata(t *testing.T, elem ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"testdata"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// pythonEnv is the environment for the Python processes: the caller's, without
// PYTHON* variables that could point Debian's interpreter at other packages,
// plus extra.
func pythonEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PYTHON") || strings.HasPrefix(kv, "DATABASE_URL=") || strings.HasPrefix(kv, "MODELS_STAGE=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "PYTHONDONTWRITEBYTECODE=1")
	return append(env, extra...)
}

// execResult is the outcome of one process.
type execResult struct {
	args   []string
	output string // stdout and stderr, interleaved
	stdout string // stdout alone, when captured separately
	code   int
	err    error // a failure to start, a timeout, or a non-zero exit
}

func (r execResult) String() string {
	status := "exit 0"
	if r.err != nil {
		status = r.err.Error()
	}
	return fmt.Sprintf("$ %s   [%s]\n%s", strings.Join(r.args, " "), status, strings.TrimRight(r.output, "\n"))
}

// run starts a program (never through a shell) with a timeout. With split, stdout
// is also kept apart from stderr.
func run(dir string, env []string, split bool, name string, args ...string) execResult {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	var all, out bytes.Buffer
	if split {
		cmd.Stdout = &syncWriter{w: []*bytes.Buffer{&all, &out}}
		cmd.Stderr = &syncWriter{w: []*bytes.Buffer{&all}}
	} else {
		cmd.Stdout = &all
		cmd.Stderr = &all
	}
	err := cmd.Run()
	res := execResult{args: append([]string{name}, args...), output: all.String(), stdout: out.String(), err: err}
	if ctx.Err() != nil {
		res.err = fmt.Errorf("timed out after %s: %w", commandTimeout, err)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.code = exit.ExitCode()
	} else if err != nil {
		res.code = -1
	}
	return res
}

// syncWriter writes to several buffers; stdout and stderr share one of them, so
// writes are serialized.
type syncWriter struct {
	w []*bytes.Buffer
}

var writeMu sync.Mutex

func (s *syncWriter) Write(p []byte) (int, error) {
	writeMu.Lock()
	defer writeMu.Unlock()
	for _, b := range s.w {
		b.Write(p)
	}
	return len(p), nil
}

// ---------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------

// database is one uniquely named database, dropped when the test ends.
type database struct {
	tl   *tools
	name string
}

var dbNameUnsafe = regexp.MustCompile(`[^a-z0-9_]+`)

// newDatabase creates a database named after tag plus a random suffix.
func (tl *tools) newDatabase(t *testing.T, tag string) *database {
	t.Helper()
	suffix := make([]byte, 4)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	tag = strings.Trim(dbNameUnsafe.ReplaceAllString(strings.ToLower(tag), "_"), "_")
	db := &database{tl: tl, name: "ap_proof_" + tag + "_" + hex.EncodeToString(suffix)}
	if err := db.create(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.drop(); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	return db
}

// reset drops and re-creates the database: a fresh, empty database.
func (db *database) reset(t *testing.T) {
	t.Helper()
	if err := db.drop(); err != nil {
		t.Fatal(err)
	}
	if err := db.create(); err != nil {
		t.Fatal(err)
	}
}

// create makes the database; SQLite makes its file on first use.
func (db *database) create() error {
	if db.tl.dialect == sqlite {
		return nil
	}
	_, err := db.tl.admin(fmt.Sprintf("CREATE DATABASE %s", db.name))
	return err
}

// drop removes the database, and on PostgreSQL ends its sessions.
func (db *database) drop() error {
	switch db.tl.dialect {
	case sqlite:
		if err := os.Remove(strings.TrimPrefix(db.tl.dbURL(db.name, true), "sqlite:///")); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	case postgres:
		_, err := db.tl.admin(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", db.name))
		return err
	}
	_, err := db.tl.admin(fmt.Sprintf("DROP DATABASE IF EXISTS %s", db.name))
	return err
}

// admin runs statements on the server's own database (as given in the URL).
func (tl *tools) admin(stmts ...string) ([]string, error) {
	return tl.query(tl.dbURL(strings.TrimPrefix(tl.adminURL.Path, "/"), true), stmts...)
}

// query runs SQL batches, in order and in one session, through testdata/dbq.py
// and returns per batch the rows it returned: cells joined by "|", rows by
// "\n", NULL as NULL. A batch "@PATH" is a file of SQL.
func (tl *tools) query(dsn string, batches ...string) ([]string, error) {
	dbq, err := filepath.Abs(filepath.Join("testdata", "dbq.py"))
	if err != nil {
		return nil, err
	}
	res := run("", pythonEnv(), true, tl.python, append([]string{dbq, dsn}, batches...)...)
	if res.err != nil {
		return nil, fmt.Errorf("%s: %s", strings.Join(batches, "; "), strings.TrimSpace(res.output))
	}
	var results [][][]*string
	if err := json.Unmarshal([]byte(res.stdout), &results); err != nil || len(results) != len(batches) {
		return nil, fmt.Errorf("%s: bad dbq.py output %q: %v", strings.Join(batches, "; "), res.stdout, err)
	}
	out := make([]string, len(results))
	for i, rows := range results {
		lines := make([]string, 0, len(rows))
		for _, row := range rows {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = "NULL"
				if c != nil {
					cells[j] = *c
				}
			}
			lines = append(lines, strings.Join(cells, "|"))
		}
		out[i] = strings.Join(lines, "\n")
	}
	return out, nil
}

// query runs SQL batches on this database (see tools.query).
func (db *database) query(batches ...string) ([]string, error) {
	return db.tl.query(db.tl.dbURL(db.name, true), batches...)
}

// ---------------------------------------------------------------------------
// The alembic-patterns binary, built once per test binary
// ---------------------------------------------------------------------------

var built struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// binary returns the path of the alembic-patterns binary, built with `go build`
// from this module the first time it is asked for.
func binary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			built.err = err
			return
		}
		goTool, err := exec.LookPath("go")
		if err != nil {
			built.err = fmt.Errorf("go not found on PATH: %w", err)
			return
		}
		if built.dir, err = os.MkdirTemp("", "alembic-patterns-proof-"); err != nil {
			built.err = err
			return
		}
		out := filepath.Join(built.dir, "alembic-patterns")
		ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, goTool, "build", "-o", out, "./server")
		cmd.Dir = root
		if msg, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build -o %s ./server: %v\n%s", out, err, msg)
			return
		}
		built.path = out
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test directory")
		}
		dir = parent
	}
}

func TestMain(m *testing.M) {
	// the binaries run keep their model cache here, not in the user's
	cache, err := os.MkdirTemp("", "alembic-patterns-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", cache)
	code := m.Run()
	os.RemoveAll(cache)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// ---------------------------------------------------------------------------
// alembic-patterns check / fix
// ---------------------------------------------------------------------------

// checkDoc is the `check --format json` document (DESIGN §7).
type checkDoc struct {
	Version  int       `json:"version"`
	Files    int       `json:"files"`
	Findings []finding `json:"findings"`
	Errors   []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
	Help     string `json:"help"`
	Revision string `json:"revision"`
	Fix      *struct {
		Safety      string `json:"safety"`
		Description string `json:"description"`
	} `json:"fix"`
}

func (f finding) String() string {
	fix := "no fix"
	if f.Fix != nil {
		fix = f.Fix.Safety + " fix: " + f.Fix.Description
	}
	return fmt.Sprintf("%s:%d: %s [%s] %s (%s)", f.Path, f.Line, f.Severity, f.Rule, f.Message, fix)
}

// checkFile runs `alembic-patterns check FILE --format json` in the project.
func checkFile(t *testing.T, projectDir, file, profile string) (*checkDoc, execResult) {
	t.Helper()
	args := []string{"check", file, "--format", "json"}
	if profile != "" {
		args = append(args, "--profile", profile)
	}
	res := run(projectDir, os.Environ(), true, binary(t), args...)
	if res.code != 0 && res.code != 1 {
		return nil, res
	}
	var doc checkDoc
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		res.err = fmt.Errorf("check --format json printed no JSON document: %v", err)
		return nil, res
	}
	return &doc, res
}

// fixFile runs `alembic-patterns fix FILE [--unsafe] [extra...]` in the project.
func fixFile(t *testing.T, projectDir, file string, unsafe bool, extra ...string) execResult {
	t.Helper()
	args := []string{"fix", file}
	if unsafe {
		args = append(args, "--unsafe")
	}
	return run(projectDir, os.Environ(), true, binary(t), append(args, extra...)...)
}
