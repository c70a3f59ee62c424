package hook

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/diagnose"
)

// commandSeparators split a shell line into simple commands.
var commandSeparators = regexp.MustCompile(`&&|\|\||[;|&()\n]`)

// launchers run the command that follows them.
var launchers = map[string]bool{"uv": true, "poetry": true, "pipenv": true, "pdm": true, "hatch": true, "rye": true,
	"exec": true, "time": true, "sudo": true, "env": true, "nice": true, "timeout": true}

// runsAlembic reports whether a shell command line runs alembic in one of its
// simple commands: `alembic ...`, `.venv/bin/alembic`, `uv run alembic`,
// `python -m alembic`, `DATABASE_URL=... alembic`, also after `cd x &&`.
// (alembic-patterns, `cat alembic.ini` or `ls alembic/` do not.)
func runsAlembic(line string) bool {
	for _, part := range commandSeparators.Split(line, -1) {
		words := strings.Fields(part)
		for len(words) > 0 {
			w := strings.Trim(words[0], `"'`)
			base := w[strings.LastIndexByte(w, '/')+1:]
			switch {
			case base == "alembic":
				return true
			case strings.Contains(w, "=") && !strings.HasPrefix(w, "-"), // VAR=value
				strings.HasPrefix(w, "-") && len(words) > 1 && w != "-m", // an option of a launcher
				launchers[base], w == "run", w == "exec",
				w != "" && w[0] >= '0' && w[0] <= '9': // e.g. the duration of `timeout 60`
				words = words[1:]
				continue
			case strings.HasPrefix(base, "python") && len(words) > 2 && words[1] == "-m":
				return strings.Trim(words[2], `"'`) == "alembic"
			}
			break
		}
	}
	return false
}

// failureMarkers are what a failed alembic run prints even when the shell
// command as a whole succeeded (`alembic upgrade head | tail`, `... || true`).
var failureMarkers = []string{
	"Traceback (most recent call last)",
	"FAILED:",
	"sqlalchemy.exc.",
	"psycopg2.errors.",
	"psycopg.errors.",
	"alembic.util.exc.CommandError",
	"alembic: error:",
}

// bashResponse is the Bash tool's tool_response. Claude Code reports stdout and
// stderr; the exit-status fields are read too in case a version reports them.
type bashResponse struct {
	Stdout      string `json:"stdout"`
	Stderr      string `json:"stderr"`
	Output      string `json:"output"`
	Interrupted bool   `json:"interrupted"`
	ExitCode    *int   `json:"exit_code"`
	ExitCode2   *int   `json:"exitCode"`
	ReturnCode  *int   `json:"returnCode"`
}

// explainAlembic adds a diagnosis to Claude's context after an alembic
// command failed.
func explainAlembic(in *Input, log zerolog.Logger) Outcome {
	var ti struct {
		Command string `json:"command"`
	}
	if json.Unmarshal(in.ToolInput, &ti) != nil || !runsAlembic(ti.Command) {
		return Outcome{}
	}
	output, failed := bashOutcome(in)
	if !failed {
		log.Debug().Str("command", ti.Command).Msg("hook: alembic command succeeded")
		return Outcome{}
	}
	var known []diagnose.Diagnosis
	for _, d := range diagnose.Diagnose(output) {
		if d.Known {
			known = append(known, d)
		}
	}
	if len(known) == 0 {
		log.Debug().Str("command", ti.Command).Msg("hook: alembic failed with an error alembic-patterns does not know")
		return Outcome{}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "alembic-patterns: why `%s` failed\n", oneLine(ti.Command, 200))
	for _, d := range known {
		fmt.Fprintf(&b, "\nerror: %s\ncause: %s\n", d.Error, d.Cause)
		if len(d.Rules) > 0 {
			fmt.Fprintf(&b, "rules: %s (run the check_migration tool, or `alembic-patterns check`, to see where)\n", strings.Join(d.Rules, ", "))
		}
		fmt.Fprintf(&b, "fix: %s\n", d.Fix)
	}
	event := in.HookEventName
	if event == "" {
		event = "PostToolUse"
	}
	return additionalContext(event, b.String())
}

// bashOutcome returns the command's output and whether it failed.
func bashOutcome(in *Input) (string, bool) {
	var parts []string
	failed := false
	if in.HookEventName == "PostToolUseFailure" {
		if in.IsInterrupt {
			return "", false
		}
		failed = true
		parts = append(parts, in.Error)
	}
	var r bashResponse
	if err := json.Unmarshal(in.ToolResponse, &r); err == nil {
		if r.Interrupted {
			return "", false
		}
		parts = append(parts, r.Stdout, r.Output, r.Stderr)
		for _, code := range []*int{r.ExitCode, r.ExitCode2, r.ReturnCode} {
			if code != nil && *code != 0 {
				failed = true
			}
		}
	} else {
		var s string
		if json.Unmarshal(in.ToolResponse, &s) == nil {
			parts = append(parts, s)
		}
	}
	output := strings.Join(parts, "\n")
	if !failed {
		for _, m := range failureMarkers {
			if strings.Contains(output, m) {
				failed = true
				break
			}
		}
	}
	return output, failed
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = s[:n] + "..."
	}
	return s
}
