package migration

import (
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// CheckCondition renders the condition of a check constraint as SQL text. It
// reads a string, sa.text("...") and SQLAlchemy expressions on sa.column("c"):
// .is_not(None) / .isnot(None) / .is_(None), == != < <= > >= against literals
// (== None is IS NULL), .in_([...]), .between(a, b), & | ~ and
// and_ / or_ / not_ of those. ok is false when the condition is anything else.
func (o *Op) CheckCondition() (sql string, ok bool) { return ConditionSQL(o.Value("condition")) }

// ConditionSQL renders a check condition as SQL: a string, or a SQLAlchemy
// expression (sa.column("x").isnot(None)) when it can be.
func ConditionSQL(e *Expr) (sql string, ok bool) {
	c, ok := conditionSQL(e, 0)
	return c.sql, ok
}

// Precedence of rendered conditions, to parenthesize an operand only where needed.
const (
	precRaw     = iota // SQL text of unknown shape: always parenthesized inside another condition
	precOr             // a OR b
	precAnd            // a AND b
	precNot            // NOT a
	precCompare        // a = b, a IS NULL, a IN (...)
	precAtom           // a column or a literal
)

type renderedSQL struct {
	sql  string
	prec int
}

// within renders c as an operand of an operator of precedence prec.
func (c renderedSQL) within(prec int) string {
	if c.prec < prec || c.prec == precRaw {
		return "(" + c.sql + ")"
	}
	return c.sql
}

var sqlComparisons = map[string]string{"==": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

// maxConditionDepth bounds the nesting rendered (and the recursion).
const maxConditionDepth = 32

func conditionSQL(e *Expr, depth int) (renderedSQL, bool) {
	if e == nil || depth > maxConditionDepth {
		return renderedSQL{}, false
	}
	if s, ok := e.StringValue(); ok {
		return renderedSQL{s, precRaw}, true
	}
	if s, ok := SQLText(e); ok {
		return renderedSQL{s, precRaw}, true
	}
	switch e.Kind {
	case pysyntax.Operator:
		switch {
		case sqlComparisons[e.Name] != "" && len(e.Args) == 2:
			return comparisonSQL(e.Args[0], e.Name, e.Args[1])
		case (e.Name == "&" || e.Name == "|") && len(e.Args) == 2:
			return joinedSQL(e.Name == "&", e.Args, depth)
		case e.Name == "~" && len(e.Args) == 1:
			return notSQL(e.Args[0], depth)
		}
	case pysyntax.Call:
		if len(e.Keywords()) > 0 {
			return renderedSQL{}, false
		}
		switch pysyntax.LastName(e.CallName()) {
		case "and_", "or_":
			if len(e.Args) > 0 {
				return joinedSQL(pysyntax.LastName(e.CallName()) == "and_", e.Args, depth)
			}
		case "not_":
			if len(e.Args) == 1 {
				return notSQL(e.Args[0], depth)
			}
		}
		if e.Func().Kind == pysyntax.Attribute {
			return methodSQL(e.Func().Object, e.Func().Name, e.Args)
		}
	}
	return renderedSQL{}, false
}

func joinedSQL(and bool, operands []*Expr, depth int) (renderedSQL, bool) {
	if len(operands) == 1 {
		return conditionSQL(operands[0], depth+1)
	}
	word, prec := " OR ", precOr
	if and {
		word, prec = " AND ", precAnd
	}
	parts := make([]string, len(operands))
	for i, a := range operands {
		c, ok := conditionSQL(a, depth+1)
		if !ok {
			return renderedSQL{}, false
		}
		parts[i] = c.within(prec)
	}
	return renderedSQL{strings.Join(parts, word), prec}, true
}

func notSQL(operand *Expr, depth int) (renderedSQL, bool) {
	c, ok := conditionSQL(operand, depth+1)
	if !ok {
		return renderedSQL{}, false
	}
	return renderedSQL{"NOT " + c.within(precAtom), precNot}, true
}

// comparisonSQL renders column <op> value (either side may be the column).
func comparisonSQL(left *Expr, operator string, right *Expr) (renderedSQL, bool) {
	l, lColumn := sqlOperand(left)
	r, rColumn := sqlOperand(right)
	if l == "" || r == "" || !lColumn && !rColumn {
		return renderedSQL{}, false
	}
	if operator == "==" || operator == "!=" {
		nullTest := map[string]string{"==": " IS NULL", "!=": " IS NOT NULL"}[operator]
		switch {
		case right.IsNone():
			return renderedSQL{l + nullTest, precCompare}, true
		case left.IsNone():
			return renderedSQL{r + nullTest, precCompare}, true
		}
	}
	return renderedSQL{l + " " + sqlComparisons[operator] + " " + r, precCompare}, true
}

// methodSQL renders column.<method>(args).
func methodSQL(object *Expr, method string, args []*Expr) (renderedSQL, bool) {
	col, ok := columnSQL(object)
	if !ok {
		return renderedSQL{}, false
	}
	switch {
	case (method == "is_not" || method == "isnot") && len(args) == 1 && args[0].IsNone():
		return renderedSQL{col + " IS NOT NULL", precCompare}, true
	case method == "is_" && len(args) == 1 && args[0].IsNone():
		return renderedSQL{col + " IS NULL", precCompare}, true
	case (method == "in_" || method == "not_in" || method == "notin_") && len(args) == 1 &&
		(args[0].Kind == pysyntax.List || args[0].Kind == pysyntax.Tuple) && len(args[0].Args) > 0:
		values := make([]string, len(args[0].Args))
		for i, a := range args[0].Args {
			v, isColumn := sqlOperand(a)
			if v == "" || isColumn {
				return renderedSQL{}, false
			}
			values[i] = v
		}
		in := " IN ("
		if method != "in_" {
			in = " NOT IN ("
		}
		return renderedSQL{col + in + strings.Join(values, ", ") + ")", precCompare}, true
	case method == "between" && len(args) == 2:
		low, _ := sqlOperand(args[0])
		high, _ := sqlOperand(args[1])
		if low == "" || high == "" {
			return renderedSQL{}, false
		}
		return renderedSQL{col + " BETWEEN " + low + " AND " + high, precCompare}, true
	}
	return renderedSQL{}, false
}

// sqlOperand renders a column or a literal value; "" when it is neither.
func sqlOperand(e *Expr) (sql string, isColumn bool) {
	if col, ok := columnSQL(e); ok {
		return col, true
	}
	switch {
	case e == nil:
	case e.Kind == pysyntax.String:
		return "'" + strings.ReplaceAll(e.Str, "'", "''") + "'", false
	case e.Kind == pysyntax.Number:
		return e.Text, false
	case e.Kind == pysyntax.Operator && e.Name == "-" && len(e.Args) == 1 && e.Args[0].Kind == pysyntax.Number:
		return "-" + e.Args[0].Text, false
	case e.Kind == pysyntax.Bool:
		return strings.ToLower(e.Name), false
	case e.IsNone():
		return "NULL", false
	}
	return "", false
}

// plainIdentifier is a column name SQL needs no quotes for.
var plainIdentifier = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// columnSQL renders sa.column("c"[, type]) (quoted when the name needs it)
// or sa.literal_column("sql").
func columnSQL(e *Expr) (string, bool) {
	if e == nil || e.Kind != pysyntax.Call || len(e.Args) == 0 || len(e.Args) > 2 {
		return "", false
	}
	name, ok := e.Args[0].StringValue()
	if !ok {
		return "", false
	}
	switch pysyntax.LastName(e.CallName()) {
	case "column":
		if plainIdentifier.MatchString(name) {
			return name, true
		}
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`, true
	case "literal_column":
		return name, true
	}
	return "", false
}
