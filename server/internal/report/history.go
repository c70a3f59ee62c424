package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// HistoryDocument is the `history --format json` output (DESIGN §7) and the
// MCP show_history result.
type HistoryDocument struct {
	Version           int                `json:"version" jsonschema:"schema version (1)"`
	ScriptDirectories []HistoryDirectory `json:"script_directories" jsonschema:"one entry per Alembic script directory"`
	Errors            []FileError        `json:"errors" jsonschema:"files that could not be read or parsed"`
	Notes             []string           `json:"notes" jsonschema:"how the project was read: what had to be resolved or assumed"`
}

// HistoryDirectory describes one script directory's graph.
type HistoryDirectory struct {
	Path          string            `json:"path" jsonschema:"the versions directory, relative to the project root"`
	RevisionCount int               `json:"revision_count"`
	Heads         []string          `json:"heads"`
	Bases         []string          `json:"bases"`
	Merges        []string          `json:"merges"`
	BranchLabels  map[string]string `json:"branch_labels" jsonschema:"branch label -> revision"`
	Problems      []HistoryProblem  `json:"problems" jsonschema:"defects of the graph (multiple heads, missing or duplicate revisions, cycles)"`
	Revisions     []HistoryRevision `json:"revisions" jsonschema:"the revisions in graph order, base to head"`
	SetAside      []string          `json:"set_aside,omitempty" jsonschema:"revision files in subfolders left out as a history kept aside: Alembic does not read them (relative to the project root)"`
}

// HistoryProblem is a finding of a rule on the revision graph itself.
type HistoryProblem struct {
	Rule string `json:"rule"`
	// Severity is the rule's, as check reports it: "info" for a revision
	// expected in another package's history.
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Help     string `json:"help"`
	Path     string `json:"path,omitempty" jsonschema:"relative to the project root"`
	Revision string `json:"revision,omitempty"`
}

// HistoryRevision is one revision of a script directory.
type HistoryRevision struct {
	Revision      string   `json:"revision"`
	DownRevisions []string `json:"down_revisions"`
	BranchLabels  []string `json:"branch_labels" jsonschema:"the branch labels the file declares"`
	DependsOn     []string `json:"depends_on"`
	Message       string   `json:"message" jsonschema:"the first line of the docstring"`
	Path          string   `json:"path" jsonschema:"relative to the project root"`
	// Branches and Marks are what alembic history shows besides the ids.
	Branches []string `json:"branches" jsonschema:"the branch labels that apply to it, its own and those of the branch it is on (as alembic history shows them)"`
	Marks    []string `json:"marks" jsonschema:"as alembic history marks it: head, effective head, branchpoint, mergepoint"`
}

// NewHistoryDocument describes every script directory of a loaded project.
func NewHistoryDocument(proj *project.Project, dirs []*check.ScriptDir, errs []*migration.FileError, notes []string) HistoryDocument {
	doc := HistoryDocument{Version: 1, ScriptDirectories: []HistoryDirectory{}, Errors: fileErrors(proj.Root, errs), Notes: append([]string{}, notes...)}
	for _, sd := range dirs {
		g := sd.Loaded.Graph
		path := sd.Config.Location
		if len(sd.Config.VersionLocations) > 0 {
			path = sd.Config.VersionLocations[0]
		}
		path = relpath.Rel(proj.Root, path)
		labels := g.BranchLabels
		if labels == nil {
			labels = map[string]string{}
		}
		d := HistoryDirectory{Path: path, RevisionCount: len(g.Revisions), Heads: nonNil(g.Heads), Bases: nonNil(g.Bases),
			Merges: nonNil(g.Merges), BranchLabels: labels, Problems: []HistoryProblem{}, Revisions: []HistoryRevision{}}
		for _, f := range sd.SetAside {
			d.SetAside = append(d.SetAside, relpath.Rel(proj.Root, f))
		}
		branches := g.Branches()
		for _, r := range g.Order {
			m := r.Migration
			d.Revisions = append(d.Revisions, HistoryRevision{Revision: r.ID, DownRevisions: nonNil(m.DownRevision.Values),
				BranchLabels: nonNil(r.BranchLabels), DependsOn: nonNil(r.DependsOn), Message: m.DocMessage, Path: relpath.Rel(proj.Root, r.Path),
				Branches: nonNil(branches[r.ID]), Marks: nonNil(r.Marks())})
		}
		rules.RunGraph(g, rules.All(), func(f rules.Diagnostic) {
			d.Problems = append(d.Problems, HistoryProblem{Rule: f.Rule, Severity: string(f.Severity), Message: f.Message, Help: f.Help, Path: relpath.Rel(proj.Root, f.Path), Revision: f.Revision})
		})
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

// HistoryText writes the history for people: per script directory, its
// revisions newest first as `alembic history` lists them, then its heads,
// bases, merges, branches and problems.
func HistoryText(w io.Writer, doc HistoryDocument) error {
	var b strings.Builder
	for i, d := range doc.ScriptDirectories {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s\n", d.Path, brief.Count(d.RevisionCount, "revision", "revisions"))
		for _, r := range slices.Backward(d.Revisions) {
			fmt.Fprintf(&b, "  %s\n", historyLine(r))
		}
		if len(d.Revisions) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  heads:  %s\n  bases:  %s\n", list(d.Heads), list(d.Bases))
		if len(d.Merges) > 0 {
			fmt.Fprintf(&b, "  merges: %s\n", list(d.Merges))
		}
		for _, label := range slices.Sorted(maps.Keys(d.BranchLabels)) {
			fmt.Fprintf(&b, "  branch: %s -> %s\n", label, d.BranchLabels[label])
		}
		for _, p := range d.Problems {
			fmt.Fprintf(&b, "  %s: %s\n", p.Rule, p.Message)
			if p.Help != "" {
				fmt.Fprintf(&b, "    help: %s\n", p.Help)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// historyLine is the line `alembic history` prints for a revision:
// "PARENTS (DEPENDS_ON) -> ID (BRANCHES) (MARKS...), MESSAGE".
func historyLine(r HistoryRevision) string {
	var b strings.Builder
	if len(r.DownRevisions) == 0 {
		b.WriteString("<base>")
	} else {
		b.WriteString(strings.Join(r.DownRevisions, ", "))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(r.DependsOn, ", "))
	}
	b.WriteString(" -> " + r.Revision)
	if len(r.Branches) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(r.Branches, ", "))
	}
	for _, m := range r.Marks {
		fmt.Fprintf(&b, " (%s)", m)
	}
	if r.Message != "" {
		b.WriteString(", " + r.Message)
	}
	return b.String()
}

func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, ", ")
}
