package naming

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// valueKind classifies what an expression evaluates to, as far as the
// reader follows it.
type valueKind int

const (
	vUnknown  valueKind = iota
	vModule             // a module: of the project (mod, dir) or external (qual)
	vExternal           // a name from outside the project: qual is its dotted name
	vClass              // a class of the project
	vCall               // declarative_base(...), SQLAlchemy(...), registry(...): model is db.Model
	vMetaData           // a MetaData(...) call
	vMetaRef            // <x>.metadata, resolved
	vFunc               // a function of the project
	vExpr               // any other expression, kept for conventions (dicts)
)

type value struct {
	kind  valueKind
	mod   *module // where expr, cls or fn is
	dir   string  // a package's directory (vModule)
	expr  *pysyntax.Expr
	cls   *class
	qual  string
	fn    string
	model bool // vCall: its .Model
	meta  meta // vMetaRef
}

// meta identifies one MetaData object: a MetaData(...) call, or the one a
// declarative base, Flask-SQLAlchemy or SQLModel makes.
type meta struct {
	key  string
	call *pysyntax.Expr // the MetaData(...) call, when there is one
	mod  *module
}

// declarativeCalls make a declarative base (or Flask-SQLAlchemy's db) holding
// a MetaData: metadata= when given, else a new one.
var declarativeCalls = map[string]bool{"declarative_base": true, "SQLAlchemy": true, "registry": true,
	"as_declarative": true, "automap_base": true}

// mappingCalls wrap a mapping without changing it.
var mappingCalls = map[string]bool{"dict": true, "immutabledict": true, "frozendict": true, "MappingProxyType": true,
	"OrderedDict": true, "FrozenDict": true}

func (r *reader) eval(e *pysyntax.Expr, m *module, depth int) value {
	r.steps++
	if e == nil || m == nil || depth > maxDepth || r.steps > 10000 {
		return value{}
	}
	switch e.Kind {
	case pysyntax.Name:
		return r.lookup(m, e.Name, depth+1)
	case pysyntax.Attribute:
		return r.attr(r.eval(e.Object, m, depth+1), e.Name, depth+1)
	case pysyntax.Call:
		callee := r.eval(e.Func(), m, depth+1)
		name := pysyntax.LastName(e.CallName())
		if callee.kind == vExternal {
			name = pysyntax.LastName(callee.qual)
		}
		switch {
		case callee.kind == vFunc:
			returns := callee.mod.funcs[callee.fn]
			if len(returns) == 1 {
				return r.eval(returns[0], callee.mod, depth+1)
			}
			return value{}
		case callee.kind == vClass:
			return value{} // an instance
		case name == "MetaData":
			return value{kind: vMetaData, expr: e, mod: m}
		case declarativeCalls[name]:
			return value{kind: vCall, expr: e, mod: m}
		}
		return value{kind: vExpr, expr: e, mod: m}
	}
	return value{kind: vExpr, expr: e, mod: m}
}

// lookup is a module-level name.
func (r *reader) lookup(m *module, name string, depth int) value {
	if c := m.classes[name]; c != nil {
		return value{kind: vClass, cls: c, mod: m}
	}
	if e := m.assigns[name]; e != nil {
		return r.eval(e, m, depth+1)
	}
	if _, ok := m.funcs[name]; ok {
		return value{kind: vFunc, fn: name, mod: m}
	}
	if ref, ok := m.imports[name]; ok {
		if ref.name == "" {
			return r.moduleValue(m, ref.module)
		}
		return r.attr(r.moduleValue(m, ref.module), ref.name, depth+1)
	}
	return value{}
}

// attr is getattr(v, name).
func (r *reader) attr(v value, name string, depth int) value {
	if depth > maxDepth {
		return value{}
	}
	if name == "metadata" && v.kind != vModule {
		if mt, ok := r.metadataOf(v, depth+1); ok {
			return value{kind: vMetaRef, meta: mt}
		}
		return value{}
	}
	switch v.kind {
	case vModule:
		if v.mod != nil {
			if got := r.lookup(v.mod, name, depth+1); got.kind != vUnknown {
				return got
			}
		}
		if v.dir != "" {
			if sub := r.packageModule(v.dir, name, v.qual); sub.kind != vUnknown {
				return sub
			}
		}
		if v.mod == nil && v.dir == "" {
			return value{kind: vExternal, qual: v.qual + "." + name}
		}
	case vExternal:
		return value{kind: vExternal, qual: v.qual + "." + name}
	case vClass:
		if e := v.cls.attrs[name]; e != nil {
			return r.eval(e, v.mod, depth+1)
		}
		for _, b := range v.cls.bases {
			if got := r.attr(r.eval(b, v.mod, depth+1), name, depth+1); got.kind != vUnknown {
				return got
			}
		}
	case vCall:
		if name == "Model" && !v.model {
			c := v
			c.model = true
			return c
		}
	}
	return value{}
}

// metadataOf is the MetaData behind a value's .metadata (or the value itself).
func (r *reader) metadataOf(v value, depth int) (meta, bool) {
	if depth > maxDepth {
		return meta{}, false
	}
	switch v.kind {
	case vMetaRef:
		return v.meta, true
	case vMetaData:
		return meta{key: key(v.mod, v.expr), call: v.expr, mod: v.mod}, true
	case vClass:
		if e := v.cls.attrs["metadata"]; e != nil {
			return r.metadataOf(r.eval(e, v.mod, depth+1), depth+1)
		}
		for _, b := range v.cls.bases {
			bv := r.eval(b, v.mod, depth+1)
			if bv.kind == vExternal {
				switch pysyntax.LastName(bv.qual) {
				case "DeclarativeBase", "DeclarativeBaseNoMeta":
					// the first subclass of DeclarativeBase gets a new MetaData
					return meta{key: "class " + v.mod.path + " " + v.cls.name, mod: v.mod}, true
				case "SQLModel":
					return meta{key: "sqlmodel.SQLModel"}, true
				}
				continue
			}
			if mt, ok := r.metadataOf(bv, depth+1); ok {
				return mt, true
			}
		}
	case vCall:
		if e := v.expr.Keyword("metadata"); e != nil {
			return r.metadataOf(r.eval(e, v.mod, depth+1), depth+1)
		}
		if e := v.expr.Keyword("model_class"); e != nil { // Flask-SQLAlchemy with its own base
			if mt, ok := r.metadataOf(r.eval(e, v.mod, depth+1), depth+1); ok {
				return mt, true
			}
		}
		return meta{key: key(v.mod, v.expr), mod: v.mod}, true // a new MetaData
	case vExternal:
		if pysyntax.LastName(v.qual) == "SQLModel" {
			return meta{key: "sqlmodel.SQLModel"}, true
		}
	}
	return meta{}, false
}

func key(m *module, e *pysyntax.Expr) string { return fmt.Sprintf("%s:%d", m.path, e.Span.Start) }

// conventionOf is the convention of a MetaData: an assignment to its
// naming_convention in the modules read (the last one runs last), else its
// constructor's naming_convention=, else SQLAlchemy's default.
func (r *reader) conventionOf(mt meta) *Convention {
	var found *Convention
	paths := make([]string, 0, len(r.modules))
	for p := range r.modules {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		m := r.modules[p]
		if m == nil {
			continue
		}
		for _, s := range m.sets {
			if got, ok := r.metadataOf(r.eval(s.target, m, 0), 0); ok && got.key == mt.key {
				if c := r.convention(s.value, m, 0); c != nil {
					found = c
				}
			}
		}
	}
	if found == nil && mt.call != nil {
		found = r.convention(mt.call.Keyword("naming_convention"), mt.mod, 0)
	}
	if found == nil {
		return &Convention{Templates: maps(defaultConvention), Via: "default"}
	}
	found.Via = "target_metadata"
	return found
}

// convention reads a naming_convention value: a dict, dict(...), a mapping
// wrapper, a name or attribute holding one, or another metadata's
// naming_convention.
func (r *reader) convention(e *pysyntax.Expr, m *module, depth int) *Convention {
	if e == nil || m == nil || depth > maxDepth {
		return nil
	}
	switch e.Kind {
	case pysyntax.Dict:
		return r.dictConvention(e, m)
	case pysyntax.Name:
		if v := m.assigns[e.Name]; v != nil {
			return r.convention(v, m, depth+1)
		}
		if ref, ok := m.imports[e.Name]; ok && ref.name != "" {
			if mod := r.moduleValue(m, ref.module); mod.mod != nil {
				return r.convention(&pysyntax.Expr{Kind: pysyntax.Name, Name: ref.name}, mod.mod, depth+1)
			}
		}
	case pysyntax.Attribute:
		if e.Name == "naming_convention" {
			if mt, ok := r.metadataOf(r.eval(e.Object, m, 0), 0); ok {
				if c := r.conventionOf(mt); c.Via != "default" {
					return c
				}
			}
		}
		if v := r.eval(e.Object, m, depth+1); v.kind == vModule && v.mod != nil {
			return r.convention(&pysyntax.Expr{Kind: pysyntax.Name, Name: e.Name}, v.mod, depth+1)
		}
	case pysyntax.Call:
		if !mappingCalls[pysyntax.LastName(e.CallName())] {
			return nil
		}
		if len(e.Args) == 0 && len(e.Keywords()) > 0 { // dict(fk="...", ...)
			d := &pysyntax.Expr{Kind: pysyntax.Dict, Span: e.Span, Text: e.Text, Parts: &pysyntax.Parts{}}
			for _, k := range e.Keywords() {
				if k.Name == "**" {
					d.Text += " **"
					continue
				}
				d.Parts.Keys = append(d.Parts.Keys, &pysyntax.Expr{Kind: pysyntax.String, Str: k.Name})
				d.Args = append(d.Args, k.Value)
			}
			return r.dictConvention(d, m)
		}
		if len(e.Args) == 1 && len(e.Keywords()) == 0 {
			arg := e.Args[0]
			if arg.Kind == pysyntax.Name && m.assigns[arg.Name] != nil {
				arg = m.assigns[arg.Name]
			}
			if arg.Kind == pysyntax.Tuple || arg.Kind == pysyntax.List { // dict((("fk", "..."), ...))
				d := &pysyntax.Expr{Kind: pysyntax.Dict, Span: arg.Span, Text: arg.Text, Parts: &pysyntax.Parts{}}
				for _, pair := range arg.Args {
					if (pair.Kind != pysyntax.Tuple && pair.Kind != pysyntax.List) || len(pair.Args) != 2 {
						return nil
					}
					d.Parts.Keys = append(d.Parts.Keys, pair.Args[0])
					d.Args = append(d.Args, pair.Args[1])
				}
				return r.dictConvention(d, m)
			}
			return r.convention(e.Args[0], m, depth+1)
		}
	}
	return nil
}

// classKinds map constraint classes used as keys to kinds.
var classKinds = map[string]string{"Index": Index, "UniqueConstraint": Unique, "CheckConstraint": Check,
	"ForeignKeyConstraint": ForeignKey, "PrimaryKeyConstraint": PrimaryKey}

func (r *reader) dictConvention(d *pysyntax.Expr, m *module) *Convention {
	c := &Convention{Templates: map[string]string{}, Unknown: map[string]string{}, Source: r.rel(m.path, int(d.Span.StartLine))}
	for i, k := range d.Keys() {
		kind := ""
		if s, ok := k.StringValue(); ok {
			if !slices.Contains(Kinds, s) {
				c.Custom = append(c.Custom, s)
				continue
			}
			kind = s
		} else if kind = classKinds[pysyntax.LastName(k.Dotted())]; kind == "" {
			continue
		}
		v := d.Args[i]
		if v.Kind == pysyntax.Name && m.assigns[v.Name] != nil {
			v = m.assigns[v.Name]
		}
		if s, ok := v.StringValue(); ok {
			c.Templates[kind] = s
			delete(c.Unknown, kind)
		} else {
			c.Unknown[kind] = fmt.Sprintf("the %q template is not a literal string", kind)
			delete(c.Templates, kind)
		}
	}
	if strings.Contains(d.Text, "**") {
		for _, k := range Kinds {
			delete(c.Templates, k)
			c.Unknown[k] = "the naming_convention dict spreads another one (**)"
		}
	}
	slices.Sort(c.Custom)
	return c
}

// moduleValue resolves an imported module name as seen from module m.
func (r *reader) moduleValue(m *module, dotted string) value {
	if strings.HasPrefix(dotted, ".") {
		dir := filepath.Dir(m.path)
		rest := strings.TrimLeft(dotted, ".")
		for range len(dotted) - len(rest) - 1 {
			dir = filepath.Dir(dir)
		}
		if rest == "" {
			return r.packageAt(dir, "")
		}
		return r.find([]string{dir}, rest)
	}
	var roots []string
	for d := filepath.Dir(m.path); relpath.Within(d, r.top); d = filepath.Dir(d) {
		roots = append(roots, d, filepath.Join(d, "src"))
		if d == r.top || filepath.Dir(d) == d {
			break
		}
	}
	for d := r.location; relpath.Within(d, r.top); d = filepath.Dir(d) {
		roots = append(roots, d, filepath.Join(d, "src"))
		if d == r.top || filepath.Dir(d) == d {
			break
		}
	}
	if v := r.find(roots, dotted); v.kind != vUnknown {
		return v
	}
	return value{kind: vModule, qual: dotted} // outside the project
}

// find looks a dotted module up below the roots.
func (r *reader) find(roots []string, dotted string) value {
	parts := strings.Split(dotted, ".")
	for _, root := range roots {
		base := filepath.Join(append([]string{root}, parts...)...)
		if isFile(base + ".py") {
			return value{kind: vModule, mod: r.load(base + ".py"), qual: dotted}
		}
		if isDir(base) {
			return r.packageAt(base, dotted)
		}
	}
	return value{}
}

// packageAt is the package in dir (its __init__.py, if any).
func (r *reader) packageAt(dir, dotted string) value {
	v := value{kind: vModule, dir: dir, qual: dotted}
	if init := filepath.Join(dir, "__init__.py"); isFile(init) {
		v.mod = r.load(init)
	}
	return v
}

// packageModule is the submodule name of the package in dir.
func (r *reader) packageModule(dir, name, dotted string) value {
	v := r.find([]string{dir}, name)
	if dotted != "" {
		v.qual = dotted + "." + name
	}
	return v
}

func isFile(path string) bool {
	info, err := inputfile.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

func isDir(path string) bool {
	info, err := inputfile.Stat(path)
	return err == nil && info.IsDir()
}
