package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Text writes findings the way ruff and rustc do: location, rule, message, the
// source line with a marker under the span, and the fix on offer. Notes are
// not part of it: the CLI writes them to stderr (see Notes).
func Text(w io.Writer, res *check.Result) error {
	sources := map[string][]byte{}
	var b strings.Builder
	fixable := 0
	count := map[rules.Severity]int{}
	for _, d := range res.Findings {
		count[d.Severity]++
		fmt.Fprintf(&b, "%s:%d:%d: %s[%s] %s\n", Rel(res, d.Path), d.Span.StartLine, d.Span.StartCol, d.Severity, d.Rule, d.Message)
		src, ok := sources[d.Path]
		if !ok {
			src, _ = os.ReadFile(d.Path)
			sources[d.Path] = src
		}
		writeSnippet(&b, src, d)
		if len(d.Fixes) > 0 {
			f := d.Fixes[0]
			how := "alembic-patterns fix"
			if f.Safety == rules.Unsafe {
				how += " --unsafe"
			} else {
				fixable++
			}
			fmt.Fprintf(&b, "   = fix (%s): %s  [%s]\n", f.Safety, f.Message, how)
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
	if len(res.Findings) == 0 {
		fmt.Fprintf(&b, "No problems found in %d revision files.\n", res.Files)
	} else {
		fmt.Fprintf(&b, "Found %d problems (%d errors, %d warnings, %d info) in %d revision files.", len(res.Findings),
			count[rules.Error], count[rules.Warning], count[rules.Info], res.Files)
		if fixable > 0 {
			fmt.Fprintf(&b, " %d fixable with `alembic-patterns fix`.", fixable)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSnippet prints the first line of the span with carets under it.
func writeSnippet(b *strings.Builder, src []byte, d rules.Diagnostic) {
	lines := bytes.Split(src, []byte("\n"))
	if d.Span.StartLine < 1 || d.Span.StartLine > len(lines) {
		return
	}
	line := strings.TrimRight(string(lines[d.Span.StartLine-1]), "\r")
	num := strconv.Itoa(d.Span.StartLine)
	pad := strings.Repeat(" ", len(num))
	width := utf8.RuneCountInString(line) - d.Span.StartCol + 1
	if d.Span.EndLine == d.Span.StartLine {
		width = d.Span.EndCol - d.Span.StartCol
	}
	width = max(width, 1)
	fmt.Fprintf(b, "%s |\n%s | %s\n%s | %s%s\n", pad, num, line, pad, strings.Repeat(" ", max(d.Span.StartCol-1, 0)), strings.Repeat("^", width))
}

// Notes writes notes one per line, each prefixed.
func Notes(w io.Writer, prefix string, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(w, "%snote: %s\n", prefix, n)
	}
}
