package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:            "invalid-op-argument",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	Summary:       "An Alembic operation is called with an argument it does not accept",
	// error when the migration fails; warning when the argument is silently ignored
	Doc: Doc{
		FailsWhen: "On every database: Alembic or SQLAlchemy rejects the call before any SQL runs (an argument that is only ignored is a warning, but an error when it was the only change an alter_column asked for: nothing is changed; and when a drop_column is given new_column_name=: a rename was meant, and the column is dropped with its data; an info when it restates what holds: primary_key=True on a column of the primary key).",
		What: "Binds every operation's arguments to Alembic's signature (`op.*` and `batch_op.*`) and reports unknown " +
			"keywords (with the likely intended one, e.g. `type=` for `type_=`), too many positional arguments, missing " +
			"required ones and arguments given twice, also in code that a test of the dialect name runs on other databases " +
			"only (it fails there). Dialect options (`postgresql_using=`, `mysql_length=`...) and `**kwargs` splats are accepted. " +
			"A keyword standing for a missing argument (`name=` for `constraint_name`) is one mistake, reported once as the " +
			"error Python raises first: the missing argument when the operation's `**kw` takes the keyword, else the " +
			"unexpected keyword.",
		Why: "Most of these fail only when the migration runs: Python raises `TypeError: add_column() takes ... positional " +
			"arguments` or `missing 1 required positional argument`, and SQLAlchemy rejects stray keywords of indexes and " +
			"constraints (`Additional arguments should be named <dialectname>_<argument>`). Worse, `alter_column()` and " +
			"`drop_column()` take `**kw` for dialect options and silently ignore anything else: " +
			"`op.alter_column(\"users\", \"email\", type=sa.String(320))` runs without error and never changes the type " +
			"(an error: that alter_column emits no SQL). " +
			"`create_exclude_constraint()` drops the keywords it does not know too (a warning), but its `name=` clashes with " +
			"the name Alembic passes (`got multiple values for argument 'name'`), and so does `alter_column()`'s, with " +
			"the `new_column_name` Alembic passes the dialect as `name` (Alembic 1.5 and later). An `alter_column` given a `sa.Column(...)` " +
			"instead of a column name, and no change of its own, changes nothing at all (an error). On MySQL/MariaDB a " +
			"`drop_index` without `table_name` (outside batch mode) fails wherever it runs: MySQL's DROP INDEX names the table, " +
			"and Alembic writes `DROP INDEX ix ON no_table` (`Table '<database>.no_table' doesn't exist`). An `add_column` " +
			"given a column's name where the `sa.Column(...)` belongs fails with `AttributeError: 'str' object has no " +
			"attribute 'table'`.",
		Example: `op.alter_column("users", "email", type=sa.String(length=320), existing_type=sa.String(length=200))
op.create_index("ix_users_email", "users")`,
		UseInstead: `op.alter_column("users", "email", type_=sa.String(length=320), existing_type=sa.String(length=200))
op.create_index("ix_users_email", "users", ["email"])`,
		KnownProblems: "Signatures follow Alembic 1.8 to 1.16; an operation added by a plugin (`Operations.register_operation`) " +
			"is not an Alembic operation and is not checked. Arguments hidden behind `*args`/`**kwargs` are not judged. " +
			"A keyword alter_column and drop_column ignore is left alone beside the one it is commonly mistaken for " +
			"(`default=` next to `server_default=`, `type=` next to `type_=`): the one meant is passed, nothing is lost.",
		FixSafety:  "No automatic fix: the intended argument is a guess; the message names it when the mistake is a common one.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html"},
	},
	Check: checkInvalidOpArgument,
})

// nameAsColumn reports an add_column given a string where the Column belongs.
func nameAsColumn(o *migration.Op) bool {
	_, ok := o.Arg("column").StringValue()
	return ok && o.Name == "add_column" && len(o.ArgProblems) == 0
}

// hasColumn reports whether the state certainly has the column in the table.
func hasColumn(s *history.State, key, column string) bool {
	if s == nil || s.Unknown {
		return false
	}
	t := s.Table(key)
	return t != nil && !t.Uncertain && t.Column(column) != nil
}

// addedByUpgrade reports whether o, in the downgrade, names a column the
// revision's upgrade adds to the table and nothing before o drops.
func addedByUpgrade(m *migration.Migration, f *migration.Function, o *migration.Op, table, column string) bool {
	if f != m.Downgrade || m.Upgrade == nil || !slices.ContainsFunc(m.Upgrade.Ops, func(x *migration.Op) bool {
		c, xt := m.Column(x, x.Arg("column")), tableOf(x)
		return x.Name == "add_column" && x.Certain() && c != nil && c.NameKnown && c.Name == column && strings.EqualFold(xt, table)
	}) {
		return false
	}
	i := slices.Index(f.Ops, o)
	return i >= 0 && !slices.ContainsFunc(f.Ops[:i], func(x *migration.Op) bool {
		dropped, _ := x.ArgString("column_name")
		return (x.Name == "drop_column" && dropped == column || x.Name == "drop_table") && strings.EqualFold(tableOf(x), table)
	})
}

// tableOf is the table an operation names, "" when none is written.
func tableOf(o *migration.Op) string {
	table, _ := o.Table()
	return table
}

func checkInvalidOpArgument(p *Pass) {
	seen := map[string]bool{} // a helper called from both functions yields the same call twice
	// the model as written, not as it runs on the dialect checked: Python
	// rejects the call wherever the code runs
	m := p.Revision.Migration
	// the states before each alter_column given a Column and each add_column
	// given a name
	states := map[*migration.Op]*history.State{}
	wanted := func(o *migration.Op) bool { return columnObjectAsName(o) || nameAsColumn(o) }
	if slices.ContainsFunc([]*migration.Function{m.Upgrade, m.Downgrade}, func(f *migration.Function) bool {
		return f != nil && slices.ContainsFunc(f.Ops, wanted)
	}) { // the walks replay the downgrade: only when a state is wanted
		keep := func(o *migration.Op, s *history.State) {
			if wanted(o) {
				states[o] = s
			}
		}
		p.Upgrade(keep)
		p.Downgrade(keep)
	}
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			for _, problem := range o.ArgProblems {
				key := strconv.Itoa(o.Call.Span.Start) + problem
				if seen[key] {
					continue
				}
				seen[key] = true
				consequence, fails := argConsequence(o.Name, problem)
				sev := Error
				switch {
				case !fails && o.Name == "alter_column" && o.Batch == nil && !o.AltersColumn() && strings.Contains(problem, "did you mean"):
					// the ignored keyword was a misspelled change, the only one asked for
					// (meltano's _type=); in batch mode SQLite copies the table anyway
					consequence = "Alembic passes unknown keywords to the dialect, which ignores them, and no change is left: " +
						"this alter_column emits no SQL, and the migration leaves the column as it is"
				case !fails && o.Name == "drop_column" && o.Call.Keyword("new_column_name") != nil:
					// a rename was meant, and the column goes with its data (open-event-server's downgrade)
					consequence = "Alembic passes unknown keywords to the dialect, which ignores them: this drops the column " +
						"and its data, where the keyword says a rename was meant. Rename it instead: " + renameCall(p, o)
				case !fails && alreadyPrimaryKey(p, f, o):
					// insights-host-inventory: the keyword restates what holds
					sev = Info
					consequence += ", and the column is part of the primary key already: nothing is lost"
				case !fails:
					sev = Warning // nothing fails: the argument just does nothing
				}
				if o.Name == "alter_column" && strings.Contains(problem, migration.NameClash) {
					// the migration may have worked when it was written (fedocal)
					consequence += " (Alembic before 1.5 took name= for new_column_name)"
				}
				p.ReportSeverity(sev, o.Call.Span, Message{Text: problem, Help: consequence, Runs: !fails}, nil)
			}
			if key := strconv.Itoa(o.Call.Span.Start) + "column object"; !seen[key] && columnObjectAsName(o) {
				seen[key] = true
				// the change written in the Column certainly never happens (open-event-server, OpenHands)
				p.ReportSeverity(Error, o.Call.Span, Message{
					Text: "alter_column is given a Column object as its column name", Runs: true,
					Help: "Without a change keyword of its own, alter_column asks for no change (it emits no SQL, in batch mode " +
						"too; SQLite's batch mode fails on it with KeyError): the type and nullable= written in the Column are not read as changes, so the migration runs and " +
						"changes nothing (a change keyword beside the " +
						"Column makes Alembic fail on it instead). Pass the name and the change: " + columnChangeCall(p, o, states[o])}, nil)
			}
			if name, _ := o.Arg("column").StringValue(); nameAsColumn(o) && !seen[strconv.Itoa(o.Call.Span.Start)+"name"] {
				// a name where the Column belongs (notifications-api's 0337 downgrade, judged)
				seen[strconv.Itoa(o.Call.Span.Start)+"name"] = true
				st := p.Style().Beside(o)
				advice := fmt.Sprintf("Pass the column: %s",
					opCall(st, o, "add_column", []string{fmt.Sprintf("%s.Column(%s, <type>)", st.Spell(stylist.SQLAlchemy), st.Quote(name))}))
				if table, ok := o.Table(); ok && (hasColumn(states[o], effect.TableKey(o, table), name) || addedByUpgrade(m, f, o, table, name)) {
					// the downgrade of an add: a drop was meant (emergency-alerts-api's, judged)
					advice = fmt.Sprintf("The table has column %q at this point, so a Column would fail too (it already exists): "+
						"to remove it, write %s", name, opCall(st, o, "drop_column", []string{st.Quote(name)}))
				}
				p.ReportSeverity(Error, o.Call.Span, Message{
					Text: fmt.Sprintf("add_column is given the name %q where a Column belongs", name),
					Help: "Alembic fails with: AttributeError: 'str' object has no attribute 'table'. " + advice}, nil)
			}
			if key := strconv.Itoa(o.Call.Span.Start) + "no table"; !seen[key] && indexWithoutTable(p, o) {
				seen[key] = true
				advice := "Name the table: " + dropIndexCall(p, f, o)
				if table, drop := tableDroppedBefore(p, f, o); drop != nil {
					// buildbot's downgrade drops the tables first (judged on MariaDB)
					advice = fmt.Sprintf("Naming the table does not help: %q is dropped at line %d, before it, and its indexes "+
						"with it. Delete this drop_index, or move it before that line with table_name=%s",
						table, drop.Call.Span.StartLine, p.Style().Quote(table))
				}
				p.ReportSeverity(Error, o.Call.Span, Message{
					Text: "drop_index without table_name on MySQL, whose DROP INDEX names the table",
					Help: "Alembic writes DROP INDEX ... ON no_table, and MySQL fails with: (1146, \"Table '<database>.no_table' " +
						"doesn't exist\"). " + advice}, nil)
			}
		}
	}
}

// indexWithoutTable reports a drop_index that runs on MySQL without
// table_name: Alembic's MySQL DROP INDEX then names the table no_table
// (checked with Alembic 1.8.1; buildbot, judged on MariaDB).
func indexWithoutTable(p *Pass, o *migration.Op) bool {
	return p.Dialect == "mysql" && o.Name == "drop_index" && o.Batch == nil && o.Arg("table_name") == nil &&
		o.Certain() && o.RunsOn(p.Dialect)
}

// dropIndexCall is o with the table the history knows the index on (the
// state the function starts from), else a placeholder.
func dropIndexCall(p *Pass, f *migration.Function, o *migration.Op) string {
	code := p.Style().Beside(o)
	table := cmp.Or(indexTable(p, f, o), "<table>")
	return opCall(code, o, "drop_index", []string{o.Arg("index_name").Text, "table_name=" + code.Quote(table)})
}

// indexTable is the table of the index a drop_index names, as the history
// knows it at the start of f, or as the revision's upgrade() creates it (on
// a table the history does not know: buildbot's builders, judged); "" when
// neither says.
func indexTable(p *Pass, f *migration.Function, o *migration.Op) string {
	name, _, ok := migration.NameArg(o.Arg("index_name"))
	if !ok {
		return ""
	}
	if t := startOf(p, f).IndexTable(name); t != "" {
		return pysyntax.LastName(t)
	}
	return createdOn(p.Migration, f, name)
}

// tableDroppedBefore is the table of the index a drop_index names, and the
// drop_table of it that f runs before o, if any.
func tableDroppedBefore(p *Pass, f *migration.Function, o *migration.Op) (string, *migration.Op) {
	table := indexTable(p, f, o)
	if table == "" {
		return "", nil
	}
	for _, x := range f.Ops {
		if x == o {
			break
		}
		if t, ok := x.Table(); ok && x.Name == "drop_table" && x.Certain() && strings.EqualFold(pysyntax.LastName(t), table) {
			return table, x
		}
	}
	return "", nil
}

// createdOn is the table the revision's upgrade() creates an index on, when
// f is its downgrade(); "" otherwise.
func createdOn(m *migration.Migration, f *migration.Function, index string) string {
	if f.Name != "downgrade" || m.Upgrade == nil {
		return ""
	}
	for _, o := range m.Upgrade.Ops {
		if name, _, ok := migration.NameArg(o.Arg("index_name")); o.Name == "create_index" && ok && name == index {
			if table, known := o.Table(); known {
				return pysyntax.LastName(table)
			}
		}
	}
	return ""
}

// alreadyPrimaryKey reports an alter_column given primary_key=True (which
// Alembic ignores) on a column the history knows is part of the primary key
// when the function starts.
func alreadyPrimaryKey(p *Pass, f *migration.Function, o *migration.Op) bool {
	if pk, ok := o.Call.Keyword("primary_key").BoolValue(); o.Name != "alter_column" || !ok || !pk {
		return false
	}
	column, known := o.ArgString("column_name")
	table, hasTable := o.Table()
	if !known || !hasTable {
		return false
	}
	t := startOf(p, f).Table(effect.TableKey(o, table))
	if t == nil || t.Uncertain {
		return false
	}
	c := t.Column(column)
	return c != nil && c.PrimaryKey && !c.Uncertain
}

// renameCall is the alter_column that renames the column a drop_column
// given new_column_name names.
func renameCall(p *Pass, o *migration.Op) string {
	code := p.Style().Beside(o)
	column := code.Quote("<column>")
	if c, ok := o.ArgString("column_name"); ok {
		column = code.Quote(c)
	}
	return opCall(code, o, "alter_column", []string{column, "new_column_name=" + o.Call.Keyword("new_column_name").Text})
}

// opCall is a call of operation method in place of o (on its batch
// operations in a batch block, else with o's table first) with args.
func opCall(code *stylist.Code, o *migration.Op, method string, args []string) string {
	receiver := code.Spell(stylist.Op)
	if o.Batch != nil && o.Batch.Alias != "" {
		receiver = o.Batch.Alias
	}
	if table, ok := o.Table(); ok && o.Batch == nil {
		args = append([]string{code.Quote(table)}, args...)
	}
	return receiver + "." + method + "(" + strings.Join(args, ", ") + ")"
}

// columnObjectAsName reports an alter_column whose column_name is a
// sa.Column(...) call and that asks for no change of its own: Alembic takes
// the Column for a name and emits nothing (checked with Alembic 1.8.1 on
// PostgreSQL and MySQL, in and out of batch mode; SQLite's batch mode looks
// the Column up among the table's columns and raises KeyError).
func columnObjectAsName(o *migration.Op) bool {
	return o.Name == "alter_column" && pysyntax.LastName(o.Arg("column_name").CallName()) == "Column" && !o.AltersColumn()
}

// columnChangeCall is the alter_column an alter_column given a Column
// meant: the Column's name, its nullable= as the change, and its type as the
// existing one when the column has it already, else as a change too.
func columnChangeCall(p *Pass, o *migration.Op, before *history.State) string {
	col := o.Arg("column_name")
	code := p.Style().Beside(o)
	var args []string
	name := code.Quote("<column>")
	if len(col.Args) > 0 {
		if n, ok := col.Args[0].StringValue(); ok {
			name = code.Quote(n)
		}
	}
	args = append(args, name)
	nullable := col.Keyword("nullable")
	switch {
	case len(col.Args) > 1 && (nullable == nil || !sameTypeAsBefore(p, o, before)):
		// a type the column does not have yet is a change (storages' String(512)
		// beside the nullable=True it already had, judged)
		args = append(args, "type_="+col.Args[1].Text)
	case len(col.Args) > 1:
		args = append(args, "existing_type="+col.Args[1].Text)
	case nullable == nil:
		args = append(args, "type_=<type>")
	}
	if nullable != nil {
		args = append(args, "nullable="+nullable.Text)
	}
	def := col.Keyword("server_default")
	if def != nil {
		args = append(args, "server_default="+def.Text) // the Column's default is part of what it meant
	}
	call := opCall(code, o, "alter_column", args)
	if def != nil && nullable != nil && nullable.Text == "False" {
		// open-event-server's rows were NULL: the default it wrote fills none of them
		call += ", after filling the rows that are NULL (a server default set by alter_column fills none)"
	}
	return call
}

// sameTypeAsBefore reports whether the Column given to an alter_column
// states the type its column has just before (s, the replayed state there;
// nil when not known). In a downgrade whose upgrade gave the same column a
// Column too, that upgrade changed nothing: the type it meant is compared.
func sameTypeAsBefore(p *Pass, o *migration.Op, s *history.State) bool {
	table, written, ok := columnObjectTarget(p, o)
	if !ok {
		return false
	}
	now := pgTypeOf(written.Type)
	if down, up := p.Revision.Migration.Downgrade, p.Revision.Migration.Upgrade; down != nil && up != nil && slices.Contains(down.Ops, o) {
		for _, u := range up.Ops {
			if t, meant, ok := columnObjectTarget(p, u); ok && columnObjectAsName(u) && t == table && meant.Name == written.Name {
				return sameCast(pgTypeOf(meant.Type), now)
			}
		}
	}
	if s == nil {
		return false
	}
	t := s.Table(table)
	if t == nil {
		return false
	}
	c := t.Column(written.Name)
	return c != nil && !c.Uncertain && sameCast(pgTypeOf(c.Type), now)
}

// sameCast reports whether two known types are one.
func sameCast(a, b *pgType) bool { return a != nil && b != nil && a.cast == b.cast }

// columnObjectTarget is the table key an alter_column given a Column names,
// and that Column.
func columnObjectTarget(p *Pass, o *migration.Op) (table string, written *migration.Column, ok bool) {
	written = p.Migration.Column(o, o.Arg("column_name"))
	table, known := o.Table()
	if written == nil || !written.NameKnown || !known {
		return "", nil, false
	}
	return effect.TableKey(o, table), written, true
}

// argConsequence says what Alembic does with a rejected argument, and whether
// the migration fails because of it.
func argConsequence(op, problem string) (string, bool) {
	if strings.Contains(problem, migration.UnknownKeywordIgnored) {
		return "Alembic passes unknown keywords to the dialect, which ignores them: the migration runs " +
			"as if the argument were not written", false
	}
	if strings.Contains(problem, migration.NameClash) {
		// checked with Alembic 1.8.1, in and out of batch mode, on PostgreSQL, MySQL and SQLite
		return "Python raises TypeError when the migration runs: Alembic passes new_column_name to the dialect as name= already", true
	}
	if !strings.Contains(problem, "unexpected keyword argument") {
		return "Python raises TypeError when the migration runs", true
	}
	switch op {
	case "create_index", "drop_index", "create_foreign_key", "create_unique_constraint", "create_check_constraint",
		"create_exclude_constraint":
		if strings.Contains(problem, `unexpected keyword argument "name"`) {
			// Alembic passes the name it has to SQLAlchemy's constructor as name already
			return "Python raises TypeError when the migration runs: SQLAlchemy's constructor \"got multiple values for argument 'name'\"", true
		}
		return "SQLAlchemy rejects it when the migration runs (\"Additional arguments should be named <dialectname>_<argument>\")", true
	}
	return "Python raises TypeError when the migration runs", true
}
