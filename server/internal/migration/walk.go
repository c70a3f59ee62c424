package migration

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// scope is what the walker knows at a point of a function body.
type scope struct {
	conditional bool
	// byDialect: conditional only through if blocks chosen by tests of the
	// dialect name (Op.ByDialect)
	byDialect  bool
	batch      *Batch
	autocommit bool
	switched   bool     // the migration's connection was switched to autocommit (Op.Switched)
	committed  bool     // a COMMIT statement ran (Op.Committed)
	helper     string   // the helper the function walked called first (Op.Helper)
	helpers    []string // the helpers being walked, outermost first
	engine     string
	opNames    map[string]bool // receivers that are alembic.op here (imports plus an `op` parameter)
	binds      map[string]bool // names assigned from op.get_bind() / op.get_context().bind
	locals     *locals         // assignments inside the function
	// known are the values the function's names certainly hold here (nil: bound,
	// value unknown); a name missing from it is a module name. Shared by the
	// nested scopes of one walk, like locals.
	known   map[string]*Expr
	batches map[string]*Batch
	loop    map[string]*Expr // the variables of the unrolled loop iterations being walked
	// dialects are the dialect tests of the if blocks around; flow the guards
	// passed, shared by the nested scopes of one walk
	dialects dialects
	flow     *flow
	// inspections are the conditions of the if blocks around that read the
	// database's schema (Op.Inspections)
	inspections []*Inspection
	// function is the start of the definition of the function walked
	function uint32
	// nested are the functions defined in the function walked, so far
	// (shared by its nested scopes)
	nested map[string]*pysyntax.Node
}

// locals are a function's assignments in walk order. An operation keeps the map
// current when it was made (Op.Locals: the assignments seen so far), so the first
// assignment after an operation copies the map instead of changing it.
type locals struct {
	m      map[string]*Expr
	shared bool
}

func (l *locals) set(name string, value *Expr) {
	if l.shared {
		l.m, l.shared = maps.Clone(l.m), false
	}
	l.m[name] = value
}

// snapshot returns the current assignments; they are not changed afterwards.
func (l *locals) snapshot() map[string]*Expr {
	l.shared = true
	return l.m
}

func (x *extractor) function(name string) *Function {
	def := x.funcs[name]
	if def == nil {
		return nil
	}
	f := x.newFunction(name, def)
	s := x.newScope(def)
	if dispatch := x.engineDispatch(def); dispatch {
		// multidb template: upgrade(engine_name) calls globals()["upgrade_%s" % engine_name]();
		// the engines' functions are taken in source order, which is the template's
		// order of the configured databases
		for _, fname := range x.funcOrder {
			if engine, ok := strings.CutPrefix(fname, name+"_"); ok {
				fdef := x.funcs[fname]
				es := x.newScope(fdef)
				es.engine = engine
				x.block(f, fdef.ChildByFieldName("body"), es)
			}
		}
		return f
	}
	if x.inertUnderAlembic(def) {
		return f
	}
	x.block(f, def.ChildByFieldName("body"), s)
	return f
}

func (x *extractor) newFunction(name string, def *pysyntax.Node) *Function {
	f := &Function{Name: name, Span: x.t.Span(def), Kind: BodyEmpty, Params: x.params(def)}
	if parent := def.Parent(); parent != nil && pysyntax.Type(parent) == "decorated_definition" {
		f.Decorated = true
	}
	body := def.ChildByFieldName("body")
	if body == nil {
		return f
	}
	f.Body = x.t.Span(body)
	s := x.newScope(def)
	for i := 0; i < int(body.NamedChildCount()); i++ {
		st := body.NamedChild(i)
		if pysyntax.Type(st) == "comment" {
			continue
		}
		f.LastStmt = x.t.Span(st)
		if f.Indent == "" {
			f.Indent = x.indent(st)
		}
		if f.Kind != BodyEmpty || isTrivial(x.t, st) {
			continue
		}
		// a guard says when the body runs, not what it does: a downgrade that
		// returns early for some setups and raises otherwise is a raising one
		if pysyntax.Type(st) == "if_statement" {
			if _, guard := x.guard(st, s); guard {
				continue
			}
		}
		if pysyntax.Type(st) == "raise_statement" {
			f.Kind = BodyRaise
		} else {
			f.Kind = BodyCode
		}
	}
	return f
}

// writes reports whether the function is defined with a statement other
// than pass, a docstring, `...` or a raise: it does something (a guard
// counts, unlike in Function.Kind: headers read no constants).
func (x *extractor) writes(name string) bool {
	def := x.funcs[name]
	if def == nil {
		return false
	}
	body := def.ChildByFieldName("body")
	for i := 0; body != nil && i < int(body.NamedChildCount()); i++ {
		st := body.NamedChild(i)
		if t := pysyntax.Type(st); t != "comment" && t != "raise_statement" && !isTrivial(x.t, st) {
			return true
		}
	}
	return false
}

// isTrivial: pass, a docstring, or `...`.
func isTrivial(t *pysyntax.Tree, st *pysyntax.Node) bool {
	switch pysyntax.Type(st) {
	case "pass_statement":
		return true
	case "expression_statement":
		c := st.NamedChild(0)
		return c != nil && (pysyntax.Type(c) == "string" || pysyntax.Type(c) == "ellipsis")
	}
	return false
}

func (x *extractor) newScope(def *pysyntax.Node) *scope {
	s := &scope{opNames: map[string]bool{}, binds: map[string]bool{}, locals: &locals{m: map[string]*Expr{}}, batches: map[string]*Batch{},
		known: map[string]*Expr{}, flow: &flow{}, function: def.StartByte(), nested: map[string]*pysyntax.Node{}}
	for k := range x.opNames {
		s.opNames[k] = true
	}
	for name := range x.names.locals[def.StartByte()] {
		s.known[name] = nil
	}
	if slices.Contains(x.params(def), "op") {
		s.opNames["op"] = true
	}
	return s
}

// params are the names of a function's parameters (not *args and **kwargs).
func (x *extractor) params(def *pysyntax.Node) []string {
	params := def.ChildByFieldName("parameters")
	if params == nil {
		return nil
	}
	var out []string
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		name := p
		switch pysyntax.Type(p) {
		case "identifier":
		case "typed_parameter": // `op: Operations` has no name field
			name = p.NamedChild(0)
		default:
			name = p.ChildByFieldName("name")
		}
		if name != nil && pysyntax.Type(name) == "identifier" {
			out = append(out, x.t.Text(name))
		}
	}
	return out
}

// callsIn walks the calls among the children of n, a statement's tuple.
func (x *extractor) callsIn(f *Function, n, st *pysyntax.Node, s *scope) {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if inner := n.NamedChild(i); pysyntax.Type(inner) == "call" {
			x.call(f, x.t.Expr(inner), st, s)
		}
	}
}

// bindParams gives the parameters of a helper the constant strings a call
// passes them (add_created("users")), as assignments at the helper's start
// would (one the helper makes later replaces it as any assignment does). A
// call with *args or **kwargs, or a helper with *args or keyword-only
// parameters, binds nothing: which argument lands where is not plain.
func (x *extractor) bindParams(def *pysyntax.Node, call *Expr, outer, inner *scope) {
	params := def.ChildByFieldName("parameters")
	if call.HasSplat() || params == nil || strings.Contains(x.t.Text(params), "*") {
		return
	}
	for i, name := range x.params(def) {
		arg := call.Keyword(name)
		if arg == nil && i < len(call.Args) {
			arg = call.Args[i]
		}
		v := x.constant(arg, outer)
		if v != nil && v.Kind != pysyntax.String {
			// a string the caller computes, f-string or concatenation, is
			// passed on as its value: skyvern hands an ALTER TABLE through two
			// helpers, and the names it was built from mean nothing in them
			if value, ok := x.knownString(arg, outer); ok {
				v = &Expr{Kind: pysyntax.String, Str: value, Span: arg.Span, Text: strconv.Quote(value)}
			}
		}
		if v != nil && (v.Kind == pysyntax.String || isEnumType(v)) {
			// an enum type too: the helper reads its name (tracim's
			// replace_enum(table, column, from_enum, to_enum, default))
			inner.known[name] = v
			inner.locals.set(name, v)
		}
	}
}

// engineDispatch recognises `globals()["upgrade_%s" % engine_name]()`, and
// `globals().get(f"upgrade_{engine_name}", lambda: None)()` (funnel's).
func (x *extractor) engineDispatch(def *pysyntax.Node) bool {
	body := def.ChildByFieldName("body")
	if body == nil {
		return false
	}
	text := x.t.Text(body)
	return strings.Contains(text, "globals()[") || strings.Contains(text, "globals().get(")
}

func (x *extractor) indent(n *pysyntax.Node) string {
	start := int(n.StartByte())
	ls := x.t.LineStart(start)
	if prefix := string(x.t.Src[ls:start]); strings.TrimLeft(prefix, " \t") == "" {
		return prefix
	}
	return ""
}

// block walks statements in order. It reports whether the block always returns
// (a return at its own level, which ends the walk) and whether it may return
// early on some path, at any depth.
func (x *extractor) block(f *Function, block *pysyntax.Node, s *scope) (always, mayReturn bool) {
	if block == nil {
		return false, false
	}
	for i := 0; i < int(block.NamedChildCount()); i++ {
		if x.m.TooLarge {
			return false, false // the rest is not read
		}
		st := block.NamedChild(i)
		switch pysyntax.Type(st) {
		case "return_statement":
			return true, true
		case "raise_statement":
			// what follows never runs (a handler of a try runs instead); unlike
			// a return it ends the migration with an error, so the code after a
			// raise in a branch is not conditional: it is the way that works
			return true, false
		case "comment", "pass_statement":
		case "expression_statement":
			if x.exits(st, s) {
				return true, false // as a raise: the migration ends there (redash's exit() in a handler)
			}
			x.expressionStatement(f, st, s)
		case "function_definition":
			if name := st.ChildByFieldName("name"); name != nil {
				s.nested[x.t.Text(name)] = st
			}
			x.forget(st, s)
		case "import_statement", "import_from_statement":
			imports := x.importList(st)
			f.Imports = append(f.Imports, imports...)
			x.forget(st, s)
			for _, imp := range imports {
				if name, ok := opBinding(imp); ok {
					s.opNames[name] = true // onyx imports op inside upgrade()
				}
			}
		case "with_statement":
			always, may := x.with(f, st, s)
			if always {
				return true, may
			}
			if may {
				// code after a conditional return runs only sometimes
				mayReturn = true
				inner := *s
				inner.conditional, inner.byDialect = true, false
				s = &inner
			}
		case "if_statement", "for_statement", "while_statement", "try_statement", "match_statement",
			"case_clause": // the cases are the statements of a match block
			if pysyntax.Type(st) == "if_statement" && !s.conditional {
				if test, ok := x.guard(st, s); ok {
					s.flow.guarded = true
					if in := x.guardInspection(st, s); in != nil {
						s.flow.inspections = append(slices.Clip(s.flow.inspections), in)
					}
					if test.found() {
						// what follows runs when the condition is false
						s.flow.dialects = s.flow.dialects.with(test, !test.equal)
					}
					break
				}
			}
			if pysyntax.Type(st) == "for_statement" {
				if iters, ok := x.iterations(st, s); ok {
					if x.unroll(f, st, iters, s) {
						mayReturn = true
						inner := *s
						inner.conditional, inner.byDialect = true, false
						s = &inner
					}
					break
				}
			}
			inner := *s
			inner.conditional = true
			if pysyntax.Type(st) == "for_statement" {
				// a loop over what the schema holds (for uc in insp.get_unique_constraints("t"))
				if in := x.inspection(st.ChildByFieldName("right"), s); in != nil {
					in.Listed = true
					inner.inspections = append(slices.Clip(inner.inspections), in)
				}
			}
			// an if block's branches may be chosen by the dialect alone (ifBranches)
			inner.byDialect = pysyntax.Type(st) == "if_statement" && (!s.conditional || s.byDialect)
			// a name bound inside may or may not be bound afterwards, or in the next
			// branch or iteration
			names := map[string]int{}
			x.bound(st, names, nil)
			reset := func() {
				for name := range names {
					s.known[name] = nil
				}
			}
			if x.compound(f, st, &inner, reset) {
				if test, ok := x.returnsOnDialect(st, s); ok && !s.conditional {
					// the block ran on its dialects and returned: what follows
					// runs on the others, and certainly there
					s.flow.dialects = s.flow.dialects.with(test, !test.equal)
				} else {
					mayReturn = true
					inner.byDialect = false
					s = &inner
				}
			}
			reset()
		default:
			x.forget(st, s)
		}
	}
	return false, mayReturn
}

// compound walks every block nested in an if/for/while/try/match statement,
// calling reset before each.
func (x *extractor) compound(f *Function, n *pysyntax.Node, s *scope, reset func()) bool {
	if pysyntax.Type(n) == "if_statement" {
		return x.ifBranches(f, n, s, reset)
	}
	mayReturn := false
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch pysyntax.Type(c) {
		case "block":
			reset()
			_, may := x.block(f, c, s)
			mayReturn = may || mayReturn
		case "elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause", "case_clause":
			mayReturn = x.compound(f, c, s, reset) || mayReturn
		}
	}
	return mayReturn
}

func (x *extractor) with(f *Function, n *pysyntax.Node, s *scope) (always, mayReturn bool) {
	inner := *s
	for _, item := range x.withItems(n) {
		if pysyntax.Type(item.value) != "call" {
			continue
		}
		call := x.t.Expr(item.value)
		switch {
		case x.isOpCall(call, "batch_alter_table", s):
			o := x.newOp(f, call, n, s, "batch_alter_table", opSignatures["batch_alter_table"])
			o.Receiver = call.Func().Object.Dotted()
			table, _ := o.ArgString("table_name")
			b := &Batch{Table: table, Alias: item.alias, Op: o}
			inner.batch = b
			inner.batches = copyBatches(inner.batches) // keep the aliases of earlier items
			if item.alias != "" {
				inner.batches[item.alias] = b
			}
		case call.Func().Kind == pysyntax.Attribute && call.Func().Name == "autocommit_block":
			inner.autocommit = true
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); pysyntax.Type(c) == "with_clause" {
			x.forget(c, s) // the `as` names, bound after the items ran
		}
	}
	start := len(f.Ops)
	always, mayReturn = x.block(f, n.ChildByFieldName("body"), &inner)
	if inner.batch != s.batch {
		x.deferBatch(f.Ops[start:], inner.batch)
	}
	return always, mayReturn
}

// deferBatch puts the operations of a batch block in the order they run:
// Alembic collects the batch_op calls and runs them when the block ends,
// after whatever else the block ran (an op.execute filling a column before
// the batch_op.alter_column that makes it NOT NULL, written after it).
func (x *extractor) deferBatch(ops []*Op, b *Batch) {
	batched := make([]*Op, 0, len(ops))
	rest := ops[:0:0]
	for _, o := range ops {
		if o.Batch == b && x.onBatch[o] {
			batched = append(batched, o)
		} else {
			rest = append(rest, o)
		}
	}
	copy(ops[copy(ops, rest):], batched)
}

func copyBatches(m map[string]*Batch) map[string]*Batch {
	out := make(map[string]*Batch, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// withItem is one context manager of a with statement and the name it is bound to.
type withItem struct {
	value *pysyntax.Node
	alias string
}

// withItems lists the context managers of a with statement. Python 3.10's
// parenthesized form reaches tree-sitter in several shapes: `with (a as x):` is a
// parenthesized as_pattern, `with (a as x,):` a tuple of them, `with (a) as x:`
// an as_pattern around a parenthesized call.
func (x *extractor) withItems(n *pysyntax.Node) []withItem {
	var out []withItem
	var add func(v *pysyntax.Node, alias string)
	add = func(v *pysyntax.Node, alias string) {
		switch pysyntax.Type(v) {
		case "parenthesized_expression", "tuple":
			for i := 0; i < int(v.NamedChildCount()); i++ {
				if c := v.NamedChild(i); !pysyntax.Extra(pysyntax.Type(c)) {
					add(c, alias)
				}
			}
		case "as_pattern":
			value := v.NamedChild(0)
			a := v.ChildByFieldName("alias")
			if value == nil || a == nil {
				return
			}
			add(value, strings.TrimSpace(x.t.Text(a)))
		default:
			out = append(out, withItem{value: v, alias: alias})
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		clause := n.NamedChild(i)
		if pysyntax.Type(clause) != "with_clause" {
			continue
		}
		for j := 0; j < int(clause.NamedChildCount()); j++ {
			item := clause.NamedChild(j)
			if pysyntax.Type(item) != "with_item" {
				continue
			}
			if v := item.ChildByFieldName("value"); v != nil {
				add(v, "")
			}
		}
	}
	return out
}

func (x *extractor) expressionStatement(f *Function, st *pysyntax.Node, s *scope) {
	c := st.NamedChild(0)
	if c == nil {
		return
	}
	if st.NamedChildCount() > 1 { // op.drop_table("a"), op.drop_table("b"): a tuple without parentheses
		x.callsIn(f, st, st, s)
		x.forget(st, s)
		return
	}
	switch pysyntax.Type(c) {
	case "call":
		x.call(f, x.t.Expr(c), st, s)
		if strings.Contains(x.t.Text(st), ":=") {
			x.forget(st, s)
		}
	case "await":
		if inner := c.NamedChild(0); inner != nil && pysyntax.Type(inner) == "call" {
			x.call(f, x.t.Expr(inner), st, s)
		}
		x.forget(st, s)
	case "tuple", "parenthesized_expression":
		// (op.add_column(...),): a stray comma or parentheses around calls, each still runs
		x.callsIn(f, c, st, s)
		x.forget(st, s)
	case "assignment", "augmented_assignment":
		right := c.ChildByFieldName("right")
		if right == nil {
			return
		}
		value := x.t.Expr(right)
		if left := c.ChildByFieldName("left"); left != nil && pysyntax.Type(left) == "identifier" && pysyntax.Type(c) == "assignment" {
			name := x.t.Text(left)
			s.locals.set(name, x.factoryOr(value))
			if x.isBind(value, s) {
				s.binds[name] = true
			}
		}
		if value.Kind == pysyntax.Call && x.switchesBind(value, s) {
			x.switchAt(f, value, s) // the connection it returns is the migration's, switched
		}
		x.embeddedCalls(f, value, st, s)
		previous := x.valuesOfTargets(c, s)
		x.forget(st, s)
		switch pysyntax.Type(c) {
		case "assignment":
			x.assign(c, s, previous)
		case "augmented_assignment":
			x.extend(c, value, s, previous)
		}
	default:
		x.forget(st, s)
	}
}

// holdsBind: e is the migration's connection (isBind) or a name holding it.
func (x *extractor) holdsBind(e *Expr, s *scope) bool {
	return x.isBind(e, s) || s.binds[e.Dotted()]
}

// isBind: op.get_bind(), op.get_context().bind, or connection-like calls on them.
func (x *extractor) isBind(e *Expr, s *scope) bool {
	if e.Kind == pysyntax.Call && x.isOpCall(e, "get_bind", s) {
		return true
	}
	return e.Kind == pysyntax.Attribute && e.Name == "bind" && e.Object.Kind == pysyntax.Call && x.isOpCall(e.Object, "get_context", s)
}

// switchesBind: <bind>.execution_options(isolation_level="AUTOCOMMIT") on
// the migration's connection (op.get_bind(), a name holding it).
func (x *extractor) switchesBind(call *Expr, s *scope) bool {
	return switchesToAutocommit(call) && x.holdsBind(call.Func().Object, s)
}

// switchAt records a switch of the migration's connection to autocommit:
// what follows in this block runs outside the transaction.
func (x *extractor) switchAt(f *Function, call *Expr, s *scope) {
	s.switched = true
	sw := &Switch{Call: call, After: len(f.Ops)}
	if n := len(f.Ops); n > 0 && f.Ops[n-1].Call != nil {
		fn := f.Ops[n-1].Call.Func()
		sw.AfterCommit = fn.Kind == pysyntax.Attribute && fn.Name == "commit" && x.holdsBind(fn.Object, s)
	}
	f.Switches = append(f.Switches, sw)
}

// isOpCall: op.<name>(...) through any receiver bound to alembic.op, or a bare import.
func (x *extractor) isOpCall(call *Expr, name string, s *scope) bool {
	if call.Kind != pysyntax.Call {
		return false
	}
	fn := call.Func()
	if fn.Kind == pysyntax.Attribute && fn.Name == name {
		return s.opNames[fn.Object.Dotted()]
	}
	return fn.Kind == pysyntax.Name && x.bareOps[fn.Name] == name
}

func (x *extractor) call(f *Function, call *Expr, st *pysyntax.Node, s *scope) {
	fn := call.Func()
	switch {
	case fn.Kind == pysyntax.Attribute && s.opNames[fn.Object.Dotted()]:
		if sig, ok := opSignatures[fn.Name]; ok {
			o := x.newOp(f, call, st, s, fn.Name, sig)
			o.Receiver = fn.Object.Dotted()
			x.attachSQL(o, s)
			return
		}
	case fn.Kind == pysyntax.Attribute && s.batches[fn.Object.Dotted()] != nil:
		if sig, ok := batchSignatures[fn.Name]; ok {
			inner := *s
			inner.batch = s.batches[fn.Object.Dotted()]
			o := x.newOp(f, call, st, &inner, fn.Name, sig)
			o.Receiver = fn.Object.Dotted()
			if x.onBatch == nil {
				x.onBatch = map[*Op]bool{}
			}
			x.onBatch[o] = true
			if _, has := o.Args["table_name"]; !has && inner.batch.Op != nil {
				o.Args["table_name"] = inner.batch.Op.Args["table_name"]
				if schema := inner.batch.Op.Args["schema"]; schema != nil && o.Args["schema"] == nil {
					o.Args["schema"] = schema
				}
			}
			x.attachSQL(o, s)
			return
		}
	case fn.Kind == pysyntax.Name && x.bareOps[fn.Name] != "":
		name := x.bareOps[fn.Name]
		if sig, ok := opSignatures[name]; ok {
			o := x.newOp(f, call, st, s, name, sig)
			x.attachSQL(o, s)
			return
		}
	case fn.Kind == pysyntax.Attribute && (fn.Name == "create" || fn.Name == "drop"):
		if target := x.resolve(fn.Object, s); isEnumType(target) {
			name := EnumCreate
			if fn.Name == "drop" {
				name = EnumDrop
			}
			o := x.newOp(f, call, st, s, name, signature{})
			o.Args = map[string]*Expr{"bind": argOrNil(call, 0), "checkfirst": call.Keyword("checkfirst")}
			x.nameArgs(o, s)
			o.Target = x.withConstants(target, s) // sa.Enum(name=name) in a helper given the name
			o.TargetVar = fn.Object.Dotted()
			return
		}
	case fn.Kind == pysyntax.Attribute && (fn.Name == "execute" || fn.Name == "exec_driver_sql"):
		o := x.newOp(f, call, st, s, BindExecute, signature{})
		o.Args = map[string]*Expr{"sqltext": argOrNil(call, 0)}
		x.nameArgs(o, s)
		x.attachSQL(o, s)
		return
	case fn.Kind == pysyntax.Name && x.helper(fn.Name, s) != nil && len(s.helpers) < maxHelperDepth &&
		fn.Name != f.Name && !slices.Contains(s.helpers, fn.Name):
		// a helper in the same file: follow it a few levels deep (h fills a
		// column through a helper of a helper)
		def := x.helper(fn.Name, s)
		inner := x.calleeScope(def, fn.Name, call, s)
		inner.conditional, inner.batch, inner.autocommit, inner.switched, inner.committed, inner.engine = s.conditional, s.batch, s.autocommit, s.switched, s.committed, s.engine
		inner.batches, inner.loop, inner.inspections = s.batches, s.loop, s.inspections
		// the helper's own guards return from the helper only
		inner.flow = &flow{guarded: s.flow.guarded, inspections: s.flow.inspections, dialects: s.flow.dialects.and(s.dialects)}
		inner.helper, inner.helpers = cmp.Or(s.helper, fn.Name), append(slices.Clip(s.helpers), fn.Name)
		x.block(f, def.ChildByFieldName("body"), inner)
		return
	}
	if isHarmless(call) || x.harmlessObjectCall(call, s) {
		if warns(call) {
			f.Warnings = append(f.Warnings, call.Text)
		}
		return
	}
	if x.switchesBind(call, s) {
		x.switchAt(f, call, s)
	}
	if fn.Kind == pysyntax.Attribute && fn.Object.Kind == pysyntax.Call && x.embeddedCalls(f, fn.Object, st, s) {
		return // conn.execute(...).fetchall(): the inner call is the operation
	}
	o := x.newOp(f, call, st, s, UnknownCall, signature{})
	if o.Receiver = fn.Dotted(); o.Receiver == "" {
		o.Receiver = callChain(fn)
	}
}

// maxHelperDepth is how many helpers deep a walk follows calls.
const maxHelperDepth = 3

// exits reports a statement that ends the program: exit(), quit(),
// sys.exit(), os._exit().
func (x *extractor) exits(st *pysyntax.Node, s *scope) bool {
	c := st.NamedChild(0)
	if st.NamedChildCount() != 1 || pysyntax.Type(c) != "call" {
		return false
	}
	// read from the callee's text: most statements are calls, and an Expr of each would cost
	callee := c.ChildByFieldName("function")
	if callee == nil {
		return false
	}
	switch name := x.t.Text(callee); name {
	case "sys.exit", "os._exit":
		return true
	case "exit", "quit":
		return x.isBuiltin(&Expr{Kind: pysyntax.Name, Name: name}, name, s)
	}
	return false
}

// helper is the function of the file a call of name runs: one defined in
// the function walked (backend.ai's upgrade defines the function that runs
// its UPDATEs), else one of the module.
func (x *extractor) helper(name string, s *scope) *pysyntax.Node {
	if def := s.nested[name]; def != nil {
		return def
	}
	return x.funcs[name]
}

// calleeScope is the scope a call of def, the file's function called name,
// starts with: the names of the function walked it closes over, when it is
// defined there, and the constants the call gives its parameters.
func (x *extractor) calleeScope(def *pysyntax.Node, name string, call *Expr, s *scope) *scope {
	inner := x.newScope(def)
	if s.nested[name] == def {
		x.enclose(def, s, inner)
	}
	x.bindParams(def, call, s, inner)
	return inner
}

// enclose gives the scope of a function defined in the one walked what the
// names it does not bind itself hold there: a closure reads them.
func (x *extractor) enclose(def *pysyntax.Node, outer, inner *scope) {
	own := x.names.locals[def.StartByte()]
	for name, v := range outer.known {
		if _, bound := own[name]; !bound {
			inner.known[name] = v
		}
	}
	for name, v := range outer.locals.m {
		if _, bound := own[name]; !bound {
			inner.locals.set(name, v)
		}
	}
	for name := range outer.binds {
		if _, bound := own[name]; !bound {
			inner.binds[name] = true
		}
	}
}

// callChain names a method called on what a chain of calls returns
// ("session.query().filter().delete", "op.get_bind().commit",
// "get_store().delete"), which effect.rowsOnly reads by its last name as it
// reads a dotted one: "" for any other callee. Onyx's
// session.query(...).filter(...).delete() left 301 of its revisions on a
// schema not known.
func callChain(fn *Expr) string {
	if fn.Kind != pysyntax.Attribute {
		return ""
	}
	var links []string
	e := fn.Object
	for e.Kind == pysyntax.Call {
		f := e.Func()
		if f == nil {
			return ""
		}
		links = append(links, pysyntax.LastName(f.Dotted())+"()")
		if f.Kind != pysyntax.Attribute {
			e = nil
			break
		}
		e = f.Object
	}
	root := ""
	if e != nil {
		if root = e.Dotted(); root == "" {
			return ""
		}
		root += "."
	}
	if len(links) == 0 {
		return ""
	}
	slices.Reverse(links)
	return root + strings.Join(links, ".") + "." + fn.Name
}

// harmlessObjectCall reports whether call is a method of a local object made
// by a class that never reaches a database, directly or by a function of the
// file that returns one (faraday's config = ConfigParser(); config.read(path),
// funnel's progress = get_progressbar(...); progress.start()).
func (x *extractor) harmlessObjectCall(call *Expr, s *scope) bool {
	f := call.Func()
	if f == nil || f.Kind != pysyntax.Attribute || f.Object.Kind != pysyntax.Name {
		return false
	}
	made := x.resolve(f.Object, s)
	if made != nil && made.Kind == pysyntax.Call && !harmlessClasses[pysyntax.LastName(made.CallName())] {
		made = x.returnedBy(made, true)
	}
	return made != nil && made.Kind == pysyntax.Call && harmlessClasses[pysyntax.LastName(made.CallName())]
}

// harmlessClasses are classes whose objects never reach a database: the
// standard library's configuration, in-memory files and CSV files (funnel
// writes the rows it could not move to one), and progress bars.
var harmlessClasses = map[string]bool{"ConfigParser": true, "RawConfigParser": true, "StringIO": true, "BytesIO": true,
	"DictWriter": true, "DictReader": true, "ProgressBar": true, "tqdm": true}

// embeddedCalls records the operations inside an expression whose value is used
// (an assignment, a chained call). Other calls there are not side effects we track.
func (x *extractor) embeddedCalls(f *Function, e *Expr, st *pysyntax.Node, s *scope) bool {
	found := false
	e.Walk(func(c *Expr) bool {
		if c.Kind != pysyntax.Call || found {
			return !found
		}
		fn := c.Func()
		if x.isBind(c, s) || x.isOpCall(c, "f", s) || x.isOpCall(c, "get_context", s) || x.isOpCall(c, "inline_literal", s) {
			return false
		}
		isOp := fn.Kind == pysyntax.Attribute && (s.opNames[fn.Object.Dotted()] && opSignatures[fn.Name].positional != nil ||
			fn.Name == "execute" || fn.Name == "exec_driver_sql")
		if isOp {
			x.call(f, c, st, s)
			found = true
			return false
		}
		return true
	})
	return found
}

func argOrNil(call *Expr, i int) *Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// isHarmless: calls that cannot change the database.
func isHarmless(call *Expr) bool {
	name := call.CallName()
	root, _, _ := strings.Cut(name, ".")
	switch strings.ToLower(strings.Trim(root, "_")) { // _LOG.info, LOGGER.exception
	case "print", "logger", "log", "logging", "warnings", "len", "str", "int":
		return true
	}
	if name == "time.sleep" || fileModules[root] || strings.HasPrefix(name, "sys.stdout.") || strings.HasPrefix(name, "sys.stderr.") {
		return true
	}
	switch last := pysyntax.LastName(name); {
	case (last == "Table" || last == "MetaData") && (name == last || root == "sa" || root == "sqlalchemy"):
		return true // a Table object alone (octavia's sa.Table(name, md, autoload_with=bind) reflects it): no statement runs
	case last == "flag_modified" || last == "flag_dirty":
		return true // marks an ORM object's attribute changed: the session writes it, as rows
	}
	return loggerCall(call) || containerCall(call)
}

// loggerCall reports a message logged through a logger a call returns
// (prefect's get_logger().info(...), logging.getLogger(__name__).warning(...)).
func loggerCall(call *Expr) bool {
	f := call.Func()
	if f == nil || f.Kind != pysyntax.Attribute || f.Object.Kind != pysyntax.Call || !logMethods[f.Name] {
		return false
	}
	return strings.HasSuffix(strings.ToLower(pysyntax.LastName(f.Object.CallName())), "logger")
}

// logMethods are the methods of a logging.Logger that log a message.
var logMethods = map[string]bool{"debug": true, "info": true, "warning": true, "warn": true, "error": true,
	"exception": true, "critical": true, "log": true}

// containerCall reports whether call fills or empties a Python list, dict or
// set in passing (modifications.append(...), roles[key].append(...),
// seen.setdefault(key, []).append(...), current.remove(old)): no database's.
func containerCall(call *Expr) bool {
	f := call.Func()
	// update and add are also a query's and a session's: rows, which the
	// effects follow (effect.rowsOnlyMethods)
	if f == nil || f.Kind != pysyntax.Attribute || !mutators[f.Name] || f.Name == "update" || f.Name == "add" {
		return false
	}
	switch f.Object.Kind {
	case pysyntax.Name, pysyntax.Subscript, pysyntax.Attribute: // brief.data.pop(key): a JSON column's dict
		return true
	case pysyntax.Call:
		return containerCall(f.Object)
	}
	return false
}

// fileModules are the standard modules a migration calls to move files
// (FitTrackee renames its upload folders) or to compute values: never a
// database.
var fileModules = map[string]bool{"os": true, "shutil": true, "json": true, "uuid": true, "hashlib": true, "base64": true}

// warns reports whether a harmless call tells the operator of a problem:
// a log record at warning level or above, or warnings.warn.
func warns(call *Expr) bool {
	switch pysyntax.LastName(call.CallName()) {
	case "warning", "warn", "error", "critical", "exception":
		return true
	}
	return false
}

// resolve follows a name to its assigned value (function locals first, then module).
func (x *extractor) resolve(e *Expr, s *scope) *Expr {
	for range 4 {
		if e == nil || e.Kind != pysyntax.Name {
			return e
		}
		if v, ok := s.locals.m[e.Name]; ok {
			e = v
		} else if v, ok := x.m.Vars[e.Name]; ok {
			e = v
		} else {
			return e
		}
	}
	return e
}

// factoryValue is what a call of a module-level function of the file
// without parameters returns, when its body is that one return (see
// returnedBy): app's __create_enum() builds the enum type an add_column then
// uses. nil for any other call.
func (x *extractor) factoryValue(call *Expr) *Expr {
	if len(call.Args) > 0 || len(call.Keywords()) > 0 {
		return nil
	}
	return x.returnedBy(call, false)
}

// returnedBy is what a call of a module-level function of the file returns,
// when its body is that one return (and trivial statements: a docstring,
// pass); with parameters only
// when withParams (the value may then read them). nil for any other call.
func (x *extractor) returnedBy(call *Expr, withParams bool) *Expr {
	f := call.Func()
	if call.Kind != pysyntax.Call || f == nil || f.Kind != pysyntax.Name {
		return nil
	}
	returned, _ := x.returnOf(x.funcs[f.Name], withParams, false)
	return returned
}

// returnOf is the expression def returns, when its body is that one return
// (see returnedBy). With computes, assignments that only compute strings
// may come before it (notification-api escapes the quotes of its values);
// they are returned, for the caller to forget the names they bind.
func (x *extractor) returnOf(def *pysyntax.Node, withParams, computes bool) (returned *Expr, computed []*pysyntax.Node) {
	if def == nil || !withParams && def.ChildByFieldName("parameters").NamedChildCount() > 0 {
		return nil, nil
	}
	var ret *pysyntax.Node
	body := def.ChildByFieldName("body")
	for i := range int(body.NamedChildCount()) {
		switch st := body.NamedChild(i); {
		case pysyntax.Type(st) == "comment", isTrivial(x.t, st):
		case pysyntax.Type(st) == "return_statement" && ret == nil && st.NamedChildCount() == 1:
			ret = st.NamedChild(0)
		case computes && ret == nil && x.computesString(st):
			computed = append(computed, st)
		default:
			return nil, nil
		}
	}
	if ret == nil {
		return nil, nil
	}
	return x.t.Expr(ret), computed
}

// computesString reports an assignment whose value calls nothing but
// methods of str and the builtins that convert: no side effect.
func (x *extractor) computesString(st *pysyntax.Node) bool {
	a := st.NamedChild(0)
	if pysyntax.Type(st) != "expression_statement" || st.NamedChildCount() != 1 || pysyntax.Type(a) != "assignment" ||
		a.ChildByFieldName("right") == nil {
		return false
	}
	pure := true
	x.t.Expr(a.ChildByFieldName("right")).Walk(func(e *Expr) bool {
		if e.Kind == pysyntax.Call {
			fn := e.Func()
			pure = pure && (fn.Kind == pysyntax.Attribute && stringMethods[fn.Name] || fn.Kind == pysyntax.Name && conversions[fn.Name])
		}
		return pure
	})
	return pure
}

var (
	stringMethods = map[string]bool{"replace": true, "strip": true, "lstrip": true, "rstrip": true, "lower": true,
		"upper": true, "title": true, "format": true, "join": true, "split": true, "zfill": true}
	conversions = map[string]bool{"str": true, "int": true, "float": true, "len": true, "repr": true}
)

// factoryOr is what value holds when assigned: the value a factory call
// returns (factoryValue), else value itself.
func (x *extractor) factoryOr(value *Expr) *Expr {
	if v := x.factoryValue(value); v != nil {
		return v
	}
	return value
}

func (x *extractor) newOp(f *Function, call *Expr, st *pysyntax.Node, s *scope, name string, sig signature) *Op {
	o := &Op{Name: name, Call: call, Stmt: x.t.Span(st), Indent: x.indent(st), Locals: s.locals.snapshot(),
		Batch: s.batch, Autocommit: s.autocommit, Switched: s.switched, Committed: s.committed, Conditional: s.conditional, ByDialect: s.conditional && s.byDialect,
		Helper: s.helper, Engine: s.engine, Loop: s.loop, Guarded: s.flow.guarded}
	if len(s.inspections)+len(s.flow.inspections) > 0 {
		o.Inspections = slices.Concat(s.flow.inspections, s.inspections)
	}
	d := s.flow.dialects.and(s.dialects)
	o.OnlyDialect, o.SkipDialects = d.only, d.skip
	if sig.positional != nil || sig.keywords != nil || sig.varargs != "" || name == "get_bind" {
		bind(o, call, sig)
	}
	if o.Batch != nil && o.Batch.Op == o {
		o.Batch = nil
	}
	x.nameArgs(o, s)
	if x.ops++; x.ops > MaxOps {
		x.m.TooLarge = true
		return o
	}
	f.Ops = append(f.Ops, o)
	return o
}

// nameArgs reads the arguments written as names: those that certainly hold a
// string become that string, others are resolved to their last assignment
// (columns and types are often built once at module level). A string assigned
// in a branch or more than once is not trusted.
func (x *extractor) nameArgs(o *Op, s *scope) {
	for k, v := range o.Args {
		o.Args[k] = x.withConstants(v, s)
	}
	for k, v := range o.Extra {
		o.Extra[k] = x.withConstants(v, s)
	}
	for i, v := range o.Varargs {
		o.Varargs[i] = x.withConstants(v, s)
	}
	for k, v := range o.Args {
		if v != nil && v.Kind == pysyntax.Name {
			if r := x.resolve(v, s); r != v && r != nil && r.Kind != pysyntax.String {
				o.Resolved = setResolved(o.Resolved, k, r)
			}
		}
	}
}

func setResolved(m map[string]*Expr, k string, v *Expr) map[string]*Expr {
	if m == nil {
		m = map[string]*Expr{}
	}
	m[k] = v
	return m
}

// attachSQL classifies the SQL of execute-like operations.
func (x *extractor) attachSQL(o *Op, s *scope) {
	if o.Name != "execute" && o.Name != BindExecute {
		return
	}
	o.SQL = x.sqlOf(o.Args["sqltext"], s)
	if o.SQL.Known && slices.ContainsFunc(o.SQL.Statements, Statement.Commits) {
		s.committed = true // what follows in this block runs outside a transaction
	}
}

func (x *extractor) sqlOf(e *Expr, s *scope) *SQL { return x.sqlOfClause(e, s, false) }

// sqlOfClause is sqlOf of an expression inside text() (inText), where a
// backslash escapes a colon: text("(:v)\\:\\:jsonb") runs (:v)::jsonb.
func (x *extractor) sqlOfClause(e *Expr, s *scope, inText bool) *SQL {
	if x.sqlDepth > maxSQLDepth { // q = q.bindparams(...): a cycle of names
		return &SQL{}
	}
	x.sqlDepth++
	defer func() { x.sqlDepth-- }()
	if known := x.constant(e, s); known != nil {
		e = known
	}
	if e == nil {
		return &SQL{}
	}
	var b sqlText
	if x.sqlTextOf(&b, e, s) {
		if inText {
			b.unescapeColons()
		}
		b.places = append(b.places, place{e.Span.End, e.Span.End})
		sql := classifySQL(b.text.String(), b.places, b.holes > 0, x.t.SpanOf)
		if sql.Partial {
			sql.Text = e.Text // for messages: the expression as written
		}
		return sql
	}
	switch e.Kind {
	case pysyntax.Call:
		switch name := pysyntax.LastName(e.CallName()); name {
		case "text", "dedent", "strip", "DDL":
			if len(e.Args) > 0 {
				return x.sqlOfClause(e.Args[0], s, inText || name == "text")
			}
		}
		if f := e.Func(); f.Kind == pysyntax.Attribute && textMethods[f.Name] {
			return x.sqlOfClause(f.Object, s, inText)
		}
	}
	if e.Kind == pysyntax.Name {
		if shape := x.rowsOfEveryValue(e, s, inText); shape != nil {
			return &SQL{Text: e.Text, Shape: shape}
		}
	}
	return &SQL{Text: e.Text, Shape: constructShape(e, func(name *Expr) *Expr { return x.resolve(name, s) })}
}

// rowsOfEveryValue is the shape of the SQL a local name holds when the
// values it is assigned (in the branches of an if, say) all leave the schema
// the model follows as it is (rowsOrSession): whichever runs, the schema
// stays. nil otherwise. (notifications-api's 0039 picks one of six UPDATEs by the row's
// status, and left the rest of its history unknown.)
func (x *extractor) rowsOfEveryValue(e *Expr, s *scope, inText bool) []Statement {
	values := x.assignedValues(e.Name, s)
	if len(values) == 0 {
		return nil
	}
	var shape []Statement
	for _, v := range values {
		sql := x.sqlOfClause(v, s, inText)
		statements := sql.Statements
		if !sql.Known {
			statements = sql.Shape
		}
		if len(statements) == 0 {
			return nil
		}
		for _, st := range statements {
			if !rowsOrSession(st) {
				return nil
			}
			shape = append(shape, st)
		}
	}
	return shape
}

// textMethods are the methods of a str or of text() that keep its SQL:
// text("UPDATE ...").bindparams(...) (or .params(...)) runs the UPDATE.
var textMethods = map[string]bool{"strip": true, "dedent": true, "bindparams": true, "params": true, "columns": true, "execution_options": true}
