package rules

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:       "revision-id-mismatch",
	Profile:  Default,
	Severity: Info,
	Fix:      FixNever,
	Summary:  "The docstring or the file name disagrees with the revision variables",
	Doc: Doc{
		FailsWhen: "Never: Alembic reads the variables; the docstring or the file name only misleads readers and tools.",
		What: "Compares the module docstring's `Revision ID:` and `Revises:` lines and the file name's leading revision id " +
			"(Alembic names files `<rev>_<slug>.py`) with the `revision` and `down_revision` variables. The file name is " +
			"compared only when it clearly starts with a revision id: a 12-character hexadecimal id, or a token of the " +
			"same shape as the revision (`0007_...` for `revision = \"0008\"`); `0001_initial.py` holding a hexadecimal " +
			"id is a numbering scheme, not a mismatch.",
		Why: "Alembic reads only the variables, so nothing fails; but people and tools read the header and the file name. " +
			"A `Revises:` line left over from before a rebase, or a file copied from another revision, sends reviewers and " +
			"`grep` to the wrong parent, and often means the variables were edited by hand in a hurry.",
		Example: `"""add orders

Revision ID: c3d4e5f6a7b8
Revises: a1b2c3d4e5f6
"""
revision = "c3d4e5f6a7b8"
down_revision = "b2c3d4e5f6a7"  # rebased onto the other head`,
		UseInstead: `"""add orders

Revision ID: c3d4e5f6a7b8
Revises: b2c3d4e5f6a7
"""
revision = "c3d4e5f6a7b8"
down_revision = "b2c3d4e5f6a7"`,
		KnownProblems: "Computed revision ids and file templates that put other text before the id (dates) are not compared. " +
			"`Revises:` may name the parent by its file (`versions/6a88424799fe_add_users.py`, or the file's name without " +
			"`.py`), `Revision ID:` the revision " +
			"by its own (the id part is compared), and a base may say " +
			"`Revises: None`, `(none)`, `-` or nothing: these agree with the variables.",
		FixSafety:  "No automatic fix: update the docstring or rename the file so that they match the variables.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/tutorial.html#editing-the-ini-file"},
	},
	Check: checkRevisionIDMismatch,
})

var (
	docRevisionLine = regexp.MustCompile(`(?m)^[ \t]*Revision ID:`)
	docRevisesLine  = regexp.MustCompile(`(?m)^[ \t]*Revises:`)
	hexID           = regexp.MustCompile(`^[0-9a-f]*(?:[a-f][0-9a-f]*[0-9]|[0-9][0-9a-f]*[a-f])[0-9a-f]*$`) // letters and digits
	digitsID        = regexp.MustCompile(`^[0-9]+$`)
)

func checkRevisionIDMismatch(p *Pass) {
	m := p.Migration
	if m.Revision.Kind != migration.HeaderString {
		return
	}
	rev := m.Revision.Values[0]
	doc := m.Source[m.DocSpan.Start:m.DocSpan.End]
	// the revision named by its file (copr's "Revision ID: deadbeafc0de_add_indexes.py") is named, as on a Revises: line
	if loc := docRevisionLine.FindIndex(doc); loc != nil && m.DocRevision != "" && revisionInFileName(m.DocRevision, []string{rev}) != rev {
		// quoted whole, to a remark: the id read is its first word ("0385_remove postage_" of GSA's)
		said, _, _ := bytes.Cut(doc[loc[1]:], []byte("\n"))
		said, _, _ = bytes.Cut(said, []byte("#"))
		p.ReportAt(lineSpan(m, m.DocSpan.Start+loc[0]), Message{
			Text: fmt.Sprintf("the docstring says \"Revision ID: %s\" but revision = %q", bytes.TrimSpace(said), rev),
			Help: fmt.Sprintf("Alembic uses the variable, readers and searches use the header. Write \"Revision ID: %s\"", rev)}, nil)
	}
	if loc := docRevisesLine.FindIndex(doc); loc != nil && m.DownRevision.Known() {
		actual := m.DownRevision.Values
		// a parent named by its file's name without .py (notifications-api's
		// "Revises: 0213_brand_colour_domain_", judged debatable three times)
		stems := map[string]string{}
		for _, parent := range p.parentsOf(p.Revision) {
			if parent != nil {
				stems[strings.TrimSuffix(filepath.Base(parent.Path), ".py")] = parent.ID
			}
		}
		said := docParents(m.DocRevises, actual, stems)
		if !sameSet(said, actual) && len(said) == 0 {
			p.ReportAt(lineSpan(m, m.DocSpan.Start+loc[0]), Message{
				Text: fmt.Sprintf("the docstring's \"Revises:\" line names no parent but down_revision is %s", describeParents(actual)),
				Help: fmt.Sprintf("Alembic uses the variable, readers take the header for a base. Write \"Revises: %s\"", strings.Join(actual, ", "))}, nil)
		} else if !sameSet(said, actual) {
			want := strings.Join(actual, ", ")
			p.ReportAt(lineSpan(m, m.DocSpan.Start+loc[0]), Message{
				Text: fmt.Sprintf("the docstring says \"Revises: %s\" but down_revision is %s", strings.Join(said, ", "), describeParents(actual)),
				Help: fmt.Sprintf("Alembic uses the variable, readers use the header (often left over from a rebase). Write "+
					"\"Revises: %s\"", want)}, nil)
		}
	}
	name := strings.TrimSuffix(filepath.Base(m.Path), ".py")
	if token := leadingToken(name); !strings.Contains(name, rev) && token != rev && revisionLike(token, rev) {
		p.ReportAt(m.Revision.Span, Message{
			Text: fmt.Sprintf("the file name `%s` starts with revision id %q but revision = %q", filepath.Base(m.Path), token, rev),
			Help: fmt.Sprintf("Alembic uses the variable, people look for the file by its name. Rename the file to %s_<slug>.py "+
				"so that both agree", rev)}, nil)
	}
}

// docParents reads the ids of a `Revises:` line: comma-separated, empty (or a
// placeholder such as None, "(none)", "-") for a base; ids have no spaces, so
// anything after one is a remark. A parent named by its file (a path or a file
// name, `versions/6a88424799fe_add_users.py`) stands for the revision id in it,
// and so does a parent's file name without `.py` (stems: by name, the id).
func docParents(line string, actual []string, stems map[string]string) []string {
	var out []string
	for _, part := range strings.Split(line, ",") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		id := strings.Trim(fields[0], `"'()<>[]`)
		if strings.HasPrefix(id, "#") {
			break // a remark
		}
		switch strings.ToLower(id) {
		case "", "none", "null", "nil", "-", "n/a", "empty", "base":
			continue
		}
		if parent, ok := stems[id]; ok {
			id = parent
		}
		out = append(out, revisionInFileName(id, actual))
	}
	return out
}

// revisionInFileName is the revision id a file path or name stands for: one of
// the actual parents when the name holds it, else the name's leading token; an
// id that is not a file name is returned as it is.
func revisionInFileName(id string, actual []string) string {
	if !strings.HasSuffix(id, ".py") && !strings.ContainsAny(id, `/\`) {
		return id
	}
	name := strings.TrimSuffix(filepath.Base(filepath.ToSlash(strings.ReplaceAll(id, `\`, "/"))), ".py")
	for _, a := range actual {
		if name == a || leadingToken(name) == a || strings.HasPrefix(name, a+"_") || strings.Contains(name, "_"+a+"_") {
			return a
		}
	}
	return leadingToken(name)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

func describeParents(ids []string) string {
	if len(ids) == 0 {
		return "None (a base)"
	}
	return `"` + strings.Join(ids, `", "`) + `"`
}

// leadingToken is the file name up to its first '_' or '-'.
func leadingToken(name string) string {
	if i := strings.IndexAny(name, "_-"); i >= 0 {
		return name[:i]
	}
	return name
}

// revisionLike reports whether a file name's leading token is clearly a revision
// id: Alembic's 12 hexadecimal characters, or the same shape as the revision
// (hexadecimal or decimal, same length).
func revisionLike(token, rev string) bool {
	if len(token) == 12 && hexID.MatchString(token) {
		return true
	}
	if len(token) != len(rev) || len(token) < 3 {
		return false
	}
	return hexID.MatchString(token) && hexID.MatchString(rev) || digitsID.MatchString(token) && digitsID.MatchString(rev)
}
