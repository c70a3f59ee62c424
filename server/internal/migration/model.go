// Package migration turns one Alembic revision file into a Migration: its header
// variables and the ordered operations of upgrade() and downgrade(), with arguments
// bound to Alembic's parameter names. It only parses; it never runs the file.
package migration

import (
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Span is a source range.
type Span = pysyntax.Span

// Expr is a converted Python expression.
type Expr = pysyntax.Expr

// Migration is the model of one revision file.
type Migration struct {
	Path   string
	Source []byte
	// Quote is the string quote the file uses most (' or "): code written
	// into the file follows it.
	Quote byte

	Revision     Header
	DownRevision Header
	BranchLabels Header
	DependsOn    Header
	// DocRevision and DocRevises come from the module docstring ("Revision ID:",
	// "Revises:"); the variables are the truth, these only serve consistency checks.
	DocRevision, DocRevises string
	// DocMessage is the docstring's first line: the message of `alembic revision -m`.
	DocMessage string
	DocSpan    Span

	Imports []Import
	// NameUses are the references to imported names (not alembic's, sqlalchemy's
	// or typing's), by local name.
	NameUses map[string][]NameUse
	// Vars holds module-level assignments by name (the last one wins), e.g. an
	// enum type shared by upgrade and downgrade.
	Vars map[string]*Expr
	// ModuleNames counts the bindings of each module-level name: imports,
	// assignments, definitions (a name bound twice may hold either value).
	ModuleNames map[string]int
	// EnumClasses are the module-level Python enum classes, by name.
	EnumClasses map[string]*EnumClass

	Upgrade   *Function
	Downgrade *Function

	// Directives are the alembic-patterns suppression comments of the file.
	Directives []Directive

	// TooLarge is set when the file has more than MaxOps operations: those
	// after the first MaxOps were not read, so the functions' operations are
	// incomplete (and the downgrade's may be missing).
	TooLarge bool

	SyntaxErrors []pysyntax.SyntaxError

	// DialectMentions count what the file shows of each dialect (imports of
	// sqlalchemy.dialects.<name>, <name>_* options of its operations).
	DialectMentions map[string]int

	// HeaderOnly is set on a model of the header only (Header,
	// ParseFileHeader): what upgrade() and downgrade() do was left out.
	HeaderOnly bool
	// WritesDowngrade: the module defines a downgrade() that does more than
	// pass or raise; a header keeps it, for what the history as a whole shows
	// of the project's downgrades (downgrade-missing).
	WritesDowngrade bool
	// WritesUpgrade: the same of upgrade(); a header keeps it, for the
	// revisions a rule looks back through (a merge whose upgrade() does
	// nothing is no step of the history's work).
	WritesUpgrade bool
	// Marks are the registered marks (RegisterMark, RegisterMarkFamily)
	// that hold of the whole model, kept by its Header: read them with
	// Marked and MarkValues.
	Marks []string
	// UpgradeDigest digests what the model of upgrade() derives from (see
	// upgradeDigest), kept by its Header; zero when not known (a header that
	// ParseFileHeader read).
	UpgradeDigest [32]byte
}

// marks are the facts about whole models that rules read of revisions a
// check does not replay, by name (see RegisterMark).
var marks = map[string]func(*Migration) bool{}

// RegisterMark names a fact about a whole model that a rule reads of every
// revision (its graph check, its notes, its pass on every revision). Header
// judges it on the whole model and keeps it, so that a check that reads
// only the headers of most revisions knows it of all of them. Rules register
// their marks when the program starts.
func RegisterMark(name string, holds func(*Migration) bool) {
	if _, dup := marks[name]; dup {
		panic("duplicate mark " + name)
	}
	marks[name] = holds
}

// markFamilies are the facts about whole models that hold of some values
// each, by family (see RegisterMarkFamily).
var markFamilies = map[string]func(*Migration) []string{}

// RegisterMarkFamily names a fact about a whole model that holds of some
// values, such as the tables whose rows its downgrade() may change. A
// Header keeps each as the mark "family value"; read them with MarkValues.
func RegisterMarkFamily(family string, values func(*Migration) []string) {
	if _, dup := markFamilies[family]; dup {
		panic("duplicate mark family " + family)
	}
	markFamilies[family] = values
}

// MarkValues lists the values that the mark family holds of in the file:
// judged on a whole model, read from a Header.
func (m *Migration) MarkValues(family string) []string {
	if m.HeaderOnly {
		var out []string
		for _, mark := range m.Marks {
			if v, ok := strings.CutPrefix(mark, family+" "); ok {
				out = append(out, v)
			}
		}
		return out
	}
	if values := markFamilies[family]; values != nil {
		return values(m)
	}
	return nil
}

// Marked reports whether the mark name holds of the file: judged on a whole
// model, read from a Header. A header that ParseFileHeader read carries no
// marks.
func (m *Migration) Marked(name string) bool {
	if m.HeaderOnly {
		return slices.Contains(m.Marks, name)
	}
	holds := marks[name]
	return holds != nil && holds(m)
}

// Header is the part of m that places it in the history and in a report:
// the file, its header variables and docstring, its suppression comments
// whether it parsed, the dialects it names and the marks that hold of it,
// without what upgrade() and downgrade() do. A check of one revision reads
// only this much of the revisions far below it.
//
// Its strings are copies: the headers of every revision stay through a
// check, and a string cut from the file's text keeps all of that text (a
// cold check of 3,000 revisions held every file's source to its end).
func (m *Migration) Header() *Migration {
	header := func(h Header) Header {
		h.Values = cloneStrings(h.Values)
		return h
	}
	directives := slices.Clone(m.Directives)
	for i := range directives {
		directives[i].Rules = cloneStrings(directives[i].Rules)
	}
	syntaxErrors := slices.Clone(m.SyntaxErrors)
	for i := range syntaxErrors {
		syntaxErrors[i].Message = strings.Clone(syntaxErrors[i].Message)
	}
	var mentions map[string]int
	if m.DialectMentions != nil {
		mentions = make(map[string]int, len(m.DialectMentions))
	}
	for dialect, n := range m.DialectMentions {
		mentions[strings.Clone(dialect)] = n
	}
	return &Migration{Path: m.Path, Quote: m.Quote,
		Revision: header(m.Revision), DownRevision: header(m.DownRevision), BranchLabels: header(m.BranchLabels),
		DependsOn: header(m.DependsOn), DocRevision: strings.Clone(m.DocRevision), DocRevises: strings.Clone(m.DocRevises),
		DocMessage: strings.Clone(m.DocMessage), DocSpan: m.DocSpan, Directives: directives, TooLarge: m.TooLarge,
		SyntaxErrors: syntaxErrors, DialectMentions: mentions, WritesDowngrade: m.WritesDowngrade, WritesUpgrade: m.WritesUpgrade,
		HeaderOnly: true,
		Marks:      m.AllMarks(), UpgradeDigest: m.UpgradeDigest}
}

// cloneStrings copies the strings of a slice (nil stays nil).
func cloneStrings(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.Clone(s)
	}
	return out
}

// AllMarks lists the registered marks that hold of the file, sorted (a
// header's encoding is then the same on every run): judged on a whole model,
// read from a Header.
func (m *Migration) AllMarks() []string {
	if m.HeaderOnly {
		return m.Marks
	}
	var out []string
	for name, holds := range marks {
		if holds(m) {
			out = append(out, name)
		}
	}
	for family, values := range markFamilies {
		for _, v := range values(m) {
			out = append(out, family+" "+v)
		}
	}
	slices.Sort(out)
	return out
}

// HeaderKind says how a header variable was written.
type HeaderKind string

const (
	HeaderMissing HeaderKind = "missing" // not assigned at module level
	HeaderNone    HeaderKind = "none"    // None
	HeaderString  HeaderKind = "string"  // "abc"
	HeaderTuple   HeaderKind = "tuple"   // ("a", "b") or ["a", "b"]
	HeaderName    HeaderKind = "name"    // an imported or computed name: value unknown
	HeaderOther   HeaderKind = "other"   // any other expression: value unknown
)

// Header is one of revision, down_revision, branch_labels, depends_on.
type Header struct {
	Kind   HeaderKind
	Values []string // the string values, for string and tuple
	Span   Span     // the assigned value
}

// Known reports whether the header's value is known statically.
func (h Header) Known() bool {
	return h.Kind == HeaderMissing || h.Kind == HeaderNone || h.Kind == HeaderString || h.Kind == HeaderTuple
}

// Import is one imported name: `import sqlalchemy as sa` gives Module "sqlalchemy",
// Local "sa"; `from alembic import op` gives Module "alembic", Name "op", Local "op".
type Import struct {
	Module string
	Name   string
	Local  string
	Span   Span
	Stmt   Span // the whole import statement (where an added import can go after)
}

// AllImports are the file's imports: at module level and inside upgrade()
// and downgrade() (with the helpers they call).
func (m *Migration) AllImports() []Import {
	out := slices.Clip(m.Imports)
	for _, f := range []*Function{m.Upgrade, m.Downgrade} {
		if f != nil {
			out = append(out, f.Imports...)
		}
	}
	return out
}

// Qualified is the full dotted name the local name stands for.
func (i Import) Qualified() string {
	if i.Name == "" {
		return i.Module
	}
	return i.Module + "." + i.Name
}

// BodyKind summarises what a function body holds.
type BodyKind string

const (
	BodyMissing BodyKind = "missing" // no such function
	BodyEmpty   BodyKind = "empty"   // only pass, docstrings, comments or ellipsis
	BodyRaise   BodyKind = "raise"   // raises (e.g. NotImplementedError) before any operation
	BodyCode    BodyKind = "code"    // anything else
)

// Function is upgrade() or downgrade() with its operations in execution order.
type Function struct {
	Name   string
	Params []string // the parameters' names (`def upgrade(op)` is called with alembic's op)
	// Decorated: a decorator wraps the function (@per_tenant runs the body
	// once per schema): how often its body runs is not known.
	Decorated bool
	Span      Span // the whole definition
	Body      Span // the block
	Indent    string
	Kind      BodyKind
	Ops       []*Op
	LastStmt  Span // the last statement of the body, where appended code goes
	// Imports are the import statements inside the body (and the helpers it calls).
	Imports []Import
	// Switches are the statements that switch the migration's own connection
	// to autocommit, in order.
	Switches []*Switch
	// Warnings are the texts of the warnings the function logs
	// (logger.warning(...), warnings.warn(...)): what it tells the operator.
	Warnings []string
}

// Switch is a call <bind>.execution_options(isolation_level="AUTOCOMMIT") on
// the migration's connection (op.get_bind(), a name holding it), on its own
// or assigned to a name. The operations after it run outside the transaction
// (Op.Switched).
type Switch struct {
	Call *Expr
	// After counts the function's operations before it.
	After int
	// AfterCommit: the operation just before it is <bind>.commit(), which
	// ends the transaction first.
	AfterCommit bool
}

// Op is one operation in upgrade or downgrade.
type Op struct {
	Name     string // Alembic name ("add_column"), or EnumCreate/EnumDrop/BindExecute/UnknownCall
	Receiver string // "op", "batch_op", "" for bare imported functions
	Call     *Expr  // the call expression
	Stmt     Span   // the whole statement holding the call
	Indent   string // indentation of the statement

	// Args are the arguments bound to Alembic's parameter names; Varargs are the
	// *columns / *elements; Extra are **kw keywords (dialect options). A name
	// that certainly holds a string here (a module constant bound once at top
	// level, a local assigned before the call on every path, the variable of an
	// unrolled loop) is read as that string, also inside an argument
	// (sa.Column(NAME, ...)): a String whose Span is the name at the call and
	// whose Text is Python for the value anywhere in the module (the constant's
	// name, else the literal). Call keeps the source as written.
	Args    map[string]*Expr
	Varargs []*Expr
	Extra   map[string]*Expr
	// Unbound is set when *args/**kwargs hide what is bound: rules must not assume.
	Unbound bool
	// ArgProblems are arguments Alembic would reject (unknown keyword, arity).
	ArgProblems []string

	Batch      *Batch // inside `with op.batch_alter_table(...) as x:`
	Autocommit bool   // inside `with op.get_context().autocommit_block():`
	// Switched: after a statement switched the migration's connection to
	// autocommit (op.get_bind().execution_options(isolation_level="AUTOCOMMIT")
	// on its own): the operation runs outside the transaction, which the
	// switch rolled back (SQLAlchemy 1.4 with psycopg2).
	Switched bool
	// Committed: after a COMMIT statement of the same block. psycopg2 does
	// not parse SQL, so it sends no new BEGIN: the operation runs outside any
	// transaction until alembic commits at the end.
	Committed   bool
	Conditional bool   // inside if/for/while/try, or after a conditional return (see Loop, Guarded)
	Helper      string // reached through this same-file helper function
	Engine      string // from upgrade_<engine>() in multi-database templates
	// Loop is set inside a loop over literal values (a list, tuple or dict, a
	// name holding one, enumerate or zip of them), which is walked once per
	// value: the loop variables and their values in this iteration. Such an op
	// is not Conditional unless an iteration may end early (break, continue,
	// return); each iteration's op has the same Call and Stmt.
	Loop map[string]*Expr
	// OnDialect is set on the certain copy of an operation that tests of the
	// dialect name chose, made for the dialect a rule checks (it runs in a
	// branch the other dialects skip).
	OnDialect bool
	// Guarded is set after an early-return guard passed on every path: an if
	// without else whose branches only return, pass or log (`if <cond>:
	// return`). The op runs in every normal case, so it is not Conditional
	// and counts as Certain, but the guard's condition may skip it.
	Guarded bool
	// Inspections are the conditions that read the database's schema and
	// decide whether the operation runs: of the if blocks around it and of
	// the early-return guards passed (`if "t" in
	// sa.inspect(bind).get_table_names():`, `if not bind.dialect.has_table(bind,
	// "t"): return`, `if _column_exists("t", "c"):`). One condition is shared by
	// the operations it decides.
	Inspections []*Inspection
	// OnlyDialect and SkipDialects come from tests of the dialect name
	// (bind.dialect.name == "sqlite", != "postgresql", op.get_context().dialect.name,
	// a local holding it) in the guards passed and the if blocks around the op:
	// it runs only on OnlyDialect when set, and never on SkipDialects. See RunsOn.
	OnlyDialect  string
	SkipDialects []string
	// ByDialect: the operation is Conditional only through if blocks whose
	// branch the dialect name alone chooses (`if bind.dialect.name ==
	// "sqlite": ... else: ...`): on a dialect it RunsOn, it certainly runs.
	ByDialect bool

	SQL *SQL // for execute-like operations

	// Resolved maps an argument that is a variable name to the value last
	// assigned to it, for values other than strings (columns, types).
	Resolved map[string]*Expr
	// Target is the enum type of EnumCreate/EnumDrop, TargetVar the variable holding it.
	Target    *Expr
	TargetVar string
	// Locals are the function's assignments seen so far, for resolving names.
	Locals map[string]*Expr
}

// Inspection is a condition that reads the database's schema (see
// Op.Inspections).
type Inspection struct {
	// Names are the strings it names, itself or through the names and the
	// same-file helpers it reads, in lower case: the tables, columns or
	// indexes it looks for, among others.
	Names []string
	// Listed: the operations run once for each object it lists (a for loop
	// over an inspector's list), each on an object that exists.
	Listed bool
}

// Value returns a bound argument with variables resolved to their assigned value.
func (o *Op) Value(name string) *Expr {
	if r := o.Resolved[name]; r != nil {
		return r
	}
	return o.Args[name]
}

// Pseudo-operations that are not Alembic op calls but matter to the rules.
const (
	EnumCreate  = "enum.create"  // <enum>.create(bind, ...)
	EnumDrop    = "enum.drop"    // <enum>.drop(bind, ...)
	BindExecute = "bind.execute" // connection.execute(...) / op.get_bind().execute(...)
	UnknownCall = "unknown"      // a call we cannot see into (it may change data or schema)
)

// Batch is the batch_alter_table block an operation belongs to.
type Batch struct {
	Table string
	Alias string
	Op    *Op // the batch_alter_table call itself
}

// Receiver is the name the block's operations are called on: its alias, or
// batch_op (what code written for the block would name it) when it binds
// none.
func (b *Batch) Receiver() string {
	if b.Alias == "" {
		return "batch_op"
	}
	return b.Alias
}

// OpsReceiver is the name the operation's call reaches alembic.op through
// ("op", "alembic.op", an alias, an `op` parameter); "" for a batch
// operation, a bare imported function and a call of no Alembic operation.
func (o *Op) OpsReceiver() string {
	if _, alembic := opSignatures[o.Name]; !alembic || o.Batch != nil && o.Receiver == o.Batch.Alias {
		return ""
	}
	return o.Receiver
}

// Arg returns a bound argument or nil.
func (o *Op) Arg(name string) *Expr { return o.Args[name] }

// ArgString returns a bound argument's string value (a literal, or a name
// that certainly holds one).
func (o *Op) ArgString(name string) (string, bool) { return o.Args[name].StringValue() }

// Table is the table the operation applies to, when its string is known (or the batch table).
func (o *Op) Table() (string, bool) {
	if s, ok := o.ArgString("table_name"); ok {
		return s, true
	}
	for _, name := range []string{"source_table", "old_table_name"} {
		if s, ok := o.ArgString(name); ok {
			return s, true
		}
	}
	return "", false
}

// alterChanges are the arguments with which alter_column asks for a change;
// all but server_default (ALTER COLUMN SET DEFAULT) make Alembic restate the
// whole column on MySQL/MariaDB (MODIFY/CHANGE).
var alterChanges = []string{"new_column_name", "nullable", "type_", "autoincrement", "comment", "server_default"}

// AltersColumn reports whether an alter_column asks for a change: without
// one (only existing_* facts, or keywords Alembic ignores such as type=),
// Alembic emits no SQL.
func (o *Op) AltersColumn() bool {
	return slices.ContainsFunc(alterChanges, func(a string) bool { return o.Arg(a) != nil })
}

// RestatesOnMySQL reports whether an alter_column restates the whole column
// on MySQL/MariaDB (comment=False is alter_column's "unchanged").
func (o *Op) RestatesOnMySQL() bool {
	return o.Name == "alter_column" && slices.ContainsFunc(alterChanges, func(a string) bool {
		v := o.Arg(a)
		on, literal := v.BoolValue()
		return v != nil && a != "server_default" && (a != "comment" || !literal || on)
	})
}

// Certain reports whether the operation always runs exactly as written
// (after any guards, on the dialects it runs on).
func (o *Op) Certain() bool { return !o.Conditional && !o.Unbound }

// OutsideTransaction reports whether the operation runs outside the
// migration's transaction: inside autocommit_block(), after the migration's
// connection was switched to autocommit (Switched) or a COMMIT statement
// (Committed), or as a statement on a
// connection switched to autocommit
// (conn.execution_options(isolation_level="AUTOCOMMIT").execute(...)).
func (o *Op) OutsideTransaction() bool {
	if o.Autocommit || o.Switched || o.Committed {
		return true
	}
	if o.Name != BindExecute || o.Call == nil || o.Call.Func().Kind != pysyntax.Attribute {
		return false
	}
	conn := o.Call.Func().Object
	for range 4 { // follow conn = ...; ac = conn.execution_options(...)
		if conn == nil || conn.Kind != pysyntax.Name || o.Locals[conn.Name] == nil {
			break
		}
		conn = o.Locals[conn.Name]
	}
	return switchesToAutocommit(conn)
}

// switchesToAutocommit: <connection>.execution_options(isolation_level="AUTOCOMMIT").
func switchesToAutocommit(call *Expr) bool {
	if call == nil || call.Kind != pysyntax.Call || call.Func().Kind != pysyntax.Attribute || call.Func().Name != "execution_options" {
		return false
	}
	level, _ := call.Keyword("isolation_level").StringValue()
	return strings.EqualFold(level, "AUTOCOMMIT")
}

// RunsOn reports whether the operation may run on a dialect ("postgresql",
// "sqlite", ...), as far as the dialect tests around it tell.
func (o *Op) RunsOn(dialect string) bool {
	if o.OnlyDialect != "" {
		return o.OnlyDialect == dialect
	}
	return !slices.Contains(o.SkipDialects, dialect)
}
