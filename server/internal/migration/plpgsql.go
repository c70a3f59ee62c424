package migration

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v6"

	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// doStatements are the statements a DO block runs, read with PostgreSQL's
// own PL/pgSQL parser; ok is false when the block may do something they do
// not show: dynamic SQL (EXECUTE, but for roles and privileges), a procedure call, transaction control, a
// language other than PL/pgSQL, a statement that does not parse, or a
// schema change that may not run.
//
// What runs under a condition is followed only where its outcome is known
// whichever way it goes:
//   - rows read or written, and settings, anywhere (loops included:
//     warehouse's FOR row IN SELECT ... LOOP DELETE ... END LOOP);
//   - a CREATE under IF NOT EXISTS (...), or alone in a block that catches
//     its failure (EXCEPTION WHEN duplicate_object THEN null: the idiom for
//     CREATE TYPE, which has no IF NOT EXISTS). Either way the object exists
//     afterwards: it is read as CREATE ... IF NOT EXISTS.
func doStatements(d *pg.DoStmt) (out []Statement, ok bool) {
	body, language := "", "plpgsql"
	for _, a := range d.Args {
		def := a.GetDefElem()
		switch def.GetDefname() {
		case "as":
			body = def.GetArg().GetString_().GetSval()
		case "language":
			language = strings.ToLower(def.GetArg().GetString_().GetSval())
		}
	}
	if body == "" || language != "plpgsql" {
		return nil, false
	}
	tag := "$ap$"
	for i := 0; strings.Contains(body, tag); i++ {
		tag = "$ap" + strings.Repeat("x", i) + "$"
	}
	parsed, err := pg.ParsePlPgSqlToJSON("CREATE FUNCTION ap_do() RETURNS void LANGUAGE plpgsql AS " + tag + body + tag)
	if err != nil {
		// an unknown part where enum labels go, which PL/pgSQL's parser
		// rejects: read as one label not known (skyportal's labels come from
		// its models, inside the block that catches duplicate_object)
		labelled := enumLabelsWithHole.ReplaceAllString(body, "${1}'"+sqlparse.Hole+"')")
		if labelled == body {
			return nil, false
		}
		if parsed, err = pg.ParsePlPgSqlToJSON("CREATE FUNCTION ap_do() RETURNS void LANGUAGE plpgsql AS " + tag + labelled + tag); err != nil {
			return nil, false
		}
	}
	var functions []struct {
		Function struct {
			Action plStatement `json:"action"`
		} `json:"PLpgSQL_function"`
	}
	if json.Unmarshal([]byte(parsed), &functions) != nil || len(functions) != 1 {
		return nil, false
	}
	r := &blockReader{ok: true}
	r.statement(functions[0].Function.Action, guard{})
	if r.ok && len(r.out) == 0 { // it only computes, or raises a notice
		r.out = []Statement{{Kind: SQLSession, Verb: "DO", InBlock: true}}
	}
	for i, st := range r.out {
		if st.Kind == SQLCreateType && slices.ContainsFunc(st.Values, func(v string) bool { return strings.Contains(v, sqlparse.Hole) }) {
			r.out[i].Values = nil // labels not known
		}
	}
	return r.out, r.ok
}

// enumLabelsWithHole finds the labels of a CREATE TYPE ... AS ENUM that hold
// an unknown part.
var enumLabelsWithHole = regexp.MustCompile(`(?is)(\bCREATE\s+TYPE\s+[^;]*?\bAS\s+ENUM\s*\()[^;]*?` + sqlparse.Hole + `[^;]*\)`)

// plStatement is one PL/pgSQL statement as the parser's JSON gives it: an
// object with one key, the statement's kind.
type plStatement map[string]json.RawMessage

// plExpr is an SQL expression or statement in PL/pgSQL.
type plExpr struct {
	Expr struct {
		Query string `json:"query"`
	} `json:"PLpgSQL_expr"`
}

// plNode holds the fields of the statement kinds read here.
type plNode struct {
	Body       []plStatement `json:"body"`
	ThenBody   []plStatement `json:"then_body"`
	ElseBody   []plStatement `json:"else_body"`
	ElseStmts  []plStatement `json:"else_stmts"`
	Cond       plExpr        `json:"cond"`
	SQL        plExpr        `json:"sqlstmt"`
	Expr       plExpr        `json:"expr"`
	Query      plExpr        `json:"query"` // EXECUTE's
	Exceptions *struct {
		Block struct {
			Handlers []struct {
				Exception struct {
					Action []plStatement `json:"action"`
				} `json:"PLpgSQL_exception"`
			} `json:"exc_list"`
		} `json:"PLpgSQL_exception_block"`
	} `json:"exceptions"`
	Elsifs []struct {
		Elsif struct {
			Stmts []plStatement `json:"stmts"`
		} `json:"PLpgSQL_if_elsif"`
	} `json:"elsif_list"`
	Whens []struct {
		When struct {
			Stmts []plStatement `json:"stmts"`
		} `json:"PLpgSQL_case_when"`
	} `json:"case_when_list"`
}

// guard is how a statement of a DO block may not run.
type guard struct {
	// conditional: under IF, CASE or a loop, or in an exception handler
	conditional bool
	// ifMissing: under IF NOT EXISTS (...), or in a block that catches
	// errors, holding no other schema change (see doStatements)
	ifMissing bool
}

type blockReader struct {
	out []Statement
	ok  bool
}

// harmlessStatements change nothing the model follows.
var harmlessStatements = map[string]bool{"PLpgSQL_stmt_raise": true, "PLpgSQL_stmt_assign": true,
	"PLpgSQL_stmt_return": true, "PLpgSQL_stmt_exit": true, "PLpgSQL_stmt_getdiag": true, "PLpgSQL_stmt_assert": true}

func (r *blockReader) statement(s plStatement, g guard) {
	if len(s) != 1 {
		r.ok = false
		return
	}
	for kind, raw := range s {
		if harmlessStatements[kind] {
			return
		}
		var n plNode
		if json.Unmarshal(raw, &n) != nil {
			r.ok = false
			return
		}
		inner := guard{conditional: true}
		switch kind {
		case "PLpgSQL_stmt_block":
			body := g
			if n.Exceptions != nil {
				body = guard{conditional: true, ifMissing: schemaChanges(n.Body) == 1}
				for _, h := range n.Exceptions.Block.Handlers {
					r.statements(h.Exception.Action, inner)
				}
			}
			r.statements(n.Body, body)
		case "PLpgSQL_stmt_if":
			cond := strings.ToUpper(strings.Join(strings.Fields(n.Cond.Expr.Query), " "))
			r.statements(n.ThenBody, guard{conditional: true, ifMissing: strings.HasPrefix(cond, "NOT EXISTS")})
			for _, e := range n.Elsifs {
				r.statements(e.Elsif.Stmts, inner)
			}
			r.statements(n.ElseBody, inner)
		case "PLpgSQL_stmt_case":
			for _, w := range n.Whens {
				r.statements(w.When.Stmts, inner)
			}
			r.statements(n.ElseStmts, inner)
		case "PLpgSQL_stmt_fors", "PLpgSQL_stmt_fori", "PLpgSQL_stmt_foreach_a", "PLpgSQL_stmt_while", "PLpgSQL_stmt_loop":
			r.statements(n.Body, inner)
		case "PLpgSQL_stmt_execsql":
			r.sql(n.SQL.Expr.Query, g)
		case "PLpgSQL_stmt_perform": // the parser gives PERFORM f(x) as SELECT f(x)
			r.sql(n.Expr.Expr.Query, g)
		case "PLpgSQL_stmt_dynexecute":
			r.ok = r.ok && privilegesOnly(n.Query.Expr.Query)
		default: // CALL, COMMIT, cursors...
			r.ok = false
		}
	}
}

// privilegesOnly reports whether the SQL an EXECUTE runs (a string, or
// format() of one) makes, changes or drops a role, or grants or revokes:
// nothing the model follows (onyx creates its read-only user in a DO
// block, and left the rest of its tenants' history unknown).
func privilegesOnly(query string) bool {
	text := strings.TrimSpace(query)
	if rest, ok := strings.CutPrefix(strings.ToLower(text), "format("); ok {
		text = strings.TrimSpace(rest)
	}
	if !strings.HasPrefix(text, "'") {
		return false // SQL built from values the block computes
	}
	command := strings.ToUpper(strings.Join(strings.Fields(strings.TrimPrefix(text, "'")), " "))
	for _, prefix := range privilegeCommands {
		if strings.HasPrefix(command, prefix) {
			return true
		}
	}
	return false
}

var privilegeCommands = []string{"CREATE USER ", "CREATE ROLE ", "ALTER USER ", "ALTER ROLE ", "DROP USER ", "DROP ROLE ",
	"GRANT ", "REVOKE ", "ALTER DEFAULT PRIVILEGES "}

func (r *blockReader) statements(list []plStatement, g guard) {
	for _, s := range list {
		if !r.ok {
			return
		}
		r.statement(s, g)
	}
}

// sql follows one SQL statement of the block.
func (r *blockReader) sql(query string, g guard) {
	parsed := sqlparse.Parse(query)
	if parsed.Err != nil || len(parsed.Statements) != 1 {
		r.ok = false
		return
	}
	for _, st := range classify(parsed.Statements[0].Node, query) {
		switch {
		case rowsOrSession(st):
		case !g.conditional:
		case g.ifMissing && st.Creates:
			st.IfNotExists = true
		default:
			r.ok = false
			return
		}
		st.InBlock = true
		r.out = append(r.out, st)
	}
}

// rowsOrSession reports a statement that reads or writes rows (MySQL's
// REPLACE INTO too, which PostgreSQL's parser rejects: keep's), sets the
// session, or makes or drops (without CASCADE) an object of a kind that holds
// no table or column (a role, a function, a policy): whether it runs or not,
// the schema the model follows stays as it was.
func rowsOrSession(st Statement) bool {
	switch st.Kind {
	case SQLSelect, SQLInsert, SQLUpdate, SQLDelete, SQLSession:
		return true
	case SQLOther:
		return st.UnparsedDML()
	case SQLUntracked:
		switch st.ObjectKind {
		case "VIEW", "MATVIEW", "SEQUENCE", "SCHEMA":
			return false
		}
		return !st.Cascade
	}
	return false
}

// schemaChanges counts the statements of list, nested ones included, that
// may change the schema (an unreadable one counts).
func schemaChanges(list []plStatement) int {
	n := 0
	for _, s := range list {
		for kind, raw := range s {
			if harmlessStatements[kind] {
				continue
			}
			var node plNode
			if json.Unmarshal(raw, &node) != nil {
				return len(list) + 1
			}
			switch kind {
			case "PLpgSQL_stmt_execsql":
				parsed := sqlparse.Parse(node.SQL.Expr.Query)
				if parsed.Err != nil || len(parsed.Statements) != 1 {
					n++
					continue
				}
				for _, st := range classify(parsed.Statements[0].Node, node.SQL.Expr.Query) {
					if !rowsOrSession(st) {
						n++
					}
				}
			case "PLpgSQL_stmt_perform":
			default:
				n += 1 + schemaChanges(node.Body) + schemaChanges(node.ThenBody) + schemaChanges(node.ElseBody)
			}
		}
	}
	return n
}
