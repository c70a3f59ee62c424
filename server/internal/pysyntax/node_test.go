package pysyntax

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// The copied tree must answer every question the analyzer asks exactly as
// the binding's tree does: on every revision file of the rule fixtures and
// the examples, and on sources full of syntax errors, where error recovery
// makes ERROR and MISSING nodes.
func TestFlattenMatchesTheBinding(t *testing.T) {
	sources := map[string][]byte{
		"missing paren":    []byte("def upgrade(:\n    op.add_column('t', sa.Column('c'\n"),
		"stray tokens":     []byte("x = = 1\nop.drop_table('t') ) ]\nclass :\n"),
		"tabs and unicode": []byte("def upgrade():\n\tif x:\n\t    op.execute('é ü 字')  # comment ✓\n\n\telse:\n        pass\n"),
		"nested":           []byte("f(" + strings.Repeat("[", 80) + strings.Repeat("]", 80) + ")\n"),
		"comments":         []byte("op.create_table(  # a\n    't',  # b\n    # c\n    sa.Column('id', sa.Integer()),\n)\n"),
		"empty":            {},
		"binary":           {0, 1, 2, 0xff, 0xfe, '\n', 'x', '='},
		"continuation":     []byte("x = 1 + \\\n    2\nif a and \\\n   not b: pass\n"),
	}
	for _, root := range []string{"../rules/testdata", "../../../examples"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".py" {
				return err
			}
			src, err := os.ReadFile(path)
			sources[path] = src
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(sources) < 500 {
		t.Fatalf("only %d sources: the fixtures moved?", len(sources))
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	nodes := 0
	for name, src := range sources {
		want, err := p.ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		if d := compareNodes(want.RootNode(), got.Root(), &nodes); d != "" {
			t.Errorf("%s: %s", name, d)
		}
		// (the binding prints an ERROR leaf with the character tree-sitter
		// stopped at, which the copy does not keep)
		if w, g := want.RootNode().String(), got.Root().String(); w != g && !got.Root().HasError() {
			t.Errorf("%s: String() = %.200s\nwant %.200s", name, g, w)
		}
		// every offset of a small file, a sample of a large one
		for at := 0; at <= len(src); at += 1 + len(src)/100 {
			for _, end := range []int{at, min(at+3, len(src))} {
				w := want.RootNode().NamedDescendantForPointRange(point(got, at), point(got, end))
				g := got.Root().NamedDescendantAt(at, end)
				if describe(w) != describeNode(g) {
					t.Errorf("%s: NamedDescendantAt(%d, %d) = %s, want %s", name, at, end, describeNode(g), describe(w))
				}
			}
		}
		want.Close()
		got.Close()
	}
	t.Logf("%d sources, %d nodes compared", len(sources), nodes)
}

func describe(n *sitter.Node) string {
	if n == nil {
		return "nil"
	}
	return fmt.Sprintf("%s %d-%d", n.Type(), n.StartByte(), n.EndByte())
}

func describeNode(n *Node) string {
	if n == nil {
		return "nil"
	}
	return fmt.Sprintf("%s %d-%d", n.Type(), n.StartByte(), n.EndByte())
}

// compareNodes compares two trees node by node: "" when they agree.
func compareNodes(want *sitter.Node, got *Node, count *int) string {
	*count++
	w := fmt.Sprintf("%s sym=%d named=%t missing=%t error=%t haserror=%t start=%v end=%v kids=%d named=%d",
		describe(want), want.Symbol(), want.IsNamed(), want.IsMissing(), want.IsError(), want.HasError(),
		want.StartPoint(), want.EndPoint(), want.ChildCount(), want.NamedChildCount())
	g := fmt.Sprintf("%s sym=%d named=%t missing=%t error=%t haserror=%t start=%v end=%v kids=%d named=%d",
		describeNode(got), got.Symbol(), got.IsNamed(), got.IsMissing(), got.IsError(), got.HasError(),
		got.StartPoint(), got.EndPoint(), got.ChildCount(), got.NamedChildCount())
	if w != g {
		return fmt.Sprintf("node %s, want %s", g, w)
	}
	for i := range int(want.ChildCount()) {
		w, g := want.FieldNameForChild(i), got.FieldNameForChild(i)
		if c := got.Child(i); (Extra(c.Type()) || c.IsError()) && g == "" {
			// The binding's ts_node_field_name_for_child gives comments,
			// line continuations and ERROR nodes the field of a child next
			// to them ("body" for a comment before a function's block);
			// tree-sitter's cursor gives them none.
			continue
		}
		if w != g {
			return fmt.Sprintf("%s: field of child %d = %q, want %q", describeNode(got), i, g, w)
		}
		if got.Child(i).Parent() != got {
			return fmt.Sprintf("%s: child %d has another parent", describeNode(got), i)
		}
		if d := compareNodes(want.Child(i), got.Child(i), count); d != "" {
			return d
		}
	}
	for i := range int(want.NamedChildCount()) {
		if w, g := describe(want.NamedChild(i)), describeNode(got.NamedChild(i)); w != g {
			return fmt.Sprintf("%s: named child %d = %s, want %s", describeNode(got), i, g, w)
		}
	}
	for _, field := range fieldNames[1:] {
		if w, g := describe(want.ChildByFieldName(field)), describeNode(got.ChildByFieldName(field)); w != g {
			return fmt.Sprintf("%s: field %s = %s, want %s", describeNode(got), field, g, w)
		}
	}
	return ""
}
