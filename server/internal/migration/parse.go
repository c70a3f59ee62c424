package migration

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// MaxFileSize is the largest revision file we read; real ones are at most a few hundred KB.
const MaxFileSize = 5 << 20

// MaxOps bounds the operations read from one file (upgrade and downgrade, with
// their helpers): a revision of tens of thousands of operations must not keep
// the hook or a check busy for long (the analysis is linear in them, but each
// keeps a schema state: about 1 s and 300-800 MB at the limit). The largest
// initial migrations have a few thousand. A file with more is TooLarge.
const MaxOps = 10_000

// FileError is a problem with one file; the rest of the project proceeds.
type FileError struct {
	Path   string
	Line   int // 0 when not about a position
	Column int
	Msg    string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// ParseFile reads and parses a revision file.
func ParseFile(ctx context.Context, path string) (*Migration, error) {
	return readAndParse(ctx, path, false)
}

// ParseFileHeader reads a revision file and models only its module level:
// header variables, docstring, imports and module variables, not upgrade() and
// downgrade(). It is all the revision graph needs, at little more than the
// cost of the syntax parse.
func ParseFileHeader(ctx context.Context, path string) (*Migration, error) {
	return readAndParse(ctx, path, true)
}

func readAndParse(ctx context.Context, path string, headerOnly bool) (*Migration, error) {
	src, err := inputfile.Read(path, MaxFileSize)
	if err != nil {
		return nil, &FileError{Path: path, Msg: inputfile.Reason(err)}
	}
	return parse(ctx, path, src, headerOnly)
}

// Parse builds the model of one revision file. A file with syntax errors yields
// both the partial model and a *FileError pointing at the first error.
func Parse(ctx context.Context, path string, src []byte) (*Migration, error) {
	return parse(ctx, path, src, false)
}

func parse(ctx context.Context, path string, src []byte, headerOnly bool) (*Migration, error) {
	if len(src) > MaxFileSize {
		return nil, &FileError{Path: path, Msg: fmt.Sprintf("file is %d bytes, larger than the %d MB limit for a revision file", len(src), MaxFileSize>>20)}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, &FileError{Path: path, Msg: "binary file (contains NUL bytes), not Python source"}
	}
	if !utf8.Valid(src) {
		line := bytes.Count(src[:firstInvalidUTF8(src)], []byte("\n")) + 1
		return nil, &FileError{Path: path, Line: line, Column: 1, Msg: "not valid UTF-8; save the file as UTF-8 (Alembic writes UTF-8)"}
	}
	tree, err := pysyntax.Parse(ctx, src)
	if err != nil {
		return nil, &FileError{Path: path, Msg: err.Error()}
	}
	defer tree.Close()
	m := &Migration{Path: path, Source: src, Quote: preferredQuote(src), Vars: map[string]*Expr{}}
	x := &extractor{t: tree, m: m, funcs: map[string]*pysyntax.Node{}, opNames: map[string]bool{}, bareOps: map[string]string{},
		unrollBudget: maxUnrolled}
	x.module(tree.Root())
	m.WritesDowngrade = x.writes("downgrade")
	m.WritesUpgrade = x.writes("upgrade")
	if headerOnly {
		m.DialectMentions = m.dialectMentions()
		m.keepHeaderOnly()
	} else {
		x.constants(tree.Root())
		m.Upgrade = x.function("upgrade")
		m.Downgrade = x.function("downgrade")
		m.Directives = directives(tree)
		m.NameUses = x.nameUses()
		m.DialectMentions = m.dialectMentions()
	}
	m.SyntaxErrors = tree.SyntaxErrors(10)
	if !headerOnly {
		m.UpgradeDigest = upgradeDigest(m, src, tree.Root(), x.funcs["downgrade"])
	}
	if len(m.SyntaxErrors) > 0 {
		s := m.SyntaxErrors[0]
		return m, &FileError{Path: path, Line: int(s.Span.StartLine), Column: int(s.Span.StartCol), Msg: "syntax error: " + s.Message}
	}
	return m, nil
}

// upgradeDigest digests what the model of a file's upgrade() can depend on:
// its source, less a downgrade() that only comments follow. The schema after
// the revision, and whatever else the replay derives from it, is the same
// whatever that downgrade() says (an edit of a downgrade, or a comment
// added at the end, leaves it). A file with syntax errors is digested whole.
func upgradeDigest(m *Migration, src []byte, root, downgrade *pysyntax.Node) [sha256.Size]byte {
	cut := len(src)
	if downgrade != nil && len(m.SyntaxErrors) == 0 {
		def := downgrade
		if parent := def.Parent(); parent != nil && pysyntax.Type(parent) == "decorated_definition" {
			def = parent
		}
		last := 0 // the end of the last module-level statement
		for i := 0; i < int(root.NamedChildCount()); i++ {
			if st := root.NamedChild(i); pysyntax.Type(st) != "comment" {
				last = int(st.EndByte())
			}
		}
		if last <= int(def.EndByte()) && int(def.StartByte()) <= len(src) {
			cut = int(def.StartByte())
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "upgrade\x00%d\x00%t\x00%d\x00", cut, m.TooLarge, len(m.SyntaxErrors))
	h.Write(src[:cut])
	return [sha256.Size]byte(h.Sum(nil))
}

// IsSyntaxError reports whether err is a FileError produced for a syntax error.
func IsSyntaxError(err error) bool {
	var fe *FileError
	return errors.As(err, &fe) && strings.HasPrefix(fe.Msg, "syntax error")
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

type extractor struct {
	t     *pysyntax.Tree
	m     *Migration
	funcs map[string]*pysyntax.Node // module-level functions by name
	// funcOrder are the names of funcs in source order
	funcOrder []string
	opNames   map[string]bool   // local names bound to alembic.op
	bareOps   map[string]string // local name -> op name, from `from alembic.op import x`
	names     *nameFacts
	consts    map[string]*Expr // module constants: bound once, by a top-level assignment
	// unrollBudget is how many more literal loop iterations may be unrolled
	unrollBudget int
	ops          int // operations read so far (see MaxOps)
	// sqlDepth is how deep sqlTextOf is: names whose values name each other
	// (statement = statement + "x" in a loop) would send it round forever
	sqlDepth int
	// onBatch are the operations called on a batch object (batch_op.x(...)),
	// which Alembic runs when their block ends (see deferBatch)
	onBatch map[*Op]bool
}

var (
	docRevision = regexp.MustCompile(`(?m)^\s*Revision ID:[ \t]*(\S+)`)
	docRevises  = regexp.MustCompile(`(?m)^\s*Revises:[ \t]*([^\n]*)`)
)

func (x *extractor) module(root *pysyntax.Node) {
	for i := 0; i < int(root.NamedChildCount()); i++ {
		x.moduleStatement(root.NamedChild(i), i == 0 || x.onlyCommentsBefore(root, i))
	}
	for _, h := range []*Header{&x.m.Revision, &x.m.DownRevision, &x.m.BranchLabels, &x.m.DependsOn} {
		if h.Kind == "" {
			h.Kind = HeaderMissing
		}
	}
}

func (x *extractor) onlyCommentsBefore(root *pysyntax.Node, i int) bool {
	for j := 0; j < i; j++ {
		if root.NamedChild(j).Type() != "comment" {
			return false
		}
	}
	return true
}

func (x *extractor) moduleStatement(n *pysyntax.Node, first bool) {
	switch pysyntax.Type(n) {
	case "expression_statement":
		c := n.NamedChild(0)
		if c == nil {
			return
		}
		switch pysyntax.Type(c) {
		case "string":
			if first {
				doc := x.t.Expr(c)
				x.m.DocSpan = doc.Span
				if mm := docRevision.FindStringSubmatch(doc.Str); mm != nil {
					x.m.DocRevision = mm[1]
				}
				if mm := docRevises.FindStringSubmatch(doc.Str); mm != nil {
					x.m.DocRevises = strings.TrimSpace(mm[1])
				}
				for _, line := range strings.Split(doc.Str, "\n") {
					if line = strings.TrimSpace(line); line != "" {
						x.m.DocMessage = line
						break
					}
				}
			}
		case "assignment":
			x.moduleAssignment(c)
		}
	case "import_statement", "import_from_statement", "future_import_statement":
		x.imports(n)
	case "function_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			fname := x.t.Text(name)
			if x.funcs[fname] == nil {
				x.funcOrder = append(x.funcOrder, fname)
			}
			x.funcs[fname] = n
		}
	case "class_definition":
		x.enumClass(n)
	case "decorated_definition":
		if def := n.ChildByFieldName("definition"); def != nil {
			x.moduleStatement(def, false)
		}
	case "if_statement", "try_statement", "block", "else_clause", "elif_clause", "except_clause", "finally_clause":
		// imports and definitions guarded by TYPE_CHECKING or try/except ImportError
		for i := 0; i < int(n.NamedChildCount()); i++ {
			x.moduleStatement(n.NamedChild(i), false)
		}
	}
}

func (x *extractor) moduleAssignment(a *pysyntax.Node) {
	left, right := a.ChildByFieldName("left"), a.ChildByFieldName("right")
	if left == nil || pysyntax.Type(left) != "identifier" || right == nil {
		return
	}
	for pysyntax.Type(right) == "assignment" { // a = b = "x"
		if right = right.ChildByFieldName("right"); right == nil {
			return
		}
	}
	name := x.t.Text(left)
	value := x.factoryOr(x.t.Expr(right))
	x.m.Vars[name] = value
	var h *Header
	switch name {
	case "revision":
		h = &x.m.Revision
	case "down_revision":
		h = &x.m.DownRevision
	case "branch_labels":
		h = &x.m.BranchLabels
	case "depends_on":
		h = &x.m.DependsOn
	default:
		return
	}
	*h = x.header(value)
}

func (x *extractor) header(e *Expr) Header { return x.headerOf(e, 0) }

// headerOf follows names through module constants, a few levels at most: the
// constants may refer to each other in a cycle (a = b; b = a).
func (x *extractor) headerOf(e *Expr, depth int) Header {
	h := Header{Span: e.Span}
	switch e.Kind {
	case pysyntax.None:
		h.Kind = HeaderNone
	case pysyntax.String:
		h.Kind, h.Values = HeaderString, []string{e.Str}
	case pysyntax.Tuple, pysyntax.List:
		if values, ok := e.Strings(); ok {
			h.Kind, h.Values = HeaderTuple, values
		} else {
			h.Kind = HeaderOther
		}
	case pysyntax.Name:
		// a constant assigned earlier in the file is still a known value
		if v, ok := x.m.Vars[e.Name]; ok && v != e && depth < 4 {
			if inner := x.headerOf(v, depth+1); inner.Known() {
				inner.Span = e.Span
				return inner
			}
		}
		h.Kind = HeaderName
	default:
		h.Kind = HeaderOther
	}
	return h
}

func (x *extractor) imports(n *pysyntax.Node) {
	for _, imp := range x.importList(n) {
		x.m.Imports = append(x.m.Imports, imp)
		if name, ok := opBinding(imp); ok {
			x.opNames[name] = true
		} else if q := imp.Qualified(); strings.HasPrefix(q, "alembic.op.") && imp.Local != "*" {
			x.bareOps[imp.Local] = strings.TrimPrefix(q, "alembic.op.")
		}
	}
}

// opBinding is the name through which an import reaches alembic.op, if it
// does.
func opBinding(imp Import) (string, bool) {
	switch q := imp.Qualified(); {
	case q == "alembic.op" && imp.Name == "" && imp.Local == "alembic":
		return "alembic.op", true // `import alembic.op` binds alembic, not op
	case q == "alembic.op":
		return imp.Local, true
	case q == "alembic" && imp.Name == "": // import alembic [as al]: alembic imports its op module
		return imp.Local + ".op", true
	}
	return "", false
}

// importList lists the names an import statement binds.
func (x *extractor) importList(n *pysyntax.Node) []Import {
	var out []Import
	module := ""
	if mn := n.ChildByFieldName("module_name"); mn != nil {
		module = x.t.Text(mn)
	} else if pysyntax.Type(n) == "future_import_statement" {
		module = "__future__"
	}
	for i, k := 0, int(n.ChildCount()); i < k; i++ {
		c := n.Child(i)
		if !c.IsNamed() || n.FieldNameForChild(i) == "module_name" {
			continue
		}
		var name, local string
		switch pysyntax.Type(c) {
		case "dotted_name":
			name = x.t.Text(c)
			local = name
			if module == "" {
				local = strings.SplitN(name, ".", 2)[0]
			}
		case "aliased_import":
			name = x.t.Text(c.ChildByFieldName("name"))
			local = x.t.Text(c.ChildByFieldName("alias"))
		case "wildcard_import":
			name, local = "*", "*"
		default:
			continue
		}
		imp := Import{Module: module, Name: name, Local: local, Span: x.t.Span(c), Stmt: x.t.Span(n)}
		if module == "" {
			imp = Import{Module: name, Local: local, Span: imp.Span, Stmt: imp.Stmt}
		}
		out = append(out, imp)
	}
	return out
}

// keepHeaderOnly drops what the revision graph does not need and copies the
// header strings out of the source, so that the source can be freed: a history
// of thousands of files then holds a few bytes per file.
func (m *Migration) keepHeaderOnly() {
	m.Source, m.Vars, m.Imports, m.NameUses, m.EnumClasses = nil, nil, nil, nil, nil
	m.HeaderOnly = true
	for _, h := range []*Header{&m.Revision, &m.DownRevision, &m.BranchLabels, &m.DependsOn} {
		for i, v := range h.Values {
			h.Values[i] = strings.Clone(v)
		}
	}
	m.DocRevision, m.DocRevises, m.DocMessage = strings.Clone(m.DocRevision), strings.Clone(m.DocRevises), strings.Clone(m.DocMessage)
}

// preferredQuote is ' when the source has more ' than " characters, else ".
func preferredQuote(src []byte) byte {
	if bytes.Count(src, []byte("'")) > bytes.Count(src, []byte(`"`)) {
		return '\''
	}
	return '"'
}
