package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// What the operations add up to for one revision: the summary, the deploy
// order and the recommendations.

// summarize condenses the upgrade; created are the tables the upgrade creates.
func summarize(down *migration.Function, ups, downs []*analysed, created map[string]bool) Summary {
	s := Summary{BlocksReads: []string{}, BlocksWrites: []string{}, Rewrites: []string{}, Scans: []string{}, DataLoss: []string{}}
	add := func(list []string, t string) []string {
		if t == "" || created[t] || slices.Contains(list, t) {
			return list
		}
		return append(list, t)
	}
	for _, a := range ups {
		for _, l := range a.out.Locks {
			if l.Table == "" || created[l.Table] || l.Mode == LockUnknown {
				continue
			}
			if s.StrongestLock == "" || stronger(l.Mode, s.StrongestLock) {
				s.StrongestLock = l.Mode
			}
			if l.BlocksReads {
				s.BlocksReads = add(s.BlocksReads, l.Table)
			}
			if l.BlocksWrites {
				s.BlocksWrites = add(s.BlocksWrites, l.Table)
			}
		}
		if a.out.Rewrite == Yes {
			s.Rewrites = add(s.Rewrites, a.out.Table)
		}
		if a.out.Scan == Yes {
			s.Scans = add(s.Scans, a.out.Table)
		}
		s.DataLoss = append(s.DataLoss, a.f.dataLoss...)
	}
	for _, a := range slices.Concat(ups, downs) {
		switch a.out.Effect {
		case EffectUnknown:
			s.Unknown++
		case EffectConditional:
			s.Conditional++
		}
	}
	s.Downgrade = downgradeStatus(down, ups)
	return s
}

func downgradeStatus(down *migration.Function, ups []*analysed) string {
	if !slices.ContainsFunc(ups, func(a *analysed) bool { return a.out.Reversal.Status != NotNeeded }) {
		return "complete" // nothing to undo (a merge revision, a session setting)
	}
	switch {
	case down == nil:
		return "missing"
	case down.Kind == migration.BodyEmpty:
		return "empty"
	case down.Kind == migration.BodyRaise:
		return "raises"
	}
	status := "complete"
	for _, a := range ups {
		switch a.out.Reversal.Status {
		case NotReversed, Irreversible, Partial:
			return "incomplete"
		case Unknown:
			status = "unknown"
		}
	}
	return status
}

// deployOrder places the migration relative to the application change.
func deployOrder(ups []*analysed) DeployOrder {
	var added, removed, tightened []string
	var unknown []int
	for _, a := range ups {
		if a.out.Effect == EffectUnknown {
			unknown = append(unknown, a.out.Line)
			continue
		}
		for _, s := range a.f.added {
			added = appendNew(added, s)
		}
		for _, s := range a.f.removed {
			removed = appendNew(removed, s)
		}
		for _, s := range a.f.constrained {
			tightened = appendNew(tightened, s)
		}
	}
	after := func() string {
		var parts []string
		if len(removed) > 0 {
			parts = append(parts, "the application no longer uses "+strings.Join(removed, ", "))
		}
		if len(tightened) > 0 {
			parts = append(parts, "the application always satisfies "+strings.Join(tightened, ", "))
		}
		return strings.Join(parts, " and ")
	}
	switch {
	case len(unknown) > 0:
		return DeployOrder{When: DeployUnknown, Text: fmt.Sprintf("Cannot tell: the effect of %s is unknown. Decide by hand from what the code does.", linesText(unknown))}
	case len(added) > 0 && (len(removed) > 0 || len(tightened) > 0):
		return DeployOrder{When: DeploySplit, Text: fmt.Sprintf("Split it: %s can go before the application change; the rest only once %s.", strings.Join(added, ", "), after())}
	case len(added) > 0:
		return DeployOrder{When: DeployBefore, Text: fmt.Sprintf("Deploy before the application change that uses %s: running code does not use it yet.", strings.Join(added, ", "))}
	case len(removed) > 0 || len(tightened) > 0:
		return DeployOrder{When: DeployAfter, Text: "Deploy after the application change, once " + after() + "."}
	}
	return DeployOrder{When: DeployAny, Text: "Independent of the application: nothing running code relies on is added, removed or constrained."}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// recommend lists the advice for one revision.
func recommend(rev *Revision, ups []*analysed, created map[string]bool, pg int, postgres bool) []Recommendation {
	var out []Recommendation
	add := func(kind string, lines []int, format string, args ...any) {
		text := fmt.Sprintf(format, args...)
		for i := range out {
			if out[i].Kind == kind && out[i].Text == text {
				out[i].Lines = append(out[i].Lines, lines...)
				return
			}
		}
		out = append(out, Recommendation{Kind: kind, Text: text, Lines: list(lines)})
	}
	unknownAndConditional(rev, add)
	if rev.DeployOrder.When == DeploySplit {
		splitAdvice(ups, add)
	}
	if postgres {
		for _, a := range ups {
			for _, alt := range a.f.online {
				add(KindOnline, []int{a.out.Line}, "%s", capitalize(alt)+".")
			}
		}
		lockAdvice(ups, created, add)
		for _, a := range ups {
			if a.f.backfill && a.out.Transaction != "autocommit" {
				add(KindBackfill, []int{a.out.Line}, "On a large table, backfill in batches (for example by primary-key ranges, each batch committed on its own: in autocommit_block() or a script run outside the migration) instead of one UPDATE/DELETE that keeps every row it touches locked until the migration commits.")
			}
			if slices.ContainsFunc(a.f.creates, func(x string) bool { return strings.HasPrefix(x, "values:") }) && a.out.Transaction != "autocommit" {
				why := "from PostgreSQL 12 it runs in a transaction, but the value cannot be used before the transaction commits"
				if pg < 12 {
					why = fmt.Sprintf("PostgreSQL %d refuses it inside a transaction block", pg)
				}
				add(KindEnum, []int{a.out.Line}, "Run ALTER TYPE ... ADD VALUE IF NOT EXISTS inside op.get_context().autocommit_block(): %s.", why)
			}
		}
	}
	downgradeAdvice(rev, ups, add)
	for _, f := range rev.Findings {
		if f.Fix == nil {
			continue
		}
		how := "alembic-patterns fix"
		if f.Fix.Safety != "safe" {
			how = "alembic-patterns fix --unsafe"
		}
		add(KindFix, []int{f.Line}, "%s: %s (`%s`).", f.Rule, f.Fix.Description, how)
	}
	return list(out)
}

// splitAdvice says which operations go in the expand and the contract revision.
func splitAdvice(ups []*analysed, add func(string, []int, string, ...any)) {
	var first, second, both []int
	for _, a := range ups {
		adds, restricts := len(a.f.added) > 0, len(a.f.removed)+len(a.f.constrained) > 0
		switch {
		case adds && restricts:
			both = append(both, a.out.Line)
		case adds:
			first = append(first, a.out.Line)
		case restricts:
			second = append(second, a.out.Line)
		}
	}
	var parts []string
	if len(first) > 0 {
		parts = append(parts, linesText(first)+" in a first revision, deployed before the application change")
	}
	if len(second) > 0 {
		parts = append(parts, linesText(second)+" in a second revision, deployed once the application no longer needs what it removes and always satisfies what it constrains")
	}
	if len(both) > 0 {
		parts = append(parts, linesText(both)+" adds a column and constrains it at once: add it nullable in the first revision, and make it NOT NULL in the second once the application writes it")
	}
	add(KindSplit, slices.Concat(first, second, both), "Split the revision in two (expand / contract): %s.", strings.Join(parts, "; "))
}

func unknownAndConditional(rev *Revision, add func(string, []int, string, ...any)) {
	for _, o := range rev.Operations {
		switch o.Effect {
		case EffectUnknown:
			add(KindUnknown, []int{o.Line}, "Review line %d by hand (%s %s): %s.", o.Line, o.Function, o.Name, o.EffectReason)
		case EffectConditional:
			add(KindUnknown, []int{o.Line}, "Line %d runs only under a condition (%s): the review describes it as if it runs; check every path.", o.Line, o.EffectReason)
		}
	}
}

// lockAdvice: lock_timeout, and locks held while later statements run.
func lockAdvice(ups []*analysed, created map[string]bool, add func(string, []int, string, ...any)) {
	var blocking []int
	var firstTables []string
	timeout := false
	for _, a := range ups {
		timeout = timeout || a.f.lockTimeout
		for _, l := range a.out.Locks {
			if l.Table != "" && !created[l.Table] && (l.BlocksWrites || l.BlocksReads) {
				blocking = appendNewInt(blocking, a.out.Line)
				firstTables = appendNew(firstTables, l.Table)
			}
		}
	}
	if len(blocking) > 0 && !timeout {
		add(KindLockTimeout, blocking, "Set a lock_timeout first (op.execute(\"SET lock_timeout = '5s'\") at the top of upgrade(), or in env.py) and retry on timeout: while a statement waits for its lock, every later query on the table queues behind it (here: %s).", strings.Join(firstTables, ", "))
	}
	var holder *analysed
	var held Lock
	var during []int
	flush := func() {
		if len(during) > 0 {
			add(KindTransaction, append([]int{holder.out.Line}, during...), "The %s lock on %s taken at line %d is held until the migration commits, so also while %s read, rewrite or update every row: put the slow steps in their own revision (with transaction_per_migration=True) or in autocommit_block(), or run them before taking the lock.", held.Mode, held.Table, holder.out.Line, linesText(during))
		}
		holder, during = nil, nil
	}
	for _, a := range ups {
		if a.out.Transaction == "autocommit" {
			flush() // autocommit_block() commits the migration transaction first
			continue
		}
		if holder != nil && (a.out.Scan == Yes || a.out.Rewrite == Yes || a.f.backfill) {
			during = append(during, a.out.Line)
		}
		if holder == nil {
			for _, l := range a.out.Locks {
				if l.Table != "" && !created[l.Table] && (l.BlocksWrites || l.BlocksReads) {
					holder, held = a, l
					break
				}
			}
		}
	}
	flush()
}

func appendNewInt(list []int, n int) []int {
	if slices.Contains(list, n) {
		return list
	}
	return append(list, n)
}

func downgradeAdvice(rev *Revision, ups []*analysed, add func(string, []int, string, ...any)) {
	var notReversed, irreversible []int
	var losses []string
	var lossLines, gone []int
	for _, a := range ups {
		switch r := a.out.Reversal; r.Status {
		case NotReversed:
			notReversed = append(notReversed, a.out.Line)
		case Irreversible:
			irreversible = append(irreversible, a.out.Line)
		case Partial:
			add(KindDowngrade, []int{a.out.Line}, "The downgrade leaves %s behind (created at line %d): undo it as well.", r.LeftBehind, a.out.Line)
			fallthrough
		case Reversed:
			if r.DataLoss != "" {
				losses = append(losses, r.DataLoss)
				lossLines = append(lossLines, a.out.Line)
			}
			if r.NotRestored != "" {
				gone = append(gone, a.out.Line)
			}
		}
	}
	switch rev.Summary.Downgrade {
	case "missing", "empty":
		add(KindDowngrade, nil, "downgrade() is %s: this revision cannot be rolled back. Write the inverse operations, or raise NotImplementedError to make that explicit.", rev.Summary.Downgrade)
	case "raises":
		add(KindDowngrade, nil, "downgrade() raises: rolling back stops here by design.")
	}
	if len(notReversed) > 0 {
		add(KindDowngrade, notReversed, "The downgrade does not undo line %s: add the inverse operations to downgrade().", joinInts(notReversed))
	}
	if len(irreversible) > 0 && rev.Summary.Downgrade != "raises" {
		add(KindDowngrade, irreversible, "PostgreSQL cannot drop an enum value: to undo line %s the downgrade must rebuild the type (rename it, create it without the value, convert the columns with USING, drop the old type) after moving the rows that use the value.", joinInts(irreversible))
	}
	if len(gone) > 0 {
		add(KindDowngrade, gone, "Rolling back does not bring back the data dropped at %s: copy it first if it may be needed.", linesText(gone))
	}
	if len(losses) > 0 {
		add(KindDowngrade, lossLines, "Running the downgrade loses %s.", strings.Join(losses, "; "))
	}
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
