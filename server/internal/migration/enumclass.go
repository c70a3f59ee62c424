package migration

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// EnumClass is a Python enum class defined at module level (class
// OrderStatus(enum.Enum)): sa.Enum(OrderStatus) stores its members' names.
type EnumClass struct {
	Members []string
	// MembersKnown is false when the body binds members in ways not read here.
	MembersKnown bool
}

// enumClass records a module-level class whose bases name an Enum (enum.Enum,
// str + enum.Enum, IntEnum, StrEnum, an alias such as PyEnum).
func (x *extractor) enumClass(n *pysyntax.Node) {
	name, bases, body := n.ChildByFieldName("name"), n.ChildByFieldName("superclasses"), n.ChildByFieldName("body")
	if name == nil || bases == nil || body == nil {
		return
	}
	isEnum := false
	for i := 0; i < int(bases.NamedChildCount()); i++ {
		base := x.t.Text(bases.NamedChild(i))
		isEnum = isEnum || strings.HasSuffix(pysyntax.LastName(base), "Enum")
	}
	if !isEnum {
		return
	}
	c := &EnumClass{MembersKnown: true}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		st := body.NamedChild(i)
		switch pysyntax.Type(st) {
		case "expression_statement":
			a := st.NamedChild(0)
			if a == nil || pysyntax.Type(a) != "assignment" {
				continue // the docstring
			}
			left := a.ChildByFieldName("left")
			if a.ChildByFieldName("right") == nil {
				continue // an annotation without a value binds no member
			}
			if left == nil || pysyntax.Type(left) != "identifier" {
				c.MembersKnown = false
				continue
			}
			if member := x.t.Text(left); !strings.HasPrefix(member, "_") {
				c.Members = append(c.Members, member)
			}
		case "function_definition", "decorated_definition", "pass_statement", "comment":
		default:
			c.MembersKnown = false
		}
	}
	if x.m.EnumClasses == nil {
		x.m.EnumClasses = map[string]*EnumClass{}
	}
	x.m.EnumClasses[x.t.Text(name)] = c
}

// enumClassOf reads the Python enum class of sa.Enum(SomeEnum): the class
// name as SQLAlchemy sees it (an imported alias stands for the imported
// name), and its definition when the file has it. ok is false when the
// argument is not a class the file defines or imports.
func (m *Migration) enumClassOf(e *Expr) (name string, def *EnumClass, ok bool) {
	switch e.Kind {
	case pysyntax.Name:
		if m.Vars[e.Name] != nil {
			return "", nil, false // a variable, not a class
		}
		if c := m.EnumClasses[e.Name]; c != nil && m.ModuleNames[e.Name] <= 1 {
			return e.Name, c, true
		}
		for _, imp := range m.Imports {
			if imp.Local == e.Name && imp.Name != "" && imp.Name != "*" {
				return pysyntax.LastName(imp.Name), nil, true
			}
		}
	case pysyntax.Attribute:
		root := e
		for root.Kind == pysyntax.Attribute {
			root = root.Object
		}
		if root.Kind != pysyntax.Name {
			return "", nil, false
		}
		for _, imp := range m.Imports {
			if imp.Local == root.Name {
				return e.Name, nil, true // models.OrderStatus
			}
		}
	}
	return "", nil, false
}

// classEnum fills in an Enum built from a Python enum class: SQLAlchemy names
// the type after the class, lowercased, unless name= says otherwise, and
// stores the members' names unless values_callable says otherwise.
func (m *Migration) classEnum(en *Enum, e *Expr) {
	if len(e.Args) != 1 {
		return
	}
	class, def, ok := m.enumClassOf(e.Args[0])
	if !ok {
		return
	}
	en.Class = class
	if e.Keyword("name") == nil {
		en.Name, en.NameInferred = strings.ToLower(class), true
	}
	_, nativeKnown := e.Keyword("native_enum").BoolValue()
	en.Values, en.ValuesKnown = nil, false
	if def != nil && def.MembersKnown && e.Keyword("values_callable") == nil && (nativeKnown || e.Keyword("native_enum") == nil) {
		en.Values, en.ValuesKnown = def.Members, true
	}
}
