package proof

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// project is a throwaway Alembic project: alembic.ini, alembic/env.py wired to
// models.metadata and $DATABASE_URL, the scenario's models.py (BEFORE/AFTER by
// $MODELS_STAGE) and its seed.sql.
type project struct {
	t    *testing.T
	tl   *tools
	dir  string
	db   *database
	seed string // path of the seed SQL

	mu         sync.Mutex
	transcript []string // the alembic runs of the current phase, for failure messages
}

// newProject lays out the project for testdata/scenarios/<scenario> in a temp dir.
func newProject(t *testing.T, tl *tools, scenario string, db *database) *project {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(src, dst string) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ini, err := os.ReadFile(testdata(t, "project", "alembic.ini"))
	if err != nil {
		t.Fatal(err)
	}
	// The URL in alembic.ini is how alembic-patterns learns the dialect.
	ini = []byte(strings.Replace(string(ini), "postgresql+psycopg2://localhost/set-by-DATABASE_URL", iniURLs[tl.dialect], 1))
	if err := os.WriteFile(filepath.Join(dir, "alembic.ini"), ini, 0o644); err != nil {
		t.Fatal(err)
	}
	copyFile(testdata(t, "project", "env.py"), filepath.Join(dir, "alembic", "env.py"))
	copyFile(testdata(t, "project", "script.py.mako"), filepath.Join(dir, "alembic", "script.py.mako"))
	copyFile(testdata(t, "scenarios", scenario, "models.py"), filepath.Join(dir, "models.py"))
	if err := os.MkdirAll(filepath.Join(dir, "alembic", "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	return &project{t: t, tl: tl, dir: dir, db: db, seed: testdata(t, "scenarios", scenario, "seed.sql")}
}

// iniURLs are the sqlalchemy.url lines of each dialect's alembic.ini.
var iniURLs = map[string]string{
	postgres: "postgresql+psycopg2://localhost/set-by-DATABASE_URL",
	mariadb:  "mysql+pymysql://localhost/set-by-DATABASE_URL",
	sqlite:   "sqlite:///set-by-DATABASE_URL.db",
}

// alembicOpts are the per-run settings of an alembic command.
type alembicOpts struct {
	stage       string // MODELS_STAGE: before or after
	hashSeed    int    // PYTHONHASHSEED
	compareType bool   // -x compare_type=true
	batch       bool   // -x render_as_batch=true
}

// alembic runs `alembic [-x compare_type=true] [-x render_as_batch=true] ARGS...` in the project against
// its database and records the run in the transcript.
func (p *project) alembic(o alembicOpts, args ...string) execResult {
	if o.stage == "" {
		o.stage = "after"
	}
	full := []string{"-c", filepath.Join(p.dir, "alembic.ini")}
	if o.compareType {
		full = append(full, "-x", "compare_type=true")
	}
	if o.batch {
		full = append(full, "-x", "render_as_batch=true")
	}
	full = append(full, args...)
	env := pythonEnv(
		"DATABASE_URL="+p.tl.dbURL(p.db.name, false),
		"MODELS_STAGE="+o.stage,
		fmt.Sprintf("PYTHONHASHSEED=%d", o.hashSeed),
	)
	res := run(p.dir, env, true, p.tl.alembic, full...) // stdout apart: the SQL of --sql
	p.mu.Lock()
	p.transcript = append(p.transcript, fmt.Sprintf("[MODELS_STAGE=%s PYTHONHASHSEED=%d] %s", o.stage, o.hashSeed, res))
	p.mu.Unlock()
	return res
}

// mustAlembic is alembic for setup steps: a failure ends the test.
func (p *project) mustAlembic(o alembicOpts, args ...string) execResult {
	p.t.Helper()
	res := p.alembic(o, args...)
	if res.err != nil {
		p.t.Fatalf("setup step failed:\n%s", res)
	}
	return res
}

// takeTranscript returns the alembic runs recorded since the last call.
func (p *project) takeTranscript() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := strings.Join(p.transcript, "\n\n")
	p.transcript = nil
	return s
}

// revisionFile returns the path of the file of revision id (named <id>_<slug>.py).
func (p *project) revisionFile(id string) string {
	p.t.Helper()
	matches, err := filepath.Glob(filepath.Join(p.dir, "alembic", "versions", id+"_*.py"))
	if err != nil || len(matches) != 1 {
		p.t.Fatalf("revision file %s_*.py: found %v (%v)\n%s", id, matches, err, p.takeTranscript())
	}
	return matches[0]
}

func (p *project) read(path string) string {
	p.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		p.t.Fatal(err)
	}
	return string(b)
}

func (p *project) write(path, text string) {
	p.t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// ---------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------

// step of the round trip: U = upgrade head, D = downgrade -1, U2 = upgrade head.
type step string

const (
	stepU  step = "U"
	stepD  step = "D"
	stepU2 step = "U2"
)

var roundTripSteps = []struct {
	step step
	args []string
}{
	{stepU, []string{"upgrade", "head"}},
	{stepD, []string{"downgrade", "-1"}},
	{stepU2, []string{"upgrade", "head"}},
}

// dataCheck is a query whose result must equal want after a step.
type dataCheck struct {
	after step
	what  string
	sql   string
	want  string
}

// tripResult is the outcome of a round trip.
type tripResult struct {
	failedAt   step   // "" when every step passed
	output     string // alembic's output of the failed step
	mismatches []string
	transcript string // every alembic run of the round trip
}

// roundTrip runs, on a fresh database: upgrade 0001, the seed, then
// upgrade head -> downgrade -1 -> upgrade head, stopping at the first failure.
// The checks of each step run after it.
func (p *project) roundTrip(checks []dataCheck) tripResult {
	p.t.Helper()
	p.takeTranscript()
	p.db.reset(p.t)
	p.mustAlembic(alembicOpts{}, "upgrade", "0001")
	if _, err := p.db.query("@" + p.seed); err != nil {
		p.t.Fatalf("seed: %v", err)
	}
	var res tripResult
	for _, s := range roundTripSteps {
		r := p.alembic(alembicOpts{}, s.args...)
		if r.err != nil {
			res.failedAt, res.output = s.step, r.output
			break
		}
		var sqls []string
		var due []dataCheck
		for _, c := range checks {
			if c.after == s.step {
				sqls, due = append(sqls, c.sql), append(due, c)
			}
		}
		if len(due) == 0 {
			continue
		}
		got, err := p.db.query(sqls...)
		for i, c := range due {
			g := ""
			if err != nil {
				g = "error: " + err.Error()
			} else {
				g = got[i]
			}
			if g != c.want {
				res.mismatches = append(res.mismatches, fmt.Sprintf("after %s: %s: got %q, want %q (%s)", s.step, c.what, g, c.want, c.sql))
			}
		}
	}
	res.transcript = p.takeTranscript()
	return res
}

// Round trips are a function of the migrations, the seed and the checks. The
// (g) variants autogenerate the same two texts under ten hash seeds, so a
// round trip already run for an identical project is reused, not repeated.
var tripMemo struct {
	mu sync.Mutex
	m  map[string]*tripEntry
}

type tripEntry struct {
	once sync.Once
	done bool
	by   string // the test that ran it
	res  tripResult
}

var createDateLine = regexp.MustCompile(`(?m)^Create Date: .*$`)

// sharedRoundTrip is roundTrip, run once per distinct project state: the
// revision files (Create Date aside), the seed and the checks.
func (p *project) sharedRoundTrip(checks []dataCheck) (res tripResult, sharedWith string) {
	p.t.Helper()
	var key strings.Builder
	files, err := filepath.Glob(filepath.Join(p.dir, "alembic", "versions", "*.py"))
	if err != nil {
		p.t.Fatal(err)
	}
	for _, f := range append(files, p.seed) {
		fmt.Fprintf(&key, "== %s\n%s\n", filepath.Base(f), createDateLine.ReplaceAllString(p.read(f), ""))
	}
	fmt.Fprintf(&key, "== checks\n%q\n== dialect %s\n", checks, p.tl.dialect)
	tripMemo.mu.Lock()
	if tripMemo.m == nil {
		tripMemo.m = map[string]*tripEntry{}
	}
	e := tripMemo.m[key.String()]
	if e == nil {
		e = &tripEntry{}
		tripMemo.m[key.String()] = e
	}
	tripMemo.mu.Unlock()
	ran := false
	e.once.Do(func() {
		ran = true
		e.by = p.t.Name()
		e.res = p.roundTrip(checks)
		e.done = true
	})
	if !e.done {
		p.t.Fatalf("the identical round trip in %s stopped early", e.by)
	}
	if ran {
		return e.res, ""
	}
	return e.res, e.by
}

// reprOfObject matches a Python repr with a memory address, e.g. a constraint
// in SQLAlchemy's CompileError ("ForeignKeyConstraint(<... at 0x7f...>, ...)").
var reprOfObject = regexp.MustCompile(`\(<[^>]* at 0x[0-9a-f]+>.*\)`)

// errorLines are the prefixes of the exception lines errorLine picks.
var errorLines = []string{"sqlalchemy.exc.", "psycopg2.errors.", "pymysql.err.", "FAILED: ", "NotImplementedError:", "TypeError:", "ValueError:"}

// errorLine picks the exception line from alembic's output, for the summary:
// "(psycopg2.errors.X) message", "(pymysql.err.X) (code, message)" or the
// CompileError text, or the FAILED: line alembic prints for a CommandError.
func errorLine(output string) string {
	var last string
	for _, line := range strings.Split(output, "\n") {
		for _, prefix := range errorLines {
			if strings.HasPrefix(line, prefix) {
				last = line
			}
		}
	}
	if last == "" {
		return "(no exception line)"
	}
	last = strings.TrimPrefix(last, "sqlalchemy.exc.")
	last = reprOfObject.ReplaceAllString(last, "(...)")
	if len(last) > 140 {
		last = last[:137] + "..."
	}
	return last
}

// ---------------------------------------------------------------------------
// Editing a migration as a developer would
// ---------------------------------------------------------------------------

var defLine = regexp.MustCompile(`(?m)^def (\w+)\(.*\).*:[ \t]*$`)

// replaceBodies replaces the bodies of top-level functions (upgrade, downgrade)
// of a migration. Bodies are written without indentation.
func replaceBodies(src string, bodies map[string]string) (string, error) {
	for name, body := range bodies {
		locs := defLine.FindAllStringSubmatchIndex(src, -1)
		found := false
		for i, loc := range locs {
			if src[loc[2]:loc[3]] != name {
				continue
			}
			found = true
			start := loc[1] + 1 // after the def line's newline
			end := len(src)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			var b strings.Builder
			for _, line := range strings.Split(strings.Trim(body, "\n"), "\n") {
				if line == "" {
					b.WriteString("\n")
					continue
				}
				b.WriteString("    " + line + "\n")
			}
			if end < len(src) {
				b.WriteString("\n\n")
			}
			src = src[:start] + b.String() + src[end:]
			break
		}
		if !found {
			return "", fmt.Errorf("no function %s() in the migration", name)
		}
	}
	return src, nil
}

// functionBody returns the text of a top-level function's body.
func functionBody(src, name string) string {
	locs := defLine.FindAllStringSubmatchIndex(src, -1)
	for i, loc := range locs {
		if src[loc[2]:loc[3]] != name {
			continue
		}
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		return src[loc[1]:end]
	}
	return ""
}
