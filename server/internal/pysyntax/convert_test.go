package pysyntax

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// parse parses src and fails the test on error; the tree is closed at cleanup.
func parse(t *testing.T, src string) *Tree {
	t.Helper()
	tr, err := Parse(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.Close)
	return tr
}

// valueOf converts the right-hand side of the first statement, `x = <expr>`.
func valueOf(t *testing.T, expr string) *Expr {
	t.Helper()
	tr := parse(t, "x = "+expr+"\n")
	st := tr.Root().NamedChild(0)
	if st == nil || st.Type() != "expression_statement" {
		t.Fatalf("no statement in %q: %s", expr, tr.Root())
	}
	a := st.NamedChild(0)
	if a.Type() != "assignment" {
		t.Fatalf("not an assignment: %s", a)
	}
	return tr.Expr(a.ChildByFieldName("right"))
}

func TestStringDecoding(t *testing.T) {
	tests := []struct {
		src  string
		want string
		kind Kind
	}{
		{`"plain"`, "plain", String},
		{`'single'`, "single", String},
		{`""`, "", String},
		{`"tab\there\nnewline"`, "tab\there\nnewline", String},
		{`"quote \" and \' and \\"`, `quote " and ' and \`, String},
		{`"\x41\u00e9\U0001F600"`, "Aé😀", String},
		{`"\101\60\0"`, "A0\x00", String},              // octal escapes
		{`"\0123"`, "\n3", String},                     // at most three octal digits
		{`"\777"`, "\u01ff", String},                   // octal beyond a byte
		{`"\a\b\f\v\r"`, "\a\b\f\v\r", String},         // the C escapes
		{`"\d\w\N{DASH}\q"`, `\d\w\N{DASH}\q`, String}, // unknown escapes stay as written
		{`"\x4"`, `\x4`, String},                       // truncated escape stays
		{"\"line\\\ncontinued\"", "linecontinued", String},
		{`r"\d+\n"`, `\d+\n`, String},
		{`R'\x41'`, `\x41`, String},
		{`b"\x41\n"`, "A\n", String},
		{`b"\u00e9"`, `\u00e9`, String}, // no \u in bytes
		{`rb"\n"`, `\n`, String},
		{`u"\u00e9t\u00e9"`, "été", String},
		{`"""triple
quoted"""`, "triple\nquoted", String},
		{`'''it's'''`, "it's", String},
		{`"a" 'b' "c"`, "abc", String}, // implicit concatenation
		{"(\n    \"UPDATE t \"\n    'SET a = 1'\n)", "UPDATE t SET a = 1", String},
		{`"a\n" r"\n"`, "a\n\\n", String},                     // each part with its own prefix
		{`f"{{literal}} braces"`, "{literal} braces", String}, // no interpolation: a plain string
		{`f"a}}b"`, "a}b", String},
		{`f"tab\t{{x}}"`, "tab\t{x}", String},
		{`rf"\d{{2}}"`, `\d{2}`, String},
		{`f"plain"`, "plain", String},
		{`f"{name}"`, "", FString},
		{`f"DELETE FROM {table} WHERE id = {id!r:>10}"`, "DELETE FROM  WHERE id = ", FString},
		{`"DELETE FROM " f"{table}"`, "DELETE FROM ", FString}, // one interpolated part makes it all unknown
		{`"é日本"`, "é日本", String},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e := valueOf(t, tt.src)
			if e.Kind != tt.kind {
				t.Fatalf("kind = %d, want %d", e.Kind, tt.kind)
			}
			if e.Kind == String && e.Str != tt.want {
				t.Errorf("Str = %q, want %q", e.Str, tt.want)
			}
			if e.Text != tt.src {
				t.Errorf("Text = %q, want the source %q", e.Text, tt.src)
			}
			if v, ok := e.StringValue(); ok != (tt.kind == String) || (ok && v != tt.want) {
				t.Errorf("StringValue = %q, %v", v, ok)
			}
		})
	}
}

func TestExprKinds(t *testing.T) {
	tests := []struct {
		src    string
		kind   Kind
		name   string
		dotted string
	}{
		{"42", Number, "", ""},
		{"3.14", Number, "", ""},
		{"None", None, "", ""},
		{"True", Bool, "True", ""},
		{"False", Bool, "False", ""},
		{"status_type", Name, "status_type", "status_type"},
		{"sa.dialects.postgresql", Attribute, "postgresql", "sa.dialects.postgresql"},
		{"f().x", Attribute, "x", ""},
		{"[1, 2]", List, "", ""},
		{"(1, 2)", Tuple, "", ""},
		{"1, 2", Tuple, "", ""},
		{"{1, 2}", Tuple, "", ""}, // a set is a tuple for our purposes
		{"{'a': 1}", Dict, "", ""},
		{"d['k']", Subscript, "", ""},
		{"(status_type)", Name, "status_type", "status_type"}, // parentheses are transparent
		{"a + b", Operator, "+", ""},
		{"lambda: 1", Other, "", ""},
		{"not x", Operator, "not", ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e := valueOf(t, tt.src)
			if e.Kind != tt.kind || e.Name != tt.name || e.Dotted() != tt.dotted {
				t.Errorf("kind=%d name=%q dotted=%q, want %d %q %q", e.Kind, e.Name, e.Dotted(), tt.kind, tt.name, tt.dotted)
			}
			if e.Text != tt.src {
				t.Errorf("Text = %q", e.Text)
			}
		})
	}
}

func TestCallConversion(t *testing.T) {
	e := valueOf(t, `sa.Column("id", sa.Integer(), *extra, nullable=False, # why
    server_default=sa.text("0"), **opts)`)
	if e.Kind != Call || e.CallName() != "sa.Column" || LastName(e.CallName()) != "Column" {
		t.Fatalf("call = %d %q", e.Kind, e.CallName())
	}
	if len(e.Args) != 3 || e.Args[0].Str != "id" || e.Args[1].CallName() != "sa.Integer" || e.Args[2].Kind != Splat || e.Args[2].Object.Name != "extra" {
		t.Errorf("args = %+v", e.Args)
	}
	var names []string
	for _, k := range e.Keywords() {
		names = append(names, k.Name)
	}
	if !slices.Equal(names, []string{"nullable", "server_default", "**"}) {
		t.Errorf("keywords = %v", names)
	}
	if v, ok := e.Keyword("nullable").BoolValue(); !ok || v {
		t.Errorf("nullable = %v %v", v, ok)
	}
	if e.Keyword("missing") != nil || e.Keywords()[2].Value.Kind != DictSplat || e.Keywords()[2].Value.Object.Name != "opts" {
		t.Errorf("keyword lookups: %+v", e.Keywords()[2].Value)
	}
	if !e.HasSplat() {
		t.Error("HasSplat = false")
	}
	// `x = sa.Column("id", sa.Integer(), *extra, ` is 42 characters
	if kw := e.Keywords()[0]; kw.Span.StartLine != 1 || kw.Span.StartCol != 43 || kw.Span.EndCol != 57 {
		t.Errorf("keyword span %+v, want 1:43-57", kw.Span)
	}
	var calls []string
	e.Walk(func(x *Expr) bool {
		if x.Kind == Call {
			calls = append(calls, x.CallName())
		}
		return true
	})
	if !slices.Equal(calls, []string{"sa.Column", "sa.Integer", "sa.text"}) {
		t.Errorf("Walk calls = %v", calls)
	}
	// returning false prunes the subtree
	n := 0
	e.Walk(func(x *Expr) bool { n++; return x.Kind != Call })
	if n != 1 {
		t.Errorf("pruned walk visited %d", n)
	}
	if (*Expr)(nil).CallName() != "" || (*Expr)(nil).Dotted() != "" || (*Expr)(nil).Keyword("x") != nil || (*Expr)(nil).IsNone() {
		t.Error("nil receivers")
	}
	(*Expr)(nil).Walk(func(*Expr) bool { t.Error("walked nil"); return true })
	if valueOf(t, "f(*a)").HasSplat() != true || valueOf(t, "f(a, b=1)").HasSplat() {
		t.Error("HasSplat")
	}
}

func TestStringsHelper(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		ok   bool
	}{
		{`"a"`, []string{"a"}, true},
		{`("a", "b")`, []string{"a", "b"}, true},
		{`["a"]`, []string{"a"}, true},
		{`()`, []string{}, true},
		{`("a", b)`, nil, false},
		{`None`, nil, false},
		{`f"{x}"`, nil, false},
	}
	for _, tt := range tests {
		got, ok := valueOf(t, tt.src).Strings()
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("Strings(%s) = %q %v, want %q %v", tt.src, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := (*Expr)(nil).Strings(); ok {
		t.Error("nil Strings")
	}
	if !valueOf(t, "None").IsNone() || valueOf(t, "'None'").IsNone() {
		t.Error("IsNone")
	}
	if _, ok := valueOf(t, "1").BoolValue(); ok {
		t.Error("BoolValue of a number")
	}
}

func TestDictConversion(t *testing.T) {
	e := valueOf(t, `{"autocommit": True, **more, "n": 1}`)
	if e.Kind != Dict || len(e.Keys()) != 2 || len(e.Args) != 2 || e.Keys()[1].Str != "n" || e.Args[0].Name != "True" {
		t.Errorf("dict = %+v", e)
	}
}

func TestDeepExpressionIsBounded(t *testing.T) {
	const depth = 5000
	e := valueOf(t, strings.Repeat("f(", depth)+"1"+strings.Repeat(")", depth))
	levels := 0
	for x := e; x != nil && x.Kind == Call; levels++ {
		if len(x.Args) == 0 {
			break
		}
		x = x.Args[0]
	}
	if levels == 0 || levels > maxDepth+1 {
		t.Errorf("converted %d levels, want at most %d", levels, maxDepth+1)
	}
	// beyond the bound the expression is Other but keeps its text
	x := e
	for x.Kind == Call {
		x = x.Args[0]
	}
	if x.Kind != Other || !strings.HasPrefix(x.Text, "f(f(") {
		t.Errorf("innermost converted = %d %.20q", x.Kind, x.Text)
	}
}

func TestConversionAfterErrorRecovery(t *testing.T) {
	// converting every node of error-recovered trees must not panic
	for _, src := range []string{
		"x = (\n", "x = a.\n", "x = f(\n", "x = {'a': }\n", "x = [*]\n", "x = d[\n", "x = ( :()\n",
		"0000000000000000000000000000000000000000000000000000000000000A=( :()", "f(**)\n", "x = a = \n",
	} {
		tr := parse(t, src)
		var walk func(n *Node)
		walk = func(n *Node) {
			_ = tr.Expr(n)
			for i := 0; i < int(n.NamedChildCount()); i++ {
				walk(n.NamedChild(i))
			}
		}
		walk(tr.Root())
	}
}

func TestOperators(t *testing.T) {
	tests := []struct {
		src      string
		kind     Kind
		operator string
		operands []string
	}{
		{`sa.column("c") == "x"`, Operator, "==", []string{`sa.column("c")`, `"x"`}},
		{"a is not None", Operator, "is not", []string{"a", "None"}},
		{"a not in (1, 2)", Operator, "not in", []string{"a", "(1, 2)"}},
		{"a and b", Operator, "and", []string{"a", "b"}},
		{"(a > 0) & (b < 5)", Operator, "&", []string{"(a > 0)", "(b < 5)"}},
		{`"ANALYZE %s" % table`, Operator, "%", []string{`"ANALYZE %s"`, "table"}},
		{"not a", Operator, "not", []string{"a"}},
		{"~a", Operator, "~", []string{"a"}},
		{"a < b < c", Other, "", nil}, // a chained comparison is not one operation
	}
	for _, tt := range tests {
		e := valueOf(t, tt.src)
		var operands []string
		for _, a := range e.Args {
			operands = append(operands, a.Text)
		}
		if e.Kind != tt.kind || e.Name != tt.operator || !slices.Equal(operands, tt.operands) {
			t.Errorf("%s: kind %d %q %q, want %d %q %q", tt.src, e.Kind, e.Name, operands, tt.kind, tt.operator, tt.operands)
		}
	}
	// the operands of a parenthesized operand are converted too
	if e := valueOf(t, "(a > 0) & b"); e.Args[0].Kind != Operator || e.Args[0].Args[1].Kind != Number {
		t.Errorf("nested operand = %+v", e.Args[0])
	}
}

// Names and spans conversion takes from the source text instead of the tree
// (attribute names, keyword names and spans) must hold wherever comments,
// line continuations, non-ASCII identifiers or syntax errors sit.
func TestNamesReadFromText(t *testing.T) {
	attributes := []struct{ src, name string }{
		{"a.b", "b"},
		{"a . b", "b"},
		{"(a  # why\n  .b)", "b"},
		{"(a.  # why\n  b)", "b"},
		{"(a\n  .b)", "b"},
		{"a.bé", "bé"},
		{"a.é", "é"},
		{"f(x).y_1", "y_1"},
		{"(a  # why\n  .b)\ny = (", "b"}, // a syntax error elsewhere
	}
	for _, tt := range attributes {
		e := valueOf(t, tt.src)
		if e.Kind != Attribute || e.Name != tt.name {
			t.Errorf("%q: kind %d name %q, want attribute %q", tt.src, e.Kind, e.Name, tt.name)
		}
	}
	keywords := []struct{ src, name, span string }{
		{"f(k=1)", "k", "k=1"},
		{"f(k = (1))", "k", "k = (1)"},
		{"f(k  # why\n  = 1)", "k", "k  # why\n  = 1"},
		{"f(k=  # why\n  1)", "k", "k=  # why\n  1"},
		{"f(kö=1)", "kö", "kö=1"},
		{"f(é=1)", "é", "é=1"},
		{"f(k=1, k2=g(x=2))", "k", "k=1"},
		{"f(k  # why\n  = 1)\ny = (", "k", "k  # why\n  = 1"}, // a syntax error elsewhere
	}
	for _, tt := range keywords {
		tr := parse(t, "x = "+tt.src+"\n")
		var call *Expr
		var find func(n *Node)
		find = func(n *Node) {
			if call == nil && Type(n) == "call" {
				call = tr.Expr(n)
			}
			for i := 0; i < int(n.NamedChildCount()); i++ {
				find(n.NamedChild(i))
			}
		}
		find(tr.Root())
		if call == nil || len(call.Keywords()) == 0 {
			t.Errorf("%q: no keywords in %+v", tt.src, call)
			continue
		}
		k := call.Keywords()[0]
		if got := tr.text[k.Span.Start:k.Span.End]; k.Name != tt.name || got != tt.span {
			t.Errorf("%q: keyword %q spanning %q, want %q spanning %q", tt.src, k.Name, got, tt.name, tt.span)
		}
	}
}

// TestLineContinuationsAreNotOperands: a backslash before a newline is an
// extra of the grammar, like a comment: it is never an argument, an element,
// an operand or a field (a call written `op.add_column("t", \` once read as
// three positional arguments).
func TestLineContinuationsAreNotOperands(t *testing.T) {
	cases := []struct {
		src  string
		kind Kind
		args int
	}{
		{"f(a, \\\n  b)", Call, 2},
		{"f(\\\n  a)", Call, 1},
		{"[a, \\\n  b]", List, 2},
		{"(a, \\\n  b)", Tuple, 2},
		{"a + \\\n  b", Operator, 2},
	}
	for _, tt := range cases {
		e := valueOf(t, tt.src)
		if e.Kind != tt.kind || len(e.Args) != tt.args {
			t.Errorf("%q: kind %d with %d arguments, want kind %d with %d", tt.src, e.Kind, len(e.Args), tt.kind, tt.args)
			continue
		}
		for _, a := range e.Args {
			if a.Kind != Name {
				t.Errorf("%q: argument %q is kind %d, want a name", tt.src, a.Text, a.Kind)
			}
		}
	}
	if e := valueOf(t, "a.\\\n  b"); e.Kind != Attribute || e.Name != "b" {
		t.Errorf("a continued attribute: kind %d name %q, want attribute b", e.Kind, e.Name)
	}
	call := valueOf(t, "f(k=\\\n  1)")
	if ks := call.Keywords(); len(ks) != 1 || ks[0].Name != "k" || ks[0].Value.Kind != Number {
		t.Errorf("a continued keyword argument: %+v", ks)
	}
}
