package check

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestFocusedEqualsWhole: for every revision file of every rule fixture case,
// of the healthy corpus and of the example, a check of that file reports the
// same findings and errors on it whether it reads the whole history, reads it
// whole while keeping snapshots (a cold cache), or starts from the snapshots
// (a warm one). The warm check must be focused wherever the file's revision
// has at most one input and is not on a cycle.
func TestFocusedEqualsWhole(t *testing.T) {
	ctx := context.Background()
	focused, files := 0, 0
	for _, dir := range testenv.Corpus(t) {
		proj, err := project.Find(dir)
		if err != nil {
			continue // a fixture of a file that is no project
		}
		whole, err := Run(ctx, proj, Options{Profile: "zero-downtime"})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		cacheDir := t.TempDir()
		for _, sd := range whole.Dirs {
			for _, r := range sd.Loaded.Graph.Revisions {
				files++
				opts := Options{Profile: "zero-downtime", Files: []string{r.Path}}
				want := onFile(t, proj, opts, r.Path)
				for _, pass := range []string{"first", "second"} {
					cache := modelcache.New(cacheDir, zerolog.Nop())
					opts.Snapshots, opts.Parse = cache, cache.Parse
					got := onFile(t, proj, opts, r.Path)
					cache.Flush()
					if !reflect.DeepEqual(got.findings, want.findings) || !reflect.DeepEqual(got.errors, want.errors) {
						t.Errorf("%s, %s run: %d findings %d errors, want %d and %d:\n%v\nwant\n%v", r.Path, pass,
							len(got.findings), len(got.errors), len(want.findings), len(want.errors), got.findings, want.findings)
					}
					if pass == "second" && got.focused > 0 {
						focused++
					}
					if pass == "second" && got.focused == 0 && len(inputsOf(r)) <= 1 && slices.Contains(sd.Loaded.Graph.Order, r) {
						t.Errorf("%s: the second check was not focused", r.Path)
					}
				}
			}
		}
	}
	t.Logf("%d of %d revision files checked from snapshots", focused, files)
	if focused < 500 {
		t.Errorf("only %d revision files were checked from snapshots", focused)
	}
}

type fileResult struct {
	findings []rules.Diagnostic
	errors   []string
	focused  int
}

// onFile checks a project and keeps what it says about one file.
func onFile(t *testing.T, proj *project.Project, opts Options, path string) fileResult {
	t.Helper()
	res, err := Run(context.Background(), proj, opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := fileResult{focused: res.focused}
	for _, d := range res.Findings {
		if d.Path == path {
			out.findings = append(out.findings, d)
		}
	}
	for _, e := range res.Errors {
		if e.Path == path {
			out.errors = append(out.errors, e.Error())
		}
	}
	return out
}
