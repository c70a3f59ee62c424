package migration

import (
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/dialect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// An early return whose branches do nothing else (`if skip_for_legacy(op): return`,
// `if bind.dialect.name != "postgresql": return`) keeps the rest of the function
// from running only in the case it names: what follows runs in every normal case,
// so it is not conditional, only Guarded. A test of the dialect name, in a guard
// or an if block, also says on which databases the code runs.

// flow is what the guards passed so far say about the rest of a function; the
// nested scopes of one walk share it.
type flow struct {
	guarded bool
	// inspections are the conditions of the guards passed that read the
	// database's schema (Op.Inspections)
	inspections []*Inspection
	dialects
}

// dialects is what tests of the dialect name say: the code runs only on only
// (when set), and never on skip.
type dialects struct {
	only string
	skip []string
}

// knownDialects are the dialect names a test of the name is read against:
// `name in ("postgresql", "mysql")` skips the others.
var knownDialects = []string{"postgresql", "mysql", "mariadb", "sqlite", "oracle", "mssql"}

// with returns d narrowed by a test of the dialect name that was found true
// (runs) or false.
func (d dialects) with(t dialectTest, runs bool) dialects {
	switch {
	case runs && len(t.dialects) == 1:
		d.only = t.dialects[0]
	case runs:
		for _, k := range knownDialects {
			if !slices.Contains(t.dialects, k) {
				d = d.skipping(k)
			}
		}
	default:
		for _, k := range t.dialects {
			d = d.skipping(k)
		}
	}
	return d
}

func (d dialects) skipping(dialect string) dialects {
	if !slices.Contains(d.skip, dialect) {
		d.skip = append(slices.Clip(d.skip), dialect)
	}
	return d
}

// and combines two sets of tests; the inner test wins a contradiction.
func (d dialects) and(inner dialects) dialects {
	if inner.only != "" {
		d.only = inner.only
	}
	for _, s := range inner.skip {
		d = d.skipping(s)
	}
	return d
}

// guard recognises an early-return guard: an if statement without else whose
// branches only return, pass, log or nest such ifs, and that returns on some
// path. test is the dialect test of its condition when its body returns directly.
func (x *extractor) guard(n *pysyntax.Node, s *scope) (test dialectTest, ok bool) {
	returns := false
	direct := true
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		var body *pysyntax.Node
		switch pysyntax.Type(c) {
		case "else_clause":
			return dialectTest{}, false
		case "elif_clause":
			direct = false
			body = c.ChildByFieldName("consequence")
		case "block":
			body = c
		default:
			continue
		}
		quiet, r := x.guardBody(body)
		if !quiet {
			return dialectTest{}, false
		}
		returns = returns || r
	}
	if !returns {
		return dialectTest{}, false
	}
	if cons := n.ChildByFieldName("consequence"); direct && cons != nil && returnsDirectly(cons) {
		test = x.dialectTest(n.ChildByFieldName("condition"), s)
	}
	return test, true
}

// guardBody reports whether a block only returns, passes, logs or nests such
// ifs (quiet), and whether it may return.
func (x *extractor) guardBody(block *pysyntax.Node) (quiet, returns bool) {
	if block == nil {
		return false, false
	}
	for i := 0; i < int(block.NamedChildCount()); i++ {
		st := block.NamedChild(i)
		switch pysyntax.Type(st) {
		case "comment", "pass_statement":
		case "return_statement":
			returns = true
		case "expression_statement":
			c := st.NamedChild(0)
			if c == nil {
				return false, false
			}
			switch pysyntax.Type(c) {
			case "string", "ellipsis":
			case "call":
				if !isHarmless(x.t.Expr(c)) {
					return false, false
				}
			default:
				return false, false
			}
		case "if_statement":
			for j := 0; j < int(st.NamedChildCount()); j++ {
				c := st.NamedChild(j)
				var body *pysyntax.Node
				switch pysyntax.Type(c) {
				case "block":
					body = c
				case "elif_clause", "else_clause":
					body = c.ChildByFieldName("consequence")
					if body == nil {
						body = c.ChildByFieldName("body")
					}
				default:
					continue
				}
				q, r := x.guardBody(body)
				if !q {
					return false, false
				}
				returns = returns || r
			}
		default:
			return false, false
		}
	}
	return true, returns
}

// onlyReturns reports whether an if statement has no elif or else and its
// block returns directly.
func onlyReturns(n *pysyntax.Node) bool {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		switch pysyntax.Type(n.NamedChild(i)) {
		case "elif_clause", "else_clause":
			return false
		}
	}
	cons := n.ChildByFieldName("consequence")
	return cons != nil && returnsDirectly(cons)
}

// comparison reads a comparison of two operands: them, and its operator
// ("==", "is", "not in").
func (x *extractor) comparison(n *pysyntax.Node) (left, right *pysyntax.Node, operator string, ok bool) {
	var operands []*pysyntax.Node
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		switch {
		case c.IsNamed() && !pysyntax.Extra(pysyntax.Type(c)):
			operands = append(operands, c)
		case !c.IsNamed():
			operator += x.t.Text(c)
		}
	}
	if len(operands) != 2 {
		return nil, nil, "", false
	}
	return operands[0], operands[1], operator, true
}

func returnsDirectly(block *pysyntax.Node) bool {
	for i := 0; i < int(block.NamedChildCount()); i++ {
		if pysyntax.Type(block.NamedChild(i)) == "return_statement" {
			return true
		}
	}
	return false
}

// returnsOnDialect reads an if statement without elif or else whose
// condition tests the dialect name and whose block returns (conda-store's
// ALTER TYPE ... ADD VALUE on PostgreSQL, then a batch for the others): what
// follows it runs on the other dialects only.
func (x *extractor) returnsOnDialect(n *pysyntax.Node, s *scope) (dialectTest, bool) {
	if !onlyReturns(n) {
		return dialectTest{}, false
	}
	t := x.dialectTest(n.ChildByFieldName("condition"), s)
	return t, t.found()
}

// dialectTest is a condition comparing the dialect name with strings:
// `bind.dialect.name == "sqlite"` has dialects ["sqlite"], equal true;
// `name not in ("mysql", "mariadb")` has both, equal false.
type dialectTest struct {
	dialects []string
	equal    bool
}

// found reports whether the condition was read as a dialect test.
func (t dialectTest) found() bool { return len(t.dialects) > 0 }

// dialectTest reads a condition as a dialect test: ==/!= between <x>.dialect.name
// (or a name certainly holding it) and a string, in parentheses or under not.
func (x *extractor) dialectTest(n *pysyntax.Node, s *scope) dialectTest {
	if n == nil {
		return dialectTest{}
	}
	switch pysyntax.Type(n) {
	case "parenthesized_expression":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); !pysyntax.Extra(pysyntax.Type(c)) {
				return x.dialectTest(c, s)
			}
		}
	case "not_operator":
		t := x.dialectTest(n.ChildByFieldName("argument"), s)
		t.equal = !t.equal
		return t
	case "comparison_operator":
		left, right, operator, ok := x.comparison(n)
		if !ok {
			return dialectTest{}
		}
		a, b := x.t.Expr(left), x.t.Expr(right)
		switch operator {
		case "==", "!=":
			if x.isDialectName(b, s) {
				a, b = b, a
			}
			if v := x.constant(b, s); x.isDialectName(a, s) && v != nil && v.Kind == pysyntax.String {
				return dialectTest{dialects: []string{v.Str}, equal: operator == "=="}
			}
		case "in", "not in":
			if names := x.constantStrings(b, s); x.isDialectName(a, s) && names != nil {
				return dialectTest{dialects: names, equal: operator == "in"}
			}
			if v := x.constant(a, s); v != nil && v.Kind == pysyntax.String && isURLText(b) {
				if d := urlDialect(v.Str); d != "" { // "sqlite" in str(bind.engine.url)
					return dialectTest{dialects: []string{d}, equal: operator == "in"}
				}
			}
		}
	case "call": // str(bind.engine.url).startswith("sqlite")
		e := x.t.Expr(n)
		if f := e.Func(); f != nil && f.Kind == pysyntax.Attribute && f.Name == "startswith" && len(e.Args) == 1 && isURLText(f.Object) {
			if v := x.constant(e.Args[0], s); v != nil && v.Kind == pysyntax.String {
				if d := urlDialect(v.Str); d != "" {
					return dialectTest{dialects: []string{d}, equal: true}
				}
			}
		}
	}
	return dialectTest{}
}

// isURLText reports whether e is the text of the database URL the migration
// runs on: str(<x>.url), <x>.url.drivername, or the configuration's
// get_main_option("sqlalchemy.url").
func isURLText(e *Expr) bool {
	switch {
	case e == nil:
		return false
	case e.Kind == pysyntax.Call && e.CallName() == "str" && len(e.Args) == 1:
		u := e.Args[0]
		return u.Kind == pysyntax.Attribute && u.Name == "url"
	case e.Kind == pysyntax.Attribute && e.Name == "drivername":
		return e.Object.Kind == pysyntax.Attribute && e.Object.Name == "url"
	case e.Kind == pysyntax.Call && pysyntax.LastName(e.CallName()) == "get_main_option" && len(e.Args) == 1:
		key, _ := e.Args[0].StringValue()
		return key == "sqlalchemy.url"
	}
	return false
}

// urlDialect is the dialect a URL's text names at its start ("sqlite",
// "postgresql+psycopg2", "postgres"), or "" for a prefix naming none.
func urlDialect(prefix string) string {
	if i := strings.IndexAny(prefix, "+:"); i >= 0 {
		prefix = prefix[:i]
	}
	return dialect.OfBackend(prefix)
}

// constantStrings are the strings of a list, tuple or set of string
// constants (nil when it is anything else).
func (x *extractor) constantStrings(e *Expr, s *scope) []string {
	if v := x.constant(e, s); v != nil {
		e = v
	}
	if e == nil || (e.Kind != pysyntax.List && e.Kind != pysyntax.Tuple) || len(e.Args) == 0 {
		return nil
	}
	var out []string
	for _, a := range e.Args {
		v := x.constant(a, s)
		if v == nil || v.Kind != pysyntax.String {
			return nil
		}
		out = append(out, v.Str)
	}
	return out
}

// isDialectName: <anything>.dialect.name, as bind.dialect.name,
// op.get_context().dialect.name, context.get_context().dialect.name, or the
// migration's connection's engine.name (op.get_bind().engine.name, the
// dialect's name too).
func (x *extractor) isDialectName(e *Expr, s *scope) bool {
	if v := x.constant(e, s); v != nil {
		e = v
	}
	if e == nil || e.Kind != pysyntax.Attribute || e.Name != "name" || e.Object.Kind != pysyntax.Attribute {
		return false
	}
	owner := e.Object
	return owner.Name == "dialect" || owner.Name == "engine" && x.holdsBind(owner.Object, s)
}

// ifBranches walks an if statement's branches, each knowing what the dialect
// tests of its own and the earlier conditions say.
func (x *extractor) ifBranches(f *Function, n *pysyntax.Node, s *scope, reset func()) (mayReturn bool) {
	earlier := s.dialects // what failing the earlier conditions says
	chosen := s.byDialect // every condition so far tests the dialect name: the dialect alone chooses the branch
	inspections := s.inspections
	branch := func(cond, body *pysyntax.Node) {
		inner := *s
		inner.dialects = earlier
		// a branch runs after its condition and the earlier ones were tested
		if in := x.inspection(cond, s); in != nil {
			inspections = append(slices.Clip(inspections), in)
		}
		inner.inspections = inspections
		if cond != nil {
			t := x.dialectTest(cond, s)
			if t.found() {
				inner.dialects = earlier.with(t, t.equal)
				earlier = earlier.with(t, !t.equal)
			}
			chosen = chosen && t.found()
		}
		inner.byDialect = chosen
		reset()
		_, may := x.block(f, body, &inner)
		mayReturn = mayReturn || may
	}
	branch(n.ChildByFieldName("condition"), n.ChildByFieldName("consequence"))
	for i := 0; i < int(n.NamedChildCount()); i++ {
		switch c := n.NamedChild(i); pysyntax.Type(c) {
		case "elif_clause":
			branch(c.ChildByFieldName("condition"), c.ChildByFieldName("consequence"))
		case "else_clause":
			branch(nil, c.ChildByFieldName("body"))
		}
	}
	return mayReturn
}

// reInspects finds what reads the database's schema in Python source: the
// inspector and its methods, the dialect's has_table, a query of the catalog,
// a table of reflected metadata (meta.tables["t"] after meta.reflect(), a
// Table(..., autoload_with=bind): sync-engine looks for a column among its
// columns) or a helper whose name asks about a schema object (_table_exists(),
// table_has_column(), find_column_type()).
var reInspects = regexp.MustCompile(`\.tables\s*\[|\bautoload(?:_with)?\s*=|\b(?:inspect|from_engine|get_table_names|get_columns|get_indexes|get_foreign_keys|` +
	`get_unique_constraints|get_check_constraints|get_pk_constraint|get_enums|get_view_names|get_sequence_names|` +
	`has_table|has_index|has_sequence|has_schema)\s*\(|\b(?i:information_schema|pg_catalog|pg_class|pg_indexes|` +
	`pg_attribute|pg_constraint|pg_type|to_regclass|sqlite_master)\b|\b_?\w*_exists?\s*\(|\b\w*has_\w+\s*\(|` +
	`\b_?(?:find|get|read|fetch|check|lookup)_\w*(?:table|column|index|constraint)\w*\s*\(`)

var (
	// reIdentifier finds the names an expression uses.
	reIdentifier = regexp.MustCompile(`\b[A-Za-z_]\w*\b`)
	// reStringLiteral finds the short string literals of Python source, and
	// reSubscriptKey those used as keys (c["name"] of a reflected column),
	// which name no object.
	reStringLiteral = regexp.MustCompile(`'([\w.]+)'|"([\w.]+)"`)
	reSubscriptKey  = regexp.MustCompile(`\[\s*(?:'\w+'|"\w+")\s*\]`)
)

// inspection reads a condition that reads the database's schema: itself,
// through the names assigned before it in the function, or through a helper
// of the same file it calls (each followed a few levels deep). It is nil for
// any other condition.
func (x *extractor) inspection(cond *pysyntax.Node, s *scope) *Inspection {
	if cond == nil {
		return nil
	}
	in := &Inspection{}
	inspects := false
	seen := map[string]bool{}
	var read func(text string, depth int)
	read = func(text string, depth int) {
		inspects = inspects || reInspects.MatchString(text)
		for _, m := range reStringLiteral.FindAllStringSubmatch(reSubscriptKey.ReplaceAllString(text, ""), -1) {
			in.add(m[1] + m[2])
		}
		if depth == 3 {
			return
		}
		for _, name := range reIdentifier.FindAllString(text, -1) {
			if seen[name] {
				continue
			}
			seen[name] = true
			if v := s.loop[name]; v != nil && v.Kind == pysyntax.String {
				in.add(v.Str)
			}
			if v := x.consts[name]; v != nil && v.Kind == pysyntax.String {
				in.add(v.Str)
			}
			if v := s.locals.m[name]; v != nil {
				read(v.Text, depth+1)
			} else if v := x.m.Vars[name]; v != nil { // tables = insp.get_table_names() at module level
				read(v.Text, depth+1)
			}
			if def := x.funcs[name]; def != nil {
				read(x.t.Text(def.ChildByFieldName("body")), depth+1)
			}
		}
	}
	read(x.t.Text(cond), 0)
	if !inspects {
		return nil
	}
	return in
}

// add records a name the condition looks for, in lower case, and the last
// part of a qualified one.
func (in *Inspection) add(name string) {
	name = strings.ToLower(name)
	names := []string{name}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		names = append(names, name[i+1:])
	}
	for _, n := range names {
		if !slices.Contains(in.Names, n) {
			in.Names = append(in.Names, n)
		}
	}
}

// guardInspection reads the conditions of an early-return guard as an
// inspection (nil when none reads the schema).
func (x *extractor) guardInspection(n *pysyntax.Node, s *scope) *Inspection {
	if in := x.inspection(n.ChildByFieldName("condition"), s); in != nil {
		return in
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); pysyntax.Type(c) == "elif_clause" {
			if in := x.inspection(c.ChildByFieldName("condition"), s); in != nil {
				return in
			}
		}
	}
	return nil
}

// inertUnderAlembic reports whether def, an upgrade() or downgrade(), returns
// at once when Alembic calls it: its first statement returns when a
// parameter is None, and that parameter defaults to None. Alembic passes a
// revision's functions only the keywords env.py gives run_migrations(), none
// by default; mindsdb's checkpoint revision takes `op: Operations = None`
// from its own bootstrap script and returns without it, so under Alembic it
// changes nothing.
func (x *extractor) inertUnderAlembic(def *pysyntax.Node) bool {
	body := def.ChildByFieldName("body")
	if body == nil {
		return false
	}
	var first *pysyntax.Node
	for i := 0; i < int(body.NamedChildCount()) && first == nil; i++ {
		if st := body.NamedChild(i); pysyntax.Type(st) != "comment" && !isTrivial(x.t, st) {
			first = st
		}
	}
	if first == nil || pysyntax.Type(first) != "if_statement" || !onlyReturns(first) {
		return false
	}
	name, ok := x.noneTest(first.ChildByFieldName("condition"))
	return ok && slices.Contains(x.paramsDefaultingToNone(def), name)
}

// noneTest reads `name is None`, `name == None` and `not name`.
func (x *extractor) noneTest(cond *pysyntax.Node) (string, bool) {
	if cond == nil {
		return "", false
	}
	switch pysyntax.Type(cond) {
	case "not_operator":
		if arg := cond.ChildByFieldName("argument"); arg != nil && pysyntax.Type(arg) == "identifier" {
			return x.t.Text(arg), true
		}
	case "comparison_operator":
		left, right, operator, ok := x.comparison(cond)
		if ok && pysyntax.Type(left) == "identifier" && pysyntax.Type(right) == "none" && (operator == "is" || operator == "==") {
			return x.t.Text(left), true
		}
	}
	return "", false
}

// paramsDefaultingToNone lists def's parameters whose default is None.
func (x *extractor) paramsDefaultingToNone(def *pysyntax.Node) []string {
	params := def.ChildByFieldName("parameters")
	if params == nil {
		return nil
	}
	var out []string
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		switch pysyntax.Type(p) {
		case "default_parameter", "typed_default_parameter":
			name, value := p.ChildByFieldName("name"), p.ChildByFieldName("value")
			if name != nil && value != nil && pysyntax.Type(value) == "none" {
				out = append(out, x.t.Text(name))
			}
		}
	}
	return out
}
