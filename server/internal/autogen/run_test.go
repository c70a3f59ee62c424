//go:build unix

package autogen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// script writes an executable shell script and returns its path.
func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "alembic")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLongOutputWithoutNewline: 100 MB printed without a newline used to be
// dropped whole ("alembic printed nothing"); its end is kept and shown.
func TestLongOutputWithoutNewline(t *testing.T) {
	alembic := script(t, `head -c 100000000 /dev/zero | tr '\0' x; printf 'FAILED: the end'; exit 1`)
	_, err := run(context.Background(), t.TempDir(), []string{alembic}, nil, time.Minute, 0, func(string) {}, nil)
	re, ok := errors.AsType[*RunError](err)
	if !ok {
		t.Fatalf("error %v, want a *RunError", err)
	}
	if !strings.HasSuffix(re.Output, "xxxxFAILED: the end") || !strings.HasPrefix(re.Output, "[the first ") || len(re.Output) > maxOutput+100 {
		t.Errorf("output: %d bytes, %.80q ... %q", len(re.Output), re.Output, re.Output[max(0, len(re.Output)-40):])
	}
	re.Command = "alembic revision -m x"
	if msg := re.Error(); strings.Contains(msg, "printed nothing") || !strings.Contains(msg, "FAILED: the end") || len(msg) > 2000 {
		t.Errorf("message (%d bytes): %.500s", len(msg), msg)
	}
}

// TestControlCharactersAreStripped: escape sequences and binary bytes in
// alembic's output reached the terminal raw (they can clear the screen or
// retitle the window).
func TestControlCharactersAreStripped(t *testing.T) {
	alembic := script(t, `printf '\033[2J\033]0;owned\007\033[31mFAILED:\033[0m bad \377\376 bytes\n'; exit 1`)
	var progress []string
	_, err := run(context.Background(), t.TempDir(), []string{alembic}, nil, time.Minute, 0, func(s string) { progress = append(progress, s) }, nil)
	re, ok := errors.AsType[*RunError](err)
	if !ok || re.Output != "FAILED: bad \uFFFD bytes\n" {
		t.Fatalf("%#v", err)
	}
	if len(progress) != 1 || progress[0] != "FAILED: bad \uFFFD bytes" {
		t.Errorf("progress %q", progress)
	}
}

// TestTimeoutKillsDescendantsThatLeftTheGroup: a grandchild that called
// setsid (a new session and process group) survived the timeout's kill of
// the process group.
func TestTimeoutKillsDescendantsThatLeftTheGroup(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: descendants that left the process group are not found here")
	}
	pidFile := filepath.Join(t.TempDir(), "pid")
	alembic := script(t, `setsid sh -c 'echo $$ > "$PIDFILE"; exec sleep 300' &
sleep 300`)
	start := time.Now()
	_, err := run(context.Background(), t.TempDir(), []string{alembic}, []string{"PIDFILE=" + pidFile}, time.Second, 0, func(string) {}, nil)
	if re, ok := errors.AsType[*RunError](err); !ok || !re.TimedOut || time.Since(start) > 10*time.Second {
		t.Fatalf("after %s: %v", time.Since(start), err)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if alive(pid) {
		t.Errorf("the setsid grandchild %d survived the timeout", pid)
	}
}

// alive: the process exists and is not a zombie waiting to be reaped.
func alive(pid int) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(fields) > 0 && fields[0] != "Z"
}
