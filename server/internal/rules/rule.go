// Package rules holds the rule registry: one file per rule, each with its
// documentation next to its code. Rules read the migration model and the replayed
// history; they never touch the syntax tree.
package rules

import (
	"sort"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: info < warning < error.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Profile groups rules.
type Profile string

const (
	Default      Profile = "default"
	ZeroDowntime Profile = "zero-downtime"
)

// Safety of a fix, as in ruff: a safe fix keeps the meaning the author intended
// and is applied by `fix`; an unsafe one needs --unsafe.
type Safety string

const (
	Safe   Safety = "safe"
	Unsafe Safety = "unsafe"
)

// FixAvailability says whether a rule's findings come with a fix, as ruff's
// rules declare it: TestFixAvailability holds each rule to its word.
type FixAvailability string

const (
	FixAlways    FixAvailability = "always"
	FixSometimes FixAvailability = "sometimes"
	FixNever     FixAvailability = "never"
)

// Doc is a rule's documentation: the single source for `rules`, references/
// and the MCP resources.
type Doc struct {
	What string // what it finds
	Why  string // why it is bad (the error it causes)
	// FailsWhen says how certain the failure is, which the severity follows:
	// "On every database..." (error), on some data (warning), or "Under
	// load" (the zero-downtime profile).
	FailsWhen string
	// Example is Python that triggers it, UseInstead the change to it that
	// does not; TestDocExamples runs both (its comment says how a snippet
	// names files, earlier revisions and the database).
	Example       string
	UseInstead    string
	KnownProblems string
	FixSafety     string
	References    []string
	// Squawk are the squawk rules this one covers (references/squawk.md).
	Squawk []string
}

// Rule is one check.
type Rule struct {
	ID       string
	Profile  Profile
	Severity Severity
	Fix      FixAvailability
	// PostgresOnly rules stay quiet on other dialects.
	PostgresOnly bool
	// DialectAware rules run on every dialect but say different things on
	// each (an assumed dialect is then worth a note).
	DialectAware bool
	// MainDialectOnly rules say different things on each dialect but judge
	// for the project's main dialect only: a dialect it also runs on is often
	// known from weaker evidence (a driver among the dependencies, for data
	// sources) than an error that certain needs.
	MainDialectOnly bool
	// StopsFunction: an error of this rule is a statement that fails on
	// every database that reaches it (not one that fails on rows or under
	// load), so the findings after it in its function are reached only once
	// it is fixed (see annotateStops).
	StopsFunction bool
	// ReadsProject rules read files of the project other than the revision
	// files (the application's modules): their findings on a revision are
	// never reused from an earlier check (see reuse.go). They read no schema
	// (Pass.Before is nil when the others' findings are reused).
	ReadsProject bool
	Summary      string
	Doc          Doc
	// Check runs once per revision; CheckGraph once per script directory;
	// CheckSuppressions once per check, after the others, on the suppression
	// comments that silenced nothing (see RunSuppressions).
	Check             func(p *Pass)
	CheckGraph        func(p *GraphPass)
	CheckSuppressions func(p *SuppressionPass)
	// Notes, when set, are said once per script directory next to the findings
	// (e.g. that the project's own policy turns the rule off there); root is the
	// project directory, for relative paths.
	Notes func(g *history.Graph, root string) []string
	// Mark, when set, is the fact about a revision that the rule reads of
	// revisions a check does not replay (in its graph check, its notes, or
	// its pass on every revision of a ReadsProject rule): a check that reads
	// only headers knows it from them (migration.Migration.Marked, under
	// the rule's id), and loads the whole models of the marked revisions
	// when LoadsMarked is set (the rule reads more of them than the mark).
	Mark        func(m *migration.Migration) bool
	LoadsMarked bool
}

// DependsOnDialect reports whether the rule's findings depend on the dialect.
func (r *Rule) DependsOnDialect() bool { return r.PostgresOnly || r.DialectAware || r.MainDialectOnly }

// Diagnostic is one finding, with its suggested fix as data (see internal/fix).
type Diagnostic struct {
	Rule     string
	Severity Severity
	Path     string
	Revision string
	Span     migration.Span
	// Message says what is wrong and where, in one line; Help says why (the
	// error PostgreSQL or Alembic prints) and, when Fix does not do it, what
	// to do instead. The fix's own message is its title.
	Message string
	Help    string
	Fix     *SuggestedFix // nil when there is none
	// InDowngrade: the finding is in the revision's downgrade() (barredNote
	// reads it when the finding is told, kept or reused)
	InDowngrade bool
	// elsewhere: made for a dialect other than the project's main one; runs:
	// its statement runs (Message.Runs). Only annotateStops reads them.
	elsewhere, runs bool
}

// Message is what a rule says about a finding: see Diagnostic.Message and
// Diagnostic.Help.
type Message struct {
	Text string
	Help string
	// Runs: the statement runs in spite of the finding (it does nothing, or
	// something else than meant), so it stops nothing (see annotateStops).
	Runs bool
}

// Fixable reports whether `fix` applies the finding's fix: it has one, and it
// is safe unless unsafe fixes are wanted too.
func (d Diagnostic) Fixable(unsafe bool) bool {
	return d.Fix != nil && (unsafe || d.Fix.Safety == Safe)
}

// SuggestedFix is a set of non-overlapping edits to one file.
type SuggestedFix struct {
	Message string
	Safety  Safety
	Edits   []TextEdit
}

// TextEdit replaces a byte range of the file.
type TextEdit = edit.TextEdit

var registry = map[string]*Rule{}

func register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("duplicate rule " + r.ID)
	}
	registry[r.ID] = r
	if r.ReadsProject && (r.Mark == nil || !r.LoadsMarked) {
		// its pass runs on every revision, and a check that reads headers
		// loads only the marked ones
		panic("rule " + r.ID + " reads the project and has no Mark that LoadsMarked")
	}
	if r.Mark != nil {
		migration.RegisterMark(r.ID, r.Mark)
	}
	return r
}

// All returns every rule, sorted by id.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns a rule by id.
func Get(id string) (*Rule, bool) {
	r, ok := registry[id]
	return r, ok
}
