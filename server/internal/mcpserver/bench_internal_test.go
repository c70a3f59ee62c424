package mcpserver

import (
	"context"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// In-process costs of a warm check_migration of the head of a 3,000-revision
// history: with the parse cache only (every call replays the history), and
// through the tool handler (parse cache and memo).
//
//	go test -run '^$' -bench 'InProcess' ./server/internal/mcpserver

func generatedInProcess(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
		b.Fatal(err)
	}
	return dir
}

func trustAll() time.Time { return time.Now().Add(time.Hour) }

func BenchmarkInProcessParseCacheOnly(b *testing.B) {
	dir := generatedInProcess(b)
	proj, err := project.Find(dir)
	if err != nil {
		b.Fatal(err)
	}
	c := newParseCache(cacheLimit, nil)
	c.now = trustAll
	ctx := context.Background()
	if _, err := check.Run(ctx, proj, check.Options{Target: "head", Parse: c.Parse}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := check.Run(ctx, proj, check.Options{Target: "head", Parse: c.Parse}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInProcessHandler(b *testing.B) {
	s := New(Options{Dir: generatedInProcess(b)})
	s.parse.now, s.memo.now = trustAll, trustAll
	ctx := context.Background()
	if _, _, err := s.check(ctx, mcp.CallToolRequest{}, checkArgs{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := s.check(ctx, mcp.CallToolRequest{}, checkArgs{}); err != nil {
			b.Fatal(err)
		}
	}
}
