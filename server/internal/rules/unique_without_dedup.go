package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "unique-without-dedup",
	Profile:      Default,
	DialectAware: true,
	Severity:     Warning,
	Fix:          FixNever,
	Summary:      "A unique constraint or index is added on existing columns and nothing removes duplicates first",
	Doc: Doc{
		FailsWhen: "On databases where two rows share a value.",
		What: "Finds `create_unique_constraint` and `create_index(..., unique=True)` (also in batch mode) on columns that " +
			"existed before the revision, when nothing earlier in the same upgrade may deduplicate them: an `UPDATE` of the " +
			"table that names a column, a `DELETE` from it, or code the tool cannot read (a data step of the parent " +
			"revisions that rewrites the column counts too). Not reported when the function drops a unique constraint of " +
			"the table, or an index the other function recreates as unique: the uniqueness held already. For a partial " +
			"index (`postgresql_where=`, or the `<dialect>_where=` of the database checked, as literal SQL) such an UPDATE " +
			"in the same upgrade of a column its WHERE clause reads counts too (it decides which rows the index holds), and the index is not " +
			"reported when its WHERE clause is false wherever a column the upgrade added before it is NULL (no " +
			"`server_default`, no `default=`): `approved_at IS NOT NULL`, `is_default = true` hold no existing row. When the " +
			"revision just below added one of the columns without values (and nothing wrote it since), the rows older than " +
			"it hold NULL there and never conflict (but under PostgreSQL's NULLS NOT DISTINCT, or on SQL Server): the " +
			"message says only rows written since may.",
		Why: "Autogenerate turns `unique=True` in the model into `op.create_unique_constraint(...)` (or a unique index) and " +
			"nothing else. The database checks every row when it builds the index, so on a database where two rows share a " +
			"value the upgrade fails, on MariaDB/MySQL with `Duplicate entry 'a@example.com' for key 'uq_accounts_email'` " +
			"(error 1062), on SQLite (batch mode) with `UNIQUE constraint failed: _alembic_tmp_accounts.email`, " +
			"on PostgreSQL with `could not create unique index \"uq_accounts_email\"` " +
			"(`DETAIL: Key (email)=(a@example.com) is duplicated.`). An empty database in CI passes, production does not. " +
			"Under load, on PostgreSQL, building the index also blocks writes to the table: build it with `CREATE UNIQUE INDEX " +
			"CONCURRENTLY` outside the transaction, then attach it with `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX` " +
			"(MariaDB builds it with ALGORITHM=NOCOPY, LOCK=NONE: writes go on). A partial index holds only the rows its " +
			"WHERE clause selects: deduplicate those, and leave the others (a DELETE of every duplicate deletes rows the " +
			"index never constrains).",
		Example: `# 0001_accounts.py
def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=200), nullable=False),
    )


# 0002_unique_email.py
def upgrade():
    op.create_unique_constraint("uq_accounts_email", "accounts", ["email"])`,
		UseInstead: `def upgrade():
    op.execute("DELETE FROM accounts a USING accounts b WHERE a.email = b.email AND a.ctid > b.ctid")
    op.create_unique_constraint("uq_accounts_email", "accounts", ["email"])`,
		KnownProblems: "The tool cannot know whether the table holds duplicates; a column that never had any (filled from a " +
			"sequence, or unique by the application's own checks) is reported too. Any data step it cannot read before the " +
			"change silences the rule, whether or not it deduplicates. A WHERE clause given as a SQLAlchemy expression rather " +
			"than SQL text is not read: the index is judged as if it held every row. Unique indexes created in raw SQL " +
			"(`CREATE UNIQUE INDEX`) are not checked.",
		FixSafety: "No automatic fix: only the author knows which of the duplicate rows to keep or how to tell them apart.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.create_unique_constraint",
			"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX"},
	},
	Check: checkUniqueWithoutDedup,
})

func checkUniqueWithoutDedup(p *Pass) {
	up := p.Migration.Upgrade
	if up == nil || keepsUniqueness(up, p.Migration.Downgrade) {
		return
	}
	earlier := newFills()
	nulls := map[string]bool{} // "table.column" (lower-case): added by the upgrade, NULL in every existing row
	p.Upgrade(func(o *migration.Op, s *history.State) {
		if msg, ok := uniqueProblem(p, o, s, earlier, nulls); ok {
			p.Report(o, msg, nil)
		}
		earlier.add(o)
		if table, column, ok := addedWithoutValues(p, o); ok {
			nulls[strings.ToLower(table+"."+column)] = true
		}
	})
}

// addedWithoutValues reports a certain add_column of a new column that gives
// the existing rows no value: no server default, no default= (batch mode's
// copy would apply it), nothing that fills itself.
func addedWithoutValues(p *Pass, o *migration.Op) (table, column string, ok bool) {
	table, column, ok = addsWithoutValues(p.Migration, o)
	if !ok {
		return "", "", false
	}
	if before := p.Before.Table(effect.TableKey(o, table)); before == nil || before.Column(column) != nil {
		return "", "", false
	}
	return table, column, true
}

// addsWithoutValues reports a certain add_column of m whose column gives the
// rows no value of its own.
func addsWithoutValues(m *migration.Migration, o *migration.Op) (table, column string, ok bool) {
	if o.Name != "add_column" || !o.Certain() {
		return "", "", false
	}
	table, known := o.Table()
	c := m.Column(o, o.Arg("column"))
	if !known || c == nil || !c.NameKnown || c.ServerDefault != nil || c.PrimaryKey {
		return "", "", false
	}
	if d := c.Expr.Keyword("default"); d != nil && !d.IsNone() {
		return "", "", false
	}
	for _, a := range c.Expr.Args {
		switch pysyntax.LastName(a.CallName()) {
		case "Identity", "Computed", "Sequence", "FetchedValue", "DefaultClause":
			return "", "", false
		}
	}
	return table, c.Name, true
}

// nullBelow finds a column of the index that the revision just below added
// without values, which nothing wrote since (uniqueProblem checks the data
// steps): the rows older than it hold NULL there, and a NULL never conflicts
// in a unique index, unless PostgreSQL is told NULLS NOT DISTINCT (or on SQL
// Server, which allows one NULL) (orchest's image_tag). A column the upgrade
// made NOT NULL before o (t is the table there) holds no NULL past that line
// (skyvern's workflow_permanent_id, judged). It returns that revision and
// the column.
func nullBelow(p *Pass, o *migration.Op, t *history.Table, table string, columns []string) (rev, column string) {
	below := p.onlyParent()
	if below == nil || below.Migration.Upgrade == nil || o.Extra["postgresql_nulls_not_distinct"] != nil || p.Dialect == "mssql" {
		return "", ""
	}
	for _, a := range below.Migration.Upgrade.Ops {
		if tb, c, ok := addsWithoutValues(below.Migration, a); ok && strings.EqualFold(tb, table) && slices.Contains(columns, c) {
			if now := t.Column(c); now != nil && now.Known && !now.Nullable {
				continue
			}
			return below.ID, c
		}
	}
	return "", ""
}

// uniqueProblem explains why a unique constraint or index may fail on
// duplicate rows; ok is false when it cannot.
func uniqueProblem(p *Pass, o *migration.Op, s *history.State, earlier *fills, nulls map[string]bool) (msg Message, ok bool) {
	kind := ""
	switch o.Name {
	case "create_unique_constraint":
		kind = "constraint"
	case "create_index":
		if unique, ok := o.Arg("unique").BoolValue(); ok && unique {
			kind = "index"
		}
	}
	if kind == "" {
		return Message{}, false
	}
	columns, ok := o.Arg("columns").Strings()
	table, t := existingTable(p, o, s)
	if !ok || len(columns) == 0 || t == nil || t.Opaque {
		return Message{}, false
	}
	before := p.Before.Table(effect.TableKey(o, table))
	for _, c := range columns {
		if before == nil || before.Column(c) == nil || earlier.may(table, c) || recentDataStep(p, table, c, rewritesValues) {
			return Message{}, false
		}
	}
	// unique when the revision started: a drop of that uniqueness earlier in
	// the same upgrade lets no duplicate in (conbench drops its index and
	// makes a wider one unique)
	if alreadyUnique(t, columns) || alreadyUnique(before, columns) || partialHoldsNoDuplicates(p, o, table, earlier, nulls) {
		return Message{}, false
	}
	if rev, column := nullBelow(p, o, t, table, columns); rev != "" {
		return Message{Text: fmt.Sprintf("%s() on %q (%s): a unique %s on rows written since revision %s",
			o.Name, table, quotedList(columns), kind, rev),
			Help: fmt.Sprintf("Revision %s, just below, added %q without values: the rows older than it hold NULL there, and "+
				"NULLs never conflict in a unique index. Rows the application wrote since may share a value: if two do, the "+
				"upgrade fails. Remove or merge those first.", rev, column)}, true
	}
	st := p.Style()
	msg = Message{Text: fmt.Sprintf("%s() on %q (%s): existing rows not deduplicated first",
		o.Name, table, quotedList(columns))}
	if p.Dialect != "" && o.Extra[p.Dialect+"_where"] != nil {
		// a partial index: a DELETE of every duplicate would delete rows it
		// never constrains (digitalmarketplace-api's drafts)
		among := "the rows its WHERE clause selects"
		if text, ok := partialWhere(p, o); ok {
			among = "the rows where " + text
		}
		msg.Help = fmt.Sprintf("If two of %s (the only ones the index holds) share a value, the upgrade fails%s. Remove or merge "+
			"the duplicates among those rows first, and leave the others: the index does not constrain them.",
			among, duplicateError(p.Dialect, columns))
		return msg, true
	}
	msg.Help = "If two rows share a value the upgrade fails" + duplicateError(p.Dialect, columns) + "."
	if twice := repeatedName(columns); twice != "" {
		// a slip for another column: a DELETE by this key would delete rows
		// the intended one keeps apart (lemur's, fixed in a later revision; judged)
		msg.Help += fmt.Sprintf(" The key names %q twice, which makes it unique on its own: if another column was meant, "+
			"correct the list before removing any row, or the rows the intended key keeps apart are deleted.", twice)
		return msg, true
	}
	refs, later := s.ReferencedBy(table), keysMadeLater(p, o, s, table)
	if len(refs) > 0 {
		// a DELETE of the duplicates goes on into the rows that reference
		// them (ON DELETE CASCADE), or fails on them (thoth's locks, judged)
		quoted := make([]string, len(refs))
		for i, r := range refs {
			quoted[i] = strconv.Quote(pysyntax.LastName(r))
		}
		msg.Help += fmt.Sprintf(" Merge the duplicates first: %s %s foreign keys to this table, so point their rows at the "+
			"row you keep, then delete the others (a DELETE alone deletes their rows too under ON DELETE CASCADE, or fails on them).",
			brief.List(quoted, brief.Names), brief.Agree(len(refs), "has", "have"))
		if keyed := keyedByReference(s, refs, table); len(keyed) > 0 {
			// lms's grouping_membership, copr's projects: two rows of one
			// group that pointed at two duplicates become one (judged)
			msg.Help += fmt.Sprintf(" The unique key of %s includes that reference: %s rows that would then be the "+
				"same fail the update, so delete those first.", brief.List(keyed, brief.Names), brief.Agree(len(keyed), "its", "their"))
		}
	}
	if len(later) > 0 {
		// rows that already hold the reference the key is made on later:
		// deleting the row they point at makes that key fail (fides's
		// webhook replies, judged)
		if len(refs) == 0 {
			msg.Help += " Merge the duplicates first: point the rows that refer to them at the row you keep, then delete the others."
		}
		msg.Help += fmt.Sprintf(" The foreign %s to this table that the upgrade makes later (%s) %s on a row left pointing at "+
			"a deleted duplicate.", brief.Agree(len(later), "key", "keys"), brief.List(later, brief.Names), brief.Agree(len(later), "fails", "fail"))
	}
	if len(refs) > 0 || len(later) > 0 {
		return msg, true
	}
	switch p.Dialect {
	case "mysql":
		msg.Help += fmt.Sprintf(" Remove or merge the duplicates first, e.g. %s.execute(%s).",
			st.Spell(stylist.Op), st.Quote(fmt.Sprintf("DELETE a FROM %s a JOIN %s b ON %s AND a.<key> > b.<key>", p.SQLTableOf(o, table), p.SQLTableOf(o, table), joinedEqual(p, columns))))
	case "postgresql":
		// a ctid self-join; no index name: unnamed-constraint's fix would change it
		msg.Help += fmt.Sprintf(" Remove or merge the duplicates first, e.g. %s.execute(%s)", st.Spell(stylist.Op),
			st.Quote(fmt.Sprintf("DELETE FROM %s a USING %s b WHERE %s AND a.ctid > b.ctid", p.SQLTableOf(o, table), p.SQLTableOf(o, table), joinedEqual(p, columns))))
		if kind == "constraint" {
			msg.Help += "; under load, build the index with CREATE UNIQUE INDEX CONCURRENTLY and attach it with ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX"
		}
		msg.Help += "."
	default:
		msg.Help += " Remove or merge the duplicate rows first."
	}
	return msg, true
}

// keysMadeLater describes the foreign keys to table that the upgrade
// creates after o on columns that exist (create_foreign_key): their rows
// hold the references already. A key of a new table or column finds no rows
// pointing anywhere.
func keysMadeLater(p *Pass, o *migration.Op, s *history.State, table string) []string {
	var out []string
	for _, k := range p.Migration.Upgrade.Ops {
		ref, ok := k.ArgString("referent_table")
		if k.Name != "create_foreign_key" || k.Call == nil || o.Call == nil || k.Call.Span.Start <= o.Call.Span.Start || !ok || !strings.EqualFold(ref, table) {
			continue
		}
		source, _ := k.Table()
		columns, _ := k.Arg("local_cols").Strings()
		if t := s.Table(effect.TableKey(k, source)); t == nil || len(columns) == 0 || slices.ContainsFunc(columns, func(c string) bool { return t.Column(c) == nil }) {
			continue
		}
		out = append(out, fmt.Sprintf("of %q at line %d", source, k.Call.Span.StartLine))
	}
	return out
}

// keyedByReference are the tables of refs (quoted) with a unique key that
// holds their foreign key to table, alone (one row per row of table:
// open-event-server's video_streams, judged) or with other columns: pointing
// two rows at one kept row may make them equal there.
func keyedByReference(s *history.State, refs []string, table string) []string {
	var out []string
	for _, r := range refs {
		t := s.Table(r)
		if t == nil {
			continue
		}
		keyed := slices.ContainsFunc(t.FKs(), func(fk history.FK) bool {
			return strings.EqualFold(fk.RefTable, table) && slices.ContainsFunc(t.Uniques, func(set []string) bool {
				return len(set) >= len(fk.Columns) && !slices.ContainsFunc(fk.Columns, func(c string) bool { return !slices.Contains(set, c) }) &&
					!keptApart(t, set, fk.Columns)
			})
		})
		if keyed {
			out = append(out, strconv.Quote(pysyntax.LastName(r)))
		}
	}
	return out
}

// keptApart reports whether the columns of the unique key set other than
// the reference keep every row apart on their own: they hold another unique
// key, or the table's surrogate "id" (thoth's has_vulnerability, keyed by
// id and its references then: re-pointed rows never collide, judged).
func keptApart(t *history.Table, set, reference []string) bool {
	rest := slices.DeleteFunc(slices.Clone(set), func(c string) bool {
		return slices.ContainsFunc(reference, func(r string) bool { return strings.EqualFold(r, c) })
	})
	if slices.ContainsFunc(rest, func(c string) bool { return strings.EqualFold(c, "id") }) {
		return true
	}
	return slices.ContainsFunc(t.Uniques, func(other []string) bool {
		return len(other) > 0 && !slices.ContainsFunc(other, func(c string) bool { return !slices.Contains(rest, c) })
	})
}

// repeatedName is a name the list holds twice (case aside), or "".
func repeatedName(names []string) string {
	for i, n := range names {
		if slices.ContainsFunc(names[i+1:], func(m string) bool { return strings.EqualFold(n, m) }) {
			return n
		}
	}
	return ""
}

// duplicateError is what the dialect fails with on rows that share a value,
// to follow "fails" ("" when not known).
func duplicateError(dialect string, columns []string) string {
	switch dialect {
	case "mysql":
		return " with: Duplicate entry '...' for key '...' (error 1062)"
	case "sqlite":
		return " with: UNIQUE constraint failed"
	case "postgresql":
		return fmt.Sprintf(" with: could not create unique index ... DETAIL: Key (%s)=(...) is duplicated", strings.Join(columns, ", "))
	}
	return ""
}

// partialWhere is the WHERE clause of a partial index on the pass's
// dialect (<dialect>_where=), when it is literal SQL; partial reports
// whether there is one.
func partialWhere(p *Pass, o *migration.Op) (text string, literal bool) {
	where := o.Extra[p.Dialect+"_where"]
	if text, literal = where.StringValue(); !literal {
		text, literal = migration.SQLText(where)
	}
	return text, literal
}

// partialHoldsNoDuplicates reports whether a partial index (its WHERE clause
// for the dialect) may hold no duplicates: an UPDATE earlier in the upgrade
// writes a column the WHERE clause reads, and so decides which rows the index
// holds, as it would an indexed column (a data step of the parent revisions
// filling that column does not: it was not written for the index); or the
// WHERE clause is false wherever a column the upgrade added without values is
// NULL, so the index starts empty.
func partialHoldsNoDuplicates(p *Pass, o *migration.Op, table string, earlier *fills, nulls map[string]bool) bool {
	if p.Dialect == "" {
		return false
	}
	text, ok := partialWhere(p, o)
	predicate, parsed := migration.ParsePredicate(text)
	if !ok || !parsed {
		return false
	}
	for _, c := range predicate.Columns() {
		if earlier.may(table, c) || nulls[strings.ToLower(table+"."+c)] && predicate.FalseWhenNull(c) {
			return true
		}
	}
	return false
}

// alreadyUnique reports whether the columns hold a set already known unique
// (the primary key, a unique constraint or index): then so are they.
func alreadyUnique(t *history.Table, columns []string) bool {
	for _, set := range t.Uniques {
		if !slices.ContainsFunc(set, func(c string) bool { return !slices.Contains(columns, c) }) {
			return true
		}
	}
	return false
}

func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// keepsUniqueness reports whether the upgrade replaces a uniqueness that held
// already: it drops a unique constraint, or an index that the downgrade
// recreates as unique (or that it does not recreate with create_index: its
// kind is unknown).
func keepsUniqueness(up, down *migration.Function) bool {
	recreated := map[string]*migration.Op{}
	if down != nil {
		for _, o := range down.Ops {
			if o.Name == "create_index" {
				if name, _, ok := migration.NameArg(o.Arg("index_name")); ok {
					recreated[name] = o
				}
			}
		}
	}
	for _, o := range up.Ops {
		switch o.Name {
		case "drop_constraint":
			if kind, ok := o.ArgString("type_"); ok && kind == "unique" {
				return true
			}
		case "drop_index":
			name, _, ok := migration.NameArg(o.Arg("index_name"))
			back := recreated[name]
			if !ok || back == nil {
				return true
			}
			if unique, known := back.Arg("unique").BoolValue(); unique || !known {
				return true
			}
		}
	}
	return false
}

// joinedEqual is "a.x = b.x AND a.y = b.y" for a self-join on the columns.
func joinedEqual(p *Pass, columns []string) string {
	var same []string
	for _, c := range columns {
		same = append(same, "a."+p.SQLName(c)+" = b."+p.SQLName(c))
	}
	return strings.Join(same, " AND ")
}
