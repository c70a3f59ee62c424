package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// RuleInfo is a rule in `rules --format json`.
type RuleInfo struct {
	ID           string    `json:"id"`
	Severity     string    `json:"severity"`
	Profile      string    `json:"profile"`
	PostgresOnly bool      `json:"postgres_only"`
	Summary      string    `json:"summary"`
	Doc          rules.Doc `json:"doc"`
	// Fix is whether the rule's findings come with a fix: always, sometimes
	// or never; URL is its reference page.
	Fix string `json:"fix"`
	URL string `json:"url"`
}

func runRules(_ context.Context, env *Env, fs *flags, args []string) int {
	format := fs.String("format", "text", "output format: text, json or markdown")
	writeDir := fs.String("write-references", "", "write one markdown file per rule and an index into DIR")
	ids, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if *writeDir != "" {
		if err := WriteReferences(*writeDir); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	selected := rules.All()
	if len(ids) > 0 {
		selected = nil
		for _, id := range ids {
			r, ok := rules.Get(id)
			if !ok {
				return fail(env, fmt.Errorf("unknown rule %q", id))
			}
			selected = append(selected, r)
		}
	}
	switch *format {
	case "json":
		var out []RuleInfo
		for _, r := range selected {
			out = append(out, RuleInfo{ID: r.ID, Severity: string(r.Severity), Profile: string(r.Profile), PostgresOnly: r.PostgresOnly,
				Summary: r.Summary, Doc: r.Doc, Fix: string(r.Fix), URL: report.RuleURL(r.ID)})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
	case "markdown":
		for i, r := range selected {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			fmt.Fprint(env.Stdout, report.Markdown(r))
		}
	case "text":
		if len(ids) == 0 {
			width := 0 // the longest id, so that the columns line up
			for _, r := range selected {
				width = max(width, len(r.ID))
			}
			for _, r := range selected {
				fmt.Fprintf(env.Stdout, "%-*s %-8s %-14s %-14s %s\n", width, r.ID, r.Severity, r.Profile, "fix:"+string(r.Fix), r.Summary)
			}
			return ExitOK
		}
		for _, r := range selected {
			fmt.Fprint(env.Stdout, report.Markdown(r))
		}
	default:
		return fail(env, fmt.Errorf("unknown format %q (use text, json or markdown)", *format))
	}
	return ExitOK
}

// References returns the generated references/ files by name.
func References() map[string]string {
	files := map[string]string{"README.md": report.RulesIndex(), "squawk.md": report.SquawkComparison()}
	for _, r := range rules.All() {
		files[r.ID+".md"] = report.Markdown(r)
	}
	return files
}

// WriteReferences regenerates the references directory.
func WriteReferences(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	for name, text := range References() {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
