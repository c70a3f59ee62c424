package verify

import (
	"fmt"
	"io"
	"strings"
)

// verdict is the one-line outcome.
func (r *Result) verdict() string {
	switch {
	case r.Passed:
		return fmt.Sprintf("PASSED: %s round trip from %s on PostgreSQL %s", r.Revision, r.Parent, r.Database.Version)
	case r.Misses > 0:
		return fmt.Sprintf("FAILED: %s (%d failure(s) no rule predicted: please report them)", r.Revision, r.Misses)
	}
	return fmt.Sprintf("FAILED: %s round trip from %s on PostgreSQL %s", r.Revision, r.Parent, r.Database.Version)
}

// Text writes the result for people.
func Text(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "verify %s (revision %s, parent %s)\n", r.Target, r.Revision, r.Parent)
	fmt.Fprintf(&b, "database: %s %s, PostgreSQL %s; env.py follows %s; removed afterwards: %v\n\n",
		r.Database.Where, r.Database.Name, r.Database.Version, r.Database.URLMechanism, r.Database.Removed)
	for _, s := range r.Steps {
		fmt.Fprintf(&b, "%-14s %-7s %s", s.Name, s.Status, s.Command)
		if s.Seconds > 0 {
			fmt.Fprintf(&b, " (%.1fs)", s.Seconds)
		}
		b.WriteString("\n")
		if s.Status == Failed {
			writeFailure(&b, s, "    ")
		}
	}
	for _, t := range r.Seed.Tables {
		if t.Error != "" {
			fmt.Fprintf(&b, "    seed: %s left empty: %s\n", t.Table, firstLineOf(t.Error))
		}
	}
	if len(r.DataChecks) > 0 || r.DataKept > 0 {
		fmt.Fprintf(&b, "\ndata: %d checks held\n", r.DataKept)
		for _, d := range r.DataChecks {
			fmt.Fprintf(&b, "  %s %s: %d -> %d (%s)", d.Status, dataName(d), d.Before, d.After, d.Between)
			if d.Why != "" {
				fmt.Fprintf(&b, " -- %s", d.Why)
			}
			b.WriteString("\n")
		}
	}
	writeTrace(&b, r.LockTrace)
	if len(r.Comparison) > 0 {
		b.WriteString("\npredicted vs observed (per existing table):\n")
		for _, c := range r.Comparison {
			mark := "agree"
			if !c.Agree {
				mark = "DISAGREE (a bug in the lock table: please report it)"
			}
			fmt.Fprintf(&b, "  %s: lock %s / %s, rewrite %s / %s: %s\n", c.Table, orNone(c.PredictedLock), orNone(c.ObservedLock),
				c.PredictedRewrite, c.ObservedRewrite, mark)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	fmt.Fprintf(&b, "\n%s\n", r.verdict())
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFailure(b *strings.Builder, s Step, indent string) {
	if s.FailedRevision != "" {
		fmt.Fprintf(b, "%sfailed running revision %s\n", indent, s.FailedRevision)
	}
	if s.Error != "" {
		fmt.Fprintf(b, "%serror: %s\n", indent, strings.ReplaceAll(s.Error, "\n", "\n"+indent+"       "))
	}
	if s.SQL != "" {
		fmt.Fprintf(b, "%ssql:   %s\n", indent, s.SQL)
	}
	switch {
	case len(s.PredictedBy) > 0:
		fmt.Fprintf(b, "%spredicted by: %s\n", indent, strings.Join(s.PredictedBy, ", "))
	case s.Miss:
		fmt.Fprintf(b, "%sMISS: no rule predicted this failure\n", indent)
	}
	for _, d := range s.Diagnoses {
		if d.Known {
			fmt.Fprintf(b, "%sfix: %s\n", indent, d.Fix)
		}
	}
}

func writeTrace(b *strings.Builder, t Trace) {
	fmt.Fprintf(b, "\nlock trace: %s", t.Status)
	if t.Reason != "" {
		fmt.Fprintf(b, " (%s)", t.Reason)
	}
	b.WriteString("\n")
	for _, s := range t.Statements {
		fmt.Fprintf(b, "  %s\n", oneLine(s.SQL))
		if !s.Traced {
			fmt.Fprintf(b, "    not traced: %s\n", s.NotTraced)
		}
		if s.Error != "" {
			fmt.Fprintf(b, "    error: %s\n", firstLineOf(s.Error))
		}
		for _, l := range s.Locks {
			if l.Kind == "index" || l.New {
				continue
			}
			fmt.Fprintf(b, "    %s %s on %s %s: blocks %s\n", predictedWord(l), l.Mode, l.Kind, l.Relation, orNone(strings.Join(l.Blocks, ", ")))
		}
		for _, r := range s.Rewritten {
			fmt.Fprintf(b, "    rewrites %s\n", r)
		}
	}
}

func predictedWord(l ObservedLock) string {
	if l.Predicted {
		return "predicted"
	}
	return "holds"
}

// Markdown writes the result for a pull request or an agent.
func Markdown(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## alembic-patterns verify: %s\n\n**%s**\n\n", r.Revision, r.verdict())
	fmt.Fprintf(&b, "Scratch database: %s `%s` (PostgreSQL %s), env.py follows %s, removed afterwards: %v.\n\n",
		r.Database.Where, r.Database.Name, r.Database.Version, r.Database.URLMechanism, r.Database.Removed)
	b.WriteString("| step | status | command | error | predicted by |\n|---|---|---|---|---|\n")
	for _, s := range r.Steps {
		pred := strings.Join(s.PredictedBy, ", ")
		if s.Miss {
			pred = "**miss**"
		}
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s |\n", s.Name, s.Status, s.Command, cell(firstLineOf(s.Error)), pred)
	}
	if len(r.DataChecks) > 0 {
		b.WriteString("\n| data | status | before | after | between |\n|---|---|---|---|---|\n")
		for _, d := range r.DataChecks {
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %s |\n", dataName(d), d.Status, d.Before, d.After, d.Between)
		}
	}
	fmt.Fprintf(&b, "\n### Lock trace (%s)\n\n", r.LockTrace.Status)
	if r.LockTrace.Reason != "" {
		fmt.Fprintf(&b, "%s\n\n", r.LockTrace.Reason)
	}
	if len(r.LockTrace.Statements) > 0 {
		b.WriteString("| statement | locks | blocks | rewrites |\n|---|---|---|---|\n")
		for _, s := range r.LockTrace.Statements {
			var locks, blocks []string
			for _, l := range s.Locks {
				if l.Kind == "index" || l.New {
					continue
				}
				locks = append(locks, fmt.Sprintf("%s %s%s", l.Mode, l.Relation, map[bool]string{true: " (predicted)"}[l.Predicted]))
				blocks = append(blocks, l.Relation+": "+orNone(strings.Join(l.Blocks, ", ")))
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", cell(oneLine(s.SQL)), cell(strings.Join(locks, "; ")), cell(strings.Join(blocks, "; ")), strings.Join(s.Rewritten, ", "))
		}
	}
	if len(r.Comparison) > 0 {
		b.WriteString("\n| table | predicted lock | observed lock | predicted rewrite | observed rewrite | agree |\n|---|---|---|---|---|---|\n")
		for _, c := range r.Comparison {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %v |\n", c.Table, orNone(c.PredictedLock), orNone(c.ObservedLock), c.PredictedRewrite, c.ObservedRewrite, c.Agree)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\n> %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dataName(d DataCheck) string {
	if d.Column == "" {
		return d.Table + " (rows)"
	}
	return d.Table + "." + d.Column
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func oneLine(s string) string {
	s = spaces.ReplaceAllString(strings.TrimSpace(s), " ")
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return s
}

func firstLineOf(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return first
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
