package effect

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// firstArg is a call's first positional argument, or nil.
func firstArg(call *pysyntax.Expr) *pysyntax.Expr {
	if call == nil || len(call.Args) == 0 {
		return nil
	}
	return call.Args[0]
}

// IndexColumns are the plain columns of an index and the identifiers of its
// expressions (text("lower(email)"), column("x")).
func IndexColumns(e *pysyntax.Expr) (cols, exprCols []string) {
	if all, ok := e.Strings(); ok {
		return all, nil
	}
	if e == nil || (e.Kind != pysyntax.List && e.Kind != pysyntax.Tuple) {
		return nil, nil
	}
	for _, a := range e.Args {
		if s, ok := a.StringValue(); ok {
			cols = append(cols, s)
		} else {
			exprCols = append(exprCols, SQLIdentifiers(a)...)
		}
	}
	return cols, exprCols
}

// SQLIdentifiers lists the identifiers in the string literals of an expression
// (a SQL condition, text("..."), column("x")), outside SQL string literals.
func SQLIdentifiers(e *pysyntax.Expr) []string {
	var out []string
	e.Walk(func(x *pysyntax.Expr) bool {
		switch x.Kind {
		case pysyntax.String:
			out = append(out, identifiersIn(x.Str)...)
		case pysyntax.Other, pysyntax.FString: // an operator expression or f-string: its literal parts still tell
			for _, m := range pyStrings.FindAllStringSubmatch(x.Text, -1) {
				out = append(out, identifiersIn(m[1]+m[2])...)
			}
		}
		return true
	})
	return out
}

// pyStrings finds simple Python string literals in source text.
var pyStrings = regexp.MustCompile(`"([^"\\\n]*)"|'([^'\\\n]*)'`)

// identifiersIn splits SQL into identifiers, unquoting "quoted" ones and
// skipping 'string literals'.
func identifiersIn(sql string) []string {
	var out []string
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(sql[i+1:], '\'')
			if j < 0 {
				return out
			}
			i += j + 2
		case c == '"':
			j := strings.IndexByte(sql[i+1:], '"')
			if j < 0 {
				return out
			}
			out = append(out, sql[i+1:i+1+j])
			i += j + 2
		case c == '_' || unicode.IsLetter(rune(c)) || c >= 0x80:
			j := i
			for j < len(sql) && (sql[j] == '_' || sql[j] == '$' || sql[j] >= 0x80 || unicode.IsLetter(rune(sql[j])) || unicode.IsDigit(rune(sql[j]))) {
				j++
			}
			out = append(out, strings.ToLower(sql[i:j]))
			i = j
		case unicode.IsDigit(rune(c)):
			for i < len(sql) && (unicode.IsDigit(rune(sql[i])) || unicode.IsLetter(rune(sql[i])) || sql[i] == '_') {
				i++
			}
		default:
			i++
		}
	}
	return out
}
