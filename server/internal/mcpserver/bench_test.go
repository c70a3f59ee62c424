package mcpserver_test

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// Benchmarks of the server as a client sees it (over stdio). Reproduce with
//
//	go test -run '^$' -bench 'WarmCheck|ColdStart' -benchtime 50x -count 3 ./server/internal/mcpserver
//
// Each reports the minimum and the median of its iterations besides ns/op,
// because the machine may be shared.

// generated3000 writes the project of `genproject -n 3000 -seed 1
// -merge-every 50 -batch-every 7` and ages its files, so that the server may
// trust their timestamps at once (files modified in the last 2 s are re-read).
func generated3000(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
		b.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(path, old, old)
		}
		return nil
	})
	return dir
}

func reportSpread(b *testing.B, samples []time.Duration) {
	if len(samples) == 0 {
		return
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[0].Microseconds())/1000, "min-ms")
	b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkWarmCheckHead: check_migration of the head of a 3,000-revision
// history, after a first (cold) call, over stdio with the go-sdk client.
func BenchmarkWarmCheckHead(b *testing.B) {
	dir := generated3000(b)
	s := connect(b, "2025-06-18", dir)
	start := time.Now()
	first := s.ok("check_migration", map[string]any{"target": "head"})
	cold := time.Since(start)
	if first["files"] != 3000.0 {
		b.Fatalf("files %v", first["files"])
	}
	var samples []time.Duration
	for b.Loop() {
		t0 := time.Now()
		res := s.call("check_migration", map[string]any{"target": "head"})
		samples = append(samples, time.Since(t0))
		if res.IsError {
			b.Fatal(textOf(res))
		}
	}
	reportSpread(b, samples)
	b.ReportMetric(float64(cold.Milliseconds()), "first-call-ms")
}

// BenchmarkWarmCheckHeadEdited: the same, but one revision file changes before
// every call (the memo misses; the parse cache re-reads one file).
func BenchmarkWarmCheckHeadEdited(b *testing.B) {
	dir := generated3000(b)
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
	slices.Sort(files)
	victim := files[len(files)/2]
	src, _ := os.ReadFile(victim)
	s := connect(b, "2025-06-18", dir)
	s.ok("check_migration", map[string]any{"target": "head"})
	var samples []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		os.WriteFile(victim, append(src, []byte(strings.Repeat("#", i%7+1)+"\n")...), 0o644)
		old := time.Now().Add(-time.Minute).Add(time.Duration(i) * time.Millisecond)
		os.Chtimes(victim, old, old)
		b.StartTimer()
		t0 := time.Now()
		res := s.call("check_migration", map[string]any{"target": "head"})
		samples = append(samples, time.Since(t0))
		if res.IsError {
			b.Fatal(textOf(res))
		}
	}
	reportSpread(b, samples)
}

// BenchmarkColdStart: from starting the binary to the initialize response.
func BenchmarkColdStart(b *testing.B) {
	bin := binary(b)
	dir := b.TempDir()
	const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"0"}}}` + "\n"
	var samples []time.Duration
	for b.Loop() {
		t0 := time.Now()
		cmd := exec.Command(bin, "mcp")
		cmd.Dir = dir
		cmd.Env = cleanEnv()
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		io.WriteString(stdin, initialize)
		line, err := bufio.NewReader(stdout).ReadString('\n')
		samples = append(samples, time.Since(t0))
		if err != nil || !strings.Contains(line, `"protocolVersion"`) {
			b.Fatalf("initialize: %q %v", line, err)
		}
		stdin.Close()
		cmd.Wait()
	}
	reportSpread(b, samples)
}
