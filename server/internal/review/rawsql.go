package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Literal SQL run by op.execute / connection.execute: each statement is
// classified (migration.ClassifySQL) and read for its locks. A statement the
// analysis does not recognise makes the operation's effect unknown; SQL that
// is not a literal is never guessed at.

func (c *opCtx) execute(f *facts) {
	sql := c.o.SQL
	if sql == nil || !sql.Known {
		f.unknownBecause("the SQL is not a literal (a variable, an f-string, .format() or a SQLAlchemy construct)")
		return
	}
	if len(sql.Statements) == 0 {
		f.say("runs no statement")
		return
	}
	for i, st := range sql.Statements {
		g := newFacts()
		c.statement(g, st)
		if g.unknown != "" && len(sql.Statements) > 1 {
			g.unknown = fmt.Sprintf("statement %d: %s", i+1, g.unknown)
		}
		g.sql = []string{st.Text}
		f.merge(g)
	}
}

func (c *opCtx) statement(f *facts, st migration.Statement) {
	switch st.Kind {
	case migration.SQLUpdate, migration.SQLDelete, migration.SQLInsert:
		c.dml(f, st)
	case migration.SQLSelect:
		f.say("reads data")
	case migration.SQLSession:
		c.session(f, st)
	case migration.SQLAlterTypeAdd:
		c.addEnumValue(f, st)
	case migration.SQLAlterType:
		f.say("changes enum type %s (%s)", st.Object, st.Verb)
		f.note("Catalog only: no table is locked or rewritten.")
		if st.Verb == "RENAME VALUE" {
			f.removed = append(f.removed, "a value of enum type "+st.Object)
		}
	case migration.SQLCreateType:
		f.say("creates type %s", st.Object)
		f.added = append(f.added, "type "+st.Object)
	case migration.SQLDropType:
		f.say("drops type %s", st.Object)
		if users := c.s.EnumUsers(st.Object); len(users) > 0 {
			f.note("Columns still use type %s at this point (%s): DROP TYPE fails unless they are dropped or converted first.", st.Object, strings.Join(users, ", "))
		}
	case migration.SQLCreateIndex:
		f.say("creates index %s on %s", st.Object, st.Table)
		c.indexBuild(f, st.Table, st.Concurrently, st.Unique)
	case migration.SQLDropIndex:
		f.say("drops index %s", st.Object)
		c.indexDrop(f, "", st.Concurrently)
	case migration.SQLAlterTable:
		c.alterTable(f, st)
	case migration.SQLCreateTable:
		f.say("creates table %s", st.Table)
		f.lock(st.Table, AccessExclusive)
		for _, ref := range st.References {
			f.lock(ref, ShareRowExclusive)
			f.note("The foreign key to %s takes SHARE ROW EXCLUSIVE on %s: writes to it wait until the migration commits.", ref, ref)
		}
		f.added = append(f.added, "table "+st.Table)
		f.downgradeLoss = "every row written to " + st.Table + " after the upgrade"
		c.created[st.Table] = true
	case migration.SQLDropTable:
		f.say("drops table %s", st.Table)
		f.lock(st.Table, AccessExclusive)
		f.dataLoss = append(f.dataLoss, "every row of "+st.Table)
		f.removed = append(f.removed, "table "+st.Table)
		f.notRestored = "the table comes back empty: the rows the upgrade dropped are not restored"
		c.viewsOn(f, st.Table, st.Cascade)
	default:
		c.otherStatement(f, st)
	}
}

func (c *opCtx) dml(f *facts, st migration.Statement) {
	verb := map[migration.StatementKind]string{migration.SQLUpdate: "updates", migration.SQLDelete: "deletes", migration.SQLInsert: "inserts"}[st.Kind]
	whole := !st.Where
	switch {
	case st.Kind == migration.SQLInsert:
		f.say("inserts rows into %s", st.Table)
	case whole:
		f.say("%s every row of %s", verb, st.Table)
	default:
		f.say("%s rows of %s", verb, st.Table)
	}
	f.lock(st.Table, RowExclusive)
	if st.Kind == migration.SQLInsert {
		f.downgradeLoss = "the inserted rows"
		return
	}
	f.note("Every row it changes stays locked until the transaction commits: other writes to those rows wait.")
	if whole {
		f.scan = Yes
	} else {
		f.scan = Unknown
	}
	f.backfill = c.existing(st.Table)
	if st.Kind == migration.SQLDelete {
		if whole {
			f.dataLoss = append(f.dataLoss, "every row of "+st.Table)
		} else {
			f.dataLoss = append(f.dataLoss, "the rows of "+st.Table+" it deletes")
		}
		return
	}
	if cols := st.SetColumns; len(cols) > 0 {
		f.dataLoss = append(f.dataLoss, fmt.Sprintf("the previous values of %s in the rows it updates", joinQualified(st.Table, cols)))
	}
}

func joinQualified(table string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = table + "." + c
	}
	return strings.Join(out, ", ")
}

func (c *opCtx) session(f *facts, st migration.Statement) {
	switch {
	case st.Verb == "SET" && st.Object == "lock_timeout":
		f.say("sets lock_timeout")
		f.lockTimeout = true
	case st.Verb == "LOCK TABLE":
		for _, t := range st.Tables {
			f.say("locks table %s in %s mode", t, st.LockMode)
			f.lock(t, st.LockMode)
		}
	case st.Verb == "VACUUM FULL":
		f.unknownBecause("VACUUM cannot run inside a transaction block and VACUUM FULL rewrites under ACCESS EXCLUSIVE: review it by hand")
	case st.Verb == "COMMENT ON TABLE" || st.Verb == "COMMENT ON COLUMN":
		f.say("sets a comment on %s %s", strings.ToLower(strings.TrimPrefix(st.Verb, "COMMENT ON ")), st.Table)
		f.lock(st.Table, ShareUpdateExclusive)
	case st.Verb == "REINDEX" && st.Table != "":
		f.say("rebuilds the indexes of %s", st.Table)
		f.scan = Yes
		if st.Concurrently {
			f.lock(st.Table, ShareUpdateExclusive)
			f.note("REINDEX CONCURRENTLY (PostgreSQL 12+) cannot run inside a transaction block.")
		} else {
			f.lock(st.Table, Share)
		}
	case st.Verb == "SET":
		f.say("changes a session setting")
	default:
		f.unknownBecause("%s is not analysed", firstWords(st.Text))
	}
}

func (c *opCtx) addEnumValue(f *facts, st migration.Statement) {
	f.say("adds value %s to enum type %s", literal(st.Value), st.Object)
	f.note("Takes a lock on the type only: no table is locked, scanned or rewritten.")
	f.added = append(f.added, fmt.Sprintf("value %s of enum type %s", literal(st.Value), st.Object))
	f.downgradeLoss = fmt.Sprintf("the value %s: rows using it must be moved to another value first", literal(st.Value))
	switch {
	case c.o.OutsideTransaction():
		f.note("Inside autocommit_block(): committed at once, so later statements can use the value.")
	case c.pg < 12:
		f.note("PostgreSQL %d: before 12 ALTER TYPE ... ADD VALUE cannot run inside a transaction block: this fails. Run it in op.get_context().autocommit_block().", c.pg)
	default:
		f.note("PostgreSQL 12+ runs it inside the migration transaction, but the value cannot be used before that transaction commits (unsafe use of new value).")
	}
	if !st.IfNotExists {
		f.note("Without IF NOT EXISTS a second run fails with: enum label %s already exists.", literal(st.Value))
	}
}

func (c *opCtx) otherStatement(f *facts, st migration.Statement) {
	switch {
	case st.Kind == migration.SQLTruncate:
		for _, t := range st.Tables {
			f.say("empties table %s", t)
			f.lock(t, AccessExclusive)
			f.dataLoss = append(f.dataLoss, "every row of "+t)
		}
	case st.Verb == "CREATE TRIGGER":
		f.say("creates a trigger on %s", st.Table)
		f.lock(st.Table, ShareRowExclusive)
	default:
		f.unknownBecause("%s is not analysed", firstWords(st.Text))
	}
}

// firstWords names a statement by its first words.
func firstWords(s string) string {
	w := strings.Fields(s)
	if len(w) > 3 {
		w = w[:3]
	}
	return strings.ToUpper(strings.Join(w, " "))
}
