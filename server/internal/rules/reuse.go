package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

// A check reuses the findings an earlier check made on a revision while
// everything its passes read is unchanged, so that after one revision file
// changed only the revisions it can affect are judged again (ruff and Go's
// test cache work the same way):
//
//   - the revision's bytes, path and id, and those of the two parents below
//     it that a pass reads (recentDataStep reads their source words);
//   - the schema before it and what else the replay derives from the
//     revisions below (set-not-null-scan's proofs): the upgrade chains of
//     its inputs (history.Graph.UpgradeChains), which cover the ids, paths,
//     links and upgrades of every revision below. A comment added at the end
//     of a revision, or its downgrade() edited, leaves the chains above it:
//     only the revision and the two above it are judged again;
//   - the run: the rules, the target database, the naming convention, the
//     dialects replayed, and what the passes read of the whole history once
//     (runFacts);
//   - when a pass read every revision above (Pass.laterRevisions): every
//     revision of the graph;
//   - when a pass read only how the revisions above link and their marks
//     (Pass.downgradeRows, Pass.downFromHeads), and some of them whole
//     (Pass.laterRevisionsAmong): the links and marks of every revision, and
//     the bytes of those read whole. An edit that leaves a revision's marks
//     then re-judges only the revisions that read it whole (the emptied-above
//     walk of a narrowing in a downgrade() reads the marks of every revision
//     above: an edit in the middle of 3,000 revisions judged the 429 such
//     revisions below it again).
//
// The passes reach the graph only through the Pass methods that record this
// (TestPassesReachTheGraphThroughPass). A rule that reads the project's
// other files is never reused (Rule.ReadsProject). Like the model cache this
// is an optimisation only: a value that does not decode is a miss.

// Values keeps values by name, encoded, and knows the digests of the files
// the run's models were read from (modelcache.Cache).
type Values interface {
	LoadValue(name []byte, v any) bool
	KeepValue(name []byte, v any)
	// Digest is a digest of the bytes of path (and of the path) that the
	// model of the file was read from, if known: a header's revision is keyed
	// by it, a whole model's by its source otherwise.
	Digest(path string) ([]byte, bool)
}

// runFacts are what passes read of the whole history, once per run.
type runFacts struct {
	downgrades  downgradePolicy // the revision template's (downgrade-missing)
	upgradeOnly bool            // the history writes no downgrades (downgrade-missing)
}

func factsOf(g *history.Graph) runFacts {
	return runFacts{downgrades: downgradePolicyOf(g), upgradeOnly: upgradeOnlyHistory(g)}
}

// keptRun is what a check keeps of the findings on one graph.
type keptRun struct {
	Revisions map[string]keptFindings // by revision id
}

// keptFindings are the findings of the reused rules on one revision, with
// the key they hold under.
type keptFindings struct {
	Key []byte
	// Above: a pass read the revisions above, and Key covers the whole graph
	Above bool
	// Shape: a pass read how the revisions above link and their marks, and
	// Key covers those of the whole graph; Read are the revisions above it
	// read whole, whose bytes Key covers too
	Shape    bool
	Read     []string
	Findings []Diagnostic
	// Blind is where the schema before the revision stopped being known
	// (nil: it is known); the key covers the history below
	Blind *history.Blind
}

// reuse is the findings of one run's graph, as kept by the last run with the
// same rules and target, and as this run keeps them.
type reuse struct {
	values Values
	name   []byte
	keys   map[string][]byte // by revision id; none when a digest it covers is unknown (a cycle, a header without one)
	whole  []byte            // over every revision of the graph
	// shape is over the links and marks of every revision of the graph;
	// contents are the digests of the revisions' bytes, by id (none when
	// unknown)
	shape    []byte
	contents map[string][]byte
	old      map[string]keptFindings

	mu      sync.Mutex // the passes of several revisions end at once
	kept    map[string]keptFindings
	changed bool
}

// newReuse reads what an earlier run kept for the same rules and target on g;
// nil without values.
func newReuse(values Values, g *history.Graph, selected []*Rule, target Target, memo *runMemo) *reuse {
	if values == nil {
		return nil
	}
	run := sha256.New()
	var buf []byte
	field := func(s string) { buf = append(binary.AppendUvarint(buf, uint64(len(s))), s...) }
	field("findings 1")
	field(g.Dir)
	for _, r := range selected {
		field(r.ID)
	}
	settings, _ := json.Marshal(struct {
		Target   Target
		Naming   any
		Dialects []string
		Facts    string
	}{target, g.Naming, g.Dialects, fmt.Sprintf("%+v", memo.facts())})
	field(string(settings))
	run.Write(buf)
	u := &reuse{values: values, name: fmt.Appendf(nil, "findings %x", run.Sum(nil)), keys: map[string][]byte{},
		contents: map[string][]byte{}, kept: map[string]keptFindings{}}
	whole, shape := sha256.New(), sha256.New()
	upgrades := g.UpgradeChains()
	// content is a digest of a revision file's bytes
	content := func(r *history.Revision) ([]byte, bool) {
		if d, ok := values.Digest(r.Path); ok {
			return d, true
		}
		if r.Migration.HeaderOnly {
			return nil, false
		}
		source := sha256.Sum256(r.Migration.Source)
		return source[:], true
	}
	for _, r := range g.Order {
		buf = buf[:0]
		field(r.ID)
		field(r.Path)
		c, keyed := content(r)
		if keyed {
			u.contents[r.ID] = c
		}
		field(string(c))
		for _, parent := range recentParents(g, r) { // their source words too: recentDataStep
			pc, ok := content(parent)
			keyed = keyed && ok
			field(parent.ID)
			field(string(pc))
		}
		for _, links := range [][]string{r.Parents, r.Dependencies} {
			buf = binary.AppendUvarint(buf, uint64(len(links)))
			for _, id := range links {
				field(id)
				chain, ok := upgrades[id]
				if g.Revisions[id] != nil && !ok {
					keyed = false // an input whose chain is not known: a cycle, a header without digest
				}
				field(string(chain))
			}
		}
		if keyed {
			sum := sha256.Sum256(buf)
			u.keys[r.ID] = sum[:]
		}
		whole.Write(binary.AppendUvarint(nil, uint64(len(buf))))
		whole.Write(buf)
		buf = buf[:0]
		for _, list := range [][]string{{r.ID}, r.Parents, r.Dependencies, r.Migration.AllMarks()} {
			buf = binary.AppendUvarint(buf, uint64(len(list)))
			for _, s := range list {
				field(s)
			}
		}
		shape.Write(buf)
	}
	u.whole, u.shape = whole.Sum(nil), shape.Sum(nil)
	var earlier keptRun
	if values.LoadValue(u.name, &earlier) {
		u.old = earlier.Revisions
	}
	return u
}

// key is what r's findings hold under, given what its passes read above
// (as keptFindings records it); nil when they are not reused.
func (u *reuse) key(r *history.Revision, above, shape bool, read []string) []byte {
	c := u.keys[r.ID]
	if c == nil || !above && !shape {
		return c
	}
	h := sha256.New()
	h.Write(c)
	if above {
		h.Write(u.whole)
		return h.Sum(nil)
	}
	h.Write(u.shape)
	for _, id := range read {
		d := u.contents[id]
		if d == nil {
			return nil // gone, or its bytes are not known
		}
		h.Write(binary.AppendUvarint(nil, uint64(len(id))))
		h.Write([]byte(id))
		h.Write(d)
	}
	return h.Sum(nil)
}

// holds reports whether an earlier run kept findings for r that hold.
func (u *reuse) holds(r *history.Revision) bool {
	e, ok := u.old[r.ID]
	k := u.key(r, e.Above, e.Shape, e.Read)
	return ok && k != nil && bytes.Equal(k, e.Key)
}

// CheckpointEvery is how far apart, in graph order, a whole check keeps
// snapshots besides those near the heads, once a change far below them was
// replayed (Scope.Checkpoints): the next replays from the one below it. Each
// costs a copy of the schema in the cache, and encoding it once (3,000
// revisions: 23 of them, 0.3 s on the first such change, 33 MB); a change in
// the middle then takes 0.10 s (0.12 s every 256, 0.15 s every 512). Tests
// set it lower to have some.
var CheckpointEvery = 128

// maxMissingSnapshots is how many missing snapshots a run looks below before
// it replays the whole history instead: the revisions between two
// checkpoints, with room for a merge's branches.
func maxMissingSnapshots() int { return CheckpointEvery + 8 }

// startFrom plans a run that replays only what it must: the included
// revisions whose findings are not reused, and below them the revisions
// down to those kept as snapshots (start; what load returns nil for is
// replayed). Both are nil when more than maxMissingSnapshots() are missing:
// the run replays the whole history.
func (u *reuse) startFrom(g *history.Graph, included func(*history.Revision) bool, load func(*history.Revision) *Snapshot) (start map[string]*Snapshot, replays map[string]bool) {
	start, replays = map[string]*Snapshot{}, map[string]bool{}
	for _, r := range g.Order {
		if included(r) && !u.holds(r) {
			replays[r.ID] = true
		}
	}
	loaded, missing := map[string]bool{}, 0  // load was asked; and found nothing
	for i := len(g.Order) - 1; i >= 0; i-- { // above first: a revision is reached before its inputs
		r := g.Order[i]
		if !replays[r.ID] {
			continue
		}
		for _, id := range r.Inputs() {
			input := g.Revisions[id]
			if input == nil || replays[id] || loaded[id] {
				continue
			}
			loaded[id] = true
			if start[id] = load(input); start[id] == nil {
				if missing++; missing > maxMissingSnapshots() {
					return nil, nil
				}
				delete(start, id)
				replays[id] = true
			}
		}
	}
	return start, replays
}

// lookup returns what an earlier run kept for r, when it holds.
func (u *reuse) lookup(r *history.Revision) (keptFindings, bool) {
	if u == nil || !u.holds(r) {
		return keptFindings{}, false
	}
	e := u.old[r.ID]
	u.mu.Lock()
	u.kept[r.ID] = e
	u.mu.Unlock()
	return e, true
}

// keep records the findings of r's passes, what they read, and where the
// schema before r stopped being known.
func (u *reuse) keep(r *history.Revision, found []Diagnostic, read *reads, blind *history.Blind) {
	if u == nil {
		return
	}
	var whole []string
	if !read.above {
		whole = slices.Sorted(maps.Keys(read.wholeAbove))
	}
	shape := !read.above && read.shapeAbove // reading some whole reads the shape
	k := u.key(r, read.above, shape, whole)
	if k == nil {
		return
	}
	u.mu.Lock()
	u.kept[r.ID] = keptFindings{Key: k, Above: read.above, Shape: shape, Read: whole, Findings: found, Blind: blind}
	u.changed = true
	u.mu.Unlock()
}

// save keeps this run's findings for the next, when they differ from what
// was read.
func (u *reuse) save() {
	if u == nil || !u.changed && len(u.kept) == len(u.old) {
		return
	}
	u.values.KeepValue(u.name, &keptRun{Revisions: u.kept})
}
