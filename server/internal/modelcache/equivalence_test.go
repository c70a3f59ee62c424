package modelcache

import (
	"context"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// fixtureDirs are the rule fixture cases (each a directory of revision
// files) and the fix goldens.
func fixtureDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir("../rules/testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if py, _ := filepath.Glob(filepath.Join(path, "*.py")); len(py) > 0 {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 300 {
		t.Fatalf("found %d fixture directories under ../rules/testdata, expected the whole suite", len(dirs))
	}
	return dirs
}

// fixtureFindings runs every rule on a fixture directory as the rule harness
// does, through the cache c (models and findings; none when nil), and returns
// the findings as JSON lines in order, with the files that did not parse.
func fixtureFindings(t *testing.T, dir string, c *Cache) []string {
	t.Helper()
	var parse history.Parser
	var reuse rules.Values
	if c != nil {
		parse, reuse = c.Parse, c
	}
	ctx := context.Background()
	files := slices.DeleteFunc(project.FilesIn(dir), func(f string) bool { return filepath.Base(f) == "env.py" })
	loaded := history.Load(ctx, dir, files, parse)
	var out []string
	for _, e := range loaded.Errors {
		out = append(out, "error: "+e.Error())
	}
	target := rules.Target{Dialect: "postgresql", DialectCertain: true}
	if b, err := os.ReadFile(filepath.Join(dir, "dialect")); err == nil {
		d, assumed := strings.CutSuffix(strings.TrimSpace(string(b)), " assumed")
		target.Dialect, target.DialectCertain = d, !assumed
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pg-version")); err == nil {
		target.PostgresVersion, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	loaded.Graph.Naming = naming.Namer{Convention: naming.Read(ctx, dir, dir, dir), Dialect: target.Dialect}
	loaded.Graph.Dialects = append([]string{target.Dialect}, target.Also...)
	var found []string
	rules.RunScoped(ctx, loaded.Graph, rules.All(), target, rules.Scope{Reuse: reuse}, func(d rules.Diagnostic) {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		found = append(found, string(b))
	})
	slices.Sort(found) // rules of several revisions report concurrently
	return append(out, found...)
}

// healthyFindings checks the healthy corpus (a whole project) with every
// rule of the zero-downtime profile, through the cache c when not nil.
func healthyFindings(t *testing.T, c *Cache) []string {
	t.Helper()
	opts := check.Options{Profile: "zero-downtime"}
	if c != nil {
		opts.Parse, opts.Snapshots = c.Parse, c
	}
	proj, err := project.Find("../check/testdata/healthy")
	if err != nil {
		t.Fatal(err)
	}
	res, err := check.Run(context.Background(), proj, opts)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range res.Errors {
		out = append(out, "error: "+e.Error())
	}
	for _, d := range res.Findings {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return append(out, strconv.Itoa(res.Files)+" files")
}

// corrupt damages the packs of a cache directory at random: truncated,
// bytes flipped (in payloads, the index or the trailer), replaced by another
// pack, emptied, replaced by garbage, or left alone. It returns the packs it
// damaged.
func corrupt(t *testing.T, dir string, rng *rand.Rand) (damaged []string) {
	t.Helper()
	packs, _ := filepath.Glob(filepath.Join(dir, "*", "*.pack"))
	if len(packs) == 0 {
		t.Fatal("the cache has no packs to corrupt")
	}
	for _, p := range packs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 {
			continue // emptied in an earlier round
		}
		switch rng.IntN(6) {
		case 0:
			data = data[:rng.IntN(len(data))]
		case 1:
			for range 1 + rng.IntN(20) {
				data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
			}
		case 2:
			for range 1 + rng.IntN(3) {
				data[len(data)-1-rng.IntN(min(len(data), 200))] ^= byte(1 + rng.IntN(255))
			}
		case 3:
			data = nil
		case 4:
			data = make([]byte, rng.IntN(4096))
			for i := range data {
				data[i] = byte(rng.Uint32())
			}
		default:
			continue
		}
		damaged = append(damaged, p)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return damaged
}

// soleCopiesOf reports whether some entry of a store, loaded before the
// damage, was held only by the damaged packs: the damage must then cost a miss
// (an entry also in an intact pack is read from there). It closes the store's
// packs.
func soleCopiesOf(s *Store, damaged []string) bool {
	defer func() {
		for _, f := range s.packs {
			f.Close()
		}
	}()
	for _, locs := range s.index {
		if !slices.ContainsFunc(locs, func(l location) bool { return !slices.Contains(damaged, l.pack.Name()) }) {
			return true
		}
	}
	return false
}

// TestCacheEquivalence runs every rule over every rule fixture and the
// healthy corpus without a cache, with a cold one, a warm one, one corrupted
// at random, the rewritten one, and one of another build, and requires
// identical findings each time (the findings of each revision are reused
// from the cache too: see rules.Scope.Reuse).
func TestCacheEquivalence(t *testing.T) {
	dirs := fixtureDirs(t)
	cacheDir := t.TempDir()
	newCache := func(stamp string) *Cache {
		return &Cache{store: Open(cacheDir, stamp), log: zerolog.Nop()}
	}
	want := map[string][]string{}
	run := func(name string, c *Cache) {
		for _, dir := range dirs {
			got := fixtureFindings(t, dir, c)
			if w, ok := want[dir]; !ok {
				want[dir] = got
			} else if !slices.Equal(got, w) {
				t.Errorf("%s cache, %s: findings differ\ngot  %q\nwant %q", name, dir, got, w)
			}
		}
		got := healthyFindings(t, c)
		c.Flush()
		if w, ok := want["healthy"]; !ok {
			want["healthy"] = got
		} else if !slices.Equal(got, w) {
			t.Errorf("%s cache, healthy corpus: findings differ\ngot  %q\nwant %q", name, got, w)
		}
	}
	run("no", nil)

	cold := newCache("build A")
	run("cold", cold)
	// A file can be read twice in one run (a fixture directory nested in
	// another): those are the only hits of a cold cache.
	coldHits, coldMisses := cold.Counts()
	if coldMisses == 0 || coldHits > coldMisses/4 {
		t.Errorf("cold cache: %d hits, %d misses; want mostly misses", coldHits, coldMisses)
	}
	warm := newCache("build A")
	run("warm", warm)
	if h, m := warm.Counts(); h == 0 || m != 0 {
		t.Errorf("warm cache: %d hits, %d misses; want only hits", h, m)
	}

	rng := rand.New(rand.NewPCG(17, 1))
	checkedMiss := false // some round damaged an entry's only copy
	for round := range 4 {
		before := Open(cacheDir, "build A")
		before.load()
		damaged := corrupt(t, cacheDir, rng)
		mustMiss := soleCopiesOf(before, damaged)
		checkedMiss = checkedMiss || mustMiss
		c := newCache("build A")
		run("corrupted", c)
		if _, m := c.Counts(); mustMiss && m == 0 {
			t.Errorf("round %d: %d packs damaged, some entries only there, but no miss", round, len(damaged))
		}
		again := newCache("build A")
		run("rewritten", again)
		if h, m := again.Counts(); h == 0 || m != 0 {
			t.Errorf("round %d, after the corrupted run: %d hits, %d misses; want every entry rewritten", round, h, m)
		}
	}
	if !checkedMiss {
		t.Error("no round damaged the only copy of an entry: the damage was never required to show")
	}

	foreign := newCache("build B")
	run("another build's", foreign)
	if h, _ := foreign.Counts(); h != coldHits {
		t.Errorf("another build read %d entries, a cold cache %d: it read build A's", h, coldHits)
	}
}
