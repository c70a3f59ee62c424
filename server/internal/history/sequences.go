package history

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pmap"
)

// SequenceMadeBy is the revision whose CREATE SEQUENCE certainly made a
// sequence of that name that nothing may have dropped since, and whether
// there is one: one not owned by a column (it goes with its table) nor made
// under a condition, with no DROP, rename or ALTER SEQUENCE of its name and
// no DROP SCHEMA since.
func (s *State) SequenceMadeBy(name string) (string, bool) {
	return s.sequences.Get(name)
}

// applySequence follows a sequence's CREATE, DROP, rename or ALTER by
// revision rev.
func (s *State) applySequence(e effect.Effect, rev string, uncertain bool) {
	known := e.Name != "" && !e.Unreadable
	switch {
	case e.Change != effect.Create && !known:
		s.sequences = pmap.Map[string]{} // a drop or rename of a name not read
	case e.Change != effect.Create:
		s.sequences = s.sequences.Delete(e.Name)
	case known && !uncertain && len(e.Reads) == 0:
		s.sequences = s.sequences.Set(e.Name, rev)
	}
}
