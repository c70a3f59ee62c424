package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
)

// Phrases shared by the text and Markdown renderings.

func versionText(a Assumptions) string {
	if a.PostgresVersion == 0 {
		return "dialect " + a.Dialect
	}
	from := map[string]string{"option": "given", "project": "project setting", "assumed": "assumed, not configured"}[a.PostgresVersionFrom]
	return fmt.Sprintf("PostgreSQL %d (%s)", a.PostgresVersion, from)
}

func historyText(h HistoryInfo) string {
	var parts []string
	switch {
	case h.IsBase:
		parts = append(parts, "base revision")
	case h.IsMerge:
		parts = append(parts, "merges "+strings.Join(h.Parents, " + "))
	default:
		parts = append(parts, "parent "+strings.Join(h.Parents, ", "))
	}
	if h.IsHead {
		parts = append(parts, "head")
	} else {
		above := strings.Join(h.Descendants, ", ")
		if h.DescendantCount > len(h.Descendants) {
			above += ", ..."
		}
		heads := orNone(h.Heads)
		if h.HeadCount > len(h.Heads) {
			heads += fmt.Sprintf(", ... (%d heads)", h.HeadCount)
		}
		parts = append(parts, fmt.Sprintf("not a head (%s above it: %s; heads: %s)", brief.Count(h.DescendantCount, "revision", "revisions"), above, heads))
	}
	if len(h.DependsOn) > 0 {
		parts = append(parts, "depends on "+strings.Join(h.DependsOn, ", "))
	}
	if len(h.DependedOnBy) > 0 {
		parts = append(parts, "depended on by "+strings.Join(h.DependedOnBy, ", "))
	}
	if len(h.BranchLabels) > 0 {
		parts = append(parts, "branch "+strings.Join(h.BranchLabels, ", "))
	}
	return strings.Join(parts, "; ")
}

func summaryText(s Summary) string {
	lock := s.StrongestLock
	if lock == "" {
		lock = "none on existing tables"
	}
	parts := []string{"strongest lock " + lock}
	if len(s.BlocksReads) > 0 {
		parts = append(parts, "blocks reads of "+strings.Join(s.BlocksReads, ", "))
	}
	if len(s.BlocksWrites) > 0 {
		parts = append(parts, "blocks writes to "+strings.Join(s.BlocksWrites, ", "))
	}
	parts = append(parts, "rewrites "+orNone(s.Rewrites), "scans "+orNone(s.Scans), "downgrade "+s.Downgrade)
	if s.Unknown > 0 {
		parts = append(parts, brief.Count(s.Unknown, "unknown operation", "unknown operations"))
	}
	if s.Conditional > 0 {
		parts = append(parts, brief.Count(s.Conditional, "conditional operation", "conditional operations"))
	}
	return strings.Join(parts, "; ")
}

func lockText(l Lock) string {
	on := l.Table
	if on == "" {
		on = "a table not known statically"
	}
	if l.Mode == LockUnknown {
		return "unknown lock on " + on
	}
	held := "until the migration commits"
	if l.HeldUntil == "statement" {
		held = "for the statement"
	}
	return fmt.Sprintf("%s on %s (%s) %s", l.Mode, on, blocking(l.Mode), held)
}

func locksText(o Operation) string {
	switch {
	case len(o.Locks) == 0 && o.Effect == EffectUnknown:
		return "unknown"
	case len(o.Locks) == 0:
		return "no table lock"
	}
	parts := make([]string, len(o.Locks))
	for i, l := range o.Locks {
		parts[i] = lockText(l)
	}
	s := strings.Join(parts, "; ")
	if o.NewTable {
		s += " [new table]"
	}
	return s
}

// reversalText says how the downgrade treats an upgrade operation.
func reversalText(r *Reversal) string {
	var s string
	switch r.Status {
	case Reversed:
		s = fmt.Sprintf("undone by downgrade line %d", r.Line)
	case Partial:
		s = fmt.Sprintf("partly undone by downgrade line %d, which leaves %s behind", r.Line, r.LeftBehind)
	case Unknown:
		s = "unknown whether the downgrade undoes it"
		if r.Line > 0 {
			s += fmt.Sprintf(" (downgrade line %d changes the same rows)", r.Line)
		}
	case NotReversed:
		s = "not undone by the downgrade"
	case Irreversible:
		s = "cannot be undone"
	case NoDowngrade:
		s = "no downgrade"
	case NotNeeded:
		s = "nothing to undo"
	}
	if r.NotRestored != "" {
		s += " (" + r.NotRestored + ")"
	}
	if r.DataLoss != "" {
		s += "; a downgrade loses " + r.DataLoss
	}
	return s
}

func linesText(lines []int) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("line %d", lines[0])
	}
	return "lines " + joinInts(lines)
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

func usesText(u ObjectUse) string {
	s := u.Name + ": " + strings.Join(u.Here, ", ")
	if len(u.Users) > 0 {
		s += "; used by " + strings.Join(u.Users, ", ")
	}
	if len(u.Others) == 0 {
		return s + "; no other revision"
	}
	others := make([]string, len(u.Others))
	for i, o := range u.Others {
		others[i] = o.Revision + " (" + strings.Join(o.Operations, ", ") + ")"
	}
	if u.OthersCount > len(u.Others) {
		others = append(others, fmt.Sprintf("and %d more", u.OthersCount-len(u.Others)))
	}
	return s + "; also " + strings.Join(others, ", ")
}
