package pymodule

import (
	"path/filepath"
	"strings"
)

// lookup resolves a name defined (or imported) at the top level of a module, or
// a submodule of a package.
func (r *Resolver) lookup(mod *module, name string, depth int) Def {
	if mod == nil || depth > maxDepth {
		return Def{Kind: Unknown}
	}
	if c, ok := mod.classes[name]; ok {
		return Def{Kind: r.classKind(mod, c, depth), File: mod.file, StaticMethods: c.static, Constants: c.constants}
	}
	if mod.funcs[name] {
		return Def{Kind: Function, File: mod.file}
	}
	if v, ok := mod.assigns[name]; ok {
		d := r.valueDef(mod, v, depth)
		if d.File == "" && d.Kind != Module {
			d.File = mod.file
		}
		return d
	}
	if ref, ok := mod.imports[name]; ok {
		return r.follow(mod, ref, depth+1)
	}
	if mod.dir != "" {
		if sub := r.moduleAt(mod.dir, []string{name}); sub != nil {
			return Def{Kind: Module, File: sub.file, mod: sub}
		}
	}
	for _, s := range mod.stars {
		if target := r.locate(mod.origin(), s); target != nil {
			if d := r.lookup(target, name, depth+1); d.Kind != Unknown {
				return d
			}
		}
	}
	return Def{Kind: Unknown}
}

// origin is a path inside the module's package, for relative imports.
func (m *module) origin() string {
	if m.file != "" {
		return m.file
	}
	return filepath.Join(m.dir, "__init__.py")
}

// follow resolves what an import statement of a module binds.
func (r *Resolver) follow(mod *module, ref ref, depth int) Def {
	target := r.locate(mod.origin(), ref.module)
	if target == nil {
		q := strings.TrimLeft(ref.module, ".")
		if ref.name != "" {
			q += "." + ref.name
		}
		return Def{Kind: NotFound, qualified: q, Library: true}
	}
	if ref.name == "" {
		return Def{Kind: Module, File: target.file, mod: target}
	}
	if target == mod && mod.dir != "" { // from . import models
		if sub := r.moduleAt(mod.dir, []string{ref.name}); sub != nil {
			return Def{Kind: Module, File: sub.file, mod: sub}
		}
		return Def{Kind: Unknown}
	}
	return r.lookup(target, ref.name, depth)
}

// dotted resolves a dotted name as written in a module: the first name in the
// module, the rest as attributes of modules. rest are the attributes left over
// (db.Model: the Def of db and ["Model"]).
func (r *Resolver) dotted(mod *module, name string, depth int) (Def, []string) {
	parts := strings.Split(name, ".")
	d := r.lookup(mod, parts[0], depth)
	if d.Kind == Unknown && len(parts) == 1 {
		if builtinClasses[parts[0]] {
			return Def{Kind: NotFound, qualified: "builtins." + parts[0]}, nil
		}
	}
	i := 1
	for ; i < len(parts); i++ {
		switch d.Kind {
		case Module:
			d = r.lookup(d.mod, parts[i], depth+1)
			continue
		case NotFound:
			d.qualified += "." + parts[i]
			continue
		}
		break
	}
	return d, parts[i:]
}

var builtinClasses = map[string]bool{"object": true, "dict": true, "list": true, "str": true, "int": true,
	"float": true, "bytes": true, "tuple": true, "set": true, "frozenset": true, "Exception": true, "type": true}

// classKind classifies a class by its bases (and a __tablename__ in its body).
func (r *Resolver) classKind(mod *module, c *class, depth int) Kind {
	if c.tablename {
		return ORMModel
	}
	best, unknown := Kind(-1), false
	for _, b := range c.bases {
		if b.dotted == "" {
			unknown = true
			continue
		}
		k := r.baseKind(mod, b, c, depth)
		switch k {
		case ORMModel:
			return ORMModel
		case Unknown:
			unknown = true
		default:
			if best < 0 || rank[k] > rank[best] {
				best = k
			}
		}
	}
	switch {
	case len(c.bases) == 0:
		return Class
	case best >= 0 && best != Class:
		return best
	case unknown || best < 0:
		return Unknown
	}
	return Class
}

var rank = map[Kind]int{ORMBase: 5, Enum: 4, ColumnType: 3, Class: 1}

// baseKind is what a class deriving from base is, by that base alone.
func (r *Resolver) baseKind(mod *module, base value, c *class, depth int) Kind {
	if base.call { // declarative_base() used inline, with_metaclass(...)
		if k := r.valueDef(mod, base, depth+1).Kind; k == ORMBase {
			return ORMModel
		}
		return Unknown
	}
	d, rest := r.dotted(mod, base.dotted, depth+1)
	if len(rest) > 0 {
		if d.Kind == FlaskDB && rest[0] == "Model" || d.Kind == ORMBase && len(rest) == 1 {
			return ORMModel
		}
		return Unknown
	}
	switch d.Kind {
	case ORMModel, ORMBase:
		return ORMModel // a subclass of a mapped class or of the application's base
	case Enum, ColumnType, Class:
		return d.Kind
	case FlaskDB, Session, Table, Metadata, Function, Value, Module:
		return Class
	case NotFound:
		return libraryBase(d.qualified, c)
	}
	return Unknown
}

// libraryBase classifies a base class from a library by its qualified name.
func libraryBase(q string, c *class) Kind {
	root, _, _ := strings.Cut(q, ".")
	last := q[strings.LastIndexByte(q, '.')+1:]
	switch root {
	case "builtins":
		return Class
	case "enum":
		switch last {
		case "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum":
			return Enum
		}
		return Unknown
	case "sqlalchemy":
		switch last {
		case "DeclarativeBase", "DeclarativeBaseNoMeta":
			return ORMBase // the class is the application's base
		case "Mutable", "MutableDict", "MutableList", "MutableSet", "AsyncAttrs", "MappedAsDataclass",
			"index_property", "hybrid_property", "Comparator", "Query":
			return Class
		}
		if isCapitalized(last) {
			return ColumnType
		}
		return Unknown
	case "sqlalchemy_utils", "geoalchemy2", "pgvector", "sqlalchemy_json", "citext":
		if isCapitalized(last) {
			return ColumnType
		}
	case "sqlmodel":
		if last == "SQLModel" {
			if c != nil && c.keywords["table"] == "True" {
				return ORMModel
			}
			return Class
		}
	case "flask_sqlalchemy":
		if last == "Model" {
			return ORMModel
		}
	case "peewee", "playhouse":
		if last == "Model" {
			return ORMModel
		}
		return Class
	case "pydantic", "marshmallow", "dataclasses", "abc", "typing", "typing_extensions", "collections":
		return Class
	}
	return Unknown
}

func isCapitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// valueDef classifies a module-level assignment by its value.
func (r *Resolver) valueDef(mod *module, v value, depth int) Def {
	if v.dotted == "" || depth > maxDepth {
		return Def{Kind: Value}
	}
	d, rest := r.dotted(mod, v.dotted, depth+1)
	if !v.call {
		if len(rest) == 0 {
			return d // an alias
		}
		switch {
		case d.Kind == FlaskDB && rest[0] == "session":
			return Def{Kind: Session}
		case (d.Kind == FlaskDB || d.Kind == ORMBase) && rest[0] == "metadata":
			return Def{Kind: Metadata}
		case d.Kind == FlaskDB && rest[0] == "Model":
			return Def{Kind: ORMBase}
		case d.Kind == ORMModel && len(rest) == 1 && rest[0] == "__table__":
			return Def{Kind: Table}
		}
		return Def{Kind: Value}
	}
	last := v.dotted[strings.LastIndexByte(v.dotted, '.')+1:]
	if len(rest) > 0 {
		last = rest[len(rest)-1]
		if d.Kind == FlaskDB || d.Kind == Module || d.Kind == Unknown {
			if k := factoryKind(last); k != Unknown {
				return Def{Kind: k}
			}
		}
		return Def{Kind: Value}
	}
	switch d.Kind {
	case ColumnType:
		return Def{Kind: ColumnType} // an instance of a custom type
	case NotFound:
		if k := factoryKind(last); k != Unknown {
			return Def{Kind: k}
		}
		root, _, _ := strings.Cut(d.qualified, ".")
		if libraryBase(d.qualified, nil) == ColumnType && root != "enum" {
			return Def{Kind: ColumnType} // sa.Enum(...), String(50)
		}
		return Def{Kind: Value}
	case Unknown, Function:
		if k := factoryKind(last); k != Unknown && d.Kind == Unknown {
			return Def{Kind: k}
		}
		return Def{Kind: Unknown} // what an unknown call returns is unknown
	}
	return Def{Kind: Value}
}

// factoryKind is what a call of a well-known factory returns, by its name.
func factoryKind(name string) Kind {
	switch name {
	case "declarative_base", "automap_base", "as_declarative", "generate_base":
		return ORMBase
	case "SQLAlchemy":
		return FlaskDB
	case "sessionmaker", "scoped_session", "async_sessionmaker", "async_scoped_session", "create_session":
		return Session
	case "Table":
		return Table
	case "MetaData":
		return Metadata
	}
	return Unknown
}
