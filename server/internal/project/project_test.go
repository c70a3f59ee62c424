package project

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fixture writes files under a fresh temp dir and returns its resolved path.
// Keys ending in "/" are directories; "{root}" in contents is replaced by the
// root path.
func fixture(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(content, "{root}", root)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// abs makes the slash-separated paths of want absolute under root; every
// directory is configured in config.
func abs(root, config string, dirs []ScriptDir) []ScriptDir {
	out := make([]ScriptDir, len(dirs))
	for i, d := range dirs {
		d.Config, d.Origin = config, "config"
		d.Location = filepath.Join(root, filepath.FromSlash(d.Location))
		var vl []string
		for _, v := range d.VersionLocations {
			vl = append(vl, filepath.Join(root, filepath.FromSlash(v)))
		}
		d.VersionLocations = vl
		out[i] = d
	}
	return out
}

func TestLoad(t *testing.T) {
	pg := "postgresql"
	tests := []struct {
		name   string
		files  map[string]string
		config string // relative to the fixture root
		want   []ScriptDir
		root   string // the project root when not the config's directory
	}{
		{
			name: "plain alembic.ini",
			files: map[string]string{
				"alembic.ini":       "# A generic, single database configuration.\n[alembic]\nscript_location = alembic\nsqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n\n[loggers]\nkeys = root\n",
				"alembic/versions/": "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "alembic", VersionLocations: []string{"alembic/versions"}, Dialect: pg, DialectSource: "sqlalchemy.url"}},
		},
		{
			name: "here and versions missing",
			files: map[string]string{
				"alembic.ini": "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = driver://user:pass@localhost/dbname\n",
				"migrations/": "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "migrations", VersionLocations: []string{"migrations/versions"}}},
		},
		{
			name: "absolute script_location, dotted relative versions",
			files: map[string]string{
				"conf/alembic.ini": "[alembic]\nscript_location = {root}/db/migrations\nversion_locations = ../db/extra\npath_separator = os\n",
				"db/migrations/":   "",
			},
			config: "conf/alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "db/migrations", VersionLocations: []string{"db/extra"}}},
			root:   ".", // the script directory lies beside the config's directory
		},
		{
			name: "container path of the ini's own script directory, a folder of that name beside the project",
			files: map[string]string{
				"proj/migrations/alembic.ini": "[alembic]\nscript_location = /usr/src/app/migrations\n",
				"proj/migrations/env.py":      "",
				"proj/migrations/versions/":   "",
				"app/migrations/env.py":       "", // another checkout
			},
			config: "proj/migrations/alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "proj/migrations", VersionLocations: []string{"proj/migrations/versions"}}},
		},
		{
			name: "container path of a subfolder of the repository",
			files: map[string]string{
				"repo/svc/alembic.ini":          "[alembic]\nscript_location = /app/svc/migrations\n",
				"repo/svc/migrations/versions/": "",
			},
			config: "repo/svc/alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "repo/svc/migrations", VersionLocations: []string{"repo/svc/migrations/versions"}}},
		},
		{
			name: "interpolation from section and DEFAULT",
			files: map[string]string{
				"alembic.ini":         "[DEFAULT]\nbase = %(here)s/src\n\n[alembic]\nPKG = app\nscript_location = %(base)s/%(pkg)s/migrations\nsqlalchemy.url = %(DB_URL)s\n",
				"src/app/migrations/": "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "src/app/migrations", VersionLocations: []string{"src/app/migrations/versions"}}},
		},
		{
			name: "package resource form",
			files: map[string]string{
				"alembic.ini":                 "[alembic]\nscript_location = myapp.db:migrations\nversion_locations = myapp.db:migrations/v1 myapp.db:migrations/v2\n",
				"src/myapp/db/migrations/v1/": "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "src/myapp/db/migrations", VersionLocations: []string{"src/myapp/db/migrations/v1", "src/myapp/db/migrations/v2"}}},
		},
		{
			name: "script_location in DEFAULT and named sections run with -n",
			files: map[string]string{
				"alembic.ini": "[DEFAULT]\nscript_location = db\n\n[main]\nversion_locations = %(here)s/db/main\n\n" +
					"[static]\nversion_locations = %(here)s/db/static\n\n[loggers]\nkeys = root\n\n[logger_root]\nlevel = WARN\n\n" +
					"[post_write_hooks]\nhooks = black\n",
				"db/main/": "", "db/static/": "",
			},
			config: "alembic.ini",
			want: []ScriptDir{{Name: "main", Location: "db", VersionLocations: []string{"db/main"}},
				{Name: "static", Location: "db", VersionLocations: []string{"db/static"}}},
		},
		{
			name: "a path of several folders from the top of a checkout without .git",
			files: map[string]string{
				"svc/app/db/migrations/one_alembic.ini": "[alembic]\nscript_location = svc/app/db/migrations/one\n",
				"svc/app/db/migrations/one/versions/":   "",
			},
			config: "svc/app/db/migrations/one_alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "svc/app/db/migrations/one", VersionLocations: []string{"svc/app/db/migrations/one/versions"}}},
		},
		{
			name: "a section naming the script directory of [alembic] again",
			files: map[string]string{
				"alembic.ini":  "[alembic]\nscript_location = db\n\n[common]\nscript_location = db\nversion_locations = %(here)s/db/versions\n",
				"db/versions/": "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "db", VersionLocations: []string{"db/versions"}}},
		},
		{
			name: "several sections",
			files: map[string]string{
				"alembic.ini": "[alembic]\nscript_location = main\nsqlalchemy.url = sqlite:///app.db\n\n" +
					"[analytics]\nscript_location = analytics\nsqlalchemy.url = mysql+pymysql://u@h/db\n\n" +
					"[legacy]\nscript_location = legacy\nsqlalchemy.url = mssql+pyodbc://dsn\n\n" +
					"[loggers]\nkeys = root,sqlalchemy\n",
				"main/": "", "analytics/": "", "legacy/": "",
			},
			config: "alembic.ini",
			want: []ScriptDir{
				{Name: "alembic", Location: "main", VersionLocations: []string{"main/versions"}, Dialect: "sqlite", DialectSource: "sqlalchemy.url"},
				{Name: "analytics", Location: "analytics", VersionLocations: []string{"analytics/versions"}, Dialect: "mysql", DialectSource: "sqlalchemy.url"},
				{Name: "legacy", Location: "legacy", VersionLocations: []string{"legacy/versions"}, Dialect: "mssql", DialectSource: "sqlalchemy.url"},
			},
		},
		{
			name: "script_location inherited from DEFAULT by the main section only",
			files: map[string]string{
				"alembic.ini": "[DEFAULT]\nscript_location = alembic\n[alembic]\nsqlalchemy.url = oracle+oracledb://u@h\n[loggers]\nkeys = root\n",
				"alembic/":    "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "alembic", VersionLocations: []string{"alembic/versions"}, Dialect: "oracle", DialectSource: "sqlalchemy.url"}},
		},
		{
			name: "pyproject only",
			files: map[string]string{
				"pyproject.toml": "[project]\nname = \"x\"\n\n[tool.alembic]\nscript_location = \"%(here)s/alembic\"\nversion_locations = [\"%(here)s/alembic/versions\", \"extra\"]\nfile_template = \"%%(rev)s\"\n",
				"alembic/":       "",
			},
			config: "pyproject.toml",
			want:   []ScriptDir{{Name: "tool.alembic", Location: "alembic", VersionLocations: []string{"alembic/versions", "extra"}}},
		},
		{
			name: "pyproject script_location with sqlalchemy.url in alembic.ini",
			files: map[string]string{
				"pyproject.toml": "[tool.alembic]\nscript_location = \"migrations\"\n",
				"alembic.ini":    "[alembic]\nsqlalchemy.url = postgres://localhost/db\n",
				"migrations/":    "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "tool.alembic", Location: "migrations", VersionLocations: []string{"migrations/versions"}, Dialect: pg, DialectSource: "sqlalchemy.url"}},
		},
		{
			name: "ini wins over pyproject",
			files: map[string]string{
				"pyproject.toml": "[tool.alembic]\nscript_location = \"other\"\nversion_locations = [\"shared\"]\n",
				"alembic.ini":    "[alembic]\nscript_location = alembic\n",
				"alembic/":       "",
			},
			config: "alembic.ini",
			want:   []ScriptDir{{Name: "alembic", Location: "alembic", VersionLocations: []string{"shared"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, tt.files)
			p, err := Load(filepath.Join(root, tt.config))
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, filepath.FromSlash(tt.config)); p.ConfigFile != want {
				t.Errorf("ConfigFile = %s, want %s", p.ConfigFile, want)
			}
			want := filepath.Dir(filepath.Join(root, filepath.FromSlash(tt.config)))
			if tt.root != "" {
				want = filepath.Join(root, tt.root)
			}
			if p.Root != want {
				t.Errorf("Root = %s, want %s", p.Root, want)
			}
			if want := abs(root, p.ConfigFile, tt.want); !reflect.DeepEqual(p.ScriptDirs, want) {
				t.Errorf("ScriptDirs =\n%+v\nwant\n%+v", p.ScriptDirs, want)
			}
		})
	}
}

func TestVersionLocationSeparators(t *testing.T) {
	osSep := string(os.PathListSeparator)
	tests := []struct {
		name     string
		settings string
		want     []string
	}{
		{"os", "path_separator = os\nversion_locations = %(here)s/a" + osSep + "b", []string{"a", "b"}},
		{"space", "path_separator = space\nversion_locations = a  b", []string{"a", "b"}},
		{"newline", "path_separator = newline\nversion_locations =\n    a\n    # a comment\n    b c", []string{"a", "b c"}},
		{"semicolon", "path_separator = ;\nversion_locations = a;b c", []string{"a", "b c"}},
		{"colon", "path_separator = :\nversion_locations = a: b", []string{"a", "b"}},
		{"legacy version_path_separator", "version_path_separator = ;\nversion_locations = a;b", []string{"a", "b"}},
		{"path_separator wins", "version_path_separator = space\npath_separator = ;\nversion_locations = a b;c", []string{"a b", "c"}},
		{"no separator: spaces and commas", "version_locations = a, b c,d", []string{"a", "b", "c", "d"}},
		{"empty value means default", "path_separator = os\nversion_locations =", []string{"alembic/versions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, map[string]string{
				"alembic.ini": "[alembic]\nscript_location = alembic\n" + tt.settings + "\n",
				"alembic/":    "",
			})
			p, err := Load(filepath.Join(root, "alembic.ini"))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.Join(root, w))
			}
			if got := p.ScriptDirs[0].VersionLocations; !reflect.DeepEqual(got, want) {
				t.Errorf("VersionLocations = %q, want %q", got, want)
			}
		})
	}
}

func TestDialectFromURL(t *testing.T) {
	tests := map[string]string{
		"postgresql+psycopg2://u:p@h/db":      "postgresql",
		"postgresql://h/db":                   "postgresql",
		"postgres://h/db":                     "postgresql",
		"PostgreSQL+asyncpg://h/db":           "postgresql",
		"mysql+pymysql://u@h/db":              "mysql",
		"mariadb+mariadbconnector://u@h/d":    "mysql",
		"sqlite:///app.db":                    "sqlite",
		"sqlite://":                           "sqlite",
		"mssql+pyodbc://dsn":                  "mssql",
		"oracle+cx_oracle://u@h":              "oracle",
		"driver://user:pass@localhost/dbname": "",
		"":                                    "",
		"   ":                                 "",
		"%(DATABASE_URL)s":                    "",
		"${DATABASE_URL}":                     "",
		"postgresql://${DB_USER}@${DB_HOST}":  "postgresql",
		"cockroachdb://h/db":                  "",
		"not a url":                           "",
	}
	for url, want := range tests {
		if got := dialectFromURL(url); got != want {
			t.Errorf("dialectFromURL(%q) = %q, want %q", url, got, want)
		}
	}
}

func TestURLDialects(t *testing.T) {
	tests := map[string][]string{
		`engine = create_engine("postgresql+psycopg://u@h/db")`:   {"postgresql"},
		`url = f"sqlite:///{path}"`:                               {"sqlite"},
		`url = "sqlite:////var/lib/app.db"`:                       {"sqlite"},
		`url: str = "sqlite:///:memory:"`:                         nil, // a test's database, not the deployed one
		`os.environ["URL"] = "sqlite:///"`:                        nil,
		`create_engine('sqlite://')`:                              nil,
		`a = "mysql://h/d"; b = "sqlite://"`:                      {"mysql"},
		`URI = "sqlite:///" + basedir + "/app.sqlite"`:            {"sqlite"}, // a file after all (flaskbb)
		`URI = 'sqlite:///%s' % path`:                             {"sqlite"},
		"# URI = 'postgresql://u@h/db'\nURI = 'sqlite:///app.db'": {"sqlite"}, // an example in a comment (flask-restplus-server-example)
	}
	for code, want := range tests {
		if got := urlDialects([]byte(code)); !slices.Equal(got, want) {
			t.Errorf("urlDialects(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestDialectThroughLoad(t *testing.T) {
	tests := []struct {
		name, url, wantDialect, wantSource string
	}{
		{"undefined interpolation", "%(DB_URL)s", "", ""},
		{"interpolation from DEFAULT", "%(scheme)s://h/db", "mysql", "sqlalchemy.url"},
		{"literal scheme, placeholders after it", "postgresql+psycopg://%(user)s:%(pw)s@h/db", "postgresql", "sqlalchemy.url"},
		{"broken percent", "postgresql://u:p%40ss@h/db", "postgresql", "sqlalchemy.url"},
		{"env placeholder", "${DATABASE_URL}", "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, map[string]string{
				"alembic.ini": "[DEFAULT]\nscheme = mariadb\n[alembic]\nscript_location = alembic\nsqlalchemy.url = " + tt.url + "\n",
				"alembic/":    "",
			})
			p, err := Load(filepath.Join(root, "alembic.ini"))
			if err != nil {
				t.Fatal(err)
			}
			sd := p.ScriptDirs[0]
			if sd.Dialect != tt.wantDialect || sd.DialectSource != tt.wantSource {
				t.Errorf("dialect = %q (%q), want %q (%q)", sd.Dialect, sd.DialectSource, tt.wantDialect, tt.wantSource)
			}
		})
	}
}

func TestSettings(t *testing.T) {
	root := fixture(t, map[string]string{
		"alembic.ini": "[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite:///x.db\n",
		"alembic/":    "",
		"pyproject.toml": `[tool.ruff]
line-length = 100

[tool.alembic-patterns]
profile = "zero-downtime"
select = ["enum-type-not-dropped", "multiple-heads"]
ignore = ["app-model-import"]
dialect = "Postgres"
postgres-version = 15
exclude = ["alembic/versions/legacy_*.py"]
fail-on = "warning"

[tool.alembic-patterns.severity]
downgrade-missing = "off"
"column-drop-add" = "error"
`,
	})
	p, err := Load(filepath.Join(root, "alembic.ini"))
	if err != nil {
		t.Fatal(err)
	}
	want := Settings{
		Profile:         "zero-downtime",
		Select:          []string{"enum-type-not-dropped", "multiple-heads"},
		Ignore:          []string{"app-model-import"},
		Severity:        map[string]string{"downgrade-missing": "off", "column-drop-add": "error"},
		Dialect:         "postgresql",
		PostgresVersion: 15,
		Exclude:         []string{"alembic/versions/legacy_*.py"},
		FailOn:          "warning",
	}
	if !reflect.DeepEqual(p.Settings, want) {
		t.Errorf("Settings = %+v, want %+v", p.Settings, want)
	}
	if want := filepath.Join(root, "pyproject.toml"); p.SettingsFile != want {
		t.Errorf("SettingsFile = %q, want %q", p.SettingsFile, want)
	}
	if sd := p.ScriptDirs[0]; sd.Dialect != "postgresql" || sd.DialectSource != "config" {
		t.Errorf("dialect = %q (%q), want the configured postgresql", sd.Dialect, sd.DialectSource)
	}
}

func TestSettingsSearchStopsAtRepoRoot(t *testing.T) {
	settings := "[tool.alembic-patterns]\nprofile = \"zero-downtime\"\n"
	tests := []struct {
		name     string
		files    map[string]string
		wantFile string
	}{
		{"from repo root", map[string]string{".git/": "", "pyproject.toml": settings}, "pyproject.toml"},
		{"nearest wins", map[string]string{".git/": "", "pyproject.toml": settings, "services/api/pyproject.toml": settings}, "services/api/pyproject.toml"},
		{"pyproject without the table is skipped", map[string]string{".git": "gitdir: x", "pyproject.toml": settings, "services/api/pyproject.toml": "[project]\nname='api'\n"}, "pyproject.toml"},
		{"not above the repo root", map[string]string{"pyproject.toml": settings, "services/.git/": ""}, ""},
		{"outside a repo only next to the config", map[string]string{"pyproject.toml": settings}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["services/api/alembic.ini"] = "[alembic]\nscript_location = alembic\n"
			tt.files["services/api/alembic/"] = ""
			root := fixture(t, tt.files)
			p, err := Load(filepath.Join(root, "services/api/alembic.ini"))
			if err != nil {
				t.Fatal(err)
			}
			wantFile, wantProfile := "", ""
			if tt.wantFile != "" {
				wantFile, wantProfile = filepath.Join(root, tt.wantFile), "zero-downtime"
			}
			if p.SettingsFile != wantFile || p.Settings.Profile != wantProfile {
				t.Errorf("settings from %q (profile %q), want %q (%q)", p.SettingsFile, p.Settings.Profile, wantFile, wantProfile)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	good := "[alembic]\nscript_location = alembic\n"
	tests := []struct {
		name   string
		files  map[string]string
		config string
		want   []string // substrings of the error
	}{
		{"unknown interpolation in script_location", map[string]string{"alembic.ini": "[alembic]\nscript_location = %(nope)s/alembic\n"}, "alembic.ini",
			[]string{"script_location", "%(nope)s is not defined", "{root}/alembic.ini"}},
		{"interpolation cycle", map[string]string{"alembic.ini": "[alembic]\na = %(b)s\nb = %(a)s\nscript_location = %(a)s\n"}, "alembic.ini",
			[]string{"nested too deeply"}},
		{"stray percent", map[string]string{"alembic.ini": "[alembic]\nscript_location = 100%\n"}, "alembic.ini",
			[]string{"'%' must be followed"}},
		{"bad path_separator", map[string]string{"alembic.ini": good + "path_separator = comma\nversion_locations = a,b\n", "alembic/": ""}, "alembic.ini",
			[]string{`path_separator = "comma"`, "{root}/alembic.ini"}},
		{"malformed ini", map[string]string{"alembic.ini": "[alembic\nscript_location = alembic\n"}, "alembic.ini",
			[]string{"{root}/alembic.ini is not a valid INI file"}},
		{"ini line without delimiter", map[string]string{"alembic.ini": "[alembic]\njust some words\n"}, "alembic.ini",
			[]string{"{root}/alembic.ini is not a valid INI file"}},
		{"binary garbage", map[string]string{"alembic.ini": "\x7fELF\x02\x01\x01\x00\x00\x00garbage"}, "alembic.ini",
			[]string{"{root}/alembic.ini is not a text file"}},
		{"directory named alembic.ini", map[string]string{"alembic.ini/": ""}, "alembic.ini",
			[]string{"{root}/alembic.ini", "is a directory"}},
		{"missing config", map[string]string{}, "alembic.ini",
			[]string{"{root}/alembic.ini", "no such file"}},
		{"malformed toml", map[string]string{"pyproject.toml": "[tool.alembic\nscript_location = 'x'\n"}, "pyproject.toml",
			[]string{"{root}/pyproject.toml", "toml: line 2"}},
		{"malformed sibling toml", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "= 1"}, "alembic.ini",
			[]string{"{root}/pyproject.toml"}},
		{"toml script_location not a string", map[string]string{"pyproject.toml": "[tool.alembic]\nscript_location = 1\n"}, "pyproject.toml",
			[]string{"script_location", "must be a string", "{root}/pyproject.toml"}},
		{"toml version_locations not a list", map[string]string{"pyproject.toml": "[tool.alembic]\nscript_location = 'a'\nversion_locations = 'a/v'\n", "a/": ""}, "pyproject.toml",
			[]string{"version_locations", "list of strings"}},
		{"bad profile", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns]\nprofile = 'fast'\n"}, "alembic.ini",
			[]string{"{root}/pyproject.toml", `profile = "fast"`}},
		{"bad severity", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns.severity]\nmultiple-heads = 'fatal'\n"}, "alembic.ini",
			[]string{"severity.multiple-heads", "fatal"}},
		{"unknown settings key", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns]\npostgres_version = 15\n"}, "alembic.ini",
			[]string{"{root}/pyproject.toml", `unknown key "postgres_version"`}},
		{"postgres-version as string", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns]\npostgres-version = '15'\n"}, "alembic.ini",
			[]string{"{root}/pyproject.toml", "postgres-version"}},
		{"bad dialect", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns]\ndialect = 'db2'\n"}, "alembic.ini",
			[]string{`dialect = "db2"`}},
		{"bad exclude glob", map[string]string{"alembic.ini": good, "alembic/": "", "pyproject.toml": "[tool.alembic-patterns]\nexclude = ['[x']\n"}, "alembic.ini",
			[]string{`exclude pattern "[x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, tt.files)
			p, err := Load(filepath.Join(root, tt.config))
			if err == nil {
				t.Fatalf("Load succeeded with %+v, want an error", p)
			}
			for _, w := range tt.want {
				if w = strings.ReplaceAll(w, "{root}", root); !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestFind(t *testing.T) {
	proj := map[string]string{"alembic.ini": "[alembic]\nscript_location = alembic\n", "alembic/versions/0001_x.py": "revision = '1'\n"}
	under := func(dir string, files map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range files {
			out[dir+"/"+k] = v
		}
		return out
	}
	tests := []struct {
		name  string
		files map[string]string
		start string
		want  string // config file relative to root
	}{
		{"upward from a migration file", proj, "alembic/versions/0001_x.py", "alembic.ini"},
		{"at the root", proj, ".", "alembic.ini"},
		{"nearest upward wins", merge(proj, under("sub", proj)), "sub/alembic/versions", "sub/alembic.ini"},
		{"upward to pyproject", map[string]string{"pyproject.toml": "[tool.alembic]\nscript_location = 'db'\n", "db/": "", "db/versions/": ""}, "db/versions", "pyproject.toml"},
		{"pyproject without tool.alembic is passed over", merge(proj, map[string]string{"pkg/pyproject.toml": "[project]\nname='x'\n", "pkg/a/": ""}), "pkg/a", "alembic.ini"},
		{"downward, one project", merge(under("backend", proj), map[string]string{"frontend/node_modules/x/alembic.ini": "", "docs/": ""}), ".", "backend/alembic.ini"},
		{"downward at depth 4", under("a/b/c/d", proj), ".", "a/b/c/d/alembic.ini"},
		// evidently keeps alembic.ini in src/evidently/ui/service/storage/sql/migrations
		{"downward at depth 7, ini inside its script directory", map[string]string{"src/a/b/c/d/e/migrations/alembic.ini": "[alembic]\nscript_location = migrations\nversion_locations = %(here)s/versions\n", "src/a/b/c/d/e/migrations/versions/0001_x.py": "revision = '1'\n"}, ".", "src/a/b/c/d/e/migrations/alembic.ini"},
		{"an ini file as start", map[string]string{"conf/prod.ini": "[alembic]\nscript_location = ../alembic\n", "alembic/": "", "alembic.ini": "[alembic]\nscript_location = other\n"}, "conf/prod.ini", "conf/prod.ini"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, tt.files)
			p, err := Find(filepath.Join(root, tt.start))
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, tt.want); p.ConfigFile != want {
				t.Errorf("ConfigFile = %s, want %s", p.ConfigFile, want)
			}
		})
	}
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func TestFindFailures(t *testing.T) {
	ini := "[alembic]\nscript_location = alembic\n"
	t.Run("none", func(t *testing.T) {
		root := fixture(t, map[string]string{"src/app.py": "", "a/b/c/d/e/f/g/h/i/j/k/alembic.ini": ini, "tests/alembic.ini": ini, ".hidden/alembic.ini": ini, "venv/alembic.ini": ini})
		_, err := Find(root)
		if !errors.Is(err, ErrNoProject) {
			t.Fatalf("err = %v, want ErrNoProject", err)
		}
		want := "no Alembic project found from " + root + " (looked for alembic.ini or [tool.alembic] in pyproject.toml upward, and below for those or for env.py beside versions/)"
		if err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	})
	t.Run("missing start", func(t *testing.T) {
		root := fixture(t, nil)
		_, err := Find(filepath.Join(root, "nope"))
		if err == nil || !strings.Contains(err.Error(), filepath.Join(root, "nope")) {
			t.Errorf("err = %v, want one naming the path", err)
		}
	})
	t.Run("broken config found upward", func(t *testing.T) {
		root := fixture(t, map[string]string{"alembic.ini": "\x00\x01", "src/": ""})
		_, err := Find(filepath.Join(root, "src"))
		if err == nil || !strings.Contains(err.Error(), filepath.Join(root, "alembic.ini")) {
			t.Errorf("err = %v, want one naming alembic.ini", err)
		}
	})
}

func TestSymlinkedProject(t *testing.T) {
	real := fixture(t, map[string]string{
		"alembic.ini":       "[alembic]\nscript_location = %(here)s/alembic\nversion_locations = %(here)s/alembic/versions\npath_separator = os\n",
		"alembic/versions/": "",
	})
	links, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "proj")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	p, err := Find(filepath.Join(link, "alembic", "versions"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Root != real || p.ConfigFile != filepath.Join(real, "alembic.ini") {
		t.Errorf("Root, ConfigFile = %s, %s; want them under %s", p.Root, p.ConfigFile, real)
	}
	want := []ScriptDir{{Name: "alembic", Config: filepath.Join(real, "alembic.ini"), Origin: "config", Location: filepath.Join(real, "alembic"), VersionLocations: []string{filepath.Join(real, "alembic", "versions")}}}
	if !reflect.DeepEqual(p.ScriptDirs, want) {
		t.Errorf("ScriptDirs = %+v, want %+v", p.ScriptDirs, want)
	}

	// A symlinked script_location resolves to its target.
	root := fixture(t, map[string]string{"alembic.ini": "[alembic]\nscript_location = migrations\n", "shared/migrations/": ""})
	if err := os.Symlink(filepath.Join(root, "shared", "migrations"), filepath.Join(root, "migrations")); err != nil {
		t.Fatal(err)
	}
	p, err = Load(filepath.Join(root, "alembic.ini"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "shared", "migrations"); p.ScriptDirs[0].Location != want {
		t.Errorf("Location = %s, want %s", p.ScriptDirs[0].Location, want)
	}
	if want := filepath.Join(root, "shared", "migrations", "versions"); p.ScriptDirs[0].VersionLocations[0] != want {
		t.Errorf("VersionLocations[0] = %s, want %s", p.ScriptDirs[0].VersionLocations[0], want)
	}
}

// FuzzLoad feeds arbitrary alembic.ini and pyproject.toml contents to Load:
// it may fail, but must not panic.
func FuzzLoad(f *testing.F) {
	f.Add("[alembic]\nscript_location = %(here)s/alembic\nversion_locations = a b\nsqlalchemy.url = postgresql://h/db\n", "[tool.alembic-patterns]\nprofile = 'default'\n")
	f.Add("[DEFAULT]\nx = %(y)s\n[alembic]\ny = %(x)s\nscript_location = %(x)s\n", "[tool.alembic]\nscript_location = '%(here)s'\nversion_locations = [1]\n")
	f.Add("[db2]\nscript_location = pkg:m\npath_separator = newline\nversion_locations =\n  a\n  b\n", "tool = 1")
	f.Fuzz(func(t *testing.T, ini, pyproject string) {
		root := t.TempDir()
		if err := os.Mkdir(filepath.Join(root, "alembic"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string]string{"alembic.ini": ini, "pyproject.toml": pyproject} {
			if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Load(filepath.Join(root, "alembic.ini"))
		if err == nil && len(p.ScriptDirs) == 0 && len(p.Notes) == 0 {
			t.Fatal("Load returned a project without script directories and without a note saying why")
		}
	})
}

func TestInterpolationFanOutIsBounded(t *testing.T) {
	var ini strings.Builder
	ini.WriteString("[alembic]\nscript_location = %(k0)s\n")
	for i := range 9 {
		fmt.Fprintf(&ini, "k%d = %s\n", i, strings.Repeat(fmt.Sprintf("%%(k%d)s", i+1), 50))
	}
	ini.WriteString("k9 =\n")
	root := fixture(t, map[string]string{"alembic.ini": ini.String()})
	_, err := Load(filepath.Join(root, "alembic.ini"))
	if err == nil || !strings.Contains(err.Error(), "too complex") {
		t.Errorf("err = %v, want a bounded interpolation error", err)
	}
}

// TestFindDirectoryOfRevisions: a directory holding revision files (even one,
// whatever its name) is analysed on its own, not replaced by another project
// found elsewhere in the repository.
func TestFindDirectoryOfRevisions(t *testing.T) {
	rev := "revision = \"1\"\ndown_revision = None\n"
	root := fixture(t, map[string]string{".git/HEAD": "", "app/alembic.ini": "[alembic]\nscript_location = migrations\n",
		"app/migrations/versions/0001_a.py": rev, "fixtures/case_a/0001_x.py": rev})
	p, err := Find(filepath.Join(root, "fixtures", "case_a"))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "fixtures", "case_a")
	if len(p.ScriptDirs) != 1 || p.ScriptDirs[0].Location != want {
		t.Errorf("ScriptDirs = %+v, want the one directory %s", p.ScriptDirs, want)
	}
}

// TestScriptDirOf: the script directory of a file is the one whose version
// locations hold it, at any depth; files elsewhere have none.
func TestScriptDirOf(t *testing.T) {
	root := fixture(t, map[string]string{
		"alembic.ini":            "[alembic]\nscript_location = one\n\n[two]\nscript_location = two\n",
		"one/versions/2024/a.py": "",
		"two/versions/b.py":      "",
		"one/env.py":             "",
		"one/versionsextra/c.py": "",
		"app/models.py":          "",
	})
	p, err := Load(filepath.Join(root, "alembic.ini"))
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]string{
		"one/versions/2024/a.py": "one", "two/versions/b.py": "two",
		"one/env.py": "", "one/versionsextra/c.py": "", "app/models.py": "",
	} {
		got := ""
		if sd := p.ScriptDirOf(filepath.Join(root, rel)); sd != nil {
			got = filepath.Base(sd.Location)
		}
		if got != want {
			t.Errorf("ScriptDirOf(%s) = %q, want %q", rel, got, want)
		}
	}
}

// TestFindRevisionTrees: a repository whose tool sets version_locations in
// code, one revision tree per directory of migrations/ (lsst's
// daf_butler_migrate: migrations/datasets/, migrations/dimensions/, env.py in
// migrations/_alembic/, and alternative trees deeper, in
// migrations/_oneshot/datasets/x/), is found from its root, each tree its own
// graph; such trees count only where no configuration or usual shape is found.
func TestFindRevisionTrees(t *testing.T) {
	rev := func(id string) string { return "revision = \"" + id + "\"\ndown_revision = None\n" }
	files := map[string]string{".git/HEAD": "", "migrations/_alembic/env.py": "", "migrations/_alembic/script.py.mako": "",
		"migrations/datasets/aa.py": rev("aa"), "migrations/datasets/bb.py": rev("bb"), "migrations/dimensions/cc.py": rev("cc"),
		"migrations/_oneshot/datasets/x/aa.py": rev("aa"), "migrations/notes/readme.py": "print('not a revision')\n", "python/pkg/tool.py": ""}
	root := fixture(t, files)
	for _, start := range []string{root, filepath.Join(root, "python", "pkg")} {
		p, err := Find(start)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sd := range p.ScriptDirs {
			got = append(got, p.Rel(sd.Location))
		}
		if want := []string{"migrations/_oneshot/datasets/x", "migrations/datasets", "migrations/dimensions"}; !slices.Equal(got, want) {
			t.Errorf("from %s: script directories %q, want %q", start, got, want)
		}
	}
	withConfig := fixture(t, merge(files, map[string]string{"alembic.ini": "[alembic]\nscript_location = alembic\n", "alembic/versions/0001_x.py": rev("1")}))
	p, err := Find(withConfig)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ScriptDirs) != 1 || p.Rel(p.ScriptDirs[0].Location) != "alembic" {
		t.Errorf("with alembic.ini: script directories %+v, want alembic only", p.ScriptDirs)
	}
}

// TestFindUncoveredBesideConfig: at the project's root, a script directory no
// config covers (an older migrations/ beside the alembic/ that alembic.ini
// names) is read too, as when the config is found below the start; started
// inside the configured one, only that one is. A folder of revision files
// without an env.py (drafts/versions/) is not read from the root: it may be
// no history anything runs (greyhound-racing-collector's migrations/versions/,
// applied by a script through sqlite3, got a false missing-down-revision).
func TestFindUncoveredBesideConfig(t *testing.T) {
	rev := "revision = \"1\"\ndown_revision = None\n"
	root := fixture(t, map[string]string{".git/HEAD": "", "alembic.ini": "[alembic]\nscript_location = alembic\n",
		"alembic/env.py": "", "alembic/versions/0001_a.py": rev,
		"migrations/env.py": "", "migrations/versions/0001_b.py": rev,
		"drafts/versions/0001_c.py": "revision = \"x1\"\ndown_revision = \"initial_migration\"\n"})
	for start, want := range map[string][]string{
		root: {"alembic", "migrations"},
		filepath.Join(root, "alembic", "versions"): {"alembic"},
	} {
		p, err := Find(start)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sd := range p.ScriptDirs {
			got = append(got, p.Rel(sd.Location))
		}
		if !slices.Equal(got, want) {
			t.Errorf("from %s: script directories %q, want %q", start, got, want)
		}
	}
}

// TestFindFromStopsAtAnotherProject: a path checked from a directory that
// holds other projects too is the project found from the path; the search
// below that directory ends at the first other configuration it meets.
func TestFindFromStopsAtAnotherProject(t *testing.T) {
	proj := map[string]string{"alembic.ini": "[alembic]\nscript_location = alembic\n", "alembic/versions/0001_x.py": "revision = '1'\n"}
	files := map[string]string{}
	for _, dir := range []string{"a", "b", "c"} {
		for k, v := range proj {
			files[dir+"/"+k] = v
		}
	}
	here := fixture(t, files)
	p, err := FindFrom(filepath.Join(here, "b"), here)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(here, "b", "alembic.ini"); p.ConfigFile != want || p.Root != filepath.Dir(want) {
		t.Errorf("FindFrom: config %s, root %s; want %s and its directory", p.ConfigFile, p.Root, want)
	}
	if all := search(here).configs; len(all) != 3 {
		t.Fatalf("search found %q, want the 3 configurations", all)
	}
	first := func(r *searchResult) bool { return len(r.configs) > 0 }
	if got := searchUntil(here, first).configs; len(got) != 1 {
		t.Errorf("searchUntil, stopped at the first configuration, found %q", got)
	}
}
