package pysyntax

import (
	"strconv"
	"strings"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
)

// maxDepth bounds conversion of deeply nested expressions: beyond it they are Other.
const maxDepth = 64

// Expr converts a node into an Expr.
func (t *Tree) Expr(n *Node) *Expr { return t.expr(n, n.Symbol(), -1, 0) }

// expr converts n, whose symbol the caller has read, and whose start byte
// too when it is known (else start is -1).
func (t *Tree) expr(n *Node, sym sitter.Symbol, start, depth int) *Expr {
	if start < 0 {
		start = int(n.StartByte())
	}
	end := int(n.EndByte())
	e := &Expr{Span: t.SpanOf(start, end), Text: t.text[start:end]}
	if depth > maxDepth {
		return e
	}
	switch typeName := symbolName(sym); typeName {
	case "string", "concatenated_string":
		e.Str, e.Kind = t.stringValue(n, typeName, e.Text)
	case "integer", "float":
		e.Kind = Number
	case "none":
		e.Kind = None
	case "true", "false":
		e.Kind, e.Name = Bool, e.Text
	case "identifier":
		e.Kind, e.Name = Name, e.Text
	// After error recovery a node may lack a child its grammar requires: such a
	// node stays Other.
	case "attribute":
		obj, objSym, objStart := t.leadingField(n, start, "object")
		if obj == nil {
			break
		}
		e.Kind = Attribute
		e.Object = t.expr(obj, objSym, objStart, depth+1)
		e.Name = t.attributeName(n, e.Object.Span.End, end)
	case "call":
		fn, fnSym, fnStart := t.leadingField(n, start, "function")
		if fn == nil {
			break
		}
		e.Kind = Call
		e.Parts = &Parts{Func: t.expr(fn, fnSym, fnStart, depth+1)}
		if args, argsSym, _ := fieldSymbol(n, 1, "arguments"); args != nil && symbolName(argsSym) == "argument_list" {
			t.callArguments(e, args, depth)
		}
	case "list", "tuple", "expression_list", "set":
		e.Kind = List
		if typeName != "list" {
			e.Kind = Tuple
		}
		e.Args = t.elements(n, depth)
	case "parenthesized_expression":
		if c, cSym := firstNamed(n); c != nil {
			inner := t.expr(c, cSym, -1, depth+1)
			inner.Span, inner.Text = e.Span, e.Text
			return inner
		}
	case "dictionary":
		e.Kind, e.Parts = Dict, &Parts{}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			if Type(c) != "pair" {
				continue
			}
			key, keySym, _ := fieldSymbol(c, 0, "key")
			value, valueSym, _ := fieldSymbol(c, 1, "value")
			if key == nil || value == nil {
				continue
			}
			e.Parts.Keys = append(e.Parts.Keys, t.expr(key, keySym, -1, depth+1))
			e.Args = append(e.Args, t.expr(value, valueSym, -1, depth+1))
		}
	case "list_splat", "dictionary_splat":
		inner, innerSym := firstNamed(n)
		if inner == nil {
			break
		}
		e.Kind = Splat
		if typeName == "dictionary_splat" {
			e.Kind = DictSplat
		}
		e.Object = t.expr(inner, innerSym, -1, depth+1)
	case "comparison_operator", "boolean_operator", "binary_operator", "not_operator", "unary_operator":
		t.operator(e, n, typeName == "not_operator" || typeName == "unary_operator", depth)
	case "subscript":
		value, valueSym, valueStart := t.leadingField(n, start, "value")
		if value == nil {
			break
		}
		e.Kind = Subscript
		e.Object = t.expr(value, valueSym, valueStart, depth+1)
	}
	return e
}

// operator converts a unary or binary operation; a chained comparison
// (a < b < c) stays Other.
func (t *Tree) operator(e *Expr, n *Node, unary bool, depth int) {
	type operand struct {
		n   *Node
		sym sitter.Symbol
	}
	var operands []operand
	var tokens []string
	for i, k := 0, int(n.ChildCount()); i < k; i++ {
		c := n.Child(i)
		if !c.IsNamed() {
			tokens = append(tokens, t.Text(c))
		} else if sym := c.Symbol(); !extra(sym) {
			operands = append(operands, operand{c, sym})
		}
	}
	if len(tokens) == 0 || unary && len(operands) != 1 || !unary && len(operands) != 2 {
		return
	}
	e.Kind, e.Name = Operator, strings.Join(tokens, " ")
	for _, c := range operands {
		e.Args = append(e.Args, t.expr(c.n, c.sym, -1, depth+1))
	}
}

func (t *Tree) elements(n *Node, depth int) []*Expr {
	var out []*Expr
	for i, k := 0, int(n.NamedChildCount()); i < k; i++ {
		c := n.NamedChild(i)
		if sym := c.Symbol(); !extra(sym) {
			out = append(out, t.expr(c, sym, -1, depth+1))
		}
	}
	return out
}

func (t *Tree) callArguments(e *Expr, args *Node, depth int) {
	for i, k := 0, int(args.NamedChildCount()); i < k; i++ {
		c := args.NamedChild(i)
		sym := c.Symbol()
		if extra(sym) {
			continue
		}
		switch symbolName(sym) {
		case "keyword_argument":
			if k, ok := t.keywordArgument(c, depth); ok {
				e.Parts.Keywords = append(e.Parts.Keywords, k)
			}
		case "dictionary_splat":
			splat := t.expr(c, sym, -1, depth+1)
			e.Parts.Keywords = append(e.Parts.Keywords, Keyword{Name: "**", Value: splat, Span: splat.Span})
		default:
			e.Args = append(e.Args, t.expr(c, sym, -1, depth+1))
		}
	}
}

// keywordArgument converts name=value; false when error recovery left out
// either. In a tree without errors the name begins the node and the value
// ends it, unless an extra (a comment, a line continuation) takes the value's
// position.
func (t *Tree) keywordArgument(c *Node, depth int) (Keyword, bool) {
	start := int(c.StartByte())
	name, ok := "", false
	if t.clean {
		name, ok = asciiName(t.text[start:])
	}
	if !ok {
		if n := field(c, 0, "name"); n != nil {
			name, ok = t.Text(n), true
		}
	}
	value, valueSym, positional := fieldSymbol(c, 1, "value")
	if !ok || value == nil {
		return Keyword{}, false
	}
	v := t.expr(value, valueSym, -1, depth+1)
	end := v.Span.End
	if !t.clean || !positional {
		end = int(c.EndByte())
	}
	return Keyword{Name: name, Value: v, Span: t.SpanOf(start, end)}, true
}

// asciiName reads the identifier that begins s when it is ASCII: the longest
// run of identifier bytes, at the end of s or followed by an ASCII byte (a
// non-ASCII one may continue the identifier).
func asciiName(s string) (string, bool) {
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return s[:i], i > 0 && (i == len(s) || s[i] < utf8.RuneSelf)
}

func isNameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// attributeName is the name of an attribute node whose object ends at objEnd.
// In a tree without errors, when only whitespace and the dot separate the
// object from ASCII identifier bytes that end the node, those are the name:
// no extra (comment, line continuation) took the name's named-child position.
func (t *Tree) attributeName(n *Node, objEnd, end int) string {
	if t.clean {
		rest := strings.TrimLeft(t.text[objEnd:end], spaces)
		if rest, ok := strings.CutPrefix(rest, "."); ok {
			rest = strings.TrimLeft(rest, spaces)
			if name, ok := asciiName(rest); ok && len(name) == len(rest) {
				return name
			}
		}
	}
	if a, _, _ := fieldSymbol(n, 1, "attribute"); a != nil {
		return t.Text(a)
	}
	return ""
}

// spaces are the whitespace the grammar skips between tokens without a node.
const spaces = " \t\n\r\f"

// leadingField returns the field a node's grammar begins with (a call's
// callee, an attribute's object), with its symbol and, when known, its start:
// in a tree without errors, the first named child starts where the node
// starts, for extras (comments, line continuations) never begin a node.
func (t *Tree) leadingField(n *Node, start int, name string) (*Node, sitter.Symbol, int) {
	c, sym, positional := fieldSymbol(n, 0, name)
	if !t.clean || !positional {
		start = -1
	}
	return c, sym, start
}

// field returns a node's child by field name. The fields used here sit at fixed
// named-child positions unless a comment intervenes: they are looked up there
// first.
func field(n *Node, position int, name string) *Node {
	c, _, _ := fieldSymbol(n, position, name)
	return c
}

// fieldSymbol is field with the child's symbol, which it reads anyway, and
// whether the child was found at its position.
func fieldSymbol(n *Node, position int, name string) (c *Node, sym sitter.Symbol, positional bool) {
	if c := n.NamedChild(position); c != nil {
		if sym := c.Symbol(); !extra(sym) {
			return c, sym, true
		}
	}
	if c := n.ChildByFieldName(name); c != nil {
		return c, c.Symbol(), false
	}
	return nil, 0, false
}

func firstNamed(n *Node) (*Node, sitter.Symbol) {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if sym := c.Symbol(); !extra(sym) {
			return c, sym
		}
	}
	return nil, 0
}

// plainString reads the common literal without walking its children: no f, b or
// r prefix and no backslash, so the value is the text between the quotes.
func plainString(text string) (string, bool) {
	if len(text) < 2 || (text[0] != '"' && text[0] != '\'') || strings.IndexByte(text, '\\') >= 0 {
		return "", false
	}
	q := 1
	if len(text) >= 6 && (strings.HasPrefix(text, `"""`) || strings.HasPrefix(text, "'''")) {
		q = 3
	}
	if len(text) < 2*q || text[len(text)-1] != text[0] {
		return "", false // unterminated (error recovery)
	}
	return text[q : len(text)-q], true
}

// stringValue decodes a string literal or an implicit concatenation of
// literals: n of the given type, with the given text.
func (t *Tree) stringValue(n *Node, typeName, text string) (string, Kind) {
	if typeName == "concatenated_string" {
		var b strings.Builder
		kind := String
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			if Type(c) != "string" {
				continue
			}
			s, k := t.stringValue(c, "string", t.Text(c))
			if k != String {
				kind = k
			}
			b.WriteString(s)
		}
		return b.String(), kind
	}
	if value, ok := plainString(text); ok {
		return value, String
	}
	prefix := ""
	var b strings.Builder
	kind := String
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		switch Type(c) {
		case "string_start":
			prefix = strings.ToLower(strings.TrimRight(t.Text(c), `'"`))
		case "string_content":
			b.WriteString(t.Text(c))
		case "interpolation":
			kind = FString
		}
	}
	value := b.String()
	if kind == String && strings.ContainsRune(prefix, 'f') {
		// an f-string without interpolations: {{ and }} are its only braces
		value = strings.NewReplacer("{{", "{", "}}", "}").Replace(value)
	}
	if strings.ContainsRune(prefix, 'r') {
		return value, kind
	}
	return unescape(value, strings.ContainsRune(prefix, 'b')), kind
}

// unescape decodes Python escape sequences; unknown ones are kept as written,
// as Python does. Bytes literals have no \u and \U escapes; their bytes are
// decoded as the code points of the same value.
func unescape(s string, bytesLiteral bool) string {
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			i++
			continue
		}
		value, next := escape(s, i, bytesLiteral)
		b.WriteString(value)
		i = next
	}
	return b.String()
}

// escape decodes the escape sequence at s[i] (a backslash followed by at least
// one byte): its value and the index after it.
func escape(s string, i int, bytesLiteral bool) (string, int) {
	i++
	switch c := s[i]; c {
	case '\n':
		return "", i + 1
	case '\r': // a line continuation in a file with CRLF line ends
		if i+1 < len(s) && s[i+1] == '\n' {
			return "", i + 2
		}
		return "", i + 1
	case 'n':
		return "\n", i + 1
	case 't':
		return "\t", i + 1
	case 'r':
		return "\r", i + 1
	case 'a':
		return "\a", i + 1
	case 'b':
		return "\b", i + 1
	case 'f':
		return "\f", i + 1
	case 'v':
		return "\v", i + 1
	case '0', '1', '2', '3', '4', '5', '6', '7':
		// up to three octal digits
		v, j := 0, i
		for ; j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7'; j++ {
			v = v*8 + int(s[j]-'0')
		}
		return string(rune(v)), j
	case '\\', '\'', '"':
		return string(c), i + 1
	case 'u', 'U', 'x':
		if bytesLiteral && c != 'x' {
			break
		}
		width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
		if i+width < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
				return string(rune(v)), i + 1 + width
			}
		}
	}
	return s[i-1 : i+1], i + 1
}
