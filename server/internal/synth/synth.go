// Package synth generates synthetic Alembic projects: an alembic.ini, an
// env.py, a script.py.mako and a history of revision files that look like
// what real teams and `alembic revision --autogenerate` write.
//
// The generated history is healthy: a linear main line with short forks
// merged back, exactly one head, and every migration correct: each upgrade
// operation is undone by its inverse in downgrade, in reverse order, and
// every operation is valid against the schema built by the revisions before
// it, so a project can be replayed on a real PostgreSQL
// (upgrade head, downgrade base, upgrade head).
//
// Output is a pure function of Options: the same options give
// byte-identical files.
package synth

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Options control the shape of a generated project.
type Options struct {
	Revisions  int   // number of revision files (merge revisions included)
	Seed       int64 // deterministic output for a seed
	MergeEvery int   // every N revisions, fork a short branch and merge it back (0 = never)
	BatchEvery int   // every N revisions use op.batch_alter_table(...) as batch_op (0 = never)
}

// Result describes a written project.
type Result struct {
	Heads     []string // head revision ids (always exactly one)
	Revisions int      // revision files written
	Bytes     int64    // total bytes of all files written (revisions and scaffolding)
}

// Write creates dir/alembic.ini, dir/migrations/env.py,
// dir/migrations/script.py.mako and dir/migrations/versions/<rev>_<slug>.py.
// dir is created if needed; dir/migrations/versions must not already hold
// files, so two histories are never mixed.
func Write(dir string, opts Options) (Result, error) {
	if opts.Revisions < 1 {
		return Result{}, fmt.Errorf("synth: Revisions must be at least 1, got %d", opts.Revisions)
	}
	if opts.MergeEvery < 0 || opts.BatchEvery < 0 {
		return Result{}, errors.New("synth: MergeEvery and BatchEvery must not be negative")
	}
	versions := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return Result{}, err
	}
	if ents, err := os.ReadDir(versions); err != nil {
		return Result{}, err
	} else if len(ents) > 0 {
		return Result{}, fmt.Errorf("synth: %s is not empty", versions)
	}

	var res Result
	put := func(path string, data []byte) error {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		res.Bytes += int64(len(data))
		return nil
	}
	for _, f := range []struct{ path, text string }{
		{filepath.Join(dir, "alembic.ini"), alembicIni},
		{filepath.Join(dir, "migrations", "env.py"), envPy},
		{filepath.Join(dir, "migrations", "script.py.mako"), scriptMako},
		{filepath.Join(dir, "migrations", "README"), readme},
	} {
		if err := put(f.path, []byte(f.text)); err != nil {
			return Result{}, err
		}
	}

	g := newGen(opts)
	g.emit = func(name string, data []byte) error {
		res.Revisions++
		return put(filepath.Join(versions, name), data)
	}
	head, err := g.history()
	if err != nil {
		return Result{}, err
	}
	res.Heads = []string{head}
	return res, nil
}

// gen holds the state of one generation run.
type gen struct {
	r        *rand.Rand
	opts     Options
	s        style // style of the revision being generated
	tables   []*table
	names    map[string]bool // relations, types and constraints in use
	ids      map[string]bool // revision ids in use
	scratch  []*table
	side     int // 0: main line; 1, 2: the sides of an open fork
	count    int // revision files emitted so far
	tableSeq int // suffix for table names once the word pools run out
	clock    time.Time
	buf      bytes.Buffer
	body     bytes.Buffer
	emit     func(name string, data []byte) error
}

func newGen(opts Options) *gen {
	return &gen{
		r:     rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed_a1e3_b1c0_0001)),
		opts:  opts,
		names: make(map[string]bool),
		ids:   make(map[string]bool),
		clock: time.Date(2019, 3, 4, 9, 12, 0, 0, time.UTC),
	}
}

// history generates all revisions and returns the head.
func (g *gen) history() (string, error) {
	n := g.opts.Revisions
	tip := ""
	sinceMerge := 0
	for g.count < n {
		remaining := n - g.count
		if g.opts.MergeEvery > 0 && tip != "" && sinceMerge >= g.opts.MergeEvery && remaining >= 3 {
			// A feature branch (side 1) and the main line (side 2) both
			// grow from tip, then a merge revision joins them.
			a := 1 + g.r.IntN(3)
			b := 1 + g.r.IntN(2)
			for a+b+1 > remaining {
				if a > b {
					a--
				} else {
					b--
				}
			}
			tipA, tipB := tip, tip
			g.side = 1
			for range a {
				id, err := g.revision(tipA)
				if err != nil {
					return "", err
				}
				tipA = id
			}
			g.side = 2
			for range b {
				id, err := g.revision(tipB)
				if err != nil {
					return "", err
				}
				tipB = id
			}
			g.side = 0
			for _, t := range g.tables {
				t.side = 0
			}
			id, err := g.merge(tipB, tipA)
			if err != nil {
				return "", err
			}
			tip = id
			sinceMerge = 0
			continue
		}
		id, err := g.revision(tip)
		if err != nil {
			return "", err
		}
		tip = id
		sinceMerge++
	}
	return tip, nil
}

func (g *gen) newID() string {
	for {
		id := fmt.Sprintf("%012x", g.r.Uint64()>>16)
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

// pickStyle chooses the file style; later revisions are more likely to use
// the newer annotated template and black, as projects modernise.
func (g *gen) pickStyle() {
	p := float64(g.count) / float64(g.opts.Revisions)
	var s style
	s.annotated = g.r.Float64() < 0.1+0.75*p
	if s.annotated {
		s.black = g.r.Float64() < 0.75
		s.arrow = true
		s.seqDown = g.r.IntN(3) == 0
	} else {
		s.black = g.r.Float64() < 0.2
		s.arrow = g.r.Float64() < 0.5
	}
	s.q = '\''
	if s.black {
		s.q = '"'
	}
	g.s = s
}

func (g *gen) tick() {
	g.clock = g.clock.Add(10*time.Minute + time.Duration(g.r.Int64N(int64(30*time.Hour))) +
		time.Duration(g.r.IntN(1_000_000))*time.Microsecond)
}

// revision generates one ordinary revision on top of down ("" for the base).
func (g *gen) revision(down string) (string, error) {
	g.pickStyle()
	g.tick()
	index := g.count + 1
	batch := g.opts.BatchEvery > 0 && index%g.opts.BatchEvery == 0

	var changes []*change
	initial := down == ""
	switch {
	case initial:
		// Initial schema: several tables in one revision.
		for range 3 + g.r.IntN(4) {
			changes = append(changes, g.chCreateTable(batch))
		}
	case batch:
		if t := g.pickTable(nil); t != nil && g.r.IntN(5) != 0 {
			for range 1 + g.r.IntN(3) {
				changes = append(changes, g.tableChange(t))
			}
		} else {
			changes = append(changes, g.chCreateTable(true))
		}
	case g.r.IntN(100) == 0:
		// An autogenerate run that found nothing.
	default:
		k := g.changeCount()
		for range k {
			changes = append(changes, g.anyChange())
		}
	}

	var up, dn []*op
	for _, c := range changes {
		up = append(up, c.up...)
	}
	for i := len(changes) - 1; i >= 0; i-- {
		dn = append(dn, changes[i].down...)
	}
	id := g.newID()
	var downs []string
	if down != "" {
		downs = []string{down}
	}
	msg := g.message(changes)
	if initial {
		msg = g.pick([]string{"initial schema", "initial migration", "Initial revision", "init"})
	}
	return id, g.writeFile(id, downs, msg, up, dn, batch)
}

func (g *gen) changeCount() int {
	switch x := g.r.IntN(100); {
	case x < 38:
		return 1
	case x < 66:
		return 2
	case x < 84:
		return 3
	case x < 97:
		return 4 + g.r.IntN(3)
	default:
		return 8 + g.r.IntN(10) // the occasional large revision
	}
}

func (g *gen) message(changes []*change) string {
	switch {
	case len(changes) == 0 || g.r.IntN(25) == 0:
		return genericMessages[g.r.IntN(len(genericMessages))]
	case len(changes) > 2 && g.r.IntN(3) == 0:
		return genericMessages[g.r.IntN(len(genericMessages))]
	case len(changes) == 2 && g.r.IntN(3) == 0:
		return changes[0].msg + " and " + changes[1].msg
	}
	m := changes[0].msg
	if g.r.IntN(3) == 0 {
		m = strings.ToUpper(m[:1]) + m[1:]
	}
	return m
}

// merge writes a merge revision joining a and b.
func (g *gen) merge(a, b string) (string, error) {
	g.pickStyle()
	g.tick()
	id := g.newID()
	msg := "merge heads"
	switch g.r.IntN(4) {
	case 0:
		msg = "merge " + a + " and " + b
	case 1:
		msg = "Merge branches"
	}
	return id, g.writeFile(id, []string{a, b}, msg, nil, nil, false)
}

var slugWord = regexp.MustCompile(`\w+`)

// slug mimics alembic's file name slug (truncate_slug_length = 40).
func slug(msg string) string {
	s := strings.ToLower(strings.Join(slugWord.FindAllString(msg, -1), "_"))
	if len(s) > 40 {
		s = s[:40]
		if i := strings.LastIndexByte(s, '_'); i > 0 {
			s = s[:i]
		}
		s += "_"
	}
	return s
}

const autogenBegin = "    # ### commands auto generated by Alembic - please adjust! ###\n"
const autogenEnd = "    # ### end Alembic commands ###\n"

func (g *gen) writeFile(id string, downs []string, msg string, up, down []*op, batch bool) error {
	s := g.s
	merge := len(downs) > 1

	// Bodies first: the postgresql import depends on them.
	body := &g.body
	body.Reset()
	sig := "()"
	if s.arrow {
		sig = "() -> None"
	}
	for i, ops := range [][]*op{up, down} {
		if i == 0 {
			body.WriteString("\n\ndef upgrade" + sig + ":\n")
		} else {
			body.WriteString("\n\ndef downgrade" + sig + ":\n")
		}
		if merge {
			body.WriteString("    pass\n")
			continue
		}
		body.WriteString(autogenBegin)
		if len(ops) == 0 {
			body.WriteString("    pass\n")
		}
		writeOps(body, s, ops, batch)
		body.WriteString(autogenEnd)
	}

	b := &g.buf
	b.Reset()
	b.WriteString(`"""`)
	b.WriteString(msg)
	b.WriteString("\n\nRevision ID: ")
	b.WriteString(id)
	b.WriteString("\nRevises: ")
	b.WriteString(strings.Join(downs, ", "))
	b.WriteString("\nCreate Date: ")
	b.WriteString(g.clock.Format("2006-01-02 15:04:05.000000"))
	b.WriteString("\n\n\"\"\"\n")
	if s.annotated {
		b.WriteString("from typing import Sequence, Union\n\n")
	}
	b.WriteString("from alembic import op\nimport sqlalchemy as sa\n")
	if bytes.Contains(body.Bytes(), []byte("postgresql.")) {
		b.WriteString("from sqlalchemy.dialects import postgresql\n")
	}
	b.WriteString("\n\n# revision identifiers, used by Alembic.\n")

	var downExpr string
	switch len(downs) {
	case 0:
		downExpr = "None"
	case 1:
		downExpr = s.str(downs[0])
	default:
		parts := make([]string, len(downs))
		for i, d := range downs {
			parts[i] = s.str(d)
		}
		downExpr = "(" + strings.Join(parts, ", ") + ")"
	}
	if s.annotated {
		downType := "Union[str, None]"
		if s.seqDown {
			downType = "Union[str, Sequence[str], None]"
		}
		fmt.Fprintf(b, "revision: str = %s\n", s.str(id))
		fmt.Fprintf(b, "down_revision: %s = %s\n", downType, downExpr)
		b.WriteString("branch_labels: Union[str, Sequence[str], None] = None\n")
		b.WriteString("depends_on: Union[str, Sequence[str], None] = None\n")
	} else {
		fmt.Fprintf(b, "revision = %s\n", s.str(id))
		fmt.Fprintf(b, "down_revision = %s\n", downExpr)
		b.WriteString("branch_labels = None\ndepends_on = None\n")
	}
	b.Write(body.Bytes())

	g.count++
	return g.emit(id+"_"+slug(msg)+".py", b.Bytes())
}
