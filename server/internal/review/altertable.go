package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// ALTER TABLE written as literal SQL: each comma-separated action is read for
// its lock, scan and rewrite; an action not recognised makes the effect unknown
// (ALTER TABLE takes ACCESS EXCLUSIVE unless the action is one of the
// documented exceptions, which the analysis cannot rule out).

func (c *opCtx) alterTable(f *facts, st migration.Statement) {
	t := st.Table
	if st.NewName != "" {
		f.lock(t, AccessExclusive)
		f.say("renames table %s", t)
		f.removed = append(f.removed, "table "+t+" (renamed)")
		return
	}
	if len(st.Actions) == 0 {
		f.unknownBecause("ALTER TABLE ... %s is not analysed", st.Verb)
		return
	}
	for _, a := range st.Actions {
		c.alterAction(f, t, a)
	}
}

func (c *opCtx) alterAction(f *facts, t string, a migration.TableAction) {
	existing := c.existing(t)
	switch a.Kind {
	case migration.AddConstraint:
		c.addConstraintSQL(f, t, a, existing)
	case migration.AddColumn:
		c.addColumnSQL(f, t, a)
	case migration.DropConstraint:
		f.say("drops a constraint of %s", t)
		f.lock(t, AccessExclusive)
		f.note("If it is a foreign key, the referenced table is locked ACCESS EXCLUSIVE too.")
	case migration.DropColumn:
		col := t + "." + a.Column
		f.say("drops column %s", col)
		f.lock(t, AccessExclusive)
		f.dataLoss = append(f.dataLoss, "every value of "+col)
		f.removed = append(f.removed, "column "+col)
		f.notRestored = "the column comes back empty: the values the upgrade dropped are not restored"
	case migration.SetNotNull, migration.DropNotNull, migration.SetDefault, migration.DropDefault, migration.AlterColumnType:
		c.alterColumnSQL(f, t, a)
	case migration.ValidateConstraint:
		f.say("validates a constraint of %s", t)
		f.lock(t, ShareUpdateExclusive)
		f.scan = Yes
		f.note("VALIDATE CONSTRAINT reads every row while reads and writes continue (a foreign key also takes ROW SHARE on the referenced table).")
	case migration.RenameConstraint:
		f.lock(t, AccessExclusive)
		f.say("renames a constraint of %s", t)
	case migration.RenameColumn:
		f.lock(t, AccessExclusive)
		f.say("renames column %s.%s to %s", t, a.Column, a.NewName)
		f.removed = append(f.removed, fmt.Sprintf("column %s.%s (renamed to %s)", t, a.Column, a.NewName))
	default:
		f.unknownBecause("ALTER TABLE action %q is not analysed", a.Verb)
	}
}

func (c *opCtx) addConstraintSQL(f *facts, t string, a migration.TableAction, existing bool) {
	switch a.ConstraintKind {
	case "foreign key":
		f.say("adds a foreign key to %s", t)
		f.lock(t, ShareRowExclusive)
		if a.RefTable != "" {
			f.lock(a.RefTable, ShareRowExclusive)
		}
		f.constrained = append(f.constrained, "a foreign key on "+t)
		if !a.NotValid && existing {
			f.scan = Yes
			f.note("Every existing row of %s is checked while writes to both tables wait; NOT VALID then VALIDATE CONSTRAINT avoids that.", t)
		}
	case "check":
		f.say("adds a CHECK constraint to %s", t)
		f.lock(t, AccessExclusive)
		f.constrained = append(f.constrained, "a CHECK constraint on "+t)
		if !a.NotValid && existing {
			f.scan = Yes
			f.note("Every row of %s is checked under ACCESS EXCLUSIVE; NOT VALID then VALIDATE CONSTRAINT avoids that.", t)
		}
	case "unique", "primary key", "exclude":
		kind := strings.ToUpper(a.ConstraintKind)
		f.say("adds a %s constraint to %s", kind, t)
		f.lock(t, AccessExclusive)
		f.constrained = append(f.constrained, "a "+kind+" constraint on "+t)
		if a.Index == "" && existing {
			f.scan = Yes
			f.note("The constraint builds an index from every row of %s under ACCESS EXCLUSIVE.", t)
		}
	default:
		f.unknownBecause("ALTER TABLE action %q is not analysed", a.Verb)
	}
}

func (c *opCtx) addColumnSQL(f *facts, t string, a migration.TableAction) {
	col := a.Column
	f.say("adds column %s.%s", t, col)
	f.lock(t, AccessExclusive)
	f.added = append(f.added, "column "+t+"."+col)
	f.downgradeLoss = "the values written to " + t + "." + col + " after the upgrade"
	if a.RefTable != "" {
		f.lock(a.RefTable, ShareRowExclusive)
		f.scan = Yes
	}
	switch {
	case a.Rewrite:
		f.rewrite = Yes
		f.note("An identity, serial or stored generated column is filled for every existing row: the table is rewritten.")
	case a.Default && migration.VolatileIn(a.DefaultText) != "":
		f.rewrite = Yes
		f.note("The default %s is volatile: the table and its indexes are rewritten under ACCESS EXCLUSIVE.", migration.VolatileIn(a.DefaultText))
	case a.Default && c.pg < 11:
		f.rewrite = Yes
		f.note("PostgreSQL %d: before 11 any DEFAULT on ADD COLUMN rewrites the table.", c.pg)
	case !a.Default && a.NotNull && c.existing(t):
		f.note("NOT NULL without a DEFAULT fails as soon as %s has rows.", t)
		f.constrained = append(f.constrained, "NOT NULL on "+t+"."+col+" without a default")
	}
}

func (c *opCtx) alterColumnSQL(f *facts, t string, a migration.TableAction) {
	col := a.Column
	f.lock(t, AccessExclusive)
	switch a.Kind {
	case migration.SetNotNull:
		f.say("makes %s.%s NOT NULL", t, col)
		f.constrained = append(f.constrained, "NOT NULL on "+t+"."+col)
		if c.existing(t) {
			f.scan = Yes
			f.note("SET NOT NULL reads every row of %s under ACCESS EXCLUSIVE (PostgreSQL 12+ skips it when a validated CHECK (%s IS NOT NULL) exists).", t, col)
		}
	case migration.DropNotNull, migration.SetDefault, migration.DropDefault:
		f.say("changes %s.%s (%s)", t, col, a.Verb)
	case migration.AlterColumnType:
		f.say("changes the type of %s.%s", t, col)
		f.removed = append(f.removed, "the type of "+t+"."+col)
		if a.Using {
			f.rewrite = Yes
			f.note("USING converts every row: the table and its indexes are rewritten under ACCESS EXCLUSIVE.")
		} else {
			f.rewrite = Unknown
			f.note("The table and its indexes are rewritten unless the conversion is binary coercible (the old type is not visible here).")
		}
	}
}
