package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// enumRevision creates an enum type its downgrade leaves behind (a finding of
// a PostgreSQL-only rule) and drops an unnamed constraint (a finding whose
// message depends on the dialect): the dialect matters to both.
const enumRevision = `revision = "0001"
down_revision = None
from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("state", sa.Enum("a", "b", name="state"))%s)


def downgrade():
    op.drop_constraint(None, "orders", type_="unique")
    op.drop_table("orders")
`

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const templateEnv = "from alembic import context\nfrom sqlalchemy import engine_from_config\n" +
	"connectable = engine_from_config(context.config.get_section(context.config.config_ini_section))\n"

// TestDialectInference: what each kind of evidence decides, and what the note says.
func TestDialectInference(t *testing.T) {
	ini := func(url string) string {
		return "[alembic]\nscript_location = migrations\nsqlalchemy.url = " + url + "\n"
	}
	tests := []struct {
		name    string
		files   map[string]string
		options string // keyword arguments added to the revision's create_table
		want    string
		note    []string // substrings of the note; none means no note
		// certain: configured, or inferred without contrary evidence the migrations do not settle
		certain bool
	}{
		{"a literal URL the project connects with", map[string]string{"alembic.ini": ini("mysql+pymysql://u@h/db"), "migrations/env.py": templateEnv,
			"requirements.txt": "psycopg2\n"}, "", "mysql", []string{"dialect mysql taken from sqlalchemy.url in alembic.ini"}, true},
		{"a driver among the requirements", map[string]string{"alembic.ini": ini("driver://user:pass@localhost/dbname"), "migrations/env.py": templateEnv,
			"requirements.txt": "SQLAlchemy>=2\nasyncpg==0.29\n"}, "", "postgresql", []string{"dialect postgresql inferred for migrations", "the driver asyncpg in requirements.txt"}, true},
		{"a driver through an extra", map[string]string{"alembic.ini": ini(""), "migrations/env.py": templateEnv,
			"requirements.txt": "oslo.db[mysql]>=8.4.0\n"}, "", "mysql", []string{"the driver [mysql]"}, true},
		{"a SQLite placeholder that the project's code replaces", map[string]string{"alembic.ini": ini("sqlite:///app.sqlite"),
			"migrations/env.py": templateEnv, "db/__init__.py": "", "db/migration.py": "cfg.set_main_option('sqlalchemy.url', url)\n"},
			`, mysql_engine="InnoDB"`, "mysql", []string{"the migrations (1 mysql option or type)", "also seen: sqlite"}, false},
		{"two drivers, the migrations settle it", map[string]string{"alembic.ini": ini(""), "migrations/env.py": templateEnv,
			"requirements.txt": "psycopg2\npymysql\n"}, `, postgresql_partition_by="LIST (id)", postgresql_tablespace="t", postgresql_with={}`,
			"postgresql", []string{"the project also runs on mysql"}, true},
		// SQLite options the models carry (SQLAlchemy-Continuum's sqlite_autoincrement) beside the server's types
		{"a server driver, its types and SQLite options", map[string]string{"alembic.ini": ini(""), "migrations/env.py": templateEnv,
			"requirements.txt": "pg8000\n"}, `, postgresql_partition_by="LIST (id)", postgresql_tablespace="t", postgresql_with={}, sqlite_autoincrement=True`,
			"postgresql", []string{"the driver pg8000", "also seen: sqlite"}, true},
		{"two drivers", map[string]string{"alembic.ini": ini(""), "migrations/env.py": templateEnv,
			"requirements.txt": "psycopg2\npymysql\n"}, "", "postgresql", []string{"the project also runs on mysql"}, false},
		{"a SQLite URL env.py falls back on after the environment's", map[string]string{"alembic.ini": ini("sqlite:///test.db"),
			"migrations/env.py": "url = os.getenv(\"DB_URL\") or context.config.get_main_option(\"sqlalchemy.url\")\n"},
			`, postgresql_partition_by="LIST (id)"`, "postgresql", []string{"the migrations (1 postgresql option or type)", "also seen: sqlite"}, false},
		// SQLite in the ini is often a development database: the note says where it came from
		{"a SQLite URL nothing replaces", map[string]string{"alembic.ini": ini("sqlite:///app.sqlite"), "migrations/env.py": templateEnv},
			"", "sqlite", []string{"dialect sqlite taken from sqlalchemy.url in alembic.ini", "set `dialect`"}, true},
		// and says which other dialects are checked (meltano: its findings on PostgreSQL contradicted the note)
		{"a SQLite URL nothing replaces, and a server driver", map[string]string{"alembic.ini": ini("sqlite:///app.sqlite"),
			"migrations/env.py": templateEnv, "requirements.txt": "psycopg2\n"},
			"", "sqlite", []string{"dialect sqlite taken from sqlalchemy.url in alembic.ini; the project also runs on postgresql, which is checked too"}, true},
		{"env.py in batch mode with aiosqlite", map[string]string{"alembic.ini": ini(""),
			"migrations/env.py": "context.configure(connection=c, render_as_batch=True)\n", "pyproject.toml": "[project]\ndependencies = ['aiosqlite']\n"},
			"", "sqlite", []string{"render_as_batch=True", "the driver aiosqlite in pyproject.toml"}, true},
		{"the application's default URL", map[string]string{"alembic.ini": ini(""), "migrations/env.py": "",
			"app/config.py": "DATABASE_URL = os.environ.get('DB', f'sqlite:///{HOME}/app.db')\n"}, "", "sqlite", []string{"URLs in the project's code"}, true},
		// a Pyramid application keeps its database in its own ini files (Kotti); a test's in-memory one is no evidence (fmn)
		{"the application's ini file", map[string]string{"alembic.ini": ini(""), "migrations/env.py": "",
			"app.ini": "[app:main]\nsqlalchemy.url = sqlite:///%(here)s/app.db\n", "app/testing.py": "URL = 'sqlite://'\n"},
			"", "sqlite", []string{"sqlalchemy.url in app.ini"}, true},
		{"nothing tells", map[string]string{"alembic.ini": ini(""), "migrations/env.py": ""}, "", "postgresql",
			[]string{"nothing in migrations tells it: PostgreSQL assumed"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["migrations/versions/0001_orders.py"] = strings.Replace(enumRevision, "%s", tt.options, 1)
			root := writeTree(t, tt.files)
			proj, err := project.Find(root)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), proj, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Dirs[0].Dialect; got != tt.want {
				t.Errorf("dialect %s, want %s (notes %q)", got, tt.want, res.Notes)
			}
			if certain := dialectFor(proj, res.Dirs[0], "").certain; certain != tt.certain {
				t.Errorf("certain = %v, want %v", certain, tt.certain)
			}
			var notes []string
			for _, n := range res.Notes {
				if strings.Contains(n, "dialect") {
					notes = append(notes, n)
				}
			}
			if len(tt.note) == 0 && len(notes) > 0 {
				t.Errorf("a decided dialect has a note: %q", notes)
			}
			for _, w := range tt.note {
				if len(notes) != 1 || !strings.Contains(notes[0], w) {
					t.Errorf("notes %q: want one dialect note containing %q", notes, w)
				}
			}
		})
	}
}

// TestDialectNoteOnlyWhenItMatters: an assumed dialect is noted only when a
// finding depends on it, and only once.
func TestDialectNoteOnlyWhenItMatters(t *testing.T) {
	clean := strings.Replace(strings.Replace(enumRevision, "%s", "", 1), `op.drop_table("orders")`,
		"op.drop_table(\"orders\")\n    sa.Enum(name=\"state\").drop(op.get_bind())", 1)
	clean = strings.Replace(clean, `op.drop_constraint(None, "orders", type_="unique")`, `op.drop_constraint("uq", "orders", type_="unique")`, 1)
	for _, tt := range []struct {
		name, revision string
		noted          bool
	}{{"a PostgreSQL-only finding", strings.Replace(enumRevision, "%s", "", 1), true}, {"no finding", clean, false}} {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, map[string]string{"alembic.ini": "[alembic]\nscript_location = migrations\n", "migrations/env.py": "",
				"migrations/versions/0001_orders.py": tt.revision})
			proj, err := project.Find(root)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), proj, Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, note := range res.Notes {
				if strings.Contains(note, "PostgreSQL assumed") {
					n++
				}
			}
			if tt.noted && n != 1 || !tt.noted && n != 0 {
				t.Errorf("%d dialect notes, want %v: %q", n, tt.noted, res.Notes)
			}
		})
	}
}

// TestAlsoSupportedDialects: a project whose main dialect is SQLite but which
// also ships a PostgreSQL driver is checked for PostgreSQL too; a driver only
// in the test requirements does not count.
func TestAlsoSupportedDialects(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		also  bool
	}{
		{"runtime driver", map[string]string{"pyproject.toml": "[project]\ndependencies = ['aiosqlite', 'asyncpg']\n"}, true},
		{"test driver", map[string]string{"pyproject.toml": "[project]\ndependencies = ['aiosqlite']\n", "test-requirements.txt": "psycopg2\n"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["alembic.ini"] = "[alembic]\nscript_location = migrations\n"
			tt.files["migrations/env.py"] = "context.configure(connection=c, render_as_batch=True)\n"
			tt.files["migrations/versions/0001_orders.py"] = strings.Replace(enumRevision, "%s", "", 1)
			root := writeTree(t, tt.files)
			proj, err := project.Find(root)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), proj, Options{Select: []string{"enum-type-not-dropped"}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Dirs[0].Dialect != "sqlite" {
				t.Errorf("main dialect %s, want sqlite", res.Dirs[0].Dialect)
			}
			if got := len(res.Findings) == 1; got != tt.also {
				t.Errorf("PostgreSQL checked: %v, want %v (findings %v, notes %q)", got, tt.also, res.Findings, res.Notes)
			}
		})
	}
}

// TestSharedHistory: a package that registers its history through an entry
// point group names revisions of other packages; they are infos, not errors.
func TestSharedHistory(t *testing.T) {
	revision := "revision = \"a1\"\ndown_revision = None\ndepends_on = \"dbdbc1b19cf2\"\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"
	for _, how := range []string{"", "registered", "merged by the application"} {
		shared := how != ""
		files := map[string]string{"pkg/__init__.py": "", "pkg/alembic/env.py": "", "pkg/alembic/versions/a1_branch.py": revision}
		switch how {
		case "registered":
			files["pyproject.toml"] = "[project]\nname = \"pkg\"\n\n[project.entry-points.\"invenio_db.alembic\"]\npkg = \"pkg:alembic\"\n"
		case "merged by the application":
			files["pkg/app.py"] = "for ep in entry_points(group=\"alembic\", name=\"migrations\"):\n    locations.add(ep.value)\n"
		}
		proj, err := project.Find(writeTree(t, files))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), proj, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := rules.Error
		if shared {
			want = rules.Info
		}
		if len(res.Findings) != 1 || res.Findings[0].Rule != "missing-down-revision" || res.Findings[0].Severity != want {
			t.Errorf("%q: findings %+v, want one missing-down-revision %s", how, res.Findings, want)
		}
	}
}

// TestInferredDialectQualifiesPostgresOnlyFindings: a PostgreSQL-only finding
// says "(on PostgreSQL)" when the dialect was inferred while the evidence
// names another (a SQLite URL in env.py beside PostgreSQL types), and not
// when nothing else is seen.
func TestInferredDialectQualifiesPostgresOnlyFindings(t *testing.T) {
	revision := strings.Replace(enumRevision, "%s", `, postgresql_partition_by="LIST (id)"`, 1)
	for _, tt := range []struct {
		name, url string
		want      bool
	}{
		{"SQLite seen too", "sqlite:///test.db", true}, // a development URL the environment's replaces
		{"nothing else seen", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, map[string]string{"alembic.ini": "[alembic]\nscript_location = migrations\nsqlalchemy.url = " + tt.url + "\n",
				"migrations/env.py":                  "url = os.getenv(\"DB_URL\") or context.config.get_main_option(\"sqlalchemy.url\")\n",
				"migrations/versions/0001_orders.py": revision})
			proj, err := project.Find(root)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), proj, Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range res.Findings {
				if f.Rule == "enum-type-not-dropped" {
					found = true
					if got := strings.HasSuffix(f.Message, "(on PostgreSQL)"); got != tt.want {
						t.Errorf("message %q: qualified %v, want %v (notes %q)", f.Message, got, tt.want, res.Notes)
					}
				}
			}
			if !found {
				t.Fatalf("no enum-type-not-dropped finding: %+v", res.Findings)
			}
		})
	}
}
