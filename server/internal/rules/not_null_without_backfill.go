package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "not-null-without-backfill",
	Profile:      Default,
	DialectAware: true,
	Severity:     Warning,
	Fix:          FixNever,
	Summary:      "NOT NULL is set on an existing column and nothing fills its NULL rows first",
	Doc: Doc{
		FailsWhen: "On databases where a row holds NULL in the column.",
		What: "Finds `alter_column(..., nullable=False)` (also in batch mode), `create_primary_key` (its columns become NOT " +
			"NULL), and `ALTER TABLE ... ALTER COLUMN ... SET NOT NULL` or `ADD PRIMARY KEY` in literal SQL, on a column of a " +
			"table that existed before the revision, when nothing earlier in the same upgrade may fill the column: an `UPDATE` of the table that names the " +
			"column (through `op.execute` or the connection), a `DELETE` from it, a `bulk_insert`, or code the tool cannot read. " +
			"A backfill in the parent revision, or in its parent (along a line without merges, after the column was added), " +
			"counts too: an UPDATE that sets the column, a DELETE of the rows where it IS NULL, or a data step the tool " +
			"cannot read in a revision that names the table. So do `INSERT`s (and `bulk_insert`) that give the column a value " +
			"other than a literal NULL, when one of those revisions created the table and every row the migrations inserted " +
			"since has a value. When an earlier revision, however far back, filled the column since it was added or last made " +
			"nullable (an UPDATE of every row with a constant, `now()` or the like, or two UPDATEs whose conditions, such as " +
			"`id IN (...)` and `id NOT IN (...)`, select every row; a DELETE of the rows where it IS NULL; a `server_default` " +
			"when it was added; INSERTs into the table it created, each giving the column a value), or the column was NOT " +
			"NULL until an earlier revision made it nullable, only rows the application wrote since then may be NULL: the " +
			"finding is an info that names that revision. An earlier UPDATE that set " +
			"the column on some rows only, or to what may be NULL, leaves a warning that names its revision, and so does the " +
			"revision that added the column without a value when nothing since fills it: every row older than that add is NULL " +
			"(where the help offers to DELETE the NULL rows, it says that these are all the rows older than the add). A column that has " +
			"had a server default since its table was created, or whose `existing_server_default` says it has one, is NULL " +
			"only where a row was written with an explicit NULL: an info too.",
		Why: "Autogenerate turns `nullable=False` in the model into `op.alter_column(..., nullable=False)` and nothing else. " +
			"PostgreSQL checks every row when it sets NOT NULL, so on a database that has rows with NULL in the column the " +
			"upgrade fails with `column \"email\" of relation \"users\" contains null values` " +
			"(`ALTER TABLE users ALTER COLUMN email SET NOT NULL`). An empty database in CI passes, production does not. " +
			"A `server_default` in the same call does not help: it only applies to rows inserted later, and Alembic emits " +
			"SET NOT NULL before SET DEFAULT. On MySQL/MariaDB the ALTER is a `MODIFY ... NOT NULL`, which MariaDB 10.11 (strict " +
			"mode, its default) refuses with `Data truncated for column 'email' at row 2` (error 1265) and MySQL 8 with `Invalid " +
			"use of NULL value` (error 1138); on SQLite batch mode copies the rows into a new table and fails with `NOT NULL " +
			"constraint failed: _alembic_tmp_users.email` (both checked by the proof tier, MySQL 8 from its documentation).",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.VARCHAR(length=200), nullable=True),
    )


# 0002_require_email.py
def upgrade():
    op.alter_column("users", "email",
               existing_type=sa.VARCHAR(length=200),
               nullable=False)`,
		UseInstead: `def upgrade():
    op.execute("UPDATE users SET email = 'unknown@example.com' WHERE email IS NULL")
    op.alter_column("users", "email",
               existing_type=sa.VARCHAR(length=200),
               nullable=False)`,
		KnownProblems: "The tool cannot know whether the table has NULL rows; a table that never had any is reported too. " +
			"After a step of an earlier revision it cannot follow (SQL built at run time, application code), what fills the " +
			"column is not known: the finding is then an info that names that step. " +
			"Any data step it cannot read before the change (SQL built at run time, a call into application code, a " +
			"`bulk_insert`) silences the rule, whether or not it fills the column. Tables created in the same revision are " +
			"skipped, and so are columns already known to be NOT NULL. Earlier revisions beyond the parent and its parent " +
			"count only through what the schema replay follows: literal SQL and op calls, not SQL built at run time nor " +
			"SQLAlchemy constructs, and an UPDATE whose value may be NULL (another column, a subquery) or whose condition is " +
			"other than one column tested against constants fills nothing there.",
		FixSafety: "No automatic fix: only the author knows the value that NULL rows should get. The help offers a " +
			"server_default on the add above as a way out only where no unique key covers the column (one value in every " +
			"row can break it).",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.alter_column",
			"https://www.postgresql.org/docs/current/sql-altertable.html"},
	},
	Check: checkNotNullWithoutBackfill,
})

func checkNotNullWithoutBackfill(p *Pass) {
	earlier := newFills()            // what the operations before may write
	proofs := p.notNullProofsBelow() // validated CHECK (col IS NOT NULL): no NULL row to fill
	p.Upgrade(func(o *migration.Op, s *history.State) {
		defer func() { proofs = proofs.with(p.Migration, o) }()
		if sev, msg := notNullProblem(p, o, s, earlier, proofs); msg.Text != "" {
			sev, msg = tempered(p, s, o.Call.Span, sev, msg)
			p.ReportSeverity(sev, o.Call.Span, msg, nil)
		}
		primaryKeyProblems(p, o, s, earlier, proofs)
		if o.Name == "bulk_insert" || hidesEffects(o) || o.SQL == nil {
			earlier.add(o)
			return
		}
		// statement by statement: "UPDATE ...; ALTER ... SET NOT NULL" in one string fills first
		certain := len(certainStatements(o)) > 0
		for _, st := range o.SQL.Statements {
			if certain && st.Kind == migration.SQLAlterTable {
				notNullSQLProblems(p, st, s, earlier, proofs)
			}
			earlier.addStatement(st)
		}
	})
}

// notNullSQLProblems: ALTER TABLE ... ALTER COLUMN ... SET NOT NULL, or ADD
// PRIMARY KEY, in SQL on columns of an existing table that nothing before
// fills.
func notNullSQLProblems(p *Pass, st migration.Statement, s *history.State, earlier *fills, proofs notNullProofs) {
	t := preexistingTable(p, s, st.Table)
	if t == nil || t.Opaque {
		return
	}
	fill := func(column string) string { return fillNulls(p, t, nil, st.Table, column, false) }
	for _, a := range st.Actions {
		switch {
		case a.Kind == migration.AddConstraint && a.ConstraintKind == "primary key":
			keyColumnProblems(p, s, t, st.Table, st.Table, a.Columns, st.Span, earlier, proofs, fill, func(columns string) string {
				return fmt.Sprintf("ADD PRIMARY KEY on table %q makes %s NOT NULL", st.Table, columns)
			})
		case a.Kind == migration.SetNotNull:
			keyColumnProblems(p, s, t, st.Table, st.Table, []string{a.Column}, st.Span, earlier, proofs, fill, func(column string) string {
				return fmt.Sprintf("SET NOT NULL on %s of existing table %q", column, st.Table)
			})
		}
	}
}

// primaryKeyProblems: create_primary_key makes its columns NOT NULL, and
// fails as SET NOT NULL does on a column of an existing table that may hold
// NULL (a column added without a value just before, most often).
func primaryKeyProblems(p *Pass, o *migration.Op, s *history.State, earlier *fills, proofs notNullProofs) {
	if o.Name != "create_primary_key" || !o.Certain() {
		return
	}
	columns, known := o.Value("columns").Strings()
	table, t := existingTable(p, o, s)
	if !known || t == nil || t.Opaque {
		return
	}
	fill := func(column string) string { return fillNulls(p, t, o, table, column, true) }
	subject := func(columns string) string {
		return fmt.Sprintf("create_primary_key on table %q makes %s NOT NULL", table, columns)
	}
	key := effect.TableKey(o, table)
	// key columns added above without a value are NULL in every row (rucio's
	// heartbeats, judged): one finding names them
	var empty []string
	var firstAdd *migration.Op
	columns = slices.DeleteFunc(slices.Clone(columns), func(column string) bool {
		add := addedEmptyBefore(p, o, table, column)
		if add == nil || !mayHoldNulls(p, t, key, table, column, earlier, proofs) {
			return false
		}
		if firstAdd == nil {
			firstAdd = add
		}
		empty = append(empty, strconv.Quote(column))
		return true
	})
	if firstAdd != nil {
		fills := fill(strings.Trim(empty[0], `"`))
		if len(empty) > 1 {
			fills += " (and likewise for " + brief.List(empty[1:], brief.Names) + ")"
		}
		sev, msg := addedEmptyMessage(p, t, firstAdd, table, strings.Trim(empty[0], `"`),
			subject(brief.List(empty, brief.Names))+": every row is NULL (added above)", fills)
		p.ReportSeverity(sev, o.Call.Span, msg, nil)
	}
	keyColumnProblems(p, s, t, key, table, columns, o.Call.Span, earlier, proofs, fill, subject)
}

// keyColumnProblems reports the columns made NOT NULL at span that may hold
// NULL: those nothing ever filled in one finding (subject names them), the
// others (filled by an earlier revision) each in its own.
func keyColumnProblems(p *Pass, s *history.State, t *history.Table, key, table string, columns []string, span migration.Span, earlier *fills,
	proofs notNullProofs, fill func(column string) string, subject func(columns string) string) {
	var unfilled []string
	for _, column := range columns {
		if !mayHoldNulls(p, t, key, table, column, earlier, proofs) {
			continue
		}
		sev, msg, ok := nullRowsMessage(p, t, table, column, subject(strconv.Quote(column)), fill(column))
		switch {
		case !ok:
		case sev == Warning:
			unfilled = append(unfilled, column)
		default:
			p.ReportSeverity(sev, span, msg, nil)
		}
	}
	if len(unfilled) == 0 {
		return
	}
	quoted := make([]string, len(unfilled))
	for i, c := range unfilled {
		quoted[i] = strconv.Quote(c)
	}
	fills := fill(unfilled[0])
	if len(unfilled) > 1 {
		fills += " (and likewise for " + brief.List(quoted[1:], brief.Names) + ")"
	}
	if sev, msg, ok := nullRowsMessage(p, t, table, unfilled[0], subject(brief.List(quoted, brief.Names)), fills); ok {
		sev, msg = tempered(p, s, span, sev, msg)
		p.ReportSeverity(sev, span, msg, nil)
	}
}

// tempered is a warning that nothing fills a column's NULL rows made an
// info where that is not known: the replay could not follow the schema
// (unverified), or comments say the rows are filled outside the migrations
// (filledOutside).
func tempered(p *Pass, s *history.State, span migration.Span, sev Severity, msg Message) (Severity, Message) {
	sev, msg = unverified(s, sev, msg)
	return filledOutside(p, span, sev, msg)
}

// filledOutsideWords in a function's comments say that the rows are filled
// before it runs, by a step outside the migrations (cinder: "the online
// migrations from the previous release must already have been run").
var filledOutsideWords = commentWords{[]string{"migrat", "filled", "populated"},
	regexp.MustCompile(`(?i)\bonline (data )?migrations?\b|\b(already|previously) (been )?(backfilled|filled|populated|migrated)\b`)}

// filledOutside is a warning that nothing fills a column's NULL rows where
// the comments of the function at span say a step outside the migrations
// fills them first (cinder's use_quota, judged debatable): an info that says
// so.
func filledOutside(p *Pass, span migration.Span, sev Severity, msg Message) (Severity, Message) {
	f := p.Migration.Upgrade
	if p.InDowngrade(span) {
		f = p.Migration.Downgrade
	}
	if sev != Warning || !saysInComments(p.Migration, f, filledOutsideWords) {
		return sev, msg
	}
	msg.Help = fmt.Sprintf("A comment in %s() says a step outside the migrations fills the rows before it runs: where that "+
		"step was skipped, this fails. %s", f.Name, msg.Help)
	return Info, msg
}

// nullRowsMessage explains, for a column that may hold NULL rows, what
// leaves them (subject: the statement that sets NOT NULL; fill: the UPDATE
// that fills them). An earlier revision that filled the column (or made it
// nullable when it was NOT NULL) leaves NULL only in rows the application
// wrote since: an info that names it, or nothing (ok false) when that
// revision is recent (see recentDataStep). Rows all inserted, with values,
// by the migrations since a recent revision created the table leave none
// either; when the table is older, the application's rows since it was
// created may be NULL, as in any table made with the column nullable.
func nullRowsMessage(p *Pass, t *history.Table, table, column, subject, fill string) (Severity, Message, bool) {
	failure := nullRowsError(p.Dialect, table, column)
	c := t.Column(column)
	inserted := c != nil && c.Fill.How == history.Inserted
	filledRecently := c != nil && (c.Fill.How == history.Updated || c.Fill.How == history.NullsDeleted) &&
		(c.Fill.By == p.Revision.ID || recentRevision(p, c.Fill.By))
	if inserted && recentRevision(p, t.CreatedBy) || filledRecently {
		return "", Message{}, false
	}
	if c == nil || c.Fill.How == history.NotFilled || c.Fill.How == history.TableEmpty || inserted && c.Fill.Touched.By != "" {
		// rows written since the table was created may be NULL: any of them
		if c != nil && c.Fill.Touched.By != "" {
			// an earlier UPDATE that leaves some rows as they were (keep's
			// subquery, notifications-api's UPDATE of each id)
			how := touchedHow(c.Fill.Touched)
			return Warning, Message{Text: fmt.Sprintf("%s: revision %q set it %s", subject, c.Fill.Touched.By, how),
				Help: fmt.Sprintf("Revision %q set the column %s: rows it left NULL, and rows written since without a value, "+
					"make the upgrade fail with: %s. Fill them first: %s", c.Fill.Touched.By, how, failure, fill)}, true
		}
		return Warning, Message{Text: subject + ": nothing before it fills the NULL rows",
			Help: fmt.Sprintf("The column exists before this revision. If any row is NULL the upgrade fails with: %s. Fill them first: %s", failure, fill)}, true
	}
	by, leftNull := strconv.Quote(c.Fill.By), "left the column empty"
	var done string
	switch c.Fill.How {
	case history.Inserted:
		// a code table the migrations filled, as a fill by UPDATE (sbc-auth's, judged)
		done = "Every row the migrations inserted (revision " + by + " last) has a value in it."
	case history.Updated:
		done = "Revision " + by + " set it on every row."
	case history.NullsDeleted:
		done = "Revision " + by + " deleted the rows where it was NULL."
	case history.Defaulted:
		if c.Fill.By == t.CreatedBy { // onyx's time_updated: created with server_default=now()
			return Info, explicitNullsMessage(subject, "Revision "+by+" created the column with a server_default", "", failure, fill), true
		}
		done, leftNull = "Revision "+by+" added it with a server_default, which every row got.", "wrote NULL into it"
	case history.Relaxed:
		done = "It was NOT NULL until revision " + by + " made it nullable."
	}
	return Info, Message{Text: fmt.Sprintf("%s: only rows written since revision %s may be NULL", subject, by),
		Help: fmt.Sprintf("%s A row the application wrote since then is NULL if it %s, and then the upgrade fails with: %s. "+
			"Fill them first: %s", done, leftNull, failure, fill)}, true
}

// unverified is a warning that nothing fills a column's NULL rows, made on a
// schema the replay could not follow: what it could not read may fill them
// (funnel's account merge fills auth_client.account_id past a call it cannot
// follow; the warning was false, judged). It becomes an info that says so.
func unverified(s *history.State, sev Severity, msg Message) (Severity, Message) {
	blind := s.UnknownSince()
	if blind == nil || sev != Warning {
		return sev, msg
	}
	where := filepath.Base(blind.Path)
	if blind.Line > 0 {
		where += fmt.Sprintf(":%d", blind.Line)
	}
	msg.Text = strings.Replace(msg.Text, "nothing before it fills the NULL rows", "what fills the NULL rows before it is not known", 1)
	// from there on, not that step itself (OpenOversight's first blind step
	// updates another table; judged wrong help)
	msg.Help = fmt.Sprintf("The history could not be followed past %s (%s): what runs from there on may fill the column. %s",
		where, blind.Why, msg.Help)
	return Info, msg
}

// touchedHow says how an UPDATE that did not fill a column set it.
func touchedHow(t history.Touch) string {
	switch {
	case t.SomeRows && t.MaybeNull:
		return "on some rows only, to what may be NULL"
	case t.SomeRows:
		return "on some rows only"
	}
	return "to what may be NULL"
}

// explicitNullsMessage is the message on a column with a server default
// (said by known) set NOT NULL: only rows written with an explicit NULL
// (or when, as unless says, the default did not hold) may be NULL.
func explicitNullsMessage(subject, known, unless, failure, fill string) Message {
	return Message{Text: subject + ": only rows written with an explicit NULL may be NULL",
		Help: fmt.Sprintf("%s, which rows inserted without a value got. Rows written with an explicit NULL%s make the upgrade "+
			"fail with: %s. Fill them first: %s", known, unless, failure, fill)}
}

// recentRevision reports whether id is one of the revisions recentDataStep
// reads (recentAncestors).
func recentRevision(p *Pass, id string) bool {
	return slices.ContainsFunc(p.recentAncestors(), func(r *history.Revision) bool { return r.ID == id })
}

// mayHoldNulls reports whether a column of an existing table (key: its
// effect.TableKey) may still hold NULL: not known NOT NULL, no validated
// CHECK (column IS NOT NULL), and nothing earlier in the upgrade, or in the
// recent revisions, fills it.
func mayHoldNulls(p *Pass, t *history.Table, key, table, column string, earlier *fills, proofs notNullProofs) bool {
	if c := t.Column(column); c != nil && c.Known && !c.Nullable && !c.Uncertain || proofs.prove(key, table, column) {
		return false
	}
	return !earlier.may(table, column) && !recentDataStep(p, table, column, fillsNulls)
}

// notNullProblem explains why an alter_column may fail on NULL rows, or returns no message.
func notNullProblem(p *Pass, o *migration.Op, s *history.State, earlier *fills, proofs notNullProofs) (Severity, Message) {
	if o.Name != "alter_column" {
		return "", Message{}
	}
	if nullable, ok := o.Arg("nullable").BoolValue(); !ok || nullable {
		return "", Message{}
	}
	if existing, ok := o.Arg("existing_nullable").BoolValue(); ok && !existing {
		return "", Message{} // already NOT NULL: nothing to check
	}
	column, known := o.ArgString("column_name")
	table, t := existingTable(p, o, s)
	if !known || t == nil || t.Opaque {
		return "", Message{}
	}
	if !mayHoldNulls(p, t, effect.TableKey(o, table), table, column, earlier, proofs) || emptiedBefore(p, o, table) {
		return "", Message{}
	}
	fill := fillNulls(p, t, o, table, column, true)
	subject := fmt.Sprintf("alter_column(%q, %q, nullable=False)", table, column)
	sev, msg, ok := nullRowsMessage(p, t, table, column, subject, fill)
	if ok && sev == Warning && migration.NamesDefault(o.Arg("existing_server_default")) {
		// rows inserted without a value got the default (FitTrackee's
		// total_distance has had one since it was created)
		sev, msg = Info, explicitNullsMessage(subject, "existing_server_default says the column has a server default",
			" (or before the default was set)", nullRowsError(p.Dialect, table, column), fill)
	}
	if add := addedEmptyBefore(p, o, table, column); add != nil {
		sev, msg = addedEmptyMessage(p, t, add, table, column, subject+": added above without a server_default, so every row is NULL", fill)
		ok = true
	} else if by := addedEmptyBy(p, t, column); by != "" && ok && s.UnknownSince() == nil {
		// SimpleLogin's email_log.user_id, added one revision earlier: the
		// rows older than that add are NULL (judged); unless the replay lost
		// track since, when what fills them is not known (tempered)
		msg.Text = fmt.Sprintf("%s: revision %s added it empty, and nothing fills it", subject, by)
		msg.Help = fmt.Sprintf("Revision %s added the column without a value, so every row older than that is NULL, "+
			"and on a table with such rows the upgrade fails with: %s. Fill them first: %s", by, nullRowsError(p.Dialect, table, column), fill)
	}
	if !ok {
		return "", Message{}
	}
	if add := requiredAddBefore(p, o, table); add != nil {
		// the add fails first on a table with rows, and an empty one takes
		// the NOT NULL: this one bites once the add is given a default (storages, sbc-pay)
		msg.Help = strings.TrimSuffix(msg.Help, ".") + fmt.Sprintf(". On a table with rows the add_column at line %d fails first (NOT NULL without a default); "+
			"this one fails once that add is given a default.", add.Call.Span.StartLine)
	}
	if sd := o.Arg("server_default"); sd != nil && !sd.IsNone() {
		msg.Help += " (the server_default given here does not help: it applies to rows inserted later"
		if p.IsPostgres() {
			msg.Help += ", and Alembic emits SET NOT NULL before SET DEFAULT"
		}
		msg.Help += ")"
	}
	return sev, msg
}

// addedEmptyMessage: every row the table holds got NULL from the add above
// (add), as add-required-column's; but a table a revision just below created
// holds only the rows the application wrote since (emergency-alerts-api's
// was never written).
func addedEmptyMessage(p *Pass, t *history.Table, add *migration.Op, table, column, text, fill string) (Severity, Message) {
	sev, young := Error, ""
	if recentRevision(p, t.CreatedBy) {
		sev, young = Warning, fmt.Sprintf(" Revision %s, just below, created the table: it holds rows only if the application wrote some since.", t.CreatedBy)
	}
	// a constant default repeats in every row: a unique key over the column
	// fails then (emergency-alerts-api's monthly billing, judged wrong help)
	advice := fmt.Sprintf("Fill it first (%s), or give the add a server_default.", fill)
	if after := p.After().Table(t.Name); after != nil && (alreadyUnique(after, []string{column}) || uniqueKeyWith(t, after, column) != nil) {
		advice = fmt.Sprintf("Fill it first: %s. A server_default is no way out here: one value in every row can break the "+
			"unique key over the column.", fill)
	}
	return sev, Message{Text: text,
		Help: fmt.Sprintf("add_column at line %d leaves the column NULL in every row the table holds, and on a table with rows "+
			"the upgrade fails with: %s. %s%s", add.Call.Span.StartLine, nullRowsError(p.Dialect, table, column), advice, young)}
}

// addedEmptyBefore is the add_column earlier in o's upgrade that adds the
// column without a server default (emergency-alerts-api adds start_date,
// comments out its backfill and makes it NOT NULL), nil when there is none.
func addedEmptyBefore(p *Pass, o *migration.Op, table, column string) *migration.Op {
	f, before := opsBefore(p, o)
	if f == nil || f != p.Migration.Upgrade {
		return nil
	}
	var add *migration.Op
	for _, x := range before {
		if c := columnAddedTo(p.Migration, x, table); c != nil && c.NameKnown && strings.EqualFold(c.Name, column) && c.ServerDefault == nil {
			add = x
		}
	}
	return add
}

// addedEmptyBy is the revision below that added the column without a value
// to a table it did not create (which had rows then), when the history knows
// nothing that filled it since, else "".
func addedEmptyBy(p *Pass, t *history.Table, column string) string {
	c := t.Column(column)
	if c == nil || c.Fill.How != history.NotFilled || c.Fill.Touched.By != "" || c.Fill.By == p.Revision.ID || c.Fill.By == t.CreatedBy {
		return ""
	}
	return c.Fill.By
}

// requiredAddBefore is the add_column of a NOT NULL column without a default
// to the table earlier in o's function (add-required-column's), nil when
// there is none.
func requiredAddBefore(p *Pass, o *migration.Op, table string) *migration.Op {
	_, before := opsBefore(p, o)
	for _, x := range before {
		if c := columnAddedTo(p.Migration, x, table); c != nil && requiredWithoutDefault(c) {
			return x
		}
	}
	return nil
}

// fillNulls is how to deal with a column's NULL rows: an UPDATE that fills
// them, as SQL or (execute) as the revision would run it (op.execute). Of a
// foreign key's column, the rows that reference nothing may be better
// deleted, where such a row means nothing: giving them a value attaches them
// to an arbitrary row, and may break a unique index (mwdb's link table,
// judged on PostgreSQL), while older rows the column was added to are data
// (open-event-server's ticket holders, judged); not of a table others
// reference, whose DELETE takes their rows along or fails on them
// (fractal-server's projects), nor of a key that ON DELETE sets NULL. A
// column unique on its own, now or by the end of the upgrade, takes no
// constant: the second row filled fails (bitcart's emails, packit-service's,
// judged on PostgreSQL).
func fillNulls(p *Pass, t *history.Table, o *migration.Op, table, column string, execute bool) string {
	run := func(sql string) string {
		if !execute {
			return sql
		}
		return p.Style().Spell(stylist.Op) + ".execute(" + p.Style().Quote(sql) + ")"
	}
	value, unique := "<value>", ""
	after := p.After().Table(t.Name)
	switch key := uniqueKeyWith(t, after, column); {
	case alreadyUnique(t, []string{column}) || after != nil && alreadyUnique(after, []string{column}):
		value = "<a value of its own>"
		unique = fmt.Sprintf(" (%q is unique: one value for every NULL row fails on the second)", column)
	case key != nil:
		// FitTrackee's start_date is unique with workout_id (judged on PostgreSQL)
		unique = fmt.Sprintf(" (%q is part of the unique key (%s): NULL rows that share the other columns need values of their own)",
			column, strings.Join(key, ", "))
	}
	where := fmt.Sprintf("WHERE %s IS NULL", p.SQLName(column))
	update := run(fmt.Sprintf("UPDATE %s SET %s = %s %s", p.SQLTableOf(o, table), p.SQLName(column), value, where)) + unique
	// a key whose ON DELETE sets it NULL says a row referencing nothing is
	// still a row (funnel's membership granted_by, judged)
	linkKey := slices.ContainsFunc(t.FKs(), func(fk history.FK) bool { return slices.Contains(fk.Columns, column) && fk.OnDelete != "SET NULL" })
	if !linkKey || len(p.Before.ReferencedBy(t.Name)) > 0 {
		return update
	}
	// of a column added without a value, the NULL rows are every row older
	// than the add: the help says so (SimpleLogin's email log, whose rows
	// have their user through their contact, judged; deepchecks' alert
	// rules, whose old link that revision dropped, judged the other way)
	if o != nil && addedEmptyBefore(p, o, table, column) != nil {
		return update // every row of the table
	}
	if by := addedEmptyBy(p, t, column); by != "" {
		return fmt.Sprintf("%s, or, if the rows older than revision %s mean nothing without %q, delete them (every row older "+
			"than %s): %s", update, by, column, by, run(fmt.Sprintf("DELETE FROM %s %s", p.SQLTableOf(o, table), where)))
	}
	return fmt.Sprintf("%s, or, if a row whose %q references nothing means nothing (a link row), delete those rows: %s", update, column,
		run(fmt.Sprintf("DELETE FROM %s %s", p.SQLTableOf(o, table), where)))
}

// uniqueKeyWith is a set of several columns known unique that holds column,
// before or after the revision, whose other columns are not unique without
// it (as a primary key is), nor before the revision: rows may share them. nil
// when none is.
func uniqueKeyWith(before, after *history.Table, column string) []string {
	for _, t := range []*history.Table{before, after} {
		if t == nil {
			continue
		}
		for _, set := range t.Uniques {
			others := slices.DeleteFunc(slices.Clone(set), func(c string) bool { return c == column })
			// rows the key's other columns already tell apart when the
			// column is filled take one value (prefect's trigger_id joins a
			// key over (automation_id, bucketing_key) only later, judged)
			if len(others) > 0 && len(others) < len(set) && (before == nil || !alreadyUnique(before, others)) && !alreadyUnique(t, others) {
				return set
			}
		}
	}
	return nil
}

// nullRowsError is the error a database gives when NOT NULL meets a NULL row.
func nullRowsError(dialect, table, column string) string {
	switch dialect {
	case "mysql":
		// MariaDB 10.11 (strict mode, its default), as the proof tier sees it; MySQL 8 reports error 1138
		return fmt.Sprintf("Data truncated for column '%s' at row <n> (MariaDB error 1265; MySQL 8: Invalid use of NULL value, error 1138)", column)
	case "sqlite":
		// batch mode copies the rows into a new table that has the NOT NULL
		return fmt.Sprintf("NOT NULL constraint failed: _alembic_tmp_%s.%s", table, column)
	}
	return fmt.Sprintf("column %q of relation %q contains null values", column, table)
}
