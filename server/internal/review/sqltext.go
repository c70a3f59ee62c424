package review

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// Rendering of operations as the PostgreSQL statements Alembic and SQLAlchemy
// emit for them. It is best effort: what cannot be read statically is shown
// as the Python text in angle brackets, never made up.

// reserved are the PostgreSQL key words SQLAlchemy quotes when used as names
// (its postgresql RESERVED_WORDS): PostgreSQL's reserved words and those that
// can name a type or function but not a column (left, join, like...).
var reserved = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`all analyse analyze and any array as asc asymmetric authorization between binary both
		case cast check collate column constraint create cross current_catalog current_date current_role current_schema
		current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for
		foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading
		left like limit localtime localtimestamp natural new not notnull null of off offset old on only or order outer over
		overlaps placing primary references returning right select session_user similar some symmetric table then to
		trailing true union unique user using variadic verbose when where window with`) {
		reserved[w] = true
	}
}

var plainName = regexp.MustCompile(`^[a-z_][a-z0-9_$]*$`)

// ident quotes a name the way SQLAlchemy does on PostgreSQL.
func ident(name string) string {
	if plainName.MatchString(name) && !reserved[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qualified quotes "schema.table" (a TableKey) part by part.
func qualified(key string) string {
	if schema, table, ok := strings.Cut(key, "."); ok {
		return ident(schema) + "." + ident(table)
	}
	return ident(key)
}

// bare is the table of a "schema.table" key.
func bare(key string) string {
	if _, table, ok := strings.Cut(key, "."); ok {
		return table
	}
	return key
}

func idents(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = ident(n)
	}
	return strings.Join(out, ", ")
}

// placeholder shows Python the analysis cannot turn into SQL.
func placeholder(e *pysyntax.Expr) string {
	if e == nil {
		return "<?>"
	}
	return "<" + brief.Code(e.Text, brief.Snippet) + ">"
}

// unread is a placeholder in rendered SQL.
var unread = regexp.MustCompile(`<[^<>\s][^<>]*>`)

// parses reports whether PostgreSQL's parser accepts a rendered statement, a
// placeholder standing for a name or a value.
func parses(statement string) bool {
	if sqlparse.Parse(unread.ReplaceAllString(statement, sqlparse.Hole)).Err == nil {
		return true
	}
	return sqlparse.Parse(unread.ReplaceAllString(statement, literal(sqlparse.Hole))).Err == nil
}

// parsable keeps the rendered statements PostgreSQL's parser accepts. One it
// rejects is a rendering the analysis got wrong: it is left out, not shown.
func parsable(statements []string) (kept []string, left int) {
	for _, st := range statements {
		if parses(st) {
			kept = append(kept, st)
		} else {
			left++
		}
	}
	return kept, left
}

// literal quotes a SQL string literal.
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// typeNames maps SQLAlchemy type names to PostgreSQL's.
var typeNames = map[string]string{
	"Integer": "INTEGER", "INTEGER": "INTEGER", "INT": "INTEGER",
	"BigInteger": "BIGINT", "BIGINT": "BIGINT", "SmallInteger": "SMALLINT", "SMALLINT": "SMALLINT",
	"Text": "TEXT", "UnicodeText": "TEXT", "TEXT": "TEXT",
	"Boolean": "BOOLEAN", "BOOLEAN": "BOOLEAN", "Date": "DATE", "DATE": "DATE",
	"Float": "FLOAT", "FLOAT": "FLOAT", "REAL": "REAL", "Double": "DOUBLE PRECISION", "DOUBLE_PRECISION": "DOUBLE PRECISION",
	"UUID": "UUID", "Uuid": "UUID", "JSON": "JSON", "JSONB": "JSONB",
	"LargeBinary": "BYTEA", "BYTEA": "BYTEA", "Interval": "INTERVAL", "INTERVAL": "INTERVAL",
	"INET": "INET", "CIDR": "CIDR", "MONEY": "MONEY", "TSVECTOR": "TSVECTOR", "HSTORE": "HSTORE",
}

// typeSQL renders a column type; ok is false when the type is not known.
func typeSQL(t *migration.TypeRef) (string, bool) {
	if t == nil {
		return "<?>", false
	}
	args := func() []*pysyntax.Expr {
		if t.Expr != nil && t.Expr.Kind == pysyntax.Call {
			return t.Expr.Args
		}
		return nil
	}
	switch {
	case t.Name == "ARRAY":
		item, ok := typeSQL(t.Item)
		return item + "[]", ok
	case t.Enum != nil && t.Enum.Native && t.Enum.Name != "":
		return ident(t.Enum.Name), true
	case t.Enum != nil && !t.Enum.Native && t.Enum.ValuesKnown:
		longest := 0
		for _, v := range t.Enum.Values {
			longest = max(longest, len(v))
		}
		return fmt.Sprintf("VARCHAR(%d)", longest), true
	case slices.Contains([]string{"String", "Unicode", "VARCHAR", "NVARCHAR"}, t.Name):
		if t.Length > 0 {
			return fmt.Sprintf("VARCHAR(%d)", t.Length), true
		}
		return "VARCHAR", true
	case t.Name == "Numeric" || t.Name == "NUMERIC" || t.Name == "DECIMAL":
		if a := args(); len(a) == 2 && a[0].Kind == pysyntax.Number && a[1].Kind == pysyntax.Number {
			return fmt.Sprintf("NUMERIC(%s, %s)", a[0].Text, a[1].Text), true
		}
		if a := args(); len(a) == 0 {
			return "NUMERIC", true
		}
	case t.Name == "DateTime" || t.Name == "DATETIME" || t.Name == "TIMESTAMP" || t.Name == "Time" || t.Name == "TIME":
		base := "TIMESTAMP"
		if strings.EqualFold(t.Name, "time") {
			base = "TIME"
		}
		if tz, _ := t.Expr.Keyword("timezone").BoolValue(); tz {
			return base + " WITH TIME ZONE", true
		}
		return base + " WITHOUT TIME ZONE", true
	default:
		if name, ok := typeNames[t.Name]; ok {
			return name, true
		}
	}
	return placeholder(t.Expr), false
}

// ansiFunctions are the functions SQLAlchemy renders as SQL key words, without
// parentheses.
var ansiFunctions = map[string]bool{"current_date": true, "current_time": true, "current_timestamp": true,
	"current_user": true, "localtime": true, "localtimestamp": true, "session_user": true, "user": true}

// defaultSQL renders a server_default value.
func defaultSQL(e *pysyntax.Expr) (string, bool) {
	if s, ok := e.StringValue(); ok {
		return literal(s), true
	}
	if s, ok := migration.SQLText(e); ok {
		return s, true
	}
	if e != nil && e.Kind == pysyntax.Call && len(e.Args) == 0 {
		if parts := strings.Split(e.CallName(), "."); len(parts) >= 2 && parts[len(parts)-2] == "func" {
			name := parts[len(parts)-1]
			if ansiFunctions[strings.ToLower(name)] {
				return strings.ToUpper(name), true // SQL's own: no parentheses (CURRENT_TIMESTAMP() is a syntax error)
			}
			return name + "()", true
		}
	}
	return placeholder(e), false
}

// columnSQL renders a column definition (name, type, DEFAULT, NOT NULL).
func columnSQL(c *migration.Column, serial bool) string {
	typ, _ := typeSQL(c.Type)
	if serial {
		typ = map[string]string{"INTEGER": "SERIAL", "BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL"}[typ]
	}
	s := ident(c.Name) + " " + typ
	if c.Expr != nil && hasCall(c.Expr, "Identity") {
		s += " GENERATED BY DEFAULT AS IDENTITY"
	}
	if gen := callArg(c.Expr, "Computed"); gen != nil {
		expr, _ := sqlExpr(argAt(gen, 0))
		s += " GENERATED ALWAYS AS (" + expr + ") STORED"
	}
	if c.ServerDefault != nil {
		d, _ := defaultSQL(c.ServerDefault)
		s += " DEFAULT " + d
	}
	if nullable, known := c.Nullable(); known && !nullable {
		s += " NOT NULL"
	}
	return s
}

// sqlExpr is a SQL expression written as a string or sa.text().
func sqlExpr(e *pysyntax.Expr) (string, bool) {
	if s, ok := e.StringValue(); ok {
		return s, true
	}
	if s, ok := migration.SQLText(e); ok {
		return s, true
	}
	return placeholder(e), false
}

// hasCall reports whether a Column(...) passes a positional NAME(...) argument.
func hasCall(col *pysyntax.Expr, name string) bool { return callArg(col, name) != nil }

// callArg returns the positional NAME(...) argument of a Column(...) call.
func callArg(col *pysyntax.Expr, name string) *pysyntax.Expr {
	if col == nil {
		return nil
	}
	for _, a := range col.Args {
		if a.Kind == pysyntax.Call && pysyntax.LastName(a.CallName()) == name {
			return a
		}
	}
	return nil
}

func argAt(call *pysyntax.Expr, i int) *pysyntax.Expr {
	if call == nil || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// fkSQL renders FOREIGN KEY(...) REFERENCES ... with its options.
func fkSQL(cols []string, ref string, refCols []string, opts *pysyntax.Expr) string {
	s := fmt.Sprintf("FOREIGN KEY(%s) REFERENCES %s (%s)", idents(cols), qualified(ref), idents(refCols))
	for _, kw := range []struct{ name, sql string }{{"ondelete", "ON DELETE"}, {"onupdate", "ON UPDATE"}} {
		if v, ok := opts.Keyword(kw.name).StringValue(); ok {
			s += " " + kw.sql + " " + strings.ToUpper(v)
		}
	}
	if d, _ := opts.Keyword("deferrable").BoolValue(); d {
		s += " DEFERRABLE"
	}
	if v, ok := opts.Keyword("initially").StringValue(); ok {
		s += " INITIALLY " + strings.ToUpper(v)
	}
	return s
}

// constraintName renders "CONSTRAINT name " or "" for an unnamed constraint.
func constraintName(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + ident(name) + " "
}
