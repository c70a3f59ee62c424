// Package pyscope finds the names that stretches of Python source use where no
// binding reaches them: code that would fail with NameError (or
// UnboundLocalError) when it runs. Python's scoping rules decide: a function's
// parameters and the names it binds, the enclosing functions, the module's
// names, the builtins; class bodies are not seen from the functions inside them.
package pyscope

import (
	"context"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Use is one name used where nothing binds it.
type Use struct {
	Name string
	Line int
	// Later is set when the function binds the name only after this use
	// (UnboundLocalError), rather than nowhere.
	Later bool
}

// Unbound lists the names used inside the ranges of src that no binding
// reaches. A name a star import may bind counts as bound: only names
// certainly unbound are listed.
func Unbound(ctx context.Context, src []byte, ranges []edit.Range) ([]Use, error) {
	t, err := pysyntax.Parse(ctx, src)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	w := &walker{t: t, ranges: ranges}
	module := newScope(moduleScope, nil)
	w.block(t.Root(), module)
	slices.SortStableFunc(w.uses, func(a, b use) int { return a.at - b.at })
	var out []Use
	for _, u := range w.uses {
		if bound, later := u.scope.resolve(u.name, u.at); !bound {
			line, _ := t.Position(u.at)
			out = append(out, Use{Name: u.name, Line: line, Later: later})
		}
	}
	return out, nil
}

type scopeKind int

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	// comprehensionScope also stands for a lambda: both see the enclosing
	// scopes and bind only their own variables.
	comprehensionScope
)

type scope struct {
	kind   scopeKind
	parent *scope
	// first is where each name is first bound in the scope (a parameter at the
	// scope's start).
	first     map[string]int
	globals   map[string]bool
	nonlocals map[string]bool
	star      bool // a star import: any name may be bound
}

func newScope(kind scopeKind, parent *scope) *scope {
	return &scope{kind: kind, parent: parent, first: map[string]int{}, globals: map[string]bool{}, nonlocals: map[string]bool{}}
}

func (s *scope) bind(name string, at int) {
	switch {
	case s.globals[name]:
		s = s.module()
	case s.nonlocals[name]:
		return // the enclosing function's name, bound there too
	}
	if first, ok := s.first[name]; !ok || at < first {
		s.first[name] = at
	}
}

// resolve says whether a use of name at offset at, in scope s, reaches a
// binding; later is set when the only binding of its own function or module
// comes after the use.
func (s *scope) resolve(name string, at int) (bound, later bool) {
	for c := s; c != nil; c = c.parent {
		if c != s && c.kind == classScope {
			continue // a class body's names are not seen from the scopes inside it
		}
		if c.globals[name] {
			// looked up in the module when the function runs, after the module ran
			m := s.module()
			_, ok := m.first[name]
			return ok || m.star || builtins[name], false
		}
		if c.nonlocals[name] {
			continue
		}
		if first, ok := c.first[name]; ok {
			// code runs top to bottom in its own scope (a comprehension's
			// element comes before its for clause); an enclosing scope may bind
			// the name any time before the inner one is called
			if c == s && c.kind != comprehensionScope && first > at {
				return false, true
			}
			return true, false
		}
		if c.star {
			return true, false
		}
	}
	return builtins[name], false
}

func (s *scope) module() *scope {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

// use is an identifier read inside the checked ranges.
type use struct {
	name  string
	at    int
	scope *scope
}

type walker struct {
	t      *pysyntax.Tree
	ranges []edit.Range
	uses   []use
}

func (w *walker) text(n *pysyntax.Node) string { return w.t.Text(n) }

func (w *walker) inRanges(n *pysyntax.Node) bool {
	start, end := int(n.StartByte()), int(n.EndByte())
	return slices.ContainsFunc(w.ranges, func(r edit.Range) bool { return start >= r.Start && end <= r.End })
}

// block walks the statements and expressions of n in scope s.
func (w *walker) block(n *pysyntax.Node, s *scope) {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		w.node(n.NamedChild(i), s)
	}
}

func (w *walker) node(n *pysyntax.Node, s *scope) {
	if n == nil {
		return
	}
	switch pysyntax.Type(n) {
	case "identifier":
		if w.inRanges(n) && !n.IsMissing() { // a name tree-sitter supplies for a syntax error is no use
			w.uses = append(w.uses, use{name: w.text(n), at: int(n.StartByte()), scope: s})
		}
	case "comment":
	case "attribute":
		w.node(n.ChildByFieldName("object"), s) // the attribute's name is no variable
	case "keyword_argument":
		w.node(n.ChildByFieldName("value"), s)
	case "function_definition":
		w.function(n, s)
	case "class_definition":
		w.class(n, s)
	case "lambda":
		inner := newScope(comprehensionScope, s)
		if params := n.ChildByFieldName("parameters"); params != nil {
			w.parameters(params, s, inner)
		}
		w.node(n.ChildByFieldName("body"), inner)
	case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
		// the variables of the for clauses are the comprehension's own (the
		// first iterable is evaluated outside, which only matters to a name
		// shadowed there)
		w.block(n, newScope(comprehensionScope, s))
	case "for_in_clause", "for_statement":
		fields(n, func(field string, c *pysyntax.Node) {
			if field == "left" {
				w.target(c, s)
			} else {
				w.node(c, s)
			}
		})
	case "import_statement", "import_from_statement", "future_import_statement":
		w.imports(n, s)
	case "global_statement", "nonlocal_statement":
		into := s.globals
		if pysyntax.Type(n) == "nonlocal_statement" {
			into = s.nonlocals
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			into[w.text(n.NamedChild(i))] = true
		}
	case "assignment":
		// the value is evaluated before the targets are bound
		w.node(n.ChildByFieldName("right"), s)
		if ty := n.ChildByFieldName("type"); ty != nil {
			w.node(ty, s)
		}
		w.target(n.ChildByFieldName("left"), s)
	case "augmented_assignment":
		w.node(n.ChildByFieldName("right"), s)
		w.node(n.ChildByFieldName("left"), s) // read before it is written
		w.target(n.ChildByFieldName("left"), s)
	case "as_pattern": // with ... as x, except E as e
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); pysyntax.Type(c) == "as_pattern_target" {
				w.target(c, s)
			} else {
				w.node(c, s)
			}
		}
	case "named_expression":
		w.node(n.ChildByFieldName("value"), s)
		target := s
		for target.kind == comprehensionScope && target.parent != nil {
			target = target.parent // a walrus in a comprehension binds in the enclosing function
		}
		w.target(n.ChildByFieldName("name"), target)
	case "delete_statement":
		w.block(n, s)
	case "case_pattern":
		// capture patterns bind; a value pattern (Color.RED) counted as a
		// binding only makes the check more lenient
		w.bindAll(n, s)
	default:
		w.block(n, s)
	}
}

// function binds the function's name and walks its body in a scope of its own:
// decorators, defaults and annotations belong to the enclosing scope.
func (w *walker) function(n *pysyntax.Node, s *scope) {
	inner := newScope(functionScope, s)
	fields(n, func(field string, c *pysyntax.Node) {
		switch field {
		case "name":
			s.bind(w.text(c), int(n.StartByte()))
		case "parameters":
			w.parameters(c, s, inner)
		case "body":
			w.block(c, inner)
		default:
			w.node(c, s)
		}
	})
}

func (w *walker) class(n *pysyntax.Node, s *scope) {
	inner := newScope(classScope, s)
	fields(n, func(field string, c *pysyntax.Node) {
		switch field {
		case "name":
			s.bind(w.text(c), int(n.StartByte()))
		case "body":
			w.block(c, inner)
		default:
			w.node(c, s)
		}
	})
}

// parameters binds the parameter names in inner; their defaults and
// annotations are read in outer.
func (w *walker) parameters(params *pysyntax.Node, outer, inner *scope) {
	at := int(params.StartByte())
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		switch pysyntax.Type(p) {
		case "identifier":
			inner.bind(w.text(p), at)
		case "default_parameter", "typed_default_parameter":
			inner.bind(w.text(p.ChildByFieldName("name")), at)
			w.node(p.ChildByFieldName("value"), outer)
			if ty := p.ChildByFieldName("type"); ty != nil {
				w.node(ty, outer)
			}
		case "typed_parameter":
			for j := 0; j < int(p.NamedChildCount()); j++ {
				if c := p.NamedChild(j); pysyntax.Type(c) == "type" {
					w.node(c, outer)
				} else {
					w.bindAll(c, inner) // the name, or *args / **kw
				}
			}
		default: // *args, **kw, the bare * and / separators
			w.bindAll(p, inner)
		}
	}
}

// imports binds the names an import statement binds: the alias, the first
// part of `import a.b`, the imported name.
func (w *walker) imports(n *pysyntax.Node, s *scope) {
	at := int(n.StartByte())
	fields(n, func(field string, c *pysyntax.Node) {
		switch {
		case field == "module_name":
		case pysyntax.Type(c) == "wildcard_import":
			s.star = true
		case pysyntax.Type(c) == "aliased_import":
			s.bind(w.text(c.ChildByFieldName("alias")), at)
		case pysyntax.Type(c) == "dotted_name" && c.NamedChildCount() > 0:
			s.bind(w.text(c.NamedChild(0)), at)
		}
	})
}

// target binds the names an assignment target binds; an attribute or item
// target reads its object instead.
func (w *walker) target(n *pysyntax.Node, s *scope) {
	if n == nil {
		return
	}
	switch pysyntax.Type(n) {
	case "identifier":
		s.bind(w.text(n), int(n.StartByte()))
	case "attribute", "subscript":
		w.node(n, s)
	default: // tuples, lists, starred and parenthesized targets
		for i := 0; i < int(n.NamedChildCount()); i++ {
			w.target(n.NamedChild(i), s)
		}
	}
}

// bindAll binds every identifier under n.
func (w *walker) bindAll(n *pysyntax.Node, s *scope) {
	if pysyntax.Type(n) == "identifier" {
		s.bind(w.text(n), int(n.StartByte()))
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		w.bindAll(n.NamedChild(i), s)
	}
}

// fields calls fn with each named child of n and its field name ("" for none).
func fields(n *pysyntax.Node, fn func(field string, c *pysyntax.Node)) {
	for i := 0; i < int(n.ChildCount()); i++ {
		if c := n.Child(i); c.IsNamed() {
			fn(n.FieldNameForChild(i), c)
		}
	}
}
