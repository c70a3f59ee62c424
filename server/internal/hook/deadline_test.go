package hook

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestDeadlineSaysWhatWasNotChecked: a check that does not finish within the
// hook's time limit is stopped, and Claude is told that the edited file was
// not checked (it used to run on, or end in silence).
func TestDeadlineSaysWhatWasNotChecked(t *testing.T) {
	dir := t.TempDir()
	res, err := synth.Write(dir, synth.Options{Revisions: 2000, Seed: 1, MergeEvery: 50, BatchEvery: 7})
	if err != nil {
		t.Fatal(err)
	}
	dir, _ = filepath.EvalSymlinks(dir)
	head, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", res.Heads[0]+"_*.py"))
	if len(head) != 1 {
		t.Fatalf("head file: %v", head)
	}
	in := payload(t, "PostToolUse", "Edit", dir, map[string]any{"file_path": head[0], "old_string": "a", "new_string": "b"}, nil, nil)
	var out Outcome
	testenv.Within(t, 5*time.Second, "hook with a 100 ms limit", func() {
		out = run(t, in, Options{Timeout: 100 * time.Millisecond})
	})
	var doc struct {
		HookSpecificOutput struct{ HookEventName, AdditionalContext string }
	}
	if out.Code != ExitOK || json.Unmarshal([]byte(out.Stdout), &doc) != nil {
		t.Fatalf("outcome %+v", out)
	}
	if c := doc.HookSpecificOutput.AdditionalContext; !strings.Contains(c, head[0]+" was NOT checked") || !strings.Contains(c, "within 100ms") {
		t.Errorf("additionalContext: %s", c)
	}
}

// TestDeadlineHoldsWhenTheWorkIgnoresIt: the hook returns by its deadline
// even when the work is blocked where no context reaches (here stdin, which
// never ends).
func TestDeadlineHoldsWhenTheWorkIgnoresIt(t *testing.T) {
	stdin, feed := io.Pipe()
	defer feed.Close()
	testenv.Within(t, 5*time.Second, "hook on a stdin that never ends", func() {
		if out := PostToolUse(t.Context(), stdin, Options{Timeout: 100 * time.Millisecond}); out != (Outcome{}) {
			t.Errorf("outcome %+v, want silence (no file was being checked)", out)
		}
	})
}
