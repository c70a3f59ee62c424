package migration

import (
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v6"
)

// Condition is a WHERE clause that tests one column against constants:
// column IS NULL, column = constant, column IN (constants), or a negation of
// one of them (IS NOT NULL, <>, NOT IN, NOT (...)). Test is the test with its
// constants, the same for a test and its negation; the zero Condition is any
// other clause.
type Condition struct {
	Column, Test string
	Negated      bool
	// Within is the path when the test is of a value inside the column,
	// read with JSON's operators (data->>'name' IS NULL): they give NULL for
	// a NULL column, so the test selects the rows where it is NULL too.
	Within string
}

// isNullTest is the Test of column IS NULL.
const isNullTest = "IS NULL"

// SelectsNulls reports whether the condition is column IS NULL.
func (c Condition) SelectsNulls(column string) bool {
	return c.Test == isNullTest && !c.Negated && strings.EqualFold(c.Column, column)
}

// Complements reports whether c and d are a test and its negation: between
// them they select every row, but for those where the column is NULL when
// the test compares it with constants (NULL = 'a' and NULL <> 'a' are both
// unknown).
func (c Condition) Complements(d Condition) bool {
	return c.Test != "" && strings.EqualFold(c.Column, d.Column) && c.Within == d.Within && c.Test == d.Test && c.Negated != d.Negated
}

// NullSafe reports whether the test selects rows whose column is NULL too
// (IS NULL, or its negation on the others).
func (c Condition) NullSafe() bool { return c.Test == isNullTest }

// condition reads a WHERE clause as a Condition (zero when it is not one).
func condition(n *pg.Node) Condition {
	switch e := n.GetNode().(type) {
	case *pg.Node_NullTest:
		negated := e.NullTest.Nulltesttype == pg.NullTestType_IS_NOT_NULL
		if column, ok := columnName(e.NullTest.Arg); ok {
			return Condition{Column: column, Test: isNullTest, Negated: negated}
		}
		// digitalmarketplace-api's DELETE ... WHERE data->>'serviceName' IS NULL
		// took the rows where data is NULL along (judged)
		if column, path, ok := jsonPath(e.NullTest.Arg); ok {
			return Condition{Column: column, Test: isNullTest, Negated: negated, Within: path}
		}
	case *pg.Node_BoolExpr:
		if e.BoolExpr.Boolop == pg.BoolExprType_NOT_EXPR && len(e.BoolExpr.Args) == 1 {
			if c := condition(e.BoolExpr.Args[0]); c.Test != "" {
				c.Negated = !c.Negated
				return c
			}
		}
	case *pg.Node_AExpr:
		a := e.AExpr
		column, ok := columnName(a.Lexpr)
		op := lastName(a.Name)
		if !ok || op != "=" && op != "<>" {
			break
		}
		switch a.Kind {
		case pg.A_Expr_Kind_AEXPR_OP:
			if value, ok := constant(a.Rexpr); ok {
				return Condition{Column: column, Test: "= " + value, Negated: op == "<>"}
			}
		case pg.A_Expr_Kind_AEXPR_IN:
			var values []string
			for _, item := range a.Rexpr.GetList().GetItems() {
				value, ok := constant(item)
				if !ok {
					return Condition{}
				}
				values = append(values, value)
			}
			slices.Sort(values)
			return Condition{Column: column, Test: "IN (" + strings.Join(values, ", ") + ")", Negated: op == "<>"}
		}
	}
	return Condition{}
}

// jsonPath reads a value inside a column: the column, read with JSON's
// operators (->, ->>, #>, #>>) and constant keys, and the path written
// after it.
func jsonPath(n *pg.Node) (column, path string, ok bool) {
	a := n.GetAExpr()
	if a == nil || a.Kind != pg.A_Expr_Kind_AEXPR_OP {
		return "", "", false
	}
	switch op := lastName(a.Name); op {
	case "->", "->>", "#>", "#>>":
		key, known := constant(a.Rexpr)
		if !known {
			return "", "", false
		}
		if column, ok = columnName(a.Lexpr); ok {
			return column, op + key, true
		}
		if column, path, ok = jsonPath(a.Lexpr); ok {
			return column, path + op + key, true
		}
	}
	return "", "", false
}

// columnName is the column a column reference names (without its table).
func columnName(n *pg.Node) (string, bool) {
	ref := n.GetColumnRef()
	if ref == nil {
		return "", false
	}
	name := lastName(ref.Fields)
	return name, name != ""
}

// constant is a literal other than NULL (with its cast), as one string.
func constant(n *pg.Node) (string, bool) {
	if cast := n.GetTypeCast(); cast != nil {
		value, ok := constant(cast.Arg)
		return value + "::" + lastName(cast.GetTypeName().GetNames()), ok
	}
	c := n.GetAConst()
	switch {
	case c == nil || c.Isnull:
		return "", false
	case c.GetIval() != nil:
		return strconv.Itoa(int(c.GetIval().Ival)), true
	case c.GetFval() != nil:
		return c.GetFval().Fval, true
	case c.GetBoolval() != nil:
		return strconv.FormatBool(c.GetBoolval().Boolval), true
	case c.GetSval() != nil:
		return strconv.Quote(c.GetSval().Sval), true
	case c.GetBsval() != nil:
		return "B" + strconv.Quote(c.GetBsval().Bsval), true
	}
	return "", false
}

// noValue reports whether an expression is a literal NULL (cast or not) or
// DEFAULT: it gives the column no value of its own.
func noValue(n *pg.Node) bool {
	if cast := n.GetTypeCast(); cast != nil {
		return noValue(cast.Arg)
	}
	return n.GetAConst().GetIsnull() || n.GetSetToDefault() != nil
}

// neverNull reports whether an expression certainly gives a value other
// than NULL: a constant, a function called without arguments (now(),
// gen_random_uuid()), CURRENT_TIMESTAMP and the like, a cast of one, or
// COALESCE ending in one. A column, a scalar subquery (no row is NULL), a
// CASE without ELSE or an operator on NULL may give NULL.
func neverNull(n *pg.Node) bool {
	switch e := n.GetNode().(type) {
	case *pg.Node_AConst:
		return !e.AConst.Isnull
	case *pg.Node_TypeCast:
		return neverNull(e.TypeCast.Arg)
	case *pg.Node_SqlvalueFunction:
		return true
	case *pg.Node_FuncCall:
		return len(e.FuncCall.Args) == 0 && !e.FuncCall.AggStar
	case *pg.Node_CoalesceExpr:
		args := e.CoalesceExpr.Args
		return len(args) > 0 && neverNull(args[len(args)-1])
	}
	return false
}

// updated reads what an UPDATE writes: the columns it sets, those it
// certainly sets to a value (see neverNull) or to one a row of another table
// holds (see Lookup), and its WHERE clause as a Condition.
func updated(st *Statement, u *pg.UpdateStmt) {
	for _, t := range u.TargetList {
		if r := t.GetResTarget(); r != nil {
			st.SetColumns = append(st.SetColumns, r.Name)
			if neverNull(r.Val) {
				st.SetValues = append(st.SetValues, r.Name)
			} else if l, ok := lookup(u.Relation, r.Val); ok {
				l.Column = r.Name
				st.SetLookups = append(st.SetLookups, l)
			}
		}
	}
	st.Condition = condition(u.WhereClause)
}

// Lookup is an UPDATE's SET Column = (SELECT Value FROM From WHERE
// From.Key = Ref), Ref a column of the table updated: the value of the row
// of From the key finds, NULL when it finds none (the schema replay knows
// when it always finds one).
type Lookup struct {
	Column, From, Value, Key, Ref string
}

// lookup reads a Lookup from the value an UPDATE of table sets: a scalar
// subquery of one column of one table, the row chosen by one equality
// between a column of that table and one of the table updated, each
// qualified by its table (or alias).
func lookup(table *pg.RangeVar, n *pg.Node) (Lookup, bool) {
	link := n.GetSubLink()
	if link == nil || link.SubLinkType != pg.SubLinkType_EXPR_SUBLINK {
		return Lookup{}, false
	}
	sel := link.Subselect.GetSelectStmt()
	if sel == nil || sel.Op != pg.SetOperation_SETOP_NONE || len(sel.TargetList) != 1 || len(sel.FromClause) != 1 ||
		len(sel.GroupClause) > 0 || sel.HavingClause != nil || len(sel.DistinctClause) > 0 || sel.WithClause != nil {
		return Lookup{}, false
	}
	from := sel.FromClause[0].GetRangeVar()
	eq := sel.WhereClause.GetAExpr()
	if from == nil || from.Schemaname != "" || table.Schemaname != "" || eq == nil || eq.Kind != pg.A_Expr_Kind_AEXPR_OP ||
		len(eq.Name) != 1 || eq.Name[0].GetString_().GetSval() != "=" {
		return Lookup{}, false
	}
	// the value: a column of From, named alone (the subquery's table comes
	// first) or with its table
	value, ok := columnOf(sel.TargetList[0].GetResTarget().GetVal(), from, true)
	if !ok {
		return Lookup{}, false
	}
	key, keyOK := columnOf(eq.Lexpr, from, false)
	ref, refOK := columnOf(eq.Rexpr, table, false)
	if !keyOK || !refOK {
		key, keyOK = columnOf(eq.Rexpr, from, false)
		ref, refOK = columnOf(eq.Lexpr, table, false)
	}
	if !keyOK || !refOK || from.Relname == table.Relname {
		return Lookup{}, false
	}
	return Lookup{From: from.Relname, Value: value, Key: key, Ref: ref}, true
}

// columnOf is the column a column reference names of a table: qualified by
// the table's alias, or its name when it has none (or unqualified, when
// alone allows it).
func columnOf(n *pg.Node, table *pg.RangeVar, alone bool) (string, bool) {
	ref := n.GetColumnRef()
	if ref == nil {
		return "", false
	}
	var names []string
	for _, f := range ref.Fields {
		s := f.GetString_()
		if s == nil {
			return "", false // table.*
		}
		names = append(names, s.Sval)
	}
	qualifier := table.Relname
	if table.Alias != nil {
		qualifier = table.Alias.Aliasname
	}
	switch {
	case len(names) == 1 && alone:
		return names[0], true
	case len(names) == 2 && names[0] == qualifier:
		return names[1], true
	}
	return "", false
}

// inserted reads the column list of an INSERT and the shape of its rows.
func inserted(st *Statement, i *pg.InsertStmt) {
	for _, c := range i.Cols {
		st.InsertColumns = append(st.InsertColumns, c.GetResTarget().GetName())
	}
	st.InsertWidth, st.InsertNullAt = rowShape(i.SelectStmt.GetSelectStmt())
}

// rowShape is how many values each row of an INSERT's query has (0 when not
// known) and the positions where some row has no value of its own (see
// noValue).
func rowShape(s *pg.SelectStmt) (width int, nulls []int) {
	note := func(row []*pg.Node) bool {
		if width != 0 && len(row) != width {
			return false
		}
		width = len(row)
		for i, v := range row {
			if noValue(v) && !slices.Contains(nulls, i) {
				nulls = append(nulls, i)
			}
		}
		return true
	}
	switch {
	case s == nil:
		return 0, nil // DEFAULT VALUES
	case s.Op != pg.SetOperation_SETOP_NONE:
		lw, ln := rowShape(s.Larg)
		rw, rn := rowShape(s.Rarg)
		if lw == 0 || lw != rw {
			return 0, nil
		}
		width = lw
		for _, i := range slices.Concat(ln, rn) {
			if !slices.Contains(nulls, i) {
				nulls = append(nulls, i)
			}
		}
		return width, nulls
	case len(s.ValuesLists) > 0:
		for _, row := range s.ValuesLists {
			if !note(row.GetList().GetItems()) {
				return 0, nil
			}
		}
		return width, nulls
	}
	values := make([]*pg.Node, 0, len(s.TargetList))
	for _, t := range s.TargetList {
		v := t.GetResTarget().GetVal()
		if ref := v.GetColumnRef(); ref != nil && slices.ContainsFunc(ref.Fields, func(f *pg.Node) bool { return f.GetAStar() != nil }) {
			return 0, nil // SELECT *: as many as the table read has
		}
		values = append(values, v)
	}
	note(values)
	return width, nulls
}

// Supplies reports whether an INSERT gives the column a value of its own
// in every row (not a literal NULL or DEFAULT), for a table of width
// columns: named in its column list, or, without one, when its rows have a
// value for each column of the table and none is NULL or DEFAULT.
func (st Statement) Supplies(column string, width int) bool {
	if st.InsertColumns == nil {
		return st.InsertWidth == width && width > 0 && len(st.InsertNullAt) == 0
	}
	at := slices.IndexFunc(st.InsertColumns, func(c string) bool { return strings.EqualFold(c, column) })
	return at >= 0 && st.InsertWidth == len(st.InsertColumns) && !slices.Contains(st.InsertNullAt, at)
}
