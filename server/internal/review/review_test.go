package review

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// base creates the tables the one-revision tests work on.
const base = `"""base

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("status", sa.Enum("new", "done", name="user_status"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")
    op.drop_table("users")
`

// reviewUpgrade reviews a revision 0002 above base whose upgrade() body is
// given (one statement per line, unindented).
func reviewUpgrade(t *testing.T, body string, pg int) *Revision {
	t.Helper()
	dir := t.TempDir()
	versions := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"alembic.ini":      "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://localhost/db\n",
		"versions/0001.py": base,
		"versions/0002.py": "from alembic import op\nimport sqlalchemy as sa\n\nrevision = \"0002\"\ndown_revision = \"0001\"\n\n\ndef upgrade():\n    " +
			strings.ReplaceAll(strings.TrimSpace(body), "\n", "\n    ") + "\n\n\ndef downgrade():\n    pass\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, "versions/") {
			path = filepath.Join(versions, strings.TrimPrefix(name, "versions/"))
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	rv, err := Analyze(context.Background(), proj, "0002", Options{PostgresVersion: pg})
	if err != nil {
		t.Fatal(err)
	}
	if len(rv.Revisions) != 1 {
		t.Fatalf("%d revisions reviewed, want 1", len(rv.Revisions))
	}
	return &rv.Revisions[0]
}

// TestLockTable checks each operation against migration-linters.md §3.
func TestLockTable(t *testing.T) {
	type lk struct{ table, mode string }
	tests := []struct {
		name, code    string
		locks         []lk
		rewrite, scan string
	}{
		{"create index", `op.create_index("ix_users_email", "users", ["email"])`, []lk{{"users", Share}}, No, Yes},
		{"create index concurrently", "with op.get_context().autocommit_block():\n    op.create_index(\"ix_users_email\", \"users\", [\"email\"], postgresql_concurrently=True)",
			[]lk{{"users", ShareUpdateExclusive}}, No, Yes},
		{"drop index", `op.drop_index("ix_users_email", table_name="users")`, []lk{{"users", AccessExclusive}}, No, No},
		{"drop index concurrently", "with op.get_context().autocommit_block():\n    op.drop_index(\"ix\", table_name=\"users\", postgresql_concurrently=True)",
			[]lk{{"users", ShareUpdateExclusive}}, No, No},
		{"add nullable column", `op.add_column("users", sa.Column("nick", sa.String(20), nullable=True))`, []lk{{"users", AccessExclusive}}, No, No},
		{"add column with constant default", `op.add_column("users", sa.Column("score", sa.Integer(), server_default="0", nullable=False))`, []lk{{"users", AccessExclusive}}, No, No},
		{"add column with volatile default", `op.add_column("users", sa.Column("token", sa.UUID(), server_default=sa.text("gen_random_uuid()")))`, []lk{{"users", AccessExclusive}}, Yes, No},
		{"add identity column", `op.add_column("users", sa.Column("n", sa.BigInteger(), sa.Identity()))`, []lk{{"users", AccessExclusive}}, Yes, No},
		{"set not null", `op.alter_column("users", "email", existing_type=sa.String(200), nullable=False)`, []lk{{"users", AccessExclusive}}, No, Yes},
		{"drop not null", `op.alter_column("users", "email", nullable=True)`, []lk{{"users", AccessExclusive}}, No, No},
		{"type change with rewrite", `op.alter_column("users", "age", existing_type=sa.Integer(), type_=sa.BigInteger())`, []lk{{"users", AccessExclusive}}, Yes, No},
		{"varchar widened", `op.alter_column("users", "email", existing_type=sa.String(200), type_=sa.String(300))`, []lk{{"users", AccessExclusive}}, No, No},
		{"type from history", `op.alter_column("users", "email", type_=sa.Text())`, []lk{{"users", AccessExclusive}}, No, No},
		{"add foreign key", `op.create_foreign_key("orders_user_fk", "orders", "users", ["user_id"], ["id"])`, []lk{{"orders", ShareRowExclusive}, {"users", ShareRowExclusive}}, No, Yes},
		{"add foreign key not valid", `op.create_foreign_key("orders_user_fk", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)`,
			[]lk{{"orders", ShareRowExclusive}, {"users", ShareRowExclusive}}, No, No},
		{"add check", `op.create_check_constraint("age_ok", "users", "age >= 0")`, []lk{{"users", AccessExclusive}}, No, Yes},
		{"add unique", `op.create_unique_constraint("users_email_key", "users", ["email"])`, []lk{{"users", AccessExclusive}}, No, Yes},
		{"drop table", `op.drop_table("orders")`, []lk{{"orders", AccessExclusive}}, No, No},
		{"rename column", `op.alter_column("users", "email", new_column_name="mail")`, []lk{{"users", AccessExclusive}}, No, No},
		{"validate in SQL", `op.execute("ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk")`, []lk{{"orders", ShareUpdateExclusive}}, No, Yes},
		{"update", `op.execute("UPDATE users SET age = 0 WHERE age IS NULL")`, []lk{{"users", RowExclusive}}, No, Unknown},
		{"add enum value", `op.execute("ALTER TYPE user_status ADD VALUE IF NOT EXISTS 'gone'")`, nil, No, No},
		{"lock table in SQL", `op.execute("LOCK TABLE users IN SHARE MODE")`, []lk{{"users", Share}}, No, No},
		{"volatile default in SQL", `op.execute("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()")`, []lk{{"users", AccessExclusive}}, Yes, No},
		{"foreign key NOT VALID in SQL", `op.execute("ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")`,
			[]lk{{"orders", ShareRowExclusive}, {"users", ShareRowExclusive}}, No, No},
		{"type with USING in SQL", `op.execute("ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint")`, []lk{{"users", AccessExclusive}}, Yes, No},
		{"truncate in SQL", `op.execute("TRUNCATE orders, users")`, []lk{{"orders", AccessExclusive}, {"users", AccessExclusive}}, No, No},
		{"reindex in SQL", `op.execute("REINDEX TABLE CONCURRENTLY users")`, []lk{{"users", ShareUpdateExclusive}}, No, Yes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rev := reviewUpgrade(t, tt.code, 16)
			o := rev.Operations[len(rev.Operations)-1]
			if o.Function != "upgrade" {
				o = rev.Operations[0]
			}
			var got []lk
			for _, l := range o.Locks {
				got = append(got, lk{l.Table, l.Mode})
				if l.BlocksReads != (l.Mode == AccessExclusive) || l.BlocksWrites != (lockRank[l.Mode] >= lockRank[Share]) {
					t.Errorf("%s: blocks reads %v, writes %v", l.Mode, l.BlocksReads, l.BlocksWrites)
				}
			}
			if !slices.Equal(got, tt.locks) || o.Rewrite != tt.rewrite || o.Scan != tt.scan || o.Effect != EffectKnown {
				t.Errorf("locks %v rewrite %s scan %s effect %s; want %v rewrite %s scan %s\n%+v", got, o.Rewrite, o.Scan, o.Effect, tt.locks, tt.rewrite, tt.scan, o)
			}
		})
	}
}

// TestVersionDependentFacts: the configured PostgreSQL version changes the facts.
func TestVersionDependentFacts(t *testing.T) {
	const constDefault = `op.add_column("users", sa.Column("score", sa.Integer(), server_default="0"))`
	if o := reviewUpgrade(t, constDefault, 10).Operations[0]; o.Rewrite != Yes || !hasNote(o, "PostgreSQL 10: before 11") {
		t.Errorf("PostgreSQL 10: rewrite %s, notes %v", o.Rewrite, o.Notes)
	}
	if o := reviewUpgrade(t, constDefault, 16).Operations[0]; o.Rewrite != No || !hasNote(o, "Since PostgreSQL 11") {
		t.Errorf("PostgreSQL 16: rewrite %s, notes %v", o.Rewrite, o.Notes)
	}
	const addValue = `op.execute("ALTER TYPE user_status ADD VALUE 'gone'")`
	if o := reviewUpgrade(t, addValue, 11).Operations[0]; !hasNote(o, "cannot run inside a transaction block: this fails") {
		t.Errorf("PostgreSQL 11 ADD VALUE notes %v", o.Notes)
	}
	if o := reviewUpgrade(t, addValue, 12).Operations[0]; !hasNote(o, "PostgreSQL 12+ runs it inside the migration transaction") {
		t.Errorf("PostgreSQL 12 ADD VALUE notes %v", o.Notes)
	}
	const setNotNull = `op.alter_column("users", "email", nullable=False)`
	if o := reviewUpgrade(t, setNotNull, 18).Operations[0]; !hasNote(o, "NOT VALID then VALIDATE CONSTRAINT") {
		t.Errorf("PostgreSQL 18 SET NOT NULL notes %v", o.Notes)
	}
	if o := reviewUpgrade(t, `op.create_index("ix", "users", ["email"], postgresql_concurrently=True)`, 14).Operations[0]; !hasNote(o, "14.0 to 14.3") {
		t.Errorf("PostgreSQL 14 CONCURRENTLY notes %v", o.Notes)
	}
}

func hasNote(o Operation, text string) bool {
	return slices.ContainsFunc(o.Notes, func(n string) bool { return strings.Contains(n, text) })
}

// TestUnknownIsNeverGuessed: non-literal SQL, calls that cannot be followed
// and operations on tables that are not literals are reported unknown, with
// no SQL or lock made up; conditional operations are marked conditional.
func TestUnknownIsNeverGuessed(t *testing.T) {
	rv := analyzeProject(t, "testdata/cases", "0002", Options{})
	rev := rv.Revisions[0]
	effects := map[int]string{}
	for _, o := range rev.Operations {
		if o.Function == "upgrade" {
			effects[o.Line] = o.Effect
		}
		if o.Effect == EffectUnknown {
			if o.EffectReason == "" || o.Rewrite != Unknown || o.Scan != Unknown || len(o.Locks) != 0 {
				t.Errorf("unknown operation at line %d states facts: %+v", o.Line, o)
			}
			if o.Name != "execute" && o.SQL != "" || o.Name == "execute" && o.Line != 32 && o.SQL != "" {
				t.Errorf("line %d: SQL %q for an unknown effect", o.Line, o.SQL)
			}
		}
	}
	want := map[int]string{
		25: EffectUnknown,     // op.execute(statement): a variable
		20: EffectUnknown,     // op.execute(f"..."), reached through _backfill()
		27: EffectUnknown,     // maintenance.rebuild(op.get_bind())
		29: EffectConditional, // create_index under if
		31: EffectUnknown,     // add_column(table, ...) in a loop over values read at run time
		32: EffectUnknown,     // CREATE EXTENSION: literal but not analysed
	}
	for line, effect := range want {
		if effects[line] != effect {
			t.Errorf("line %d: effect %q, want %q (all: %v)", line, effects[line], effect, effects)
		}
	}
	if rev.DeployOrder.When != DeployUnknown || rev.Summary.Unknown != 5 || rev.Summary.Conditional != 1 {
		t.Errorf("deploy %+v, summary %+v", rev.DeployOrder, rev.Summary)
	}
	if !slices.ContainsFunc(rev.Recommendations, func(r Recommendation) bool { return r.Kind == KindUnknown && slices.Contains(r.Lines, 25) }) {
		t.Errorf("no recommendation to review line 25 by hand: %+v", rev.Recommendations)
	}
}

func TestHistoryContext(t *testing.T) {
	rv := analyzeProject(t, "testdata/cases", "all", Options{})
	byID := map[string]Revision{}
	for _, r := range rv.Revisions {
		byID[r.Revision] = r
	}
	if got := byID["0001"].History; !slices.Equal(got.Children, []string{"0002", "0003"}) || !slices.Equal(got.Descendants, []string{"0002", "0003", "0004"}) || got.IsHead || !got.IsBase {
		t.Errorf("0001 history %+v", got)
	}
	if got := byID["0004"].History; !got.IsMerge || !got.IsHead || !slices.Equal(got.Parents, []string{"0002", "0003"}) {
		t.Errorf("0004 history %+v", got)
	}
	if got := byID["0003"].History.BranchLabels; !slices.Equal(got, []string{"online"}) {
		t.Errorf("0003 branch labels %v", got)
	}
	var status ObjectUse
	for _, e := range byID["0003"].Enums {
		if e.Name == "item_status" {
			status = e
		}
	}
	if len(status.Others) != 1 || status.Others[0].Revision != "0001" || !slices.Equal(status.Users, []string{"items.status"}) {
		t.Errorf("0003 enum item_status: %+v", status)
	}
	if head := analyzeProject(t, "testdata/cases", "", Options{}); len(head.Revisions) != 1 || head.Revisions[0].Revision != "0004" || head.Target != "head" {
		t.Errorf("default target reviewed %+v", head)
	}
}

func TestReversals(t *testing.T) {
	rv := analyzeProject(t, "testdata/scenarios/a", "0002", Options{})
	if r := rv.Revisions[0].Operations[0].Reversal; r.Status != Partial || r.LeftBehind != "enum type status_type" || r.Line != 31 {
		t.Errorf("scenario a create_table reversal %+v", r)
	}
	rv = analyzeProject(t, "testdata/scenarios/d2", "0002", Options{})
	ops := rv.Revisions[0].Operations
	if r := ops[0].Reversal; r.Status != Reversed || r.Line != 26 {
		t.Errorf("d2 ADD VALUE reversal %+v (the downgrade rebuilds the type)", r)
	}
	if r := ops[1].Reversal; r.Status != Unknown || r.Line != 25 {
		t.Errorf("d2 UPDATE reversal %+v (a data change is never assumed undone)", r)
	}
	rev := reviewUpgrade(t, `op.execute("ALTER TYPE user_status ADD VALUE 'gone'")`+"\nop.add_column(\"users\", sa.Column(\"x\", sa.Integer()))", 16)
	if rev.Operations[0].Reversal.Status != NoDowngrade || rev.Summary.Downgrade != "empty" {
		t.Errorf("pass-only downgrade: %+v, summary %s", rev.Operations[0].Reversal, rev.Summary.Downgrade)
	}
}

func TestOtherDialects(t *testing.T) {
	rv := analyzeProject(t, "testdata/mysql", "0001", Options{})
	if rv.Assumptions.Dialect != "mysql" || rv.Assumptions.PostgresVersion != 0 {
		t.Errorf("assumptions %+v", rv.Assumptions)
	}
	for _, o := range rv.Revisions[0].Operations {
		if o.SQL != "" || o.Rewrite != Unknown || len(o.Locks) == 0 || o.Locks[0].Mode != LockUnknown {
			t.Errorf("line %d on MySQL: %+v", o.Line, o)
		}
	}
}

func TestAssumedVersionAndErrors(t *testing.T) {
	rv := analyzeProject(t, "testdata/scenarios/a", "0002", Options{})
	if a := rv.Assumptions; a.PostgresVersion != assumedPostgres || a.PostgresVersionFrom != "assumed" || !slices.ContainsFunc(a.Notes, func(n string) bool { return strings.Contains(n, "not configured") }) {
		t.Errorf("assumptions %+v", a)
	}
	shop := analyzeProject(t, "../../../examples/shop", "", Options{})
	if a := shop.Assumptions; a.PostgresVersion != 15 || a.PostgresVersionFrom != "project" {
		t.Errorf("examples/shop assumptions %+v", a)
	}
	abs, _ := filepath.Abs("testdata/cases")
	proj, err := project.Find(abs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Analyze(context.Background(), proj, "nope", Options{}); err == nil {
		t.Error("an unknown revision is not an error")
	}
}

// TestLongHistoryIsBounded: lists that grow with the history are capped.
func TestLongHistoryIsBounded(t *testing.T) {
	dir := t.TempDir()
	versions := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://localhost/db\n")
	write(filepath.Join(versions, "r000.py"), base)
	const n = 60
	for i := 1; i < n; i++ {
		write(filepath.Join(versions, fmt.Sprintf("r%03d.py", i)), fmt.Sprintf(
			"from alembic import op\nimport sqlalchemy as sa\n\nrevision = %q\ndown_revision = %q\n\n\ndef upgrade():\n    op.add_column(\"users\", sa.Column(\"c%d\", sa.Integer()))\n\n\ndef downgrade():\n    op.drop_column(\"users\", \"c%d\")\n",
			fmt.Sprintf("r%03d", i), prev(i), i, i))
	}
	rv := analyzeProject(t, dir, "0001", Options{})
	h := rv.Revisions[0].History
	if len(h.Descendants) != maxListed || h.DescendantCount != n-1 || h.Descendants[0] != "r001" {
		t.Errorf("descendants: %d listed, count %d, first %v", len(h.Descendants), h.DescendantCount, h.Descendants[:1])
	}
	rv = analyzeProject(t, dir, "r030", Options{})
	for _, u := range rv.Revisions[0].Tables {
		if u.Name == "users" && (len(u.Others) != maxListed || u.OthersCount != n-1 || u.Others[0].Revision != "r005") {
			t.Errorf("users: %d others listed, count %d, first %s", len(u.Others), u.OthersCount, u.Others[0].Revision)
		}
	}
}

// TestReviewIsCapped: one review returns at most maxRevisions revisions, the
// last in upgrade order, and says how many it left out and how to narrow the target.
func TestReviewIsCapped(t *testing.T) {
	dir := t.TempDir()
	const n = maxRevisions + 30
	if _, err := synth.Write(dir, synth.Options{Revisions: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	rv := analyzeProject(t, dir, "all", Options{})
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := check.Run(context.Background(), proj, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	order := res.Dirs[0].Loaded.Graph.Order
	if len(rv.Revisions) != maxRevisions || rv.RevisionCount != n || rv.Revisions[0].Revision != order[30].ID {
		t.Fatalf("%d revisions reviewed of %d, first %s; want %d of %d, first %s",
			len(rv.Revisions), rv.RevisionCount, rv.Revisions[0].Revision, maxRevisions, n, order[30].ID)
	}
	want := fmt.Sprintf("30 more revision(s) before these were not reviewed (one review returns at most %d, the last in upgrade order): "+
		"narrow the target to a revision, a file or a range such as %s:%s", maxRevisions, order[0].ID, order[29].ID)
	if rv.Truncated != want {
		t.Errorf("truncated = %q\nwant %q", rv.Truncated, want)
	}
	var b strings.Builder
	if err := Text(&b, rv); err != nil || !strings.Contains(b.String(), "note: "+want) {
		t.Errorf("the text does not say so (%v)", err)
	}
	if rv = analyzeProject(t, dir, order[0].ID+":"+order[29].ID, Options{}); len(rv.Revisions) != 30 || rv.Truncated != "" || rv.RevisionCount != 30 {
		t.Errorf("the suggested range: %d revisions of %d, truncated %q", len(rv.Revisions), rv.RevisionCount, rv.Truncated)
	}
}

// TestTooLargeRevision: a revision of more operations than one file may have
// is reviewed as partial, with the note that says why.
func TestTooLargeRevision(t *testing.T) {
	dir := t.TempDir()
	if err := synth.WriteWide(dir, synth.WideOptions{Ops: migration.MaxOps + 1}); err != nil {
		t.Fatal(err)
	}
	rv := analyzeProject(t, dir, "head", Options{})
	root, _ := filepath.EvalSymlinks(dir)
	note := check.TooLargeNote(root, filepath.Join(root, "migrations", "versions", "000000000002_many.py"))
	if len(rv.Revisions) != 1 || !rv.Revisions[0].Partial || !slices.Contains(rv.Assumptions.Notes, note) {
		t.Errorf("partial %v, notes %q", rv.Revisions[0].Partial, rv.Assumptions.Notes)
	}
}

// TestManyHeadsAreBounded: every revision lists the heads of its directory;
// with many heads that list alone made a review quadratic.
func TestManyHeadsAreBounded(t *testing.T) {
	dir := t.TempDir()
	versions := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{filepath.Join(dir, "alembic.ini"): "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://localhost/db\n"}
	const n = maxListed + 10
	for i := range n {
		files[filepath.Join(versions, fmt.Sprintf("r%03d.py", i))] = fmt.Sprintf("revision = %q\ndown_revision = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n", fmt.Sprintf("r%03d", i))
	}
	for path, text := range files {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rv := analyzeProject(t, dir, "r001", Options{})
	if h := rv.Revisions[0].History; len(h.Heads) != maxListed || h.HeadCount != n {
		t.Errorf("heads: %d listed, count %d; want %d, %d", len(h.Heads), h.HeadCount, maxListed, n)
	}
}

func prev(i int) string {
	if i == 1 {
		return "0001"
	}
	return fmt.Sprintf("r%03d", i-1)
}

// TestCheckConditionSQL: a check written as a SQLAlchemy expression reads as SQL.
func TestCheckConditionSQL(t *testing.T) {
	o := reviewUpgrade(t, `op.create_check_constraint("age_ok", "users", sa.column("age").is_not(None))`, 16).Operations[0]
	if want := "ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age IS NOT NULL)"; o.SQL != want {
		t.Errorf("SQL = %q, want %q", o.SQL, want)
	}
}

// TestExcludeConstraintSQL: EXCLUDE renders as SQLAlchemy's ExcludeConstraint
// compiles it (USING gist unless told otherwise, a WHERE in parentheses).
func TestExcludeConstraintSQL(t *testing.T) {
	for call, want := range map[string]string{
		`op.create_exclude_constraint("no_overlap", "users", ("during", "&&"), ("room", "="), where="during IS NOT NULL")`: "ALTER TABLE users ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&, room WITH =) WHERE (during IS NOT NULL)",
		`op.create_exclude_constraint("no_overlap", "users", ("during", "&&"), using="spgist")`:                            "ALTER TABLE users ADD CONSTRAINT no_overlap EXCLUDE USING spgist (during WITH &&)",
	} {
		if o := reviewUpgrade(t, call, 16).Operations[0]; o.SQL != want {
			t.Errorf("%s: SQL = %q, want %q", call, o.SQL, want)
		}
	}
}

func TestDropTableReadByAView(t *testing.T) {
	rev := reviewUpgrade(t, `op.execute("CREATE VIEW adults AS SELECT id FROM users WHERE age >= 18")
op.drop_table("users")
op.execute("DROP TABLE orders CASCADE")`, 16)
	ops := rev.Operations
	if len(ops) != 3 {
		t.Fatalf("got %d operations", len(ops))
	}
	if !hasNote(ops[1], "Views still read users at this point (adults): DROP TABLE fails") {
		t.Errorf("drop_table(users) does not say the view adults blocks it: %q", ops[1].Notes)
	}
	if hasNote(ops[2], "Views") || hasNote(ops[2], "CASCADE drops the views") {
		t.Errorf("no view reads orders: %q", ops[2].Notes)
	}
	rev = reviewUpgrade(t, `op.execute("CREATE VIEW adults AS SELECT id FROM users WHERE age >= 18")
op.execute("DROP TABLE users CASCADE")`, 16)
	if !hasNote(rev.Operations[1], "CASCADE drops the views reading users too: adults.") {
		t.Errorf("DROP TABLE users CASCADE does not say it drops the view: %q", rev.Operations[1].Notes)
	}
}
