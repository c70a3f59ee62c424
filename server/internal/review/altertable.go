package review

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// ALTER TABLE written as literal SQL: each comma-separated action is read for
// its lock, scan and rewrite; an action not recognised makes the effect unknown
// (ALTER TABLE takes ACCESS EXCLUSIVE unless the action is one of the
// documented exceptions, which the analysis cannot rule out).

var (
	reAlterHead   = regexp.MustCompile(`(?is)^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:"(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[\pL_][\pL\pN_$]*))?\s*\*?\s*`)
	reAddFK       = regexp.MustCompile(`(?is)^ADD\s+(?:CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\b`)
	reAddCheck    = regexp.MustCompile(`(?is)^ADD\s+(?:CONSTRAINT\s+\S+\s+)?CHECK\b`)
	reAddIndexed  = regexp.MustCompile(`(?is)^ADD\s+(?:CONSTRAINT\s+\S+\s+)?(UNIQUE|PRIMARY\s+KEY|EXCLUDE)\b`)
	reUsingIndex  = regexp.MustCompile(`(?is)\bUSING\s+INDEX\b`)
	reAddColumn   = regexp.MustCompile(`(?is)^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reDropCons    = regexp.MustCompile(`(?is)^DROP\s+CONSTRAINT\b`)
	reDropColumn  = regexp.MustCompile(`(?is)^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
	reAlterColumn = regexp.MustCompile(`(?is)^ALTER\s+(?:COLUMN\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)\s+(.*)$`)
	reValidate    = regexp.MustCompile(`(?is)^VALIDATE\s+CONSTRAINT\b`)
	reRename      = regexp.MustCompile(`(?is)^RENAME\s+(?:(CONSTRAINT)|(TO)|(?:COLUMN\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)\s+TO\s+("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*))`)
	reNotValid    = regexp.MustCompile(`(?is)\bNOT\s+VALID\b`)
	reDefault     = regexp.MustCompile(`(?is)\bDEFAULT\s+(.*?)(?:\s+(?:NOT\s+NULL|NULL|CONSTRAINT|CHECK|UNIQUE|PRIMARY|REFERENCES|GENERATED|COLLATE)\b|$)`)
	reRewriteCol  = regexp.MustCompile(`(?is)\b(?:GENERATED\s+(?:ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY|GENERATED\s+ALWAYS\s+AS\s*\(.*\)\s*STORED|(?:SMALL|BIG)?SERIAL\d?)\b`)
	reNotNull     = regexp.MustCompile(`(?is)\bNOT\s+NULL\b`)
	reConsName    = regexp.MustCompile(`(?is)^(?:ADD|DROP)\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)`)
)

func (c *opCtx) alterTable(f *facts, st migration.Statement) {
	t := st.Table
	head := reAlterHead.FindString(st.Text)
	for _, action := range splitTopLevel(st.Text[len(head):]) {
		c.alterAction(f, t, strings.TrimSpace(action))
	}
}

func (c *opCtx) alterAction(f *facts, t, a string) {
	existing := c.existing(t)
	if m := reConsName.FindStringSubmatch(a); m != nil {
		if strings.HasPrefix(strings.ToUpper(a), "ADD") {
			f.creates = append(f.creates, "constraint:"+t+":"+unquote(m[1]))
		} else {
			f.removes = append(f.removes, "constraint:"+t+":"+unquote(m[1]))
		}
	}
	switch {
	case reAddFK.MatchString(a):
		f.say("adds a foreign key to %s", t)
		f.lock(t, ShareRowExclusive)
		if m := reReferences.FindStringSubmatch(a); m != nil {
			f.lock(unquote(m[1]), ShareRowExclusive)
		}
		f.constrained = append(f.constrained, "a foreign key on "+t)
		if !reNotValid.MatchString(a) && existing {
			f.scan = Yes
			f.note("Every existing row of %s is checked while writes to both tables wait; NOT VALID then VALIDATE CONSTRAINT avoids that.", t)
		}
	case reAddCheck.MatchString(a):
		f.say("adds a CHECK constraint to %s", t)
		f.lock(t, AccessExclusive)
		f.constrained = append(f.constrained, "a CHECK constraint on "+t)
		if !reNotValid.MatchString(a) && existing {
			f.scan = Yes
			f.note("Every row of %s is checked under ACCESS EXCLUSIVE; NOT VALID then VALIDATE CONSTRAINT avoids that.", t)
		}
	case reAddIndexed.MatchString(a):
		kind := strings.ToUpper(strings.Join(strings.Fields(reAddIndexed.FindStringSubmatch(a)[1]), " "))
		f.say("adds a %s constraint to %s", kind, t)
		f.lock(t, AccessExclusive)
		f.constrained = append(f.constrained, "a "+kind+" constraint on "+t)
		if !reUsingIndex.MatchString(a) && existing {
			f.scan = Yes
			f.note("The constraint builds an index from every row of %s under ACCESS EXCLUSIVE.", t)
		}
	case reAddColumn.MatchString(a):
		c.addColumnSQL(f, t, unquote(reAddColumn.FindStringSubmatch(a)[1]), a)
	case reDropCons.MatchString(a):
		f.say("drops a constraint of %s", t)
		f.lock(t, AccessExclusive)
		f.note("If it is a foreign key, the referenced table is locked ACCESS EXCLUSIVE too.")
	case reDropColumn.MatchString(a):
		col := t + "." + unquote(reDropColumn.FindStringSubmatch(a)[1])
		f.say("drops column %s", col)
		f.lock(t, AccessExclusive)
		f.dataLoss = append(f.dataLoss, "every value of "+col)
		f.removed = append(f.removed, "column "+col)
		f.removes = append(f.removes, "column:"+col)
		f.notRestored = "the column comes back empty: the values the upgrade dropped are not restored"
	case reAlterColumn.MatchString(a):
		m := reAlterColumn.FindStringSubmatch(a)
		c.alterColumnSQL(f, t, unquote(m[1]), strings.TrimSpace(m[2]))
	case reValidate.MatchString(a):
		f.say("validates a constraint of %s", t)
		f.lock(t, ShareUpdateExclusive)
		f.scan = Yes
		f.note("VALIDATE CONSTRAINT reads every row while reads and writes continue (a foreign key also takes ROW SHARE on the referenced table).")
	case reRename.MatchString(a):
		m := reRename.FindStringSubmatch(a)
		f.lock(t, AccessExclusive)
		switch {
		case m[1] != "":
			f.say("renames a constraint of %s", t)
		case m[2] != "":
			f.say("renames table %s", t)
			f.removed = append(f.removed, "table "+t+" (renamed)")
		default:
			f.say("renames column %s.%s to %s", t, unquote(m[3]), unquote(m[4]))
			f.removes = append(f.removes, "column:"+t+"."+unquote(m[3]))
			f.creates = append(f.creates, "column:"+t+"."+unquote(m[4]))
			f.removed = append(f.removed, fmt.Sprintf("column %s.%s (renamed to %s)", t, unquote(m[3]), unquote(m[4])))
		}
	default:
		f.unknownBecause("ALTER TABLE action %q is not analysed", firstWords(a))
	}
}

func (c *opCtx) addColumnSQL(f *facts, t, col, a string) {
	f.say("adds column %s.%s", t, col)
	f.lock(t, AccessExclusive)
	f.added = append(f.added, "column "+t+"."+col)
	f.creates = append(f.creates, "column:"+t+"."+col)
	f.downgradeLoss = "the values written to " + t + "." + col + " after the upgrade"
	if m := reReferences.FindStringSubmatch(a); m != nil {
		f.lock(unquote(m[1]), ShareRowExclusive)
		f.scan = Yes
	}
	d := reDefault.FindStringSubmatch(a)
	switch {
	case reRewriteCol.MatchString(a):
		f.rewrite = Yes
		f.note("An identity, serial or stored generated column is filled for every existing row: the table is rewritten.")
	case d != nil && migration.VolatileIn(d[1]) != "":
		f.rewrite = Yes
		f.note("The default %s is volatile: the table and its indexes are rewritten under ACCESS EXCLUSIVE.", migration.VolatileIn(d[1]))
	case d != nil && c.pg < 11:
		f.rewrite = Yes
		f.note("PostgreSQL %d: before 11 any DEFAULT on ADD COLUMN rewrites the table.", c.pg)
	case d == nil && reNotNull.MatchString(a) && c.existing(t):
		f.note("NOT NULL without a DEFAULT fails as soon as %s has rows.", t)
		f.constrained = append(f.constrained, "NOT NULL on "+t+"."+col+" without a default")
	}
}

func (c *opCtx) alterColumnSQL(f *facts, t, col, rest string) {
	upper := strings.ToUpper(strings.Join(strings.Fields(rest), " "))
	f.lock(t, AccessExclusive)
	target := t + "." + col
	switch {
	case upper == "SET NOT NULL", upper == "DROP NOT NULL":
		f.alters = append(f.alters, "nullable:"+target)
	case strings.HasPrefix(upper, "SET DEFAULT"), upper == "DROP DEFAULT":
		f.alters = append(f.alters, "default:"+target)
	case strings.HasPrefix(upper, "TYPE"), strings.HasPrefix(upper, "SET DATA TYPE"):
		f.alters = append(f.alters, "coltype:"+target)
	}
	switch {
	case upper == "SET NOT NULL":
		f.say("makes %s.%s NOT NULL", t, col)
		f.constrained = append(f.constrained, "NOT NULL on "+t+"."+col)
		if c.existing(t) {
			f.scan = Yes
			f.note("SET NOT NULL reads every row of %s under ACCESS EXCLUSIVE (PostgreSQL 12+ skips it when a validated CHECK (%s IS NOT NULL) exists).", t, col)
		}
	case upper == "DROP NOT NULL", strings.HasPrefix(upper, "SET DEFAULT"), upper == "DROP DEFAULT":
		f.say("changes %s.%s (%s)", t, col, firstWords(rest))
	case strings.HasPrefix(upper, "TYPE"), strings.HasPrefix(upper, "SET DATA TYPE"):
		f.say("changes the type of %s.%s", t, col)
		f.removed = append(f.removed, "the type of "+t+"."+col)
		if strings.Contains(upper, " USING ") {
			f.rewrite = Yes
			f.note("USING converts every row: the table and its indexes are rewritten under ACCESS EXCLUSIVE.")
		} else {
			f.rewrite = Unknown
			f.note("The table and its indexes are rewritten unless the conversion is binary coercible (the old type is not visible here).")
		}
	default:
		f.unknownBecause("ALTER COLUMN %s is not analysed", firstWords(rest))
	}
}
