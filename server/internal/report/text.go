package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Text writes the findings (see Findings) and then the summary line: each
// finding the way ruff and rustc do, location, rule, message, the source line
// with a marker under the span, then the help and the fix on offer. Notes are
// not part of it: the CLI writes them to stderr (see Notes).
//
// seeOthers tells how to see the findings of revisions outside the checked
// ones (CLI and MCP differ).
func Text(w io.Writer, res *check.Result, seeOthers string) error {
	var b strings.Builder
	b.WriteString(findingsText(res))
	b.WriteString(Summary(res, seeOthers))
	if n := Fixable(res.Findings); n > 0 {
		fmt.Fprintf(&b, " %s with `alembic-patterns fix`.", brief.Count(n, "fixable", "fixable"))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, printable.Text(b.String())) // messages and snippets quote the source
	return err
}

// Findings writes findings the way ruff and rustc do: location, rule,
// message, the source line with a marker under the span, the help and the
// fix on offer; then the files that could not be read. No summary: the hook reports
// the findings of one file of a whole project's check.
func Findings(w io.Writer, res *check.Result) error {
	_, err := io.WriteString(w, printable.Text(findingsText(res)))
	return err
}

// Fixable counts the findings whose fix `fix` applies without --unsafe.
func Fixable(findings []rules.Diagnostic) int {
	n := 0
	for _, d := range findings {
		if d.Fixable(false) {
			n++
		}
	}
	return n
}

func findingsText(res *check.Result) string {
	sources := map[string][][]byte{} // the lines of each file, split once: per finding was quadratic
	var b strings.Builder
	for _, d := range res.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s[%s] %s\n", Rel(res, d.Path), d.Span.StartLine, d.Span.StartCol, d.Severity, d.Rule, d.Message)
		lines, ok := sources[d.Path]
		if !ok {
			src, _ := inputfile.Read(d.Path, migration.MaxFileSize)
			lines = bytes.Split(src, []byte("\n"))
			sources[d.Path] = lines
		}
		writeSnippet(&b, lines, d)
		for _, line := range explanation(d)[1:] {
			fmt.Fprintf(&b, "   = %s\n", line)
		}
		b.WriteString("\n")
	}
	for _, e := range res.Errors {
		if e.Line > 0 {
			fmt.Fprintf(&b, "%s:%d:%d: error: %s\n", Rel(res, e.Path), e.Line, e.Column, e.Msg)
		} else {
			fmt.Fprintf(&b, "%s: error: %s\n", Rel(res, e.Path), e.Msg)
		}
	}
	return b.String()
}

// explanation is what is said of a finding, one line each (see Finding.Explanation).
func explanation(d rules.Diagnostic) []string {
	return Finding{Message: d.Message, Help: d.Help, Fix: NewFix(d)}.Explanation()
}

// Explanation is what is said of a finding, one line each: its message, then
// "help: " and its help, then its fix and the command that applies it. The
// text report puts the lines after the first under the source line.
func (f Finding) Explanation() []string {
	lines := []string{f.Message}
	if f.Help != "" {
		lines = append(lines, "help: "+f.Help)
	}
	if f.Fix != nil {
		how := "alembic-patterns fix"
		if f.Fix.Safety == string(rules.Unsafe) {
			how += " --unsafe"
		}
		lines = append(lines, fmt.Sprintf("fix (%s): %s  [%s]", f.Fix.Safety, f.Fix.Title, how))
	}
	return lines
}

// writeSnippet prints the first line of the span with carets under it.
func writeSnippet(b *strings.Builder, lines [][]byte, d rules.Diagnostic) {
	if d.Span.StartLine < 1 || int(d.Span.StartLine) > len(lines) {
		return
	}
	line := []rune(strings.TrimRight(string(lines[d.Span.StartLine-1]), "\r"))
	num := strconv.Itoa(int(d.Span.StartLine))
	pad := strings.Repeat(" ", len(num))
	col := min(max(int(d.Span.StartCol)-1, 0), len(line))
	width := len(line) - col
	if d.Span.EndLine == d.Span.StartLine {
		width = int(d.Span.EndCol - d.Span.StartCol)
	}
	// A long line (generated code, a deep expression) is shown around the start.
	from := 0
	if len(line) > snippetWidth {
		from = max(0, col-snippetWidth/4)
	}
	to := min(len(line), from+snippetWidth)
	shown, col := string(line[from:to]), col-from
	if from > 0 {
		shown, col = "…"+shown, col+1
	}
	width = min(max(width, 1), max(utf8.RuneCountInString(shown)-col, 1))
	if to < len(line) {
		shown += "…"
	}
	fmt.Fprintf(b, "%s |\n%s | %s\n%s | %s%s\n", pad, num, shown, pad, strings.Repeat(" ", col), strings.Repeat("^", width))
}

// snippetWidth bounds the characters of the source line shown under a finding.
const snippetWidth = 160

// Notes writes notes one per line, each prefixed.
func Notes(w io.Writer, prefix string, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(w, "%snote: %s\n", prefix, n)
	}
}

// Summary says in one line what was checked and what was found: "3 problems
// (1 error, 2 warnings) in 12 revision files." or, for a scope, "head 3f2a:
// no problems (1 of 12 revisions checked)." followed by the findings of the
// other revisions, if any were counted, and how to see them (seeOthers).
func Summary(res *check.Result, seeOthers string) string {
	found := "no problems"
	if n := len(res.Findings); n > 0 {
		count := map[rules.Severity]int{}
		for _, d := range res.Findings {
			count[d.Severity]++
		}
		found = fmt.Sprintf("%s (%s)", brief.Count(n, "problem", "problems"), severities(count))
	}
	var b strings.Builder
	if res.Scope == "" {
		fmt.Fprintf(&b, "%s%s in %s.", strings.ToUpper(found[:1]), found[1:], brief.Count(res.Files, "revision file", "revision files"))
	} else {
		fmt.Fprintf(&b, "%s: %s (%d of %s checked).", res.Scope, found, res.Checked, brief.Count(res.Files, "revision", "revisions"))
	}
	if others := severities(res.Elsewhere); others != "" {
		fmt.Fprintf(&b, " The other revisions have %s: %s.", others, seeOthers)
	}
	return b.String()
}

// severities renders counts by severity, most severe first: "1 error, 2 warnings".
func severities(count map[rules.Severity]int) string {
	var parts []string
	for _, s := range []struct {
		sev          rules.Severity
		one, several string
	}{{rules.Error, "error", "errors"}, {rules.Warning, "warning", "warnings"}, {rules.Info, "info", "info"}} {
		if n := count[s.sev]; n > 0 {
			parts = append(parts, brief.Count(n, s.one, s.several))
		}
	}
	return strings.Join(parts, ", ")
}
