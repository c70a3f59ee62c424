package mcpserver_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// rawServer drives the binary with raw JSON-RPC lines, for what an SDK client
// would not send.
type rawServer struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *syncBuffer
	lines  chan map[string]any
	exited chan struct{}
}

func startRaw(t *testing.T, dir string) *rawServer {
	t.Helper()
	s := &rawServer{t: t, cmd: exec.Command(binary(t), "mcp"), stderr: &syncBuffer{}, lines: make(chan map[string]any, 100), exited: make(chan struct{})}
	s.cmd.Dir = dir
	s.cmd.Env = cleanEnv()
	s.cmd.Stderr = s.stderr
	s.stdin, _ = s.cmd.StdinPipe()
	stdout, _ := s.cmd.StdoutPipe()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Errorf("stdout carries a non-JSON line: %q", sc.Text())
				continue
			}
			s.lines <- m
		}
		close(s.lines)
		s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		s.stdin.Close()
		select {
		case <-s.exited:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
		}
		if strings.Contains(s.stderr.String(), "panic") || strings.Contains(s.stderr.String(), "DATA RACE") {
			t.Errorf("stderr:\n%s", s.stderr.String())
		}
	})
	s.send(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}`)
	if m := s.recv(); m["result"] == nil {
		t.Fatalf("initialize: %v", m)
	}
	s.send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	return s
}

func (s *rawServer) send(line string) {
	if _, err := io.WriteString(s.stdin, line+"\n"); err != nil {
		s.t.Fatalf("write: %v", err)
	}
}

// recv returns the next message the server writes.
func (s *rawServer) recv() map[string]any {
	s.t.Helper()
	select {
	case m, ok := <-s.lines:
		if !ok {
			s.t.Fatalf("server closed stdout; stderr:\n%s", s.stderr.String())
		}
		return m
	case <-time.After(60 * time.Second):
		s.t.Fatalf("no message from the server in 60 s")
	}
	return nil
}

func (s *rawServer) call(id int, tool string, args map[string]any) {
	line, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": map[string]any{"name": tool, "arguments": args}})
	s.send(string(line))
}

// TestInvalidIDs: JSON-RPC ids are strings, numbers or null. mcp-go accepted
// an object, an array or a boolean and echoed it back; they are refused with
// -32600 and a null id, and the server keeps answering.
func TestInvalidIDs(t *testing.T) {
	s := startRaw(t, shop(t))
	for _, id := range []string{`{"a":1}`, `[1]`, `true`, `false`} {
		s.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"tools/list"}`)
		m := s.recv()
		e, _ := m["error"].(map[string]any)
		if e == nil || e["code"] != float64(-32600) || m["id"] != nil {
			t.Errorf("id %s: %v", id, m)
		}
	}
	s.call(7, "check_migration", map[string]any{})
	if m := s.recv(); m["id"] != float64(7) || m["result"] == nil {
		t.Errorf("after the refusals: %v", m)
	}
}

// TestCancelledCheckStops: notifications/cancelled cancels the context of a
// running check_migration, and the context reaches the parse and replay loops.
// A cancelled call used to run on, or to return findings from a history it had
// parsed only in part (hundreds of invented heads).
func TestCancelledCheckStops(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 2000, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
		t.Fatal(err)
	}
	s := startRaw(t, dir)
	start := time.Now()
	s.call(1, "check_migration", map[string]any{"target": "all"})
	time.Sleep(100 * time.Millisecond) // the call is registered and running
	s.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"test"}}`)
	m := s.recv()
	res, _ := m["result"].(map[string]any)
	if res == nil || res["isError"] != true || !strings.Contains(fmt.Sprint(res["content"]), "context canceled") {
		t.Fatalf("after %s: %.300v", time.Since(start), m)
	}
}

// TestOutputsAreCapped: 3,000 heads made check_migration return 127 MB (each
// finding listed every head) and show_history list them all; diagnose_error
// listed every distinct error of its input. Each list of a result holds at
// most 200 items, a note says how many more there are, and the counts still
// count everything.
func TestOutputsAreCapped(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://u@h/db\n")
	writeFile(t, filepath.Join(dir, "migrations", "env.py"), "")
	rev := func(id, down string) {
		writeFile(t, filepath.Join(dir, "migrations", "versions", id+"_x.py"),
			fmt.Sprintf("revision = %q\ndown_revision = %s\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n", id, down))
	}
	rev("base", "None")
	for i := range 300 {
		rev(fmt.Sprintf("head%03d", i), `"base"`)
	}
	s := startRaw(t, dir)
	result := func(id int, tool string, args map[string]any) (map[string]any, int) {
		t.Helper()
		s.call(id, tool, args)
		m := s.recv()
		line, _ := json.Marshal(m)
		res, _ := m["result"].(map[string]any)
		sc, _ := res["structuredContent"].(map[string]any)
		if sc == nil {
			t.Fatalf("%s: %.300s", tool, line)
		}
		return sc, len(line)
	}
	notes := func(sc map[string]any) string { return fmt.Sprint(sc["notes"]) }

	check, size := result(1, "check_migration", map[string]any{"target": "all"})
	counts, _ := check["counts"].(map[string]any)
	if n := len(list(check, "findings")); n != 200 || counts["error"] != float64(300) || size > 300<<10 ||
		!strings.Contains(notes(check), "300 findings; the first 200 are listed: narrow the target") {
		t.Errorf("check_migration: %d findings, counts %v, %d bytes, notes %s", n, counts, size, notes(check))
	}
	hist, _ := result(2, "show_history", map[string]any{})
	dirs := list(hist, "script_directories")
	if len(dirs) != 1 || len(list(dirs[0].(map[string]any), "heads")) != 200 || len(list(dirs[0].(map[string]any), "revisions")) != 200 ||
		!strings.Contains(notes(hist), "300 heads in migrations/versions; the first 200 are listed") {
		t.Errorf("show_history: notes %s", notes(hist))
	}
	fixed, _ := result(3, "fix_migration", map[string]any{"target": "all"})
	if n := len(list(fixed, "remaining")); n != 200 || !strings.Contains(notes(fixed), "300 findings remain; the first 200 are listed") {
		t.Errorf("fix_migration: %d remaining, notes %s", n, notes(fixed))
	}
	var errorText strings.Builder
	for i := range 300 {
		fmt.Fprintf(&errorText, "psycopg2.errors.DuplicateObject: type \"t%d\" already exists\n", i)
	}
	diag, _ := result(4, "diagnose_error", map[string]any{"error_text": errorText.String()})
	if n := len(list(diag, "diagnoses")); n != 200 || !strings.Contains(notes(diag), "300 distinct errors; the first 200 are listed") {
		t.Errorf("diagnose_error: %d diagnoses, notes %s", n, notes(diag))
	}
}
