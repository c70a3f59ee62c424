package proof

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The zero-downtime rules' documentation makes claims about PostgreSQL's locks
// and rewrites. Each test below shows one on a real server: a psycopg2 script
// in testdata/claims/ drives two or more sessions (every statement under a
// statement_timeout; a block is detected with lock_timeout, never by sleeping)
// and reports what it saw as JSON.

// attempt is one statement's outcome (claimlib.attempt).
type attempt struct {
	OK     bool    `json:"ok"`
	PGCode string  `json:"pgcode"`
	Error  string  `json:"error"`
	Secs   float64 `json:"seconds"`
}

// blocked: the statement gave up waiting for a lock (lock_not_available).
func (a attempt) blocked() bool { return !a.OK && a.PGCode == "55P03" }

// runClaim runs testdata/claims/<script> on a fresh database and decodes its
// JSON report into v. It returns the raw report for failure messages.
func runClaim(t *testing.T, script string, v any) string {
	t.Helper()
	tl := getTools(t, false)
	db := tl.newDatabase(t, "claim_"+strings.TrimSuffix(script, ".py"))
	res := run(testdata(t, "claims"), pythonEnv(), true, tl.python, testdata(t, "claims", script), tl.dbURL(db.name, true))
	if res.err != nil {
		t.Fatalf("%s failed:\n%s", script, res)
	}
	if err := json.Unmarshal([]byte(res.stdout), v); err != nil {
		t.Fatalf("%s: cannot decode its report: %v\n%s", script, err, res)
	}
	return res.stdout
}

// TestClaimIndexNotConcurrent: CREATE INDEX takes a SHARE lock that blocks
// writes (not reads) until the migration's transaction ends; CREATE INDEX
// CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and writes go on while it builds.
func TestClaimIndexNotConcurrent(t *testing.T) {
	t.Parallel()
	var r struct {
		CreateIndexLocks        []string `json:"create_index_locks"`
		InsertDuringCreateIndex attempt  `json:"insert_during_create_index"`
		SelectDuringCreateIndex attempt  `json:"select_during_create_index"`
		InsertAfterCommit       attempt  `json:"insert_after_commit"`
		CICPhaseBeforeInsert    string   `json:"cic_phase_before_insert"`
		CICLocks                []string `json:"cic_locks"`
		InsertDuringCIC         attempt  `json:"insert_during_cic"`
		CICPhaseAfterInsert     string   `json:"cic_phase_after_insert"`
		CICFinished             bool     `json:"cic_finished"`
		CICResult               attempt  `json:"cic_result"`
		CICIndexValid           bool     `json:"cic_index_valid"`
		ServerVersion           int      `json:"server_version_num"`
	}
	raw := runClaim(t, "index_not_concurrent.py", &r)
	if !slices.Contains(r.CreateIndexLocks, "ShareLock") {
		t.Errorf("CREATE INDEX in an open transaction holds %v on the table, want ShareLock\n%s", r.CreateIndexLocks, raw)
	}
	if !r.InsertDuringCreateIndex.blocked() {
		t.Errorf("an INSERT from a second connection was not blocked by CREATE INDEX (want lock timeout 55P03): %+v\n%s", r.InsertDuringCreateIndex, raw)
	}
	if !r.SelectDuringCreateIndex.OK {
		t.Errorf("a SELECT was blocked by CREATE INDEX (SHARE allows reads): %+v\n%s", r.SelectDuringCreateIndex, raw)
	}
	if !r.InsertAfterCommit.OK {
		t.Errorf("the INSERT still fails after the migration committed: %+v\n%s", r.InsertAfterCommit, raw)
	}
	// CONCURRENTLY: the build is in progress (waiting for an older writer) before
	// and after the INSERT, and the INSERT goes through.
	const waiting = "waiting for writers before build"
	if r.CICPhaseBeforeInsert != waiting || r.CICPhaseAfterInsert != waiting {
		t.Errorf("CREATE INDEX CONCURRENTLY phases around the INSERT: %q, %q; want %q both times\n%s", r.CICPhaseBeforeInsert, r.CICPhaseAfterInsert, waiting, raw)
	}
	if !slices.Equal(r.CICLocks, []string{"ShareUpdateExclusiveLock"}) {
		t.Errorf("CREATE INDEX CONCURRENTLY holds %v on the table, want only ShareUpdateExclusiveLock\n%s", r.CICLocks, raw)
	}
	if !r.InsertDuringCIC.OK {
		t.Errorf("an INSERT during CREATE INDEX CONCURRENTLY failed: %+v\n%s", r.InsertDuringCIC, raw)
	}
	if !r.CICFinished || !r.CICResult.OK || !r.CICIndexValid {
		t.Errorf("CREATE INDEX CONCURRENTLY did not finish with a valid index: finished %v, %+v, valid %v\n%s", r.CICFinished, r.CICResult, r.CICIndexValid, raw)
	}
}

// TestClaimConstraintNotValid: ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on
// both tables (writes blocked) and checks every existing row; NOT VALID skips
// the check, and VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE (writes go on).
func TestClaimConstraintNotValid(t *testing.T) {
	t.Parallel()
	var r struct {
		AddFKWithOrphan         attempt  `json:"add_fk_with_orphan"`
		AddFK                   attempt  `json:"add_fk"`
		AddFKLocksChild         []string `json:"add_fk_locks_child"`
		AddFKLocksParent        []string `json:"add_fk_locks_parent"`
		InsertChildDuringAddFK  attempt  `json:"insert_child_during_add_fk"`
		AddFKNotValid           attempt  `json:"add_fk_not_valid"`
		ConvalidatedNotValid    bool     `json:"convalidated_after_not_valid"`
		ValidateWithOrphan      attempt  `json:"validate_with_orphan"`
		Validate                attempt  `json:"validate"`
		ValidateLocksChild      []string `json:"validate_locks_child"`
		ValidateLocksParent     []string `json:"validate_locks_parent"`
		InsertChildDuringValid  attempt  `json:"insert_child_during_validate"`
		ConvalidatedAfterValid  bool     `json:"convalidated_after_validate"`
		AddFKNotValidLocksChild []string `json:"add_fk_not_valid_locks_child"`
		ServerVersion           int      `json:"server_version_num"`
	}
	raw := runClaim(t, "constraint_not_valid.py", &r)
	if r.AddFKWithOrphan.OK || r.AddFKWithOrphan.PGCode != "23503" {
		t.Errorf("ADD FOREIGN KEY over an orphan row: %+v, want foreign_key_violation 23503 (it validates existing rows)\n%s", r.AddFKWithOrphan, raw)
	}
	if !r.AddFK.OK || !slices.Contains(r.AddFKLocksChild, "ShareRowExclusiveLock") || !slices.Contains(r.AddFKLocksParent, "ShareRowExclusiveLock") {
		t.Errorf("ADD FOREIGN KEY: %+v, locks child %v, parent %v; want ShareRowExclusiveLock on both\n%s", r.AddFK, r.AddFKLocksChild, r.AddFKLocksParent, raw)
	}
	if !r.InsertChildDuringAddFK.blocked() {
		t.Errorf("an INSERT into the child table was not blocked during ADD FOREIGN KEY: %+v\n%s", r.InsertChildDuringAddFK, raw)
	}
	// NOT VALID still takes SHARE ROW EXCLUSIVE, but only for an instant: no scan.
	if !slices.Contains(r.AddFKNotValidLocksChild, "ShareRowExclusiveLock") {
		t.Errorf("ADD FOREIGN KEY ... NOT VALID holds %v on the child table, want ShareRowExclusiveLock\n%s", r.AddFKNotValidLocksChild, raw)
	}
	if !r.AddFKNotValid.OK || r.ConvalidatedNotValid {
		t.Errorf("ADD FOREIGN KEY ... NOT VALID over an orphan row: %+v, convalidated %v; want success without validation\n%s", r.AddFKNotValid, r.ConvalidatedNotValid, raw)
	}
	if r.ValidateWithOrphan.OK || r.ValidateWithOrphan.PGCode != "23503" {
		t.Errorf("VALIDATE CONSTRAINT over an orphan row: %+v, want 23503 (the check moved to VALIDATE)\n%s", r.ValidateWithOrphan, raw)
	}
	if !r.Validate.OK || !slices.Contains(r.ValidateLocksChild, "ShareUpdateExclusiveLock") || slices.Contains(r.ValidateLocksChild, "ShareRowExclusiveLock") {
		t.Errorf("VALIDATE CONSTRAINT: %+v, locks on child %v; want ShareUpdateExclusiveLock (and not ShareRowExclusiveLock)\n%s", r.Validate, r.ValidateLocksChild, raw)
	}
	if slices.Contains(r.ValidateLocksParent, "ShareRowExclusiveLock") {
		t.Errorf("VALIDATE CONSTRAINT holds %v on the parent table, want no ShareRowExclusiveLock\n%s", r.ValidateLocksParent, raw)
	}
	if !r.InsertChildDuringValid.OK {
		t.Errorf("an INSERT into the child table failed during VALIDATE CONSTRAINT: %+v\n%s", r.InsertChildDuringValid, raw)
	}
	if !r.ConvalidatedAfterValid {
		t.Errorf("the constraint is not validated after VALIDATE CONSTRAINT\n%s", raw)
	}
}

// TestClaimVolatileDefault: on PostgreSQL 11+, ADD COLUMN ... DEFAULT rewrites
// the table (new relfilenode) only when the default is volatile; serial,
// identity and stored generated columns rewrite it too, and so do the
// op.add_column spellings that render them.
func TestClaimVolatileDefault(t *testing.T) {
	t.Parallel()
	var r struct {
		ServerVersion int `json:"server_version_num"`
		Columns       []struct {
			Default   string   `json:"default"`
			Result    attempt  `json:"result"`
			Rewritten bool     `json:"rewritten"`
			Debug     []string `json:"debug"`
			Distinct  int      `json:"distinct_values"`
		} `json:"columns"`
		Filled []struct {
			Definition string  `json:"definition"`
			Result     attempt `json:"result"`
			Rewritten  bool    `json:"rewritten"`
		} `json:"filled"`
		Alembic map[string]struct {
			Result    attempt  `json:"result"`
			SQL       []string `json:"sql"`
			Rewritten bool     `json:"rewritten"`
		} `json:"alembic"`
	}
	raw := runClaim(t, "volatile_default.py", &r)
	if r.ServerVersion < 110000 {
		t.Fatalf("server_version_num %d: the claim is about PostgreSQL 11+", r.ServerVersion)
	}
	want := map[string]bool{ // default -> rewrites the table
		"now()":             false,
		"0":                 false,
		"'none'":            false,
		"random()":          true,
		"gen_random_uuid()": true,
		"clock_timestamp()": true,
	}
	seen := 0
	for _, c := range r.Columns {
		rewrite, ok := want[c.Default]
		if !ok {
			continue
		}
		seen++
		if !c.Result.OK {
			t.Errorf("ADD COLUMN ... DEFAULT %s failed: %+v", c.Default, c.Result)
			continue
		}
		if c.Rewritten != rewrite {
			t.Errorf("ADD COLUMN ... DEFAULT %s: relfilenode changed = %v, want %v (debug: %q)\n%s", c.Default, c.Rewritten, rewrite, c.Debug, raw)
		}
		// The server says so too (DEBUG1 "rewriting table").
		said := slices.ContainsFunc(c.Debug, func(m string) bool { return strings.Contains(m, `rewriting table "items"`) })
		if said != rewrite {
			t.Errorf("ADD COLUMN ... DEFAULT %s: DEBUG1 'rewriting table' = %v, want %v (debug: %q)", c.Default, said, rewrite, c.Debug)
		}
		if !rewrite && c.Distinct != 1 {
			t.Errorf("ADD COLUMN ... DEFAULT %s: %d distinct values, want 1 (evaluated once)", c.Default, c.Distinct)
		}
	}
	if seen != len(want) {
		t.Errorf("the script reported %d of the %d defaults\n%s", seen, len(want), raw)
	}
	// A serial or identity column is filled for every existing row: a rewrite too.
	if len(r.Filled) != 2 {
		t.Fatalf("the script reported %d serial/identity columns, want 2\n%s", len(r.Filled), raw)
	}
	for _, f := range r.Filled {
		if !f.Result.OK || !f.Rewritten {
			t.Errorf("ADD COLUMN ... %s: %+v, rewritten %v; want a rewrite\n%s", f.Definition, f.Result, f.Rewritten, raw)
		}
	}
	// Through Alembic's op.add_column: the spellings volatile-default reports
	// rewrite the table; the others add a plain column, or fail as NOT NULL
	// without a value (add-required-column's case).
	for op, want := range map[string]string{ // case -> "rewrite", "plain" or "fails"
		"identity":                     "rewrite",
		"computed":                     "rewrite",
		"integer_primary_key":          "rewrite",
		"sequence_next_value":          "rewrite",
		"sequence_argument":            "plain",
		"primary_key_with_sequence":    "fails",
		"primary_key_foreign_key":      "fails",
		"primary_key_no_autoincrement": "fails",
	} {
		got, ok := r.Alembic[op]
		switch {
		case !ok:
			t.Errorf("the script did not report op.add_column case %s\n%s", op, raw)
		case want == "fails" && (got.Result.OK || got.Result.PGCode != "23502"):
			t.Errorf("op.add_column %s (%q): %+v; want not_null_violation (23502)", op, got.SQL, got.Result)
		case want != "fails" && (!got.Result.OK || got.Rewritten != (want == "rewrite")):
			t.Errorf("op.add_column %s (%q): %+v, rewritten %v; want %s", op, got.SQL, got.Result, got.Rewritten, want)
		}
	}
}

// TestClaimSetNotNullScan: ALTER COLUMN SET NOT NULL holds ACCESS EXCLUSIVE
// (even reads wait) and scans the table; with a validated
// CHECK (col IS NOT NULL) the server skips the scan.
func TestClaimSetNotNullScan(t *testing.T) {
	t.Parallel()
	var r struct {
		SetNotNull          attempt  `json:"set_not_null"`
		SetNotNullDebug     []string `json:"set_not_null_debug"`
		SetNotNullLocks     []string `json:"set_not_null_locks"`
		SelectDuring        attempt  `json:"select_during_set_not_null"`
		InsertDuring        attempt  `json:"insert_during_set_not_null"`
		AddCheckNotValid    attempt  `json:"add_check_not_valid"`
		ValidateCheck       attempt  `json:"validate_check"`
		SetNotNullWithCheck attempt  `json:"set_not_null_with_check"`
		WithCheckDebug      []string `json:"set_not_null_with_check_debug"`
		EmailNotNull        bool     `json:"email_not_null"`
		ServerVersion       int      `json:"server_version_num"`
	}
	raw := runClaim(t, "set_not_null_scan.py", &r)
	if !r.SetNotNull.OK || !slices.Contains(r.SetNotNullLocks, "AccessExclusiveLock") {
		t.Errorf("SET NOT NULL: %+v, locks %v; want AccessExclusiveLock while the transaction is open\n%s", r.SetNotNull, r.SetNotNullLocks, raw)
	}
	if !r.SelectDuring.blocked() || !r.InsertDuring.blocked() {
		t.Errorf("during SET NOT NULL a second connection's SELECT %+v / INSERT %+v; want both blocked (lock timeout)\n%s", r.SelectDuring, r.InsertDuring, raw)
	}
	const scan = `verifying table "users"`
	if !slices.ContainsFunc(r.SetNotNullDebug, func(m string) bool { return strings.Contains(m, scan) }) {
		t.Errorf("SET NOT NULL without a CHECK: DEBUG1 %q not seen (the scan), got %q", scan, r.SetNotNullDebug)
	}
	if !r.AddCheckNotValid.OK || !r.ValidateCheck.OK || !r.SetNotNullWithCheck.OK || !r.EmailNotNull {
		t.Errorf("CHECK NOT VALID -> VALIDATE -> SET NOT NULL did not complete\n%s", raw)
	}
	const proof = `existing constraints on column "users.email" are sufficient to prove that it does not contain nulls`
	if !slices.ContainsFunc(r.WithCheckDebug, func(m string) bool { return strings.Contains(m, proof) }) {
		t.Errorf("SET NOT NULL with a validated CHECK: DEBUG1 %q not seen, got %q\n%s", proof, r.WithCheckDebug, raw)
	}
	if slices.ContainsFunc(r.WithCheckDebug, func(m string) bool { return strings.Contains(m, scan) }) {
		t.Errorf("SET NOT NULL with a validated CHECK still scanned the table: %q", r.WithCheckDebug)
	}
}

// TestClaimUpdateWithoutWhere: an UPDATE without WHERE holds ROW EXCLUSIVE on
// the table and writes a new version of every row, each locked until the
// transaction ends: another session's UPDATE of any row waits, SELECT does not,
// and the table grows by a copy of its rows. A backfill after ADD COLUMN in
// the same transaction blocks SELECT too (the ALTER's ACCESS EXCLUSIVE).
func TestClaimUpdateWithoutWhere(t *testing.T) {
	t.Parallel()
	var r struct {
		Update        attempt  `json:"update"`
		UpdateLocks   []string `json:"update_locks"`
		RowsWritten   int      `json:"rows_written"`
		OneRowDuring  attempt  `json:"update_one_row_during"`
		SelectDuring  attempt  `json:"select_during"`
		OneRowAfter   attempt  `json:"update_one_row_after"`
		PagesBefore   int      `json:"pages_before"`
		PagesAfter    int      `json:"pages_after"`
		ServerVersion int      `json:"server_version_num"`
		AddColumn     attempt  `json:"backfill"`
		Backfill      attempt  `json:"backfill_update"`
		BackfillLocks []string `json:"backfill_locks"`
		SelectDuringB attempt  `json:"select_during_backfill"`
		SelectAfterB  attempt  `json:"select_after_backfill"`
	}
	raw := runClaim(t, "update_without_where.py", &r)
	if !r.Update.OK || !slices.Equal(r.UpdateLocks, []string{"RowExclusiveLock"}) {
		t.Errorf("UPDATE without WHERE: %+v, locks %v; want only RowExclusiveLock on the table\n%s", r.Update, r.UpdateLocks, raw)
	}
	if r.RowsWritten != 20000 {
		t.Errorf("UPDATE without WHERE wrote %d row versions in its transaction, want all 20000\n%s", r.RowsWritten, raw)
	}
	if !r.OneRowDuring.blocked() {
		t.Errorf("another session's UPDATE of one row was not blocked (want lock timeout 55P03): %+v\n%s", r.OneRowDuring, raw)
	}
	if !r.SelectDuring.OK {
		t.Errorf("a SELECT was blocked by the UPDATE: %+v\n%s", r.SelectDuring, raw)
	}
	if !r.OneRowAfter.OK {
		t.Errorf("the one-row UPDATE still fails after the migration committed: %+v\n%s", r.OneRowAfter, raw)
	}
	if r.PagesAfter < 2*r.PagesBefore-1 {
		t.Errorf("the table grew from %d to %d pages; want about twice (a new version of every row)\n%s", r.PagesBefore, r.PagesAfter, raw)
	}
	if !r.AddColumn.OK || !r.Backfill.OK || !slices.Contains(r.BackfillLocks, "AccessExclusiveLock") {
		t.Errorf("ADD COLUMN then UPDATE without WHERE: %+v, %+v, locks %v; want both done and AccessExclusiveLock held\n%s", r.AddColumn, r.Backfill, r.BackfillLocks, raw)
	}
	if !r.SelectDuringB.blocked() || !r.SelectAfterB.OK {
		t.Errorf("a SELECT during the backfill: %+v (want blocked: the ALTER's lock lasts); after commit: %+v\n%s", r.SelectDuringB, r.SelectAfterB, raw)
	}
}

// TestClaimLockTable: LOCK TABLE holds its mode until the transaction ends;
// SHARE blocks writes (not reads), ACCESS EXCLUSIVE both, ROW EXCLUSIVE
// neither (lock-table reports SHARE and stronger). While LOCK waits for a
// reader, new queries of the table queue behind it.
func TestClaimLockTable(t *testing.T) {
	t.Parallel()
	var r map[string]json.RawMessage
	raw := runClaim(t, "lock_table.py", &r)
	field := func(key string, v any) {
		if err := json.Unmarshal(r[key], v); err != nil {
			t.Fatalf("%s: %v\n%s", key, err, raw)
		}
	}
	for _, m := range []struct {
		key, lock            string
		insertBlocked, block bool
	}{
		{"row_exclusive", "RowExclusiveLock", false, false},
		{"share", "ShareLock", true, false},
		{"access_exclusive", "AccessExclusiveLock", true, true},
	} {
		var lock attempt
		var locks []string
		var insert, sel attempt
		field(m.key, &lock)
		field(m.key+"_locks", &locks)
		field(m.key+"_insert_during", &insert)
		field(m.key+"_select_during", &sel)
		if !lock.OK || !slices.Equal(locks, []string{m.lock}) {
			t.Errorf("LOCK TABLE in %s mode: %+v, locks %v; want only %s\n%s", m.key, lock, locks, m.lock, raw)
		}
		if insert.blocked() != m.insertBlocked || (!m.insertBlocked && !insert.OK) {
			t.Errorf("under %s, another session's INSERT: %+v; blocked should be %v\n%s", m.key, insert, m.insertBlocked, raw)
		}
		if sel.blocked() != m.block || (!m.block && !sel.OK) {
			t.Errorf("under %s, another session's SELECT: %+v; blocked should be %v\n%s", m.key, sel, m.block, raw)
		}
	}
	var after attempt
	field("insert_after", &after)
	if !after.OK {
		t.Errorf("INSERT still fails after the locks ended: %+v\n%s", after, raw)
	}
	var queued, locked attempt
	field("select_while_lock_waits", &queued)
	field("lock_after_reader", &locked)
	if !queued.blocked() || !locked.OK {
		t.Errorf("while LOCK TABLE waits for a reader, a new SELECT: %+v (want blocked, queued behind it); the LOCK once the reader ended: %+v\n%s", queued, locked, raw)
	}
}

// TestClaimTruncateTable: TRUNCATE holds ACCESS EXCLUSIVE until the
// transaction ends (SELECT waits); CASCADE locks and empties the tables that
// reference the truncated one.
func TestClaimTruncateTable(t *testing.T) {
	t.Parallel()
	var r struct {
		Plain         attempt  `json:"truncate_plain"`
		Truncate      attempt  `json:"truncate"`
		Locks         []string `json:"truncate_locks"`
		SelectDuring  attempt  `json:"select_during"`
		Cascade       attempt  `json:"truncate_cascade"`
		UsersLocks    []string `json:"cascade_users_locks"`
		OrdersLocks   []string `json:"cascade_orders_locks"`
		OrdersDuring  attempt  `json:"select_orders_during_cascade"`
		OrdersAfter   int      `json:"orders_after_cascade"`
		ServerVersion int      `json:"server_version_num"`
	}
	raw := runClaim(t, "truncate_table.py", &r)
	if r.Plain.OK || r.Plain.PGCode != "0A000" {
		t.Errorf("TRUNCATE of a referenced table without CASCADE: %+v; want refused (0A000)\n%s", r.Plain, raw)
	}
	if !r.Truncate.OK || !slices.Contains(r.Locks, "AccessExclusiveLock") {
		t.Errorf("TRUNCATE: %+v, locks %v; want AccessExclusiveLock\n%s", r.Truncate, r.Locks, raw)
	}
	if !r.SelectDuring.blocked() {
		t.Errorf("a SELECT during TRUNCATE was not blocked (want 55P03): %+v\n%s", r.SelectDuring, raw)
	}
	if !r.Cascade.OK || !slices.Contains(r.UsersLocks, "AccessExclusiveLock") || !slices.Contains(r.OrdersLocks, "AccessExclusiveLock") {
		t.Errorf("TRUNCATE ... CASCADE: %+v, locks users %v orders %v; want AccessExclusiveLock on both\n%s", r.Cascade, r.UsersLocks, r.OrdersLocks, raw)
	}
	if !r.OrdersDuring.blocked() || r.OrdersAfter != 0 {
		t.Errorf("the referencing table during CASCADE: %+v, %d rows after; want blocked and emptied\n%s", r.OrdersDuring, r.OrdersAfter, raw)
	}
}

// TestClaimDropDatabase: DROP DATABASE cannot run in a transaction, fails
// while a session is connected, and WITH (FORCE) ends that session.
func TestClaimDropDatabase(t *testing.T) {
	t.Parallel()
	var r struct {
		InTransaction  attempt `json:"in_transaction"`
		WhileConnected attempt `json:"while_connected"`
		Force          attempt `json:"force"`
		ExistsAfter    bool    `json:"exists_after"`
		AppAfter       attempt `json:"app_after"`
		ServerVersion  int     `json:"server_version_num"`
	}
	raw := runClaim(t, "drop_database.py", &r)
	if r.InTransaction.OK || r.InTransaction.PGCode != "25001" {
		t.Errorf("DROP DATABASE in a transaction: %+v; want 25001 (cannot run inside a transaction block)\n%s", r.InTransaction, raw)
	}
	if r.WhileConnected.OK || r.WhileConnected.PGCode != "55006" {
		t.Errorf("DROP DATABASE while a session is connected: %+v; want 55006 (being accessed by other users)\n%s", r.WhileConnected, raw)
	}
	if r.ServerVersion >= 130000 && (!r.Force.OK || r.ExistsAfter || r.AppAfter.OK) {
		t.Errorf("DROP DATABASE WITH (FORCE): %+v, exists after %v, connected session after %+v; want dropped and the session ended\n%s",
			r.Force, r.ExistsAfter, r.AppAfter, raw)
	}
}

// TestClaimExclusiveMaintenance: REINDEX holds SHARE on the table and ACCESS
// EXCLUSIVE on the index (INSERT and even SELECT wait); CLUSTER and SET
// TABLESPACE hold ACCESS EXCLUSIVE; VACUUM FULL and REINDEX CONCURRENTLY cannot
// run in a transaction, and VACUUM FULL waits for a reader where VACUUM does not.
func TestClaimExclusiveMaintenance(t *testing.T) {
	t.Parallel()
	var r struct {
		Reindex             attempt  `json:"reindex"`
		ReindexTableLocks   []string `json:"reindex_table_locks"`
		ReindexIndexLocks   []string `json:"reindex_index_locks"`
		ReindexInsert       attempt  `json:"reindex_insert_during"`
		ReindexSelect       attempt  `json:"reindex_select_during"`
		ConcurrentlyInTx    attempt  `json:"reindex_concurrently_in_transaction"`
		Cluster             attempt  `json:"cluster"`
		ClusterLocks        []string `json:"cluster_locks"`
		ClusterSelect       attempt  `json:"cluster_select_during"`
		Tablespace          attempt  `json:"set_tablespace"`
		TablespaceLocks     []string `json:"set_tablespace_locks"`
		TablespaceSelect    attempt  `json:"set_tablespace_select_during"`
		VacuumFullInTx      attempt  `json:"vacuum_full_in_transaction"`
		VacuumFullWhileRead attempt  `json:"vacuum_full_while_read"`
		VacuumWhileRead     attempt  `json:"vacuum_while_read"`
		VacuumFullAfterRead attempt  `json:"vacuum_full_after_read"`
		ServerVersion       int      `json:"server_version_num"`
	}
	raw := runClaim(t, "exclusive_maintenance.py", &r)
	if !r.Reindex.OK || !slices.Equal(r.ReindexTableLocks, []string{"ShareLock"}) || !slices.Equal(r.ReindexIndexLocks, []string{"AccessExclusiveLock"}) {
		t.Errorf("REINDEX TABLE: %+v, table locks %v, index locks %v; want ShareLock and AccessExclusiveLock\n%s", r.Reindex, r.ReindexTableLocks, r.ReindexIndexLocks, raw)
	}
	if !r.ReindexInsert.blocked() || !r.ReindexSelect.blocked() {
		t.Errorf("during REINDEX: INSERT %+v, SELECT %+v; want both blocked (55P03)\n%s", r.ReindexInsert, r.ReindexSelect, raw)
	}
	if r.ServerVersion >= 120000 && r.ConcurrentlyInTx.PGCode != "25001" {
		t.Errorf("REINDEX CONCURRENTLY in a transaction: %+v; want 25001\n%s", r.ConcurrentlyInTx, raw)
	}
	for _, s := range []struct {
		name         string
		run, selects attempt
		locks        []string
	}{{"CLUSTER", r.Cluster, r.ClusterSelect, r.ClusterLocks}, {"SET TABLESPACE", r.Tablespace, r.TablespaceSelect, r.TablespaceLocks}} {
		if !s.run.OK || !slices.Contains(s.locks, "AccessExclusiveLock") || !s.selects.blocked() {
			t.Errorf("%s: %+v, locks %v, SELECT during %+v; want AccessExclusiveLock and the SELECT blocked\n%s", s.name, s.run, s.locks, s.selects, raw)
		}
	}
	if r.VacuumFullInTx.PGCode != "25001" {
		t.Errorf("VACUUM FULL in a transaction: %+v; want 25001\n%s", r.VacuumFullInTx, raw)
	}
	if !r.VacuumFullWhileRead.blocked() || !r.VacuumWhileRead.OK || !r.VacuumFullAfterRead.OK {
		t.Errorf("while a session reads the table: VACUUM FULL %+v (want blocked), VACUUM %+v (want done); after: VACUUM FULL %+v\n%s",
			r.VacuumFullWhileRead, r.VacuumWhileRead, r.VacuumFullAfterRead, raw)
	}
}

// TestClaimColumnTypeRewrite: ALTER COLUMN ... TYPE holds ACCESS EXCLUSIVE
// (SELECT waits) and rewrites the table (new relfilenode) unless the stored
// values stay valid: a wider or unbounded varchar, varchar to text, more
// numeric precision at the same scale, timestamp to timestamptz in UTC.
// Arrays rewrite on any element change.
func TestClaimColumnTypeRewrite(t *testing.T) {
	t.Parallel()
	var r struct {
		Changes []struct {
			Change    string   `json:"change"`
			Result    attempt  `json:"result"`
			Locks     []string `json:"locks"`
			Select    attempt  `json:"select_during"`
			Rewritten bool     `json:"rewritten"`
		} `json:"changes"`
		ServerVersion int `json:"server_version_num"`
	}
	raw := runClaim(t, "column_type_rewrite.py", &r)
	want := map[string]bool{ // change -> rewrites (column-type-rewrite reports it)
		"n bigint":             true,
		"code varchar(100)":    false,
		"code varchar":         false,
		"code text":            false,
		"body varchar":         false,
		"body varchar(200)":    true,
		"price numeric(12, 2)": false,
		"price numeric(12, 4)": true,
		"doc jsonb":            true,
		"seen timestamptz":     false, // in UTC
		"seen timestamp":       true,  // back, in Europe/Paris
		"tags varchar(40)[]":   true,
		"tags text[]":          true,
	}
	if len(r.Changes) != len(want) {
		t.Fatalf("the script reported %d changes, want %d\n%s", len(r.Changes), len(want), raw)
	}
	for _, c := range r.Changes {
		rewrite, ok := want[c.Change]
		switch {
		case !ok:
			t.Errorf("unexpected change %q", c.Change)
		case !c.Result.OK || !slices.Contains(c.Locks, "AccessExclusiveLock") || !c.Select.blocked():
			t.Errorf("ALTER COLUMN %s: %+v, locks %v, SELECT during %+v; want AccessExclusiveLock and the SELECT blocked\n%s", c.Change, c.Result, c.Locks, c.Select, raw)
		case c.Rewritten != rewrite:
			t.Errorf("ALTER COLUMN %s: relfilenode changed = %v, want %v\n%s", c.Change, c.Rewritten, rewrite, raw)
		}
	}
}

// TestClaimBackwardIncompatible: RENAME COLUMN, DROP COLUMN, RENAME TO and
// DROP TABLE hold ACCESS EXCLUSIVE until commit (queries wait) without
// rewriting the table; after commit the old release's queries fail with
// undefined_column (42703) or undefined_table (42P01).
func TestClaimBackwardIncompatible(t *testing.T) {
	t.Parallel()
	var r map[string]json.RawMessage
	raw := runClaim(t, "backward_incompatible.py", &r)
	field := func(key string, v any) {
		if err := json.Unmarshal(r[key], v); err != nil {
			t.Fatalf("%s: %v\n%s", key, err, raw)
		}
	}
	for step, code := range map[string]string{"rename_column": "42703", "drop_column": "42703", "rename_table": "42P01", "drop_table": "42P01"} {
		var run, during, after attempt
		var locks []string
		field(step, &run)
		field(step+"_locks", &locks)
		field(step+"_query_during", &during)
		field(step+"_query_after", &after)
		if !run.OK || !slices.Equal(locks, []string{"AccessExclusiveLock"}) || !during.blocked() {
			t.Errorf("%s: %+v, locks %v, the old query during it %+v; want AccessExclusiveLock and the query blocked\n%s", step, run, locks, during, raw)
		}
		if after.OK || after.PGCode != code {
			t.Errorf("%s: the old release's query after commit: %+v; want it to fail with %s\n%s", step, after, code, raw)
		}
	}
	var rewritten bool
	field("rewritten", &rewritten)
	if rewritten {
		t.Errorf("RENAME COLUMN / DROP COLUMN rewrote the table (new relfilenode); want a catalog change\n%s", raw)
	}
}
