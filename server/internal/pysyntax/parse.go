// Package pysyntax parses Python source with tree-sitter and converts the parts the
// analyzer needs into plain Go values (spans, expressions, strings), so that no other
// package has to hold a tree-sitter tree for longer than one parse.
package pysyntax

import (
	"context"
	"fmt"
	"math"
	"sync"
	"unicode/utf8"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// parsers are reused: a Parser is not goroutine-safe, but a pool hands each
// goroutine its own.
var parsers = sync.Pool{New: func() any { return newParser() }}

func newParser() *sitter.Parser {
	p := sitter.NewParser()
	p.SetLanguage(python.GetLanguage())
	return p
}

// Tree is one parsed file together with the line index used for positions.
type Tree struct {
	Src []byte
	// text is Src as one string: node texts are substrings of it, so converting
	// a subtree does not copy its source once per level.
	text string
	// nodes are the tree's nodes (see Node), root first; buffers hold them
	// until Close.
	nodes   []Node
	buffers *flatBuffers
	lines   []int // byte offset of the start of each line
	// charsAt[b] counts the characters before byte b*charBlock (nil when Src
	// is not valid UTF-8): a column is found in constant time, where counting
	// from the start of the line made a file on one long line quadratic.
	charsAt []int32
	// ascii: Src is all ASCII, every character one byte (charsAt is nil).
	ascii bool
	// line is the index of the line of the last position asked for:
	// conversion asks for them mostly in order.
	line int
	// clean is true when the tree holds no ERROR or MISSING node: every node
	// then has its grammar's shape, which conversion relies on to read less.
	clean bool
}

const charBlock = 64

// Parse parses Python source. tree-sitter recovers from syntax errors, so the
// only failures are cancellation and internal errors; use SyntaxErrors for the rest.
func Parse(ctx context.Context, src []byte) (*Tree, error) {
	// A cancelled tree-sitter parser resumes its unfinished parse on the next call
	// (whatever the new source), and the binding's cancellation watcher may set the
	// flag after the parse returned: a parser that watched a cancellable context
	// is never reused.
	var p *sitter.Parser
	if ctx.Done() == nil {
		p = parsers.Get().(*sitter.Parser)
		defer parsers.Put(p)
	} else {
		p = newParser()
		defer p.Close()
	}
	parsed, err := p.ParseCtx(ctx, nil, src)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	// The C tree is freed now, not when the collector finds it: the Go GC
	// cannot see its size (finalizers alone multiplied peak memory by 8 on
	// 3,000 files).
	defer parsed.Close()
	lines := make([]int, 1, 64)
	for i, b := range src {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	// A view, not a copy: the source is never modified after parsing (edits
	// produce new slices), and strings cut from it keep it alive, not a duplicate.
	t := &Tree{Src: src, text: unsafe.String(unsafe.SliceData(src), len(src)), lines: lines, ascii: isASCII(src)}
	if !t.ascii {
		t.charsAt = charIndex(src)
	}
	if err := t.flatten(parsed); err != nil {
		return nil, err
	}
	t.clean = !t.Root().HasError()
	return t, nil
}

func isASCII(src []byte) bool {
	for _, b := range src {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func charIndex(src []byte) []int32 {
	if !utf8.Valid(src) || len(src) > math.MaxInt32 {
		return nil
	}
	at := make([]int32, len(src)/charBlock+1)
	n := int32(0)
	for i, b := range src {
		if i%charBlock == 0 {
			at[i/charBlock] = n
		}
		if utf8.RuneStart(b) {
			n++
		}
	}
	if len(src)%charBlock == 0 {
		at[len(src)/charBlock] = n
	}
	return at
}

// Text is the source text of a node.
func (t *Tree) Text(n *Node) string { return t.text[n.StartByte():n.EndByte()] }

// symbolNames are the grammar's node type names by symbol.
var symbolNames = func() []string {
	lang := python.GetLanguage()
	names := make([]string, lang.SymbolCount())
	for i := range names {
		names[i] = lang.SymbolName(sitter.Symbol(i))
	}
	return names
}()

// Field returns a node's child by field name, looked up first at the
// named-child position the field has when no comment intervenes.
func Field(n *Node, position int, name string) *Node { return field(n, position, name) }

// Type is the node's type name ("call", "identifier", ...).
func Type(n *Node) string { return n.Type() }

// symbolName is the type name of a grammar symbol, "" for a symbol outside
// the grammar (ERROR), which no conversion tells apart from other types.
// Extra reports whether a node type is one of the grammar's extras, which
// may sit between any two tokens and are never an operand, element or field:
// a comment or a line continuation (a backslash before a newline).
func Extra(typeName string) bool { return typeName == "comment" || typeName == "line_continuation" }

func extra(s sitter.Symbol) bool { return Extra(symbolName(s)) }

func symbolName(s sitter.Symbol) string {
	if int(s) < len(symbolNames) {
		return symbolNames[s]
	}
	return ""
}

// SyntaxError is one ERROR or MISSING node.
type SyntaxError struct {
	Span    Span
	Message string
}

// SyntaxErrors lists the syntax errors, descending only into subtrees that
// contain one; in a tree without any, the indentation Python refuses and
// tree-sitter accepts (see indentError).
func (t *Tree) SyntaxErrors(limit int) []SyntaxError {
	root := t.Root()
	if !root.HasError() {
		if e, ok := t.indentError(); ok && limit > 0 {
			return []SyntaxError{e}
		}
		return nil
	}
	var out []SyntaxError
	var walk func(n *Node)
	walk = func(n *Node) {
		if len(out) >= limit {
			return
		}
		switch {
		case n.IsMissing():
			out = append(out, SyntaxError{t.Span(n), fmt.Sprintf("missing %q", n.Type())})
			return
		case n.IsError():
			out = append(out, SyntaxError{t.Span(n), "invalid syntax"})
			return
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			if c := n.Child(i); c.HasError() {
				walk(c)
			}
		}
	}
	walk(root)
	if len(out) == 0 {
		out = append(out, SyntaxError{t.Span(root), "invalid syntax"})
	}
	return out
}

// Point is a tree-sitter position (0-based row, byte column).
type Point = sitter.Point
