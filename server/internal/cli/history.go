package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

// HistoryDocument is the `history --format json` output (DESIGN §7). It lives
// in package report so that the MCP server shares it without importing cli.
type HistoryDocument = report.HistoryDocument

// HistoryDirectory describes one script directory's graph.
type HistoryDirectory = report.HistoryDirectory

// NewHistoryDocument describes every script directory of a loaded project.
func NewHistoryDocument(proj *project.Project, dirs []*check.ScriptDir) HistoryDocument {
	return report.NewHistoryDocument(proj, dirs)
}

var _ = register(command{"history", "history [PATH] [--project DIR] [--format text|json]", runHistory})

func runHistory(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "history")
	projectDir := fs.String("project", "", "project directory (default: found from PATH or the current directory)")
	format := fs.String("format", "text", "output format: text or json")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		return fail(env, fmt.Errorf("unknown format %q (use text or json)", *format))
	}
	proj, err := findProject(env, *projectDir, paths)
	if err != nil {
		return fail(env, err)
	}
	dirs, errs := check.Load(ctx, proj, migration.ParseFileHeader)
	doc := NewHistoryDocument(proj, dirs)
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return fail(env, err)
		}
	} else {
		writeHistoryText(env, doc)
	}
	for _, e := range errs {
		fmt.Fprintln(env.Stderr, "alembic-patterns:", e)
	}
	for _, d := range doc.ScriptDirectories {
		for _, p := range d.Problems {
			if p.Rule != "" {
				return ExitFindings
			}
		}
	}
	if len(errs) > 0 {
		return ExitUsage
	}
	return ExitOK
}

func writeHistoryText(env *Env, doc HistoryDocument) {
	for _, d := range doc.ScriptDirectories {
		fmt.Fprintf(env.Stdout, "%s: %d revisions\n", d.Path, d.RevisionCount)
		fmt.Fprintf(env.Stdout, "  heads:  %s\n  bases:  %s\n", list(d.Heads), list(d.Bases))
		if len(d.Merges) > 0 {
			fmt.Fprintf(env.Stdout, "  merges: %s\n", list(d.Merges))
		}
		for label, rev := range d.BranchLabels {
			fmt.Fprintf(env.Stdout, "  branch: %s -> %s\n", label, rev)
		}
		for _, p := range d.Problems {
			fmt.Fprintf(env.Stdout, "  %s: %s\n", p.Rule, p.Message)
		}
	}
}

func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, ", ")
}
