package history

import (
	"fmt"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/codec"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pmap"
)

// A state kept for later checks (a snapshot, see check/focus.go) holds every
// table of the history below it, thousands on a long one, and the check of
// one revision looks up a handful: decoding them all was most of what a
// check from a snapshot cost. Stored encodes each table apart; a state
// decoded from it decodes a table when it is first looked up.

// storedTables are tables encoded one by one, by key, with those decoded so
// far. They never change but for that memo, which mu guards: the states
// layered on a stored one share them.
type storedTables struct {
	encoded map[string][]byte
	mu      sync.Mutex
	decoded map[string]*Table
}

// Stored returns a copy of s whose tables are encoded one by one and decoded
// when looked up: for a state that is kept and read back (with
// codec.Encode and codec.Decode, which write its unexported fields).
func (s *State) Stored() (*State, error) {
	stored := &storedTables{encoded: map[string][]byte{}}
	var err error
	s.eachTable(func(key string, t *Table) {
		if err == nil {
			stored.encoded[key], err = codec.Encode(&t)
		}
	})
	if err != nil {
		return nil, err
	}
	c := s.Clone()
	c.tables, c.stored = pmap.Map[*Table]{}, stored
	return c, nil
}

// table looks a stored table up, decoding it the first time.
func (st *storedTables) table(key string) *Table {
	if st == nil {
		return nil
	}
	data, ok := st.encoded[key]
	if !ok {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if t, ok := st.decoded[key]; ok {
		return t
	}
	var t *Table
	if err := codec.Decode(data, &t); err != nil {
		// The snapshot holding it passed the cache's checksum and was
		// written by this build: a table that does not decode is a bug.
		panic(fmt.Sprintf("history: stored table %q does not decode: %v", key, err))
	}
	if st.decoded == nil {
		st.decoded = map[string]*Table{}
	}
	st.decoded[key] = t
	return t
}

// has reports whether a table is stored under key.
func (st *storedTables) has(key string) bool {
	if st == nil {
		return false
	}
	_, ok := st.encoded[key]
	return ok
}

// eachTable calls fn with every table and its key, in the order of the
// tables' map (a stored state decodes them all, in the order a state that
// never was stored has them).
func (s *State) eachTable(fn func(key string, t *Table)) {
	tables := s.tables
	if s.stored != nil {
		tables = pmap.Map[*Table]{}
		for key := range s.stored.encoded {
			tables = tables.Set(key, s.stored.table(key))
		}
		for key, t := range s.tables.All() {
			if t == nil {
				tables = tables.Delete(key) // dropped since
			} else {
				tables = tables.Set(key, t)
			}
		}
	}
	for key, t := range tables.All() {
		fn(key, t)
	}
}
