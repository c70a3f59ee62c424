package pysyntax

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

// The declarations of tree-sitter's C API (api.h of the pinned
// github.com/smacker/go-tree-sitter) that the walk below uses: the functions
// are those the binding links into the program.
typedef struct TSTree TSTree;
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;
TSNode ts_tree_root_node(const TSTree *self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_reset(TSTreeCursor *self, TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
TSSymbol ts_node_symbol(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_has_error(TSNode self);

enum { NODE_NAMED = 1, NODE_MISSING = 2, NODE_HAS_ERROR = 4 };

// flat_node is one visible node. The children of a node are contiguous
// (first, count): nodes are numbered breadth first.
typedef struct {
	uint32_t start, end;
	int32_t parent, first, count, named_count;
	int32_t named_before; // named siblings before this node
	TSSymbol symbol;
	TSFieldId field;
	uint8_t flags;
} flat_node;

static void flat_set(flat_node *out, TSNode n, int32_t parent, TSFieldId field, int32_t named_before) {
	out->start = ts_node_start_byte(n);
	out->end = ts_node_end_byte(n);
	out->parent = parent;
	out->first = out->count = out->named_count = 0;
	out->named_before = named_before;
	out->symbol = ts_node_symbol(n);
	out->field = field;
	out->flags = (ts_node_is_named(n) ? NODE_NAMED : 0) | (ts_node_is_missing(n) ? NODE_MISSING : 0) |
		(ts_node_has_error(n) ? NODE_HAS_ERROR : 0);
}

// flatten copies the visible nodes of a tree into out, breadth first, in one
// call: the number of nodes, -1 when out holds fewer than cap nodes, -2 when
// memory ran out.
static int32_t flatten(const TSTree *tree, flat_node *out, int32_t cap) {
	if (cap < 1) return -1;
	TSNode *pending = malloc(sizeof(TSNode) * (size_t)cap);
	if (pending == NULL) return -2;
	TSNode root = ts_tree_root_node(tree);
	pending[0] = root;
	flat_set(&out[0], root, -1, 0, 0);
	int32_t n = 1;
	TSTreeCursor c = ts_tree_cursor_new(root);
	for (int32_t i = 0; i < n; i++) {
		ts_tree_cursor_reset(&c, pending[i]);
		out[i].first = n;
		if (!ts_tree_cursor_goto_first_child(&c)) continue;
		int32_t named = 0;
		do {
			if (n == cap) {
				n = -1;
				goto done;
			}
			TSNode kid = ts_tree_cursor_current_node(&c);
			pending[n] = kid;
			flat_set(&out[n], kid, i, ts_tree_cursor_current_field_id(&c), named);
			if (out[n].flags & NODE_NAMED) named++;
			n++;
		} while (ts_tree_cursor_goto_next_sibling(&c));
		out[i].count = n - out[i].first;
		out[i].named_count = named;
	}
done:
	ts_tree_cursor_delete(&c);
	free(pending);
	return n;
}
*/
import "C"

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// Node is one node of a parsed file. The tree-sitter tree is copied into
// plain Go memory in one call into C when the file is parsed (and freed
// then): reading a node costs no call into C and no allocation, where the
// binding's nodes cost both on every child read. Callers must not keep nodes
// after Tree.Close.
type Node struct {
	tree *Tree
	flat C.flat_node
}

// errorSymbol is tree-sitter's ERROR node (ts_builtin_sym_error).
const errorSymbol = sitter.Symbol(0xFFFF)

// flatBuffers are reused between parses: Tree.Close hands them back.
type flatBuffers struct {
	flat  []C.flat_node
	nodes []Node
}

var buffers = sync.Pool{New: func() any { return &flatBuffers{} }}

// flatten copies tree's visible nodes into t.
func (t *Tree) flatten(tree *sitter.Tree) error {
	// The binding keeps the C tree in the first field of its BaseTree
	// (checked by TestFlattenMatchesTheBinding for the pinned version).
	ctree := *(**C.TSTree)(unsafe.Pointer(tree.BaseTree))
	b := buffers.Get().(*flatBuffers)
	want := len(t.Src)/8 + 64
	for {
		if cap(b.flat) < want {
			b.flat = make([]C.flat_node, want)
		}
		b.flat = b.flat[:cap(b.flat)]
		n := C.flatten(ctree, unsafe.SliceData(b.flat), C.int32_t(min(len(b.flat), 1<<31-1)))
		if n == -2 {
			buffers.Put(b)
			return fmt.Errorf("flatten: out of memory")
		}
		if n >= 0 {
			b.flat = b.flat[:n]
			break
		}
		want = 2 * len(b.flat)
	}
	if cap(b.nodes) < len(b.flat) {
		b.nodes = make([]Node, len(b.flat))
	}
	b.nodes = b.nodes[:len(b.flat)]
	for i := range b.flat {
		b.nodes[i] = Node{tree: t, flat: b.flat[i]}
	}
	t.buffers, t.nodes = b, b.nodes
	return nil
}

// Close hands the tree's nodes back for the next parse.
func (t *Tree) Close() {
	if t.buffers != nil {
		clear(t.buffers.nodes) // drops the references to this tree
		buffers.Put(t.buffers)
		t.buffers, t.nodes = nil, nil
	}
}

// Root is the module node.
func (t *Tree) Root() *Node { return &t.nodes[0] }

func (n *Node) at(i C.int32_t) *Node { return &n.tree.nodes[i] }

// StartByte is the offset where the node starts.
func (n *Node) StartByte() uint32 { return uint32(n.flat.start) }

// EndByte is the offset where the node ends.
func (n *Node) EndByte() uint32 { return uint32(n.flat.end) }

// StartPoint is the node's start as a row and byte column.
func (n *Node) StartPoint() Point { return point(n.tree, int(n.flat.start)) }

// EndPoint is the node's end as a row and byte column.
func (n *Node) EndPoint() Point { return point(n.tree, int(n.flat.end)) }

// Symbol is the node's grammar symbol.
func (n *Node) Symbol() sitter.Symbol { return sitter.Symbol(n.flat.symbol) }

// Type is the node's type name ("call", "identifier", "ERROR", ...).
func (n *Node) Type() string {
	if n.IsError() {
		return "ERROR"
	}
	return symbolName(n.Symbol())
}

// IsNamed reports whether the node is named in the grammar (not a token
// such as "(" or "=").
func (n *Node) IsNamed() bool { return n.flat.flags&C.NODE_NAMED != 0 }

// IsMissing reports whether error recovery inserted the node.
func (n *Node) IsMissing() bool { return n.flat.flags&C.NODE_MISSING != 0 }

// IsError reports whether the node is an ERROR node.
func (n *Node) IsError() bool { return n.Symbol() == errorSymbol }

// HasError reports whether the node is or holds an ERROR or MISSING node.
func (n *Node) HasError() bool { return n.flat.flags&C.NODE_HAS_ERROR != 0 }

// Parent is the node's parent, nil for the root.
func (n *Node) Parent() *Node {
	if n.flat.parent < 0 {
		return nil
	}
	return n.at(n.flat.parent)
}

// ChildCount counts the node's children, named or not.
func (n *Node) ChildCount() uint32 { return uint32(n.flat.count) }

// Child is the node's i-th child, nil when there is none.
func (n *Node) Child(i int) *Node {
	if i < 0 || i >= int(n.flat.count) {
		return nil
	}
	return n.at(n.flat.first + C.int32_t(i))
}

// NamedChildCount counts the node's named children.
func (n *Node) NamedChildCount() uint32 { return uint32(n.flat.named_count) }

// NamedChild is the node's i-th named child, nil when there is none.
func (n *Node) NamedChild(i int) *Node {
	if i < 0 || i >= int(n.flat.named_count) {
		return nil
	}
	if n.flat.named_count == n.flat.count {
		return n.Child(i)
	}
	// The named child i is the last child with i named children before it.
	kids := n.tree.nodes[n.flat.first : n.flat.first+n.flat.count]
	j := sort.Search(len(kids), func(j int) bool { return int(kids[j].flat.named_before) > i })
	return &kids[j-1]
}

// ChildByFieldName is the node's first child in the given field of its
// grammar rule, nil when there is none.
func (n *Node) ChildByFieldName(name string) *Node {
	id, ok := fieldIDs[name]
	if !ok {
		return nil
	}
	for i := n.flat.first; i < n.flat.first+n.flat.count; i++ {
		if n.tree.nodes[i].flat.field == id {
			return &n.tree.nodes[i]
		}
	}
	return nil
}

// FieldNameForChild is the field of the node's i-th child ("" for none).
func (n *Node) FieldNameForChild(i int) string {
	if c := n.Child(i); c != nil && int(c.flat.field) < len(fieldNames) {
		return fieldNames[c.flat.field]
	}
	return ""
}

// NamedDescendantAt is the smallest named node that holds the bytes from
// start to end (an empty range: the node around that offset), as
// tree-sitter's ts_node_named_descendant_for_point_range finds it.
func (n *Node) NamedDescendantAt(start, end int) *Node {
	found := n
	for cur, descended := n, true; descended; {
		descended = false
		for i := range int(cur.flat.count) {
			c := cur.at(cur.flat.first + C.int32_t(i))
			// A child must reach the end of the range and pass its start...
			if int(c.flat.end) < end || int(c.flat.end) <= start {
				continue
			}
			// ...and begin at or before its start.
			if start < int(c.flat.start) {
				break
			}
			cur, descended = c, true
			if c.IsNamed() {
				found = c
			}
			break
		}
	}
	return found
}

// fieldNames are the grammar's field names by id, fieldIDs the ids by name.
var fieldNames, fieldIDs = func() ([]string, map[string]C.TSFieldId) {
	lang := python.GetLanguage()
	names := []string{""}
	ids := map[string]C.TSFieldId{}
	for id := 1; ; id++ {
		name := lang.FieldName(id)
		if name == "" {
			return names, ids
		}
		names = append(names, name)
		ids[name] = C.TSFieldId(id)
	}
}()

// String is the node as tree-sitter prints a tree: an S-expression of the
// named nodes, with field names and MISSING nodes (for tests and debugging).
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b, "")
	return b.String()
}

func (n *Node) write(b *strings.Builder, field string) {
	if !n.IsNamed() && !n.IsMissing() {
		return // a token: it has no children
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if field != "" {
		b.WriteString(field + ": ")
	}
	switch {
	case n.IsMissing() && n.IsNamed():
		b.WriteString("(MISSING " + n.Type())
	case n.IsMissing():
		b.WriteString(`(MISSING "` + n.Type() + `"`)
	default:
		b.WriteString("(" + n.Type())
	}
	for i := range int(n.ChildCount()) {
		n.Child(i).write(b, n.FieldNameForChild(i))
	}
	b.WriteByte(')')
}
