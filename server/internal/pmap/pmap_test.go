package pmap

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
)

// check compares m with the Go map it should equal.
func check(t *testing.T, m Map[int], want map[string]int) {
	t.Helper()
	if m.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", m.Len(), len(want))
	}
	got := maps.Collect(m.All())
	if !maps.Equal(got, want) {
		t.Fatalf("All = %v, want %v", got, want)
	}
	for k, v := range want {
		if x, ok := m.Get(k); !ok || x != v {
			t.Fatalf("Get(%q) = %d, %v; want %d", k, x, ok, v)
		}
	}
	if _, ok := m.Get("absent"); ok {
		t.Fatal(`Get("absent") found something`)
	}
}

// TestAgainstMap applies random sets and deletes and checks that every
// earlier version still holds what it held.
func TestAgainstMap(t *testing.T) {
	for _, weak := range []bool{false, true} {
		t.Run(fmt.Sprintf("collisions=%v", weak), func(t *testing.T) {
			if weak {
				// a hash with many collisions exercises the deepest levels and the buckets
				defer func(h func(string) uint64) { hash = h }(hash)
				strong := hash
				hash = func(s string) uint64 { return strong(s) & 0xF000_0000_0000_0003 }
			}
			r := rand.New(rand.NewPCG(1, 2))
			var versions []Map[int]
			var wants []map[string]int
			m, want := Map[int]{}, map[string]int{}
			for i := range 5000 {
				key := fmt.Sprintf("k%d", r.IntN(400))
				if r.IntN(3) == 0 {
					m = m.Delete(key)
					delete(want, key)
				} else {
					m = m.Set(key, i)
					want[key] = i
				}
				if i%97 == 0 {
					versions, wants = append(versions, m), append(wants, maps.Clone(want))
				}
			}
			check(t, m, want)
			for i := range versions {
				check(t, versions[i], wants[i])
			}
			for k := range want {
				m = m.Delete(k)
			}
			check(t, m, map[string]int{})
			if m.root != nil {
				t.Fatal("an emptied map keeps nodes")
			}
		})
	}
}

func TestZeroValue(t *testing.T) {
	var m Map[string]
	if _, ok := m.Get("x"); ok || m.Len() != 0 {
		t.Fatal("zero map is not empty")
	}
	m = m.Delete("x")
	for range m.All() {
		t.Fatal("zero map yields")
	}
	n := m.Set("x", "y")
	if v, _ := n.Get("x"); v != "y" || m.Len() != 0 {
		t.Fatal("Set changed the zero map or lost the value")
	}
}

func TestAllStops(t *testing.T) {
	var m Map[int]
	for i := range 100 {
		m = m.Set(fmt.Sprint(i), i)
	}
	n := 0
	for range m.All() {
		if n++; n == 10 {
			break
		}
	}
	if n != 10 {
		t.Fatalf("yielded %d after break", n)
	}
}

// TestDiff compares Diff with the difference of the Go maps, between versions
// that share most of their nodes and between unrelated maps.
func TestDiff(t *testing.T) {
	for _, weak := range []bool{false, true} {
		t.Run(fmt.Sprintf("collisions=%v", weak), func(t *testing.T) {
			if weak {
				defer func(h func(string) uint64) { hash = h }(hash)
				strong := hash
				hash = func(s string) uint64 { return strong(s) & 0xF000_0000_0000_0003 }
			}
			r := rand.New(rand.NewPCG(3, 4))
			var versions []Map[int]
			var wants []map[string]int
			m, want := Map[int]{}, map[string]int{}
			for range 3000 {
				key, v := fmt.Sprintf("k%d", r.IntN(300)), r.IntN(3)
				want = maps.Clone(want)
				if r.IntN(3) == 0 {
					m = m.Delete(key)
					delete(want, key)
				} else {
					m = m.Set(key, v)
					want[key] = v
				}
				versions, wants = append(versions, m), append(wants, want)
			}
			fresh := Map[int]{}
			for k, v := range wants[len(wants)-1] {
				fresh = fresh.Set(k, v)
			}
			versions, wants = append(versions, fresh, Map[int]{}), append(wants, wants[len(wants)-1], map[string]int{})
			for range 500 {
				i, j := r.IntN(len(versions)), r.IntN(len(versions))
				if r.IntN(2) == 0 {
					j = min(i+1+r.IntN(3), len(versions)-1) // near versions share the most
				}
				got := map[string]int{}
				Diff(versions[i], versions[j], func(k string) { got[k]++ })
				for k, n := range got {
					if n != 1 {
						t.Fatalf("Diff(%d, %d) reported %q %d times", i, j, k, n)
					}
				}
				for k := range keys(wants[i], wants[j]) {
					vi, oki := wants[i][k]
					vj, okj := wants[j][k]
					if differs := oki != okj || vi != vj; differs != (got[k] == 1) {
						t.Fatalf("Diff(%d, %d): %q differs=%v, reported=%v", i, j, k, differs, got[k] == 1)
					}
					delete(got, k)
				}
				if len(got) > 0 {
					t.Fatalf("Diff(%d, %d) reported keys in neither map: %v", i, j, got)
				}
			}
		})
	}
}

func keys(a, b map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
