package naming

import (
	"context"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// module is what the reader needs of one Python file: its module-level
// names, classes, functions' returns, and the statements that set a
// naming_convention or build a MetaData with one.
type module struct {
	path    string
	src     []byte
	assigns map[string]*pysyntax.Expr // NAME = value at module level (the last one)
	// alternatives are the module-level values of NAME that may be the one
	// it holds: the last unconditional assignment and those after it in
	// branches (try/except ImportError, if/else), in order
	alternatives map[string][]*pysyntax.Expr
	classes      map[string]*class
	funcs        map[string][]*pysyntax.Expr // def name -> the values it returns
	imports      map[string]importRef        // local name -> what it binds
	// sets are `<target>.naming_convention = <value>` statements (anywhere in the file)
	sets []attrSet
	// metadataCalls are MetaData(...) calls passing naming_convention= (anywhere)
	metadataCalls []*pysyntax.Expr
	// configures are the target_metadata= values of context.configure(...) calls
	configures []*pysyntax.Expr
}

type class struct {
	name  string
	bases []*pysyntax.Expr
	attrs map[string]*pysyntax.Expr // class-level NAME = value
}

// importRef is one name an import binds: `import a.b` binds a (module "a");
// `import a.b as c` binds c (module "a.b"); `from a import b` binds b
// (module "a", name "b"). Relative modules keep their leading dots.
type importRef struct {
	module, name string
}

type attrSet struct {
	target *pysyntax.Expr // the object whose naming_convention is set
	value  *pysyntax.Expr
}

// parseModule extracts a module; nil when it cannot be parsed.
func parseModule(ctx context.Context, path string, src []byte) *module {
	tree, err := pysyntax.Parse(ctx, src)
	if err != nil {
		return nil
	}
	defer tree.Close()
	m := &module{path: path, src: src, assigns: map[string]*pysyntax.Expr{}, alternatives: map[string][]*pysyntax.Expr{},
		classes: map[string]*class{}, funcs: map[string][]*pysyntax.Expr{}, imports: map[string]importRef{}}
	x := &extractor{t: tree, m: m}
	x.block(tree.Root(), scopeModule, nil)
	return m
}

type scope int

const (
	scopeModule scope = iota
	scopeClass
	scopeFunction
)

type extractor struct {
	t *pysyntax.Tree
	m *module
	// clauses is how many clauses of compound statements (if, try, for,
	// with) the walk is in: an assignment there may not run
	clauses int
}

// maxNesting bounds the recursion into nested blocks.
const maxNesting = 40

// block walks the statements of a module, class or function body.
func (x *extractor) block(n *pysyntax.Node, sc scope, cls *class) {
	x.walk(n, sc, cls, "", 0)
}

func (x *extractor) walk(n *pysyntax.Node, sc scope, cls *class, fn string, depth int) {
	if depth > maxNesting {
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		x.statement(n.NamedChild(i), sc, cls, fn, depth+1)
	}
}

func (x *extractor) statement(n *pysyntax.Node, sc scope, cls *class, fn string, depth int) {
	switch pysyntax.Type(n) {
	case "expression_statement":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			x.expression(n.NamedChild(i), sc, cls)
		}
	case "import_statement", "import_from_statement":
		if sc == scopeModule {
			x.imports(n)
		}
	case "class_definition":
		name, body := n.ChildByFieldName("name"), n.ChildByFieldName("body")
		if name == nil || body == nil {
			return
		}
		c := &class{name: x.t.Text(name), attrs: map[string]*pysyntax.Expr{}}
		if sup := n.ChildByFieldName("superclasses"); sup != nil {
			for i := 0; i < int(sup.NamedChildCount()); i++ {
				b := sup.NamedChild(i)
				if t := pysyntax.Type(b); t != "keyword_argument" && !pysyntax.Extra(t) {
					c.bases = append(c.bases, x.t.Expr(b))
				}
			}
		}
		if sc == scopeModule {
			x.m.classes[c.name] = c
		}
		x.walk(body, scopeClass, c, "", depth)
	case "function_definition":
		name, body := n.ChildByFieldName("name"), n.ChildByFieldName("body")
		if name == nil || body == nil {
			return
		}
		f := ""
		if sc == scopeModule {
			f = x.t.Text(name)
			x.m.funcs[f] = nil
		}
		x.walk(body, scopeFunction, nil, f, depth)
	case "return_statement":
		if fn != "" && n.NamedChildCount() > 0 {
			x.m.funcs[fn] = append(x.m.funcs[fn], x.t.Expr(n.NamedChild(0)))
		}
		x.calls(n)
	case "decorated_definition":
		if def := n.ChildByFieldName("definition"); def != nil {
			x.statement(def, sc, cls, fn, depth)
		}
	case "if_statement", "try_statement", "with_statement", "for_statement", "while_statement":
		// a module's imports and definitions may sit under TYPE_CHECKING or try
		x.walk(n, sc, cls, fn, depth)
	case "block", "else_clause", "elif_clause", "except_clause", "finally_clause":
		x.clauses++
		x.walk(n, sc, cls, fn, depth)
		x.clauses--
	default:
		x.calls(n)
	}
}

// expression handles one expression statement: assignments, and calls.
func (x *extractor) expression(n *pysyntax.Node, sc scope, cls *class) {
	if pysyntax.Type(n) != "assignment" {
		x.calls(n)
		return
	}
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	if left == nil || right == nil {
		return
	}
	targets := []*pysyntax.Node{left}
	for pysyntax.Type(right) == "assignment" { // a = b = MetaData()
		if l := right.ChildByFieldName("left"); l != nil {
			targets = append(targets, l)
		}
		if right = right.ChildByFieldName("right"); right == nil {
			return
		}
	}
	value := x.t.Expr(right)
	x.collectCalls(value)
	for _, t := range targets {
		switch pysyntax.Type(t) {
		case "identifier":
			switch sc {
			case scopeModule:
				name := x.t.Text(t)
				x.m.assigns[name] = value
				if x.clauses == 0 {
					x.m.alternatives[name] = nil
				}
				x.m.alternatives[name] = append(x.m.alternatives[name], value)
			case scopeClass:
				cls.attrs[x.t.Text(t)] = value
			}
		case "attribute":
			if e := x.t.Expr(t); e.Kind == pysyntax.Attribute && e.Name == "naming_convention" {
				x.m.sets = append(x.m.sets, attrSet{target: e.Object, value: value})
			}
		}
	}
}

// interesting reports whether source text may hold a call collectCalls keeps.
func interesting(text string) bool {
	return strings.Contains(text, "naming_convention") || strings.Contains(text, "target_metadata")
}

// calls collects the MetaData(naming_convention=...) and
// configure(target_metadata=...) calls below n.
func (x *extractor) calls(n *pysyntax.Node) {
	if !interesting(x.t.Text(n)) {
		return
	}
	if pysyntax.Type(n) == "call" {
		x.collectCalls(x.t.Expr(n))
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if pysyntax.Type(c) == "call" {
			x.collectCalls(x.t.Expr(c))
		} else {
			x.calls(c)
		}
	}
}

func (x *extractor) collectCalls(e *pysyntax.Expr) {
	if !interesting(e.Text) {
		return
	}
	e.Walk(func(s *pysyntax.Expr) bool {
		if s.Kind != pysyntax.Call {
			return true
		}
		switch name := pysyntax.LastName(s.CallName()); {
		case name == "MetaData" && s.Keyword("naming_convention") != nil:
			x.m.metadataCalls = append(x.m.metadataCalls, s)
		case name == "configure" && s.Keyword("target_metadata") != nil:
			x.m.configures = append(x.m.configures, s.Keyword("target_metadata"))
		}
		return true
	})
}

func (x *extractor) imports(n *pysyntax.Node) {
	from := ""
	if mn := n.ChildByFieldName("module_name"); mn != nil {
		from = x.t.Text(mn)
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if mn := n.ChildByFieldName("module_name"); mn != nil && c.StartByte() == mn.StartByte() && c.EndByte() == mn.EndByte() {
			continue
		}
		var name, alias string
		switch pysyntax.Type(c) {
		case "dotted_name":
			name = x.t.Text(c)
		case "aliased_import":
			nn, an := c.ChildByFieldName("name"), c.ChildByFieldName("alias")
			if nn == nil || an == nil {
				continue
			}
			name, alias = x.t.Text(nn), x.t.Text(an)
		default:
			continue
		}
		switch {
		case pysyntax.Type(n) == "import_from_statement":
			local := name
			if alias != "" {
				local = alias
			}
			x.m.imports[local] = importRef{module: from, name: name}
		case alias != "":
			x.m.imports[alias] = importRef{module: name}
		default:
			first, _, _ := strings.Cut(name, ".")
			x.m.imports[first] = importRef{module: first}
		}
	}
}
