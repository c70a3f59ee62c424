package proof

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/verify"
)

// verifyRun is one `alembic-patterns verify --format json` run.
type verifyRun struct {
	res  *verify.Result
	exec execResult
}

// verifyEnv is the environment of a verify run: the project's alembic is
// Debian's, the models at their AFTER stage.
func verifyEnv(tl *tools, extra ...string) []string {
	return append(pythonEnv("MODELS_STAGE=after", "ALEMBIC_PATTERNS_ALEMBIC_CMD="+tl.alembic, verify.EnvURL+"="), extra...)
}

// runVerify runs verify in dir on the CI server (a scratch database there)
// and checks that the scratch database is gone afterwards.
func runVerify(t *testing.T, tl *tools, dir string, args ...string) verifyRun {
	t.Helper()
	full := append([]string{"verify", "--format", "json", "--database-url", tl.dbURL("postgres", false)}, args...)
	res := run(dir, verifyEnv(tl), true, binary(t), full...)
	v := verifyRun{exec: res}
	if res.code != 0 && res.code != 1 {
		t.Fatalf("verify exited %d:\n%s", res.code, res)
	}
	var r verify.Result
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("verify printed no JSON document: %v\n%s", err, res)
	}
	v.res = &r
	if !r.Database.Removed || r.Database.Name == "" {
		t.Errorf("the scratch database %q was not reported removed", r.Database.Name)
	}
	if rows, err := tl.admin(fmt.Sprintf("SELECT count(*) FROM pg_database WHERE datname = '%s'", r.Database.Name)); err != nil || rows[0] != "0" {
		t.Errorf("the scratch database %s is still there (%v, %v)", r.Database.Name, rows, err)
	}
	if (res.code == 0) != r.Passed {
		t.Errorf("exit %d with passed=%v", res.code, r.Passed)
	}
	return v
}

// failed is the first failed step ("" when none).
func (v verifyRun) failed() verify.Step {
	for _, s := range v.res.Steps {
		if s.Status == verify.Failed {
			return s
		}
	}
	return verify.Step{}
}

// verifySteps maps the scenarios' round-trip steps to verify's.
var verifySteps = map[step]string{stepU: verify.StepUpgrade, stepD: verify.StepDowngrade, stepU2: verify.StepUpgradeAgain}

// verifyScenario runs verify on a scenario's revision 0002 with its seed
// rows: it must fail where the round trip fails (with the predicted error,
// named by a rule), or pass.
func verifyScenario(t *testing.T, tl *tools, p *project, sc scenario, failAt step, phase string) string {
	start := time.Now()
	v := runVerify(t, tl, p.dir, "0002", "--seed", p.seed)
	t.Logf("verify %s took %.1fs", phase, time.Since(start).Seconds())
	var locks []string
	for _, c := range v.res.Comparison {
		locks = append(locks, fmt.Sprintf("%s %s/%s rewrite %s/%s", c.Table, orDash(c.PredictedLock), orDash(c.ObservedLock), c.PredictedRewrite, c.ObservedRewrite))
		if !c.Agree {
			t.Errorf("verify %s: the review's lock table disagrees with the database on %s: %+v", phase, c.Table, c)
		}
	}
	observed := " [locks predicted/observed: " + orDash(strings.Join(locks, "; ")) + "; trace " + v.res.LockTrace.Status + "]"
	f := v.failed()
	if failAt == "" {
		if !v.res.Passed {
			t.Errorf("verify %s: want a pass, got failed step %q (%s)\n%s", phase, f.Name, f.Error, v.exec.output)
			return "FAIL at " + f.Name + observed
		}
		return "pass" + observed
	}
	want := verifySteps[failAt]
	switch {
	case f.Name != want:
		t.Errorf("verify %s: failed at %q, want %q (%s)\n%s", phase, f.Name, want, f.Error, v.exec.output)
	case sc.predicts != "" && !strings.Contains(f.Error+f.Output, sc.predicts):
		t.Errorf("verify %s: the error %q is not the predicted %q", phase, f.Error, sc.predicts)
	case f.Miss || len(f.PredictedBy) == 0:
		t.Errorf("verify %s: failure at %s not named by a rule (miss): %s", phase, f.Name, f.Error)
	}
	return fmt.Sprintf("fails at %s, predicted by %s", f.Name, strings.Join(f.PredictedBy, ", ")) + observed
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// verifyProject is a hand-written project: revision 0001 creates the
// tables, later revisions are added by each test.
func verifyProject(t *testing.T, tl *tools) string {
	t.Helper()
	dir := t.TempDir()
	p := newProject(t, tl, "e", nil)
	for _, f := range []string{"alembic.ini", "alembic/env.py", "alembic/script.py.mako", "models.py"} {
		data, err := os.ReadFile(filepath.Join(p.dir, f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), string(data))
	}
	writeRevision(t, dir, "0001", "", `
    op.create_table('users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(200), nullable=True),
        sa.Column('code', sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_table('orders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'))`, `
    op.drop_table('orders')
    op.drop_table('users')`)
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeRevision writes alembic/versions/<id>_rev.py with those bodies.
func writeRevision(t *testing.T, dir, id, down, upgrade, downgrade string) {
	t.Helper()
	downRev := "None"
	if down != "" {
		downRev = "'" + down + "'"
	}
	writeFile(t, filepath.Join(dir, "alembic", "versions", id+"_rev.py"), fmt.Sprintf(`"""revision %s"""
from alembic import op
import sqlalchemy as sa

revision = '%s'
down_revision = %s
branch_labels = None
depends_on = None


def upgrade():%s


def downgrade():%s
`, id, id, downRev, upgrade, downgrade))
}

// TestVerifySeed: the failures that only happen with rows show up with
// --seed auto, and not with --seed none.
func TestVerifySeed(t *testing.T) {
	tl := getTools(t, true)
	cases := []struct {
		name, upgrade, downgrade, err string
	}{
		{"not-null-on-null-rows", `
    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=False)`, `
    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=True)`,
			`column "email" of relation "users" contains null values`},
		{"failing-cast", `
    op.alter_column('users', 'code', existing_type=sa.String(20), type_=sa.Integer(), postgresql_using='code::integer')`, `
    op.alter_column('users', 'code', existing_type=sa.Integer(), type_=sa.String(20))`,
			`invalid input syntax for type integer`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := verifyProject(t, tl)
			writeRevision(t, dir, "0002", "0001", c.upgrade, c.downgrade)
			none := runVerify(t, tl, dir, "--seed", "none")
			if !none.res.Passed {
				t.Errorf("--seed none: want a pass, got %+v\n%s", none.failed(), none.exec.output)
			}
			auto := runVerify(t, tl, dir, "--seed", "auto")
			f := auto.failed()
			if f.Name != verify.StepUpgrade || !strings.Contains(f.Error, c.err) {
				t.Errorf("--seed auto: want a failed upgrade with %q, got %q: %q\n%s", c.err, f.Name, f.Error, auto.exec.output)
			}
			t.Logf("--seed none: passed; --seed auto: %s failed: %s; predicted by %v, miss %v", f.Name, f.Error, f.PredictedBy, f.Miss)
		})
	}
}

// TestVerifyLockTrace: the locks and rewrites the trace observes.
func TestVerifyLockTrace(t *testing.T) {
	tl := getTools(t, true)
	dir := verifyProject(t, tl)
	writeRevision(t, dir, "0002", "0001", `
    op.create_index('ix_users_code', 'users', ['code'])
    op.add_column('orders', sa.Column('created', sa.DateTime(), server_default=sa.text('clock_timestamp()'), nullable=False))
    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=False)
    with op.get_context().autocommit_block():
        op.create_index('ix_orders_note', 'orders', ['note'], postgresql_concurrently=True)`, `
    with op.get_context().autocommit_block():
        op.drop_index('ix_orders_note', table_name='orders', postgresql_concurrently=True)
    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=True)
    op.drop_column('orders', 'created')
    op.drop_index('ix_users_code', table_name='users')`)
	v := runVerify(t, tl, dir, "--seed", "none")
	if !v.res.Passed || v.res.LockTrace.Status != "traced" {
		t.Fatalf("want a pass with a full trace, got passed=%v trace %s (%s)\n%s", v.res.Passed, v.res.LockTrace.Status, v.res.LockTrace.Reason, v.exec.output)
	}
	find := func(prefix string) verify.TracedStatement {
		for _, s := range v.res.LockTrace.Statements {
			if strings.HasPrefix(s.SQL, prefix) {
				return s
			}
		}
		t.Fatalf("no traced statement %q in %+v", prefix, v.res.LockTrace.Statements)
		return verify.TracedStatement{}
	}
	lockOn := func(s verify.TracedStatement, rel string) verify.ObservedLock {
		for _, l := range s.Locks {
			if l.Relation == rel && l.Kind == "table" {
				return l
			}
		}
		t.Errorf("%s: no lock on %s: %+v", s.SQL, rel, s.Locks)
		return verify.ObservedLock{}
	}
	idx := find("CREATE INDEX ix_users_code")
	if l := lockOn(idx, "users"); l.Mode != "ShareLock" || !slices.Contains(l.Blocks, "INSERT/UPDATE/DELETE") || slices.Contains(l.Blocks, "SELECT") {
		t.Errorf("CREATE INDEX: %+v, want ShareLock blocking INSERT/UPDATE/DELETE and not SELECT", l)
	}
	add := find("ALTER TABLE orders ADD COLUMN created")
	if !slices.Contains(add.Rewritten, "orders") {
		t.Errorf("ADD COLUMN with a volatile default: want orders rewritten, got %+v", add)
	}
	nn := find("ALTER TABLE users ALTER COLUMN email SET NOT NULL")
	if l := lockOn(nn, "users"); l.Mode != "AccessExclusiveLock" || len(nn.Rewritten) > 0 {
		t.Errorf("SET NOT NULL: %+v rewritten %v, want AccessExclusiveLock and no rewrite", l, nn.Rewritten)
	}
	conc := find("CREATE INDEX CONCURRENTLY ix_orders_note")
	if conc.Traced || !strings.Contains(conc.NotTraced, "transaction") {
		t.Errorf("CONCURRENTLY: want not traced inside a transaction, got %+v", conc)
	}
	if l := lockOn(conc, "orders"); !l.Predicted || l.Mode != "ShareUpdateExclusiveLock" {
		t.Errorf("CONCURRENTLY: want the static prediction SHARE UPDATE EXCLUSIVE, got %+v", l)
	}
	// review --verify shows the same observations next to the review's predictions
	rres := run(dir, verifyEnv(tl), true, binary(t), "review", "0002", "--verify", "--format", "json", "--database-url", tl.dbURL("postgres", false))
	var doc struct {
		Revisions    []json.RawMessage `json:"revisions"`
		Verification *verify.Result    `json:"verification"`
	}
	if err := json.Unmarshal([]byte(rres.stdout), &doc); err != nil || len(doc.Revisions) != 1 || doc.Verification == nil ||
		len(doc.Verification.Comparison) != len(v.res.Comparison) {
		t.Errorf("review --verify: want the review with the verification beside it (%v)\n%s", err, rres)
	}
	for _, c := range v.res.Comparison {
		t.Logf("predicted vs observed: %s: lock %s / %s, rewrite %s / %s, agree %v", c.Table, c.PredictedLock, c.ObservedLock, c.PredictedRewrite, c.ObservedRewrite, c.Agree)
		if !c.Agree {
			t.Errorf("the review's prediction disagrees with the trace on %s: %+v", c.Table, c)
		}
	}
}

// TestVerifySafety: verify refuses the project's own database, skips only
// the trace of a migration offline mode cannot render, and stops when env.py
// ignores every way of giving it a URL.
func TestVerifySafety(t *testing.T) {
	tl := getTools(t, true)
	dir := verifyProject(t, tl)
	writeRevision(t, dir, "0002", "0001", "\n    op.add_column('users', sa.Column('age', sa.Integer()))", "\n    op.drop_column('users', 'age')")
	ini := filepath.Join(dir, "alembic.ini")
	original, _ := os.ReadFile(ini)
	setURL := func(u string) {
		writeFile(t, ini, strings.Replace(string(original), "postgresql+psycopg2://localhost/set-by-DATABASE_URL", u, 1))
	}
	refused := func(name, want string, args ...string) {
		t.Helper()
		res := run(dir, verifyEnv(tl), true, binary(t), append([]string{"verify"}, args...)...)
		if res.code != 2 || !strings.Contains(res.output, want) {
			t.Errorf("%s: want exit 2 saying %q, got\n%s", name, want, res)
		}
	}
	projectURL := tl.dbURL("ap_proof_the_real_one", false)
	setURL(projectURL)
	refused("the project's database", "points at the project's own database", "--database-url", projectURL)
	setURL("postgresql+psycopg2://app:secret@10.11.12.13/app")
	refused("a remote project server", "is not a local server", "--use-project-url")
	setURL("postgresql+psycopg2://localhost/set-by-DATABASE_URL")

	// a migration offline SQL mode cannot render: the trace is skipped, not the round trip
	writeRevision(t, dir, "0003", "0002", `
    if op.get_bind().execute(sa.text("SELECT count(*) FROM users")).scalar() == 0:
        op.add_column('users', sa.Column('note', sa.Text()))`, "\n    op.drop_column('users', 'note')")
	if v := runVerify(t, tl, dir, "0003", "--seed", "none"); !v.res.Passed || v.res.LockTrace.Status != "skipped" || !strings.Contains(v.res.LockTrace.Reason, "offline SQL mode") {
		t.Errorf("a migration that uses the connection: want a pass with the trace skipped, got passed=%v trace %s: %s", v.res.Passed, v.res.LockTrace.Status, v.res.LockTrace.Reason)
	}

	// env.py that connects to a URL of its own: verify stops before any step
	envPy := filepath.Join(dir, "alembic", "env.py")
	code, _ := os.ReadFile(envPy)
	writeFile(t, envPy, strings.Replace(string(code), `url = os.environ.get("DATABASE_URL")`, `url = "postgresql://nobody@/nowhere?host=/nonexistent"`, 1))
	refused("env.py ignoring the URL", "env.py does not connect to the database verify points it at", "--database-url", tl.dbURL("postgres", false))
	if rows, err := tl.admin("SELECT count(*) FROM pg_database WHERE datname LIKE 'ap_verify_%'"); err == nil {
		t.Logf("scratch databases left on the server (other tests may be running): %s", rows[0])
	}
}

// TestVerifyInterruptDropsTheDatabase: Ctrl-C in the middle of the round
// trip still drops the scratch database on the server.
func TestVerifyInterruptDropsTheDatabase(t *testing.T) {
	tl := getTools(t, true)
	dir := verifyProject(t, tl)
	writeRevision(t, dir, "0002", "0001", "\n    op.add_column('users', sa.Column('age', sa.Integer()))", "\n    op.drop_column('users', 'age')")
	cmd := exec.Command(binary(t), "verify", "--database-url", tl.dbURL("postgres", false))
	cmd.Dir, cmd.Env = dir, verifyEnv(tl, "ALEMBIC_PATTERNS_LOG=info")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	name := ""
	created := regexp.MustCompile(`created the scratch database (ap_verify_\w+)`)
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := created.FindStringSubmatch(lines.Text()); m != nil {
			name = m[1]
			break
		}
	}
	if name == "" {
		_ = cmd.Process.Kill()
		t.Fatal("verify never said which scratch database it created")
	}
	for lines.Scan() { // interrupt during the first alembic run
		if strings.Contains(lines.Text(), "upgrade-parent") {
			break
		}
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	go func() {
		for lines.Scan() {
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		t.Logf("verify after SIGINT: %v", err)
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("verify did not stop within a minute of SIGINT")
	}
	if rows, err := tl.admin(fmt.Sprintf("SELECT count(*) FROM pg_database WHERE datname = '%s'", name)); err != nil || rows[0] != "0" {
		t.Errorf("after SIGINT the scratch database %s is still there (%v, %v)", name, rows, err)
	}
}

// TestVerifyPrivateCluster: without a server URL verify starts its own
// cluster, and removes it after a pass, a failure and an interrupt.
func TestVerifyPrivateCluster(t *testing.T) {
	tl := getTools(t, true)
	if _, err := exec.LookPath("/usr/lib/postgresql/15/bin/initdb"); err != nil {
		if _, err := exec.LookPath("initdb"); err != nil {
			t.Skip("no initdb")
		}
	}
	dir := verifyProject(t, tl)
	// the cluster's directory is made here, where the test can see what is left
	tmp, err := os.MkdirTemp("", "ap-verify-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	env := verifyEnv(tl, "TMPDIR="+tmp)
	leftovers := func(when string) {
		t.Helper()
		if left, _ := filepath.Glob(filepath.Join(tmp, "ap-verify-*")); len(left) > 0 {
			t.Errorf("%s: left behind %v", when, left)
		}
		if out, _ := exec.Command("pgrep", "-f", tmp).Output(); len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("%s: processes left: %s", when, out)
		}
	}
	writeRevision(t, dir, "0002", "0001", "\n    op.add_column('users', sa.Column('age', sa.Integer()))", "\n    op.drop_column('users', 'age')")
	res := run(dir, env, true, binary(t), "verify", "--format", "json")
	var r verify.Result
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil || !r.Passed || r.Database.Where != "cluster" || !r.Database.Removed {
		t.Errorf("a passing verify on a private cluster: %v %+v\n%s", err, r.Database, res)
	}
	leftovers("after a pass")

	writeRevision(t, dir, "0003", "0002", "\n    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=False)",
		"\n    op.alter_column('users', 'email', existing_type=sa.String(200), nullable=True)")
	res = run(dir, env, true, binary(t), "verify", "--format", "json")
	if res.code != 1 || !strings.Contains(res.stdout, "contains null values") {
		t.Errorf("a failing verify on a private cluster: want exit 1 with the NOT NULL error\n%s", res)
	}
	leftovers("after a failure")

	// interrupted once the cluster runs
	cmd := exec.Command(binary(t), "verify")
	cmd.Dir, cmd.Env = dir, env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if pids, _ := filepath.Glob(filepath.Join(tmp, "ap-verify-*", "data", "postmaster.pid")); len(pids) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // into the alembic runs
	_ = cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("verify did not stop within a minute of SIGINT")
	}
	leftovers("after an interrupt")
}
