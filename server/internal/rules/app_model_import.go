package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:       "app-model-import",
	Profile:  Default,
	Severity: Warning,
	Summary:  "The migration imports the application's ORM models",
	Doc: Doc{
		What: "Finds imports of the application's ORM models in a revision file (at module level or inside " +
			"`upgrade()`/`downgrade()`): a module path with `model` in one of its parts (`models`, `.models`, " +
			"`app.db.models`, `myapp.models.user`), or a name from the application used as a mapped class " +
			"(`User.__table__`, `User.query`, `Base.metadata`). Libraries (`sqlalchemy`, `alembic`, `sqlmodel`, " +
			"`geoalchemy2`, `sqlalchemy_utils`...) and the application's other modules, such as custom column types " +
			"(`from myapp.db.types import UTCDateTime`), are fine.",
		Why: "A revision describes the schema as it was when it was written, and runs again years later on every fresh " +
			"database and CI job. The models describe the schema of today's code. Once a model gains a column, loses one, " +
			"is renamed or moves, the old migration fails to import (`ImportError`), queries columns that do not exist " +
			"yet at that revision (`column users.age does not exist`), or writes the wrong data. " +
			"`Base.metadata.create_all()` in a migration creates today's tables, not the revision's.",
		Example: `from app.models import User


def upgrade():
    op.add_column("users", sa.Column("display_name", sa.String(100), nullable=True))
    op.execute(User.__table__.update().values(display_name=User.__table__.c.name))`,
		UseInstead: `def upgrade():
    op.add_column("users", sa.Column("display_name", sa.String(100), nullable=True))
    users = sa.table("users", sa.column("name", sa.String), sa.column("display_name", sa.String))
    op.execute(users.update().values(display_name=users.c.name))`,
		KnownProblems: "Only the module path and attribute uses of the imported names are read: a models module named " +
			"otherwise (`app.entities`) whose classes are used in other ways is not found, and an import guarded by " +
			"`if TYPE_CHECKING:` is reported although it does not run.",
		FixSafety: "No automatic fix: the lightweight tables must list the columns the migration needs at that revision.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.execute",
			"https://docs.sqlalchemy.org/en/20/core/selectable.html#sqlalchemy.sql.expression.table"},
	},
	Check: checkAppModelImport,
})

// libraryRoots are top-level packages of libraries whose names may contain
// "model" or whose classes migrations use legitimately.
var libraryRoots = map[string]bool{"alembic": true, "sqlalchemy": true, "sqlmodel": true, "geoalchemy2": true,
	"typing": true, "typing_extensions": true, "pydantic": true, "flask_sqlalchemy": true, "flask_appbuilder": true,
	"pgvector": true, "citext": true, "__future__": true}

// modelUse matches attributes that only mapped classes (or the declarative base) have.
const modelUse = `\.(?:__table__|__tablename__|__mapper__|metadata|query)\b`

func checkAppModelImport(p *Pass) {
	m := p.Migration
	imports := append([]migration.Import(nil), m.Imports...)
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f != nil {
			imports = append(imports, f.Imports...)
		}
	}
	reported := map[int]bool{} // one finding per import statement
	for _, imp := range imports {
		if reported[imp.Stmt.Start] || isLibraryModule(imp.Module) {
			continue
		}
		stmt := strings.Join(strings.Fields(string(m.Source[imp.Stmt.Start:imp.Stmt.End])), " ")
		var what string
		if hasModelPart(modulePath(imp)) {
			what = fmt.Sprintf("`%s` imports the application's ORM models", stmt)
		} else if use := modelUseOf(m, imp.Local); use != "" {
			what = fmt.Sprintf("`%s` imports %s from the application, and the migration uses it as an ORM model (%s)",
				stmt, imp.Local, use)
		} else {
			continue
		}
		reported[imp.Stmt.Start] = true
		p.ReportAt(imp.Stmt, what+": the models follow today's code, not the schema at this revision, so once they change "+
			"(a column added or renamed, a class moved) this migration fails or writes the wrong columns on every fresh "+
			"database. Describe what the migration needs with lightweight tables instead, e.g. "+
			`users = sa.table("users", sa.column("id", sa.Integer), sa.column("email", sa.String)); `+
			"op.execute(users.update().where(users.c.id == 1).values(email=...))")
	}
}

// isLibraryModule reports whether an import comes from a library rather than the
// application (relative imports are the application's).
func isLibraryModule(module string) bool {
	if strings.HasPrefix(module, ".") {
		return false
	}
	root, _, _ := strings.Cut(module, ".")
	return libraryRoots[root] || strings.HasPrefix(root, "sqlalchemy_") || strings.HasPrefix(root, "alembic_")
}

// modulePath is the module an import reads: its module, plus the imported name when
// that is a lower-case name, as modules are (`from app import models`).
func modulePath(imp migration.Import) string {
	if imp.Name != "" && imp.Name == strings.ToLower(imp.Name) {
		return imp.Module + "." + imp.Name
	}
	return imp.Module
}

// modelUseOf finds an attribute use of a name that only mapped classes have
// (`User.__table__`), or "".
func modelUseOf(m *migration.Migration, name string) string {
	if name == "*" {
		return ""
	}
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + modelUse).FindString(string(m.Source))
}

// hasModelPart reports whether a dotted module path has a part naming models.
func hasModelPart(path string) bool {
	for _, part := range strings.Split(path, ".") {
		if strings.Contains(strings.ToLower(part), "model") {
			return true
		}
	}
	return false
}
