// Package diagnose explains the output of a failed alembic run: for each error
// it recognises it gives the likely cause, the alembic-patterns rules that
// find the problem statically, and the fix. It reads text only; it never runs
// anything. The CLI `diagnose` command, the MCP `diagnose_error` tool and the
// Claude Code hook all call Diagnose.
package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
)

// Diagnosis is one recognised (or unrecognised) error.
type Diagnosis struct {
	// Known is false when no known error was found in the text.
	Known bool `json:"known" jsonschema:"false when no known error was found in the text"`
	// Error is the line of the output the diagnosis is about.
	Error string `json:"error" jsonschema:"the line of the output this diagnosis is about"`
	// Cause says why it happened.
	Cause string `json:"cause" jsonschema:"why it happened"`
	// Rules are the alembic-patterns rule ids that find this problem before it
	// reaches a database (empty when no rule can see it statically).
	Rules []string `json:"rules" jsonschema:"alembic-patterns rule ids that find this problem statically (may be empty)"`
	// Fix says what to do.
	Fix string `json:"fix" jsonschema:"what to do"`
}

// match is what a pattern's text functions see: the submatches of the line
// and the lines after it (DETAIL, HINT, [SQL: ...] belong to the error).
type match struct {
	groups []string
	detail string // PostgreSQL DETAIL line, if any
	hint   string // PostgreSQL HINT line, if any
	sql    string // SQLAlchemy's [SQL: ...] statement, if any
}

func (m match) g(i int) string {
	if i < len(m.groups) {
		return m.groups[i]
	}
	return ""
}

type pattern struct {
	re    *regexp.Regexp
	rules func(m match) []string
	cause func(m match) string
	fix   func(m match) string
}

func rules(ids ...string) func(match) []string {
	return func(match) []string { return ids }
}

func text(s string) func(match) string { return func(match) string { return s } }

// maxLines bounds the work on huge outputs: only the last lines are read.
const maxLines = 5000

// maxErrorLine bounds the quoted line (a [SQL: ...] line can be huge).
const maxErrorLine = 500

// Diagnose explains the output of a failed alembic run. Each distinct error is
// diagnosed once, in the order it first appears; when nothing is recognised
// the result is a single Diagnosis with Known false. Escape sequences (colour)
// and control characters are removed first: the lines quoted are printable.
func Diagnose(output string) []Diagnosis {
	lines := strings.Split(printable.Text(output), "\n")
	if len(lines) > maxLines {
		lines = lines[len(lines)-maxLines:] // alembic ends with the error
	}
	var out []Diagnosis
	seen := map[string]int{}
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || len(trimmed) > 20000 {
			continue
		}
		for pi, p := range patterns {
			sub := p.re.FindStringSubmatch(trimmed)
			if sub == nil {
				continue
			}
			m := match{groups: sub}
			following(lines[i+1:], &m)
			key := fmt.Sprint(pi, sub[1:])
			d := Diagnosis{Known: true, Error: clip(trimmed), Cause: p.cause(m), Rules: nonNil(p.rules(m)), Fix: p.fix(m)}
			if at, ok := seen[key]; ok {
				// The same error is printed by psycopg2 and again, wrapped, by
				// SQLAlchemy: keep the last, most complete one in its first place.
				if len(d.Error) >= len(out[at].Error) {
					out[at] = d
				}
			} else {
				seen[key] = len(out)
				out = append(out, d)
			}
			break
		}
	}
	if len(out) == 0 {
		return []Diagnosis{unknown(lines)}
	}
	return out
}

// following collects the DETAIL, HINT and [SQL: ...] lines that follow an error.
func following(after []string, m *match) {
	for j, l := range after {
		if j >= 8 {
			break
		}
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "DETAIL:") && m.detail == "":
			m.detail = strings.TrimSpace(strings.TrimPrefix(l, "DETAIL:"))
		case strings.HasPrefix(l, "HINT:") && m.hint == "":
			m.hint = strings.TrimSpace(strings.TrimPrefix(l, "HINT:"))
		case strings.HasPrefix(l, "[SQL:") && m.sql == "":
			m.sql = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "[SQL:"), "]"))
		case strings.HasPrefix(l, "Traceback ("):
			return // the next exception
		}
	}
}

func unknown(lines []string) Diagnosis {
	d := Diagnosis{Rules: []string{}}
	last := ""
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "(Background on this error") {
			continue
		}
		if last == "" {
			last = l
		}
		if looksLikeError(l) {
			last = l
			break
		}
	}
	d.Error = clip(last)
	if last == "" {
		d.Cause = "No error text was given."
		d.Fix = "Pass the complete output of the failed alembic command (stdout and stderr)."
		return d
	}
	d.Cause = "alembic-patterns does not recognise this error, so it cannot say what caused it. The quoted line is the " +
		"last one that looks like the error (in a Python traceback, the final `SomeError: message` line is the one that matters)."
	d.Fix = "Read the quoted error and the [SQL: ...] line after it, if any. Run `alembic-patterns check` on the revision that " +
		"failed (the `Running upgrade A -> B` line names it) to look for known problems, and `alembic current` to see where the " +
		"database stands."
	return d
}

var errorLine = regexp.MustCompile(`^(FAILED:|ERROR|[\w.]*(Error|Exception|Warning)\b|error:|fatal:|[\w.]+\.(exc|errors)\.\w+)`)

func looksLikeError(l string) bool { return errorLine.MatchString(l) }

func clip(s string) string {
	if len(s) <= maxErrorLine {
		return s
	}
	cut := maxErrorLine
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + " ..."
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Text renders diagnoses for people: one block per diagnosis.
func Text(diags []Diagnosis) string {
	var b strings.Builder
	for i, d := range diags {
		if i > 0 {
			b.WriteString("\n")
		}
		if d.Error != "" {
			fmt.Fprintf(&b, "error: %s\n", d.Error)
		}
		fmt.Fprintf(&b, "cause: %s\n", d.Cause)
		if len(d.Rules) > 0 {
			fmt.Fprintf(&b, "rules: %s\n", strings.Join(d.Rules, ", "))
		}
		fmt.Fprintf(&b, "fix:   %s\n", d.Fix)
	}
	return b.String()
}

// Running is the revision a failed `alembic upgrade`/`downgrade` was applying:
// alembic logs `Running upgrade A -> B, message` before each step, so the
// last such line names the step that failed (B for an upgrade, A for a
// downgrade). It returns "" when the output has no such line.
func Running(output string) (revision, direction string) {
	all := running.FindAllStringSubmatch(output, -1)
	if len(all) == 0 {
		return "", ""
	}
	last := all[len(all)-1]
	from, to := strings.TrimSpace(last[2]), strings.TrimSpace(last[3])
	if last[1] == "upgrade" {
		return firstRev(to), "upgrade"
	}
	return firstRev(from), "downgrade"
}

var running = regexp.MustCompile(`Running (upgrade|downgrade) ([^\n]*?) -> ([^,\n]*)`)

// firstRev takes one id out of "a, b" (merge points are printed as tuples).
func firstRev(s string) string {
	s = strings.Trim(s, "() ")
	if i := strings.IndexAny(s, ", "); i > 0 {
		s = s[:i]
	}
	return s
}
