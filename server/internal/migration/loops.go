package migration

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// A loop over literal values (`for t in ("a", "b"):`) runs every iteration on
// every run, so it is walked once per value with its variables bound: each
// iteration's operations are seen with their own table, and are not conditional.
const (
	maxIterations = 50   // per loop; longer literal loops stay conditional
	maxUnrolled   = 1000 // per file, nested loops included, so that nesting cannot multiply
)

// iterations returns the loop variables of each iteration of a for statement
// over literal values, or ok=false when the values are not known.
func (x *extractor) iterations(st *pysyntax.Node, s *scope) (iters []map[string]*Expr, ok bool) {
	left, right := st.ChildByFieldName("left"), st.ChildByFieldName("right")
	if left == nil || right == nil {
		return nil, false
	}
	values, ok := x.elements(x.t.Expr(right), s, 0)
	if !ok || len(values) > maxIterations || len(values) > x.unrollBudget {
		return nil, false
	}
	for _, v := range values {
		vars := map[string]*Expr{}
		if !x.bindTarget(left, v, s, vars) {
			return nil, false
		}
		iters = append(iters, vars)
	}
	return iters, true
}

// elements lists the values a loop over e takes: a list or tuple literal, a
// dict literal (its keys), .items()/.keys()/.values() of a dict, .split(sep)
// of a known string, enumerate(),
// reversed(), list(), tuple() and zip() of those, or a name certainly holding
// one.
func (x *extractor) elements(e *Expr, s *scope, depth int) ([]*Expr, bool) {
	if e == nil || depth > 4 {
		return nil, false
	}
	switch e.Kind {
	case pysyntax.Name:
		if v := x.iterable(e, s); v != nil {
			return x.elements(v, s, depth+1)
		}
	case pysyntax.List, pysyntax.Tuple:
		if !isSequence(e) {
			return nil, false
		}
		for _, a := range e.Args {
			if a.Kind == pysyntax.Splat {
				return nil, false
			}
		}
		return e.Args, true
	case pysyntax.Dict:
		if d := literalDict(e); d != nil {
			return d.Keys(), true
		}
	case pysyntax.Call:
		if len(e.Keywords()) > 0 {
			return nil, false
		}
		fn := e.Func()
		switch {
		case fn.Kind == pysyntax.Attribute && len(e.Args) == 0 && (fn.Name == "items" || fn.Name == "keys" || fn.Name == "values"):
			d := fn.Object
			if d.Kind == pysyntax.Name {
				d = x.iterable(d, s)
			}
			if d = literalDict(d); d == nil {
				return nil, false
			}
			switch fn.Name {
			case "keys":
				return d.Keys(), true
			case "values":
				return d.Args, true
			}
			out := make([]*Expr, len(d.Keys()))
			for i := range d.Keys() {
				out[i] = tupleOf(e.Span, d.Keys()[i], d.Args[i])
			}
			return out, true
		case fn.Kind == pysyntax.Attribute && fn.Name == "split" && len(e.Args) == 1:
			// a known string cut by a literal separator (backend.ai runs the
			// statements of queries.split(";") one by one)
			text, known := x.knownString(fn.Object, s)
			sep, literal := e.Args[0].StringValue()
			if !known || !literal || sep == "" {
				return nil, false
			}
			var out []*Expr
			for _, piece := range strings.Split(text, sep) {
				out = append(out, &Expr{Kind: pysyntax.String, Span: fn.Object.Span, Str: piece})
			}
			return out, true
		case x.isBuiltin(fn, "enumerate", s) && len(e.Args) == 1:
			values, ok := x.elements(e.Args[0], s, depth+1)
			if !ok {
				return nil, false
			}
			out := make([]*Expr, len(values))
			for i, v := range values {
				index := &Expr{Kind: pysyntax.Number, Span: v.Span, Text: strconv.Itoa(i)}
				out[i] = tupleOf(e.Span, index, v)
			}
			return out, true
		case (x.isBuiltin(fn, "reversed", s) || x.isBuiltin(fn, "list", s) || x.isBuiltin(fn, "tuple", s)) && len(e.Args) == 1:
			values, ok := x.elements(e.Args[0], s, depth+1)
			if !ok {
				return nil, false
			}
			if fn.Name == "reversed" {
				values = slices.Clone(values)
				slices.Reverse(values)
			}
			return values, true
		case x.isBuiltin(fn, "zip", s) && len(e.Args) > 0:
			var columns [][]*Expr
			n := maxIterations + 1
			for _, a := range e.Args {
				values, ok := x.elements(a, s, depth+1)
				if !ok {
					return nil, false
				}
				columns = append(columns, values)
				n = min(n, len(values))
			}
			out := make([]*Expr, n)
			for i := range out {
				row := make([]*Expr, len(columns))
				for j, c := range columns {
					row[j] = c[i]
				}
				out[i] = tupleOf(e.Span, row...)
			}
			return out, true
		}
	}
	return nil, false
}

// isSequence: a list or tuple literal. A set converts to a Tuple too, but its
// order is not the source order.
func isSequence(e *Expr) bool {
	return e != nil && (e.Kind == pysyntax.List || e.Kind == pysyntax.Tuple && !strings.HasPrefix(e.Text, "{"))
}

// literalDict returns d when it is a dict literal whose every entry is a key:
// value pair (a **splat is dropped by the conversion).
func literalDict(d *Expr) *Expr {
	if d == nil || d.Kind != pysyntax.Dict || strings.Contains(d.Text, "**") {
		return nil
	}
	return d
}

// isBuiltin: fn names the builtin, not shadowed in the function or module.
func (x *extractor) isBuiltin(fn *Expr, name string, s *scope) bool {
	if fn.Kind != pysyntax.Name || fn.Name != name {
		return false
	}
	_, local := s.known[name]
	return !local && x.names.module[name] == 0
}

// tupleOf builds the tuple an iteration yields (a dict item, an enumerate or zip row).
func tupleOf(span Span, items ...*Expr) *Expr {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.Text
	}
	return &Expr{Kind: pysyntax.Tuple, Span: span, Text: "(" + strings.Join(texts, ", ") + ")", Args: items}
}

// bindTarget binds a loop target (a name, or a pattern that unpacks) to one value.
func (x *extractor) bindTarget(target *pysyntax.Node, v *Expr, s *scope, vars map[string]*Expr) bool {
	switch pysyntax.Type(target) {
	case "identifier":
		vars[x.t.Text(target)] = v
		return true
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression":
		if known := x.constant(v, s); known != nil {
			v = known
		}
		if !isSequence(v) {
			return false
		}
		var targets []*pysyntax.Node
		for i := 0; i < int(target.NamedChildCount()); i++ {
			if c := target.NamedChild(i); !pysyntax.Extra(pysyntax.Type(c)) {
				targets = append(targets, c)
			}
		}
		if pysyntax.Type(target) == "parenthesized_expression" && len(targets) == 1 {
			return x.bindTarget(targets[0], v, s, vars)
		}
		if len(targets) != len(v.Args) {
			return false
		}
		for i, t := range targets {
			if !x.bindTarget(t, v.Args[i], s, vars) {
				return false
			}
		}
		return true
	}
	return false
}

// unroll walks a for statement once per iteration, then its else block. It
// reports whether the function may return inside.
func (x *extractor) unroll(f *Function, st *pysyntax.Node, iters []map[string]*Expr, s *scope) (mayReturn bool) {
	x.unrollBudget -= len(iters)
	body := st.ChildByFieldName("body")
	breaks, exits := loopExits(body, false)
	assigned := map[string]int{}
	x.bound(st, assigned, nil)
	reset := func() {
		for name := range assigned {
			s.known[name] = nil
		}
	}
	inner := *s
	// an iteration left early (break, continue, return) makes its operations uncertain
	inner.conditional = s.conditional || exits
	for _, vars := range iters {
		if exits {
			reset()
		}
		it := inner
		it.loop = maps.Clone(s.loop)
		if it.loop == nil {
			it.loop = map[string]*Expr{}
		}
		for name, v := range vars {
			it.loop[name] = v
			s.known[name] = x.constant(v, s)
			s.locals.set(name, v)
		}
		always, may := x.block(f, body, &it)
		mayReturn = mayReturn || may
		if always {
			break
		}
	}
	reset()
	for i := 0; i < int(st.NamedChildCount()); i++ {
		if c := st.NamedChild(i); pysyntax.Type(c) == "else_clause" {
			// the else block runs when no break ended the loop
			els := *s
			els.conditional = s.conditional || breaks || mayReturn
			_, may := x.block(f, c.ChildByFieldName("body"), &els)
			mayReturn = mayReturn || may
			reset()
		}
	}
	return mayReturn
}

// loopExits reports whether a loop body may break out of the loop, and whether
// it may leave an iteration early at all (break, continue or return). In a
// nested loop's body, break and continue belong to that loop.
func loopExits(n *pysyntax.Node, nested bool) (breaks, exits bool) {
	if n == nil {
		return false, false
	}
	switch pysyntax.Type(n) {
	case "break_statement":
		return !nested, !nested
	case "continue_statement":
		return false, !nested
	case "return_statement":
		return false, true
	case "function_definition", "class_definition", "lambda":
		return false, false
	}
	var body *pysyntax.Node
	if t := pysyntax.Type(n); t == "for_statement" || t == "while_statement" {
		body = n.ChildByFieldName("body")
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		inner := nested || body != nil && c.StartByte() == body.StartByte() && c.EndByte() == body.EndByte()
		b, e := loopExits(c, inner)
		breaks, exits = breaks || b, exits || e
	}
	return breaks, exits
}
