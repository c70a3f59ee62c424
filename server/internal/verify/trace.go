package verify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// Trace is what the target's upgrade SQL did, statement by statement, inside
// one transaction at the parent (then rolled back).
type Trace struct {
	// Status: traced, partial (a statement failed: the rest was not run) or
	// skipped (offline SQL mode could not render the migration).
	Status     string            `json:"status" jsonschema:"traced / partial (a statement failed; later ones not run) / skipped (see reason)"`
	Reason     string            `json:"reason,omitempty" jsonschema:"why the trace is skipped or partial"`
	Command    string            `json:"command,omitempty" jsonschema:"the alembic command that rendered the SQL"`
	Statements []TracedStatement `json:"statements" jsonschema:"each statement of the upgrade, in order"`
}

// TracedStatement is one statement and what it did.
type TracedStatement struct {
	SQL string `json:"sql"`
	// Traced is false for statements that cannot run inside a transaction
	// (CONCURRENTLY, VACUUM): their locks are the static prediction.
	Traced    bool           `json:"traced" jsonschema:"false when the statement cannot run inside a transaction (CONCURRENTLY, VACUUM): locks are then the static prediction"`
	NotTraced string         `json:"not_traced,omitempty" jsonschema:"why the statement was not run"`
	Error     string         `json:"error,omitempty" jsonschema:"PostgreSQL's error, verbatim, when the statement failed"`
	Locks     []ObservedLock `json:"locks" jsonschema:"locks the statement took (new in this statement), or the predicted ones when not traced"`
	Rewritten []string       `json:"rewritten" jsonschema:"tables whose storage was replaced (relfilenode changed): a full rewrite"`
	Rebuilt   []string       `json:"rebuilt_indexes" jsonschema:"indexes whose storage was replaced (rebuilt with the table, or reindexed)"`
	Created   []string       `json:"created" jsonschema:"tables and indexes the statement created"`
}

// ObservedLock is a lock held on a relation after a statement.
type ObservedLock struct {
	Relation string `json:"relation" jsonschema:"the table, index or sequence (schema-qualified unless public)"`
	Kind     string `json:"kind" jsonschema:"table / index / sequence / view / other"`
	// Mode is pg_locks' name (ShareLock); Level is the review's (SHARE).
	Mode   string   `json:"mode" jsonschema:"lock mode as pg_locks names it (AccessExclusiveLock, ShareLock, ...)"`
	Level  string   `json:"level" jsonschema:"the same mode as the review names it (ACCESS EXCLUSIVE, SHARE, ...)"`
	Blocks []string `json:"blocks" jsonschema:"ordinary statements on the relation that wait while the lock is held: SELECT, SELECT FOR UPDATE, INSERT/UPDATE/DELETE, DDL"`
	New    bool     `json:"new" jsonschema:"the relation was created earlier in the same transaction: no other session can use it yet"`
	// Predicted: the lock is the static prediction (statement not traced).
	Predicted bool `json:"predicted" jsonschema:"true when this is the static prediction for a statement that was not run"`
}

// levels maps pg_locks' mode names to the review's.
var levels = map[string]string{
	"AccessShareLock": review.AccessShare, "RowShareLock": review.RowShare, "RowExclusiveLock": review.RowExclusive,
	"ShareUpdateExclusiveLock": review.ShareUpdateExclusive, "ShareLock": review.Share,
	"ShareRowExclusiveLock": review.ShareRowExclusive, "ExclusiveLock": review.Exclusive, "AccessExclusiveLock": review.AccessExclusive,
}

// modeOf is the inverse of levels.
func modeOf(level string) string {
	for m, l := range levels {
		if l == level {
			return m
		}
	}
	return level
}

var rank = map[string]int{review.AccessShare: 1, review.RowShare: 2, review.RowExclusive: 3, review.ShareUpdateExclusive: 4,
	review.Share: 5, review.ShareRowExclusive: 6, review.Exclusive: 7, review.AccessExclusive: 8}

// ordinary statements and the lock each requests (PostgreSQL's conflict table).
var ordinary = []struct{ what, level string }{
	{"SELECT", review.AccessShare},
	{"SELECT FOR UPDATE", review.RowShare},
	{"INSERT/UPDATE/DELETE", review.RowExclusive},
	{"DDL", review.AccessExclusive},
}

// conflicts is PostgreSQL's table of conflicting lock modes.
var conflicts = map[string][]string{
	review.AccessShare:          {review.AccessExclusive},
	review.RowShare:             {review.Exclusive, review.AccessExclusive},
	review.RowExclusive:         {review.Share, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
	review.ShareUpdateExclusive: {review.ShareUpdateExclusive, review.Share, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
	review.Share:                {review.RowExclusive, review.ShareUpdateExclusive, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
	review.ShareRowExclusive:    {review.RowExclusive, review.ShareUpdateExclusive, review.Share, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
	review.Exclusive:            {review.RowShare, review.RowExclusive, review.ShareUpdateExclusive, review.Share, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
	review.AccessExclusive:      {review.AccessShare, review.RowShare, review.RowExclusive, review.ShareUpdateExclusive, review.Share, review.ShareRowExclusive, review.Exclusive, review.AccessExclusive},
}

// blocked lists the ordinary statements a lock at level makes wait.
func blocked(level string) []string {
	out := []string{}
	for _, o := range ordinary {
		if slices.Contains(conflicts[level], o.level) {
			out = append(out, o.what)
		}
	}
	return out
}

// notInTransaction matches statements PostgreSQL refuses inside a transaction block.
var notInTransaction = regexp.MustCompile(`(?is)^\s*(VACUUM\b|CREATE\s+DATABASE\b|DROP\s+DATABASE\b|ALTER\s+SYSTEM\b|CLUSTER\s*$|(CREATE|DROP|REINDEX)\b.*\bCONCURRENTLY\b|ALTER\s+TABLE\b.*\bDETACH\s+PARTITION\b.*\bCONCURRENTLY\b)`)

// skipped are statements that are not the migration's own: transaction
// control and alembic's bookkeeping.
var skipped = regexp.MustCompile(`(?is)^\s*(BEGIN|COMMIT|START\s+TRANSACTION|END|ROLLBACK|SET\s+(LOCAL\s+)?(lock_timeout|statement_timeout))\b|\balembic_version\b`)

// statements splits the offline SQL into statements (comments dropped).
func statements(sql string) ([]string, error) {
	res := sqlparse.Parse(sql)
	if res.Err != nil {
		return nil, fmt.Errorf("PostgreSQL's parser cannot read the offline SQL: %s", res.Err.Message)
	}
	var out []string
	for _, st := range res.Statements {
		text := strings.TrimSpace(stripComments(sql[st.Start:st.End]))
		if text == "" || skipped.MatchString(text) {
			continue
		}
		out = append(out, text)
	}
	return out, nil
}

// stripComments removes whole-line -- comments (alembic's "-- Running upgrade").
func stripComments(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// relation is one user relation of the database.
type relation struct {
	name, kind string
	filenode   uint32
}

const relationsQuery = `
SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, c.relfilenode::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'i', 'I', 'S', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`

func relations(ctx context.Context, tx pgx.Tx) (map[int64]relation, error) {
	rows, err := tx.Query(ctx, relationsQuery)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]relation{}
	for rows.Next() {
		var oid, node int64
		var schema, name, kind string
		if err := rows.Scan(&oid, &schema, &name, &kind, &node); err != nil {
			return nil, err
		}
		out[oid] = relation{name: shownName(schema, name), kind: kindName(kind), filenode: uint32(node)}
	}
	return out, rows.Err()
}

func kindName(relkind string) string {
	switch relkind {
	case "r", "p":
		return "table"
	case "i", "I":
		return "index"
	case "S":
		return "sequence"
	case "m", "v":
		return "view"
	}
	return "other"
}

type heldLock struct {
	oid  int64
	mode string
}

func locks(ctx context.Context, tx pgx.Tx) ([]heldLock, error) {
	rows, err := tx.Query(ctx, `SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []heldLock
	for rows.Next() {
		var l heldLock
		if err := rows.Scan(&l.oid, &l.mode); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// trace runs the statements in one transaction and rolls it back. predict
// gives the static locks of a statement that cannot run in a transaction.
func trace(ctx context.Context, conn *pgx.Conn, stmts []string, predict func(sql string) []ObservedLock) (*Trace, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.Background())
	before, err := relations(ctx, tx)
	if err != nil {
		return nil, err
	}
	known := maps.Clone(before)
	held := map[heldLock]bool{}
	if ls, err := locks(ctx, tx); err == nil {
		for _, l := range ls {
			held[l] = true
		}
	}
	tr := &Trace{Status: "traced", Statements: []TracedStatement{}}
	for _, sql := range stmts {
		st := TracedStatement{SQL: sql, Locks: []ObservedLock{}, Rewritten: []string{}, Rebuilt: []string{}, Created: []string{}}
		if notInTransaction.MatchString(sql) {
			st.NotTraced = "cannot run inside a transaction block (it commits on its own): the locks shown are the static prediction"
			st.Locks = predict(sql)
			tr.Statements = append(tr.Statements, st)
			continue
		}
		st.Traced = true
		if _, err := tx.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			st.Error = pgError(err)
			tr.Statements = append(tr.Statements, st)
			tr.Status, tr.Reason = "partial", "a statement failed: the statements after it were not run"
			return tr, nil
		}
		now, err := relations(ctx, tx)
		if err != nil {
			return nil, err
		}
		ls, err := locks(ctx, tx)
		if err != nil {
			return nil, err
		}
		for oid, r := range now {
			old, existed := known[oid]
			switch {
			case !existed:
				st.Created = append(st.Created, r.name)
			case old.filenode != r.filenode && r.kind == "table":
				st.Rewritten = append(st.Rewritten, r.name)
			case old.filenode != r.filenode && r.kind == "index":
				st.Rebuilt = append(st.Rebuilt, r.name)
			}
		}
		for _, l := range ls {
			if held[l] {
				continue
			}
			held[l] = true
			r, ok := known[l.oid] // by its name before the statement (a renamed table keeps the name the migration locked it by)
			if !ok {
				r, ok = now[l.oid] // created by this statement
			}
			if !ok {
				continue // a catalog relation (the queries' own locks)
			}
			level := levels[l.mode]
			_, existed := before[l.oid]
			st.Locks = append(st.Locks, ObservedLock{Relation: r.name, Kind: r.kind, Mode: l.mode, Level: level, Blocks: blocked(level), New: !existed})
		}
		slices.SortFunc(st.Locks, func(a, b ObservedLock) int {
			return cmp.Or(strings.Compare(a.Relation, b.Relation), rank[b.Level]-rank[a.Level]) // strongest first
		})
		slices.Sort(st.Rewritten)
		slices.Sort(st.Rebuilt)
		slices.Sort(st.Created)
		for oid, r := range now {
			known[oid] = r
		}
		tr.Statements = append(tr.Statements, st)
	}
	return tr, nil
}

// pgError is PostgreSQL's error as psql prints it: the message, then its
// DETAIL and HINT lines.
func pgError(err error) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	s := pe.Severity + ":  " + pe.Message
	if pe.Detail != "" {
		s += "\nDETAIL:  " + pe.Detail
	}
	if pe.Hint != "" {
		s += "\nHINT:  " + pe.Hint
	}
	return s
}
