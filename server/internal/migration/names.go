package migration

import (
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Teams name tables, columns and constraints once (TABLE = "widgets") and pass
// the name to every operation. An argument written as such a name is read as
// the value only where Python certainly sees that value: a module constant
// bound once, by a top-level assignment, never declared global; a local
// assigned before the call on every path; the variable of an unrolled loop.

// nameFacts is what one pass over the whole tree learns about names.
type nameFacts struct {
	module map[string]int            // times each name is bound at module scope
	locals map[uint32]map[string]int // by function definition start: parameters and names bound in the body
	// assigned are, by function definition start, the values of the plain
	// assignments (name = value) of each name in the body
	assigned map[uint32]map[string][]*pysyntax.Node
	global   map[string]bool // declared global in some function
	mutated  map[string]bool // changed in place: x.append(...), x[k] = v, x.attr = v
	// function is the definition start of the function being walked (0: module)
	function uint32
}

// mutators are the methods that change a list, dict or set in place.
var mutators = map[string]bool{"append": true, "extend": true, "insert": true, "remove": true, "pop": true,
	"clear": true, "update": true, "setdefault": true, "sort": true, "reverse": true, "add": true,
	"discard": true, "popitem": true}

// constants finds the module constants and the local names of every function.
func (x *extractor) constants(root *pysyntax.Node) {
	f := &nameFacts{module: map[string]int{}, locals: map[uint32]map[string]int{}, assigned: map[uint32]map[string][]*pysyntax.Node{},
		global: map[string]bool{}, mutated: map[string]bool{}}
	x.bound(root, f.module, f)
	x.names = f
	x.m.ModuleNames = f.module
	x.consts = map[string]*Expr{}
	for i := 0; i < int(root.NamedChildCount()); i++ {
		st := root.NamedChild(i)
		if pysyntax.Type(st) != "expression_statement" {
			continue
		}
		a := st.NamedChild(0)
		if a == nil || pysyntax.Type(a) != "assignment" {
			continue
		}
		var targets []string
		for a != nil && pysyntax.Type(a) == "assignment" { // a = b = "x"
			if left := a.ChildByFieldName("left"); left != nil && pysyntax.Type(left) == "identifier" {
				targets = append(targets, x.t.Text(left))
			}
			a = a.ChildByFieldName("right")
		}
		if a == nil {
			continue
		}
		value := x.t.Expr(a)
		for _, name := range targets {
			if f.module[name] == 1 && !f.global[name] {
				x.consts[name] = value
			}
		}
	}
}

// bound records in into the names that the statements of n bind in the scope
// being walked. With facts, it also records the locals of each function, the
// global declarations and in-place changes; without, it only collects.
func (x *extractor) bound(n *pysyntax.Node, into map[string]int, facts *nameFacts) {
	var plainCallee *pysyntax.Node
	switch pysyntax.Type(n) {
	case "function_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			into[x.t.Text(name)]++
		}
		if facts == nil {
			return // a nested function's own names are not this scope's
		}
		locals := map[string]int{}
		if params := n.ChildByFieldName("parameters"); params != nil {
			x.targets(params, locals, nil)
		}
		facts.locals[n.StartByte()] = locals
		outer := facts.function
		facts.function = n.StartByte()
		if body := n.ChildByFieldName("body"); body != nil {
			x.bound(body, locals, facts)
		}
		facts.function = outer
		return
	case "class_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			into[x.t.Text(name)]++
		}
		if body := n.ChildByFieldName("body"); body != nil && facts != nil {
			x.bound(body, map[string]int{}, facts) // class attributes are not module names
		}
		return
	case "lambda", "string", "comment", "identifier":
		return
	case "argument_list":
		// a call's arguments bind nothing but a walrus (comprehension variables
		// stay in the comprehension): skipping them keeps this walk cheap on
		// the large create_table calls of generated migrations
		if !strings.Contains(x.t.Text(n), ":=") {
			return
		}
	case "assignment", "augmented_assignment", "for_statement", "for_in_clause", "delete_statement":
		target := n.ChildByFieldName("left")
		if right := n.ChildByFieldName("right"); facts != nil && facts.function != 0 && pysyntax.Type(n) == "assignment" &&
			target != nil && pysyntax.Type(target) == "identifier" && right != nil && pysyntax.Type(right) != "assignment" {
			byName := facts.assigned[facts.function]
			if byName == nil {
				byName = map[string][]*pysyntax.Node{}
				facts.assigned[facts.function] = byName
			}
			byName[x.t.Text(target)] = append(byName[x.t.Text(target)], right)
		}
		if pysyntax.Type(n) == "delete_statement" {
			target = n.NamedChild(0)
		}
		if target != nil {
			x.targets(target, into, facts)
		}
	case "as_pattern":
		if alias := n.ChildByFieldName("alias"); alias != nil {
			x.targets(alias, into, facts)
		}
	case "named_expression":
		if name := n.ChildByFieldName("name"); name != nil {
			into[x.t.Text(name)]++
		}
	case "import_statement", "import_from_statement":
		for _, imp := range x.importList(n) {
			into[imp.Local]++
		}
		return
	case "case_pattern": // capture patterns bind; value patterns are over-counted, which only loses a constant
		x.targets(n, into, nil)
		return
	case "global_statement", "nonlocal_statement":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); pysyntax.Type(c) == "identifier" {
				into[x.t.Text(c)]++
				if facts != nil && pysyntax.Type(n) == "global_statement" {
					facts.global[x.t.Text(c)] = true
				}
			}
		}
	case "call":
		if facts == nil {
			break
		}
		if fn := pysyntax.Field(n, 0, "function"); fn != nil && pysyntax.Type(fn) == "attribute" {
			obj, attr := pysyntax.Field(fn, 0, "object"), pysyntax.Field(fn, 1, "attribute")
			if obj != nil && attr != nil && pysyntax.Type(obj) == "identifier" {
				if mutators[x.t.Text(attr)] {
					facts.mutated[x.t.Text(obj)] = true
				}
				plainCallee = fn // name.attr binds nothing: not walked (most calls are op.<operation>)
			}
		}
	}
	for i, k := 0, int(n.NamedChildCount()); i < k; i++ {
		if c := n.NamedChild(i); c != plainCallee {
			x.bound(c, into, facts)
		}
	}
}

// targets records the names an assignment target binds; an attribute or item
// target changes its object in place instead.
func (x *extractor) targets(n *pysyntax.Node, into map[string]int, facts *nameFacts) {
	switch pysyntax.Type(n) {
	case "identifier":
		into[x.t.Text(n)]++
	case "attribute", "subscript":
		obj := n.NamedChild(0)
		if facts != nil && obj != nil && pysyntax.Type(obj) == "identifier" {
			facts.mutated[x.t.Text(obj)] = true
		}
	case "typed_parameter": // `op: Operations` has no name field
		if c := n.NamedChild(0); c != nil {
			x.targets(c, into, facts)
		}
	case "default_parameter", "typed_default_parameter":
		if name := n.ChildByFieldName("name"); name != nil {
			x.targets(name, into, facts)
		}
	default: // patterns, tuples, lists, *rest, parameter lists
		for i, k := 0, int(n.NamedChildCount()); i < k; i++ {
			x.targets(n.NamedChild(i), into, facts)
		}
	}
}

// constant returns the value a name certainly holds at this point of the walk,
// or nil. A local (bound anywhere in the function) hides the module constant.
func (x *extractor) constant(e *Expr, s *scope) *Expr {
	v, _ := x.lookup(e, s)
	return v
}

// lookup is constant, also telling whether the name is a module constant:
// then the name means the same value anywhere in the file.
func (x *extractor) lookup(e *Expr, s *scope) (value *Expr, module bool) {
	for range 4 {
		if e == nil || e.Kind != pysyntax.Name {
			return e, module
		}
		v, local := s.known[e.Name]
		if module || !local {
			v, module = x.consts[e.Name], true
		}
		e = v
	}
	return nil, false
}

// assignedValues are the values a local name may hold anywhere in the
// function s walks: those of its plain assignments, when it is bound in no
// other way (a parameter, a loop variable, `as`, +=); nil otherwise.
func (x *extractor) assignedValues(name string, s *scope) []*Expr {
	if s.function == 0 {
		return nil
	}
	values := x.names.assigned[s.function][name]
	if len(values) == 0 || len(values) != x.names.locals[s.function][name] {
		return nil
	}
	out := make([]*Expr, len(values))
	for i, v := range values {
		out[i] = x.t.Expr(v)
	}
	return out
}

// iterable returns the list, tuple or dict literal an expression is or a name
// certainly holds, unless the name's value is changed in place somewhere.
func (x *extractor) iterable(e *Expr, s *scope) *Expr {
	v := x.constant(e, s)
	if v == nil || (v.Kind != pysyntax.List && v.Kind != pysyntax.Tuple && v.Kind != pysyntax.Dict) {
		return nil
	}
	if e.Kind == pysyntax.Name && x.names.mutated[e.Name] {
		return nil
	}
	return v
}

// forget marks the names the statement n binds as unknown from here on.
func (x *extractor) forget(n *pysyntax.Node, s *scope) {
	names := map[string]int{}
	x.bound(n, names, nil)
	for name := range names {
		s.known[name] = nil
	}
}

// assign records `a = b = value` when every target is a plain name; previous
// are the names' values before the statement.
func (x *extractor) assign(a *pysyntax.Node, s *scope, previous map[string]*Expr) {
	var targets []string
	for a != nil && pysyntax.Type(a) == "assignment" {
		left := a.ChildByFieldName("left")
		if left == nil || pysyntax.Type(left) != "identifier" {
			return
		}
		targets = append(targets, x.t.Text(left))
		a = a.ChildByFieldName("right")
	}
	if a == nil {
		return
	}
	value := x.withConstants(x.constant(x.t.Expr(a), s), s) // the names' values now, not when it is read
	for _, name := range targets {
		value = withValueOf(value, name, previous)
	}
	for _, name := range targets {
		s.known[name] = value
	}
}

// extend records `name += value` as name = name + value, name's value before
// the statement given (renku's statement = statement + str(...), a query
// built up a clause at a time).
func (x *extractor) extend(a *pysyntax.Node, value *Expr, s *scope, previous map[string]*Expr) {
	left, operator := a.ChildByFieldName("left"), a.ChildByFieldName("operator")
	if left == nil || pysyntax.Type(left) != "identifier" || operator == nil || x.t.Text(operator) != "+=" {
		return
	}
	name := x.t.Text(left)
	sum := &Expr{Kind: pysyntax.Operator, Name: "+", Span: value.Span, Text: x.t.Text(a),
		Args: []*Expr{{Kind: pysyntax.Name, Name: name, Span: x.t.Expr(left).Span, Text: name}, x.withConstants(value, s)}}
	s.known[name] = withValueOf(sum, name, previous)
}

// withValueOf returns e with name, as an operand of e, replaced by the value
// it held before e was assigned to it (in previous): a value that reads the
// name it is assigned to would otherwise read itself. nil when the name held
// no known value.
func withValueOf(e *Expr, name string, previous map[string]*Expr) *Expr {
	if e != nil && e.Kind == pysyntax.Call && e.Func() != nil && e.Func().Kind == pysyntax.Attribute {
		// a method of the name's own value: stmt = stmt.bindparams(...)
		// (lemur's, in a loop) runs the text() stmt held
		fn := e.Func()
		if fn.Object.Kind != pysyntax.Name || fn.Object.Name != name {
			return e
		}
		before := previous[name]
		if before == nil {
			return nil
		}
		method := *fn
		method.Object = before
		c := *e
		c.Parts = &pysyntax.Parts{Func: &method, Keys: e.Parts.Keys, Keywords: e.Parts.Keywords}
		return &c
	}
	if e == nil || e.Kind != pysyntax.Operator {
		return e
	}
	if !slices.ContainsFunc(e.Args, func(a *Expr) bool { return a.Kind == pysyntax.Name && a.Name == name }) {
		return e
	}
	before := previous[name]
	if before == nil {
		return nil
	}
	c := *e
	c.Args = slices.Clone(e.Args)
	for j, a := range c.Args {
		if a.Kind == pysyntax.Name && a.Name == name {
			c.Args[j] = before
		}
	}
	return &c
}

// valuesOfTargets are the values the plain names an assignment assigns to
// held before it.
func (x *extractor) valuesOfTargets(a *pysyntax.Node, s *scope) map[string]*Expr {
	var out map[string]*Expr
	for a != nil && (pysyntax.Type(a) == "assignment" || pysyntax.Type(a) == "augmented_assignment") {
		left := a.ChildByFieldName("left")
		if left == nil || pysyntax.Type(left) != "identifier" {
			break
		}
		if v := s.known[x.t.Text(left)]; v != nil {
			if out == nil {
				out = map[string]*Expr{}
			}
			out[x.t.Text(left)] = v
		}
		a = a.ChildByFieldName("right")
	}
	return out
}

// withConstants returns e with every name that certainly holds a string replaced
// by that string: a String expression at the name's place, so that fixes still
// edit the call. Its Text stays the name for a module constant, which means the
// same anywhere in the file; for a local it is the literal the value came from,
// and the Text of the expressions around it changes to match, so that code
// generated elsewhere (a downgrade) from it stays valid. e itself is not changed.
func (x *extractor) withConstants(e *Expr, s *scope) *Expr {
	if e == nil {
		return nil
	}
	switch e.Kind {
	case pysyntax.Name:
		if v, module := x.lookup(e, s); v != nil && v.Kind == pysyntax.String {
			text := v.Text
			if module {
				text = e.Text
			}
			return &Expr{Kind: pysyntax.String, Str: v.Str, Span: e.Span, Text: text}
		}
	case pysyntax.Attribute:
		// the name of an enum type a name holds (tracim's helper formats
		// "ALTER TYPE {} RENAME TO {}_old" with from_enum.name, its enum
		// argument a module constant sa.Enum(..., name="entitytype"))
		if e.Name != "name" {
			break
		}
		if v, module := x.lookup(e.Object, s); isEnumType(v) {
			if n := x.withConstants(v.Keyword("name"), s); n != nil && n.Kind == pysyntax.String {
				text := n.Text
				if module {
					text = e.Text
				}
				return &Expr{Kind: pysyntax.String, Str: n.Str, Span: e.Span, Text: text}
			}
		}
	case pysyntax.Call, pysyntax.List, pysyntax.Tuple, pysyntax.Dict, pysyntax.Operator:
		var c *Expr
		var edits []textEdit
		replace := func(old, new *Expr) {
			if c == nil {
				copied := *e
				c = &copied
				c.Args = append([]*Expr(nil), e.Args...)
				if e.Parts != nil {
					c.Parts = &pysyntax.Parts{Func: e.Parts.Func, Keys: append([]*Expr(nil), e.Parts.Keys...),
						Keywords: append([]pysyntax.Keyword(nil), e.Parts.Keywords...)}
				}
			}
			edits = append(edits, textEdit{old.Span, new.Text})
		}
		for i, a := range e.Args {
			if r := x.withConstants(a, s); r != a {
				replace(a, r)
				c.Args[i] = r
			}
		}
		for i, k := range e.Keys() {
			if r := x.withConstants(k, s); r != k {
				replace(k, r)
				c.Parts.Keys[i] = r
			}
		}
		for i, k := range e.Keywords() {
			if r := x.withConstants(k.Value, s); r != k.Value {
				replace(k.Value, r)
				c.Parts.Keywords[i].Value = r
			}
		}
		if c != nil {
			c.Text = spliced(e, edits)
			return c
		}
	}
	return e
}

// textEdit replaces the text of a span.
type textEdit struct {
	span Span
	text string
}

// spliced is e's text with the edits (of spans inside it) applied.
func spliced(e *Expr, edits []textEdit) string {
	if len(e.Text) != e.Span.End-e.Span.Start {
		return e.Text
	}
	slices.SortFunc(edits, func(a, b textEdit) int { return a.span.Start - b.span.Start })
	var b strings.Builder
	pos := e.Span.Start
	for _, ed := range edits {
		if ed.span.Start < pos || ed.span.End > e.Span.End {
			return e.Text
		}
		b.WriteString(e.Text[pos-e.Span.Start : ed.span.Start-e.Span.Start])
		b.WriteString(ed.text)
		pos = ed.span.End
	}
	b.WriteString(e.Text[pos-e.Span.Start:])
	return b.String()
}
