package mcpserver

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

// maxListed bounds each list of a tool's structured result, which a model
// reads whole (3,000 heads made check_migration return 3,000 findings).
// Counts and summaries still count everything.
const maxListed = 200

// How a model sees what a capped list left out.
const (
	narrowTarget = "narrow the target (a revision id or prefix, a file, or a range A:B) to see the others"
	checkAll     = "`alembic-patterns check` lists all of them"
)

// capped keeps at most maxListed items of list: the first ones, or the last
// ones when last is set; a note on notes says what was left out and how to see it.
func capped[T any](list []T, last bool, what, how string, notes *[]string) []T {
	if len(list) <= maxListed {
		return list
	}
	which := "first"
	kept := list[:maxListed]
	if last {
		which, kept = "last", list[len(list)-maxListed:]
	}
	*notes = append(*notes, fmt.Sprintf("%d %s; the %s %d are listed: %s", len(list), what, which, maxListed, how))
	return kept
}

// cappedHistory bounds the lists of show_history's document: per script
// directory its heads, bases, merges and problems, and the revisions nearest
// the heads.
func cappedHistory(doc report.HistoryDocument) report.HistoryDocument {
	const how = "`alembic-patterns history --format json` lists all of them"
	notes := append([]string{}, doc.Notes...)
	dirs := make([]report.HistoryDirectory, len(doc.ScriptDirectories))
	for i, d := range doc.ScriptDirectories {
		in := " in " + d.Path
		d.Heads = capped(d.Heads, false, "heads"+in, how, &notes)
		d.Bases = capped(d.Bases, false, "bases"+in, how, &notes)
		d.Merges = capped(d.Merges, true, "merges"+in, how, &notes)
		d.Problems = capped(d.Problems, false, "problems"+in, how, &notes)
		d.Revisions = capped(d.Revisions, true, "revisions"+in+" (in graph order)", how, &notes)
		dirs[i] = d
	}
	doc.ScriptDirectories = dirs
	doc.Errors = capped(doc.Errors, false, "files could not be read", how, &notes)
	doc.Notes = cappedNotes(notes)
	return doc
}

// cappedNotes keeps maxListed notes, the last saying how many more there were.
func cappedNotes(notes []string) []string {
	if len(notes) <= maxListed {
		return notes
	}
	return append(notes[:maxListed-1:maxListed-1], fmt.Sprintf("... and %d more notes", len(notes)-maxListed+1))
}
