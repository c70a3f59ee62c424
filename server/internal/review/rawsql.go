package review

import (
	"fmt"
	"regexp"
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

var (
	reWhere        = regexp.MustCompile(`(?i)\bWHERE\b`)
	reSetColumns   = regexp.MustCompile(`(?is)\bSET\s+(.*?)(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|$)`)
	reAssignment   = regexp.MustCompile(`^\s*("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)\s*=`)
	reLockTimeout  = regexp.MustCompile(`(?i)^SET\s+(?:LOCAL\s+|SESSION\s+)?lock_timeout\b`)
	reLockTable    = regexp.MustCompile(`(?i)^LOCK\s+(?:TABLE\s+)?(?:ONLY\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$.]*)(?:.*?\bIN\s+([A-Z ]+?)\s+MODE)?`)
	reVacuumFull   = regexp.MustCompile(`(?i)^VACUUM\s+(?:\([^)]*\bFULL\b[^)]*\)|FULL\b)`)
	reCommentOn    = regexp.MustCompile(`(?i)^COMMENT\s+ON\s+(TABLE|COLUMN)\s+("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reUnique       = regexp.MustCompile(`(?i)^CREATE\s+UNIQUE\b`)
	reCatalogType  = regexp.MustCompile(`(?i)^ALTER\s+TYPE\s+\S+\s+(RENAME\s+VALUE|RENAME\s+TO|OWNER\s+TO|SET\s+SCHEMA)\b`)
	reIfNotExists  = regexp.MustCompile(`(?i)\bIF\s+NOT\s+EXISTS\b`)
	reReferences   = regexp.MustCompile(`(?i)\bREFERENCES\s+("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reTruncate     = regexp.MustCompile(`(?i)^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reReindexTable = regexp.MustCompile(`(?i)^REINDEX\s+(?:\([^)]*\)\s*)?TABLE\s+(?:CONCURRENTLY\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reCreateTrig   = regexp.MustCompile(`(?i)^CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\b.*?\bON\s+("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
)

// unquote unquotes an identifier matched by the patterns above.
func unquote(s string) string {
	if strings.HasPrefix(s, `"`) {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return strings.ToLower(s)
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
		if m := reCatalogType.FindStringSubmatch(st.Text); m != nil {
			f.say("changes enum type %s (%s)", st.Object, strings.ToUpper(strings.Join(strings.Fields(m[1]), " ")))
			f.note("Catalog only: no table is locked or rewritten.")
			switch verb := strings.ToUpper(m[1]); {
			case strings.HasPrefix(verb, "RENAME VALUE"):
				f.removed = append(f.removed, "a value of enum type "+st.Object)
				f.alters = append(f.alters, "values:"+st.Object)
			case strings.HasPrefix(verb, "RENAME"):
				f.removes = append(f.removes, "type:"+st.Object, "values:"+st.Object)
			}
			return
		}
		f.unknownBecause("this form of ALTER TYPE is not recognised")
	case migration.SQLCreateType:
		f.say("creates type %s", st.Object)
		f.added = append(f.added, "type "+st.Object)
		f.creates = append(f.creates, "type:"+st.Object)
	case migration.SQLDropType:
		f.say("drops type %s", st.Object)
		f.removes = append(f.removes, "type:"+st.Object)
		if users := c.s.EnumUsers(st.Object); len(users) > 0 {
			f.note("Columns still use type %s at this point (%s): DROP TYPE fails unless they are dropped or converted first.", st.Object, strings.Join(users, ", "))
		}
	case migration.SQLCreateIndex:
		f.say("creates index %s on %s", st.Object, st.Table)
		f.creates = append(f.creates, "index:"+st.Object)
		c.indexBuild(f, st.Table, st.Concurrently, reUnique.MatchString(st.Text))
	case migration.SQLDropIndex:
		f.say("drops index %s", st.Object)
		f.removes = append(f.removes, "index:"+st.Object)
		c.indexDrop(f, "", st.Concurrently)
	case migration.SQLAlterTable:
		c.alterTable(f, st)
	case migration.SQLCreateTable:
		f.say("creates table %s", st.Table)
		f.lock(st.Table, AccessExclusive)
		for _, m := range reReferences.FindAllStringSubmatch(st.Text, -1) {
			if ref := unquote(m[1]); ref != st.Table {
				f.lock(ref, ShareRowExclusive)
				f.note("The foreign key to %s takes SHARE ROW EXCLUSIVE on %s: writes to it wait until the migration commits.", ref, ref)
			}
		}
		f.added = append(f.added, "table "+st.Table)
		f.creates = append(f.creates, "table:"+st.Table)
		f.downgradeLoss = "every row written to " + st.Table + " after the upgrade"
		c.created[st.Table] = true
	case migration.SQLDropTable:
		f.say("drops table %s", st.Table)
		f.lock(st.Table, AccessExclusive)
		f.dataLoss = append(f.dataLoss, "every row of "+st.Table)
		f.removed = append(f.removed, "table "+st.Table)
		f.removes = append(f.removes, "table:"+st.Table)
		f.notRestored = "the table comes back empty: the rows the upgrade dropped are not restored"
	default:
		c.otherStatement(f, st)
	}
}

func (c *opCtx) dml(f *facts, st migration.Statement) {
	verb := map[migration.StatementKind]string{migration.SQLUpdate: "updates", migration.SQLDelete: "deletes", migration.SQLInsert: "inserts"}[st.Kind]
	whole := !reWhere.MatchString(st.Text)
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
		f.creates = append(f.creates, "rows:"+st.Table)
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
		f.removes = append(f.removes, "rows:"+st.Table)
		if whole {
			f.dataLoss = append(f.dataLoss, "every row of "+st.Table)
		} else {
			f.dataLoss = append(f.dataLoss, "the rows of "+st.Table+" it deletes")
		}
		return
	}
	f.alters = append(f.alters, "rows:"+st.Table)
	if cols := setColumns(st.Text); len(cols) > 0 {
		f.dataLoss = append(f.dataLoss, fmt.Sprintf("the previous values of %s in the rows it updates", joinQualified(st.Table, cols)))
	}
}

// setColumns lists the columns an UPDATE assigns.
func setColumns(stmt string) []string {
	m := reSetColumns.FindStringSubmatch(stmt)
	if m == nil {
		return nil
	}
	var out []string
	for _, part := range splitTopLevel(m[1]) {
		if a := reAssignment.FindStringSubmatch(part); a != nil {
			out = append(out, unquote(a[1]))
		}
	}
	return out
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
	case reLockTimeout.MatchString(st.Text):
		f.say("sets lock_timeout")
		f.lockTimeout = true
	case reLockTable.MatchString(st.Text):
		m := reLockTable.FindStringSubmatch(st.Text)
		mode := AccessExclusive
		if m[2] != "" {
			mode = strings.ToUpper(strings.Join(strings.Fields(m[2]), " "))
			if _, ok := lockRank[mode]; !ok {
				f.unknownBecause("lock mode %s is not recognised", mode)
				return
			}
		}
		f.say("locks table %s in %s mode", unquote(m[1]), mode)
		f.lock(unquote(m[1]), mode)
	case reVacuumFull.MatchString(st.Text):
		f.unknownBecause("VACUUM cannot run inside a transaction block and VACUUM FULL rewrites under ACCESS EXCLUSIVE: review it by hand")
	case reCommentOn.MatchString(st.Text):
		m := reCommentOn.FindStringSubmatch(st.Text)
		table := unquote(m[2]) // COLUMN t.c: the table comes first
		f.say("sets a comment on %s %s", strings.ToLower(m[1]), table)
		f.lock(table, ShareUpdateExclusive)
	case strings.HasPrefix(strings.ToUpper(st.Text), "SET") || strings.HasPrefix(strings.ToUpper(st.Text), "RESET"):
		f.say("changes a session setting")
	default:
		f.unknownBecause("%s is not analysed", firstWords(st.Text))
	}
}

func (c *opCtx) addEnumValue(f *facts, st migration.Statement) {
	f.say("adds value %s to enum type %s", literal(st.Value), st.Object)
	f.note("Takes a lock on the type only: no table is locked, scanned or rewritten.")
	f.added = append(f.added, fmt.Sprintf("value %s of enum type %s", literal(st.Value), st.Object))
	f.creates = append(f.creates, "values:"+st.Object)
	f.downgradeLoss = fmt.Sprintf("the value %s: rows using it must be moved to another value first", literal(st.Value))
	switch {
	case c.o.OutsideTransaction():
		f.note("Inside autocommit_block(): committed at once, so later statements can use the value.")
	case c.pg < 12:
		f.note("PostgreSQL %d: before 12 ALTER TYPE ... ADD VALUE cannot run inside a transaction block: this fails. Run it in op.get_context().autocommit_block().", c.pg)
	default:
		f.note("PostgreSQL 12+ runs it inside the migration transaction, but the value cannot be used before that transaction commits (unsafe use of new value).")
	}
	if !reIfNotExists.MatchString(st.Text) {
		f.note("Without IF NOT EXISTS a second run fails with: enum label %s already exists.", literal(st.Value))
	}
}

func (c *opCtx) otherStatement(f *facts, st migration.Statement) {
	switch {
	case reTruncate.MatchString(st.Text):
		t := unquote(reTruncate.FindStringSubmatch(st.Text)[1])
		f.say("empties table %s", t)
		f.lock(t, AccessExclusive)
		f.dataLoss = append(f.dataLoss, "every row of "+t)
		f.removes = append(f.removes, "rows:"+t)
	case reReindexTable.MatchString(st.Text):
		t := unquote(reReindexTable.FindStringSubmatch(st.Text)[1])
		f.say("rebuilds the indexes of %s", t)
		f.scan = Yes
		if st.Concurrently {
			f.lock(t, ShareUpdateExclusive)
			f.note("REINDEX CONCURRENTLY (PostgreSQL 12+) cannot run inside a transaction block.")
		} else {
			f.lock(t, Share)
		}
	case reCreateTrig.MatchString(st.Text):
		t := unquote(reCreateTrig.FindStringSubmatch(st.Text)[1])
		f.say("creates a trigger on %s", t)
		f.lock(t, ShareRowExclusive)
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

// splitTopLevel splits on commas outside parentheses and quotes.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
