package migration

import (
	"regexp"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// SQL is what an execute-like operation runs, read with PostgreSQL's parser.
// When the text is not entirely known (a variable, a SQLAlchemy construct, an
// f-string, .format() or % with values not known statically), Known is false
// and the rules must treat the statement as unknown: never guess.
type SQL struct {
	Known      bool
	Text       string
	Statements []Statement
	// Partial is set when the text is known except for some parts (f-string
	// interpolations, format arguments), read as placeholders: Known is false.
	Partial bool
	// Err is PostgreSQL's syntax error for known text, at its place in the file.
	Err *SQLError
	// Shape are the statements of SQL that is not Known as far as they show:
	// partial text whose every statement parses with its unknown parts read
	// as names (the kinds hold; a name or value may be sqlparse.Hole), or a
	// SQLAlchemy construct (users.update()..., CreateSequence(Sequence("s"))).
	// Nil when nothing shows. Rules read Statements; the effects of an
	// operation read its Shape.
	Shape []Statement
}

// SQLError is a syntax error PostgreSQL's parser reports on SQL in the file.
type SQLError struct {
	Message string
	Span    Span
}

// StatementKind classifies one SQL statement by its effect.
type StatementKind string

const (
	SQLUpdate StatementKind = "update"
	SQLDelete StatementKind = "delete"
	SQLInsert StatementKind = "insert"
	SQLSelect StatementKind = "select"
	// SQLSession changes no schema object: SET, RESET, COMMENT ON, GRANT, REVOKE,
	// ANALYZE, VACUUM, REINDEX, LOCK, NOTIFY, DISCARD (Verb says which).
	SQLSession      StatementKind = "session"
	SQLAlterTypeAdd StatementKind = "alter_type_add_value"
	SQLAlterType    StatementKind = "alter_type"
	SQLCreateType   StatementKind = "create_type"
	SQLDropType     StatementKind = "drop_type"
	SQLCreateIndex  StatementKind = "create_index"
	SQLDropIndex    StatementKind = "drop_index"
	SQLAlterIndex   StatementKind = "alter_index"
	SQLAlterTable   StatementKind = "alter_table"
	SQLCreateTable  StatementKind = "create_table"
	SQLDropTable    StatementKind = "drop_table"
	// SQLTruncate empties tables (Tables).
	SQLTruncate StatementKind = "truncate"
	// SQLTransaction is BEGIN, COMMIT, ROLLBACK, SAVEPOINT... (Verb says which).
	SQLTransaction StatementKind = "transaction"
	// SQLUntracked creates, changes or drops objects the schema model does not
	// follow (views, functions, triggers, sequences, extensions, policies,
	// schemas, domains): no table, column, enum type or index, and no rows.
	SQLUntracked StatementKind = "untracked"
	// SQLOther is anything else, a DO block and SQL that does not parse
	// included: it may change anything, except a statement that does not parse
	// whose first word says it writes rows (see UnparsedDML).
	SQLOther StatementKind = "other"
)

// Statement is one statement and its effects.
type Statement struct {
	Kind StatementKind
	// Text is the statement without comments, its spaces collapsed.
	Text string
	// Span is where the statement is written in the file (the whole
	// argument when the text does not come from literals written in place).
	Span Span
	// Verb names the statement ("LOCK TABLE", "VACUUM FULL", "COMMIT").
	Verb string
	// ObjectKind and Name are the kind ("TABLE", "INDEX", "TYPE", "VIEW",
	// "FUNCTION"...) and unqualified name of the object a CREATE or DROP
	// statement makes or removes, whatever its kind (and of the view ALTER
	// [MATERIALIZED] VIEW ... RENAME renames).
	ObjectKind, Name string
	// Creates is set on CREATE statements.
	Creates      bool
	Concurrently bool   // CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY
	Table        string // the table for UPDATE/DELETE/INSERT/ALTER TABLE/CREATE INDEX ON/CREATE TRIGGER ON
	// Schema is the schema CREATE TABLE, CREATE INDEX ON and ALTER TABLE name
	// their table in ("" when not qualified): for the operations that undo them.
	Schema string
	Object string // the type or index name
	Parent string // CREATE TABLE ... PARTITION OF parent: the parent table
	Value  string // ALTER TYPE ... ADD VALUE 'x': x
	// NewName is the new name of ALTER TYPE/TABLE/INDEX ... RENAME TO new.
	NewName string
	// Temporary is set on CREATE TEMP[ORARY] TABLE: the table is gone at the end
	// of the session (or of the transaction), so it changes no schema.
	Temporary   bool
	IfExists    bool // DROP ... IF EXISTS, ALTER TABLE IF EXISTS
	Cascade     bool // DROP/TRUNCATE ... CASCADE: what depends on the object goes too
	IfNotExists bool // CREATE ... IF NOT EXISTS, ADD VALUE IF NOT EXISTS
	Unique      bool // CREATE UNIQUE INDEX
	Replace     bool // CREATE OR REPLACE
	// Where is set on UPDATE and DELETE with a WHERE clause.
	Where bool
	// SetColumns are the columns an UPDATE assigns; SetValues those it
	// certainly sets to a value other than NULL (a constant, now()...).
	SetColumns, SetValues []string
	// SetLookups are the columns an UPDATE sets to a value a row of another
	// table holds (see Lookup).
	SetLookups []Lookup
	// Condition is the WHERE clause of an UPDATE or DELETE when it tests one
	// column against constants.
	Condition Condition
	// InsertColumns are an INSERT's column list (nil when it has none: its
	// values go to the table's columns in order); InsertWidth is how many
	// values each of its rows has (0 when not known: SELECT *, DEFAULT
	// VALUES), and InsertNullAt the positions where some row has a literal
	// NULL or DEFAULT. See Supplies.
	InsertColumns []string
	InsertWidth   int
	InsertNullAt  []int
	// Tables are all the tables of TRUNCATE, LOCK and DROP TABLE (Table is the
	// first), the tables and views CREATE [MATERIALIZED] VIEW reads, and the
	// table CREATE SEQUENCE ... OWNED BY ties the sequence to.
	Tables []string
	// LockMode is LOCK TABLE's mode ("ACCESS EXCLUSIVE" by default).
	LockMode string
	// References are the tables the foreign keys of CREATE TABLE point at.
	References []string
	// Values are the labels of CREATE TYPE ... AS ENUM.
	Values []string
	// TypeKind is what CREATE TYPE makes: "enum", "composite" (AS (...)),
	// "range" or "base".
	TypeKind string
	// Columns are the columns of CREATE INDEX; ExprColumns the names its
	// expressions and WHERE clause use.
	Columns, ExprColumns []string
	// Actions are ALTER TABLE's subcommands.
	Actions []TableAction
	// InBlock is set on a statement a DO block runs (see doStatements).
	InBlock bool
}

// UnparsedDML reports a statement PostgreSQL's parser rejects that only
// writes rows, by its first word (Verb: DELETE, UPDATE, INSERT, REPLACE), as
// MySQL's DELETE t FROM t JOIN ..., UPDATE t JOIN ... SET and INSERT IGNORE:
// it changes no schema, but which tables and columns it writes is not known.
func (st Statement) UnparsedDML() bool {
	return st.Kind == SQLOther && dmlVerbs[st.Verb]
}

// UnreadAlterTable is the table a statement PostgreSQL's parser rejects
// alters, when it is one ALTER TABLE of a table named outright that renames
// nothing: only that table can change (sync-engine's and octavia's MySQL
// ALTER TABLE ... CHANGE / MODIFY left the rest of their histories unknown).
func (st Statement) UnreadAlterTable() (string, bool) {
	if st.Kind != SQLOther || strings.Contains(st.Text, ";") {
		return "", false
	}
	// table options alone are no SQLOther (see unparsedStatement)
	m := unreadAlterTable.FindStringSubmatch(st.Text)
	if m == nil || renamesWord.MatchString(st.Text) {
		return "", false
	}
	parts := strings.Split(m[1], ".")
	for i, part := range parts {
		parts[i] = foldedName(part)
	}
	return strings.Join(parts, "."), true
}

// foldedName is a name as the database reads it: unquoted (`x`, "x") as
// written, else folded to lower case, as PostgreSQL does.
func foldedName(name string) string {
	if unquoted := strings.Trim(name, "`\""); unquoted != name {
		return unquoted
	}
	return strings.ToLower(name)
}

// tableOptionsOnly reports whether an ALTER TABLE only sets MySQL table
// options (ENGINE=InnoDB, CONVERT TO CHARACTER SET utf8, COLLATE ...): no
// column, index or key changes (cinder's and designate's conversions).
func tableOptionsOnly(text string) bool {
	m := unreadAlterTable.FindStringSubmatchIndex(text)
	return m != nil && tableOptions.MatchString(text[m[3]:])
}

var (
	tableOptions = regexp.MustCompile(`(?i)^(?:[\s,]*(?:CONVERT\s+TO\s+)?(?:DEFAULT\s+)?` +
		`(?:CHARACTER\s+SET|CHARSET|COLLATE|ENGINE|ROW_FORMAT|AUTO_INCREMENT|COMMENT|KEY_BLOCK_SIZE|ALGORITHM|LOCK)` +
		`\s*=?\s*(?:'[^']*'|[\w$]+))+[\s,]*$`)
	unreadAlterTable = regexp.MustCompile("(?i)^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" +
		"((?:`[^`]+`|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:`[^`]+`|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?)\\s+\\S")
	renamesWord = regexp.MustCompile(`(?i)\bRENAME\b`)
	// databaseOptions: MySQL's ALTER DATABASE/SCHEMA of its default character
	// set or collation, for the tables created from then on
	databaseOptions = regexp.MustCompile("(?i)^ALTER\\s+(?:DATABASE|SCHEMA)(?:\\s+(?:`[^`]+`|[A-Za-z_][\\w$]*))??" +
		`(?:[\s,]+(?:DEFAULT\s+)?(?:CHARACTER\s+SET|CHARSET|COLLATE)\s*=?\s*(?:'[^']*'|[\w$]+))+[\s,;]*$`)
	// selectInto: a SELECT that makes a table (PostgreSQL) or writes a file
	// or variables (MySQL)
	selectInto = regexp.MustCompile(`(?i)\bINTO\b`)
)

// enumOfUnknownLabels reads a CREATE TYPE ... AS ENUM whose labels hold an
// unknown part, which PostgreSQL's parser rejects where a label goes: it
// parses with one label in their place, as a DO block's does (see
// enumLabelsWithHole), and the type is made, its labels not known (backend.ai
// lists them from its models: "CREATE TYPE userrole AS ENUM (%s)" % ...).
func enumOfUnknownLabels(text string) (Statement, bool) {
	labelled := enumLabelsWithHole.ReplaceAllString(text, "${1}'"+sqlparse.Hole+"')")
	if labelled == text || !oneStatement(text) {
		return Statement{}, false
	}
	r := sqlparse.Parse(labelled)
	if r.Err != nil || len(r.Statements) != 1 {
		return Statement{}, false
	}
	sts := classify(r.Statements[0].Node, labelled)
	if len(sts) != 1 || sts[0].Kind != SQLCreateType {
		return Statement{}, false
	}
	st := sts[0]
	st.Values, st.Text = nil, normalize(text)
	return st, true
}

// dmlVerbs are the first words of the statements that only write rows.
var dmlVerbs = map[string]bool{"DELETE": true, "UPDATE": true, "INSERT": true, "REPLACE": true}

// Commits reports a COMMIT (or END) statement.
func (st Statement) Commits() bool {
	return st.Kind == SQLTransaction && st.Verb == "COMMIT"
}

// ActionKind is one ALTER TABLE subcommand.
type ActionKind string

const (
	AddColumn          ActionKind = "add_column"
	DropColumn         ActionKind = "drop_column"
	AlterColumnType    ActionKind = "alter_column_type"
	SetNotNull         ActionKind = "set_not_null"
	DropNotNull        ActionKind = "drop_not_null"
	SetDefault         ActionKind = "set_default"
	DropDefault        ActionKind = "drop_default"
	AddConstraint      ActionKind = "add_constraint"
	DropConstraint     ActionKind = "drop_constraint"
	ValidateConstraint ActionKind = "validate_constraint"
	RenameColumn       ActionKind = "rename_column"
	RenameConstraint   ActionKind = "rename_constraint"
	SetTablespace      ActionKind = "set_tablespace"
	OtherAction        ActionKind = "other"
	// UnreadAction stands for the subcommands of an ALTER TABLE PostgreSQL's
	// parser rejects (MySQL's CHANGE, MODIFY, DROP FOREIGN KEY): they may
	// change any column, index or key of that one table (see
	// Statement.UnreadAlterTable).
	UnreadAction ActionKind = "unread"
)

// TableAction is one subcommand of ALTER TABLE.
type TableAction struct {
	Kind ActionKind
	// Verb names the subcommand ("ADD COLUMN", "ENABLE TRIGGER").
	Verb   string
	Column string
	// Type is the type of ADD COLUMN and ALTER COLUMN TYPE (its last name, as
	// written: varchar, int4, a user type).
	Type string
	// TypeText is the whole type as written (with modifiers and array bounds).
	TypeText string
	// TypeMods are the type's integer modifiers (varchar(50): 50); TypeArray
	// is set on an array type (text[]).
	TypeMods  []int
	TypeArray bool
	NewName   string // RENAME ... TO
	NotNull   bool   // ADD COLUMN ... NOT NULL
	// Default is set when ADD COLUMN or SET DEFAULT gives a default;
	// DefaultText is its expression as written.
	Default     bool
	DefaultText string
	// Rewrite is set on ADD COLUMN of a serial, identity or stored generated column.
	Rewrite bool
	Using   bool // ALTER COLUMN TYPE ... USING
	// Constraint is the constraint's name, ConstraintKind its kind ("foreign
	// key", "check", "unique", "primary key", "exclude", "not null").
	Constraint     string
	ConstraintKind string
	NotValid       bool // ADD CONSTRAINT ... NOT VALID
	// Index is the index of ADD CONSTRAINT ... USING INDEX, which PostgreSQL
	// renames to the constraint's name and makes the constraint's own.
	Index    string
	RefTable string // FOREIGN KEY ... REFERENCES table
	// Columns are the columns of ADD CONSTRAINT (its keys, or the foreign key's
	// columns); ExprColumns the names its CHECK expression uses.
	Columns, ExprColumns []string
	// NotNullColumn is the column of CHECK (column IS NOT NULL).
	NotNullColumn string
	IfExists      bool
	IfNotExists   bool
}

// Certain reports whether the SQL is known and every statement parsed.
func (s *SQL) Certain() bool { return s != nil && s.Known && s.Err == nil }

// classifySQL reads known or partial SQL text. places are the file ranges
// each byte of the text comes from, and one after the end; span turns a file
// range into a Span.
func classifySQL(text string, places []place, partial bool, span func(start, end int) Span) *SQL {
	s := &SQL{Known: !partial, Partial: partial, Text: text}
	r := sqlparse.Parse(text)
	where := func(start, end int) Span {
		if end <= start {
			return span(places[start][0], places[start][0])
		}
		return span(places[start][0], places[end-1][1])
	}
	if r.Err != nil && !partial {
		s.Err = &SQLError{Message: r.Err.Message, Span: where(r.Err.Offset, min(r.Err.Offset+1, len(text)))}
	}
	statements, queried := &s.Statements, false
	if partial { // unknown parts: the statements are not what runs
		if r.Err != nil {
			r, queried = fillHoles(text, r)
		}
		if r.Err != nil {
			// a hole where no name or value goes ("INSERT INTO t (a, b) {}"
			// filled with a SELECT, notifications-api's 0095): one statement
			// whose first word writes rows still writes rows only, and one that
			// sets options still sets options (nova's ALTER DATABASE <its
			// name> DEFAULT CHARACTER SET utf8)
			if st := unparsedStatement(text, [2]int{0, len(text)}, where); st.UnparsedDML() || st.Kind == SQLSession {
				s.Shape = []Statement{st}
			} else if st, ok := enumOfUnknownLabels(text); ok {
				st.Span = where(0, len(text))
				s.Shape = []Statement{st}
			}
			return s
		}
		statements = &s.Shape
	}
	unparsed := r.Unparsed
	for _, st := range r.Statements {
		for len(unparsed) > 0 && unparsed[0][0] < st.Start {
			*statements = append(*statements, unparsedStatement(text, unparsed[0], where))
			unparsed = unparsed[1:]
		}
		for _, c := range classify(st.Node, text) {
			c.Text, c.Span = normalize(text[st.Start:st.End]), where(st.Start, st.End)
			*statements = append(*statements, c)
		}
	}
	for _, u := range unparsed {
		*statements = append(*statements, unparsedStatement(text, u, where))
	}
	if queried { // the view's query stands in for one not known: so are the tables it reads
		for i := range *statements {
			(*statements)[i].Tables = append((*statements)[i].Tables, sqlparse.Hole)
		}
	}
	return s
}

// fillHoles parses text again with a number in each hole the parser
// rejects, one at a time: a hole where a number goes (renku's ALTER SEQUENCE
// <name> RESTART WITH <MAX(id) + 1>) parses so, and a number fits nowhere a
// name or a clause goes. In a view alone, a hole may stand for the whole
// query (sbc-auth's CREATE VIEW {view.name} AS {view.sql}): queried reports
// that one did. r is returned when that does not parse either.
func fillHoles(text string, r *sqlparse.Result) (_ *sqlparse.Result, queried bool) {
	filled, first := text, r
	for r.Err != nil {
		at := r.Err.Offset
		if at < 0 || at+len(sqlparse.Hole) > len(filled) || filled[at:at+len(sqlparse.Hole)] != sqlparse.Hole {
			return first, false
		}
		var next *sqlparse.Result
		for _, standIn := range []string{numberHole, queryHole} {
			try := filled[:at] + standIn + filled[at+len(sqlparse.Hole):]
			if next = sqlparse.Parse(try); next.Err == nil || next.Err.Offset > at {
				filled, queried = try, queried || standIn == queryHole
				break
			}
		}
		if next.Err != nil && next.Err.Offset <= at {
			return first, false // no further than before: nothing fits there
		}
		r = next
	}
	if queried && !oneView(r) {
		return first, false
	}
	return r, queried
}

// numberHole and queryHole are a number and a query in place of a hole, as
// long as sqlparse.Hole so that every byte keeps its place.
var (
	numberHole = "0" + strings.Repeat(" ", len(sqlparse.Hole)-1)
	queryHole  = "SELECT 1" + strings.Repeat(" ", len(sqlparse.Hole)-len("SELECT 1"))
)

// oneView reports whether r is one CREATE [MATERIALIZED] VIEW: a query
// standing in for a hole elsewhere (CREATE TABLE t AS <hole>) would make up
// the columns of a table.
func oneView(r *sqlparse.Result) bool {
	if len(r.Statements) != 1 || len(r.Unparsed) > 0 {
		return false
	}
	switch n := r.Statements[0].Node.GetNode().(type) {
	case *pg.Node_ViewStmt:
		return true
	case *pg.Node_CreateTableAsStmt:
		return n.CreateTableAsStmt.Objtype == pg.ObjectType_OBJECT_MATVIEW
	}
	return false
}

// oneStatement reports whether text holds no semicolon but those that end
// it, which end no other statement (prefect's SQLite UPDATE ends with one).
func oneStatement(text string) bool {
	return !strings.Contains(strings.TrimRight(text, "; \t\r\n"), ";")
}

// unparsedStatement is a statement PostgreSQL's parser rejects: it may
// change anything, except SQLite's PRAGMA, MySQL's OPTIMIZE TABLE, a setting of the session, and a
// statement whose first word writes rows (UnparsedDML). A semicolon left in
// it (in what PostgreSQL reads as a quote) may end a statement in another
// dialect's quoting: then it may hold several, and may change anything.
func unparsedStatement(text string, at [2]int, where func(start, end int) Span) Statement {
	st := Statement{Kind: SQLOther, Text: normalize(text[at[0]:at[1]]), Span: where(at[0], at[1])}
	first, _, _ := strings.Cut(st.Text, " ")
	one := oneStatement(st.Text)
	switch first = strings.ToUpper(first); {
	case first == "PRAGMA" || (first == "OPTIMIZE" || first == "ALTER" && (tableOptionsOnly(st.Text) || databaseOptions.MatchString(st.Text))) && one:
		// SQLite's settings; MySQL's OPTIMIZE TABLE rebuilds a table as it
		// is, and its table options change no column, index or key, nor
		// does a database's default character set (designate's)
		st.Kind, st.Verb = SQLSession, first
	case first == "SELECT" && one && !selectInto.MatchString(st.Text) && !mentionsSchemaFunction(st.Text),
		first == "SHOW" && one:
		// another dialect's query (CTFd's MySQL SELECT of information_schema
		// in backquotes) reads rows as one PostgreSQL reads does, and MySQL's
		// SHOW COLUMNS FROM t, SHOW INDEX FROM t read the schema (keep's)
		st.Kind, st.Verb = SQLSelect, first
	case first == "SET" && one:
		st.Kind, st.Verb = SQLSession, "SET" // MySQL's SET @@foreign_key_checks = 0, SET NAMES utf8mb4
	case dmlVerbs[first] && one:
		st.Verb = first
	}
	return st
}

// ClassifySQL reads literal SQL that is not written in a file (positions are offsets in text).
func ClassifySQL(text string) *SQL {
	places := make([]place, len(text)+1)
	for i := range places {
		places[i] = place{i, i + 1}
	}
	return classifySQL(text, places, false, func(start, end int) Span { return Span{Start: start, End: end} })
}

// classify translates one parsed statement into its effects: one Statement,
// or one per object for a DROP of several.
func classify(node *pg.Node, text string) []Statement {
	st := Statement{Kind: SQLOther}
	switch n := node.GetNode().(type) {
	case *pg.Node_UpdateStmt:
		st.Kind, st.Table, st.Where = SQLUpdate, relation(n.UpdateStmt.Relation), n.UpdateStmt.WhereClause != nil
		updated(&st, n.UpdateStmt)
	case *pg.Node_DeleteStmt:
		st.Kind, st.Table, st.Where = SQLDelete, relation(n.DeleteStmt.Relation), n.DeleteStmt.WhereClause != nil
		st.Condition = condition(n.DeleteStmt.WhereClause)
	case *pg.Node_InsertStmt:
		st.Kind, st.Table = SQLInsert, relation(n.InsertStmt.Relation)
		inserted(&st, n.InsertStmt)
	case *pg.Node_SelectStmt:
		st.Kind = SQLSelect
		if n.SelectStmt.IntoClause != nil { // SELECT ... INTO new_table
			st.Kind, st.Table = SQLCreateTable, relation(n.SelectStmt.IntoClause.Rel)
			st.Temporary = n.SelectStmt.IntoClause.Rel.GetRelpersistence() == "t"
		}
		if f := schemaFunctionCalled(n.SelectStmt); f != "" {
			st.Kind, st.Verb = SQLOther, "SELECT "+f // opaque: it may change anything
		}
	case *pg.Node_VariableShowStmt, *pg.Node_ExplainStmt:
		st.Kind = SQLSelect
	case *pg.Node_VariableSetStmt:
		st.Kind, st.Verb, st.Object = SQLSession, "SET", n.VariableSetStmt.Name
	case *pg.Node_ConstraintsSetStmt:
		st.Kind, st.Verb = SQLSession, "SET CONSTRAINTS" // when this transaction checks deferrable ones (reana)
	case *pg.Node_AlterEnumStmt:
		e := n.AlterEnumStmt
		st.Object = lastName(e.TypeName)
		if e.OldVal != "" {
			st.Kind, st.Verb = SQLAlterType, "RENAME VALUE"
		} else {
			st.Kind, st.Value, st.IfNotExists = SQLAlterTypeAdd, e.NewVal, e.SkipIfNewValExists
		}
	case *pg.Node_CreateEnumStmt:
		st.Kind, st.Object, st.TypeKind = SQLCreateType, lastName(n.CreateEnumStmt.TypeName), "enum"
		for _, v := range n.CreateEnumStmt.Vals {
			st.Values = append(st.Values, v.GetString_().GetSval())
		}
	case *pg.Node_CompositeTypeStmt:
		st.Kind, st.Object, st.TypeKind = SQLCreateType, relation(n.CompositeTypeStmt.Typevar), "composite"
	case *pg.Node_CreateRangeStmt:
		st.Kind, st.Object, st.TypeKind = SQLCreateType, lastName(n.CreateRangeStmt.TypeName), "range"
	case *pg.Node_DefineStmt:
		st.Kind = SQLUntracked
		if n.DefineStmt.Kind == pg.ObjectType_OBJECT_TYPE {
			st.Kind, st.Object, st.TypeKind = SQLCreateType, lastName(n.DefineStmt.Defnames), "base"
		}
	case *pg.Node_RenameStmt:
		renamed(&st, n.RenameStmt)
	case *pg.Node_AlterObjectSchemaStmt:
		st.Kind, st.Verb = SQLUntracked, "SET SCHEMA"
		switch n.AlterObjectSchemaStmt.ObjectType {
		case pg.ObjectType_OBJECT_TYPE:
			st.Kind, st.Object = SQLAlterType, typeName(n.AlterObjectSchemaStmt.Object)
		case pg.ObjectType_OBJECT_TABLE:
			st.Kind, st.Table = SQLAlterTable, relation(n.AlterObjectSchemaStmt.Relation)
		}
	case *pg.Node_AlterOwnerStmt:
		st.Kind, st.Verb = SQLUntracked, "OWNER TO"
		if n.AlterOwnerStmt.ObjectType == pg.ObjectType_OBJECT_TYPE {
			st.Kind, st.Object = SQLAlterType, typeName(n.AlterOwnerStmt.Object)
		}
	case *pg.Node_DropStmt:
		return dropped(n.DropStmt)
	case *pg.Node_IndexStmt:
		i := n.IndexStmt
		st.Kind, st.Object, st.Table, st.Schema = SQLCreateIndex, i.Idxname, relation(i.Relation), i.Relation.GetSchemaname()
		st.Concurrently, st.Unique, st.IfNotExists = i.Concurrent, i.Unique, i.IfNotExists
		for _, p := range i.IndexParams {
			if e := p.GetIndexElem(); e.GetName() != "" {
				st.Columns = append(st.Columns, e.GetName())
			} else {
				st.ExprColumns = append(st.ExprColumns, columnRefs(e)...)
			}
		}
		if i.WhereClause != nil {
			st.ExprColumns = append(st.ExprColumns, columnRefs(i.WhereClause)...)
		}
	case *pg.Node_ReindexStmt:
		st.Kind, st.Verb = SQLSession, "REINDEX"
		if n.ReindexStmt.Kind == pg.ReindexObjectType_REINDEX_OBJECT_TABLE {
			st.Table = relation(n.ReindexStmt.Relation)
		} else {
			st.Object = relation(n.ReindexStmt.Relation)
		}
		st.Concurrently = hasOption(n.ReindexStmt.Params, "concurrently")
	case *pg.Node_AlterTableStmt:
		a := n.AlterTableStmt
		st.IfExists = a.MissingOk
		switch a.Objtype {
		case pg.ObjectType_OBJECT_TABLE:
			st.Kind, st.Table, st.Schema = SQLAlterTable, relation(a.Relation), a.Relation.GetSchemaname()
			for _, c := range a.Cmds {
				st.Actions = append(st.Actions, tableAction(c.GetAlterTableCmd(), text))
			}
		case pg.ObjectType_OBJECT_INDEX:
			st.Kind, st.Object = SQLAlterIndex, relation(a.Relation)
		default:
			st.Kind = SQLUntracked
		}
	case *pg.Node_CreateStmt:
		c := n.CreateStmt
		st.Kind, st.Table, st.Schema, st.IfNotExists = SQLCreateTable, relation(c.Relation), c.Relation.GetSchemaname(), c.IfNotExists
		st.Temporary = c.Relation.GetRelpersistence() == "t"
		if c.Partbound != nil && len(c.InhRelations) > 0 {
			st.Parent = relation(c.InhRelations[0].GetRangeVar())
		}
		for _, e := range c.TableElts {
			for _, con := range e.GetColumnDef().GetConstraints() {
				st.References = appendReference(st.References, con.GetConstraint(), st.Table)
			}
			st.References = appendReference(st.References, e.GetConstraint(), st.Table)
		}
	case *pg.Node_CreateTableAsStmt:
		c := n.CreateTableAsStmt
		st.Kind, st.Tables = SQLUntracked, relationsRead(c.Query) // a materialized view
		if c.Objtype == pg.ObjectType_OBJECT_TABLE {
			st.Tables = nil
			st.Kind, st.Table, st.IfNotExists = SQLCreateTable, relation(c.Into.GetRel()), c.IfNotExists
			st.Temporary = c.Into.GetRel().GetRelpersistence() == "t"
		}
	case *pg.Node_TruncateStmt:
		st.Kind, st.Verb, st.Cascade = SQLTruncate, "TRUNCATE", n.TruncateStmt.Behavior == pg.DropBehavior_DROP_CASCADE
		for _, r := range n.TruncateStmt.Relations {
			st.Tables = append(st.Tables, relation(r.GetRangeVar()))
		}
	case *pg.Node_TransactionStmt:
		st.Kind, st.Verb = SQLTransaction, transactionVerbs[n.TransactionStmt.Kind]
	case *pg.Node_LockStmt:
		st.Kind, st.Verb, st.LockMode = SQLSession, "LOCK TABLE", lockModes[n.LockStmt.Mode]
		for _, r := range n.LockStmt.Relations {
			st.Tables = append(st.Tables, relation(r.GetRangeVar()))
		}
	case *pg.Node_VacuumStmt:
		st.Kind, st.Verb = SQLSession, "ANALYZE"
		if n.VacuumStmt.IsVacuumcmd {
			st.Verb = "VACUUM"
			if hasOption(n.VacuumStmt.Options, "full") {
				st.Verb = "VACUUM FULL"
			}
		}
		for _, r := range n.VacuumStmt.Rels {
			st.Tables = append(st.Tables, relation(r.GetVacuumRelation().GetRelation()))
		}
	case *pg.Node_DropdbStmt:
		st.Kind, st.Verb, st.ObjectKind, st.Name, st.IfExists = SQLUntracked, "DROP DATABASE", "DATABASE", n.DropdbStmt.Dbname, n.DropdbStmt.MissingOk
	case *pg.Node_ClusterStmt:
		st.Kind, st.Verb, st.Table = SQLSession, "CLUSTER", relation(n.ClusterStmt.Relation)
	case *pg.Node_CommentStmt:
		st.Kind, st.Verb = SQLSession, "COMMENT ON"
		switch n.CommentStmt.Objtype {
		case pg.ObjectType_OBJECT_TABLE:
			st.Verb, st.Table = "COMMENT ON TABLE", qualifiedLast(n.CommentStmt.Object.GetList().GetItems(), 0)
		case pg.ObjectType_OBJECT_COLUMN:
			st.Verb, st.Table = "COMMENT ON COLUMN", qualifiedLast(n.CommentStmt.Object.GetList().GetItems(), 1)
		}
	case *pg.Node_GrantStmt, *pg.Node_GrantRoleStmt, *pg.Node_NotifyStmt, *pg.Node_ListenStmt,
		*pg.Node_DiscardStmt, *pg.Node_CheckPointStmt:
		st.Kind = SQLSession
	case *pg.Node_CreateTrigStmt:
		st.Kind, st.Verb, st.Table, st.Replace = SQLUntracked, "CREATE TRIGGER", relation(n.CreateTrigStmt.Relation), n.CreateTrigStmt.Replace
	case *pg.Node_CreateFunctionStmt:
		st.Kind, st.Verb, st.Replace = SQLUntracked, "CREATE FUNCTION", n.CreateFunctionStmt.Replace
	case *pg.Node_ViewStmt:
		st.Kind, st.Verb, st.Replace, st.Tables = SQLUntracked, "CREATE VIEW", n.ViewStmt.Replace, relationsRead(n.ViewStmt.Query)
	case *pg.Node_CreateSeqStmt:
		st.Kind, st.Verb, st.IfNotExists = SQLUntracked, "CREATE SEQUENCE", n.CreateSeqStmt.IfNotExists
		st.Tables = ownedBy(n.CreateSeqStmt.Options)
	case *pg.Node_AlterSeqStmt:
		// named: its OWNED BY may tie the sequence to a table it then goes with
		st.Kind, st.Verb, st.ObjectKind, st.Name = SQLUntracked, "ALTER SEQUENCE", "SEQUENCE", relation(n.AlterSeqStmt.Sequence)
	case *pg.Node_CreateExtensionStmt:
		st.Kind, st.Verb, st.IfNotExists = SQLUntracked, "CREATE EXTENSION", n.CreateExtensionStmt.IfNotExists
	case *pg.Node_CreateSchemaStmt:
		st.Kind, st.Verb, st.IfNotExists = SQLUntracked, "CREATE SCHEMA", n.CreateSchemaStmt.IfNotExists
	case *pg.Node_CreatePolicyStmt, *pg.Node_AlterPolicyStmt, *pg.Node_CreateDomainStmt,
		*pg.Node_AlterDomainStmt, *pg.Node_AlterFunctionStmt, *pg.Node_RuleStmt, *pg.Node_RefreshMatViewStmt,
		*pg.Node_AlterDefaultPrivilegesStmt, *pg.Node_CreateRoleStmt, *pg.Node_AlterRoleStmt, *pg.Node_DropRoleStmt,
		*pg.Node_CreateCastStmt, *pg.Node_CreateEventTrigStmt, *pg.Node_AlterExtensionStmt, *pg.Node_CreatePublicationStmt,
		*pg.Node_AlterPublicationStmt, *pg.Node_CreateStatsStmt, *pg.Node_CreateOpClassStmt, *pg.Node_AlterTsconfigurationStmt,
		*pg.Node_CreateConversionStmt, *pg.Node_AlterEventTrigStmt, *pg.Node_CreateFdwStmt, *pg.Node_CreateForeignServerStmt,
		*pg.Node_CreateUserMappingStmt, *pg.Node_CreateForeignTableStmt, *pg.Node_ImportForeignSchemaStmt, *pg.Node_AlterDatabaseSetStmt,
		*pg.Node_AlterRoleSetStmt, *pg.Node_AlterOperatorStmt, *pg.Node_AlterCollationStmt, *pg.Node_CreateAmStmt,
		*pg.Node_CreateTransformStmt, *pg.Node_CreatePlangStmt:
		st.Kind = SQLUntracked
	case *pg.Node_DoStmt:
		if inner, ok := doStatements(n.DoStmt); ok {
			return inner
		}
		st.Verb = "DO" // opaque: it may change anything
	case *pg.Node_CallStmt:
		st.Verb = "DO" // opaque: it may change anything
	}
	created(&st, node)
	return []Statement{st}
}

// created sets the kind and name of the object a CREATE statement makes.
func created(st *Statement, node *pg.Node) {
	kind, name := "", ""
	switch n := node.GetNode().(type) {
	case *pg.Node_CreateStmt:
		kind, name = "TABLE", st.Table
	case *pg.Node_CreateTableAsStmt:
		kind, name = objectKind(n.CreateTableAsStmt.Objtype), relation(n.CreateTableAsStmt.Into.GetRel())
	case *pg.Node_IndexStmt:
		kind, name = "INDEX", st.Object
	case *pg.Node_CreateEnumStmt, *pg.Node_CompositeTypeStmt, *pg.Node_CreateRangeStmt:
		kind, name = "TYPE", st.Object
	case *pg.Node_DefineStmt:
		kind, name = objectKind(n.DefineStmt.Kind), lastName(n.DefineStmt.Defnames)
	case *pg.Node_ViewStmt:
		kind, name = "VIEW", relation(n.ViewStmt.View)
	case *pg.Node_CreateFunctionStmt:
		kind, name = "FUNCTION", lastName(n.CreateFunctionStmt.Funcname)
		if n.CreateFunctionStmt.IsProcedure {
			kind = "PROCEDURE"
		}
	case *pg.Node_CreateSeqStmt:
		kind, name = "SEQUENCE", relation(n.CreateSeqStmt.Sequence)
	case *pg.Node_CreateTrigStmt:
		kind, name = "TRIGGER", n.CreateTrigStmt.Trigname
	case *pg.Node_CreateExtensionStmt:
		kind, name = "EXTENSION", n.CreateExtensionStmt.Extname
	case *pg.Node_CreateSchemaStmt:
		kind, name = "SCHEMA", n.CreateSchemaStmt.Schemaname
	case *pg.Node_CreateDomainStmt:
		kind, name = "DOMAIN", lastName(n.CreateDomainStmt.Domainname)
	case *pg.Node_CreatePolicyStmt:
		kind, name = "POLICY", n.CreatePolicyStmt.PolicyName
	case *pg.Node_RuleStmt:
		kind, name, st.Replace = "RULE", n.RuleStmt.Rulename, n.RuleStmt.Replace
	default:
		return
	}
	st.Creates, st.ObjectKind, st.Name = true, kind, name
}

// ownedBy is the table of a sequence's OWNED BY table.column option, as a
// list (nil when none, or OWNED BY NONE).
func ownedBy(options []*pg.Node) []string {
	for _, o := range options {
		if d := o.GetDefElem(); d != nil && d.Defname == "owned_by" {
			if names := d.GetArg().GetList().GetItems(); len(names) > 1 {
				return []string{qualifiedLast(names, 1)}
			}
		}
	}
	return nil
}

// objectKind names a kind of object as SQL writes it: OBJECT_MATVIEW is
// "MATVIEW", the same for CREATE and DROP.
func objectKind(t pg.ObjectType) string {
	return strings.ReplaceAll(strings.TrimPrefix(t.String(), "OBJECT_"), "_", " ")
}

// objectName is the unqualified name of a DROP's object.
func objectName(n *pg.Node) string {
	switch o := n.GetNode().(type) {
	case *pg.Node_String_:
		return o.String_.Sval
	case *pg.Node_List:
		return qualifiedLast(o.List.Items, 0)
	case *pg.Node_TypeName:
		return lastName(o.TypeName.Names)
	case *pg.Node_ObjectWithArgs:
		return lastName(o.ObjectWithArgs.Objname)
	}
	return ""
}

// renamed reads ALTER ... RENAME.
func renamed(st *Statement, r *pg.RenameStmt) {
	st.Kind, st.Verb, st.NewName, st.IfExists = SQLUntracked, "RENAME TO", r.Newname, r.MissingOk
	switch r.RenameType {
	case pg.ObjectType_OBJECT_TYPE:
		st.Kind, st.Object = SQLAlterType, typeName(r.Object)
	case pg.ObjectType_OBJECT_TABLE:
		st.Kind, st.Table = SQLAlterTable, relation(r.Relation)
	case pg.ObjectType_OBJECT_INDEX:
		st.Kind, st.Object = SQLAlterIndex, relation(r.Relation)
	case pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW, pg.ObjectType_OBJECT_SEQUENCE:
		st.ObjectKind, st.Name = objectKind(r.RenameType), relation(r.Relation)
	case pg.ObjectType_OBJECT_COLUMN:
		if r.RelationType == pg.ObjectType_OBJECT_TABLE {
			st.Kind, st.Verb, st.Table, st.NewName = SQLAlterTable, "RENAME COLUMN", relation(r.Relation), ""
			st.Actions = []TableAction{{Kind: RenameColumn, Verb: "RENAME COLUMN", Column: r.Subname, NewName: r.Newname}}
		}
	case pg.ObjectType_OBJECT_TABCONSTRAINT:
		st.Kind, st.Verb, st.Table, st.NewName = SQLAlterTable, "RENAME CONSTRAINT", relation(r.Relation), ""
		st.Actions = []TableAction{{Kind: RenameConstraint, Verb: "RENAME CONSTRAINT", Constraint: r.Subname, NewName: r.Newname}}
	}
}

// dropped reads DROP: one statement per object of a kind the model follows.
func dropped(d *pg.DropStmt) []Statement {
	kind := map[pg.ObjectType]StatementKind{
		pg.ObjectType_OBJECT_TABLE: SQLDropTable,
		pg.ObjectType_OBJECT_TYPE:  SQLDropType,
		pg.ObjectType_OBJECT_INDEX: SQLDropIndex,
	}[d.RemoveType]
	if kind == "" {
		var out []Statement
		for _, o := range d.Objects {
			out = append(out, Statement{Kind: SQLUntracked, Verb: "DROP", IfExists: d.MissingOk, ObjectKind: objectKind(d.RemoveType), Name: objectName(o),
				Cascade: d.Behavior == pg.DropBehavior_DROP_CASCADE})
		}
		return out
	}
	var tables []string
	if kind == SQLDropTable {
		for _, o := range d.Objects {
			tables = append(tables, qualifiedLast(o.GetList().GetItems(), 0))
		}
	}
	var out []Statement
	for _, o := range d.Objects {
		st := Statement{Kind: kind, Verb: "DROP", Concurrently: d.Concurrent, IfExists: d.MissingOk, ObjectKind: objectKind(d.RemoveType), Name: objectName(o),
			Cascade: d.Behavior == pg.DropBehavior_DROP_CASCADE}
		switch kind {
		case SQLDropTable:
			st.Table, st.Tables = qualifiedLast(o.GetList().GetItems(), 0), tables
		case SQLDropType:
			st.Object = typeName(o)
		case SQLDropIndex:
			st.Object = qualifiedLast(o.GetList().GetItems(), 0)
		}
		out = append(out, st)
	}
	return out
}

// tableAction reads one ALTER TABLE subcommand.
func tableAction(c *pg.AlterTableCmd, text string) TableAction {
	a := TableAction{Kind: OtherAction, Verb: actionVerb(c.Subtype), Column: c.Name, IfExists: c.MissingOk}
	switch c.Subtype {
	case pg.AlterTableType_AT_AddColumn:
		def := c.Def.GetColumnDef()
		a.Kind, a.Column, a.IfNotExists = AddColumn, def.GetColname(), c.MissingOk
		a.IfExists = false
		a.Type, a.TypeText = typeOf(def.GetTypeName(), text)
		a.NotNull = def.GetIsNotNull()
		switch strings.ToLower(a.Type) {
		case "serial", "bigserial", "smallserial", "serial4", "serial8", "serial2":
			// NOT NULL DEFAULT nextval(...): every row gets a value
			a.Rewrite, a.NotNull, a.Default = true, true, true
		}
		for _, con := range def.GetConstraints() {
			k := con.GetConstraint()
			switch k.GetContype() {
			case pg.ConstrType_CONSTR_NOTNULL:
				a.NotNull = true
			case pg.ConstrType_CONSTR_DEFAULT:
				a.Default, a.DefaultText = true, exprText(k.RawExpr, text)
			case pg.ConstrType_CONSTR_IDENTITY:
				a.Rewrite, a.NotNull, a.Default = true, true, true // every row gets a value
			case pg.ConstrType_CONSTR_GENERATED:
				a.Rewrite = true
			case pg.ConstrType_CONSTR_FOREIGN:
				a.ConstraintKind, a.RefTable = "foreign key", relation(k.Pktable)
			}
		}
	case pg.AlterTableType_AT_DropColumn:
		a.Kind = DropColumn
	case pg.AlterTableType_AT_AlterColumnType:
		def := c.Def.GetColumnDef()
		a.Kind, a.Using = AlterColumnType, def.GetRawDefault() != nil
		a.Type, a.TypeText = typeOf(def.GetTypeName(), text)
		a.TypeMods, a.TypeArray = typeShape(def.GetTypeName())
	case pg.AlterTableType_AT_SetNotNull:
		a.Kind = SetNotNull
	case pg.AlterTableType_AT_DropNotNull:
		a.Kind = DropNotNull
	case pg.AlterTableType_AT_ColumnDefault:
		a.Kind, a.Verb = DropDefault, "DROP DEFAULT"
		if c.Def != nil {
			a.Kind, a.Verb, a.Default, a.DefaultText = SetDefault, "SET DEFAULT", true, exprText(c.Def, text)
		}
	case pg.AlterTableType_AT_AddConstraint:
		k := c.Def.GetConstraint()
		a.Kind, a.Constraint, a.ConstraintKind = AddConstraint, k.GetConname(), sqlConstraintKinds[k.GetContype()]
		a.NotValid, a.Index = k.GetSkipValidation(), k.GetIndexname()
		a.RefTable = relation(k.GetPktable())
		for _, key := range slices.Concat(k.GetKeys(), k.GetFkAttrs()) {
			a.Columns = append(a.Columns, key.GetString_().GetSval())
		}
		if k.RawExpr != nil {
			a.ExprColumns = columnRefs(k.RawExpr)
		}
		if k.GetContype() == pg.ConstrType_CONSTR_CHECK {
			if t := k.RawExpr.GetNullTest(); t.GetNulltesttype() == pg.NullTestType_IS_NOT_NULL {
				a.NotNullColumn = lastName(t.GetArg().GetColumnRef().GetFields())
			}
		}
	case pg.AlterTableType_AT_DropConstraint:
		a.Kind, a.Constraint, a.Column = DropConstraint, c.Name, ""
	case pg.AlterTableType_AT_ValidateConstraint:
		a.Kind, a.Constraint, a.Column = ValidateConstraint, c.Name, ""
	case pg.AlterTableType_AT_SetTableSpace:
		a.Kind, a.Column = SetTablespace, ""
	}
	return a
}

// actionVerb names an ALTER TABLE subcommand after the parser's name for
// it: AT_EnableTrig is "ENABLE TRIG".
func actionVerb(t pg.AlterTableType) string {
	name := strings.TrimPrefix(t.String(), "AT_")
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

var sqlConstraintKinds = map[pg.ConstrType]string{
	pg.ConstrType_CONSTR_CHECK:     "check",
	pg.ConstrType_CONSTR_PRIMARY:   "primary key",
	pg.ConstrType_CONSTR_UNIQUE:    "unique",
	pg.ConstrType_CONSTR_EXCLUSION: "exclude",
	pg.ConstrType_CONSTR_FOREIGN:   "foreign key",
	pg.ConstrType_CONSTR_NOTNULL:   "not null",
}

var transactionVerbs = map[pg.TransactionStmtKind]string{
	pg.TransactionStmtKind_TRANS_STMT_BEGIN:             "BEGIN",
	pg.TransactionStmtKind_TRANS_STMT_START:             "BEGIN",
	pg.TransactionStmtKind_TRANS_STMT_COMMIT:            "COMMIT",
	pg.TransactionStmtKind_TRANS_STMT_ROLLBACK:          "ROLLBACK",
	pg.TransactionStmtKind_TRANS_STMT_SAVEPOINT:         "SAVEPOINT",
	pg.TransactionStmtKind_TRANS_STMT_RELEASE:           "RELEASE",
	pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:       "ROLLBACK TO",
	pg.TransactionStmtKind_TRANS_STMT_PREPARE:           "PREPARE TRANSACTION",
	pg.TransactionStmtKind_TRANS_STMT_COMMIT_PREPARED:   "COMMIT PREPARED",
	pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_PREPARED: "ROLLBACK PREPARED",
}

// lockModes are the modes of LOCK TABLE by PostgreSQL's lock number.
var lockModes = map[int32]string{
	1: "ACCESS SHARE", 2: "ROW SHARE", 3: "ROW EXCLUSIVE", 4: "SHARE UPDATE EXCLUSIVE",
	5: "SHARE", 6: "SHARE ROW EXCLUSIVE", 7: "EXCLUSIVE", 8: "ACCESS EXCLUSIVE",
}

func appendReference(refs []string, c *pg.Constraint, self string) []string {
	if c.GetContype() != pg.ConstrType_CONSTR_FOREIGN {
		return refs
	}
	if ref := relation(c.GetPktable()); ref != "" && ref != self {
		return append(refs, ref)
	}
	return refs
}

// relation is a table's unqualified name (the parser has folded unquoted names to lower case).
func relation(r *pg.RangeVar) string { return r.GetRelname() }

// lastName is the unqualified name of a qualified name list.
func lastName(names []*pg.Node) string { return qualifiedLast(names, 0) }

// qualifiedLast is the last name of a qualified name list after dropping
// the last skip names (COMMENT ON COLUMN t.c: the table is before the column).
func qualifiedLast(names []*pg.Node, skip int) string {
	if len(names) <= skip {
		return ""
	}
	return names[len(names)-1-skip].GetString_().GetSval()
}

// typeName is the unqualified name of a type object (a TypeName or a name list).
func typeName(n *pg.Node) string {
	if t := n.GetTypeName(); t != nil {
		return lastName(t.Names)
	}
	return qualifiedLast(n.GetList().GetItems(), 0)
}

// typeOf is a type's unqualified name and its text as written.
func typeOf(t *pg.TypeName, text string) (string, string) {
	if t == nil {
		return "", ""
	}
	name := lastName(t.Names)
	written := name
	if t.Location >= 0 && int(t.Location) < len(text) {
		written = typeTextAt(text, int(t.Location))
	}
	return name, written
}

// typeShape is a type's integer modifiers and whether it is an array.
func typeShape(t *pg.TypeName) (mods []int, array bool) {
	for _, m := range t.GetTypmods() {
		if c := m.GetAConst(); c.GetIval() != nil {
			mods = append(mods, int(c.GetIval().GetIval()))
		}
	}
	return mods, len(t.GetArrayBounds()) > 0
}

// typeTextAt reads a type written at start: up to the next comma, clause
// keyword or end outside parentheses.
func typeTextAt(text string, start int) string {
	depth := 0
	for i := start; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth == 0 {
				return strings.TrimSpace(text[start:i])
			}
			depth--
		case ',', ';':
			if depth == 0 {
				return strings.TrimSpace(text[start:i])
			}
		case ' ', '\t', '\n':
			if depth == 0 {
				rest := strings.ToUpper(strings.TrimLeft(text[i:], " \t\n"))
				for _, kw := range []string{"USING", "NOT", "NULL", "DEFAULT", "COLLATE", "CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES", "GENERATED"} {
					if strings.HasPrefix(rest, kw) && (len(rest) == len(kw) || !identByteSQL(rest[len(kw)])) {
						return strings.TrimSpace(text[start:i])
					}
				}
			}
		}
	}
	return strings.TrimSpace(text[start:])
}

func identByteSQL(c byte) bool {
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// exprText is an expression as written: from its location to the end of
// the clause (the next comma or clause keyword outside parentheses).
func exprText(n *pg.Node, text string) string {
	loc := location(n)
	if loc < 0 || loc >= len(text) {
		return ""
	}
	return typeTextAt(text, loc)
}

// location is the parse location of an expression node, or -1.
func location(n *pg.Node) int {
	switch e := n.GetNode().(type) {
	case *pg.Node_AConst:
		return int(e.AConst.Location)
	case *pg.Node_FuncCall:
		return int(e.FuncCall.Location)
	case *pg.Node_TypeCast:
		return location(e.TypeCast.Arg)
	case *pg.Node_ColumnRef:
		return int(e.ColumnRef.Location)
	case *pg.Node_AExpr:
		return location(e.AExpr.Lexpr)
	case *pg.Node_BoolExpr:
		if len(e.BoolExpr.Args) > 0 {
			return location(e.BoolExpr.Args[0])
		}
	case *pg.Node_NullTest:
		return location(e.NullTest.Arg)
	case *pg.Node_SqlvalueFunction:
		return int(e.SqlvalueFunction.Location)
	}
	return -1
}

// columnRefs are the last names of the column references in a parse tree.
func columnRefs(n proto.Message) []string {
	var out []string
	walkTree(n.ProtoReflect(), func(m proto.Message) bool {
		if ref, ok := m.(*pg.ColumnRef); ok {
			if name := lastName(ref.Fields); name != "" {
				out = append(out, name)
			}
			return false
		}
		return true
	})
	return out
}

// relationsRead are the tables (or views) a query reads, each once.
func relationsRead(n proto.Message) []string {
	var out []string
	walkTree(n.ProtoReflect(), func(m proto.Message) bool {
		if r, ok := m.(*pg.RangeVar); ok && !slices.Contains(out, r.Relname) {
			out = append(out, r.Relname)
		}
		return true
	})
	return out
}

// walkTree calls visit on every message of a parse tree, depth first; visit
// returns false to leave out what the message holds.
func walkTree(m protoreflect.Message, visit func(proto.Message) bool) {
	if !visit(m.Interface()) {
		return
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.Message() == nil || fd.IsMap():
		case fd.IsList():
			for i := range v.List().Len() {
				walkTree(v.List().Get(i).Message(), visit)
			}
		default:
			walkTree(v.Message(), visit)
		}
		return true
	})
}

// schemaFunctions are functions a SELECT calls to change tables: PostGIS's
// (c2cgeoportal adds its geometry columns with SELECT AddGeometryColumn(...))
// and TimescaleDB's, which turn a table into a hypertable with its own index.
var schemaFunctions = map[string]bool{"addgeometrycolumn": true, "dropgeometrycolumn": true, "dropgeometrytable": true,
	"updategeometrysrid": true, "create_hypertable": true, "create_distributed_hypertable": true}

// mentionsSchemaFunction reports whether text names a schema-changing
// function (see schemaFunctions) anywhere.
func mentionsSchemaFunction(text string) bool {
	lower := strings.ToLower(text)
	for name := range schemaFunctions {
		if strings.Contains(lower, name) {
			return true
		}
	}
	return false
}

// schemaFunctionCalled is the name of a schema-changing function (see
// schemaFunctions) a statement calls, or "".
func schemaFunctionCalled(n proto.Message) string {
	called := ""
	walkTree(n.ProtoReflect(), func(m proto.Message) bool {
		if c, ok := m.(*pg.FuncCall); ok {
			if name := lastName(c.Funcname); schemaFunctions[strings.ToLower(name)] {
				called = name
			}
		}
		return called == ""
	})
	return called
}

// hasOption reports whether a utility option list (VACUUM (FULL), REINDEX (CONCURRENTLY)) holds name.
func hasOption(options []*pg.Node, name string) bool {
	for _, o := range options {
		if d := o.GetDefElem(); d != nil && d.Defname == name {
			return d.Arg == nil || d.Arg.GetBoolean() == nil || d.Arg.GetBoolean().Boolval
		}
	}
	return false
}

// normalize drops the comments outside quotes and collapses spaces.
func normalize(stmt string) string {
	var cur strings.Builder
	for i := 0; i < len(stmt); i++ {
		c := stmt[i]
		switch {
		case c == '\'' || c == '"':
			end := len(stmt)
			if j := strings.IndexByte(stmt[i+1:], c); j >= 0 {
				end = i + 1 + j + 1
			}
			cur.WriteString(stmt[i:end])
			i = end - 1
		case c == '$' && sqlparse.DollarTag(stmt[i:]) != "":
			tag := sqlparse.DollarTag(stmt[i:])
			end := len(stmt)
			if j := strings.Index(stmt[i+len(tag):], tag); j >= 0 {
				end = i + len(tag) + j + len(tag)
			}
			cur.WriteString(stmt[i:end])
			i = end - 1
		case c == '-' && strings.HasPrefix(stmt[i:], "--"):
			end := len(stmt)
			if j := strings.IndexByte(stmt[i:], '\n'); j >= 0 {
				end = i + j
			}
			cur.WriteByte(' ')
			i = end - 1
		case c == '/' && strings.HasPrefix(stmt[i:], "/*"):
			end := len(stmt)
			if j := strings.Index(stmt[i+2:], "*/"); j >= 0 {
				end = i + 2 + j + 2
			}
			cur.WriteByte(' ')
			i = end - 1
		default:
			cur.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(cur.String()), " ")
}
