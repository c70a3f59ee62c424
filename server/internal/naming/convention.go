// Package naming knows a project's SQLAlchemy naming convention: Read finds it
// statically (env.py's target_metadata, followed into the application's
// modules, or a search of the project's code), and Namer computes the names it
// gives constraints and indexes the way SQLAlchemy does when Alembic builds
// them on a MetaData carrying target_metadata's convention.
package naming

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Kinds of objects a convention names: the keys of a naming_convention dict.
const (
	Index      = "ix"
	Unique     = "uq"
	Check      = "ck"
	ForeignKey = "fk"
	PrimaryKey = "pk"
)

// Kinds lists the convention keys SQLAlchemy maps to constraint classes.
var Kinds = []string{Index, Unique, Check, ForeignKey, PrimaryKey}

// Convention is a naming_convention dict as far as it can be read statically.
type Convention struct {
	// Templates are the literal templates by kind ("fk": "fk_%(table_name)s_...").
	Templates map[string]string
	// Unknown are the kinds whose template is not a literal string (a
	// variable, an f-string, a dict spread), with the reason: whether it
	// converts a given name cannot be told either.
	Unknown map[string]string
	// NamesKept are kinds Unknown whose every possible template keeps a name
	// written (none uses %(constraint_name)s): only the names of unnamed
	// objects are unknown (see or).
	NamesKept map[string]bool
	// Custom are the keys that are neither kinds nor classes: custom tokens
	// (callables SQLAlchemy calls with the constraint and table). A template
	// using one names its objects in a way only running the code tells.
	Custom []string
	// Source is where the dict was found ("app/models.py:12").
	Source string
	// Via says how it was tied to the migrations: "target_metadata" (env.py's
	// target_metadata resolved to it) or "search" (the one convention found in
	// the project's code).
	Via string
}

// Covers reports whether the convention has a template for kind, readable or not.
func (c *Convention) Covers(kind string) bool {
	if c == nil {
		return false
	}
	_, ok := c.Templates[kind]
	return ok || c.Unknown[kind] != ""
}

// Template is the literal template of kind, or "".
func (c *Convention) Template(kind string) string {
	if c == nil {
		return ""
	}
	return c.Templates[kind]
}

// Describe renders the key and template for messages: `"ck": "ck_%(table_name)s_%(constraint_name)s"`.
func (c *Convention) Describe(kind string) string {
	if t, ok := c.Templates[kind]; ok {
		return fmt.Sprintf("%q: %q", kind, t)
	}
	return fmt.Sprintf("%q", kind)
}

// equal reports whether two conventions name everything alike.
// or is the convention of a MetaData that is c's or o's, which only
// running env.py tells (target_metadata set in both arms of a try/except
// ImportError): the kinds they name alike are known, the others unknown.
// A nil c is none yet: the result is o.
func (c *Convention) or(o *Convention) *Convention {
	if c == nil || c.equal(o) {
		return o
	}
	out := &Convention{Templates: map[string]string{}, Unknown: map[string]string{}, Via: "target_metadata",
		Custom: slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(c.Custom), o.Custom...)))),
		Source: strings.Join(slices.DeleteFunc([]string{c.Source, o.Source}, func(s string) bool { return s == "" }), ", ")}
	for _, k := range Kinds {
		a, aok := c.Templates[k]
		b, bok := o.Templates[k]
		switch {
		case aok && bok && a == b:
			out.Templates[k] = a
		case c.Covers(k) || o.Covers(k):
			out.Unknown[k] = "env.py sets target_metadata to one of several MetaData whose naming conventions differ"
			if out.Source != "" {
				out.Unknown[k] += " (" + out.Source + ")"
			}
			if c.keepsNames(k) && o.keepsNames(k) {
				if out.NamesKept == nil {
					out.NamesKept = map[string]bool{}
				}
				out.NamesKept[k] = true
			}
		}
	}
	return out
}

// keepsNames reports whether a name written for kind is certainly kept.
func (c *Convention) keepsNames(kind string) bool {
	if c.Unknown[kind] != "" {
		return c.NamesKept[kind]
	}
	return !strings.Contains(c.Templates[kind], "constraint_name")
}

func (c *Convention) equal(o *Convention) bool {
	if len(c.Templates) != len(o.Templates) || len(c.Unknown) != len(o.Unknown) || !slices.Equal(c.Custom, o.Custom) ||
		len(c.NamesKept) != len(o.NamesKept) {
		return false
	}
	for k, v := range c.Templates {
		if w, ok := o.Templates[k]; !ok || w != v {
			return false
		}
	}
	for k := range c.Unknown {
		if o.Unknown[k] == "" {
			return false
		}
	}
	return true
}

// Object is a constraint or index as SQLAlchemy sees it when it names it.
type Object struct {
	Kind string // ix, uq, ck, fk, pk; "" for a plain Constraint (drop_constraint without type_)
	// Name is the name written ("" for None); Final when written op.f("..."),
	// which no convention converts.
	Name  string
	Final bool
	Table string
	// Schema is the table's schema: column labels (%(column_0_label)s) carry it.
	Schema string
	// Columns are the constrained or indexed columns in order; ColumnsKnown is
	// false when one of them is an expression or not a literal.
	Columns      []string
	ColumnsKnown bool
	RefTable     string // foreign keys: the referenced table ("" when not literal)
	RefColumns   []string
	// Drop: the object drop_constraint/drop_index builds, with no columns and,
	// for a foreign key, no referenced table.
	Drop bool
}

// Result is the name an object gets.
type Result struct {
	Name string
	// Known is false when the name cannot be computed statically (a custom
	// token, a template or column that is not a literal).
	Known bool
	// Converted: the convention made the name (Name is what it rendered), or
	// may have (its template is not known).
	Converted bool
	// Err is the exception SQLAlchemy raises instead of naming it.
	Err string
}

// ErrConstraintNameRequired is what SQLAlchemy (sqlalchemy/sql/naming.py,
// ConventionDict._key_constraint_name) raises for an unnamed constraint whose
// template uses %(constraint_name)s.
const ErrConstraintNameRequired = "sqlalchemy.exc.InvalidRequestError: Naming convention including %(constraint_name)s token requires that constraint is explicitly named."

// errIndex is what a drop raises when the template needs a foreign key element
// (the referenced table or column) and the constraint Alembic builds has none.
const errIndex = "IndexError: list index out of range"

// Namer names objects with a convention (nil: none) on a dialect, whose
// identifier limit shortens long convention names.
type Namer struct {
	Convention *Convention
	Dialect    string
}

// Name is the name the object gets in the database, as SQLAlchemy's
// _constraint_name_for_table gives it: a final name as written; with a
// template for its kind, the rendered template when the name is None or the
// template uses %(constraint_name)s; otherwise the name written.
func (n Namer) Name(o Object) Result {
	c := n.Convention
	switch {
	case o.Final || c == nil || o.Kind == "":
		return Result{Name: o.Name, Known: o.Name != ""}
	case c.Unknown[o.Kind] != "" && o.Name != "" && c.NamesKept[o.Kind]:
		return Result{Name: o.Name, Known: true}
	case c.Unknown[o.Kind] != "":
		return Result{Converted: true} // the convention is in charge, how is not known
	}
	tmpl, ok := c.Templates[o.Kind]
	if !ok || (o.Name != "" && !strings.Contains(tmpl, "constraint_name")) {
		return Result{Name: o.Name, Known: o.Name != ""}
	}
	name, known, err := c.render(tmpl, o)
	switch {
	case err != "":
		return Result{Err: err, Converted: true}
	case !known:
		return Result{Converted: true}
	}
	name, known = n.truncate(name)
	return Result{Name: name, Known: known, Converted: true}
}

// Converts reports whether the convention converts a name written for kind
// (its template uses %(constraint_name)s), and whether that is known.
func (n Namer) Converts(kind string) (converts, known bool) {
	c := n.Convention
	if c == nil || kind == "" {
		return false, true
	}
	if c.Unknown[kind] != "" {
		return false, c.NamesKept[kind]
	}
	return strings.Contains(c.Templates[kind], "constraint_name"), true
}

// maxIdentifier is the dialects' max_identifier_length in SQLAlchemy
// (SQLite's is the default dialect's).
var maxIdentifier = map[string]int{"postgresql": 63, "mysql": 64, "sqlite": 9999, "mssql": 128}

// truncate shortens a convention name as SQLAlchemy's compiler does
// (_truncate_and_render_maxlen_name): a name longer than the dialect's limit
// keeps its first limit-8 characters, "_" and the last 4 hex digits of its MD5.
func (n Namer) truncate(name string) (string, bool) {
	limit, ok := maxIdentifier[n.Dialect]
	if !ok {
		limit = 63
		if len([]rune(name)) > 30 {
			return "", false // Oracle's limit depends on the server version
		}
	}
	r := []rune(name)
	if len(r) <= limit {
		return name, true
	}
	sum := md5.Sum([]byte(name))
	h := hex.EncodeToString(sum[:])
	return string(r[:limit-8]) + "_" + h[len(h)-4:], true
}

// columnToken is ConventionDict's pattern for column tokens.
var columnToken = regexp.MustCompile(`^.*_?column_(\d+)(_?N)?_.+`)

// render formats a template as ConventionDict does with Python's %: known is
// false when a token's value cannot be computed, err is the exception raised.
func (c *Convention) render(tmpl string, o Object) (name string, known bool, err string) {
	var b strings.Builder
	known = true
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '%' {
			b.WriteByte(tmpl[i])
			continue
		}
		rest := tmpl[i+1:]
		if strings.HasPrefix(rest, "%") {
			b.WriteByte('%')
			i++
			continue
		}
		end := strings.Index(rest, ")s")
		if !strings.HasPrefix(rest, "(") || end < 0 || strings.ContainsAny(rest[1:end], "()") {
			return "", false, "" // a conversion other than %(key)s: not one SQLAlchemy's templates use
		}
		v, ok, e := c.value(rest[1:end], o)
		if e != "" {
			return "", false, e
		}
		known = known && ok
		b.WriteString(v)
		i += end + 2
	}
	return b.String(), known, ""
}

// value is one token's value (ConventionDict.__getitem__).
func (c *Convention) value(key string, o Object) (string, bool, string) {
	if slices.Contains(c.Custom, key) {
		return "", false, "" // a callable of the project
	}
	fk := o.Kind == ForeignKey
	switch key {
	case "table_name":
		return o.Table, o.Table != "", ""
	case "constraint_name":
		if o.Name == "" {
			return "", false, ErrConstraintNameRequired
		}
		return o.Name, true, ""
	case "referred_table_name":
		switch {
		case !fk:
			return "", false, "" // AttributeError: only foreign keys have elements
		case o.Drop:
			return "", false, errIndex
		}
		return o.RefTable, o.RefTable != "", ""
	}
	m := columnToken.FindStringSubmatch(key)
	if m == nil {
		return "", false, "" // KeyError
	}
	idx, multiples := m[1], m[2]
	var attr string
	if multiples != "" {
		attr = strings.Replace(key, "0"+multiples, "X", 1)
	} else {
		attr = strings.ReplaceAll(key, idx, "X")
	}
	switch attr {
	case "column_X_name", "column_X_key", "column_X_label", "referred_column_X_name":
	default:
		return "", false, "" // KeyError (or AttributeError)
	}
	if attr == "referred_column_X_name" && !fk {
		return "", false, ""
	}
	if !o.Drop && !o.ColumnsKnown {
		return "", false, ""
	}
	cols, refs := o.Columns, o.RefColumns
	if o.Drop {
		cols, refs = nil, nil
	}
	// a foreign key has one element per column pair; other constraints their columns
	one := func(i int) (string, bool, string) {
		if attr == "referred_column_X_name" {
			switch {
			case i >= len(cols):
				return "", false, errIndex
			case len(refs) != len(cols):
				return "", false, "" // the referenced columns are not literal
			}
			return refs[i], true, ""
		}
		switch {
		case i >= len(cols):
			return "", true, "" // _column_X gives "" past the last column
		case attr == "column_X_label":
			label := o.Table + "_" + cols[i]
			if o.Schema != "" {
				label = strings.ReplaceAll(o.Schema, ".", "_") + "_" + label
			}
			return label, true, ""
		}
		return cols[i], true, ""
	}
	if multiples == "" {
		i, err := strconv.Atoi(idx)
		if err != nil {
			return "", false, ""
		}
		return one(i)
	}
	parts := make([]string, 0, len(cols))
	for i := range cols {
		v, ok, err := one(i)
		if err != "" || !ok {
			return "", ok, err
		}
		parts = append(parts, v)
	}
	sep := ""
	if strings.HasPrefix(multiples, "_") {
		sep = "_"
	}
	return strings.Join(parts, sep), true, ""
}
