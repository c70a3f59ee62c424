package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pymodule"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:       "app-model-import",
	Profile:  Default,
	Severity: Warning,
	Fix:      FixNever,
	Summary:  "The migration imports the application's ORM models",
	Doc: Doc{
		FailsWhen: "Not at once: the migration runs today, and breaks (ImportError, AttributeError, a changed meaning) once the application's models change, on every fresh database that replays it.",
		What: "Finds names imported from the application (at module level or inside `upgrade()`/`downgrade()`) that " +
			"reach its ORM: a mapped class (`session.query(User)`, `select(User)`, `User.__table__`, `User(...)`), a " +
			"declarative base or Flask-SQLAlchemy's `db` used for its metadata, session or models (`Base.metadata.create_all`, " +
			"`db.session.execute`), a session, or a `Table` bound to the application's metadata. What a name is, is read " +
			"from its definition: the imported module is found in the project tree (next to the migrations or in a parent " +
			"directory, `src/` included) and parsed, never run; re-exports and base classes are followed. Enums, constants (a mapped class's too: `Action.CREATE`), " +
			"functions, pydantic models, custom column types (TypeDecorator subclasses such as `NaiveDateTime` or `GUID`), " +
			"`db.Integer`-style types names used only in type annotations (Python reads nothing through them) and imports that are never used are not reported: they are stable building blocks, " +
			"and a custom column type is at most a weak coupling, so it stays silent. When the module is not in the tree, the " +
			"use decides: `.query`, `.__table__`, `.metadata`, `session.query(X)`, `select(X)`, `session.add(X(...))` are " +
			"ORM uses; a name used as a column type, in `sa.Enum(X)` or as a value is not. Nor are metadata only handed to " +
			"a type (`sa.Enum(..., metadata=Base.metadata)`), Flask-SQLAlchemy's engine (`inspect(db.engine)`, `db.get_engine()`: " +
			"it carries no model), and a session env.py runs the migrations on " +
			"(`connection=DBSession.connection()`): the migration's queries through it are Alembic's own. Nor is a session " +
			"only committed, rolled back, flushed or closed (`db.session.commit()`) by a migration that uses nothing else " +
			"of the application: no model wrote through it, and ending it sends no SQL. A model used only " +
			"for its table name (`X.__tablename__`), or only as a foreign key's target (peewee's `ForeignKeyField(X)` in the " +
			"migration's own model), is an info: no column is read.",
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
		KnownProblems: "A module outside the project tree (an uninstalled git submodule, a package installed from " +
			"elsewhere) is judged by the migration's uses only, so an ORM class used in other ways is missed there. A class " +
			"whose bases cannot be resolved is judged the same way. An import guarded by `if TYPE_CHECKING:` is read as if " +
			"it ran. Defining a class on the application's declarative base inside the migration is reported, although " +
			"its columns are the migration's own. A module of a migrations package, this history's or another's (a copy of the models kept " +
			"with the revisions, imported as `app.migrations.frozen_models`) is not reported: today's code does not change it.",
		FixSafety: "No automatic fix: the lightweight tables must list the columns the migration needs at that revision.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.execute",
			"https://docs.sqlalchemy.org/en/20/core/selectable.html#sqlalchemy.sql.expression.table"},
	},
	Check:        checkAppModelImport,
	ReadsProject: true,
	// its pass runs on every revision: a check that reads headers loads the
	// models of those that may import the application
	Mark:        func(m *migration.Migration) bool { return len(usedImports(m)) > 0 },
	LoadsMarked: true,
})

// libraryRoots are top-level packages of libraries whose names may contain
// "model" or whose classes migrations use legitimately: celery's models are
// those of its own result tables, not the application's (packit-service
// queries celery.backends.database's Task, judged).
var libraryRoots = map[string]bool{"alembic": true, "sqlalchemy": true, "sqlmodel": true, "geoalchemy2": true, "celery": true,
	"typing": true, "typing_extensions": true, "pydantic": true, "flask_sqlalchemy": true, "flask_appbuilder": true,
	"pgvector": true, "citext": true, "__future__": true, "enum": true, "datetime": true, "uuid": true, "json": true,
	"os": true, "sys": true, "re": true, "logging": true}

// ormAttrs are attributes that only mapped classes, declarative bases and
// Flask-SQLAlchemy's db have: reading one means the ORM of today's code is used.
var ormAttrs = map[string]bool{"__table__": true, "__tablename__": true, "__mapper__": true, "query": true,
	"metadata": true, "__subclasses__": true, "session": true, "engine": true, "registry": true}

// dbAttrs are the attributes of Flask-SQLAlchemy's db that reach the
// application's session, engine or models; the others (db.Integer, db.Column)
// are SQLAlchemy's own names.
// The engine (db.engine, db.get_engine()) is not among them: it carries no
// model, and an inspection through it reads the database as it is
// (kitchenowl's inspect(db.engine) before adding a column).
var dbAttrs = map[string]bool{"session": true, "metadata": true, "Model": true,
	"create_all": true, "drop_all": true, "reflect": true, "Query": true, "query": true}

// ormCallees take a mapped class (or a table) as their argument.
var ormCallees = map[string]bool{"query": true, "select": true, "update": true, "insert": true, "delete": true,
	"add": true, "add_all": true, "merge": true, "bulk_insert": true, "bulk_save_objects": true,
	"bulk_insert_mappings": true, "bulk_update_mappings": true}

// typeCallees take a column type (or an enum class) as an argument.
var typeCallees = map[string]bool{"Column": true, "column": true, "mapped_column": true, "Enum": true, "ARRAY": true,
	"cast": true, "type_coerce": true, "as_mutable": true, "with_variant": true, "PyIntEnum": true, "add_column": true,
	"alter_column": true, "bindparam": true, "literal": true}

// resolver reads the application's modules (shared by every pass, cached).
var resolver = pymodule.Default

// usedImports are the imports of m (at module level or in its functions)
// whose names it uses, of modules that may be the application's: only they
// can reach its models.
func usedImports(m *migration.Migration) []usedImport {
	var out []usedImport
	for _, imp := range m.AllImports() {
		if imp.Local == "*" || isLibraryModule(imp.Module) {
			continue
		}
		if uses := usesOf(m, imp); len(uses) > 0 {
			out = append(out, usedImport{imp, uses})
		}
	}
	return out
}

// usedImport is an import with its uses (usesOf).
type usedImport struct {
	migration.Import
	uses []migration.NameUse
}

// usesOf are the uses of an import's name that are that import's: in its
// function for an import in upgrade() or downgrade(); elsewhere, out of a
// function that imports the name itself (Kotti's upgrade() and downgrade()
// import DBSession each, and the upgrade's was blamed for the downgrade's
// query, judged).
func usesOf(m *migration.Migration, imp migration.Import) []migration.NameUse {
	functions := []*migration.Function{m.Upgrade, m.Downgrade}
	in := func(f *migration.Function, line int) bool {
		return f != nil && int(f.Body.StartLine) <= line && line <= int(f.Body.EndLine)
	}
	own := slices.IndexFunc(functions, func(f *migration.Function) bool { return in(f, int(imp.Stmt.StartLine)) })
	var out []migration.NameUse
	for _, u := range m.NameUses[imp.Local] {
		mine := own >= 0 && in(functions[own], u.Line) ||
			own < 0 && !slices.ContainsFunc(functions, func(f *migration.Function) bool {
				return in(f, u.Line) && slices.ContainsFunc(functionImports(f), func(i migration.Import) bool { return i.Local == imp.Local })
			})
		if mine {
			out = append(out, u)
		}
	}
	return out
}

func functionImports(f *migration.Function) []migration.Import {
	if f == nil {
		return nil
	}
	return f.Imports
}

func checkAppModelImport(p *Pass) {
	m := p.Migration
	abs, err := filepath.Abs(m.Path)
	if err != nil {
		abs = m.Path
	}
	// one finding per import statement, with the most telling use of its names:
	// one that queries or reads the table, else a call, else any
	type best struct {
		what  string
		score int
		stmt  migration.Span
		// nameOnly: every use read only the table name (X.__tablename__)
		// or made the model a foreign key's target (keyOnly: all of them)
		nameOnly, keyOnly bool
		// wholeSchema: the use quoted creates or drops every table of the
		// models (metadata.create_all(), drop_all())
		wholeSchema bool
		// passedOnly: every use passed the bare model to a helper that reads
		// its schema (get_referencing_foreign_keys(Role)), not rows
		passedOnly bool
	}
	found := map[int]*best{}
	var order []int
	imports := usedImports(m) // an import never used follows no model
	for _, used := range imports {
		imp, uses := used.Import, used.uses
		def, prefix := resolveImport(abs, imp)
		if frozenCopy(p.scriptDir(), def, imp.Module) || def.Kind == pymodule.Session && envMigratesThrough(p.scriptDir(), imp, def) ||
			len(imports) == 1 && emptyCommits(def, prefix, abs, imp, uses) {
			continue
		}
		for _, u := range uses {
			w := ormUse(def, prefix, abs, imp, u)
			if w == "" {
				continue
			}
			score := 1
			tableName := !u.Called && len(u.Path) == 1 && u.Path[0] == "__tablename__"
			// peewee's ForeignKeyField(Model) reads its table and primary key
			// only (quay's frozen model pointing at today's, judged)
			keyTarget := !u.Called && len(u.Path) == 0 && u.Keyword == "" && u.Position == 0 && u.Callee == "ForeignKeyField"
			switch {
			case tableName || keyTarget: // reads no column: the weakest use to quote (mealie quoted it over a query)
			case ormCallees[u.Callee] || len(u.Path) > 0 && ormAttrs[u.Path[0]]:
				score = 3
			case u.Called || u.Callee != "":
				score = 2
			case u.In == "base":
				score = 0
			}
			b := found[imp.Stmt.Start]
			if b == nil {
				b = &best{score: -1, stmt: imp.Stmt, nameOnly: true, keyOnly: true, passedOnly: true}
				found[imp.Stmt.Start] = b
				order = append(order, imp.Stmt.Start)
			}
			b.nameOnly = b.nameOnly && (tableName || keyTarget)
			b.keyOnly = b.keyOnly && keyTarget
			b.passedOnly = b.passedOnly && def.Kind == pymodule.ORMModel && !u.Called && len(u.Path) == 0 && readsSchema(u.Callee)
			if score > b.score {
				b.what, b.score = w, score
				b.wholeSchema = u.Called && len(u.Path) > 0 && (u.Path[len(u.Path)-1] == "create_all" || u.Path[len(u.Path)-1] == "drop_all")
			}
		}
	}
	lightweight := lightweightExample(p)
	for _, start := range order {
		b := found[start]
		stmt := brief.Code(string(m.Source[b.stmt.Start:b.stmt.End]), brief.Snippet)
		if b.nameOnly {
			// no column is read: only a move of the model or a rename of its
			// table (or key) breaks it (mealie's __tablename__, quay's key)
			use, reads, breaks, instead := "for its table name", "The name comes from today's model", "names another table",
				"Write the table's name at this revision as a string."
			if b.keyOnly {
				use, reads, breaks, instead = "as a foreign key's target", "A foreign key reads only the model's table and primary key, "+
					"as today's code has them", "points at another table", "Declare in the migration a model of the table as it is "+
					"at this revision (its table name and primary key) and point the key at it."
			}
			p.ReportSeverity(Info, b.stmt, Message{Text: "imports " + b.what + ", only " + use,
				Help: fmt.Sprintf("%s: once the model moves or its table is renamed, this migration fails to import or %s on every "+
					"database the history is replayed on (`%s`; not one made with create_all() and stamped). %s", reads, breaks, stmt, instead)}, nil)
			continue
		}
		instead := "Describe what the migration needs with lightweight tables instead, e.g. " + lightweight
		switch {
		case b.passedOnly:
			// invenio-accounts hands Role to a helper that lists the keys
			// pointing at its table: an UPDATE example fits nothing (judged)
			st := p.Style()
			instead = fmt.Sprintf("Read what the helper needs from the database as it is at this revision instead "+
				"(%s.inspect(%s.get_bind()) has get_foreign_keys, get_columns, get_indexes), or write it into the migration "+
				"as it is at this revision (the constraint or column names)", st.Spell(stylist.SQLAlchemy), st.Spell(stylist.Op))
		case b.wholeSchema:
			// creating or dropping today's tables wants no lightweight table (BMH-BlackBoxCRM's drop_all)
			instead = fmt.Sprintf("Create the revision's tables one by one instead, as they are at this revision (%[1]s.create_table(...), "+
				"which autogenerate writes), and drop the same tables by name in downgrade() (%[1]s.drop_table(...))", p.Style().Spell(stylist.Op))
		}
		p.ReportAt(b.stmt, Message{Text: "imports " + b.what,
			Help: fmt.Sprintf("The models follow today's code, not the schema at this revision: once they change (a column added "+
				"or renamed, a class moved) this migration fails or writes the wrong columns on every database the history is "+
				"replayed on (`%s`; not one made with create_all() and stamped). %s", stmt, instead)}, nil)
	}
}

// schemaWords in a helper's name say it reads a model's schema.
var schemaWords = regexp.MustCompile(`(?i)foreign_?key|constraint|column|index|inspect|reflect`)

// readsSchema reports whether a function a model is passed to reads its
// schema, by its name (get_referencing_foreign_keys), and is no ORM call or
// column type.
func readsSchema(callee string) bool {
	return callee != "" && !ormCallees[callee] && !typeCallees[callee] && schemaWords.MatchString(callee)
}

// emptyCommits reports whether the uses of the application's session (or
// of Flask-SQLAlchemy's db, resolved or not) that reach its ORM only end the session's
// transaction (redash's db.session.commit() after SQL run on Alembic's
// connection): when the migration uses nothing else of the application, no
// model wrote through the session, and ending it sends no SQL.
func emptyCommits(def pymodule.Def, prefix, path string, imp migration.Import, uses []migration.NameUse) bool {
	switch def.Kind {
	case pymodule.Session, pymodule.FlaskDB, pymodule.NotFound, pymodule.Unknown: // db from a module not read
	default:
		return false
	}
	ends := false
	for _, u := range uses {
		if ormUse(def, prefix, path, imp, u) == "" {
			continue // db.String: SQLAlchemy's
		}
		n := len(u.Path)
		session := def.Kind == pymodule.Session && n == 1 || n == 2 && u.Path[0] == "session"
		if !session || !u.Called || !transactionEnds[u.Path[n-1]] {
			return false
		}
		ends = true
	}
	return ends
}

// transactionEnds are the session's methods that end its transaction or
// let go of it: with nothing written through the session they send no SQL.
var transactionEnds = map[string]bool{"commit": true, "rollback": true, "close": true, "remove": true, "flush": true}

// lightweightExample is a lightweight table for the help, made of a table
// and a column the revision's upgrade() changes, so that it reads as this
// migration's (judges found users/email made up); the generic one when it
// changes none by name.
func lightweightExample(p *Pass) string {
	st := p.Style()
	sa, op, q := st.Spell(stylist.SQLAlchemy), st.Spell(stylist.Op), st.Quote
	if table, column := changedColumn(p.Migration); table != "" {
		name := table
		if !pysyntax.IsIdentifier(name) || pysyntax.IsKeyword(name) {
			name = "t"
		}
		return fmt.Sprintf("%[1]s = %[2]s.table(%[3]s, %[2]s.column(%[4]s)); %[5]s.execute(%[1]s.update().values(%[6]s=...))",
			name, sa, q(table), q(column), op, column)
	}
	return fmt.Sprintf("users = %[1]s.table(%[2]s, %[1]s.column(%[3]s, %[1]s.Integer), %[1]s.column(%[4]s, %[1]s.String)); "+
		"%[5]s.execute(users.update().where(users.c.id == 1).values(email=...))", sa, q("users"), q("id"), q("email"), op)
}

// changedColumn is the first column the upgrade adds or alters on a table
// named as written, whose name can be a keyword argument and which the
// upgrade does not drop (quay's example wrote a column its revision drops);
// "" when there is none.
func changedColumn(m *migration.Migration) (table, column string) {
	if m.Upgrade == nil {
		return "", ""
	}
	dropped := map[[2]string]bool{}
	for _, o := range m.Upgrade.Ops {
		if t, ok := o.Table(); ok && o.Name == "drop_column" {
			c, _ := o.ArgString("column_name")
			dropped[[2]string{t, c}] = true
		}
	}
	for _, o := range m.Upgrade.Ops {
		t, ok := o.Table()
		if !ok || !o.Certain() || strings.Contains(t, ".") {
			continue
		}
		switch o.Name {
		case "add_column":
			if c := m.Column(o, o.Arg("column")); c != nil && c.NameKnown {
				column = c.Name
			}
		case "alter_column":
			column, _ = o.ArgString("column_name")
		}
		if pysyntax.IsIdentifier(column) && !pysyntax.IsKeyword(column) && !dropped[[2]string{t, column}] {
			return t, column
		}
		column = ""
	}
	return "", ""
}

// frozenCopy reports whether an imported definition is a module of a
// migrations package (app/migrations/frozen_models.py imported as
// app.migrations.frozen_models): a copy of the models kept with the
// revisions on purpose, which today's code does not change. The folders
// between the module's file and the script directory (this one, or another
// project's: env.py beside versions/) must be named in the module path, so
// that a script directory at the project's top (script_location = .) does not
// cover the application.
func frozenCopy(scriptDir string, def pymodule.Def, module string) bool {
	own, err := filepath.Abs(scriptDir)
	if scriptDir == "" || def.File == "" || err != nil {
		return false
	}
	segments := strings.Split(module, ".")
	for dir := filepath.Dir(def.File); slices.Contains(segments, filepath.Base(dir)); dir = filepath.Dir(dir) {
		if dir == own || scriptDirAt(dir) {
			return true
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return false
}

// scriptDirAt reports whether dir is shaped like a script directory: env.py
// beside versions/.
func scriptDirAt(dir string) bool {
	env, errEnv := inputfile.Stat(filepath.Join(dir, "env.py"))
	versions, errVersions := inputfile.Stat(filepath.Join(dir, "versions"))
	return errEnv == nil && !env.IsDir() && errVersions == nil && versions.IsDir()
}

// resolveImport resolves what an import binds to its local name, and the
// dotted name that local name stands for.
func resolveImport(abs string, imp migration.Import) (pymodule.Def, string) {
	if imp.Name == "" {
		if imp.Local != imp.Module && strings.HasPrefix(imp.Module, imp.Local+".") { // import a.b.c binds a
			return resolver.Import(abs, imp.Local, ""), imp.Local
		}
		return resolver.Import(abs, imp.Module, ""), imp.Module
	}
	return resolver.Import(abs, imp.Module, imp.Name), imp.Qualified()
}

// ormUse describes a use of an imported name that reaches the application's
// ORM (its models, base, session or metadata), or returns "".
func ormUse(def pymodule.Def, prefix, path string, imp migration.Import, u migration.NameUse) string {
	rest := u.Path
	for len(rest) > 0 && def.Kind == pymodule.Module {
		def = resolver.Attr(def, rest[0])
		prefix += "." + rest[0]
		rest = rest[1:]
	}
	use := describeUse(u)
	switch def.Kind {
	case pymodule.ORMModel:
		if len(rest) == 1 && u.Called && def.StaticMethods[rest[0]] {
			return "" // a static helper of the class does not touch the ORM
		}
		if len(rest) == 1 && !u.Called && def.Constants[rest[0]] {
			return "" // a constant of the class (Action.CREATE) reads no column (faraday)
		}
		if len(rest) == 0 && u.In == "base" {
			return "" // the migration's own model, with its own columns, on the application's connection
		}
		return fmt.Sprintf("the application's ORM model `%s`, used as %s", prefix, use)
	case pymodule.Table:
		return fmt.Sprintf("the application's table `%s` (bound to its metadata), used as %s", prefix, use)
	case pymodule.ORMBase:
		if len(rest) > 0 && rest[0] == "metadata" && (!metadataUse(rest[1:]) || len(rest) == 1 && attachesType(u)) {
			return ""
		}
		return fmt.Sprintf("the application's declarative base `%s`, used as %s", prefix, use)
	case pymodule.Session:
		return fmt.Sprintf("the application's session `%s`, used as %s", prefix, use)
	case pymodule.Metadata:
		if !metadataUse(rest) || len(rest) == 0 && attachesType(u) {
			return ""
		}
		return fmt.Sprintf("the application's metadata `%s`, used as %s", prefix, use)
	case pymodule.FlaskDB:
		if len(rest) > 0 && rest[0] == "metadata" && (!metadataUse(rest[1:]) || len(rest) == 1 && attachesType(u)) {
			return ""
		}
		if len(rest) == 0 || dbAttrs[rest[0]] {
			return fmt.Sprintf("the application's Flask-SQLAlchemy object `%s`, used as %s", prefix, use)
		}
		return "" // db.Integer, db.Column: SQLAlchemy's names
	case pymodule.NotFound, pymodule.Unknown:
		if def.Library {
			return "" // a library name the application re-exports
		}
		return unresolvedUse(path, imp, u, rest, use)
	}
	return "" // an enum, a column type, a function, a constant, another class
}

// metadataUse reports whether attributes read on the application's MetaData
// reach its tables (metadata.create_all, metadata.sorted_tables, or the
// metadata itself passed on), not only its settings (metadata.naming_convention).
func metadataUse(rest []string) bool {
	if len(rest) == 0 {
		return true
	}
	switch rest[0] {
	case "naming_convention", "schema", "info":
		return false
	}
	return true
}

// attachesType reports whether the application's metadata is only passed
// to a schema type (sa.Enum(..., metadata=Base.metadata)), which is then
// created and dropped with it: no table of today's models is read (SeasPay).
func attachesType(u migration.NameUse) bool {
	return u.Keyword == "metadata" && (u.Callee == "Enum" || u.Callee == "ENUM" || u.Callee == "Sequence")
}

// envMigratesThrough reports whether the script directory's env.py imports
// the same session and runs the migrations on its connection (Kotti's
// DBSession.connection()): the migration's queries through it are on
// Alembic's own connection, in its transaction.
func envMigratesThrough(scriptDir string, imp migration.Import, def pymodule.Def) bool {
	if scriptDir == "" || imp.Name == "" {
		return false
	}
	path := filepath.Join(scriptDir, "env.py")
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // the definitions it resolves to are compared by file
	}
	env, err := inputfile.Read(path, maxEnvSize)
	if err != nil {
		return false
	}
	connects := regexp.MustCompile(`\b` + regexp.QuoteMeta(imp.Name) + `(\(\))?\.connection\(`)
	if !connects.Match(env) {
		return false
	}
	// the same session, imported from the same module or another one that
	// re-exports it (Kotti's env.py takes kotti.DBSession, a revision
	// kotti.resources.DBSession, judged)
	imported := regexp.MustCompile(`(?m)^\s*from\s+([\w.]+)\s+import\b[^\n]*\b` + regexp.QuoteMeta(imp.Name) + `\b`)
	for _, m := range imported.FindAllSubmatch(env, -1) {
		module := string(m[1])
		if module == imp.Module {
			return true
		}
		if other := resolver.Import(path, module, imp.Name); other.Kind == pymodule.Session && other.File != "" && other.File == def.File {
			return true
		}
	}
	return false
}

// maxEnvSize bounds the env.py read.
const maxEnvSize = 1 << 20

// unresolvedUse judges a name whose definition was not found (a module
// outside the tree, a dynamic definition) by what the migration does with it.
func unresolvedUse(path string, imp migration.Import, u migration.NameUse, rest []string, use string) string {
	for i, a := range rest {
		owner := imp.Local
		if i > 0 {
			owner = rest[i-1]
		}
		if ormAttrs[a] && !(isClassName(owner) && (a == "session" || a == "engine")) { // Status.session is a member
			if a == "session" || a == "engine" {
				return fmt.Sprintf("`%s` from the application, and the migration uses its %s (%s)", imp.Local, a, use)
			}
			return fmt.Sprintf("`%s` from the application, and the migration uses it as an ORM model (%s)", imp.Local, use)
		}
	}
	name := imp.Local
	if len(rest) > 0 {
		name = rest[len(rest)-1]
	}
	if u.Called && !isClassName(name) {
		return "" // a function or a method is called
	}
	typed := typeCallees[u.Callee] || u.Keyword == "type_" || u.Keyword == "existing_type"
	switch {
	case u.Keyword == "" && u.Position == 0 && (u.Callee == "query" || u.Callee == "select" || u.Callee == "bulk_insert"):
		return fmt.Sprintf("`%s` from the application, and the migration uses it as an ORM model (%s)", imp.Local, use)
	case isClassName(name) && !u.Called && u.Keyword == "" && u.Position == 0 && ormCallees[u.Callee]:
		return fmt.Sprintf("`%s` from the application, and the migration uses it as an ORM model (%s)", imp.Local, use)
	case isClassName(name) && u.Called && (u.Callee == "add" || u.Callee == "add_all" || u.Callee == "merge"):
		return fmt.Sprintf("`%s` from the application, and the migration adds instances of it to a session (%s)", imp.Local, use)
	case isClassName(name) && u.Called && !typed && hasModelsPart(imp) && u.In == "" && packageFound(path, imp):
		return fmt.Sprintf("`%s` from the application's models, and the migration creates instances of it (%s)", imp.Local, use)
	}
	return ""
}

// packageFound reports whether the top-level package of an import is in the
// project tree: when it is not, the import reads a library (fideslang.models).
func packageFound(path string, imp migration.Import) bool {
	if strings.HasPrefix(imp.Module, ".") {
		return true
	}
	root, _, _ := strings.Cut(imp.Module, ".")
	return resolver.Import(path, root, "").Kind == pymodule.Module
}

// describeUse renders a use for messages: `session.query(User)`, `User.__table__`.
func describeUse(u migration.NameUse) string {
	s := strings.Join(append([]string{u.Name}, u.Path...), ".")
	if u.Called {
		s += "(...)"
	}
	callee := u.CalleeDotted
	if callee == "" && u.Callee != "" {
		callee = "..." + u.Callee
	}
	switch {
	case callee != "" && u.Keyword != "":
		return fmt.Sprintf("`%s(%s=%s)`", callee, u.Keyword, s)
	case callee != "":
		return fmt.Sprintf("`%s(%s)`", callee, s)
	case u.In == "base":
		return "a base class"
	}
	return "`" + s + "`"
}

// isClassName reports whether a name is written like a class: CapWords, not
// an UPPER_CASE constant.
func isClassName(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z' && strings.ToUpper(name) != name
}

// hasModelsPart reports whether the import reads a module named models or
// model (app.models, app.db.models.user, from app import models).
func hasModelsPart(imp migration.Import) bool {
	for _, part := range strings.Split(imp.Qualified(), ".") {
		if part == "models" || part == "model" {
			return true
		}
	}
	return false
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
