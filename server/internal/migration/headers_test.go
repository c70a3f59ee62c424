package migration

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"unsafe"
)

func TestHeaders(t *testing.T) {
	type header struct {
		kind   HeaderKind
		values []string
		line   int // line of the assigned value; 0 when missing
		col    int
	}
	tests := []struct {
		file                              string
		revision, down, branches, depends header
		docRevision, docRevises           string
	}{
		{
			// annotated assignments, as Alembic 1.12+ templates write them
			file:        "headers_annotated.py",
			revision:    header{HeaderString, []string{"9c8b7a6f5e4d"}, 15, 17},
			down:        header{HeaderString, []string{"0a1b2c3d4e5f"}, 16, 35},
			branches:    header{HeaderNone, nil, 17, 50},
			depends:     header{HeaderNone, nil, 18, 47},
			docRevision: "1f2e3d4c5b6a", // disagrees with the variable: both recorded
			docRevises:  "0a1b2c3d4e5f",
		},
		{
			// a merge revision; depends_on is an imported constant
			file:        "headers_merge.py",
			revision:    header{HeaderString, []string{"kilo"}, 10, 12},
			down:        header{HeaderTuple, []string{"0133_set_prefix", "juliet"}, 11, 17},
			branches:    header{HeaderTuple, []string{"billing", "reports"}, 12, 17},
			depends:     header{HeaderName, nil, 13, 14},
			docRevision: "kilo",
			docRevises:  "('0133_set_prefix', 'juliet')",
		},
		{
			// module constants assigned earlier are resolved, through an alias too;
			// an imported one is a name whose value is unknown
			file:     "headers_constants.py",
			revision: header{HeaderString, []string{"0134_set_prefix"}, 12, 12},
			down:     header{HeaderString, []string{"0133_set_prefix"}, 13, 17},
			branches: header{HeaderNone, nil, 14, 17},
			depends:  header{HeaderName, nil, 15, 14},
		},
		{
			// no docstring, no branch_labels/depends_on, headers before the imports
			file:     "headers_minimal.py",
			revision: header{HeaderString, []string{"first"}, 1, 12},
			down:     header{HeaderNone, nil, 2, 17},
			branches: header{HeaderMissing, nil, 0, 0},
			depends:  header{HeaderMissing, nil, 0, 0},
		},
		{
			// computed values are "other"; a list is a tuple; a one-element tuple too
			file:        "headers_list_other.py",
			revision:    header{HeaderOther, nil, 6, 12},
			down:        header{HeaderTuple, []string{"66bb"}, 7, 17},
			branches:    header{HeaderTuple, []string{"core"}, 8, 17},
			depends:     header{HeaderOther, nil, 9, 14},
			docRevision: "77aa",
			docRevises:  "66bb",
		},
		{
			// expand/contract branches named by imported constants: present, values
			// unknown
			file:        "headers_branch_names.py",
			revision:    header{HeaderString, []string{"e5f6a7b8c9d0"}, 11, 12},
			down:        header{HeaderString, []string{"d4e5f6a7b8c9"}, 12, 17},
			branches:    header{HeaderOther, nil, 13, 17},
			depends:     header{HeaderOther, nil, 14, 14},
			docRevision: "e5f6a7b8c9d0",
			docRevises:  "d4e5f6a7b8c9",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := parseFixture(t, tt.file)
			for _, c := range []struct {
				name string
				got  Header
				want header
			}{
				{"revision", m.Revision, tt.revision},
				{"down_revision", m.DownRevision, tt.down},
				{"branch_labels", m.BranchLabels, tt.branches},
				{"depends_on", m.DependsOn, tt.depends},
			} {
				if c.got.Kind != c.want.kind || !slices.Equal(c.got.Values, c.want.values) {
					t.Errorf("%s = %s %q, want %s %q", c.name, c.got.Kind, c.got.Values, c.want.kind, c.want.values)
				}
				if int(c.got.Span.StartLine) != c.want.line || int(c.got.Span.StartCol) != c.want.col {
					t.Errorf("%s span starts at %d:%d, want %d:%d", c.name, c.got.Span.StartLine, c.got.Span.StartCol, c.want.line, c.want.col)
				}
				wantKnown := c.want.kind != HeaderName && c.want.kind != HeaderOther
				if c.got.Known() != wantKnown {
					t.Errorf("%s.Known() = %v", c.name, c.got.Known())
				}
			}
			if m.DocRevision != tt.docRevision || m.DocRevises != tt.docRevises {
				t.Errorf("docstring ids = %q/%q, want %q/%q", m.DocRevision, m.DocRevises, tt.docRevision, tt.docRevises)
			}
		})
	}
}

func TestHeaderSpanCoversValue(t *testing.T) {
	m := parseFixture(t, "headers_merge.py")
	got := string(m.Source[m.DownRevision.Span.Start:m.DownRevision.Span.End])
	if want := `("0133_set_prefix", "juliet")`; got != want {
		t.Errorf("down_revision span text = %q, want %q", got, want)
	}
	// a resolved constant keeps the span of the name where it is used
	m = parseFixture(t, "headers_constants.py")
	if got := string(m.Source[m.Revision.Span.Start:m.Revision.Span.End]); got != "REV_ID" {
		t.Errorf("revision span text = %q, want REV_ID", got)
	}
}

func TestHeaderEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Header
	}{
		{"cycle of constants", "a = b\nb = a\nrevision = a\n", Header{Kind: HeaderName}},
		{"self reference", "revision = revision\n", Header{Kind: HeaderName}},
		{"chained assignment", "revision = rev = 'abc'\n", Header{Kind: HeaderString, Values: []string{"abc"}}},
		{"long chain", "revision = a = b = 'abc'\n", Header{Kind: HeaderString, Values: []string{"abc"}}},
		{"reassigned: the last wins", "revision = 'old'\nrevision = 'new'\n", Header{Kind: HeaderString, Values: []string{"new"}}},
		{"constant assigned later is unknown", "revision = LATER\nLATER = 'x'\n", Header{Kind: HeaderName}},
		{"implicit concatenation", "revision = ('ab'\n    'cd')\n", Header{Kind: HeaderString, Values: []string{"abcd"}}},
		{"tuple with a name", "revision = ('a', B)\n", Header{Kind: HeaderOther}},
		{"tuple of an attribute", "from x import branches\nrevision = (branches.EXPAND,)\n", Header{Kind: HeaderOther}},
		{"a bare imported label", "from x import EXPAND\nrevision = EXPAND\n", Header{Kind: HeaderName}},
		{"guarded by if", "import os\nif os.environ.get('X'):\n    revision = 'guarded'\n", Header{Kind: HeaderString, Values: []string{"guarded"}}},
		{"attribute", "import base\nrevision = base.REV\n", Header{Kind: HeaderOther}},
		{"no header at all", "x = 1\n", Header{Kind: HeaderMissing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseSource(t, tt.src)
			if m.Revision.Kind != tt.want.Kind || !slices.Equal(m.Revision.Values, tt.want.Values) {
				t.Errorf("revision = %s %q, want %s %q", m.Revision.Kind, m.Revision.Values, tt.want.Kind, tt.want.Values)
			}
		})
	}
}

func TestDocstringIDs(t *testing.T) {
	tests := []struct {
		name, src         string
		revision, revises string
	}{
		{"after comments", "# comment\n# another\n\"\"\"msg\n\nRevision ID: abc\nRevises: def\n\"\"\"\n", "abc", "def"},
		{"empty fields do not swallow the next line", "\"\"\"Revision ID:\nRevises:\nCreate Date: x\n\"\"\"\n", "", ""},
		{"merge revises", "\"\"\"Revision ID: m1\nRevises: a1, b2\n\"\"\"\n", "m1", "a1, b2"},
		{"not the first statement", "import os\n\"\"\"Revision ID: abc\"\"\"\n", "", ""},
		{"single-quoted docstring", "'Revision ID: q1'\n", "q1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseSource(t, tt.src)
			if m.DocRevision != tt.revision || m.DocRevises != tt.revises {
				t.Errorf("doc ids = %q/%q, want %q/%q", m.DocRevision, m.DocRevises, tt.revision, tt.revises)
			}
		})
	}
	m := parseFixture(t, "headers_annotated.py")
	if m.DocSpan.StartLine != 1 || m.DocSpan.EndLine != 7 {
		t.Errorf("DocSpan lines %d-%d, want 1-7", m.DocSpan.StartLine, m.DocSpan.EndLine)
	}
}

func TestImports(t *testing.T) {
	m := parseFixture(t, "imports_aliases.py")
	type imp struct{ module, name, local string }
	want := []imp{
		{"__future__", "annotations", "annotations"},
		{"sqlalchemy", "", "sa"},
		{"alembic", "op", "alembic_op"},
		{"alembic.op", "create_table", "create_table"},
		{"alembic.op", "drop_table", "remove_table"},
		{"sqlalchemy.dialects", "postgresql", "postgresql"},
		{"sqlalchemy", "Column", "Column"},
		{"sqlalchemy", "Integer", "Integer"},
	}
	var got []imp
	for _, i := range m.Imports {
		got = append(got, imp{i.Module, i.Name, i.Local})
	}
	if !slices.Equal(got, want) {
		t.Errorf("imports:\n got %v\nwant %v", got, want)
	}
	if q := m.Imports[4].Qualified(); q != "alembic.op.drop_table" {
		t.Errorf("Qualified = %q", q)
	}
	if q := m.Imports[1].Qualified(); q != "sqlalchemy" {
		t.Errorf("Qualified = %q", q)
	}
	if s := m.Imports[2].Span; s.StartLine != 9 || s.StartCol != 21 || s.EndCol != 37 {
		t.Errorf("alias import span %+v, want 9:21-9:37", s)
	}

	// ops are found through the alias and through bare imported functions;
	// `op` is not bound in this file, so op.drop_table is an unknown call
	up := m.Upgrade
	if got, want := opNames(up), []string{"add_column", "create_table", UnknownCall}; !slices.Equal(got, want) {
		t.Fatalf("upgrade ops = %v, want %v", got, want)
	}
	if up.Ops[0].Receiver != "alembic_op" || up.Ops[1].Receiver != "" || up.Ops[2].Receiver != "op.drop_table" {
		t.Errorf("receivers = %q %q %q", up.Ops[0].Receiver, up.Ops[1].Receiver, up.Ops[2].Receiver)
	}
	if got := argsOf(up.Ops[1].Args); got["table_name"] != `"audit_log"` || len(up.Ops[1].Varargs) != 1 {
		t.Errorf("bare create_table args = %v varargs = %d", got, len(up.Ops[1].Varargs))
	}
	down := m.Downgrade
	if got, want := opNames(down), []string{"drop_table", "drop_column"}; !slices.Equal(got, want) {
		t.Fatalf("downgrade ops = %v, want %v", got, want)
	}
	if tbl, _ := down.Ops[0].Table(); tbl != "audit_log" {
		t.Errorf("aliased bare drop_table table = %q", tbl)
	}
}

func TestImportForms(t *testing.T) {
	tests := []struct {
		name string
		src  string
		ops  []string
	}{
		{"import alembic", "import alembic\ndef upgrade():\n    alembic.op.drop_table('t')\n", []string{"drop_table"}},
		{"import alembic.op", "import alembic.op\ndef upgrade():\n    alembic.op.drop_table('t')\n", []string{"drop_table"}},
		{"import alembic.op as aop", "import alembic.op as aop\ndef upgrade():\n    aop.drop_table('t')\n", []string{"drop_table"}},
		{"parenthesized from-import", "from alembic import (\n    context,\n    op,\n)\ndef upgrade():\n    op.drop_table('t')\n", []string{"drop_table"}},
		// not resolved (rare in real projects): the call stays unknown, which rules treat with caution
		{"wildcard from alembic.op", "from alembic.op import *\ndef upgrade():\n    drop_table('t')\n", []string{UnknownCall}},
		{"import inside try", "try:\n    from alembic import op\nexcept ImportError:\n    op = None\ndef upgrade():\n    op.drop_table('t')\n", []string{"drop_table"}},
		{"no import of op", "def upgrade():\n    op.drop_table('t')\n", []string{UnknownCall}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseSource(t, tt.src)
			if got := opNames(m.Upgrade); !slices.Equal(got, tt.ops) {
				t.Errorf("ops = %v, want %v", got, tt.ops)
			}
		})
	}
}

func TestVars(t *testing.T) {
	m := parseFixture(t, "schema_types.py")
	if v := m.Vars["order_status"]; v == nil || v.CallName() != "sa.Enum" || v.Span.StartLine != 13 {
		t.Errorf("Vars[order_status] = %+v", v)
	}
	if v := m.Vars["PRIORITIES"]; v == nil || lit(v) != `("low", "high")` {
		t.Errorf("Vars[PRIORITIES] = %v", lit(v))
	}
	if m.Vars["revision"] == nil || m.Vars["channel"] != nil {
		t.Errorf("Vars holds module assignments only: revision=%v channel=%v", m.Vars["revision"], m.Vars["channel"])
	}
	m = parseFixture(t, "side_effects.py")
	// assignments in module-level try/except are seen; the last one wins
	if v := m.Vars["Base"]; v == nil || v.Text != "None" {
		t.Errorf("Vars[Base] = %v", lit(v))
	}
}

func TestHeaderOnlyBranchNames(t *testing.T) {
	// the revision graph reads headers without the functions: same kinds
	m, err := ParseFileHeader(context.Background(), filepath.Join("testdata", "headers_branch_names.py"))
	if err != nil {
		t.Fatal(err)
	}
	if m.BranchLabels.Kind != HeaderOther || m.DependsOn.Kind != HeaderOther || m.BranchLabels.Known() {
		t.Errorf("branch_labels %s, depends_on %s", m.BranchLabels.Kind, m.DependsOn.Kind)
	}
}

// TestHeaderKeepsNoSource: a header's strings are copies, so that the
// headers a check keeps of every revision do not keep the files' text.
func TestHeaderKeepsNoSource(t *testing.T) {
	m := parseSource(t, `"""add orders

Revision ID: abc123
Revises: def456
"""
# alembic-patterns: ignore[enum-type-not-dropped]
revision = "abc123"
down_revision = ("def456", "0a1b2c")
branch_labels = ("shop",)
depends_on = None

def upgrade():
    pass
`)
	text := m.Source
	inSource := func(s string) bool {
		if s == "" {
			return false
		}
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(text)))
		return p >= start && p < start+uintptr(len(text))
	}
	h := m.Header()
	strs := []string{h.DocRevision, h.DocRevises, h.DocMessage}
	for _, header := range []Header{h.Revision, h.DownRevision, h.BranchLabels} {
		strs = append(strs, header.Values...)
	}
	for _, d := range h.Directives {
		strs = append(strs, d.Rules...)
	}
	if len(strs) != 8 || !slices.Contains(strs, "0a1b2c") || !slices.Contains(strs, "enum-type-not-dropped") {
		t.Fatalf("header strings: %q", strs)
	}
	for _, s := range strs {
		if inSource(s) {
			t.Errorf("header string %q points into the file's text", s)
		}
	}
}
