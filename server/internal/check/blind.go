package check

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// blindSpots count, for one script directory, the revisions checked on a
// schema the replay could not follow, by where it stopped following it. Most
// rules that read the schema stay quiet there: a check that says nothing of
// it would read as a clean bill of health (on the real-project corpus, more
// than half of the revisions were checked so).
type blindSpots struct {
	mu sync.Mutex
	by map[history.Blind]int
}

// add counts a revision checked on a schema unknown since b.
func (s *blindSpots) add(b *history.Blind) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.by == nil {
		s.by = map[history.Blind]int{}
	}
	s.by[*b]++
}

// note tells the user where the schema stopped being followed and on how
// many of the checked revisions: "" when it never did.
func (s *blindSpots) note(root string, checked int) string {
	if len(s.by) == 0 {
		return ""
	}
	spots := slices.SortedFunc(maps.Keys(s.by), func(a, b history.Blind) int {
		return cmp.Or(s.by[b]-s.by[a], cmp.Compare(a.Path, b.Path), a.Line-b.Line)
	})
	first := spots[0]
	where := relpath.Rel(root, first.Path)
	if first.Line > 0 {
		where = fmt.Sprintf("%s:%d (`%s`: %s)", where, first.Line, shortCode(first.Code), first.Why)
	} else {
		where += " (" + first.Why + ")"
	}
	quiet := 0
	for _, n := range s.by {
		quiet += n
	}
	revisions := fmt.Sprintf("%d of the %d revisions checked", quiet, checked)
	if checked == 1 {
		revisions = "the revision checked"
	}
	more := ""
	switch others := len(spots) - 1; {
	case others == 1:
		more = fmt.Sprintf(" (%d of them past another place)", quiet-s.by[first])
	case others > 1:
		more = fmt.Sprintf(" (%d of them past %d other places)", quiet-s.by[first], others)
	}
	return fmt.Sprintf("the schema could not be followed past %s: the rules that read it stay quiet on %s%s", where,
		revisions, more)
}

// shortCode is the code of an operation on one line, cut to a readable
// length.
func shortCode(code string) string {
	const most = 60
	code = strings.Join(strings.Fields(code), " ")
	if len(code) <= most {
		return code
	}
	cut := most
	for cut > 0 && code[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return code[:cut] + "..."
}
