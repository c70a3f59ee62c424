package plugin

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// Every ```python block of the skill (SKILL.md and references/*.md) is a
// complete migration body, and the HTML comment right before it says how it
// behaves on a real database:
//
//	<!-- roundtrip: before=none -->
//
//	<!-- roundtrip
//	before: CREATE TABLE users (id serial PRIMARY KEY, email varchar(200));
//	        INSERT INTO users (email) VALUES (NULL);
//	expect: fail at upgrade: column "email" of relation "users" contains null values
//	verify: SELECT count(*) FROM users => 1
//	-->
//
// before is SQL (or none) run by revision 0001, which the snippet (revision
// 0002, down_revision 0001 unless the snippet says otherwise) builds on.
// expect is pass (the default) or `fail at <step>: <error text>`, where step
// is upgrade, downgrade or upgrade-again; verify lines are `<SQL> => <value>`
// checked after the last step that ran. TestSkillSnippets runs each one:
// alembic upgrade heads (0001 only), then with the snippet in place
// upgrade head -> downgrade -1 -> upgrade head, on a database of its own
// (`upgrade heads`, which is the same when the snippet is the only head; a
// merge revision is downgraded to its first parent).

const skillDir = "skills/alembic-patterns"

type snippet struct {
	file   string // relative to the repository root
	line   int    // of the opening fence
	code   string
	before string
	// failStep is "" when the round trip must pass.
	failStep, failText string
	verify             []verifyQuery
}

type verifyQuery struct{ sql, want string }

var steps = []string{"upgrade", "downgrade", "upgrade-again"}

// skillFiles are the markdown files whose snippets are tested.
func skillFiles(t testing.TB) []string {
	t.Helper()
	root := repoRoot(t)
	files := []string{filepath.Join(root, skillDir, "SKILL.md")}
	refs, err := filepath.Glob(filepath.Join(root, skillDir, "references", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) == 0 {
		t.Fatalf("no references in %s/references", skillDir)
	}
	return append(files, refs...)
}

var fence = regexp.MustCompile("^\\s*```+\\s*([A-Za-z0-9_+-]*)")

// extractSnippets returns the python blocks of a markdown file with their
// markers; a python block without a marker, or a marker without a block, is
// an error.
func extractSnippets(rel, text string) ([]snippet, []error) {
	var out []snippet
	var errs []error
	lines := strings.Split(text, "\n")
	var pending *snippet
	pendingLine := 0
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "<!-- roundtrip"):
			start := i
			body := strings.TrimPrefix(trimmed, "<!-- roundtrip")
			for !strings.Contains(body, "-->") && i+1 < len(lines) {
				i++
				body += "\n" + lines[i]
			}
			body, _, _ = strings.Cut(body, "-->")
			s, err := parseMarker(body)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %v", rel, start+1, err))
				continue
			}
			if pending != nil {
				errs = append(errs, fmt.Errorf("%s:%d: roundtrip marker not followed by a python block", rel, pendingLine))
			}
			s.file = rel
			pending, pendingLine = s, start+1
		case fence.MatchString(line):
			lang := fence.FindStringSubmatch(line)[1]
			open := i
			var code []string
			indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			for i+1 < len(lines) {
				i++
				if fence.MatchString(lines[i]) && fence.FindStringSubmatch(lines[i])[1] == "" {
					break
				}
				code = append(code, strings.TrimPrefix(lines[i], indent))
			}
			if lang != "python" && lang != "py" {
				if looksLikePython(code) {
					errs = append(errs, fmt.Errorf("%s:%d: a %q block holds Python: make it a ```python block with a roundtrip marker", rel, open+1, lang))
				}
				if pending != nil {
					errs = append(errs, fmt.Errorf("%s:%d: roundtrip marker before a %q block", rel, pendingLine, lang))
					pending = nil
				}
				continue
			}
			if pending == nil {
				errs = append(errs, fmt.Errorf("%s:%d: python block without a <!-- roundtrip ... --> marker before it", rel, open+1))
				continue
			}
			pending.line = open + 1
			pending.code = strings.Join(code, "\n") + "\n"
			out = append(out, *pending)
			pending = nil
		case trimmed == "":
		default:
			if pending != nil {
				errs = append(errs, fmt.Errorf("%s:%d: roundtrip marker not followed by a python block", rel, pendingLine))
				pending = nil
			}
		}
	}
	if pending != nil {
		errs = append(errs, fmt.Errorf("%s:%d: roundtrip marker not followed by a python block", rel, pendingLine))
	}
	return out, errs
}

// pythonLine is a line only Python migration code has.
var pythonLine = regexp.MustCompile(`^\s*(from alembic import|from sqlalchemy|import sqlalchemy|def (upgrade|downgrade)\(|op\.[a-z_]+\(|sa\.[A-Z]\w*\()`)

func looksLikePython(code []string) bool {
	for _, l := range code {
		if pythonLine.MatchString(l) {
			return true
		}
	}
	return false
}

var failSpec = regexp.MustCompile(`^fail at (upgrade|downgrade|upgrade-again):\s*(\S.*)$`)

// parseMarker reads the keys of a marker: `: before=none` on one line, or
// `key: value` lines (indented lines continue the previous value).
func parseMarker(body string) (*snippet, error) {
	s := &snippet{}
	body = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(body), ":"))
	var keys []string
	values := map[string][]string{}
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && len(keys) > 0 {
			k := keys[len(keys)-1]
			values[k][len(values[k])-1] += " " + strings.TrimSpace(line)
			continue
		}
		line = strings.TrimSpace(line)
		i := strings.IndexAny(line, ":=")
		if i <= 0 {
			return nil, fmt.Errorf("roundtrip marker: %q is not `key: value`", line)
		}
		k, v := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		keys = append(keys, k)
		values[k] = append(values[k], v)
	}
	for k, vs := range values {
		switch k {
		case "before":
			if len(vs) != 1 {
				return nil, fmt.Errorf("roundtrip marker: before given %d times", len(vs))
			}
			if vs[0] != "none" {
				s.before = vs[0]
			}
		case "expect":
			if len(vs) != 1 {
				return nil, fmt.Errorf("roundtrip marker: expect given %d times", len(vs))
			}
			if vs[0] != "pass" {
				m := failSpec.FindStringSubmatch(vs[0])
				if m == nil {
					return nil, fmt.Errorf("roundtrip marker: expect %q: want pass or `fail at upgrade|downgrade|upgrade-again: <error text>`", vs[0])
				}
				s.failStep, s.failText = m[1], m[2]
			}
		case "verify":
			for _, v := range vs {
				q, want, ok := strings.Cut(v, "=>")
				if !ok {
					return nil, fmt.Errorf("roundtrip marker: verify %q: want `<SQL> => <value>`", v)
				}
				s.verify = append(s.verify, verifyQuery{strings.TrimSpace(q), strings.TrimSpace(want)})
			}
		default:
			return nil, fmt.Errorf("roundtrip marker: unknown key %q (before, expect, verify)", k)
		}
	}
	if _, ok := values["before"]; !ok {
		return nil, fmt.Errorf("roundtrip marker: before is required (SQL, or none)")
	}
	return s, nil
}

// TestSnippetMarkers needs no database: every python block is marked, every
// marker parses, and the documents hold wrong-way examples (expected failures).
func TestSnippetMarkers(t *testing.T) {
	root := repoRoot(t)
	total, failing := 0, 0
	for _, f := range skillFiles(t) {
		rel, _ := filepath.Rel(root, f)
		snips, errs := extractSnippets(rel, mustRead(t, f))
		for _, err := range errs {
			t.Error(err)
		}
		for _, s := range snips {
			total++
			if s.failStep != "" {
				failing++
			}
			if !strings.Contains(s.code, "def upgrade(") || !strings.Contains(s.code, "def downgrade(") {
				t.Errorf("%s:%d: a snippet is a complete migration body: it needs upgrade() and downgrade()", s.file, s.line)
			}
			if !strings.Contains(s.code, "from alembic import op") {
				t.Errorf("%s:%d: a snippet is a complete migration body: it needs its imports (from alembic import op)", s.file, s.line)
			}
		}
	}
	if total < 20 || failing < 5 {
		t.Errorf("%d snippets, %d expected to fail: the skill should show the patterns and the wrong ways", total, failing)
	}
	t.Logf("%d python snippets, %d of them wrong on purpose", total, failing)
}

// TestSkillSnippets runs every snippet through the real round trip.
func TestSkillSnippets(t *testing.T) {
	pgURL := testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL")
	alembic := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	python := testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	admin, err := url.Parse(pgURL)
	if err != nil || !strings.HasPrefix(admin.Scheme, "postgresql") {
		t.Fatalf("ALEMBIC_PATTERNS_PG_URL=%q: want a postgresql URL (%v)", pgURL, err)
	}
	h := &harness{admin: admin, alembic: alembic, python: python, slots: make(chan struct{}, 3)}
	root := repoRoot(t)
	for _, f := range skillFiles(t) {
		rel, _ := filepath.Rel(root, f)
		snips, errs := extractSnippets(rel, mustRead(t, f))
		for _, err := range errs {
			t.Error(err)
		}
		for _, s := range snips {
			t.Run(fmt.Sprintf("%s:%d", strings.TrimPrefix(rel, skillDir+"/"), s.line), func(t *testing.T) {
				t.Parallel()
				h.slots <- struct{}{}
				defer func() { <-h.slots }()
				h.roundTrip(t, s)
			})
		}
	}
}

type harness struct {
	admin           *url.URL
	alembic, python string
	slots           chan struct{}
}

const stepTimeout = 2 * time.Minute

// dsn is the libpq URL of database name (psycopg2 does not take the
// SQLAlchemy driver suffix).
func (h *harness) dsn(name string, sqlalchemy bool) string {
	u := *h.admin
	u.Path = "/" + name
	if !sqlalchemy {
		u.Scheme = "postgresql"
	}
	return u.String()
}

// pyQuery runs one SQL statement with psycopg2 and prints the first column of
// the first row ("" when there is none).
const pyQuery = `import sys, psycopg2
conn = psycopg2.connect(sys.argv[1])
conn.autocommit = True
cur = conn.cursor()
cur.execute(sys.argv[2])
row = cur.fetchone() if cur.description else None
print("" if row is None else ("NULL" if row[0] is None else row[0]))
`

func (h *harness) query(db, sql string) (string, error) {
	res := runCmd(stepTimeout, "", pythonEnv(), "", h.python, "-c", pyQuery, h.dsn(db, false), sql)
	if res.err != nil {
		return "", fmt.Errorf("%s: %v: %s", sql, res.err, strings.TrimSpace(res.stderr))
	}
	return strings.TrimSpace(res.stdout), nil
}

func pythonEnv(extra ...string) []string {
	var env []string
	for _, kv := range baseEnv() {
		if strings.HasPrefix(kv, "PYTHON") || strings.HasPrefix(kv, "SNIPPET_DB_URL=") {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "PYTHONDONTWRITEBYTECODE=1"), extra...)
}

const envPy = `import os

from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["SNIPPET_DB_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
`

// revisionRefs finds the revision ids a snippet's own header names.
var (
	headerAssign = regexp.MustCompile(`(?m)^(revision|down_revision|depends_on)\b[^=\n]*=\s*(.+)$`)
	quoted       = regexp.MustCompile(`["']([^"']+)["']`)
)

func (h *harness) roundTrip(t *testing.T, s snippet) {
	suffix := make([]byte, 4)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	db := "ap_snippet_" + hex.EncodeToString(suffix)
	if _, err := h.query("postgres", "CREATE DATABASE "+db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := h.query("postgres", "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)"); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})

	dir := t.TempDir()
	versions := filepath.Join(dir, "migrations", "versions")
	mustWrite(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = %(here)s/migrations\n\n"+
		"[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n\n[formatters]\nkeys = generic\n\n"+
		"[logger_root]\nlevel = WARN\nhandlers = console\n\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n\n"+
		"[formatter_generic]\nformat = %%(levelname)-5.5s [%%(name)s] %%(message)s\n", 0o644)
	mustWrite(t, filepath.Join(dir, "migrations", "env.py"), envPy, 0o644)
	mustWrite(t, filepath.Join(versions, "0001_setup.py"), setupRevision("0001", "None", s.before), 0o644)

	// Parents other than 0001 that the snippet's header names (a merge, a
	// depends_on) are empty revisions on top of 0001.
	own := "0002"
	var parents []string
	for _, m := range headerAssign.FindAllStringSubmatch(s.code, -1) {
		for _, id := range quoted.FindAllStringSubmatch(m[2], -1) {
			if m[1] == "revision" {
				own = id[1]
				continue
			}
			if m[1] == "down_revision" {
				parents = append(parents, id[1])
			}
			if id[1] != "0001" {
				mustWrite(t, filepath.Join(versions, id[1]+"_parent.py"), setupRevision(id[1], `"0001"`, ""), 0o644)
			}
		}
	}

	env := pythonEnv("SNIPPET_DB_URL=" + h.dsn(db, true))
	alembic := func(args ...string) result {
		return runCmd(stepTimeout, dir, env, "", h.alembic, append([]string{"-c", filepath.Join(dir, "alembic.ini")}, args...)...)
	}
	if res := alembic("upgrade", "heads"); res.err != nil {
		t.Fatalf("setup (the revisions below the snippet) failed:\n%s", res)
	}
	header := fmt.Sprintf("\"\"\"snippet from %s:%d\"\"\"\nrevision = %q\ndown_revision = \"0001\"\nbranch_labels = None\ndepends_on = None\n\n", s.file, s.line, own)
	mustWrite(t, filepath.Join(versions, own+"_snippet.py"), header+s.code, 0o644)

	// `upgrade heads` is `upgrade head` when there is one head; a snippet with
	// depends_on leaves the branch it depends on as a second (effective) head.
	args := map[string][]string{"upgrade": {"upgrade", "heads"}, "downgrade": {"downgrade", "-1"}, "upgrade-again": {"upgrade", "heads"}}
	if len(parents) > 1 {
		// Alembic cannot step back from a merge point (`downgrade -1` fails with
		// "Ambiguous walk"); downgrading to one parent removes just the merge.
		args["downgrade"] = []string{"downgrade", parents[0]}
	}
	applied := map[string]string{"upgrade": "1", "downgrade": "0", "upgrade-again": "1"}
	for _, step := range steps {
		res := alembic(args[step]...)
		output := res.stdout + res.stderr
		if step == s.failStep {
			if res.err == nil {
				t.Fatalf("%s:%d: expected %s to fail with %q, it passed:\n%s", s.file, s.line, step, s.failText, res)
			}
			if !strings.Contains(output, s.failText) {
				t.Fatalf("%s:%d: %s failed, but without %q:\n%s", s.file, s.line, step, s.failText, res)
			}
			break
		}
		if res.err != nil {
			t.Fatalf("%s:%d: %s failed:\n%s", s.file, s.line, step, res)
		}
		// The step moved the snippet's revision in or out of alembic_version.
		got, err := h.query(db, fmt.Sprintf("SELECT count(*) FROM alembic_version WHERE version_num = '%s'", own))
		if err != nil || got != applied[step] {
			t.Fatalf("%s:%d: after %s, revision %s applied: %q (want %s) %v", s.file, s.line, step, own, got, applied[step], err)
		}
	}
	for _, v := range s.verify {
		got, err := h.query(db, v.sql)
		if err != nil {
			t.Fatalf("%s:%d: verify: %v", s.file, s.line, err)
		}
		if got != v.want {
			t.Errorf("%s:%d: verify %s: got %q, want %q", s.file, s.line, v.sql, got, v.want)
		}
	}
}

// setupRevision is a revision that runs SQL (if any) in upgrade.
func setupRevision(id, down, sql string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "revision = %q\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\nfrom alembic import op\n\n\n", id, down)
	b.WriteString("def upgrade():\n")
	if sql == "" {
		b.WriteString("    pass\n")
	} else {
		fmt.Fprintf(&b, "    op.get_bind().exec_driver_sql(%s)\n", strconv.Quote(sql))
	}
	b.WriteString("\n\ndef downgrade():\n    pass\n")
	return b.String()
}
