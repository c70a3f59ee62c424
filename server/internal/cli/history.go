package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// HistoryDocument is the `history --format json` output (DESIGN §7).
type HistoryDocument struct {
	Version           int                `json:"version"`
	ScriptDirectories []HistoryDirectory `json:"script_directories"`
}

// HistoryDirectory describes one script directory's graph.
type HistoryDirectory struct {
	Path          string            `json:"path"`
	RevisionCount int               `json:"revision_count"`
	Heads         []string          `json:"heads"`
	Bases         []string          `json:"bases"`
	Merges        []string          `json:"merges"`
	BranchLabels  map[string]string `json:"branch_labels"`
	Problems      []history.Problem `json:"problems"`
}

// NewHistoryDocument describes every script directory of a loaded project.
func NewHistoryDocument(proj *project.Project, dirs []*check.ScriptDir) HistoryDocument {
	doc := HistoryDocument{Version: 1, ScriptDirectories: []HistoryDirectory{}}
	for _, sd := range dirs {
		g := sd.Loaded.Graph
		path := sd.Config.Location
		if len(sd.Config.VersionLocations) > 0 {
			path = sd.Config.VersionLocations[0]
		}
		if rel, err := filepath.Rel(proj.Root, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = filepath.ToSlash(rel)
		}
		d := HistoryDirectory{Path: path, RevisionCount: len(g.Revisions), Heads: nonNil(g.Heads), Bases: nonNil(g.Bases),
			Merges: nonNil(g.Merges), BranchLabels: g.BranchLabels, Problems: []history.Problem{}}
		for _, p := range g.Problems {
			if p.Rule != "" {
				if rel, err := filepath.Rel(proj.Root, p.Path); err == nil && p.Path != "" {
					p.Path = filepath.ToSlash(rel)
				}
				d.Problems = append(d.Problems, p)
			}
		}
		doc.ScriptDirectories = append(doc.ScriptDirectories, d)
	}
	return doc
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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
