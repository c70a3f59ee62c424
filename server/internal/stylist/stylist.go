// Package stylist writes the Python of fixes, and of the code that messages
// suggest, the way one revision file writes its own: how it spells alembic's
// op, sqlalchemy, its Enum and the PostgreSQL dialect, its quotes, its
// indentation. When no name the file binds reaches what the code needs, the
// code comes with the import autogenerate would have written (ruff's Stylist
// and Importer in one). It reads the migration model only.
package stylist

import (
	"bytes"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Symbol is a module, or a name defined in a module.
type Symbol struct {
	Module string
	Name   string // "" for the module itself
}

// The symbols generated code uses.
var (
	Op           = Symbol{Module: "alembic.op"}
	GetBind      = Symbol{Module: "alembic.op", Name: "get_bind"}
	F            = Symbol{Module: "alembic.op", Name: "f"} // a name the naming convention leaves as it is
	SQLAlchemy   = Symbol{Module: "sqlalchemy"}
	Enum         = Symbol{Module: "sqlalchemy", Name: "Enum"}
	PostgresENUM = Symbol{Module: "sqlalchemy.dialects.postgresql", Name: "ENUM"}
)

// conventional is the import added for a module nothing reaches, as
// autogenerate writes it, and the name it binds.
var conventional = map[string]struct{ stmt, local string }{
	"alembic.op":                     {"from alembic import op", "op"},
	"sqlalchemy":                     {"import sqlalchemy as sa", "sa"},
	"sqlalchemy.dialects.postgresql": {"from sqlalchemy.dialects import postgresql", "postgresql"},
}

// alsoIn are other modules that export a symbol itself (the same object).
var alsoIn = map[Symbol][]string{Enum: {"sqlalchemy.types", "sqlalchemy.sql.sqltypes"}}

// importedByPackage are the submodules their package imports itself, so that
// `import alembic` reaches alembic.op (alembic/__init__.py: `from . import op`).
var importedByPackage = map[string]bool{"alembic.op": true}

// Stylist knows how one revision file writes Python.
type Stylist struct {
	m      *migration.Migration
	quote  byte
	indent string
}

// New reads the style of a revision file.
func New(m *migration.Migration) *Stylist {
	s := &Stylist{m: m, quote: '"', indent: "    "}
	if bytes.Count(m.Source, []byte("'")) > bytes.Count(m.Source, []byte(`"`)) {
		s.quote = '\''
	}
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f != nil && f.Indent != "" {
			s.indent = f.Indent // a top-level function's body is one level deep
			break
		}
	}
	return s
}

// Quote writes s as a Python string literal, in the quote style the file uses
// most unless s holds that quote and not the other.
func (s *Stylist) Quote(v string) string {
	q, other := string(s.quote), `"`
	if q == `"` {
		other = "'"
	}
	if strings.Contains(v, q) && !strings.Contains(v, other) {
		q = other
	}
	return q + escapers[q].Replace(v) + q
}

// escapers escape a string's content for each quote (built once: a replacer
// is costly to build, and rules quote names on every revision).
var escapers = map[string]*strings.Replacer{
	`"`: strings.NewReplacer(`\`, `\\`, `"`, `\"`),
	`'`: strings.NewReplacer(`\`, `\\`, `'`, `\'`),
}

// Indent is one level of the file's indentation.
func (s *Stylist) Indent() string { return s.indent }

// Spell is how code anywhere in the file (a suggestion in a message) names a
// symbol: through the file's imports, else through the name the import the
// code would need binds.
func (s *Stylist) Spell(sym Symbol) string { return s.In(nil).Ref(sym) }

// In starts code for the body of f (nil: for no function in particular).
func (s *Stylist) In(f *migration.Function) *Code {
	c := &Code{Stylist: s}
	if f != nil {
		c.params = f.Params
	}
	return c
}

// Beside starts code that goes next to the operation o, or into its call: it
// reaches alembic's op the way o does (through a parameter of a helper
// function, too), and sees the parameters of the function o is written in.
func (s *Stylist) Beside(o *migration.Op) *Code {
	c := &Code{Stylist: s, op: o.OpsReceiver()}
	for _, f := range []*migration.Function{s.m.Upgrade, s.m.Downgrade} {
		if f != nil && o.Helper == "" && f.Span.Start <= o.Stmt.Start && o.Stmt.End <= f.Span.End {
			c.params = f.Params
		}
	}
	return c
}

// Code is Python written for one place of the file, in the file's style: Ref
// spells the symbols it uses as they are reached there, and Imports gives the
// imports they need.
type Code struct {
	*Stylist
	params  []string // the parameters of the function the code goes in
	op      string   // how the operation beside the code reaches alembic's op
	imports []string // the import statements the code needs
	blocked bool     // a symbol needs an import whose name is taken
}

// Ref is how the code names sym. When no name reaches it, the code needs the
// conventional import, and Ref spells sym through the name it binds.
func (c *Code) Ref(sym Symbol) string {
	if spelled, ok := c.reach(sym); ok {
		return spelled
	}
	imp := conventional[sym.Module]
	if !c.free(imp.local) {
		c.blocked = true
		return join(imp.local, sym.Name)
	}
	if !slices.Contains(c.imports, imp.stmt) {
		c.imports = append(c.imports, imp.stmt)
	}
	return join(imp.local, sym.Name)
}

// Reaches reports whether a name the file binds reaches sym where the code
// goes (no import needed).
func (c *Code) Reaches(sym Symbol) bool {
	_, ok := c.reach(sym)
	return ok
}

// Imports are the edits adding the imports that the code written for one fix
// needs, each once; ok is false when one of them would bind a name the file
// already uses for something else.
func Imports(codes ...*Code) (edits []edit.TextEdit, ok bool) {
	var stmts []string
	for _, c := range codes {
		if c.blocked {
			return nil, false
		}
		for _, stmt := range c.imports {
			if !slices.Contains(stmts, stmt) {
				stmts = append(stmts, stmt)
				edits = append(edits, c.addImport(stmt))
			}
		}
	}
	return edits, true
}

// reach spells sym through what is bound where the code goes: alembic's op
// through the operation beside it or an `op` parameter (as the migration
// model reads one), a name imported from a module that exports it, such a
// module.
func (c *Code) reach(sym Symbol) (string, bool) {
	if sym.Module == Op.Module {
		switch {
		case c.op != "":
			return join(c.op, sym.Name), true
		case slices.Contains(c.params, "op"):
			return join("op", sym.Name), true
		}
	}
	modules := append([]string{sym.Module}, alsoIn[sym]...)
	if sym.Name != "" {
		for _, imp := range c.m.Imports {
			if imp.Name != "" && slices.Contains(modules, imp.Module) && imp.Name == sym.Name && c.usable(imp.Local, imp.Qualified()) {
				return imp.Local, true
			}
		}
	}
	for _, m := range modules {
		if module, ok := c.module(m); ok {
			return join(module, sym.Name), true
		}
	}
	return "", false
}

// module spells a module: a name bound to it (`import a.b as x`, `from a
// import b`), its dotted path under a plain `import` of it or of a submodule
// (`import a.b.c` binds a and reaches a.b), or an attribute of its package
// when the package imports it.
func (c *Code) module(path string) (string, bool) {
	for _, imp := range c.m.Imports {
		top, _, _ := strings.Cut(imp.Module, ".")
		switch {
		case imp.Name == "*":
		case imp.Name != "" || imp.Local != top: // from a import b; import a.b as x
			if imp.Qualified() == path && c.usable(imp.Local, path) {
				return imp.Local, true
			}
		case imp.Module == path || strings.HasPrefix(imp.Module, path+"."):
			if c.usable(top, top) {
				return path, true
			}
		}
	}
	if parent, sub, ok := cutLast(path); ok && importedByPackage[path] {
		if p, ok := c.module(parent); ok {
			return p + "." + sub, true
		}
	}
	return "", false
}

// usable reports whether the module-level name local certainly holds what the
// imports of target bind to it: every binding of the name at module level is
// one of them, and no parameter of the function shadows it.
func (c *Code) usable(local, target string) bool {
	imports := 0
	for _, imp := range c.m.Imports {
		if imp.Local == local {
			if bound(imp) != target {
				return false
			}
			imports++
		}
	}
	return imports > 0 && c.m.ModuleNames[local] == imports && !slices.Contains(c.params, local)
}

// bound is what an import binds to its local name: the imported name or the
// aliased module, the top package for a plain `import a.b`.
func bound(imp migration.Import) string {
	top, _, _ := strings.Cut(imp.Module, ".")
	if imp.Name == "" && imp.Local == top {
		return top
	}
	return imp.Qualified()
}

// free reports whether an added import may bind name: nothing at module level
// binds it, and no parameter of the function shadows it.
func (c *Code) free(name string) bool {
	return c.m.ModuleNames[name] == 0 && !slices.Contains(c.params, name)
}

// addImport is the edit adding an import statement after the file's last
// top-level import (after a comment on its line), else after the module
// docstring, else after the comments that open the file (a coding line must
// stay first).
func (s *Stylist) addImport(stmt string) edit.TextEdit {
	src := s.m.Source
	at := -1
	for _, imp := range s.m.Imports {
		if imp.Stmt.StartCol == 1 && imp.Stmt.End > at {
			at = imp.Stmt.End
		}
	}
	if at < 0 && s.m.DocSpan.End > 0 {
		at = s.m.DocSpan.End
	}
	if at >= 0 {
		at = lineEnd(src, at)
		return edit.TextEdit{Start: at, End: at, NewText: "\n" + stmt}
	}
	at = 0
	for at < len(src) && src[at] == '#' {
		at = lineEnd(src, at)
		for at < len(src) && (src[at] == '\r' || src[at] == '\n') {
			at++
		}
	}
	if at == len(src) && at > 0 && src[at-1] != '\n' {
		return edit.TextEdit{Start: at, End: at, NewText: "\n" + stmt + "\n"}
	}
	return edit.TextEdit{Start: at, End: at, NewText: stmt + "\n"}
}

// lineEnd is where the line holding off ends, before its line break.
func lineEnd(src []byte, off int) int {
	end := len(src)
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		end = off + i
	}
	if end > off && src[end-1] == '\r' {
		end--
	}
	return end
}

func join(receiver, name string) string {
	if name == "" {
		return receiver
	}
	return receiver + "." + name
}

func cutLast(path string) (parent, last string, ok bool) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", "", false
	}
	return path[:i], path[i+1:], true
}
