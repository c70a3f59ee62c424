package rules

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:       "table-drop-create",
	Profile:  Default,
	Severity: Warning,
	Fix:      FixNever,
	Summary:  "A table is dropped and another with the same columns created in one migration: a rename that loses every row",
	Doc: Doc{
		FailsWhen: "Never with an error: every database with rows in the old table silently loses them.",
		What: "Finds a `drop_table` of an existing table and a `create_table` of a new table with exactly the same columns " +
			"(names, and types of the same family) in one upgrade() or downgrade(): the shape autogenerate writes when a " +
			"table is renamed in the models. Not reported when the function copies the data (SQL or a bulk insert naming " +
			"either table, a call the tool cannot follow), renames tables itself, or its comments accept the loss; nor when " +
			"two created tables would fit.",
		Why: "Autogenerate cannot see renames: renaming `customers` to `clients` in the models gives " +
			"`op.create_table('clients', ...)` and `op.drop_table('customers')`. Every step succeeds and every row is gone: " +
			"`clients` starts empty, and after a downgrade `customers` is empty too. `op.rename_table` keeps the rows, " +
			"indexes, constraints and sequences.",
		Example: `# 0001_customers.py
def upgrade():
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


# 0002_clients.py
def upgrade():
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.drop_table("customers")


def downgrade():
    op.create_table(
        "customers",
        sa.Column("id", sa.INTEGER(), autoincrement=True, nullable=False),
        sa.Column("name", sa.VARCHAR(length=100), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("id", name="customers_pkey"),
    )
    op.drop_table("clients")`,
		UseInstead: `def upgrade():
    op.rename_table("customers", "clients")


def downgrade():
    op.rename_table("clients", "customers")`,
		KnownProblems: "A table really replaced by an unrelated one with the same columns (a rebuilt lookup table) is reported " +
			"too; say so in a comment (\"data loss is intended\") or suppress the finding. `rename_table` renames the table " +
			"only: a sequence (`customers_id_seq`), indexes (`ix_customers_name`) and constraints (`customers_pkey`) named " +
			"after the old table keep their names, which the models' next autogenerate may want changed (ALTER SEQUENCE / " +
			"ALTER INDEX ... RENAME TO).",
		FixSafety: "No automatic fix: only the author knows whether it is a rename or a new table.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/autogenerate.html#what-does-autogenerate-detect-and-what-does-it-not-detect",
			"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.rename_table"},
	},
	Check: checkTableDropCreate,
})

func checkTableDropCreate(p *Pass) {
	tableDropCreateIn(p, p.Migration.Upgrade, p.Upgrade, nil)
	// a downgrade's drop of the table its upgrade created, beside a create of a
	// table the upgrade neither dropped nor renamed, undoes the create: the
	// table created comes from elsewhere (left over autogenerate output)
	inverse := func(d, c tableChange) bool {
		return createdBy(p.Migration.Upgrade, d.table) && !slices.ContainsFunc(p.Migration.Upgrade.Ops, func(o *migration.Op) bool {
			table, _ := o.Table()
			return (o.Name == "drop_table" || o.Name == "rename_table") && table == c.table
		})
	}
	tableDropCreateIn(p, p.Migration.Downgrade, p.Downgrade, inverse)
}

// createdBy reports whether a function creates a table of that name.
func createdBy(f *migration.Function, table string) bool {
	return f != nil && slices.ContainsFunc(f.Ops, func(o *migration.Op) bool {
		name, _ := o.Table()
		return o.Name == "create_table" && name == table
	})
}

// tableShape is a table's columns: name -> type family ("" when unknown).
type tableShape map[string]string

type tableChange struct {
	op    *migration.Op
	table string
	shape tableShape
}

// tableDropCreateIn reports the drop + create pairs of a function; a pair
// that inverse accepts (nil: none) is not a rename.
func tableDropCreateIn(p *Pass, f *migration.Function, walk func(func(*migration.Op, *history.State)), inverse func(drop, create tableChange) bool) {
	if f == nil || !slices.ContainsFunc(f.Ops, func(o *migration.Op) bool { return o.Name == "drop_table" }) || acceptsLoss(p.Migration, f) {
		return // nothing dropped, or the author says the data goes on purpose
	}
	var drops, creates []tableChange
	quiet := false
	var names []string // every table the function's statements and data steps name
	walk(func(o *migration.Op, s *history.State) {
		switch {
		case hidesEffects(o), o.Name == "rename_table":
			quiet = true
		case o.Name == "bulk_insert" && o.Arg("table") != nil:
			names = append(names, o.Arg("table").Text)
		case o.SQL != nil:
			names = append(names, o.SQL.Text)
		}
		table, ok := o.Table()
		if !ok || !o.Certain() || o.Batch != nil {
			return
		}
		key := effect.TableKey(o, table)
		switch o.Name {
		case "drop_table":
			if t := s.Table(key); t != nil && !t.Opaque && !t.Uncertain && !s.Unknown {
				drops = append(drops, tableChange{o, table, stateShape(t)})
			}
		case "create_table":
			if ct := p.Migration.CreateTable(o); ct != nil && s.Table(key) == nil {
				creates = append(creates, tableChange{o, table, createdShape(ct)})
			}
		}
	})
	if quiet {
		return
	}
	matches := func(d, c tableChange) bool { return c.table != d.table && sameShape(d.shape, c.shape) }
	for _, d := range drops {
		var match []tableChange
		for _, c := range creates {
			if matches(d, c) {
				match = append(match, c)
			}
		}
		// a rename is one table for one: a create matching several drops
		// merges them (sbc-pay's downgrade folds five code tables into one)
		if len(match) != 1 || slices.ContainsFunc(drops, func(other tableChange) bool { return other.op != d.op && matches(other, match[0]) }) ||
			namedIn(names, d.table) || namedIn(names, match[0].table) || inverse != nil && inverse(d, match[0]) {
			continue
		}
		p.Report(d.op, tableRenameMessage(p.Style(), d.table, match[0].table, len(d.shape)), nil)
	}
}

func stateShape(t *history.Table) tableShape {
	shape := tableShape{}
	for name, c := range t.Columns.All() {
		shape[name] = typeFamily(c.Type)
	}
	return shape
}

func createdShape(ct *migration.Table) tableShape {
	shape := tableShape{}
	for _, c := range ct.Columns {
		if !c.NameKnown {
			return nil
		}
		shape[c.Name] = typeFamily(c.Type)
	}
	return shape
}

// sameShape: the same column names (two at least: a lone id column says
// nothing), and no column whose type families are both known and differ.
func sameShape(a, b tableShape) bool {
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	for name, fa := range a {
		fb, ok := b[name]
		if !ok || fa != "" && fb != "" && fa != fb {
			return false
		}
	}
	return true
}

// namedIn reports whether a name appears as a word in any of the texts (SQL
// that may copy a table's rows, a warning naming a column).
func namedIn(texts []string, name string) bool {
	return slices.ContainsFunc(texts, func(text string) bool { return mentions(text, name) })
}

func tableRenameMessage(st *stylist.Stylist, old, renamed string, columns int) Message {
	return Message{Text: fmt.Sprintf("drop_table(%q) with create_table(%q) of the same %d columns looks like a table rename", old, renamed, columns),
		Help: fmt.Sprintf("Done as create + drop, every row of %q is lost and %q starts empty, without any error. Rename in place: "+
			"%s.rename_table(%s, %s) (it keeps the rows; a sequence, indexes and constraints named after %q keep their "+
			"old names: rename them too if the models expect new ones).",
			old, renamed, st.Spell(stylist.Op), st.Quote(old), st.Quote(renamed), old)}
}
