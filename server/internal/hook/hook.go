// Package hook is `alembic-patterns hook post-tool-use`, the Claude Code hook
// of the plugin. Claude Code runs it after a tool call with the event as JSON
// on stdin:
//
//   - after Write, Edit or MultiEdit of an Alembic revision file, it checks that
//     file (with the whole history as context) and, when it has error findings,
//     prints them on stderr and exits 2: Claude Code shows that text to Claude.
//     Anything else (warnings, other files, no project) is silent, exit 0.
//   - after a Bash command that ran alembic and failed, it prints a JSON
//     hookSpecificOutput whose additionalContext explains the error (cause,
//     rule, fix), exit 0.
//
// The hook never fails the session: bad input, a missing project or an
// internal error end with exit 0 and nothing on stdout; a log line goes to
// stderr only when ALEMBIC_PATTERNS_LOG is set. It never runs past
// DefaultTimeout: an edited revision file whose check did not finish by then
// is named in an additionalContext as not checked.
package hook

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
	"github.com/alembic-patterns/alembic-patterns/server/internal/shellquote"
)

// Exit codes Claude Code gives a meaning to.
const (
	// ExitOK: nothing to say, or JSON on stdout.
	ExitOK = 0
	// ExitReport: stderr is shown to Claude next to the tool result.
	ExitReport = 2
)

// maxInput bounds what is read from stdin (a Write payload carries the whole
// file; revision files are far below this).
const maxInput = 32 << 20

// maxReport bounds the text given back to Claude (Claude Code caps hook
// output at 10,000 characters).
const maxReport = 9000

// Input is the PostToolUse (or PostToolUseFailure) payload. Only the fields
// the hook reads are decoded; tool_input and tool_response stay raw because
// their shape depends on the tool.
type Input struct {
	SessionID      string          `json:"session_id"`
	TranscriptPath string          `json:"transcript_path"`
	Cwd            string          `json:"cwd"`
	HookEventName  string          `json:"hook_event_name"`
	ToolName       string          `json:"tool_name"`
	ToolInput      json.RawMessage `json:"tool_input"`
	ToolResponse   json.RawMessage `json:"tool_response"`
	// Error and IsInterrupt come with PostToolUseFailure (a tool call that
	// failed, e.g. a Bash command with a non-zero exit status).
	Error       string `json:"error"`
	IsInterrupt bool   `json:"is_interrupt"`
}

// Options configure a run.
type Options struct {
	// CacheDir holds the cache of parsed revision files shared with the CLI
	// and the MCP server (package modelcache); "" disables it.
	CacheDir string
	// Log receives diagnostics about the hook itself (never shown to Claude).
	Log zerolog.Logger
	// Timeout bounds the whole run (default DefaultTimeout).
	Timeout time.Duration
}

// DefaultTimeout is well below Claude Code's 60 s hook timeout, which would
// otherwise kill the hook without a word: when it passes, the hook says what
// it did not check and exits.
const DefaultTimeout = 20 * time.Second

// Outcome is what the hook process prints and how it exits.
type Outcome struct {
	Code   int
	Stdout string
	Stderr string
}

// PostToolUse handles one event read from r. It returns by the deadline even
// when the work does not (a read blocked in the kernel); the caller exits
// then, leaving that work behind.
func PostToolUse(ctx context.Context, r io.Reader, opts Options) Outcome {
	opts.Timeout = cmp.Or(opts.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	var edited atomic.Value // the edited file, once known
	done := make(chan Outcome, 1)
	go func() { done <- handle(ctx, r, opts, &edited) }()
	select {
	case out := <-done:
		return out
	case <-ctx.Done():
		path, _ := edited.Load().(string)
		return notChecked(path, opts.Timeout, opts.Log)
	}
}

// handle reads the event and answers it; edited receives the path of an
// edited file before it is checked.
func handle(ctx context.Context, r io.Reader, opts Options, edited *atomic.Value) (out Outcome) {
	log := opts.Log
	defer func() {
		if p := recover(); p != nil {
			log.Error().Str("panic", fmt.Sprint(p)).Str("stack", string(debug.Stack())).Msg("hook: internal error")
			out = Outcome{Code: ExitOK}
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		log.Warn().Err(err).Msg("hook: cannot read stdin")
		return Outcome{}
	}
	if len(data) > maxInput {
		log.Warn().Int("limit", maxInput).Msg("hook: input too large, ignored")
		return Outcome{}
	}
	var in Input
	if err := json.Unmarshal(data, &in); err != nil {
		log.Warn().Err(err).Msg("hook: input is not a hook event (JSON expected)")
		return Outcome{}
	}
	log.Debug().Str("event", in.HookEventName).Str("tool", in.ToolName).Msg("hook: event")
	switch in.ToolName {
	case "Write", "Edit", "MultiEdit":
		if in.HookEventName == "PostToolUseFailure" {
			return Outcome{} // the edit did not happen
		}
		return checkEdited(ctx, &in, opts, edited)
	case "Bash":
		return explainAlembic(&in, log)
	}
	return Outcome{}
}

// notChecked tells Claude that the edited file was not checked because the
// deadline passed (nothing when no revision file was being checked).
func notChecked(path string, timeout time.Duration, log zerolog.Logger) Outcome {
	log.Warn().Dur("timeout", timeout).Str("path", path).Msg("hook: deadline passed")
	if path == "" {
		return Outcome{}
	}
	text := fmt.Sprintf("alembic-patterns: %s was NOT checked: the check did not finish within %s (the hook's time limit) and was stopped. "+
		"Check it with the check_migration tool (target %q), or run `alembic-patterns check %s`.", path, timeout, path, shellquote.Word(path))
	return additionalContext("PostToolUse", text)
}

// additionalContext is the JSON answer that adds text to Claude's context.
func additionalContext(event, text string) Outcome {
	out := map[string]any{"hookSpecificOutput": map[string]string{
		"hookEventName":     event,
		"additionalContext": truncate(printable.Text(text), maxReport),
	}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return Outcome{}
	}
	return Outcome{Code: ExitOK, Stdout: buf.String()}
}

// truncate cuts s to at most n bytes at a line boundary, saying so.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], '\n')
	if cut < n/2 {
		cut = n
	}
	return s[:cut] + "\n[... output truncated ...]\n"
}
