package migration

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// NameUse is one reference to an imported name, outside import statements: what
// the file does with it, as far as the syntax shows. Rules use it to tell an ORM
// model (`session.query(User)`, `User.__table__`) from a column type
// (`sa.Column("x", NaiveDateTime())`) or an enum (`sa.Enum(Status)`).
type NameUse struct {
	Name string // the local name
	// Path are the attributes read on it, in order: ["query"] for User.query,
	// ["server", "models", "NaiveDateTime"] for dstack.server.models.NaiveDateTime.
	Path []string
	// Called is set when the name (with Path) is called: User(...), models.X().
	Called bool
	// Callee is the function the reference (or its call) is passed to, as the
	// last name of the callee ("query" for session.query(User), "Column"), and
	// CalleeDotted its dotted name when it is one ("session.query", "sa.Column").
	Callee, CalleeDotted string
	// Keyword is the keyword the reference is passed as ("type_"), "" when
	// positional; Position is its index among the positional arguments.
	Keyword  string
	Position int
	// In says where else the reference stands: "for" (iterated over), "base"
	// (a base class), or "". Type annotations are not uses: they read nothing.
	In   string
	Line int
}

// maxUses bounds the uses recorded per file (a generated file may repeat a
// name thousands of times; the first ones tell what it is).
const maxUses = 2000

// nameUses records the uses of the imported names of the file, except those of
// libraries whose names are read elsewhere (alembic, sqlalchemy, typing).
func (x *extractor) nameUses() map[string][]NameUse {
	names := map[string]bool{}
	add := func(imps []Import) {
		for _, imp := range imps {
			root, _, _ := strings.Cut(imp.Module, ".")
			switch {
			case imp.Local == "*", root == "alembic", root == "sqlalchemy", root == "typing", root == "__future__":
				continue
			}
			names[imp.Local] = true
		}
	}
	add(x.m.Imports)
	for _, f := range []*Function{x.m.Upgrade, x.m.Downgrade} {
		if f != nil {
			add(f.Imports)
		}
	}
	if len(names) == 0 {
		return nil
	}
	uses := map[string][]NameUse{}
	count := 0
	stack := []*pysyntax.Node{x.t.Root()}
	for len(stack) > 0 && count < maxUses {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch pysyntax.Type(n) {
		case "import_statement", "import_from_statement", "future_import_statement", "comment", "string_content", "type":
			continue // a type annotation reads nothing of what it names (conbench's rows: List[Commit])
		case "identifier":
			name := x.t.Text(n)
			if names[name] && isReference(n) {
				uses[name] = append(uses[name], x.useOf(n, name))
				count++
			}
			continue
		}
		for i := int(n.NamedChildCount()) - 1; i >= 0; i-- {
			stack = append(stack, n.NamedChild(i))
		}
	}
	return uses
}

// same reports whether two nodes are the same node.
func same(a, b *pysyntax.Node) bool {
	return a != nil && b != nil && a.StartByte() == b.StartByte() && a.EndByte() == b.EndByte() && a.Symbol() == b.Symbol()
}

// isReference reports whether an identifier reads a variable: not the attribute
// of x.attr, a keyword argument's name, a parameter or a definition's name.
func isReference(n *pysyntax.Node) bool {
	p := n.Parent()
	if p == nil {
		return true
	}
	switch pysyntax.Type(p) {
	case "attribute":
		return !same(p.ChildByFieldName("attribute"), n)
	case "keyword_argument":
		return !same(p.ChildByFieldName("name"), n)
	case "function_definition", "class_definition":
		return !same(p.ChildByFieldName("name"), n)
	case "parameters", "default_parameter", "typed_parameter", "typed_default_parameter", "lambda_parameters":
		return pysyntax.Type(p) != "parameters" && !same(p.ChildByFieldName("name"), n) && !same(p.NamedChild(0), n)
	}
	return true
}

func (x *extractor) useOf(n *pysyntax.Node, name string) NameUse {
	u := NameUse{Name: name, Line: int(n.StartPoint().Row) + 1}
	cur := n
	p := cur.Parent()
	for p != nil && pysyntax.Type(p) == "attribute" && same(p.ChildByFieldName("object"), cur) {
		if a := p.ChildByFieldName("attribute"); a != nil {
			u.Path = append(u.Path, x.t.Text(a))
		}
		cur, p = p, p.Parent()
	}
	if p != nil && pysyntax.Type(p) == "call" && same(p.ChildByFieldName("function"), cur) {
		u.Called = true
		cur, p = p, p.Parent()
	}
	if p == nil {
		return u
	}
	switch pysyntax.Type(p) {
	case "keyword_argument":
		if kn := p.ChildByFieldName("name"); kn != nil {
			u.Keyword = x.t.Text(kn)
		}
		if args := p.Parent(); args != nil && pysyntax.Type(args) == "argument_list" {
			x.callee(&u, args.Parent())
		}
	case "argument_list":
		if gp := p.Parent(); gp != nil && pysyntax.Type(gp) == "class_definition" {
			u.In = "base"
			break
		}
		for i := 0; i < int(p.NamedChildCount()); i++ {
			c := p.NamedChild(i)
			if same(c, cur) {
				break
			}
			if t := pysyntax.Type(c); t != "keyword_argument" && t != "dictionary_splat" && !pysyntax.Extra(t) {
				u.Position++
			}
		}
		x.callee(&u, p.Parent())
	case "for_statement", "for_in_clause":
		if same(p.ChildByFieldName("right"), cur) {
			u.In = "for"
		}
	}
	return u
}

// callee fills in the function a call node calls.
func (x *extractor) callee(u *NameUse, call *pysyntax.Node) {
	if call == nil || pysyntax.Type(call) != "call" {
		return
	}
	f := call.ChildByFieldName("function")
	if f == nil {
		return
	}
	switch pysyntax.Type(f) {
	case "identifier":
		u.Callee = x.t.Text(f)
		u.CalleeDotted = u.Callee
	case "attribute":
		if a := f.ChildByFieldName("attribute"); a != nil {
			u.Callee = x.t.Text(a)
		}
		u.CalleeDotted = x.t.Expr(f).Dotted()
	}
}
