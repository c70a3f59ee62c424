// Package pmap is a persistent map with string keys (a hash array mapped
// trie): Set and Delete return a new map and leave the old one as it was,
// sharing all but O(log n) of its nodes with it. The schema replay keeps the
// state before every operation of a revision; with Go maps each of those
// states held its own copy of a table's columns, which made a revision of n
// add_column calls cost n² in time and memory.
package pmap

import (
	"iter"
	"math/bits"
	"slices"
)

// Map is a persistent map; the zero value is empty and ready to use. Maps are
// values: copying one is O(1), and changing a copy never changes the original.
type Map[V any] struct {
	root *node[V]
	size int
}

// node is a trie node: up to 16 entries, one per set bit of bitmap, in bit
// order. Below the last level of hash bits a node is a bucket: a plain list of
// keys whose hashes are equal (bitmap unused).
type node[V any] struct {
	bitmap  uint32
	entries []entry[V]
}

// entry is a key and its value, or (sub != nil) a subtree.
type entry[V any] struct {
	key   string
	value V
	sub   *node[V]
}

const (
	// bitsPerLevel: 16 entries a node. A change copies the nodes on its path:
	// narrower nodes copy less (the replay keeps a state per operation) at
	// the price of one more level per 16 times more keys.
	bitsPerLevel = 4
	maxShift     = 64 // at this shift the hash is used up: buckets
)

// slot is the bit of a node's bitmap for hash h at shift.
func slot(h uint64, shift uint) uint32 { return 1 << (h >> shift & (1<<bitsPerLevel - 1)) }

// hash is FNV-1a: deterministic, so that iteration order is the same on every run.
var hash = func(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Len is the number of keys.
func (m Map[V]) Len() int { return m.size }

// Get returns the value of key, and whether it is set.
func (m Map[V]) Get(key string) (V, bool) {
	h := hash(key)
	n := m.root
	for shift := uint(0); n != nil; shift += bitsPerLevel {
		if shift >= maxShift {
			for _, e := range n.entries {
				if e.key == key {
					return e.value, true
				}
			}
			break
		}
		bit := slot(h, shift)
		if n.bitmap&bit == 0 {
			break
		}
		e := &n.entries[bits.OnesCount32(n.bitmap&(bit-1))]
		if e.sub == nil {
			if e.key == key {
				return e.value, true
			}
			break
		}
		n = e.sub
	}
	var zero V
	return zero, false
}

// Set returns the map with key set to value.
func (m Map[V]) Set(key string, value V) Map[V] {
	if m.root == nil {
		m.root = &node[V]{}
	}
	root, added := m.root.set(hash(key), entry[V]{key: key, value: value}, 0)
	m.root = root
	if added {
		m.size++
	}
	return m
}

func (n *node[V]) set(h uint64, e entry[V], shift uint) (*node[V], bool) {
	if shift >= maxShift {
		for i, x := range n.entries {
			if x.key == e.key {
				c := n.clone()
				c.entries[i] = e
				return c, false
			}
		}
		return &node[V]{entries: append(n.entries[:len(n.entries):len(n.entries)], e)}, true
	}
	bit := slot(h, shift)
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	if n.bitmap&bit == 0 {
		entries := make([]entry[V], 0, len(n.entries)+1)
		entries = append(append(append(entries, n.entries[:i]...), e), n.entries[i:]...)
		return &node[V]{bitmap: n.bitmap | bit, entries: entries}, true
	}
	c := n.clone()
	x := n.entries[i]
	switch {
	case x.sub != nil:
		sub, added := x.sub.set(h, e, shift+bitsPerLevel)
		c.entries[i] = entry[V]{sub: sub}
		return c, added
	case x.key == e.key:
		c.entries[i] = e
		return c, false
	}
	sub, _ := (&node[V]{}).set(hash(x.key), x, shift+bitsPerLevel)
	sub, _ = sub.set(h, e, shift+bitsPerLevel)
	c.entries[i] = entry[V]{sub: sub}
	return c, true
}

// Delete returns the map without key.
func (m Map[V]) Delete(key string) Map[V] {
	if m.root == nil {
		return m
	}
	root, removed := m.root.delete(hash(key), key, 0)
	if removed {
		m.root = root
		m.size--
	}
	return m
}

// delete returns the node without key (nil when it is left empty).
func (n *node[V]) delete(h uint64, key string, shift uint) (*node[V], bool) {
	if shift >= maxShift {
		for i, x := range n.entries {
			if x.key == key {
				return n.without(i, 0), true
			}
		}
		return n, false
	}
	bit := slot(h, shift)
	if n.bitmap&bit == 0 {
		return n, false
	}
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	x := n.entries[i]
	if x.sub == nil {
		if x.key != key {
			return n, false
		}
		return n.without(i, bit), true
	}
	sub, removed := x.sub.delete(h, key, shift+bitsPerLevel)
	switch {
	case !removed:
		return n, false
	case sub == nil:
		return n.without(i, bit), true
	}
	c := n.clone()
	if len(sub.entries) == 1 && sub.entries[0].sub == nil {
		c.entries[i] = sub.entries[0] // a lone key moves up: its hash bits here are the same
	} else {
		c.entries[i] = entry[V]{sub: sub}
	}
	return c, true
}

// without is a copy of n without entry i (and bit); nil when that leaves it empty.
func (n *node[V]) without(i int, bit uint32) *node[V] {
	if len(n.entries) == 1 {
		return nil
	}
	entries := make([]entry[V], 0, len(n.entries)-1)
	entries = append(append(entries, n.entries[:i]...), n.entries[i+1:]...)
	return &node[V]{bitmap: n.bitmap &^ bit, entries: entries}
}

func (n *node[V]) clone() *node[V] {
	return &node[V]{bitmap: n.bitmap, entries: append([]entry[V](nil), n.entries...)}
}

// All yields every key and value, in an order fixed by the keys' hashes
// (the same on every run, but not sorted).
func (m Map[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		m.root.all(yield)
	}
}

func (n *node[V]) all(yield func(string, V) bool) bool {
	if n == nil {
		return true
	}
	for _, e := range n.entries {
		if e.sub != nil {
			if !e.sub.all(yield) {
				return false
			}
		} else if !yield(e.key, e.value) {
			return false
		}
	}
	return true
}

// Diff calls fn once for every key set in only one of a and b, or set to
// different values, in time proportional to the difference: the subtrees the
// two maps share are skipped.
func Diff[V comparable](a, b Map[V], fn func(key string)) {
	diff(a.root, b.root, 0, fn)
}

func diff[V comparable](x, y *node[V], shift uint, fn func(string)) {
	switch {
	case x == y:
		return
	case x == nil || y == nil || shift >= maxShift:
		diffEntries(x.flat(), y.flat(), fn)
		return
	}
	for set := x.bitmap | y.bitmap; set != 0; set &= set - 1 {
		bit := set & -set
		ex, ey := x.at(bit), y.at(bit)
		if ex != nil && ey != nil && ex.sub != nil && ey.sub != nil {
			diff(ex.sub, ey.sub, shift+bitsPerLevel, fn)
			continue
		}
		diffEntries(ex.flatten(), ey.flatten(), fn)
	}
}

// at is the entry at bit, or nil.
func (n *node[V]) at(bit uint32) *entry[V] {
	if n.bitmap&bit == 0 {
		return nil
	}
	return &n.entries[bits.OnesCount32(n.bitmap&(bit-1))]
}

// flat lists every key and value under n (nil for none).
func (n *node[V]) flat() []entry[V] {
	var out []entry[V]
	n.all(func(k string, v V) bool {
		out = append(out, entry[V]{key: k, value: v})
		return true
	})
	return out
}

// flatten lists the key of a leaf entry, or every key under a subtree.
func (e *entry[V]) flatten() []entry[V] {
	switch {
	case e == nil:
		return nil
	case e.sub != nil:
		return e.sub.flat()
	}
	return []entry[V]{*e}
}

// diffEntries compares two short lists of keys.
func diffEntries[V comparable](xs, ys []entry[V], fn func(string)) {
	for _, x := range xs {
		i := slices.IndexFunc(ys, func(y entry[V]) bool { return y.key == x.key })
		if i < 0 || ys[i].value != x.value {
			fn(x.key)
		}
	}
	for _, y := range ys {
		if !slices.ContainsFunc(xs, func(x entry[V]) bool { return x.key == y.key }) {
			fn(y.key)
		}
	}
}
