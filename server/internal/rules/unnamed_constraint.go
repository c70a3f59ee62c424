package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var unnamedConstraint = register(&Rule{
	ID:           "unnamed-constraint",
	Profile:      Default,
	DialectAware: true,
	Severity:     Error,
	Summary:      "A constraint is created or dropped with the name None",
	Doc: Doc{
		What: "Finds `drop_constraint(None, ...)` (an error) and `create_foreign_key(None, ...)`, " +
			"`create_unique_constraint(None, ...)`, `create_check_constraint(None, ...)` (warnings), also in batch mode.",
		Why: "Without a naming convention, autogenerate writes `op.create_foreign_key(None, 'child', 'parent', ['parent_id'], ['id'])` " +
			"and, in downgrade, `op.drop_constraint(None, 'child', type_='foreignkey')`. The upgrade works (PostgreSQL names " +
			"the key `child_parent_id_fkey`), but the downgrade cannot even be compiled: `sqlalchemy.exc.CompileError: Can't " +
			"emit DROP CONSTRAINT for constraint ForeignKeyConstraint(...); it has no name`, online and with `--sql` alike. " +
			"A constraint created without a name leaves every later migration guessing the name the database chose.",
		Example: `def upgrade():
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")`,
		UseInstead: `def upgrade():
    op.create_foreign_key("child_parent_id_fkey", "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint("child_parent_id_fkey", "child", type_="foreignkey")


# or, once for the project (autogenerate then writes op.f("fk_child_parent_id_parent")):
metadata = MetaData(naming_convention={
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
})`,
		KnownProblems: "A naming convention configured in the project's env.py is not visible to the tool, and Alembic applies it " +
			"to `None` names of created constraints; the name suggested is PostgreSQL's default. A check constraint's default " +
			"name depends on the columns its SQL expression uses, so no name is suggested for it.",
		FixSafety: "Safe on PostgreSQL when the name is certain: a created foreign key or unique constraint gets the name " +
			"PostgreSQL would give it (`<table>_<columns>_fkey`, `<table>_<columns>_key`, at most 63 characters, not already " +
			"taken), and a `drop_constraint(None, ...)` in downgrade gets the same name when upgrade() creates exactly that one " +
			"unnamed constraint. A drop of the only foreign key the history knows on the table is named after it as an unsafe " +
			"fix. No fix on other dialects or for check constraints.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/naming.html",
			"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.drop_constraint"},
	},
	Check: checkUnnamedConstraint,
})

// constraintCreates are the create operations by the type_ drop_constraint uses.
var constraintCreates = map[string]string{"foreignkey": "create_foreign_key", "unique": "create_unique_constraint", "check": "create_check_constraint"}

// constraintClasses name the SQLAlchemy construct Alembic drops, as the error shows it.
var constraintClasses = map[string]string{"foreignkey": "ForeignKeyConstraint", "unique": "UniqueConstraint",
	"check": "CheckConstraint", "primary": "PrimaryKeyConstraint"}

func checkUnnamedConstraint(p *Pass) {
	// the certain names of upgrade()'s unnamed creates, by table and type_
	created := map[string][]string{}
	p.Upgrade(func(o *migration.Op, s *history.State) {
		switch {
		case !unnamed(o):
		case o.Name == "drop_constraint":
			reportUnnamedDrop(p, o, s, "")
		default:
			name := defaultConstraintName(o, s)
			k := constraintKey(o, createKind(o.Name))
			created[k] = append(created[k], name)
			reportUnnamedCreate(p, o, name)
		}
	})
	drops := map[string]int{}
	if down := p.Migration.Downgrade; down != nil {
		for _, o := range down.Ops {
			if unnamed(o) && o.Name == "drop_constraint" {
				kind, _ := o.ArgString("type_")
				drops[constraintKey(o, kind)]++
			}
		}
	}
	p.Downgrade(func(o *migration.Op, s *history.State) {
		switch {
		case !unnamed(o):
		case o.Name == "drop_constraint":
			kind, _ := o.ArgString("type_")
			k := constraintKey(o, kind)
			paired := ""
			if len(created[k]) == 1 && drops[k] == 1 {
				paired = created[k][0]
			}
			reportUnnamedDrop(p, o, s, paired)
		default:
			reportUnnamedCreate(p, o, defaultConstraintName(o, s))
		}
	})
}

// unnamed reports whether a constraint operation passes None as the name.
func unnamed(o *migration.Op) bool {
	return (o.Name == "drop_constraint" || createKind(o.Name) != "") && o.Arg("constraint_name").IsNone()
}

func createKind(opName string) string {
	for kind, name := range constraintCreates {
		if name == opName {
			return kind
		}
	}
	return ""
}

func constraintKey(o *migration.Op, kind string) string {
	table, _ := o.Table()
	return history.TableKey(o, table) + " " + kind
}

// defaultConstraintName is the name PostgreSQL gives an unnamed foreign key or
// unique constraint, when it is certain; "" otherwise.
func defaultConstraintName(o *migration.Op, s *history.State) string {
	table, ok := o.Table()
	if !ok {
		return ""
	}
	var name string
	switch o.Name {
	case "create_foreign_key":
		cols, ok := o.Arg("local_cols").Strings()
		if !ok {
			return ""
		}
		name = history.DefaultFKName(table, cols)
		if t := s.Table(history.TableKey(o, table)); t != nil {
			for _, fk := range t.FKs {
				if fk.Name == name {
					return "" // taken: PostgreSQL would add a number
				}
			}
		}
	case "create_unique_constraint":
		cols, ok := o.Arg("columns").Strings()
		if !ok {
			return ""
		}
		name = table + "_" + strings.Join(cols, "_") + "_key"
	}
	if len(name) > 63 {
		return "" // PostgreSQL truncates long names in its own way
	}
	return name
}

func reportUnnamedCreate(p *Pass, o *migration.Op, name string) {
	table, _ := o.Table()
	kind := createKind(o.Name)
	msg := fmt.Sprintf("%s(None, %q, ...) leaves the constraint's name to the database, so no later migration can name it: "+
		"a drop_constraint(None, ...) fails with: Can't emit DROP CONSTRAINT for constraint %s(...); it has no name. ",
		o.Name, table, constraintClasses[kind])
	var fixes []SuggestedFix
	if name != "" {
		msg += fmt.Sprintf("Name it as PostgreSQL would: %q", name)
		if p.IsPostgres() {
			fixes = append(fixes, nameConstraintFix(p.Migration, o, name, Safe))
		}
	} else {
		msg += "Give it an explicit name"
	}
	msg += "; a MetaData(naming_convention=...) in the models makes autogenerate write op.f(\"...\") names"
	p.ReportSeverity(Warning, o.Call.Span, msg, fixes...)
}

// reportUnnamedDrop reports a drop_constraint(None, ...); paired is the certain
// name of the one matching unnamed create in upgrade(), or "".
func reportUnnamedDrop(p *Pass, o *migration.Op, s *history.State, paired string) {
	table, _ := o.Table()
	kind, _ := o.ArgString("type_")
	class := constraintClasses[kind]
	if class == "" {
		class = "Constraint"
	}
	call := fmt.Sprintf("drop_constraint(None, %q)", table)
	if kind != "" {
		call = fmt.Sprintf("drop_constraint(None, %q, type_=%q)", table, kind)
	}
	msg := fmt.Sprintf("%s cannot be compiled: Alembic fails with: sqlalchemy.exc.CompileError: "+
		"Can't emit DROP CONSTRAINT for constraint %s(...); it has no name (offline --sql too). ", call, class)
	var fixes []SuggestedFix
	switch only := onlyForeignKey(o, s, kind); {
	case paired != "":
		msg += fmt.Sprintf("upgrade() creates it unnamed, so PostgreSQL named it %q: drop it by that name", paired)
		if p.IsPostgres() {
			fixes = append(fixes, nameConstraintFix(p.Migration, o, paired, Safe))
		}
	case only != "":
		msg += fmt.Sprintf("The only foreign key known on %q is %q: name the one to drop", table, only)
		if p.IsPostgres() {
			fixes = append(fixes, nameConstraintFix(p.Migration, o, only, Unsafe))
		}
	default:
		msg += "Name the constraint as it is in the database (PostgreSQL names unnamed ones <table>_<columns>_fkey / _key / _check)"
	}
	msg += "; a MetaData(naming_convention=...) in the models makes autogenerate write op.f(\"...\") names"
	p.Report(o, msg, fixes...)
}

// onlyForeignKey is the name of the table's single known foreign key when a
// foreign key is dropped, else "".
func onlyForeignKey(o *migration.Op, s *history.State, kind string) string {
	table, ok := o.Table()
	if !ok || kind != "foreignkey" {
		return ""
	}
	if t := s.Table(history.TableKey(o, table)); t != nil && !t.Opaque && !t.Uncertain && len(t.FKs) == 1 {
		return t.FKs[0].Name
	}
	return ""
}

func nameConstraintFix(m *migration.Migration, o *migration.Op, name string, safety Safety) SuggestedFix {
	arg := o.Arg("constraint_name").Span
	return SuggestedFix{Message: fmt.Sprintf("Name the constraint %s", name), Safety: safety,
		Edits: []TextEdit{{Start: arg.Start, End: arg.End, NewText: quote(m, name)}}}
}
