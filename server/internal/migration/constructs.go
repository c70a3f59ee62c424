package migration

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// constructShape is the statement a SQLAlchemy construct given to execute
// runs, as far as the expression shows (see SQL.Shape): a chain of calls
// through update(), insert(), delete() or select() reads or writes rows of a
// table not read here (meltano's users.update().where(...).values(...),
// Spoolman's sa.update(spool) kept in a variable); CreateSequence(Sequence("s")),
// DropSequence, CreateSchema("s") and DropSchema make or drop an object the
// schema model does not follow (ppr's sequences, indico-plugins' schemas).
// Each of these left the rest of a history unknown to the rules. A chain
// may start at a name: resolve gives its value (onyx's
// insert_statement.on_conflict_do_update(...), insert_statement being a
// postgresql.insert(table).values(...)).
func constructShape(e *Expr, resolve func(*Expr) *Expr) []Statement {
	if e == nil || e.Kind != pysyntax.Call {
		return nil
	}
	switch pysyntax.LastName(e.CallName()) {
	case "CreateSequence", "DropSequence":
		return untrackedShape(e, "SEQUENCE", sequenceName(e))
	case "CreateSchema", "DropSchema":
		name, _ := argOrNil(e, 0).StringValue()
		return untrackedShape(e, "SCHEMA", name)
	}
	for e != nil && e.Kind == pysyntax.Call {
		f := e.Func()
		if f == nil || f.Kind != pysyntax.Name && f.Kind != pysyntax.Attribute {
			return nil
		}
		if kind := rowsBuilders[f.Name]; kind != "" {
			return []Statement{{Kind: kind, Verb: string(kind)}}
		}
		if f.Kind == pysyntax.Name {
			return nil
		}
		if e = f.Object; e.Kind == pysyntax.Name && resolve != nil {
			e, resolve = resolve(e), nil // once: a name's value is no name
		}
	}
	return nil
}

// rowsBuilders are the SQLAlchemy functions and Table methods that build a
// statement reading or writing rows, and its kind.
var rowsBuilders = map[string]StatementKind{"update": SQLUpdate, "insert": SQLInsert, "delete": SQLDelete, "select": SQLSelect}

// untrackedShape is the CREATE or DROP of a kind of object the schema model
// does not follow; nil when the name of a schema is not a literal (a
// sequence's may be unknown: onyx's CreateSequence(sequence), bitcart's
// Sequence imported under another name).
func untrackedShape(e *Expr, kind, name string) []Statement {
	if name == "" && kind != "SEQUENCE" {
		return nil
	}
	creates := strings.HasPrefix(pysyntax.LastName(e.CallName()), "Create")
	st := Statement{Kind: SQLUntracked, ObjectKind: kind, Name: name, Creates: creates, Verb: "DROP"}
	if creates {
		st.Verb = "CREATE " + kind
	}
	st.IfNotExists, _ = e.Keyword("if_not_exists").BoolValue()
	st.IfExists, _ = e.Keyword("if_exists").BoolValue()
	return []Statement{st}
}

// sequenceName is the name of the Sequence(...) a CreateSequence or
// DropSequence is given, or "".
func sequenceName(e *Expr) string {
	seq := argOrNil(e, 0)
	if seq == nil || seq.Kind != pysyntax.Call || pysyntax.LastName(seq.CallName()) != "Sequence" {
		return ""
	}
	name, _ := argOrNil(seq, 0).StringValue()
	return name
}
