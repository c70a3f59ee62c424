package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Layout is a project laid out the way a real project seen in the sweep lays
// out its Alembic files (our own minimal reproduction of the shape, never a
// copy). Every layout holds exactly one known error: a head revision whose
// downgrade drops a table but not the enum type it created
// (enum-type-not-dropped), in the file Edit; every other revision is clean.
type Layout struct {
	Name  string
	Files map[string]string // slash-separated path -> content
	// Subdir is a directory below the top to run from ("" = none): a user
	// working in the application's code.
	Subdir string
	// Versions is a versions directory given as PATH.
	Versions string
	// Revisions is the number of revision files that must be read, Heads the
	// number of heads over all script directories.
	Revisions, Heads int
	// Edit is the revision file with the error.
	Edit string
	// Notes are substrings of the notes a user must see (how the layout was read).
	Notes []string
	// Alembic is how the real alembic reads the layout, where it can without
	// the project's own code (nil where it cannot).
	Alembic *AlembicRun
}

// AlembicRun is an `alembic ... heads` run: from Dir (relative to the top),
// with Args before the command and PYTHONPATH (relative to the top) so that
// a package:path location can be imported.
type AlembicRun struct {
	Dir, PythonPath string
	Args            []string
}

// Write materializes the layout in a fresh temporary directory, as the top of
// a git repository, and returns its path with symlinks resolved (the tools
// report resolved paths).
func (l Layout) Write(t testing.TB) string {
	t.Helper()
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := with(map[string]string{".git/HEAD": "ref: refs/heads/main\n"}, l.Files)
	for name, content := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return top
}

// revision is a revision file: a clean table create, or (broken) one that
// creates an enum type its downgrade leaves behind. extra goes below the
// header (e.g. a branch_labels assignment).
func revision(id, down, table string, broken bool, extra string) string {
	downValue := "None"
	if down != "" {
		downValue = fmt.Sprintf("%q", down)
	}
	column := `sa.Column("name", sa.String(50), nullable=False)`
	if broken {
		column = fmt.Sprintf(`sa.Column("state", sa.Enum("new", "done", name="%s_state"), nullable=False)`, table)
	}
	header := "branch_labels = None\n"
	if extra != "" {
		header = extra + "\n"
	}
	return fmt.Sprintf(`"""create %[3]s

Revision ID: %[1]s
Revises: %[2]s
"""
from alembic import op
import sqlalchemy as sa

revision = "%[1]s"
down_revision = %[4]s
%[6]sdepends_on = None


def upgrade():
    op.create_table(
        "%[3]s",
        sa.Column("id", sa.Integer(), nullable=False),
        %[5]s,
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("%[3]s")
`, id, down, table, downValue, column, header)
}

// chain is n revision files in dir (ids prefix1..prefixN, each on the one
// before; the last one broken when broken is set).
func chain(files map[string]string, dir, prefix string, n int, broken bool) {
	down := ""
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("%s%d", prefix, i)
		files[fmt.Sprintf("%s/%s_t%d.py", dir, id, i)] = revision(id, down, fmt.Sprintf("%s_t%d", prefix, i), broken && i == n, "")
		down = id
	}
}

const envPy = "from alembic import context\n\n# configured at run time by the application\n"

// flaskIni is the ini Flask-Migrate writes: no script_location at all.
const flaskIni = `# A generic, single database configuration.

[alembic]
# template used to generate migration files
# file_template = %%(rev)s_%%(slug)s

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic
`

func with(files map[string]string, more map[string]string) map[string]string {
	for k, v := range more {
		files[k] = v
	}
	return files
}

// Layouts are the layouts of the real-project sweep (issue "Real projects").
func Layouts() []Layout {
	var out []Layout
	add := func(l Layout) { out = append(out, l) }

	files := with(map[string]string{}, map[string]string{"migrations/alembic.ini": flaskIni, "migrations/env.py": envPy,
		"migrations/script.py.mako": "", "app/models.py": "db = None\n", "app/__init__.py": ""})
	chain(files, "migrations/versions", "f", 3, true)
	add(Layout{Name: "flask-migrate", Files: files, Subdir: "app", Versions: "migrations/versions", Revisions: 3, Heads: 1,
		Edit: "migrations/versions/f3_t3.py", Notes: []string{"has no script_location (Flask-Migrate"}})

	files = with(map[string]string{}, map[string]string{"alembic.ini": "[alembic]\nscript_location = shopapp:migrations\n",
		"src/shopapp/__init__.py": "", "src/shopapp/migrations/env.py": envPy, "src/shopapp/views.py": ""})
	chain(files, "src/shopapp/migrations/versions", "p", 2, true)
	add(Layout{Name: "package-src-layout", Files: files, Subdir: "src/shopapp", Versions: "src/shopapp/migrations/versions", Revisions: 2, Heads: 1,
		Edit: "src/shopapp/migrations/versions/p2_t2.py", Notes: []string{`"shopapp:migrations"`, "resolved statically to src/shopapp/migrations"},
		Alembic: &AlembicRun{PythonPath: "src"}})

	files = with(map[string]string{}, map[string]string{"alembic.ini": "[alembic]\nscript_location = corp.db:migrations/core\n",
		"corp/__init__.py": "", "corp/db/__init__.py": "", "corp/db/migrations/core/env.py": envPy})
	chain(files, "corp/db/migrations/core/versions", "d", 2, true)
	add(Layout{Name: "package-dotted-path", Files: files, Subdir: "corp/db", Versions: "corp/db/migrations/core/versions", Revisions: 2, Heads: 1,
		Edit: "corp/db/migrations/core/versions/d2_t2.py", Notes: []string{"resolved statically to corp/db/migrations/core"},
		Alembic: &AlembicRun{PythonPath: "."}})

	files = with(map[string]string{}, map[string]string{"backend/alembic.ini": "[alembic]\nscript_location = svc:store:migrations\n",
		"backend/svc/__init__.py": "", "backend/svc/store/migrations/env.py": envPy})
	chain(files, "backend/svc/store/migrations/versions", "c", 2, true)
	add(Layout{Name: "package-colon-path", Files: files, Subdir: "backend/svc", Versions: "backend/svc/store/migrations/versions", Revisions: 2, Heads: 1,
		Edit: "backend/svc/store/migrations/versions/c2_t2.py", Notes: []string{"resolved statically"},
		Alembic: &AlembicRun{Dir: "backend", PythonPath: "backend"}})

	// the ini lives inside the package it names (alembic -c svc/storage/sql/alembic/alembic.ini)
	files = with(map[string]string{}, map[string]string{"svc/__init__.py": "", "svc/storage/__init__.py": "", "svc/storage/sql/__init__.py": "",
		"svc/storage/sql/alembic/alembic.ini": "[alembic]\nscript_location = svc.storage.sql:alembic\n", "svc/storage/sql/alembic/env.py": envPy})
	chain(files, "svc/storage/sql/alembic/versions", "i", 2, true)
	add(Layout{Name: "ini-inside-package", Files: files, Subdir: "svc/storage", Versions: "svc/storage/sql/alembic/versions", Revisions: 2, Heads: 1,
		Edit: "svc/storage/sql/alembic/versions/i2_t2.py", Notes: []string{"resolved statically to svc/storage/sql/alembic"},
		Alembic: &AlembicRun{PythonPath: ".", Args: []string{"-c", "svc/storage/sql/alembic/alembic.ini"}}})

	// alembic -c deploy/alembic.ini, run from the repository root
	files = with(map[string]string{}, map[string]string{"deploy/alembic.ini": "[alembic]\nscript_location = db/migrations\nsqlalchemy.url = postgresql://localhost/app\n",
		"db/migrations/env.py": envPy})
	chain(files, "db/migrations/versions", "r", 2, true)
	add(Layout{Name: "relative-to-run-directory", Files: files, Subdir: "deploy", Versions: "db/migrations/versions", Revisions: 2, Heads: 1,
		Edit: "db/migrations/versions/r2_t2.py", Notes: []string{"relative to the directory alembic runs from"},
		Alembic: &AlembicRun{Args: []string{"-c", "deploy/alembic.ini"}}})

	files = with(map[string]string{}, map[string]string{
		"alembic.ini": "[DEFAULT]\nbase = %(here)s/backend\n\n[alembic]\nscript_location = %(base)s/migrations\n" +
			"version_locations = %(base)s/migrations/versions %(base)s/migrations/archive\n",
		"backend/migrations/env.py": envPy, "backend/app.py": ""})
	files["backend/migrations/archive/h1_t1.py"] = revision("h1", "", "h_t1", false, "")
	files["backend/migrations/versions/h2_t2.py"] = revision("h2", "h1", "h_t2", true, "")
	add(Layout{Name: "here-interpolation-version-locations", Files: files, Subdir: "backend", Versions: "backend/migrations/versions", Revisions: 2, Heads: 1,
		Edit: "backend/migrations/versions/h2_t2.py", Alembic: &AlembicRun{}})

	files = with(map[string]string{}, map[string]string{
		"alembic.ini":       "[alembic]\nscript_location = migrations\nrecursive_version_locations = true\nversion_path_separator = os\n",
		"migrations/env.py": envPy})
	files["migrations/versions/2024/v1_t1.py"] = revision("v1", "", "v_t1", false, "")
	files["migrations/versions/2025/q1/v2_t2.py"] = revision("v2", "v1", "v_t2", true, "")
	add(Layout{Name: "recursive-version-locations", Files: files, Versions: "migrations/versions", Revisions: 2, Heads: 1,
		Edit: "migrations/versions/2025/q1/v2_t2.py"})

	files = with(map[string]string{}, map[string]string{
		"pyproject.toml": "[project]\nname = \"app\"\n\n[tool.alembic]\nscript_location = \"%(here)s/alembic\"\n" +
			"version_locations = [\"%(here)s/alembic/versions\", \"%(here)s/alembic/hotfixes\"]\n",
		"alembic/env.py": envPy, "app/main.py": ""})
	files["alembic/versions/y1_t1.py"] = revision("y1", "", "y_t1", false, "")
	files["alembic/hotfixes/y2_t2.py"] = revision("y2", "y1", "y_t2", true, "")
	add(Layout{Name: "pyproject-tool-alembic", Files: files, Subdir: "app", Versions: "alembic/hotfixes", Revisions: 2, Heads: 1,
		Edit: "alembic/hotfixes/y2_t2.py"})

	// one file at the top, the rest in release/branch folders added by env.py;
	// branch labels are constants imported from the package
	files = with(map[string]string{}, map[string]string{
		"net/db/migration/alembic.ini":               "[alembic]\nscript_location = %(here)s/alembic_migrations\n",
		"net/db/migration/__init__.py":               "EXPAND_BRANCH = \"expand\"\nCONTRACT_BRANCH = \"contract\"\n",
		"net/db/migration/alembic_migrations/env.py": envPy})
	files["net/db/migration/alembic_migrations/versions/base_initial.py"] = revision("base", "", "n_base", false, "")
	files["net/db/migration/alembic_migrations/versions/v1/expand/e1_t1.py"] = revision("e1", "base", "n_e1", false,
		"from net.db import migration\n\nbranch_labels = (migration.EXPAND_BRANCH,)")
	files["net/db/migration/alembic_migrations/versions/v1/expand/e2_t2.py"] = revision("e2", "e1", "n_e2", true, "branch_labels = None")
	files["net/db/migration/alembic_migrations/versions/v1/contract/k1_t1.py"] = revision("k1", "base", "n_k1", false,
		"from net.db import migration\n\nbranch_labels = (migration.CONTRACT_BRANCH,)")
	add(Layout{Name: "release-branch-folders", Files: files, Subdir: "net/db", Versions: "net/db/migration/alembic_migrations/versions",
		Revisions: 4, Heads: 2, Edit: "net/db/migration/alembic_migrations/versions/v1/expand/e2_t2.py",
		Notes: []string{"read 3 revision files in subdirectories", "recursive_version_locations would"}})

	// a squashed history at the top, the history it replaced kept in a
	// subfolder that Alembic does not read
	files = with(map[string]string{}, map[string]string{"alembic.ini": "[alembic]\nscript_location = db\n", "db/env.py": envPy})
	chain(files, "db/versions", "q", 3, true)
	chain(files, "db/versions/legacy", "o", 3, false)
	add(Layout{Name: "squash-with-history-kept-aside", Files: files, Versions: "db/versions", Revisions: 3, Heads: 1,
		Edit: "db/versions/q3_t3.py", Notes: []string{"left out the 3 revision files in db/versions/legacy", "a history kept aside"},
		Alembic: &AlembicRun{}})

	// an ini in each script directory, its script_location the path in the
	// container the image copies the directory to; beside them, a tool that
	// assigns revision and down_revision
	files = with(map[string]string{}, map[string]string{
		"api/db/migrations/__init__.py":         "",
		"api/db/migrations/find_head.py":        "revision = None\ndown_revision = None\n\n# prints the head of each history\n",
		"api/db/migrations/core/alembic.ini":    "[alembic]\nscript_location = /app/db/migrations/core\n",
		"api/db/migrations/core/env.py":         envPy,
		"api/db/migrations/tracing/alembic.ini": "[alembic]\nscript_location = /app/db/migrations/tracing\n",
		"api/db/migrations/tracing/env.py":      envPy})
	chain(files, "api/db/migrations/core/versions", "k", 2, true)
	chain(files, "api/db/migrations/tracing/versions", "r", 1, false)
	add(Layout{Name: "container-script-location", Files: files, Versions: "api/db/migrations/core/versions", Revisions: 3, Heads: 2,
		Edit: "api/db/migrations/core/versions/k2_t2.py", Notes: []string{"does not exist here", "ends the same way"}})

	// the deployment's copy of the ini names the same script directory
	files = with(map[string]string{}, map[string]string{"svc/alembic.ini": "[alembic]\nscript_location = svc.db:alembic\n",
		"svc/deploy/alembic.ini": "[alembic]\nscript_location = svc.db:alembic\n", "svc/svc/__init__.py": "", "svc/svc/db/__init__.py": "",
		"svc/svc/db/alembic/env.py": envPy})
	chain(files, "svc/svc/db/alembic/versions", "w", 2, true)
	add(Layout{Name: "two-inis-one-script-directory", Files: files, Versions: "svc/svc/db/alembic/versions", Revisions: 2, Heads: 1,
		Edit: "svc/svc/db/alembic/versions/w2_t2.py", Notes: []string{"it is checked once"}})

	// configurations passed with -c under other names: a second database's,
	// its script directory too deep for the search by shape, and a developer's
	// copy of the main one
	files = with(map[string]string{}, map[string]string{"alembic.ini": "[alembic]\nscript_location = main\n",
		"alembic_dev.ini":     "[alembic]\nscript_location = main\nsqlalchemy.url = sqlite://\n",
		"alembic-reports.ini": "[alembic]\nscript_location = src/svc/db/stores/reports/schema/alembic\n",
		"notes.ini":           "[alembic]\nscript_location = gone\n",
		"main/env.py":         envPy, "src/svc/db/stores/reports/schema/alembic/env.py": envPy})
	chain(files, "main/versions", "a", 2, false)
	chain(files, "src/svc/db/stores/reports/schema/alembic/versions", "r", 2, true)
	add(Layout{Name: "configurations-under-other-names", Files: files, Versions: "src/svc/db/stores/reports/schema/alembic/versions",
		Revisions: 4, Heads: 2, Edit: "src/svc/db/stores/reports/schema/alembic/versions/r2_t2.py",
		Notes: []string{"3 Alembic configurations found", "alembic_dev.ini configures the script directory"}})

	// script_location in [DEFAULT], one named section per history, run as
	// alembic -n main / alembic -n static; [loggers] inherits it too
	files = with(map[string]string{}, map[string]string{
		"alembic.ini": "[DEFAULT]\nscript_location = db\n\n[main]\nversion_locations = %(here)s/db/main\n\n" +
			"[static]\nversion_locations = %(here)s/db/static\n\n[loggers]\nkeys = root\n",
		"db/env.py": envPy})
	chain(files, "db/main", "m", 2, false)
	chain(files, "db/static", "s", 2, true)
	add(Layout{Name: "default-script-location-named-sections", Files: files, Versions: "db/static", Revisions: 4, Heads: 2,
		Edit: "db/static/s2_t2.py"})

	files = map[string]string{"tools/manage.py": ""}
	chain(files, "schema/revisions", "s", 3, true)
	add(Layout{Name: "no-configuration", Files: files, Versions: "schema/revisions", Revisions: 3, Heads: 1,
		Edit: "schema/revisions/s3_t3.py", Notes: []string{"no Alembic configuration found"}})

	// an ini template filled in by the application at run time
	files = with(map[string]string{}, map[string]string{"hub/alembic.ini": "[alembic]\nscript_location = {alembic_dir}\nsqlalchemy.url = {db_url}\n",
		"hub/alembic/env.py": envPy, "hub/app.py": ""})
	chain(files, "hub/alembic/versions", "j", 2, true)
	add(Layout{Name: "templated-ini", Files: files, Subdir: "hub", Versions: "hub/alembic/versions", Revisions: 2, Heads: 1,
		Edit: "hub/alembic/versions/j2_t2.py", Notes: []string{`script_location "{alembic_dir}"`, "found by its shape"}})

	// one history per database, chosen in env.py, with the same revision ids
	files = with(map[string]string{}, map[string]string{"src/orch/db/alembic.ini": "[alembic]\nscript_location = orch:db:_migrations\n",
		"src/orch/__init__.py": "", "src/orch/db/_migrations/env.py": envPy})
	chain(files, "src/orch/db/_migrations/versions/postgresql", "m", 2, true)
	chain(files, "src/orch/db/_migrations/versions/sqlite", "m", 2, false)
	add(Layout{Name: "history-per-database", Files: files, Subdir: "src/orch", Versions: "src/orch/db/_migrations/versions/postgresql",
		Revisions: 4, Heads: 2, Edit: "src/orch/db/_migrations/versions/postgresql/m2_t2.py", Notes: []string{"2 independent histories"}})

	files = with(map[string]string{}, map[string]string{
		"alembic.ini": "[alembic]\nscript_location = main\n\n[reports]\nscript_location = reports_gone\n\n[loggers]\nkeys = root\n",
		"main/env.py": envPy})
	chain(files, "main/versions", "a", 2, true)
	add(Layout{Name: "several-sections-one-broken", Files: files, Versions: "main/versions", Revisions: 2, Heads: 1,
		Edit: "main/versions/a2_t2.py", Notes: []string{`script_location "reports_gone" ([reports]`, "that section is skipped"},
		Alembic: &AlembicRun{}})

	files = with(map[string]string{}, map[string]string{
		"services/api/alembic.ini":       "[alembic]\nscript_location = migrations\n",
		"services/api/migrations/env.py": envPy, "services/worker/alembic.ini": "[alembic]\nscript_location = migrations\n",
		"services/worker/migrations/env.py": envPy})
	chain(files, "services/api/migrations/versions", "w", 2, true)
	chain(files, "services/worker/migrations/versions", "k", 2, false)
	add(Layout{Name: "monorepo", Files: files, Versions: "services/api/migrations/versions", Revisions: 4, Heads: 2,
		Edit: "services/api/migrations/versions/w2_t2.py", Notes: []string{"2 Alembic configurations found"}})

	// a plugin keeps its own migrations beside the application's
	files = with(map[string]string{}, map[string]string{"migrations/alembic.ini": flaskIni, "migrations/env.py": envPy,
		"app/plugins/ranking/__init__.py": ""})
	chain(files, "migrations/versions", "b", 2, false)
	chain(files, "app/plugins/ranking/migrations", "g", 2, true)
	add(Layout{Name: "plugin-migrations", Files: files, Versions: "app/plugins/ranking/migrations", Revisions: 4, Heads: 2,
		Edit: "app/plugins/ranking/migrations/g2_t2.py", Notes: []string{"app/plugins/ranking/migrations is not configured in any alembic.ini"}})
	// the code shapes real teams write (issue "Real projects" §2): the error is
	// only visible through a guard, constants, a parenthesized with, literal
	// loops; two heads carry labels that are not literals
	files = with(map[string]string{}, map[string]string{"alembic.ini": "[alembic]\nscript_location = migrations\n",
		"migrations/env.py": envPy, "app/db/branches.py": "MAIN = \"main\"\nREPORTS = \"reports\"\n"})
	files["migrations/versions/s1_base.py"] = revision("s1", "", "base_t", false, "")
	files["migrations/versions/s3_reports.py"] = revision("s3", "s1", "reports_t", false,
		"from app.db import branches\n\nbranch_labels = (branches.REPORTS,)")
	files["migrations/versions/s2_jobs.py"] = codeShapes
	add(Layout{Name: "code-shapes", Files: files, Subdir: "app", Versions: "migrations/versions", Revisions: 3, Heads: 2,
		Edit: "migrations/versions/s2_jobs.py"})
	return out
}

// codeShapes is a revision written the ways real migrations are: a legacy
// guard, module constants, a parenthesized with, literal loops, a condition
// object, a label that is not a literal. Its downgrade leaves the enum type.
const codeShapes = `"""jobs

Revision ID: s2
Revises: s1
"""
from alembic import op
import sqlalchemy as sa

from app.db import branches

revision = "s2"
down_revision = "s1"
branch_labels = (branches.MAIN,)
depends_on = None

TABLE = "jobs"
EXTRA_COLUMNS = ("priority", "attempts")


def skip_for_legacy(operations):
    return False


def upgrade():
    if skip_for_legacy(op):
        return
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Enum("queued", "done", name="job_state"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with (op.batch_alter_table(TABLE) as batch_op):
        batch_op.create_check_constraint("ck_jobs_id", sa.column("id").is_not(None))
    for column in EXTRA_COLUMNS:
        op.add_column(TABLE, sa.Column(column, sa.Integer(), nullable=True))


def downgrade():
    for column in reversed(EXTRA_COLUMNS):
        op.drop_column(TABLE, column)
    with (op.batch_alter_table(TABLE) as batch_op):
        batch_op.drop_constraint("ck_jobs_id", type_="check")
    op.drop_table(TABLE)
`

// LayoutNamed returns the layout with that name.
func LayoutNamed(name string) (Layout, bool) {
	for _, l := range Layouts() {
		if l.Name == name {
			return l, true
		}
	}
	return Layout{}, false
}
