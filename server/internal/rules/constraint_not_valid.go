package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "constraint-not-valid",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "A foreign key or check constraint is added to an existing table without NOT VALID",
	Doc: Doc{
		FailsWhen: "Under load: the validating scan blocks writes to the table for as long as it reads it (and it fails on rows that violate the constraint).",
		What: "Finds `create_foreign_key` and `create_check_constraint` (also their batch forms) on a table that existed " +
			"before the revision, without `postgresql_not_valid=True`, and the same in raw SQL: `ALTER TABLE ... ADD " +
			"CONSTRAINT ... FOREIGN KEY` or `CHECK` without `NOT VALID`.",
		Why: "Adding a constraint checks every existing row while the lock is held. `ADD CONSTRAINT ... FOREIGN KEY` takes " +
			"SHARE ROW EXCLUSIVE on both the table and the referenced table: INSERT, UPDATE and DELETE on both wait for the " +
			"whole scan (reads continue). `ADD CONSTRAINT ... CHECK` takes ACCESS EXCLUSIVE: every query, SELECT included, " +
			"waits. Added with NOT VALID, the constraint is only recorded (a brief lock, no scan) and applies to new rows at " +
			"once; `ALTER TABLE ... VALIDATE CONSTRAINT` then checks the old rows under SHARE UPDATE EXCLUSIVE, which lets " +
			"reads and writes continue. Run the VALIDATE in a later migration (another transaction), otherwise the add's " +
			"stronger lock is still held while it scans. A row that breaks the constraint makes VALIDATE fail, e.g. " +
			"`insert or update on table \"child\" violates foreign key constraint \"fk_child_parent_id_parent\"` or " +
			"`check constraint \"ck_users_age_positive\" of relation \"users\" is violated by some row`.",
		Example: `# 0001_create_tables.py
def upgrade():
    op.create_table("parent", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("child", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer()))


# 0002_child_parent_fk.py
def upgrade():
    op.create_foreign_key("fk_child_parent_id_parent", "child", "parent", ["parent_id"], ["id"])`,
		UseInstead: `# 0002_child_parent_fk.py: the key holds for new rows; the existing ones are not scanned
def upgrade():
    op.create_foreign_key(
        "fk_child_parent_id_parent", "child", "parent", ["parent_id"], ["id"], postgresql_not_valid=True
    )


# 0003_validate_child_parent_fk.py, a later migration
def upgrade():
    op.execute("ALTER TABLE child VALIDATE CONSTRAINT fk_child_parent_id_parent")`,
		KnownProblems: "Only upgrade() is checked. Constraints added by literal SQL (`ALTER TABLE ... ADD CONSTRAINT`) are read as " +
			"PostgreSQL parses them; SQL with parts not known statically is not. A constraint whose " +
			"name is None gets a name from PostgreSQL (`child_parent_id_fkey`, `users_age_check`); the message uses it when " +
			"it can be derived and a placeholder otherwise.",
		FixSafety: "No automatic fix: a constraint added NOT VALID must be validated by a later migration, which the tool " +
			"cannot create inside this one.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.create_foreign_key",
			"https://squawkhq.com/docs/constraint-missing-not-valid",
			"https://squawkhq.com/docs/adding-foreign-key-constraint"},
		Squawk: []string{"adding-foreign-key-constraint", "constraint-missing-not-valid"},
	},
	Check: checkConstraintNotValid,
})

func checkConstraintNotValid(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			if st.Kind == migration.SQLAlterTable && preexistingTable(p, s, st.Table) != nil {
				constraintNotValidSQL(p, st)
			}
		}
		if o.Name != "create_foreign_key" && o.Name != "create_check_constraint" {
			return
		}
		table, t := existingTable(p, o, s)
		if on, known := dialectFlag(o, "postgresql_not_valid"); t == nil || on || !known {
			return
		}
		key := effect.TableKey(o, table)
		name := nameValue(o.Arg("constraint_name"))
		var text, lock string
		if o.Name == "create_foreign_key" {
			if cols, ok := o.Arg("local_cols").Strings(); name == "" && ok && o.Arg("constraint_name").IsNone() {
				name = history.DefaultFKName(table, cols)
			}
			ref := "the referenced table"
			if referent, ok := o.ArgString("referent_table"); ok {
				if schema, _ := o.ArgString("referent_schema"); schema != "" {
					referent = schema + "." + referent
				}
				ref = fmt.Sprintf("%q", referent)
			}
			text = fmt.Sprintf("create_foreign_key %s on existing table %q without NOT VALID", constraintLabel(name), key)
			lock = fmt.Sprintf("It checks every existing row while holding SHARE ROW EXCLUSIVE on both %q and %s: INSERT, UPDATE "+
				"and DELETE on both tables wait for the whole scan (reads continue).", key, ref)
		} else {
			text = fmt.Sprintf("create_check_constraint %s on existing table %q without NOT VALID", constraintLabel(name), key)
			lock = fmt.Sprintf("It checks every existing row while holding ACCESS EXCLUSIVE: every query on %q, SELECT included, "+
				"waits for the whole scan.", key)
		}
		if name == "" {
			name = "<constraint name>"
		}
		p.Report(o, Message{Text: text, Help: lock + fmt.Sprintf(" Add it with postgresql_not_valid=True (a brief lock, no scan; new "+
			"rows are checked at once), then validate the existing rows in a later migration: %s.execute(%s) (SHARE UPDATE "+
			"EXCLUSIVE: reads and writes continue)", p.Style().Spell(stylist.Op), p.Style().Quote("ALTER TABLE "+key+" VALIDATE CONSTRAINT "+name))}, nil)
	})
}

// constraintNotValidSQL: ALTER TABLE ... ADD CONSTRAINT in SQL, on an existing table.
func constraintNotValidSQL(p *Pass, st migration.Statement) {
	for _, a := range st.Actions {
		if a.Kind != migration.AddConstraint || a.NotValid {
			continue
		}
		name := a.Constraint
		if name == "" {
			name = "<constraint name>"
		}
		var msg Message
		switch a.ConstraintKind {
		case "foreign key":
			msg = Message{Text: fmt.Sprintf("ADD CONSTRAINT %s FOREIGN KEY on existing table %q checks every existing row", constraintLabel(a.Constraint), st.Table),
				Help: fmt.Sprintf("It holds SHARE ROW EXCLUSIVE on both %q and %q during the scan: INSERT, UPDATE and DELETE on both "+
					"tables wait for it (reads continue).", st.Table, a.RefTable)}
		case "check":
			msg = Message{Text: fmt.Sprintf("ADD CONSTRAINT %s CHECK on existing table %q checks every existing row", constraintLabel(a.Constraint), st.Table),
				Help: fmt.Sprintf("It holds ACCESS EXCLUSIVE during the scan: every query on %q, SELECT included, waits for it.", st.Table)}
		default:
			continue
		}
		msg.Help += fmt.Sprintf(" Write NOT VALID at the end of the constraint (a brief lock, no scan; new rows "+
			"are checked at once), then validate the existing rows in a later migration: %s.execute(%s) (SHARE UPDATE "+
			"EXCLUSIVE: reads and writes continue).", p.Style().Spell(stylist.Op), p.Style().Quote("ALTER TABLE "+st.Table+" VALIDATE CONSTRAINT "+name))
		p.ReportAt(st.Span, msg, nil)
	}
}

func constraintLabel(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return fmt.Sprintf("%q", name)
}
