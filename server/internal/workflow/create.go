// Package workflow chains the single-job packages into the jobs of several
// steps that the CLI and the MCP server both offer: Create (alembic writes a
// revision, which is checked and fixed; a failed run is diagnosed) and Explain
// (the output of a failed run is diagnosed and the revision it was running is
// checked). The CLI and the MCP server call these and only render the results.
package workflow

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/diagnose"
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

// CreateOptions for Create.
type CreateOptions struct {
	// Alembic says how to run `alembic revision`.
	Alembic autogen.Options
	// Fix applies the safe fixes to the new file.
	Fix bool
	// Parse is passed to the check (the MCP server's cache).
	Parse history.Parser
}

// Created describes the new revision.
type Created struct {
	Path         string   `json:"path" jsonschema:"the new revision file, relative to the project root"`
	Revision     string   `json:"revision" jsonschema:"its revision id"`
	DownRevision []string `json:"down_revision" jsonschema:"the revision(s) it follows"`
	Command      string   `json:"command" jsonschema:"the alembic command that ran"`
	// Empty is true when the upgrade has no operations (autogenerate found no
	// difference between the models and the database).
	Empty bool `json:"empty" jsonschema:"true when upgrade() has no operations (no schema change detected)"`
	// Fixes are the safe fixes applied to the file.
	Fixes []fix.Applied `json:"fixes" jsonschema:"safe fixes applied to the new file"`
	// Findings are what still needs a human (or an unsafe fix).
	Findings []report.Finding `json:"findings" jsonschema:"findings left in the new file after the fixes: what still needs a human"`
	// Output is alembic's own output (stdout and stderr, interleaved).
	Output string   `json:"alembic_output" jsonschema:"what alembic printed"`
	Notes  []string `json:"notes" jsonschema:"remarks (no changes detected, fixes refused, ...)"`
}

// AlembicFailed is a failed alembic run with what its output means: the
// error names the command, quotes alembic and says what to do.
type AlembicFailed struct {
	Run       *autogen.RunError
	Diagnoses []diagnose.Diagnosis
}

func (e *AlembicFailed) Error() string {
	var b strings.Builder
	b.WriteString(e.Run.Error())
	b.WriteString("\n")
	known := false
	for _, d := range e.Diagnoses {
		if d.Known {
			known = true
			fmt.Fprintf(&b, "\nWhat happened: %s\nWhat to do: %s\n", d.Cause, d.Fix)
		}
	}
	if !known && !e.Run.TimedOut {
		b.WriteString("\nWhat to do: read alembic's message above; run the same command in a terminal in the project directory to reproduce it.\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func (e *AlembicFailed) Unwrap() error { return e.Run }

// Create runs `alembic revision [--autogenerate] -m MESSAGE` in the project,
// then checks the new file and (with Fix) applies its safe fixes. When alembic
// fails, the error is an *AlembicFailed.
func Create(ctx context.Context, proj *project.Project, opts CreateOptions) (*Created, error) {
	progress := func(string) {}
	if opts.Alembic.Progress != nil {
		progress = opts.Alembic.Progress
	}
	gen, err := autogen.Revision(ctx, proj, opts.Alembic)
	if re, ok := errors.AsType[*autogen.RunError](err); ok {
		return nil, &AlembicFailed{Run: re, Diagnoses: diagnose.Diagnose(re.Output)}
	}
	if err != nil {
		return nil, err
	}
	res := &Created{Path: proj.Rel(gen.Path), Command: gen.Command, Output: gen.Output, DownRevision: []string{},
		Fixes: []fix.Applied{}, Findings: []report.Finding{}, Notes: []string{}}
	progress("alembic wrote " + res.Path + "; checking it")
	if m, err := migration.ParseFile(ctx, gen.Path); m != nil {
		if m.Revision.Kind == migration.HeaderString {
			res.Revision = m.Revision.Values[0]
		}
		if m.DownRevision.Kind == migration.HeaderString || m.DownRevision.Kind == migration.HeaderTuple {
			res.DownRevision = append(res.DownRevision, m.DownRevision.Values...)
		}
		res.Empty = m.Upgrade == nil || len(m.Upgrade.Ops) == 0
		if err != nil {
			res.Notes = append(res.Notes, "the new file does not parse cleanly: "+err.Error())
		}
	} else if err != nil {
		return nil, fmt.Errorf("reading the new revision %s: %w", res.Path, err)
	}
	if res.Empty && opts.Alembic.Autogenerate {
		res.Notes = append(res.Notes, "autogenerate detected no schema changes: upgrade() is empty. Check that the models "+
			"are imported in env.py (target_metadata) and that the database is at the head revision; delete the file if it is not wanted")
	}

	copts := check.Options{Files: []string{gen.Path}, Parse: opts.Parse}
	var remaining *check.Result
	if opts.Fix {
		progress("applying safe fixes")
		fres, err := fix.Compute(ctx, proj, fix.Options{Check: copts})
		if err != nil {
			return nil, fmt.Errorf("checking %s: %w", res.Path, err)
		}
		if err := fres.Write(); err != nil {
			return nil, fmt.Errorf("writing the fixes to %s: %w", res.Path, err)
		}
		for _, f := range fres.Files {
			res.Fixes = append(res.Fixes, f.Applied...)
			if f.Refused != "" {
				res.Notes = append(res.Notes, proj.Rel(f.Path)+": "+f.Refused)
			}
		}
		remaining = fres.Remaining
	} else {
		remaining, err = check.Run(ctx, proj, copts)
		if err != nil {
			return nil, fmt.Errorf("checking %s: %w", res.Path, err)
		}
	}
	res.Findings = report.NewDocument(remaining).Findings
	res.Notes = append(res.Notes, remaining.Notes...)
	return res, nil
}

// Text is a short rendering for people (and the MCP text content).
func (r *Created) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Created %s (revision %s", r.Path, r.Revision)
	if len(r.DownRevision) > 0 {
		fmt.Fprintf(&b, ", after %s", strings.Join(r.DownRevision, ", "))
	}
	fmt.Fprintf(&b, ") with `%s`.\n", r.Command)
	if len(r.Fixes) > 0 {
		fmt.Fprintf(&b, "Applied %s:\n", brief.Count(len(r.Fixes), "safe fix", "safe fixes"))
		for _, f := range r.Fixes {
			fmt.Fprintf(&b, "  line %d: %s [%s]\n", f.Line, f.Message, f.Rule)
		}
	}
	if len(r.Findings) == 0 {
		b.WriteString("No findings remain.\n")
	} else {
		fmt.Fprintf(&b, "%s attention:\n", brief.Count(len(r.Findings), "finding needs", "findings need"))
		for _, f := range r.Findings {
			lines := f.Explanation()
			fmt.Fprintf(&b, "  %s:%d:%d: %s[%s] %s\n", f.Path, f.Line, f.Column, f.Severity, f.Rule, lines[0])
			for _, line := range lines[1:] {
				fmt.Fprintf(&b, "    = %s\n", line)
			}
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}
