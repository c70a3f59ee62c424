package project

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alembic-patterns/alembic-patterns/server/internal/dialect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// Settings mirrors [tool.alembic-patterns] in pyproject.toml. Zero values
// mean "not set", so that callers can tell them from explicit choices and
// layer CLI flags on top.
type Settings struct {
	Profile         string            `toml:"profile"` // "default" | "zero-downtime"
	Select          []string          `toml:"select"`
	Ignore          []string          `toml:"ignore"`
	Severity        map[string]string `toml:"severity"` // rule id -> "error"|"warning"|"info"|"off"
	Dialect         string            `toml:"dialect"`  // normalized like sqlalchemy.url dialects
	PostgresVersion int               `toml:"postgres-version"`
	SQLiteVersion   string            `toml:"sqlite-version"` // the oldest SQLite the project supports, e.g. "3.31"
	Exclude         []string          `toml:"exclude"`        // slash-separated globs relative to Root
	FailOn          string            `toml:"fail-on"`        // "error" | "warning" | "info"
}

type pyproject struct {
	Tool struct {
		Alembic  map[string]any `toml:"alembic"`
		Patterns *Settings      `toml:"alembic-patterns"`
	} `toml:"tool"`
}

func readPyproject(file string) (*pyproject, toml.MetaData, error) {
	data, err := inputfile.Read(file, maxConfigSize)
	if err != nil {
		return nil, toml.MetaData{}, err
	}
	var doc pyproject
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return nil, md, fmt.Errorf("%s: %w", file, err)
	}
	return &doc, md, nil
}

// loadSettings reads the nearest [tool.alembic-patterns] from root upward to
// the repository root (the directory holding .git). Outside a repository only
// root itself is looked at, so a stray ~/pyproject.toml is never picked up.
func loadSettings(root string) (Settings, string, error) {
	top := cmp.Or(RepoRoot(root), root)
	for d := root; ; d = filepath.Dir(d) {
		file := filepath.Join(d, pyprojectName)
		doc, md, err := readPyproject(file)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Settings{}, "", err
		}
		if err == nil && doc.Tool.Patterns != nil {
			s := *doc.Tool.Patterns
			for _, k := range md.Undecoded() {
				if len(k) > 2 && k[0] == "tool" && k[1] == "alembic-patterns" {
					return Settings{}, "", fmt.Errorf("%s: unknown key %q in [tool.alembic-patterns]", file, k[2])
				}
			}
			if err := s.normalize(); err != nil {
				return Settings{}, "", fmt.Errorf("%s: [tool.alembic-patterns] %w", file, err)
			}
			return s, file, nil
		}
		if d == top {
			return Settings{}, "", nil
		}
	}
}

func (s *Settings) normalize() error {
	if !oneOf(s.Profile, "", "default", "zero-downtime") {
		return fmt.Errorf("profile = %q: expected \"default\" or \"zero-downtime\"", s.Profile)
	}
	for _, id := range slices.Sorted(maps.Keys(s.Severity)) {
		if !oneOf(s.Severity[id], "error", "warning", "info", "off") {
			return fmt.Errorf("severity.%s = %q: expected error, warning, info or off", id, s.Severity[id])
		}
	}
	if s.Dialect != "" {
		d := dialect.OfBackend(s.Dialect)
		if d == "" {
			return fmt.Errorf("dialect = %q: expected postgresql, mysql, sqlite, mssql or oracle", s.Dialect)
		}
		s.Dialect = d
	}
	if s.PostgresVersion != 0 && (s.PostgresVersion < 9 || s.PostgresVersion > 99) {
		return fmt.Errorf("postgres-version = %d: expected a major version such as 15", s.PostgresVersion)
	}
	if s.SQLiteVersion != "" && !sqliteVersion.MatchString(s.SQLiteVersion) {
		return fmt.Errorf("sqlite-version = %q: expected a version such as \"3.31\"", s.SQLiteVersion)
	}
	for _, pat := range s.Exclude {
		if _, err := path.Match(pat, ""); err != nil {
			return fmt.Errorf("exclude pattern %q: %w", pat, err)
		}
	}
	if !oneOf(s.FailOn, "", "error", "warning", "info") {
		return fmt.Errorf("fail-on = %q: expected error, warning or info", s.FailOn)
	}
	return nil
}

var sqliteVersion = regexp.MustCompile(`^3\.\d+(\.\d+)?$`)

func oneOf(v string, allowed ...string) bool { return slices.Contains(allowed, v) }

// dialectFromURL returns the dialect of a SQLAlchemy URL, or "" when it is not
// a URL with a literal backend name (empty, the `driver://` placeholder of
// `alembic init`, a whole-value ${VAR} or %(var)s placeholder). Placeholders
// after the scheme do not hide a literal backend name.
func dialectFromURL(url string) string {
	scheme, _, ok := strings.Cut(strings.TrimSpace(url), "://")
	if !ok {
		return ""
	}
	backend, _, _ := strings.Cut(scheme, "+")
	return dialect.OfBackend(backend)
}
