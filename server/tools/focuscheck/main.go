// Command focuscheck compares, on real projects, a check of one revision
// file from snapshots (what the edit hook runs) with a check of the whole
// history: for each project given, on every head, the revision below each
// and up to -n other revision files picked at random, it checks the file
// without a cache, then twice through a fresh cache (the first run keeps
// the snapshots, the second starts from them) and prints every file on
// which the findings or errors differ. Exit status 1 when any differ.
//
//	focuscheck [-n 10] PROJECT...
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

func main() {
	others := flag.Int("n", 10, "revision files checked besides the heads and the revisions below them")
	profile := flag.String("profile", "zero-downtime", "the rule profile")
	flag.Parse()
	differ := false
	for _, root := range flag.Args() {
		files, focused, bad, err := compare(root, *others, *profile)
		if err != nil {
			fmt.Printf("%s: %v\n", root, err)
			differ = true
			continue
		}
		fmt.Printf("%s: %d files, %d checked from snapshots, %d differ\n", root, files, focused, len(bad))
		for _, b := range bad {
			fmt.Println("  differs:", b)
		}
		differ = differ || len(bad) > 0
	}
	if differ {
		os.Exit(1)
	}
}

func compare(root string, others int, profile string) (files, focused int, bad []string, err error) {
	ctx := context.Background()
	proj, err := project.Find(root)
	if err != nil {
		return 0, 0, nil, err
	}
	whole, err := check.Run(ctx, proj, check.Options{Profile: profile})
	if err != nil {
		return 0, 0, nil, err
	}
	cacheDir, err := os.MkdirTemp("", "focuscheck")
	if err != nil {
		return 0, 0, nil, err
	}
	defer os.RemoveAll(cacheDir)
	rng := rand.New(rand.NewPCG(1, uint64(len(root))))
	for _, sd := range whole.Dirs {
		for _, r := range picked(sd.Loaded.Graph, others, rng) {
			files++
			opts := check.Options{Profile: profile, Files: []string{r.Path}}
			want, _, err := onFile(ctx, proj, opts, r.Path)
			if err != nil {
				return files, focused, bad, err
			}
			for _, run := range []string{"keeping snapshots", "from snapshots"} {
				cache := modelcache.New(cacheDir, zerolog.Nop())
				opts.Snapshots, opts.Parse = cache, cache.Parse
				got, n, err := onFile(ctx, proj, opts, r.Path)
				cache.Flush()
				if err != nil {
					return files, focused, bad, err
				}
				if run == "from snapshots" && n > 0 {
					focused++
				}
				if !reflect.DeepEqual(got, want) {
					bad = append(bad, fmt.Sprintf("%s (%s): %d findings and errors, want %d", r.Path, run, len(got), len(want)))
				}
			}
		}
	}
	return files, focused, bad, nil
}

// picked are the heads, the revisions right below them and up to n others.
func picked(g *history.Graph, n int, rng *rand.Rand) []*history.Revision {
	var out []*history.Revision
	add := func(r *history.Revision) {
		if r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, id := range g.Heads {
		add(g.Revisions[id])
		for _, p := range g.Revisions[id].Parents {
			add(g.Revisions[p])
		}
	}
	order := slices.Clone(g.Order)
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, r := range order[:min(n, len(order))] {
		add(r)
	}
	return out
}

// onFile checks a project and returns what it says about one file, and how
// many script directories were checked from snapshots.
func onFile(ctx context.Context, proj *project.Project, opts check.Options, path string) ([]string, int, error) {
	res, err := check.Run(ctx, proj, opts)
	if err != nil {
		return nil, 0, err
	}
	var out []string
	for _, d := range res.Findings {
		if d.Path == path {
			out = append(out, fmt.Sprintf("%s %s %d:%d %s | %s | %v", d.Rule, d.Severity, d.Span.StartLine, d.Span.StartCol, d.Message, d.Help, d.Fix))
		}
	}
	for _, e := range res.Errors {
		if e.Path == path {
			out = append(out, "error: "+e.Error())
		}
	}
	return out, res.Focused, nil
}
