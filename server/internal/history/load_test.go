package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

func TestLoadKeepsGoingPastBrokenFiles(t *testing.T) {
	dir := writeRevisions(t, filepath.Join(t.TempDir(), "versions"), []rev{
		{ID: "0001", File: "0001_a.py"},
		{ID: "0002", Down: `"0001"`, File: "0002_b.py"},
		{ID: "0003", Down: `"0002"`, File: "0003_c.py"},
		// line 8: an unclosed call
		{File: "0004_broken.py", Raw: "from alembic import op\nimport sqlalchemy as sa\n\nrevision = \"0004\"\ndown_revision = \"0003\"\n\n\ndef upgrade():\n    op.add_column(\"t\", sa.Column(\"x\", sa.Integer()\n\n\ndef downgrade():\n    pass\n"},
	})
	bin := filepath.Join(dir, "0005_binary.py")
	if err := os.WriteFile(bin, []byte("revision = \"0005\"\x00\x01\x02\xff\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded := loadDir(t, dir)

	byFile := map[string]*migration.FileError{}
	for _, e := range loaded.Errors {
		byFile[filepath.Base(e.Path)] = e
	}
	if len(loaded.Errors) != 2 {
		t.Errorf("Errors = %v, want the broken and the binary file", loaded.Errors)
	}
	if e := byFile["0004_broken.py"]; e == nil {
		t.Errorf("no error for the syntax error")
	} else {
		if !migration.IsSyntaxError(e) {
			t.Errorf("not a syntax error: %v", e)
		}
		if e.Line != 9 {
			t.Errorf("syntax error at line %d, want line 9 (the unclosed call): %v", e.Line, e)
		}
	}
	if e := byFile["0005_binary.py"]; e == nil || !strings.Contains(e.Msg, "binary") {
		t.Errorf("binary file error = %v", e)
	}

	g := loaded.Graph
	for _, id := range []string{"0001", "0002", "0003"} {
		if g.Revisions[id] == nil {
			t.Errorf("revision %s missing from the graph", id)
		}
	}
	if g.Revisions["0005"] != nil {
		t.Errorf("the binary file became a revision")
	}
	// the header of the broken file is above the error: it still takes part
	if r := g.Revisions["0004"]; r == nil || !slices.Equal(r.Parents, []string{"0003"}) {
		t.Errorf("the revision with a syntax error is not linked: %+v", r)
	}
	if !slices.Equal(g.Heads, []string{"0004"}) || !slices.Equal(g.Bases, []string{"0001"}) {
		t.Errorf("heads %v bases %v", g.Heads, g.Bases)
	}
	if got := orderIDs(g); !slices.Equal(got, []string{"0001", "0002", "0003", "0004"}) {
		t.Errorf("Order = %v", got)
	}
	checkSound(t, g)
	if g.Dir != dir {
		t.Errorf("Dir = %q", g.Dir)
	}
}

func TestLoadWithParser(t *testing.T) {
	files := []string{"/v/0001.py", "/v/0002.py", "/v/0003.py", "/v/gone.py"}
	sources := map[string]string{
		"/v/0001.py": rev{ID: "0001"}.source(),
		"/v/0002.py": rev{ID: "0002", Down: `"0001"`}.source(),
		"/v/0003.py": rev{ID: "0003", Down: `"0002"`}.source(),
	}
	var calls atomic.Int32
	parse := func(ctx context.Context, path string) (*migration.Migration, error) {
		calls.Add(1)
		src, ok := sources[path]
		if !ok {
			return nil, errors.New("cache miss")
		}
		return migration.Parse(ctx, path, []byte(src))
	}
	loaded := Load(context.Background(), "/v", files, parse)
	if calls.Load() != int32(len(files)) {
		t.Errorf("parser called %d times for %d files", calls.Load(), len(files))
	}
	if len(loaded.Errors) != 1 || loaded.Errors[0].Path != "/v/gone.py" || loaded.Errors[0].Msg != "cache miss" {
		t.Errorf("a plain error is not wrapped as a FileError for its path: %+v", loaded.Errors)
	}
	if got := orderIDs(loaded.Graph); !slices.Equal(got, []string{"0001", "0002", "0003"}) {
		t.Errorf("Order = %v", got)
	}
	// the revisions keep the path they were parsed from, in the files' order
	for i, r := range loaded.Graph.Order {
		if r.Path != files[i] {
			t.Errorf("%s has path %s, want %s", r.ID, r.Path, files[i])
		}
	}
}

func TestLoadEmpty(t *testing.T) {
	loaded := Load(context.Background(), "versions", nil, nil)
	g := loaded.Graph
	if g == nil || len(g.Revisions) != 0 || len(g.Order) != 0 || len(g.Heads) != 0 || len(loaded.Errors) != 0 {
		t.Errorf("empty load: %+v %+v", g, loaded.Errors)
	}
	if _, err := g.Resolve("head"); err == nil {
		t.Errorf("head of an empty graph resolved")
	}
}
