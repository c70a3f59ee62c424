// Package report renders check results: text for people, JSON for tools, SARIF
// for code-scanning services and GitHub workflow annotations.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Finding is one finding in the JSON shape of DESIGN §7.
type Finding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
	// Help says why (the error the database or Alembic prints) and, when
	// the fix does not do it, what to do; URL is the rule's reference page.
	Help     string `json:"help"`
	URL      string `json:"url"`
	Revision string `json:"revision,omitempty"`
	Fix      *Fix   `json:"fix,omitempty"`
}

// Fix is a finding's fix in every JSON output (check, the MCP tools, review).
// Title is what it does, in the words of ruff's fix_title; Description says
// the same (version 1 had it first).
type Fix struct {
	Safety      string `json:"safety" jsonschema:"safe (applied by alembic-patterns fix) or unsafe (needs --unsafe)"`
	Description string `json:"description" jsonschema:"what the fix does"`
	Title       string `json:"title" jsonschema:"what the fix does (ruff's fix_title)"`
}

// NewFix is the JSON of a finding's fix, nil when it has none.
func NewFix(d rules.Diagnostic) *Fix {
	if d.Fix == nil {
		return nil
	}
	return &Fix{Safety: string(d.Fix.Safety), Description: d.Fix.Message, Title: d.Fix.Message}
}

// FileError is a file that could not be checked.
type FileError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Document is the `check --format json` output.
type Document struct {
	Version  int         `json:"version"`
	Files    int         `json:"files"`
	Findings []Finding   `json:"findings"`
	Errors   []FileError `json:"errors"`
	Notes    []string    `json:"notes"`
	// Checked is the number of revision files the findings are about (all of
	// them, or those of a PATH or --since); Elsewhere counts by severity the
	// findings of the other revisions; Summary says both in one line.
	Checked   int            `json:"checked"`
	Elsewhere map[string]int `json:"elsewhere"`
	Summary   string         `json:"summary"`
}

// NewDocument converts a result, with paths relative to the project root.
func NewDocument(res *check.Result) Document {
	doc := Document{Version: 1, Files: res.Files, Findings: []Finding{}, Notes: append([]string{}, res.Notes...),
		Checked: res.Checked, Elsewhere: map[string]int{}, Summary: Summary(res, "run `alembic-patterns check` without a PATH to see them")}
	for sev, n := range res.Elsewhere {
		doc.Elsewhere[string(sev)] = n
	}
	for _, d := range res.Findings {
		doc.Findings = append(doc.Findings, newFinding(res, d))
	}
	root := ""
	if res.Project != nil {
		root = res.Project.Root
	}
	doc.Errors = fileErrors(root, res.Errors)
	return doc
}

// fileErrors converts file errors, with paths relative to root.
func fileErrors(root string, errs []*migration.FileError) []FileError {
	out := []FileError{}
	for _, e := range errs {
		msg := e.Msg
		if e.Line > 0 {
			msg = fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
		}
		out = append(out, FileError{Path: relpath.Rel(root, e.Path), Message: msg})
	}
	return out
}

func newFinding(res *check.Result, d rules.Diagnostic) Finding {
	return Finding{Rule: d.Rule, Severity: string(d.Severity), Path: Rel(res, d.Path), Line: int(d.Span.StartLine), Column: int(d.Span.StartCol),
		EndLine: int(d.Span.EndLine), EndColumn: int(d.Span.EndCol), Message: d.Message, Help: d.Help, URL: RuleURL(d.Rule), Revision: d.Revision,
		Fix: NewFix(d)}
}

// Rel makes a path relative to the project root (slash-separated).
func Rel(res *check.Result, path string) string {
	if res.Project == nil {
		return path
	}
	return relpath.Rel(res.Project.Root, path)
}

// JSON writes the JSON document.
func JSON(w io.Writer, res *check.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewDocument(res))
}

// GitHub writes workflow commands that GitHub Actions shows as annotations:
// one command per finding, whose body holds the message, then the help and
// the fix on lines of their own.
func GitHub(w io.Writer, res *check.Result) error {
	levels := map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "notice"}
	for _, d := range res.Findings {
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			levels[d.Severity], escapeProperty(Rel(res, d.Path)), d.Span.StartLine, d.Span.StartCol, d.Span.EndLine, d.Span.EndCol,
			escapeProperty("alembic-patterns "+d.Rule), escapeData(strings.Join(explanation(d), "\n")))
		if err != nil {
			return err
		}
	}
	for _, e := range res.Errors {
		if _, err := fmt.Fprintf(w, "::error file=%s,line=%d,title=alembic-patterns::%s\n", escapeProperty(Rel(res, e.Path)), max(e.Line, 1), escapeData(e.Msg)); err != nil {
			return err
		}
	}
	return nil
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
