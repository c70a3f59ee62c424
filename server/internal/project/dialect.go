package project

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/dialect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// Evidence is what a project tells about the database it runs on: votes per
// dialect from its files, with the reasons in words, and the counts of
// dialect options and types in its migrations.
type Evidence struct {
	Votes   map[string]int
	Reasons map[string][]string // dialect -> "the driver psycopg2 in requirements.txt", ...
	// Migrations counts <dialect>_* options and dialect types per dialect.
	Migrations map[string]int
	// URLOverridden: the project sets sqlalchemy.url at run time (in env.py
	// or its own code), so the ini's URL is a placeholder, not the truth.
	URLOverridden bool
	// Supported are the dialects the project certainly runs on besides the
	// main one: a driver among its runtime dependencies, a URL or SQLite's
	// batch mode in env.py, a folder named after the dialect.
	Supported map[string]bool
}

// support records a dialect the project certainly runs on.
func (e *Evidence) support(dialect string) {
	if e.Supported == nil {
		e.Supported = map[string]bool{}
	}
	e.Supported[dialect] = true
}

// maxMigrationVotes caps what the migrations say: a project that repeats
// mysql_engine= on every table is not more MySQL for it.
const maxMigrationVotes = 10

// Vote adds n votes for a dialect, for a reason.
func (e *Evidence) Vote(dialect string, n int, reason string) {
	e.Votes[dialect] += n
	if !slices.Contains(e.Reasons[dialect], reason) {
		e.Reasons[dialect] = append(e.Reasons[dialect], reason)
	}
}

// Total is the votes with the migrations' counts (capped) added.
func (e *Evidence) Total() map[string]int {
	out := maps.Clone(e.Votes)
	for d, n := range e.Migrations {
		out[d] += min(n, maxMigrationVotes)
	}
	return out
}

// ReasonsFor lists why a dialect got its votes.
func (e *Evidence) ReasonsFor(dialect string) []string {
	out := slices.Clone(e.Reasons[dialect])
	if n := e.Migrations[dialect]; n > 0 {
		out = append(out, fmt.Sprintf("the migrations (%s)", brief.Count(n, dialect+" option or type", dialect+" options or types")))
	}
	return out
}

// drivers are DB-API driver distributions (and extras such as
// oslo.db[mysql]), by dialect, in lower case.
var drivers = []struct {
	names   []string
	dialect string
}{
	{[]string{"psycopg2", "psycopg", "asyncpg", "pg8000"}, "postgresql"},
	{[]string{"pymysql", "mysqlclient", "mysql-connector-python", "aiomysql", "asyncmy", "mariadb"}, "mysql"},
	{[]string{"aiosqlite"}, "sqlite"},
}

// extras finds "[a,b]" groups of requirement extras.
var extras = regexp.MustCompile(`\[[a-z0-9_,\- ]+\]`)

// driversIn returns the drivers a dependency file names, by dialect; plain
// substring searches keep it linear in the file's size.
func driversIn(data []byte) map[string]string {
	lower := bytes.ToLower(data)
	out := map[string]string{}
	for _, d := range drivers {
		for _, name := range d.names {
			if bytes.Contains(lower, []byte(name)) {
				out[name] = d.dialect
				break
			}
		}
	}
	for _, group := range extras.FindAll(lower, -1) {
		for _, name := range []string{"postgresql", "mysql", "mariadb"} {
			if bytes.Contains(group, []byte(name)) {
				out["["+name+"]"] = dialect.OfBackend(name)
			}
		}
	}
	return out
}

// urlDialects returns the dialects of the SQLAlchemy URLs quoted in code
// ("postgresql+psycopg://...", f"sqlite:///{path}"): the scheme between a
// quote and "://", read backwards from each "://" (linear, unlike a pattern
// that must try every quote), outside comments. An in-memory SQLite database ("sqlite://",
// "sqlite:///:memory:") is no evidence: it lives as long as the process, a
// test's or a tool's, never the database the migrations are deployed on
// (fmn's settings default to one and it deploys on PostgreSQL).
func urlDialects(data []byte) []string {
	var out []string
	sep := []byte("://")
	for rest := data; ; {
		i := bytes.Index(rest, sep)
		if i < 0 {
			return out
		}
		start := i
		for start > 0 && i-start < 40 && rest[start-1] != '"' && rest[start-1] != '\'' && rest[start-1] > ' ' {
			start--
		}
		lineStart := bytes.LastIndexByte(rest[:start], '\n') + 1
		commented := bytes.IndexByte(rest[lineStart:start], '#') >= 0 // an example left in a comment
		if start > 0 && (rest[start-1] == '"' || rest[start-1] == '\'') && !commented {
			scheme, _, _ := strings.Cut(strings.ToLower(string(rest[start:i])), "+")
			if d := dialect.OfBackend(scheme); (d == "postgresql" || d == "mysql" || d == "sqlite") &&
				!(d == "sqlite" && inMemory(rest[i+len(sep):])) {
				out = append(out, d)
			}
		}
		rest = rest[i+len(sep):]
	}
}

// inMemory reports whether the rest of a quoted SQLite URL, after "://",
// names no file: "/:memory:", or nothing (or "/") before the closing quote
// when no path is added to the string ("sqlite:///" + path is flaskbb's file).
func inMemory(rest []byte) bool {
	path := bytes.TrimPrefix(rest, []byte("/"))
	if bytes.HasPrefix(path, []byte(":memory:")) {
		return true
	}
	if len(path) == 0 || path[0] != '"' && path[0] != '\'' {
		return false
	}
	after := bytes.TrimLeft(path[1:], " \t")
	return len(after) == 0 || after[0] != '+' && after[0] != '%' && after[0] != '.'
}

// memoryURL reports whether a SQLite URL read from a config file names no file.
func memoryURL(url string) bool {
	_, rest, _ := strings.Cut(strings.TrimSpace(url), "://")
	rest = strings.TrimPrefix(rest, "/")
	return rest == "" || strings.HasPrefix(rest, ":memory:")
}

// setsURL finds code that sets the URL alembic uses at run time.
var setsURL = regexp.MustCompile(`set_main_option\(\s*["']sqlalchemy\.url["']|\[\s*["']sqlalchemy\.url["']\s*\]\s*=`)

// readsIniURL finds env.py code that connects with the ini's URL (the
// template's engine_from_config, or reading the option).
var readsIniURL = regexp.MustCompile(`engine_from_config|get_main_option\(\s*["']sqlalchemy\.url["']`)

// urlFromOutside finds env.py code taking a URL from an environment variable
// or an -x argument (os.getenv("DB_URL") or ..., get_x_argument(...).get("url")).
var urlFromOutside = regexp.MustCompile(`(?i)(getenv|environ|get_x_argument)\b[^\n]*url`)

// renderAsBatch is env.py turning on batch mode for every operation, which
// projects do for SQLite.
var renderAsBatch = regexp.MustCompile(`render_as_batch\s*=\s*True`)

// mysqlTableOptions in env.py: the storage engine or charset every table gets.
var mysqlTableOptions = regexp.MustCompile(`(?i)mysql_engine|mysql_charset|utf8mb4`)

// DialectEvidence reads the files around a script directory that are cheap
// to read: its env.py (URLs, batch mode, code that sets the URL), the
// project's dependency files (drivers) and the folder names. Every read is
// bounded. AddCodeEvidence adds what the project's code says, which costs
// more.
func (p *Project) DialectEvidence(sd ScriptDir) Evidence {
	e := Evidence{Votes: map[string]int{}, Reasons: map[string][]string{}, Migrations: map[string]int{}}
	if env, err := inputfile.Read(filepath.Join(sd.Location, "env.py"), maxCodeFileSize); err == nil {
		for _, d := range urlDialects(env) {
			e.Vote(d, 3, "a URL in env.py")
			e.support(d)
		}
		if renderAsBatch.Match(env) {
			e.Vote("sqlite", 2, "env.py's render_as_batch=True")
			e.support("sqlite")
		}
		if mysqlTableOptions.Match(env) {
			e.Vote("mysql", 2, "MySQL table options in env.py")
			e.support("mysql")
		}
		// an env.py that builds its own engine never reads the ini's URL, and
		// one that takes a URL from the environment or -x first reads it only
		// as a fallback
		e.URLOverridden = setsURL.Match(env) || !readsIniURL.Match(env) || urlFromOutside.Match(env)
	}
	seen := map[string]bool{} // a driver counts once, however many files list it
	for _, file := range dependencyFiles(sd.Location, p.Root) {
		data, err := inputfile.Read(file, maxCodeFileSize)
		if err != nil {
			continue
		}
		found := driversIn(data)
		for _, name := range slices.Sorted(maps.Keys(found)) {
			if !forTestsOnly(file) {
				e.support(found[name])
			}
			if !seen[name] {
				seen[name] = true
				e.Vote(found[name], 3, "the driver "+name+" in "+filepath.Base(file))
			}
		}
	}
	for _, dir := range []string{sd.Location, filepath.Dir(sd.Location)} {
		if d := DialectOfName(filepath.Base(dir)); d != "" {
			e.Vote(d, 5, "the folder name "+filepath.Base(dir))
			e.support(d)
			break
		}
	}
	return e
}

// forTestsOnly: dependency files of the test or development setup, whose
// drivers do not make a dialect one the project runs on.
func forTestsOnly(file string) bool {
	words := strings.FieldsFunc(strings.ToLower(filepath.Base(file)), func(r rune) bool { return r < 'a' || r > 'z' })
	for _, w := range words {
		switch w {
		case "test", "tests", "testing", "dev", "develop", "doc", "docs", "lint", "ci", "cidb":
			return true
		}
	}
	return false
}

// dependencyFiles are the dependency declarations from dir up to root (and the
// repository root): requirements*.txt, requirements/*.txt, pyproject.toml,
// setup.cfg, setup.py, Pipfile.
func dependencyFiles(dir, root string) []string {
	top := repoOrDir(root)
	var out []string
	for d := dir; ; d = filepath.Dir(d) {
		for _, name := range []string{"pyproject.toml", "setup.cfg", "setup.py", "Pipfile"} {
			if p := filepath.Join(d, name); isFile(p) {
				out = append(out, p)
			}
		}
		for _, pattern := range []string{"*requirements*.txt", "requirements/*.txt"} {
			matches, _ := inputfile.Glob(filepath.Join(d, pattern))
			out = append(out, matches...)
		}
		if d == top || !relpath.Within(d, top) || filepath.Dir(d) == d {
			return out
		}
	}
}

// CodeRoot is the directory the project's code is looked for in: the
// repository holding the project, else its root.
func (p *Project) CodeRoot() string {
	return repoOrDir(p.Root)
}

// maxCodeFiles bounds the scan of the project's code.
const maxCodeFiles = 1000

// AddCodeEvidence reads the Python code around a script directory (see
// scanCode): code that sets the URL (a CLI wrapping alembic) and literal URLs
// (the application's default database).
func (p *Project) AddCodeEvidence(e *Evidence, sd ScriptDir) {
	code := scanCode(sd.Location, p.CodeRoot())
	e.URLOverridden = e.URLOverridden || code.setsURL
	for d, n := range code.urls {
		e.Vote(d, min(n, 3), "URLs in the project's code")
	}
	p.addAppIniEvidence(e, sd)
}

// appIniURL is a sqlalchemy.url line of an application's ini file.
var appIniURL = regexp.MustCompile(`(?m)^[ \t]*sqlalchemy\.url[ \t]*=[ \t]*(\S+)`)

// maxAppInis bounds the ini files read at the project's root.
const maxAppInis = 10

// addAppIniEvidence reads the sqlalchemy.url of the ini files at the
// project's root other than the Alembic configuration: Pyramid applications
// keep their database there (Kotti's app.ini and development.ini).
func (p *Project) addAppIniEvidence(e *Evidence, sd ScriptDir) {
	inis, _ := inputfile.Glob(filepath.Join(p.Root, "*.ini"))
	for _, path := range inis[:min(len(inis), maxAppInis)] {
		if path == sd.Config || path == p.ConfigFile || filepath.Base(path) == "alembic.ini" {
			continue
		}
		data, err := inputfile.Read(path, maxCodeFileSize)
		if err != nil {
			continue
		}
		for _, m := range appIniURL.FindAllSubmatch(data, -1) {
			url := string(m[1])
			if d := dialectFromURL(url); d != "" && !(d == "sqlite" && memoryURL(url)) {
				e.Vote(d, 2, "sqlalchemy.url in "+filepath.Base(path))
			}
		}
	}
}

// codeFacts are what the code around a script directory says.
type codeFacts struct {
	setsURL bool           // it sets sqlalchemy.url (a CLI wrapping alembic)
	urls    map[string]int // literal SQLAlchemy URLs by dialect (defaults, examples)
}

// scanCode reads what the code around a script directory says of its URL.
func scanCode(location, top string) codeFacts {
	facts := codeFacts{urls: map[string]int{}}
	eachCodeFile(location, top, false, func(data []byte) bool {
		// the byte searches skip the regular expressions for most files
		if bytes.Contains(data, []byte("sqlalchemy.url")) {
			facts.setsURL = facts.setsURL || setsURL.Match(data)
		}
		for _, d := range urlDialects(data) {
			facts.urls[d]++
		}
		return true
	})
	return facts
}

// eachCodeFile reads the Python files of the package around a script
// directory (two levels above it, never above top: where projects keep the
// code that runs alembic and the default database URL), tests and revision
// files excluded, and the script directory's own (env.py) only when asked, at
// most maxCodeFiles, until visit returns false.
func eachCodeFile(location, top string, withScriptDir bool, visit func(data []byte) bool) {
	base := filepath.Dir(location)
	if up := filepath.Dir(base); relpath.Within(up, top) {
		base = up
	}
	seen := 0
	_ = inputfile.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return filepath.SkipDir
		case d.IsDir():
			if path != base && (skipDir(d.Name()) || testDirs[d.Name()] || d.Name() == "versions" || path == location && !withScriptDir) {
				return filepath.SkipDir
			}
			return nil
		case !strings.HasSuffix(path, ".py"):
			return nil
		}
		if seen++; seen > maxCodeFiles {
			return filepath.SkipAll
		}
		data, err := inputfile.Read(path, maxCodeFileSize)
		if err != nil || visit(data) {
			return nil
		}
		return filepath.SkipAll
	})
}

// DialectOfName reads a dialect from a folder name such as "postgresql",
// "sqlite_versions" or "psql_dos".
func DialectOfName(name string) string {
	name = strings.ToLower(name)
	for _, d := range []struct{ word, dialect string }{
		{"postgres", "postgresql"}, {"psql", "postgresql"}, {"mysql", "mysql"}, {"mariadb", "mysql"},
		{"sqlite", "sqlite"}, {"mssql", "mssql"}, {"oracle", "oracle"},
	} {
		if strings.Contains(name, d.word) {
			return d.dialect
		}
	}
	return ""
}
