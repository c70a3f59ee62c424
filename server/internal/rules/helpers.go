package rules

import (
	"maps"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// sortedKeys gives deterministic iteration over a map.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// isEnumCall reports whether e constructs sa.Enum / postgresql.ENUM.
func isEnumCall(e *pysyntax.Expr) bool {
	n := pysyntax.LastName(e.CallName())
	return n == "Enum" || n == "ENUM"
}

// importAlias is the local name the module uses for a qualified import
// ("sqlalchemy" -> "sa"), or "" when it is not imported.
func importAlias(m *migration.Migration, qualified string) string {
	for _, imp := range m.Imports {
		if imp.Qualified() == qualified {
			return imp.Local
		}
	}
	return ""
}

// opReceiver is how the module calls operations ("op" unless aliased).
func opReceiver(m *migration.Migration) string {
	if alias := importAlias(m, "alembic.op"); alias != "" {
		return alias
	}
	return "op"
}

// statementAfter returns where to insert a new statement after an operation, and
// its indentation: after the whole batch block when the operation is in one
// (batch operations run when the block exits).
func statementAfter(o *migration.Op) (offset int, indent string) {
	if o.Batch != nil && o.Batch.Op != nil {
		return o.Batch.Op.Stmt.End, o.Batch.Op.Indent
	}
	return o.Stmt.End, o.Indent
}

// insertAfter is an edit adding a line after an operation.
func insertAfter(o *migration.Op, code string) TextEdit {
	at, indent := statementAfter(o)
	return TextEdit{Start: at, End: at, NewText: "\n" + indent + code}
}

// insertBefore is an edit adding a line before an operation.
func insertBefore(o *migration.Op, code string) TextEdit {
	start, indent := o.Stmt.Start, o.Indent
	if o.Batch != nil && o.Batch.Op != nil {
		start, indent = o.Batch.Op.Stmt.Start, o.Batch.Op.Indent
	}
	return TextEdit{Start: start, End: start, NewText: code + "\n" + indent}
}

// quote writes a Python string literal in the quote style the file uses most.
func quote(m *migration.Migration, s string) string {
	single, double := 0, 0
	for _, b := range m.Source {
		switch b {
		case '\'':
			single++
		case '"':
			double++
		}
	}
	if single > double {
		return "'" + s + "'"
	}
	return `"` + s + `"`
}
