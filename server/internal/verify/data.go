package verify

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
)

// dataKey is a table (column "") or one of its columns.
type dataKey struct{ table, column string }

// snapshot counts, per table, its rows and the non-NULL values of each
// column; nil when it cannot be read.
func (v *verification) snapshot(ctx context.Context) map[dataKey]int64 {
	out := map[dataKey]int64{}
	err := v.withConn(ctx, func(conn *pgx.Conn) error {
		tables, err := catalogTables(ctx, conn)
		if err != nil {
			return err
		}
		for _, t := range tables {
			exprs := []string{"count(*)"}
			for _, c := range t.columns {
				exprs = append(exprs, "count("+pgx.Identifier{c.name}.Sanitize()+")")
			}
			counts := make([]int64, len(exprs))
			dest := make([]any, len(exprs))
			for i := range counts {
				dest[i] = &counts[i]
			}
			if err := conn.QueryRow(ctx, "SELECT "+strings.Join(exprs, ", ")+" FROM "+t.name).Scan(dest...); err != nil {
				return err
			}
			out[dataKey{t.shown, ""}] = counts[0]
			for i, c := range t.columns {
				out[dataKey{t.shown, c.name}] = counts[i+1]
			}
		}
		return nil
	})
	if err != nil {
		v.res.Notes = append(v.res.Notes, "the data could not be counted: "+err.Error())
		return nil
	}
	return out
}

// compare records the tables and columns with fewer rows or values at the
// second point than at the first.
func (v *verification) compare(before, after map[dataKey]int64, between string) {
	if before == nil || after == nil {
		return
	}
	keys := slices.Collect(maps.Keys(before))
	slices.SortFunc(keys, func(a, b dataKey) int { return strings.Compare(a.table+"\x00"+a.column, b.table+"\x00"+b.column) })
	deletes := v.deletes()
	for _, k := range keys {
		b := before[k]
		a, ok := after[k]
		switch {
		case !ok:
			continue // the table or column does not exist at both points: the migration means it
		case a >= b:
			v.res.DataKept++
			continue
		}
		dc := DataCheck{Table: k.table, Column: k.column, Between: between, Before: b, After: a, Status: "lost"}
		if why, ok := deletes[k.table]; ok {
			dc.Status, dc.Why = "expected", why
		}
		v.res.DataChecks = append(v.res.DataChecks, dc)
	}
}

// deletes are the tables whose data an operation of the migration destroys
// (either way), with the operation, per the review.
func (v *verification) deletes() map[string]string {
	out := map[string]string{}
	for _, rev := range v.plan.reviewed {
		for _, op := range rev.Operations {
			if op.DataLoss != "" && op.Table != "" {
				if _, seen := out[op.Table]; !seen {
					out[op.Table] = fmt.Sprintf("%s line %d (%s): %s", rev.Revision, op.Line, op.Function, op.DataLoss)
				}
			}
		}
	}
	return out
}

// comparison sets the review's predicted lock and rewrite per existing table
// beside what the trace observed.
func (v *verification) comparison() []LockComparison {
	type both struct{ predLock, obsLock, predRewrite, obsRewrite string }
	tables := map[string]*both{}
	get := func(t string) *both {
		if tables[t] == nil {
			tables[t] = &both{predRewrite: review.No, obsRewrite: review.No}
		}
		return tables[t]
	}
	created := map[string]bool{}
	for _, rev := range v.plan.reviewed {
		for _, op := range rev.Operations {
			if op.Function != "upgrade" || op.NewTable {
				continue
			}
			if strings.HasPrefix(op.Name, "create_table") {
				created[op.Table] = true
				continue
			}
			for _, l := range op.Locks {
				if l.Table == "" || created[l.Table] {
					continue
				}
				b := get(l.Table)
				if l.Mode == review.LockUnknown || b.predLock == review.LockUnknown {
					b.predLock = review.LockUnknown
				} else if rank[l.Mode] > rank[b.predLock] {
					b.predLock = l.Mode
				}
			}
			if op.Table != "" && !created[op.Table] && op.Rewrite != review.No {
				b := get(op.Table)
				if b.predRewrite != review.Yes {
					b.predRewrite = op.Rewrite
				}
			}
		}
	}
	for _, st := range v.res.LockTrace.Statements {
		for _, l := range st.Locks {
			if l.Kind != "table" || l.New {
				continue
			}
			if b := get(l.Relation); rank[l.Level] > rank[b.obsLock] {
				b.obsLock = l.Level
			}
		}
		for _, r := range st.Rewritten {
			get(r).obsRewrite = review.Yes
		}
	}
	traced := v.res.LockTrace.Status == "traced"
	out := []LockComparison{}
	for name, b := range tables {
		c := LockComparison{Table: name, PredictedLock: b.predLock, ObservedLock: b.obsLock, PredictedRewrite: b.predRewrite, ObservedRewrite: b.obsRewrite}
		// a partial trace did not see the statements after the failure: only a stronger observed lock disagrees then
		lockAgrees := b.predLock == b.obsLock || b.predLock == review.LockUnknown || (!traced && rank[b.obsLock] <= rank[b.predLock])
		rewriteAgrees := b.predRewrite == b.obsRewrite || b.predRewrite == review.Unknown || (!traced && b.obsRewrite == review.No)
		c.Agree = lockAgrees && rewriteAgrees
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b LockComparison) int { return strings.Compare(a.Table, b.Table) })
	return out
}
