package review

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// alter_column emits one ALTER TABLE per aspect it changes; on PostgreSQL the
// type comes first, then nullability, default, comment and the new name.
func (c *opCtx) alterColumn(f *facts) {
	key, ok := c.tableArg(f)
	col, known := c.str("column_name")
	if !ok || !known {
		f.unknownBecause("the column name is not a literal")
		return
	}
	name := key + "." + col
	alter := fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s ", qualified(key), ident(col))
	if c.o.Arg("type_") != nil {
		c.typeChange(f, key, col, alter)
	}
	if v := c.o.Arg("nullable"); v != nil && !v.IsNone() {
		switch nullable, known := v.BoolValue(); {
		case !known:
			f.unknownBecause("nullable is not a literal")
		case nullable:
			f.sql = append(f.sql, alter+"DROP NOT NULL")
			f.say("makes %s nullable", name)
			f.lock(key, AccessExclusive)
		default:
			c.setNotNull(f, key, col, alter)
		}
	}
	if d, given := c.o.Args["server_default"]; given {
		if d.IsNone() {
			f.sql = append(f.sql, alter+"DROP DEFAULT")
			f.say("drops the default of %s", name)
		} else {
			v, _ := defaultSQL(d)
			f.sql = append(f.sql, alter+"SET DEFAULT "+v)
			f.say("sets the default of %s", name)
		}
		f.lock(key, AccessExclusive)
		f.note("A default change is catalog only: it applies to rows inserted from now on.")
	}
	if cm, given := c.o.Args["comment"]; given {
		text := "NULL"
		if s, ok := cm.StringValue(); ok {
			text = literal(s)
		} else if !cm.IsNone() {
			text = placeholder(cm)
		}
		f.sql = append(f.sql, fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", qualified(key), ident(col), text))
		f.say("sets the comment of %s", name)
		f.lock(key, ShareUpdateExclusive)
	}
	if v := c.o.Arg("new_column_name"); v != nil {
		to, ok := v.StringValue()
		if !ok {
			f.unknownBecause("new_column_name is not a literal")
			return
		}
		f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s RENAME %s TO %s", qualified(key), ident(col), ident(to)))
		f.say("renames column %s to %s", name, to)
		f.lock(key, AccessExclusive)
		f.note("The rename is instant (catalog only), but running code that uses the old name fails as soon as it commits.")
		f.removed = append(f.removed, fmt.Sprintf("column %s (renamed to %s)", name, to))
		f.online = append(f.online, "rename in expand/contract steps: add the new column, write both, backfill, move reads, then drop the old column")
	}
	if len(f.sql) == 0 && f.unknown == "" {
		f.say("changes nothing in the database (only existing_* arguments)")
	}
}

func (c *opCtx) setNotNull(f *facts, key, col, alter string) {
	name := key + "." + col
	f.sql = append(f.sql, alter+"SET NOT NULL")
	f.say("makes %s NOT NULL", name)
	f.lock(key, AccessExclusive)
	f.constrained = append(f.constrained, "NOT NULL on "+name)
	if !c.existing(key) {
		return
	}
	f.scan = Yes
	f.note("SET NOT NULL reads every row of %s to check it under ACCESS EXCLUSIVE, and fails with: column %q of relation %q contains null values if one is NULL.", key, col, key)
	switch {
	case c.pg >= 18:
		f.note("PostgreSQL %d: ADD CONSTRAINT ... NOT NULL %s NOT VALID then VALIDATE CONSTRAINT avoids the locked scan.", c.pg, ident(col))
		f.online = append(f.online, fmt.Sprintf("on PostgreSQL 18: op.execute(\"ALTER TABLE %s ADD CONSTRAINT %s NOT NULL %s NOT VALID\"), then VALIDATE CONSTRAINT in a later revision (SHARE UPDATE EXCLUSIVE: reads and writes continue)", qualified(key), ident(col+"_not_null"), ident(col)))
	case c.pg >= 12:
		f.note("PostgreSQL 12+: the scan is skipped when a validated CHECK (%s IS NOT NULL) exists.", ident(col))
		f.online = append(f.online, fmt.Sprintf("add CHECK (%s IS NOT NULL) with postgresql_not_valid=True, VALIDATE CONSTRAINT in a later revision (SHARE UPDATE EXCLUSIVE), then SET NOT NULL (no scan) and drop the check", ident(col)))
	default:
		f.note("PostgreSQL %d: before 12 a validated CHECK does not spare SET NOT NULL its scan.", c.pg)
	}
}

// typeChange: ALTER COLUMN ... TYPE, a rewrite unless the conversion is binary
// coercible (migration-linters.md §3).
func (c *opCtx) typeChange(f *facts, key, col, alter string) {
	name := key + "." + col
	to := c.m.Type(c.o, c.o.Arg("type_"))
	toSQL, _ := typeSQL(to)
	stmt := alter + "TYPE " + toSQL
	using := c.o.Extra["postgresql_using"]
	if using != nil {
		u, _ := sqlExpr(using)
		stmt += " USING " + u
	}
	f.sql = append(f.sql, stmt)
	f.say("changes the type of %s to %s", name, toSQL)
	f.lock(key, AccessExclusive)
	var from *migration.TypeRef
	if e := c.o.Arg("existing_type"); e != nil {
		from = c.m.Type(c.o, e)
	} else if t := c.s.Table(key); t != nil && t.Column(col) != nil {
		from = t.Column(col).Type
	}
	rewrite, why := typeRewrite(from, to, c.pg)
	f.rewrite = tri(f.rewrite, rewrite)
	f.note("%s", why)
	if rewrite != No && c.existing(key) {
		f.online = append(f.online, "change a type without a locked rewrite: add a new column, write both, backfill in batches, switch reads, then drop the old column")
	}
	fs, _ := typeSQL(from)
	if from == nil || !compatible(fs, toSQL) {
		f.removed = append(f.removed, "the current type of "+name)
	}
	if from != nil && narrows(fs, toSQL) {
		f.dataLoss = append(f.dataLoss, fmt.Sprintf("values of %s longer than %s allows (with USING they are truncated; without, the ALTER fails)", name, toSQL))
	}
}

// integerWidth orders the integer types.
var integerWidth = map[string]int{"SMALLINT": 1, "INTEGER": 2, "BIGINT": 3}

// compatible: every value of the old type is valid in the new one and reads
// the same, so running code is not affected.
func compatible(from, to string) bool {
	if from == to || widens(from, to) {
		return true
	}
	f, t := integerWidth[from], integerWidth[to]
	return f > 0 && t >= f
}

var (
	varcharType = regexp.MustCompile(`^VARCHAR(?:\((\d+)\))?(\[\])?$`)
	numericType = regexp.MustCompile(`^NUMERIC(?:\((\d+), (\d+)\))?$`)
)

// typeRewrite decides whether ALTER COLUMN TYPE rewrites the table, with the reason.
func typeRewrite(from, to *migration.TypeRef, pg int) (string, string) {
	fs, fromKnown := typeSQL(from)
	ts, toKnown := typeSQL(to)
	switch {
	case from == nil:
		return Unknown, "The old type is not known (no existing_type, not in the history): the change rewrites the table and its indexes unless it is binary coercible."
	case !fromKnown || !toKnown:
		return Unknown, "A type the analysis does not know: the change rewrites the table and its indexes unless it is binary coercible."
	case fs == ts:
		return No, "The type does not change: no rewrite."
	case widens(fs, ts):
		return No, fmt.Sprintf("%s to %s is binary coercible: no rewrite (indexes on the column may still be rebuilt).", fs, ts)
	case fs == "TIMESTAMP WITHOUT TIME ZONE" && ts == "TIMESTAMP WITH TIME ZONE":
		if pg >= 12 {
			return Unknown, "timestamp to timestamptz skips the rewrite on PostgreSQL 12+ only when the session time zone is UTC."
		}
		return Yes, fmt.Sprintf("PostgreSQL %d: timestamp to timestamptz rewrites the table and its indexes under ACCESS EXCLUSIVE.", pg)
	}
	return Yes, fmt.Sprintf("%s to %s is not binary coercible: the table and its indexes are rewritten under ACCESS EXCLUSIVE.", fs, ts)
}

// widens: varchar(n) to a longer varchar, varchar or text; text to varchar;
// numeric precision raised at the same scale; cidr to inet.
func widens(from, to string) bool {
	if from == "CIDR" && to == "INET" {
		return true
	}
	if to == "TEXT" && (from == "TEXT" || varcharType.MatchString(from)) && !strings.HasSuffix(from, "[]") {
		return true
	}
	if fm, tm := varcharType.FindStringSubmatch(from), varcharType.FindStringSubmatch(to); tm != nil && (fm != nil || from == "TEXT") {
		if fm == nil {
			return tm[1] == "" && tm[2] == ""
		}
		if fm[2] != "" || tm[2] != "" {
			return false // arrays convert element by element
		}
		return tm[1] == "" || (fm[1] != "" && atoi(tm[1]) >= atoi(fm[1]))
	}
	if fm, tm := numericType.FindStringSubmatch(from), numericType.FindStringSubmatch(to); fm != nil && tm != nil {
		return tm[1] == "" || (fm[1] != "" && fm[2] == tm[2] && atoi(tm[1]) >= atoi(fm[1]))
	}
	return false
}

// narrows: a shorter varchar (also of array elements), or text to varchar(n).
func narrows(from, to string) bool {
	fm, tm := varcharType.FindStringSubmatch(from), varcharType.FindStringSubmatch(to)
	if tm == nil || tm[1] == "" {
		return false
	}
	if fm == nil {
		return from == "TEXT"
	}
	return fm[2] == tm[2] && (fm[1] == "" || atoi(fm[1]) > atoi(tm[1]))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
