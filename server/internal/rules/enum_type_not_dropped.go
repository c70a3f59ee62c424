package rules

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "enum-type-not-dropped",
	Profile:      Default,
	Severity:     Error,
	Fix:          FixSometimes,
	PostgresOnly: true,
	Summary:      "An enum type created in upgrade() is left behind by downgrade()",
	Doc: Doc{
		FailsWhen: "On every database that is downgraded through the revision and upgraded again: the type already exists.",
		What: "Finds named enum types that a revision creates (through `create_table` with `sa.Enum(..., name=...)`, or an " +
			"explicit `.create()`; `sa.Enum(OrderStatus)` of a Python enum class without `name=` is named after the class, " +
			"lowercased) but whose downgrade never drops, although no other table uses the type after the downgrade. A " +
			"composite or range type made by `CREATE TYPE` in SQL is left behind the same way and reported by its kind.",
		Why: "`op.drop_table()` does not drop the enum types its columns used. After `alembic downgrade -1` the type stays in " +
			"the database, and the next `alembic upgrade` fails with `type \"status_type\" already exists`. A CI that only " +
			"migrates a fresh database never sees it; a developer going down and up again does.",
		Example: `def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "shipped", name="status_type"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")`,
		UseInstead: `def downgrade():
    op.drop_table("orders")
    sa.Enum(name="status_type").drop(op.get_bind(), checkfirst=True)`,
		KnownProblems: "Types created by SQL the tool cannot read (an f-string of values not known statically, a helper imported from the application) are not " +
			"tracked. When a later revision still uses the type, dropping it is wrong and the rule stays quiet. A type created " +
			"with `.create(bind, checkfirst=True)`, or with `postgresql.ENUM`'s `.create(bind)` (it checks first by default), is " +
			"left to `downgrade-incomplete` (a warning): the next upgrade skips it.",
		FixSafety: "Safe: the drop is added after the downgrade operation that removes the type's last user, with " +
			"`checkfirst=True`, and only when no other table of the history uses the type at that point. A type in " +
			"another schema (`schema=`, `inherit_schema=True`) gets no fix, nor does a downgrade() under a decorator " +
			"(one that runs it per tenant schema would drop the type while other schemas still use it); this holds for " +
			"every rule's fixes.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.drop_table",
			"https://docs.sqlalchemy.org/en/20/dialects/postgresql.html#enum-types"},
	},
	Check: checkEnumTypeNotDropped,
})

func checkEnumTypeNotDropped(p *Pass) {
	created := map[string]*migration.Op{} // enum name -> the upgrade op that created it
	p.UpgradeSteps(func(o *migration.Op, before, after *history.State) {
		for _, name := range createdEnums(before, after) {
			created[name] = o
		}
	})
	for name, o := range created {
		// dropped or renamed again before the upgrade ends, or a swap that
		// replaces a type the revision started with; or created with
		// checkfirst=True, which the next upgrade skips (downgrade-incomplete
		// says it is left behind)
		if p.After().Enum(name) == nil || p.Before.Enum(name) != nil || freesTypeName(p.Migration.Upgrade, o, name) || createsIfMissing(p.Migration, o) {
			delete(created, name)
		}
	}
	down := p.Migration.Downgrade
	if len(created) == 0 || down == nil || down.Kind != migration.BodyCode {
		return // downgrade-missing reports absent downgrades
	}
	uncertain := false
	for _, o := range down.Ops {
		uncertain = uncertain || !o.Certain() || o.Name == migration.UnknownCall || (o.SQL != nil && !o.SQL.Known)
	}
	if uncertain || len(down.Ops) == 0 {
		return
	}
	lastUserRemoval := p.downgradeEnums().lastRemoval
	final := p.AfterDowngrade()
	for _, name := range sortedKeys(created) {
		if final.Enum(name) == nil || len(final.EnumUsers(name)) > 0 {
			continue
		}
		anchor := lastUserRemoval[name]
		kind := typeKind(created[name], name)
		msg := Message{Text: fmt.Sprintf("%s %q is created by upgrade() but downgrade() never drops it", kind, name),
			Help: fmt.Sprintf("After a downgrade the next upgrade fails with: type %q already exists.", name)}
		msg.Help += inferredEnumName(p.Migration, created[name], name)
		if later := laterRevision(p, func(m *migration.Migration, o *migration.Op) bool { return dropsType(m, o, name) }); later != nil && !mayRecreateType(p, later.Migration, name) {
			// from head, the later revision's upgrade dropped the type for good
			msg.Help += fmt.Sprintf(" Only a database between this revision and %s leaves it behind: %s drops the type and its downgrade does not bring it back before this one runs.", later.ID, later.ID)
			if anchor == nil {
				anchor = created[name]
			}
			p.ReportSeverity(Warning, anchor.Call.Span, msg, dropEnumFix(p, anchor, created[name], name, kind))
			continue
		}
		if anchor == nil {
			p.Report(created[name], msg, nil)
			continue
		}
		p.Report(anchor, msg, dropEnumFix(p, anchor, created[name], name, kind))
	}
}

// typeKind names the type an operation creates: "enum type", unless SQL
// creates it as another kind (CREATE TYPE ... AS (...) makes a composite
// type, which is left behind the same way).
func typeKind(creator *migration.Op, name string) string {
	if creator.SQL != nil {
		for _, st := range creator.SQL.Statements {
			if st.Kind == migration.SQLCreateType && st.Object == name && st.TypeKind != "" && st.TypeKind != "enum" {
				return st.TypeKind + " type"
			}
		}
	}
	return "enum type"
}

// mayRecreateType reports whether m's downgrade, as it runs on the pass's
// dialect, may create the type again: an operation creating it (also along
// with a table) or renaming another type to its name, or one whose effects
// the tool cannot read. Naming the type is not enough: meltano's
// alter_column(_type=sa.Enum(..., name="job_state")) creates nothing.
func mayRecreateType(p *Pass, m *migration.Migration, name string) bool {
	m = onDialect(m, p.Dialect)
	if m.Downgrade == nil || m.Downgrade.Kind != migration.BodyCode {
		return false // missing, empty or raising: nothing is created
	}
	for _, o := range m.Downgrade.Ops {
		if o.Name == migration.UnknownCall || !o.Certain() && o.RunsOn(p.Dialect) {
			return true
		}
		for _, e := range effect.Of(p.Names(), m, o) {
			// a swap that renames its temporary type to the name makes it
			// again too (agenta's, replayed on PostgreSQL by a judge)
			if e.Unreadable || e.Object == effect.Type && (e.Change == effect.Create && e.Name == name || e.Change == effect.Rename && e.To == name) {
				return true
			}
		}
	}
	return false
}

// dropsType reports whether an operation certainly drops the enum type.
func dropsType(m *migration.Migration, o *migration.Op, name string) bool {
	if !o.Certain() {
		return false
	}
	if o.Name == migration.EnumDrop {
		en := effect.EnumOf(m.Type(o, o.Target))
		return en != nil && en.Name == name
	}
	if o.SQL == nil {
		return false
	}
	for _, st := range o.SQL.Statements {
		if st.Kind == migration.SQLDropType && st.Object == name {
			return true
		}
	}
	return false
}

// createdEnums lists the enum types that exist in after, a layer over before,
// and not in before.
func createdEnums(before, after *history.State) []string {
	var out []string
	_, changed := after.Changed()
	for _, name := range changed {
		if after.Enum(name) != nil && before.Enum(name) == nil {
			out = append(out, name)
		}
	}
	return out
}

// createsIfMissing reports an explicit <enum>.create(bind) that skips an
// existing type (checkfirst=True, postgresql.ENUM's default), or a DO block
// whose CREATE TYPE does (under IF NOT EXISTS, or catching duplicate_object),
// its labels known or not (skyportal joins them in an f-string).
func createsIfMissing(m *migration.Migration, o *migration.Op) bool {
	if o.SQL != nil {
		statements := o.SQL.Statements
		if !o.SQL.Known {
			statements = o.SQL.Shape
		}
		return slices.ContainsFunc(statements, func(st migration.Statement) bool {
			return st.Kind == migration.SQLCreateType && st.IfNotExists
		})
	}
	if o.Name != migration.EnumCreate {
		return false
	}
	checks, known := m.ChecksFirst(o)
	return known && checks
}

// dropEnumFix drops the type after the operation that removed its last user,
// reusing the module's enum variable when the type was defined in one.
func dropEnumFix(p *Pass, anchor, creator *migration.Op, name, kind string) *SuggestedFix {
	if enumSchema(p.Migration, creator, name) != "" {
		return nil // the drop would need the type's schema, which the code writes as it likes
	}
	code := p.Style().Beside(anchor)
	drop := enumDropCode(p.Migration, code, creator, name)
	imports, ok := stylist.Imports(code)
	if !ok {
		return nil
	}
	return &SuggestedFix{Message: fmt.Sprintf("Drop %s %s after %s", kind, name, anchor.Name), Safety: Safe,
		Edits: append(imports, insertAfter(p.Migration, anchor, drop))}
}

// enumSchema is the schema of the enum type an operation creates, when not
// the search path's (migration.Enum.Schema).
func enumSchema(m *migration.Migration, creator *migration.Op, name string) string {
	if creator == nil {
		return ""
	}
	if creator.Name == migration.EnumCreate {
		if en := effect.EnumOf(m.Type(creator, creator.Target)); en != nil {
			return en.Schema
		}
	}
	for _, u := range enumUses(m, creator) {
		if u.Enum.Name == name {
			return u.Enum.Schema
		}
	}
	return ""
}

// moduleEnumVar finds a module-level variable holding the named enum type.
func moduleEnumVar(m *migration.Migration, name string) string {
	for _, v := range sortedKeys(m.Vars) {
		e := m.Vars[v]
		if e.Kind == pysyntax.Call {
			if n, _ := e.Keyword("name").StringValue(); n == name && isEnumCall(e) {
				return v
			}
		}
	}
	return ""
}
