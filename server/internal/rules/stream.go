package rules

import (
	"cmp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A run that replays revisions from headers (Scope.Whole, every revision
// on a cold check) loads each replayed revision's whole model when the
// replay comes to it, a batch at a time, and puts its header back once
// nothing the run does later reads the model: its own replay step and
// passes, the passes of the revisions that read it as a recent parent, and
// the merges whose replay applies it again. The models those read below the
// replayed revisions are loaded first, and kept. A cold check of 3,000
// revisions held every model at once: two thirds of its live heap.

// streamBatch is how many whole models a stream loads at once (on every
// core, like the parse).
const streamBatch = 64

type stream struct {
	memo *runMemo
	// replayed are the revisions the stream loads, in graph order
	replayed []*history.Revision
	pos      map[*history.Revision]int
	// below are the revisions, by id, that the replayed ones read and the
	// run loads first
	below map[string]bool
	// reads are the models each replayed revision's replay step and passes
	// read: its own, its recent parents' and, at a merge, those it applies
	// again
	reads map[*history.Revision][]*history.Revision
	// holds count the replayed revisions not yet done that read each model
	holds map[*history.Revision]int
	// left counts what is still to be done of each revision reached: its
	// replay step, its passes
	left map[*history.Revision]int
	// headers are those of the revisions loaded, put back at release
	headers map[*history.Revision]*migration.Migration
	last    *history.Revision // the revision the replay reached last
	ahead   *batch            // the batch loading for the replay to come
}

// newStream plans the loads of the replayed revisions of g, in graph order.
func newStream(g *history.Graph, replayed []*history.Revision, memo *runMemo) *stream {
	s := &stream{memo: memo, replayed: replayed, pos: make(map[*history.Revision]int, len(replayed)), below: map[string]bool{},
		reads: make(map[*history.Revision][]*history.Revision, len(replayed)), holds: map[*history.Revision]int{},
		left: map[*history.Revision]int{}, headers: map[*history.Revision]*migration.Migration{}}
	for i, r := range replayed {
		s.pos[r] = i
	}
	reapplied := g.Reapplied()
	for _, r := range replayed {
		reads := append(append([]*history.Revision{r}, recentParents(g, r)...), reapplied[r]...)
		s.reads[r] = reads
		for _, read := range reads {
			if _, replayed := s.pos[read]; replayed {
				s.holds[read]++
			} else {
				s.below[read.ID] = true
			}
		}
	}
	// what the passes read of every revision, read now: later the stream
	// changes the models the revisions hold
	memo.facts()
	return s
}

// reach makes r's model whole, before the replay applies it and its passes
// read it; the replay step of the revision reached before is over.
func (s *stream) reach(r *history.Revision) {
	if s == nil {
		return
	}
	if s.last != nil {
		s.done(s.last)
	}
	s.last = r
	s.left[r]++
	if r.Migration.HeaderOnly { // only this goroutine changes models: reading needs no lock
		s.load(s.pos[r])
	}
}

// queued counts the passes queued over r, which call done when they end.
func (s *stream) queued(r *history.Revision) func() {
	if s == nil {
		return nil
	}
	if _, replayed := s.pos[r]; !replayed {
		return nil // its findings are reused: it holds nothing
	}
	s.left[r]++
	return func() { s.done(r) }
}

// load makes whole the next batch of headers from position i, and starts
// loading the batch after it, which the replay will want next.
func (s *stream) load(i int) {
	b := s.ahead
	if b == nil || b.from != i {
		s.wait()
		b = s.batchFrom(i)
	}
	s.ahead = nil
	<-b.done
	m := s.memo
	m.mu.Lock() // the passes read models above theirs under it (runMemo.whole)
	for r, whole := range b.models {
		s.headers[r] = r.Migration
		r.Migration = whole
	}
	if b.err != nil {
		m.loadErr = cmp.Or(m.loadErr, b.err) // the run ends with it (RunScoped)
	}
	m.mu.Unlock()
	if b.next < len(s.replayed) {
		s.ahead = s.batchFrom(b.next)
	}
}

// batch is a batch of whole models loading in the background (decoding them
// took the replay a tenth of a cold check when it waited for each batch).
type batch struct {
	// from is the position of its first revision (the header the replay
	// reaches next), next the one after its last
	from, next int
	done       chan struct{}
	models     map[*history.Revision]*migration.Migration
	err        error
}

// batchFrom starts loading the whole models of the next streamBatch headers
// from position i.
func (s *stream) batchFrom(i int) *batch {
	b := &batch{from: len(s.replayed), done: make(chan struct{})}
	var revs []*history.Revision
	for b.next = i; b.next < len(s.replayed) && len(revs) < streamBatch; b.next++ {
		if r := s.replayed[b.next]; r.Migration.HeaderOnly {
			b.from = min(b.from, b.next)
			revs = append(revs, r)
		}
	}
	go func() {
		defer close(b.done)
		b.models, b.err = s.memo.load(revs)
	}()
	return b
}

// wait waits for the batch loading in the background, if any, and drops it.
func (s *stream) wait() {
	if s.ahead != nil {
		<-s.ahead.done
		s.ahead = nil
	}
}

// done ends one of what is left of r; when nothing is, r no longer holds
// the models it reads.
func (s *stream) done(r *history.Revision) {
	if s.left[r]--; s.left[r] > 0 {
		return
	}
	delete(s.left, r)
	for _, read := range s.reads[r] {
		if _, replayed := s.pos[read]; !replayed {
			continue
		}
		if s.holds[read]--; s.holds[read] == 0 {
			s.release(read)
		}
	}
}

// release puts r's header back, once what the run keeps of its model is
// taken: its NOT NULL proofs (the passes above read them), and the index of
// its data steps dropped.
func (s *stream) release(r *history.Revision) {
	header, loaded := s.headers[r]
	if !loaded {
		return // whole before the run, or never loaded
	}
	delete(s.headers, r)
	m := s.memo
	m.mu.Lock()
	defer m.mu.Unlock()
	m.notNullProofsLocked(r)
	delete(m.ancestors, r.Migration)
	r.Migration = header
}

// finish ends the last replay step and puts back every header still out
// (passes that never ran: the run was cancelled).
func (s *stream) finish() {
	if s == nil {
		return
	}
	s.wait()
	if s.last != nil {
		s.done(s.last)
		s.last = nil
	}
	for r := range s.headers {
		s.release(r)
	}
}
