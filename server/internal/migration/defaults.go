package migration

import (
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// SQLText is the SQL carried by sa.text("..."), text("...") or
// sa.literal_column("..."), the way server_default and check conditions
// hold SQL expressions.
func SQLText(e *Expr) (string, bool) {
	if e == nil || e.Kind != pysyntax.Call || len(e.Args) != 1 {
		return "", false
	}
	switch pysyntax.LastName(e.CallName()) {
	case "text", "literal_column":
		return e.Args[0].StringValue()
	}
	return "", false
}

// ConstantDefault is a server_default that is a constant, as written: a
// string, or SQL text that is a constant (see ConstantSQL); "" for
// anything else. PostgreSQL stores a constant with the column's type, where
// an expression keeps its own.
func ConstantDefault(v *Expr) string {
	switch {
	case v == nil:
		return ""
	case v.Kind == pysyntax.String:
		return v.Text
	}
	if sql, ok := SQLText(v); ok && ConstantSQL(sql) != "" {
		return v.Text
	}
	return ""
}

// NamesDefault reports whether an alter_column's existing_server_default
// names a default: given, and not None or False, which Alembic reads as none
// (False is the parameter's own default: aodh passes it, judged).
func NamesDefault(v *Expr) bool {
	if v == nil || v.IsNone() {
		return false
	}
	value, isBool := v.BoolValue()
	return !isBool || value
}

// sqlConstant is a SQL string or number literal, without a cast.
var sqlConstant = regexp.MustCompile(`^\s*(?:'(?:[^']|'')*'|[-+]?[0-9]+(?:\.[0-9]*)?)\s*$`)

// ConstantSQL is sql when it is a constant, else "".
func ConstantSQL(sql string) string {
	if sqlConstant.MatchString(sql) {
		return sql
	}
	return ""
}

// volatileFunctions are the PostgreSQL functions whose value differs per row:
// a default calling one is computed for every existing row (a table rewrite).
var volatileFunctions = map[string]bool{"random": true, "gen_random_uuid": true, "uuid_generate_v1": true,
	"uuid_generate_v1mc": true, "uuid_generate_v4": true, "uuidv4": true, "uuidv7": true, "clock_timestamp": true,
	"timeofday": true, "nextval": true, "txid_current": true}

var (
	sqlFunctionCall = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
	sqlStringLit    = regexp.MustCompile(`'(?:[^']|'')*'`)
)

// VolatileIn returns the first volatile function a SQL expression calls
// ("random()"), or "".
func VolatileIn(sql string) string {
	for _, m := range sqlFunctionCall.FindAllStringSubmatch(sqlStringLit.ReplaceAllString(sql, "''"), -1) {
		if fn := strings.ToLower(m[1]); volatileFunctions[fn] {
			return fn + "()"
		}
	}
	return ""
}

// VolatileDefault reads a server_default: fn is the volatile function it calls
// ("gen_random_uuid()"), or ""; known is false when its SQL is not visible (a
// variable, a helper call).
func VolatileDefault(e *Expr) (fn string, known bool) {
	if _, ok := e.StringValue(); ok {
		return "", true // a text constant: DEFAULT 'value'
	}
	if sql, ok := SQLText(e); ok {
		return VolatileIn(sql), true
	}
	if e.Kind == pysyntax.Call && e.Func().Kind == pysyntax.Attribute && e.Func().Name == "next_value" &&
		pysyntax.LastName(e.Func().Object.CallName()) == "Sequence" { // sa.Sequence("s").next_value()
		return "nextval()", true
	}
	if parts := strings.Split(e.CallName(), "."); len(parts) >= 2 && parts[len(parts)-2] == "func" { // sa.func.now()
		if n := strings.ToLower(parts[len(parts)-1]); volatileFunctions[n] {
			return n + "()", true
		}
		return "", true
	}
	return "", false
}
