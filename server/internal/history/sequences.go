package history

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pmap"
)

// HasSequence reports whether CREATE SEQUENCE certainly made a sequence of
// that name and nothing may have dropped it since: one not owned by a column
// (it goes with its table) nor made under a condition, with no DROP, rename
// or ALTER SEQUENCE of its name and no DROP SCHEMA since.
func (s *State) HasSequence(name string) bool {
	_, ok := s.sequences.Get(name)
	return ok
}

// applySequence follows a sequence's CREATE, DROP, rename or ALTER.
func (s *State) applySequence(e effect.Effect, uncertain bool) {
	known := e.Name != "" && !e.Unreadable
	switch {
	case e.Change != effect.Create && !known:
		s.sequences = pmap.Map[bool]{} // a drop or rename of a name not read
	case e.Change != effect.Create:
		s.sequences = s.sequences.Delete(e.Name)
	case known && !uncertain && len(e.Reads) == 0:
		s.sequences = s.sequences.Set(e.Name, true)
	}
}
