// Command focuscheck compares, on real projects, a check of one revision
// file from snapshots (what the edit hook runs) with a check of the whole
// history: for each project given, on every head, the revision below each
// and up to -n other revision files picked at random, it checks the file
// without a cache, then twice through a fresh cache (the first run keeps
// the snapshots, the second starts from them) and prints every file on
// which the findings or errors differ.
//
// It also compares whole checks through a cache (which read every header
// and only the whole models the rules need, and reuse the findings of
// unchanged revisions: rules.Scope.Whole and Reuse) with whole checks
// without one: on the same files, after a comment was appended to a head
// and to a revision picked at random, after its upgrade was emptied (the
// revisions above it see another schema) and after it was put back: the
// files are edited on disk, and put back. Exit status 1 when anything
// differs.
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
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
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
		if b, err := reuseDiffers(ctx, proj, profile, sd.Loaded.Graph, rng); err != nil || len(b) > 0 {
			return files, focused, append(bad, b...), err
		}
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

// reuseDiffers compares whole checks through a cache (they read headers
// first, and reuse the findings of unchanged revisions) with whole checks
// without one, after a head or a revision picked at random changed on disk
// (a comment appended; its upgrade emptied: the revisions above see another
// schema) and after it was put back.
func reuseDiffers(ctx context.Context, proj *project.Project, profile string, g *history.Graph, rng *rand.Rand) (bad []string, err error) {
	cacheDir, err := os.MkdirTemp("", "focuscheck-reuse")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(cacheDir)
	var edited []*history.Revision
	if len(g.Heads) > 0 {
		edited = append(edited, g.Revisions[g.Heads[0]])
	}
	if len(g.Order) > 0 {
		edited = append(edited, g.Order[rng.IntN(len(g.Order))])
	}
	for _, r := range edited {
		original, err := os.ReadFile(r.Path)
		if err != nil {
			return bad, err
		}
		info, err := os.Stat(r.Path)
		if err != nil {
			return bad, err
		}
		type edit struct {
			name string
			src  []byte
		}
		edits := []edit{{"as it is", original}, {"a comment appended", append(slices.Clone(original), "\n# edited\n"...)}}
		if up := r.Migration.Upgrade; up != nil && up.Body.End > up.Body.Start {
			edits = append(edits, edit{"upgrade emptied", slices.Concat(original[:up.Body.Start], []byte("pass"), original[up.Body.End:])})
		}
		edits = append(edits, edit{"put back", original})
		for _, edit := range edits {
			if err := os.WriteFile(r.Path, edit.src, info.Mode()); err != nil {
				return bad, err
			}
			want, err := allFindings(ctx, proj, check.Options{Profile: profile})
			if err == nil {
				cache := modelcache.New(cacheDir, zerolog.Nop())
				var got []string
				got, err = allFindings(ctx, proj, check.Options{Profile: profile, Parse: cache.Parse, Snapshots: cache})
				cache.Flush()
				if err == nil && !slices.Equal(got, want) {
					bad = append(bad, fmt.Sprintf("whole check through the cache, %s %s: %d findings and errors, want %d", r.Path, edit.name, len(got), len(want)))
				}
			}
			if err != nil {
				os.WriteFile(r.Path, original, info.Mode()) // put back whatever happened
				return bad, err
			}
		}
	}
	return bad, nil
}

// allFindings are the findings and errors of a check, as lines.
func allFindings(ctx context.Context, proj *project.Project, opts check.Options) ([]string, error) {
	res, err := check.Run(ctx, proj, opts)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range res.Findings {
		out = append(out, findingLine(d))
	}
	for _, e := range res.Errors {
		out = append(out, "error: "+e.Error())
	}
	return out, nil
}

func findingLine(d rules.Diagnostic) string {
	return fmt.Sprintf("%s %s %s %d:%d %s | %s | %v", d.Path, d.Rule, d.Severity, d.Span.StartLine, d.Span.StartCol, d.Message, d.Help, d.Fix)
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
			out = append(out, findingLine(d))
		}
	}
	for _, e := range res.Errors {
		if e.Path == path {
			out = append(out, "error: "+e.Error())
		}
	}
	return out, res.Focused, nil
}
