// Package pymodule tells statically what a name imported from the application
// is: it finds the imported module in the project tree (never on sys.path, never
// by running it), parses it and classifies the definition (a mapped ORM class, a
// declarative base, Flask-SQLAlchemy's db, a session, a Table, an enum, a column
// type, a function, a constant). Reads are bounded: a few directory levels, a
// size limit per file, a depth limit on re-exports; library, virtualenv and test
// folders are not entered. Parsed modules are cached (by path, size and time).
package pymodule

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Kind is what a definition is, as far as a migration cares.
type Kind int

const (
	// Unknown: found, but nothing decisive (a class of unknown bases, a star import).
	Unknown Kind = iota
	// NotFound: the module is not in the project tree (a library, or code
	// outside the checkout).
	NotFound
	Module     // a module or package
	ORMModel   // a mapped class (declarative, Flask-SQLAlchemy, SQLModel table=True, peewee)
	ORMBase    // a declarative base (declarative_base(), class Base(DeclarativeBase))
	FlaskDB    // Flask-SQLAlchemy's db = SQLAlchemy()
	Session    // a session or session factory
	Table      // a Table of the application's metadata
	Metadata   // the application's MetaData
	Enum       // an enum.Enum subclass
	ColumnType // a TypeDecorator/TypeEngine subclass, or an instance of one
	Function   // a function
	Class      // another class (a pydantic model, a helper)
	Value      // a constant or another value
)

var kindNames = [...]string{"unknown", "not found", "module", "ORM model", "declarative base", "Flask-SQLAlchemy db",
	"session", "table", "metadata", "enum", "column type", "function", "class", "value"}

func (k Kind) String() string { return kindNames[k] }

// Def is a resolved name.
type Def struct {
	Kind Kind
	// File is the module file that defines it ("" for NotFound).
	File string
	// Constants are the class attributes assigned a literal (CREATE =
	// "create"): reading one reads no column.
	Constants map[string]bool
	// StaticMethods are the @staticmethod functions of a class: calling one
	// does not use the ORM.
	StaticMethods map[string]bool
	// Library is set on a NotFound reached through the application's modules:
	// a library name they re-export (from sqlalchemy import select).
	Library   bool
	mod       *module // Module: the module itself
	qualified string  // NotFound: the dotted name
}

// Qualified is the dotted name of a definition that is not in the tree.
func (d Def) Qualified() string { return d.qualified }

const (
	maxUp       = 8       // directory levels searched above the importing file
	maxFileSize = 2 << 20 // larger modules are generated: not read
	maxDepth    = 8       // re-exports and base classes followed
)

// skipDirs are never entered: installed libraries and environments.
var skipDirs = map[string]bool{"site-packages": true, "dist-packages": true, ".venv": true, "venv": true,
	".tox": true, ".nox": true, "node_modules": true, ".git": true, "__pycache__": true}

// Resolver resolves imports. It is safe for concurrent use.
type Resolver struct {
	mu      sync.Mutex
	modules map[string]*moduleEntry
}

type moduleEntry struct {
	once    sync.Once
	size    int64
	modTime time.Time
	mod     *module
}

// NewResolver returns a resolver with an empty cache.
func NewResolver() *Resolver { return &Resolver{modules: map[string]*moduleEntry{}} }

// Default is the process-wide resolver.
var Default = NewResolver()

// Import resolves `from module import name` (name "" for `import module`) as
// written in fromFile.
func (r *Resolver) Import(fromFile, module, name string) Def {
	mod := r.locate(fromFile, module)
	if mod == nil {
		q := module
		if name != "" {
			q += "." + name
		}
		return Def{Kind: NotFound, qualified: q}
	}
	if name == "" {
		return Def{Kind: Module, File: mod.file, mod: mod}
	}
	return r.lookup(mod, name, 0)
}

// Attr resolves an attribute of a module definition (models.User); anything
// else gives Unknown, and NotFound stays NotFound.
func (r *Resolver) Attr(d Def, name string) Def {
	switch d.Kind {
	case Module:
		return r.lookup(d.mod, name, 0)
	case NotFound:
		return Def{Kind: NotFound, qualified: d.qualified + "." + name}
	}
	return Def{Kind: Unknown}
}

// locate finds a module: relative to the importing file's package, or as a
// top-level package in the directory of the importing file, in one of its
// parents (up to the repository root, a directory holding .git) or in their
// src/ folders.
func (r *Resolver) locate(fromFile, module string) *module {
	if module == "" {
		return nil
	}
	parts := strings.Split(strings.TrimLeft(module, "."), ".")
	if level := len(module) - len(strings.TrimLeft(module, ".")); level > 0 {
		dir := filepath.Dir(fromFile)
		for range level - 1 {
			dir = filepath.Dir(dir)
		}
		if parts[0] == "" {
			parts = nil
		}
		return r.moduleAt(dir, parts)
	}
	dir := filepath.Dir(fromFile)
	for range maxUp {
		if skipDirs[filepath.Base(dir)] {
			return nil
		}
		for _, base := range []string{dir, filepath.Join(dir, "src")} {
			if m := r.moduleAt(base, parts); m != nil {
				return m
			}
		}
		if isDir(filepath.Join(dir, ".git")) || exists(filepath.Join(dir, ".git")) {
			return nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
	return nil
}

// moduleAt finds base/a/b.py or base/a/b/__init__.py (or the namespace package
// base/a/b/), when every package on the way exists: a folder without
// __init__.py is a namespace package (backend.ai's src/ai/backend/...).
func (r *Resolver) moduleAt(base string, parts []string) *module {
	dir := base
	for i, p := range parts {
		if p == "" || skipDirs[p] {
			return nil
		}
		last := i == len(parts)-1
		if last && isFile(filepath.Join(dir, p+".py")) {
			return r.load(filepath.Join(dir, p+".py"), "")
		}
		dir = filepath.Join(dir, p)
		if !isDir(dir) {
			return nil
		}
	}
	if init := filepath.Join(dir, "__init__.py"); isFile(init) {
		return r.load(init, dir)
	}
	if !hasPython(dir) {
		return nil // only folder names matched, and no Python in them: an unrelated folder of the same name
	}
	return &module{dir: dir}
}

// load parses a module file once per version of it.
func (r *Resolver) load(path, pkgDir string) *module {
	info, err := inputfile.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	r.mu.Lock()
	e := r.modules[path]
	if e == nil || e.size != info.Size() || !e.modTime.Equal(info.ModTime()) {
		e = &moduleEntry{size: info.Size(), modTime: info.ModTime()}
		r.modules[path] = e
	}
	r.mu.Unlock()
	e.once.Do(func() { e.mod = parseModule(path, pkgDir) })
	return e.mod
}

func isFile(p string) bool {
	info, err := inputfile.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

func isDir(p string) bool {
	info, err := inputfile.Stat(p)
	return err == nil && info.IsDir()
}

func exists(p string) bool {
	_, err := inputfile.Lstat(p)
	return err == nil
}

// hasPython reports whether a directory holds Python files or packages (a
// namespace package), looking at a bounded number of entries.
func hasPython(dir string) bool {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries[:min(len(entries), 200)] {
		if strings.HasSuffix(e.Name(), ".py") || (e.IsDir() && isFile(filepath.Join(dir, e.Name(), "__init__.py"))) {
			return true
		}
	}
	return false
}

// module is what a parsed module defines at its top level.
type module struct {
	file    string // "" for a namespace package
	dir     string // the package directory, for packages
	classes map[string]*class
	funcs   map[string]bool
	assigns map[string]value
	imports map[string]ref // local name -> what it imports
	stars   []string       // modules imported with *
}

type class struct {
	bases     []value
	keywords  map[string]string // class keywords (table=True)
	tablename bool              // __tablename__ or __table__ in the body
	static    map[string]bool
	constants map[string]bool
}

// value is the shape of an expression: a call of Dotted, a dotted name, or other.
type value struct {
	call   bool
	dotted string
}

type ref struct{ module, name string } // name "" for `import module`

// parseModule reads the top level of a module (inside if/try blocks too).
func parseModule(path, pkgDir string) *module {
	m := &module{file: path, dir: pkgDir, classes: map[string]*class{}, funcs: map[string]bool{},
		assigns: map[string]value{}, imports: map[string]ref{}}
	src, err := inputfile.Read(path, maxFileSize)
	if err != nil {
		return m
	}
	t, err := pysyntax.Parse(context.Background(), src)
	if err != nil {
		return m
	}
	defer t.Close()
	m.block(t, t.Root(), 0)
	return m
}

func (m *module) block(t *pysyntax.Tree, n *pysyntax.Node, depth int) {
	if depth > 4 {
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		m.statement(t, n.NamedChild(i), depth)
	}
}

func (m *module) statement(t *pysyntax.Tree, n *pysyntax.Node, depth int) {
	switch pysyntax.Type(n) {
	case "class_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			m.classes[t.Text(name)] = parseClass(t, n)
			delete(m.assigns, t.Text(name))
		}
	case "function_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			m.funcs[t.Text(name)] = true
		}
	case "decorated_definition":
		if def := n.ChildByFieldName("definition"); def != nil {
			m.statement(t, def, depth)
		}
	case "expression_statement":
		if c := n.NamedChild(0); c != nil && pysyntax.Type(c) == "assignment" {
			left, right := c.ChildByFieldName("left"), c.ChildByFieldName("right")
			for right != nil && pysyntax.Type(right) == "assignment" {
				right = right.ChildByFieldName("right")
			}
			if left != nil && pysyntax.Type(left) == "identifier" {
				name := t.Text(left)
				if right != nil {
					m.assigns[name] = shape(t, right)
				} else if _, ok := m.assigns[name]; !ok {
					m.assigns[name] = value{} // annotated only
				}
				delete(m.classes, name)
			}
		}
	case "import_statement", "import_from_statement":
		m.importStatement(t, n)
	case "if_statement", "try_statement", "block", "else_clause", "elif_clause", "except_clause", "finally_clause":
		m.block(t, n, depth+1)
	}
}

func (m *module) importStatement(t *pysyntax.Tree, n *pysyntax.Node) {
	module := ""
	mn := n.ChildByFieldName("module_name")
	if mn != nil {
		module = t.Text(mn)
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if mn != nil && c.StartByte() == mn.StartByte() && c.EndByte() == mn.EndByte() {
			continue
		}
		switch pysyntax.Type(c) {
		case "dotted_name":
			name := t.Text(c)
			if module == "" {
				local, _, _ := strings.Cut(name, ".")
				m.imports[local] = ref{module: local}
			} else {
				m.imports[name] = ref{module: module, name: name}
			}
		case "aliased_import":
			name, alias := c.ChildByFieldName("name"), c.ChildByFieldName("alias")
			if name == nil || alias == nil {
				continue
			}
			if module == "" {
				m.imports[t.Text(alias)] = ref{module: t.Text(name)}
			} else {
				m.imports[t.Text(alias)] = ref{module: module, name: t.Text(name)}
			}
		case "wildcard_import":
			m.stars = append(m.stars, module)
		}
	}
}

func parseClass(t *pysyntax.Tree, n *pysyntax.Node) *class {
	c := &class{keywords: map[string]string{}, static: map[string]bool{}, constants: map[string]bool{}}
	if args := n.ChildByFieldName("superclasses"); args != nil {
		for i := 0; i < int(args.NamedChildCount()); i++ {
			a := args.NamedChild(i)
			if pysyntax.Type(a) == "keyword_argument" {
				if k, v := a.ChildByFieldName("name"), a.ChildByFieldName("value"); k != nil && v != nil {
					c.keywords[t.Text(k)] = t.Text(v)
				}
				continue
			}
			c.bases = append(c.bases, shape(t, a))
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		return c
	}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		st := body.NamedChild(i)
		switch pysyntax.Type(st) {
		case "expression_statement":
			if a := st.NamedChild(0); a != nil && pysyntax.Type(a) == "assignment" {
				if left := a.ChildByFieldName("left"); left != nil {
					if name := t.Text(left); name == "__tablename__" || name == "__table__" {
						c.tablename = true
					} else if right := a.ChildByFieldName("right"); right != nil && pysyntax.Type(left) == "identifier" && constant(right) {
						c.constants[name] = true
					}
				}
			}
		case "decorated_definition":
			def := st.ChildByFieldName("definition")
			if def == nil || pysyntax.Type(def) != "function_definition" {
				continue
			}
			for j := 0; j < int(st.NamedChildCount()); j++ {
				if d := st.NamedChild(j); pysyntax.Type(d) == "decorator" && strings.TrimSpace(strings.TrimPrefix(t.Text(d), "@")) == "staticmethod" {
					if name := def.ChildByFieldName("name"); name != nil {
						c.static[t.Text(name)] = true
					}
				}
			}
		}
	}
	return c
}

// literal are the node types of a constant's value.
var literal = map[string]bool{"string": true, "concatenated_string": true, "integer": true, "float": true,
	"true": true, "false": true, "none": true}

// constant reports whether a class attribute's value is a constant: a
// literal, or a list or tuple of literals and names (ACTIONS = [CREATE, DELETE]).
func constant(n *pysyntax.Node) bool {
	switch t := pysyntax.Type(n); {
	case literal[t]:
		return true
	case t == "list" || t == "tuple":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if e := pysyntax.Type(n.NamedChild(i)); !literal[e] && e != "identifier" && e != "comment" {
				return false
			}
		}
		return true
	}
	return false
}

// shape reduces an expression to what classification needs.
func shape(t *pysyntax.Tree, n *pysyntax.Node) value {
	switch pysyntax.Type(n) {
	case "call":
		if f := n.ChildByFieldName("function"); f != nil {
			return value{call: true, dotted: dotted(t, f)}
		}
	case "identifier", "attribute":
		return value{dotted: dotted(t, n)}
	}
	return value{}
}

// dotted is "a.b.c" for a name or a chain of attributes on a name, else "".
func dotted(t *pysyntax.Tree, n *pysyntax.Node) string {
	switch pysyntax.Type(n) {
	case "identifier":
		return t.Text(n)
	case "attribute":
		obj, attr := n.ChildByFieldName("object"), n.ChildByFieldName("attribute")
		if obj == nil || attr == nil {
			return ""
		}
		if base := dotted(t, obj); base != "" {
			return base + "." + t.Text(attr)
		}
	}
	return ""
}
