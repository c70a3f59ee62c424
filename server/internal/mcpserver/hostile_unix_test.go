//go:build unix

package mcpserver_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestExitsWhenStdinCloses: a revision file that is a FIFO is a file error
// (it used to hang the call and, with it, the server after stdin closed), and
// the server exits promptly when stdin closes while a call is running.
func TestExitsWhenStdinCloses(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 2000, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
		t.Fatal(err)
	}
	testenv.Mkfifo(t, filepath.Join(dir, "migrations", "versions", "zz_fifo.py"))
	s := startRaw(t, dir)
	s.call(1, "show_history", map[string]any{})
	if m := s.recv(); !strings.Contains(fmt.Sprint(m["result"]), "is a named pipe (FIFO), not a regular file") {
		t.Fatalf("show_history: %.500v", m)
	}
	s.call(2, "check_migration", map[string]any{"target": "all"})
	time.Sleep(100 * time.Millisecond)
	s.stdin.Close()
	start := time.Now()
	select {
	case <-s.exited:
		t.Logf("exited %s after stdin closed", time.Since(start))
	case <-time.After(5 * time.Second):
		t.Fatalf("still running 5 s after stdin closed")
	}
}
