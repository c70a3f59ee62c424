package pysyntax

import "strings"

// Kind classifies an expression.
type Kind uint8

const (
	Other     Kind = iota // anything the analyzer does not look into
	String                // a string literal (also implicit concatenation); Str holds its value
	FString               // a string with interpolations: its value is unknown
	Number                // an integer or float literal
	None                  // None
	Bool                  // True or False; Name holds "True" or "False"
	Name                  // an identifier
	Attribute             // Object.Name
	Call                  // Func(Args..., Keywords...)
	List                  // [Args...]
	Tuple                 // (Args...)
	Dict                  // {Keys[i]: Args[i]}
	Splat                 // *Object inside a call or literal
	DictSplat             // **Object inside a call
	Subscript             // Object[...]
	Operator              // Args[0] Name Args[1] (a == b, a & b, a and b, a is not b), or Name Args[0] (not a, ~a, -a)
)

// Expr is an expression converted out of the syntax tree. It owns its data, so it
// outlives the tree it came from.
type Expr struct {
	Kind   Kind
	Span   Span
	Text   string  // source text
	Str    string  // String: the decoded value
	Name   string  // Name: the identifier; Attribute: the attribute; Bool: True/False; Operator: the operator
	Object *Expr   // Attribute, Splat, DictSplat, Subscript: the inner expression
	Args   []*Expr // Call: positional arguments; List/Tuple: elements; Dict: values; Operator: operands
	// Parts are the children only calls and dicts have (read them with Func,
	// Keys and Keywords); nil for the other expressions. Most expressions are
	// names, attributes and literals, and the models of every revision stay in
	// memory during a check: these fields in Expr made each one 48 bytes larger.
	Parts *Parts
}

// Parts are the children of a call or a dict.
type Parts struct {
	Func     *Expr     // Call: the callee
	Keys     []*Expr   // Dict: keys
	Keywords []Keyword // Call: keyword arguments, in source order
}

// Func is the callee of a call, else nil.
func (e *Expr) Func() *Expr {
	if e.Parts == nil {
		return nil
	}
	return e.Parts.Func
}

// Keys are the keys of a dict, else nil.
func (e *Expr) Keys() []*Expr {
	if e.Parts == nil {
		return nil
	}
	return e.Parts.Keys
}

// Keywords are the keyword arguments of a call, in source order, else nil.
func (e *Expr) Keywords() []Keyword {
	if e.Parts == nil {
		return nil
	}
	return e.Parts.Keywords
}

// Keyword is one keyword argument of a call.
type Keyword struct {
	Name  string
	Value *Expr
	Span  Span
}

// Dotted returns "a.b.c" for a name or a chain of attributes on a name, else "".
func (e *Expr) Dotted() string {
	if e == nil {
		return ""
	}
	switch e.Kind {
	case Name:
		return e.Name
	case Attribute:
		if plainDotted(e.Text) {
			return e.Text // the source says it as it is: no string to build (rules ask for names in their hot loops)
		}
		if base := e.Object.Dotted(); base != "" {
			return base + "." + e.Name
		}
	}
	return ""
}

// plainDotted reports whether text is identifiers joined by dots and nothing
// else (no blanks, parentheses, comments or line breaks).
func plainDotted(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '_' && !('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9') && c < 0x80 {
			return false
		}
	}
	return text != ""
}

// CallName is the dotted name of a call's callee ("sa.Column"), else "".
func (e *Expr) CallName() string {
	if e == nil || e.Kind != Call {
		return ""
	}
	return e.Func().Dotted()
}

// LastName is the final segment of a dotted name: "Column" for "sa.Column".
func LastName(dotted string) string {
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		return dotted[i+1:]
	}
	return dotted
}

// Keyword returns the value of a keyword argument, or nil.
func (e *Expr) Keyword(name string) *Expr {
	if e == nil {
		return nil
	}
	for _, k := range e.Keywords() {
		if k.Name == name {
			return k.Value
		}
	}
	return nil
}

// HasSplat reports whether a call passes *args or **kwargs, which hides what is bound.
func (e *Expr) HasSplat() bool {
	for _, a := range e.Args {
		if a.Kind == Splat {
			return true
		}
	}
	for _, k := range e.Keywords() {
		if k.Name == "**" {
			return true
		}
	}
	return false
}

// StringValue returns the value of a string literal.
func (e *Expr) StringValue() (string, bool) {
	if e == nil || e.Kind != String {
		return "", false
	}
	return e.Str, true
}

// BoolValue returns the value of True/False.
func (e *Expr) BoolValue() (value, ok bool) {
	if e == nil || e.Kind != Bool {
		return false, false
	}
	return e.Name == "True", true
}

// IsNone reports whether the expression is the literal None.
func (e *Expr) IsNone() bool { return e != nil && e.Kind == None }

// Strings returns the values of a list or tuple of string literals, or of a single string.
func (e *Expr) Strings() ([]string, bool) {
	if e == nil {
		return nil, false
	}
	if e.Kind == String {
		return []string{e.Str}, true
	}
	if e.Kind != List && e.Kind != Tuple {
		return nil, false
	}
	out := make([]string, 0, len(e.Args))
	for _, a := range e.Args {
		if a.Kind != String {
			return nil, false
		}
		out = append(out, a.Str)
	}
	return out, true
}

// Walk calls fn for e and every expression inside it, depth first, until fn returns false.
func (e *Expr) Walk(fn func(*Expr) bool) {
	if e == nil || !fn(e) {
		return
	}
	e.Object.Walk(fn)
	e.Func().Walk(fn)
	for _, k := range e.Keys() {
		k.Walk(fn)
	}
	for _, a := range e.Args {
		a.Walk(fn)
	}
	for _, k := range e.Keywords() {
		k.Value.Walk(fn)
	}
}

// IsIdentifier reports whether s is a Python name (ASCII letters, digits
// and underscores, not starting with a digit).
func IsIdentifier(s string) bool {
	for i := range len(s) {
		c := s[i]
		letter := c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// IsKeyword reports whether s is a reserved word of Python 3, which no
// name, keyword argument or attribute can be.
func IsKeyword(s string) bool { return pythonKeywords[s] }

var pythonKeywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true, "import": true,
	"in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true}
