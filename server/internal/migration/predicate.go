package migration

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v6"

	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// Predicate is a boolean SQL expression read with PostgreSQL's parser, such
// as the WHERE clause of a partial index (postgresql_where=).
type Predicate struct{ where *pg.Node }

// ParsePredicate reads a boolean SQL expression; ok is false when it does not
// parse as one expression.
func ParsePredicate(text string) (p Predicate, ok bool) {
	r := sqlparse.Parse("SELECT 1 WHERE " + text)
	if r.Err != nil || len(r.Statements) != 1 {
		return Predicate{}, false
	}
	sel := r.Statements[0].Node.GetSelectStmt()
	if sel == nil || sel.WhereClause == nil {
		return Predicate{}, false
	}
	return Predicate{where: sel.WhereClause}, true
}

// Columns are the names of the columns the predicate reads.
func (p Predicate) Columns() []string { return columnRefs(p.where) }

// FalseWhenNull reports whether the predicate is certainly not true in a row
// where column is NULL (it is false or NULL there).
func (p Predicate) FalseWhenNull(column string) bool { return notTrueWhenNull(p.where, column) }

func notTrueWhenNull(n *pg.Node, column string) bool {
	if nullWhenNull(n, column) {
		return true
	}
	switch e := n.GetNode().(type) {
	case *pg.Node_NullTest: // column IS NOT NULL
		return e.NullTest.Nulltesttype == pg.NullTestType_IS_NOT_NULL && nullWhenNull(e.NullTest.Arg, column)
	case *pg.Node_BooleanTest: // column IS TRUE
		return e.BooleanTest.Booltesttype == pg.BoolTestType_IS_TRUE && nullWhenNull(e.BooleanTest.Arg, column)
	case *pg.Node_BoolExpr:
		args := e.BoolExpr.Args
		switch e.BoolExpr.Boolop {
		case pg.BoolExprType_AND_EXPR:
			for _, a := range args {
				if notTrueWhenNull(a, column) {
					return true
				}
			}
		case pg.BoolExprType_OR_EXPR:
			for _, a := range args {
				if !notTrueWhenNull(a, column) {
					return false
				}
			}
			return len(args) > 0
		case pg.BoolExprType_NOT_EXPR: // NOT (column IS NULL)
			t := args[0].GetNullTest()
			return t != nil && t.Nulltesttype == pg.NullTestType_IS_NULL && nullWhenNull(t.Arg, column)
		}
	}
	return false
}

// nullWhenNull reports whether an expression is NULL wherever column is: the
// column itself, a cast of it, a comparison or LIKE with it on one side, IN
// with it on the left, NOT of such an expression.
func nullWhenNull(n *pg.Node, column string) bool {
	switch e := n.GetNode().(type) {
	case *pg.Node_ColumnRef:
		return strings.EqualFold(lastName(e.ColumnRef.Fields), column)
	case *pg.Node_TypeCast:
		return nullWhenNull(e.TypeCast.Arg, column)
	case *pg.Node_AExpr:
		a := e.AExpr
		switch a.Kind {
		case pg.A_Expr_Kind_AEXPR_OP:
			return comparisons[lastName(a.Name)] && (nullWhenNull(a.Lexpr, column) || nullWhenNull(a.Rexpr, column))
		case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE:
			return nullWhenNull(a.Lexpr, column) || nullWhenNull(a.Rexpr, column)
		case pg.A_Expr_Kind_AEXPR_IN: // 'a' IN ('a', column) is true
			return nullWhenNull(a.Lexpr, column)
		}
	case *pg.Node_BoolExpr:
		return e.BoolExpr.Boolop == pg.BoolExprType_NOT_EXPR && nullWhenNull(e.BoolExpr.Args[0], column)
	}
	return false
}

// comparisons are the operators whose result is NULL when an operand is (other
// operators may not be: ARRAY[1] || NULL is {1}).
var comparisons = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}
