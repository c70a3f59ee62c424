// Package verify proves a revision on a real PostgreSQL: on a scratch
// database it creates (a fresh database on a server, or a private throwaway
// cluster) it runs the project's own alembic through the round trip upgrade
// to the parent, seed rows, upgrade to the target, downgrade, upgrade again,
// checks that the rows survived, and traces the locks each statement of the
// upgrade takes. It never writes to a database it did not create. The CLI
// `verify` command and the MCP `verify_migration` tool both call Run.
package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/diagnose"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// SchemaVersion is the version of the Result document; it only grows.
const SchemaVersion = 1

// Options configure a verification.
type Options struct {
	// Target is a revision (id, prefix, label, head) or a range A:B; "" is head.
	Target string
	// DatabaseURL is the server to create the scratch database on ("" =
	// $ALEMBIC_PATTERNS_VERIFY_URL, else a private cluster).
	DatabaseURL string
	// UseProjectURL allows the server of the project's own URL (alembic.ini,
	// $DATABASE_URL), when it is local. Only a new database is created there.
	UseProjectURL bool
	// Seed is auto (default), none, or the path of an SQL file.
	Seed string
	// Alembic overrides how alembic is run (see autogen.FindCommand).
	Alembic []string
	// Timeout bounds each alembic run (0 = autogen.DefaultTimeout).
	Timeout time.Duration
	// Progress receives a line per step.
	Progress func(string)
	// Env is added to alembic's environment.
	Env []string
}

// Step names, in the order they run.
const (
	StepUpgradeParent = "upgrade-parent"
	StepSeed          = "seed"
	StepUpgrade       = "upgrade"
	StepDowngrade     = "downgrade"
	StepUpgradeAgain  = "upgrade-again"
)

// Step statuses.
const (
	Passed  = "passed"
	Failed  = "failed"
	Skipped = "skipped"
)

// Result is the outcome of a verification.
type Result struct {
	Version  int    `json:"version" jsonschema:"schema version of this document; currently 1"`
	Project  string `json:"project" jsonschema:"the project root"`
	Target   string `json:"target" jsonschema:"the target as given (head when none)"`
	Revision string `json:"revision" jsonschema:"the revision verified (the end of a range)"`
	Parent   string `json:"parent" jsonschema:"the revision the round trip starts from and returns to (base when none)"`
	// Passed: every step passed and no row or value was lost unexpectedly.
	Passed     bool         `json:"passed" jsonschema:"true when every step passed and no data was lost that the migration did not mean to drop"`
	Database   DatabaseInfo `json:"database" jsonschema:"where it ran"`
	Steps      []Step       `json:"steps" jsonschema:"the round trip, step by step"`
	Seed       SeedReport   `json:"seed" jsonschema:"the rows put in the database at the parent"`
	DataChecks []DataCheck  `json:"data_checks" jsonschema:"tables and columns whose rows or values did not survive the round trip"`
	DataKept   int          `json:"data_kept" jsonschema:"how many table and column checks found the data intact"`
	LockTrace  Trace        `json:"lock_trace" jsonschema:"the locks each statement of the target's upgrade took, in one transaction at the parent, rolled back"`
	// Comparison sets the review's predicted locks and rewrites beside the observed ones.
	Comparison []LockComparison `json:"predicted_vs_observed" jsonschema:"per table: the lock and rewrite the review predicts and those observed; a disagreement is a bug in the lock table"`
	Misses     int              `json:"misses" jsonschema:"steps that failed where no rule predicted the failure (a bug in alembic-patterns)"`
	Notes      []string         `json:"notes"`
}

// DatabaseInfo says where the verification ran.
type DatabaseInfo struct {
	Where        string `json:"where" jsonschema:"server (a fresh database on the given server) or cluster (a private throwaway cluster)"`
	Server       string `json:"server" jsonschema:"the server, password hidden"`
	Name         string `json:"name" jsonschema:"the scratch database's name"`
	Version      string `json:"version" jsonschema:"PostgreSQL server version"`
	URLMechanism string `json:"url_mechanism" jsonschema:"how env.py was pointed at the scratch database: -x db_url / DATABASE_URL / the ini copy"`
	Removed      bool   `json:"removed" jsonschema:"the scratch database (or cluster) was removed afterwards"`
}

// Step is one step of the round trip.
type Step struct {
	Name    string  `json:"name" jsonschema:"upgrade-parent / seed / upgrade / downgrade / upgrade-again"`
	Command string  `json:"command" jsonschema:"what ran"`
	Status  string  `json:"status" jsonschema:"passed / failed / skipped"`
	Seconds float64 `json:"seconds"`
	// Failing revision and error, verbatim.
	FailedRevision string               `json:"failed_revision,omitempty" jsonschema:"the revision alembic was running when it failed"`
	Error          string               `json:"error,omitempty" jsonschema:"the database's (or alembic's) error line, verbatim"`
	SQL            string               `json:"sql,omitempty" jsonschema:"the statement that failed, as SQLAlchemy quotes it"`
	Output         string               `json:"output,omitempty" jsonschema:"the end of alembic's output, for a failed step"`
	Diagnoses      []diagnose.Diagnosis `json:"diagnoses,omitempty" jsonschema:"what the error means (as diagnose_error says)"`
	// PredictedBy are the rules that reported the failing revision and explain the error.
	PredictedBy []string `json:"predicted_by,omitempty" jsonschema:"rules that reported the failing revision and whose error this is"`
	Miss        bool     `json:"miss,omitempty" jsonschema:"the step failed and no rule predicted it"`
}

// DataCheck is a table or column whose data did not survive.
type DataCheck struct {
	Table  string `json:"table"`
	Column string `json:"column,omitempty" jsonschema:"empty for the table's row count"`
	// Between says which two points were compared.
	Between string `json:"between" jsonschema:"the two points compared: seed -> downgrade (the parent, before and after), or upgrade -> upgrade-again"`
	Before  int64  `json:"before" jsonschema:"rows (or non-NULL values) at the first point"`
	After   int64  `json:"after" jsonschema:"rows (or non-NULL values) at the second point"`
	Status  string `json:"status" jsonschema:"lost (unexpected: the round trip loses data) or expected (an operation of the migration deletes it)"`
	Why     string `json:"why,omitempty" jsonschema:"the operation that deletes it, for expected"`
}

// LockComparison is one table's predicted and observed lock and rewrite.
type LockComparison struct {
	Table            string `json:"table"`
	PredictedLock    string `json:"predicted_lock" jsonschema:"strongest lock the review predicts on the table (empty: none)"`
	ObservedLock     string `json:"observed_lock" jsonschema:"strongest lock observed (empty: none)"`
	PredictedRewrite string `json:"predicted_rewrite" jsonschema:"yes / no / unknown"`
	ObservedRewrite  string `json:"observed_rewrite" jsonschema:"yes / no"`
	Agree            bool   `json:"agree" jsonschema:"prediction and observation agree (an unknown prediction never disagrees)"`
}

// Run verifies a target of the project.
func Run(ctx context.Context, proj *project.Project, opts Options) (res *Result, err error) {
	progress := func(string) {}
	if opts.Progress != nil {
		progress = opts.Progress
	}
	target := strings.TrimSpace(opts.Target)
	if target == "" {
		target = "head"
	}
	seed := opts.Seed
	if seed == "" {
		seed = SeedAuto
	}
	res = &Result{Version: SchemaVersion, Project: proj.Root, Target: target, Steps: []Step{}, DataChecks: []DataCheck{},
		Comparison: []LockComparison{}, Notes: []string{}, Seed: SeedReport{Mode: seed, Tables: []SeededTable{}},
		LockTrace: Trace{Status: Skipped, Statements: []TracedStatement{}}}
	if seed != SeedAuto && seed != SeedNone {
		res.Seed.Mode, res.Seed.File = "file", seed
		if _, err := os.Stat(seed); err != nil {
			return nil, fmt.Errorf("--seed %s: %w", seed, err)
		}
	}

	plan, err := resolve(ctx, proj, target)
	if err != nil {
		return nil, err
	}
	res.Revision, res.Parent = plan.revision, plan.parent
	inv, err := autogen.Locate(proj, opts.Alembic)
	if err != nil {
		return nil, err
	}
	server, driver, err := chooseServer(proj, inv, opts)
	if err != nil {
		return nil, err
	}

	// The scratch database; removed whatever happens next (a cancel too).
	var db *scratch
	if server != nil {
		progress("creating a scratch database on " + redacted(server))
		db, err = onServer(ctx, server, "server")
		if err == nil {
			res.Database.Server = redacted(server)
		}
	} else {
		bin := findServerBin()
		if bin == "" {
			return nil, errNoDatabase
		}
		progress("starting a private PostgreSQL cluster (" + bin + ")")
		db, err = startCluster(ctx, bin)
		if err == nil {
			res.Database.Server = "private cluster on a Unix socket in " + db.conn.Query().Get("host") + " (" + bin + ")"
		}
	}
	if err != nil {
		return nil, err
	}
	res.Database.Where, res.Database.Version, res.Database.Name = db.where, db.version, strings.TrimPrefix(db.conn.Path, "/")
	progress("created the scratch database " + res.Database.Name + " (PostgreSQL " + db.version + ")")
	result := res // the deferred removal reports into it; an error return leaves res nil
	defer func() {
		rmErr := db.remove()
		switch {
		case rmErr != nil && err != nil:
			err = errors.Join(err, fmt.Errorf("the scratch database could not be removed: %w", rmErr))
		case rmErr != nil:
			result.Notes = append(result.Notes, "the scratch database could not be removed: "+rmErr.Error())
		default:
			result.Database.Removed = true
		}
	}()

	tmp, err := os.MkdirTemp("", "ap-verify-ini-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	r := &runner{inv: inv, tmp: tmp, env: opts.Env, timeout: opts.Timeout}
	scratchURL := db.sqlalchemyURL(driver)

	progress("finding how env.py reads the database URL")
	mech, probeOut, err := probeMechanism(ctx, db, r, scratchURL, deadURL(tmp, driver))
	if err != nil {
		return nil, err
	}
	if mech == "" {
		return nil, errors.New(ignoredMessage(probeOut))
	}
	res.Database.URLMechanism = mech
	v := &verification{res: res, r: r, db: db, to: allTo(scratchURL), plan: plan, proj: proj, progress: progress}
	v.roundTrip(ctx, seed)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// plan is the revisions a verification runs between.
type plan struct {
	revision, parent string
	// upgrade are the review's analysis of the revisions the upgrade applies.
	reviewed []review.Revision
}

// resolve finds the target revision and its parent.
func resolve(ctx context.Context, proj *project.Project, target string) (*plan, error) {
	from, _, isRange := strings.Cut(target, ":")
	rv, err := review.Analyze(ctx, proj, target, review.Options{Check: check.Options{Profile: string(rules.ZeroDowntime)}})
	if err != nil {
		return nil, err
	}
	if len(rv.Revisions) == 0 {
		return nil, fmt.Errorf("%s names no revision", target)
	}
	if !strings.Contains(rv.Assumptions.Dialect, "postgresql") {
		return nil, fmt.Errorf("verify runs on PostgreSQL; this project's dialect is %s", rv.Assumptions.Dialect)
	}
	last := rv.Revisions[len(rv.Revisions)-1]
	p := &plan{revision: last.Revision, reviewed: rv.Revisions}
	if isRange {
		if p.parent = strings.TrimSpace(from); p.parent == "" {
			p.parent = "base"
		}
		return p, nil
	}
	if len(rv.Revisions) > 1 {
		return nil, fmt.Errorf("%s names %d revisions (several heads?): name one revision, or a range A:B", target, len(rv.Revisions))
	}
	switch parents := last.History.Parents; len(parents) {
	case 0:
		p.parent = "base"
	case 1:
		p.parent = parents[0]
	default:
		return nil, fmt.Errorf("%s merges %s: verify the range from one of its parents instead, e.g. %s:%s",
			last.Revision, strings.Join(parents, " and "), parents[0], last.Revision)
	}
	return p, nil
}

// chooseServer picks the server for the scratch database (nil: a private
// cluster) and the SQLAlchemy driver to name in the URLs.
func chooseServer(proj *project.Project, inv *autogen.Invocation, opts Options) (*url.URL, string, error) {
	projectURLs := projectURLs(inv)
	driver := ""
	for _, raw := range projectURLs {
		if u, d, err := serverURL(raw); err == nil && u != nil && driver == "" {
			driver = d
		}
	}
	given, from := opts.DatabaseURL, "--database-url"
	if given == "" {
		given, from = os.Getenv(EnvURL), "$"+EnvURL
	}
	if given == "" && opts.UseProjectURL {
		if len(projectURLs) == 0 {
			return nil, "", errors.New("--use-project-url: the project names no PostgreSQL URL (sqlalchemy.url in alembic.ini, $DATABASE_URL)")
		}
		given, from = projectURLs[0], "the project's URL"
	}
	onProjectServer := given != "" && from == "the project's URL"
	if given == "" {
		return nil, driver, nil
	}
	u, d, err := serverURL(given)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", from, err)
	}
	if driver == "" {
		driver = d
	}
	for _, raw := range projectURLs {
		if pu, _, err := serverURL(raw); err == nil && sameServer(u, pu) && strings.Trim(u.Path, "/") == strings.Trim(pu.Path, "/") {
			if !opts.UseProjectURL {
				return nil, "", fmt.Errorf("%s points at the project's own database (%s): verify refuses it unless --use-project-url "+
					"is given (even then it only creates and drops a new database on that server, and only on a local server)", from, redacted(pu))
			}
			if !isLocal(u) {
				return nil, "", fmt.Errorf("--use-project-url: %s is not a local server; verify only uses the project's own server when it runs on this machine", redacted(u))
			}
		}
	}
	if opts.UseProjectURL && !isLocal(u) {
		return nil, "", fmt.Errorf("--use-project-url: %s is not a local server; verify only uses the project's own server when it runs on this machine", redacted(u))
	}
	if onProjectServer {
		u.Path = "/postgres" // the maintenance database: the project's own is not even connected to
	}
	return u, driver, nil
}

// sameServer reports whether two URLs name the same server (host and port).
func sameServer(a, b *url.URL) bool {
	host := func(u *url.URL) string {
		h := u.Hostname()
		if q := u.Query().Get("host"); q != "" {
			h = q
		}
		if h == "" || h == "localhost" || h == "::1" || h == "127.0.0.1" {
			h = "local"
		}
		return h
	}
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if p := u.Query().Get("port"); p != "" {
			return p
		}
		return "5432"
	}
	return host(a) == host(b) && port(a) == port(b)
}

// projectURLs are the PostgreSQL URLs the project itself uses: its ini's
// sqlalchemy.url and the URL environment variables.
func projectURLs(inv *autogen.Invocation) []string {
	var out []string
	if ini := inv.IniConfig(); ini != "" {
		if u := iniURL(ini, inv.ScriptDir.Name); u != "" {
			out = append(out, u)
		}
	}
	for _, v := range urlEnvVars {
		if u := os.Getenv(v); u != "" {
			out = append(out, u)
		}
	}
	return slices.DeleteFunc(out, func(s string) bool { _, _, err := serverURL(s); return err != nil || strings.Contains(s, "%(") })
}

var iniValue = regexp.MustCompile(`^\s*sqlalchemy\.url\s*[=:]\s*(.*?)\s*$`)

// iniURL is the sqlalchemy.url of a section of an ini ("" when none).
func iniURL(path, section string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if section == "" || section == "tool.alembic" {
		section = "alembic"
	}
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		if m := sectionHeader.FindStringSubmatch(line); m != nil {
			in = strings.TrimSpace(m[1]) == section
		} else if m := iniValue.FindStringSubmatch(line); in && m != nil {
			return strings.ReplaceAll(m[1], "%%", "%")
		}
	}
	return ""
}

// probeMechanism plants the sentinel, probes, and removes the sentinel.
func probeMechanism(ctx context.Context, db *scratch, r *runner, scratchURL, dead string) (string, string, error) {
	conn, err := db.connect(ctx)
	if err != nil {
		return "", "", err
	}
	defer conn.Close(context.Background())
	sentinel := strings.Replace(newName(), "ap_verify_", "apverify", 1)
	if _, err := conn.Exec(ctx, "CREATE TABLE "+sentinelTable+" (version_num varchar(32) PRIMARY KEY); INSERT INTO "+
		sentinelTable+" VALUES ('"+sentinel+"')", pgx.QueryExecModeSimpleProtocol); err != nil {
		return "", "", err
	}
	mech, out, err := r.probe(ctx, scratchURL, dead, sentinel)
	if err != nil {
		return "", out, err
	}
	_, err = conn.Exec(ctx, "DROP TABLE "+sentinelTable)
	return mech, out, err
}

// verification is the state of one round trip.
type verification struct {
	res      *Result
	r        *runner
	db       *scratch
	to       targets
	plan     *plan
	proj     *project.Project
	progress func(string)
}

// roundTrip runs the steps; a failed step skips the rest.
func (v *verification) roundTrip(ctx context.Context, seed string) {
	p := v.plan
	if !v.alembic(ctx, StepUpgradeParent, "upgrade", p.parent) {
		return
	}
	if !v.seed(ctx, seed) {
		return
	}
	atParent := v.snapshot(ctx)
	v.trace(ctx)
	v.res.Comparison = v.comparison()
	if !v.alembic(ctx, StepUpgrade, "upgrade", p.revision) {
		return
	}
	atTarget := v.snapshot(ctx)
	if !v.alembic(ctx, StepDowngrade, "downgrade", p.parent) {
		return
	}
	v.compare(atParent, v.snapshot(ctx), "seed -> downgrade")
	if !v.alembic(ctx, StepUpgradeAgain, "upgrade", p.revision) {
		return
	}
	v.compare(atTarget, v.snapshot(ctx), "upgrade -> upgrade-again")
	v.res.Passed = !slices.ContainsFunc(v.res.DataChecks, func(d DataCheck) bool { return d.Status == "lost" })
}

// skipRest marks the steps after a failure as skipped.
func (v *verification) skipRest(after string) {
	names := []string{StepUpgradeParent, StepSeed, StepUpgrade, StepDowngrade, StepUpgradeAgain}
	for _, n := range names[slices.Index(names, after)+1:] {
		v.res.Steps = append(v.res.Steps, Step{Name: n, Status: Skipped})
	}
}

// alembic runs one alembic step; false when it failed.
func (v *verification) alembic(ctx context.Context, name string, args ...string) bool {
	if name == StepUpgradeParent && args[1] == "base" {
		v.res.Steps = append(v.res.Steps, Step{Name: name, Command: "(none: the target is a base revision)", Status: Passed})
		return true
	}
	v.progress(name + ": alembic " + strings.Join(args, " "))
	start := time.Now()
	shown, out, err := v.r.run(ctx, v.to, nil, args...)
	st := Step{Name: name, Command: shown, Status: Passed, Seconds: time.Since(start).Seconds()}
	if err != nil {
		st.Status = Failed
		st.Output = autogen.Tail(out, 40)
		if _, ok := errors.AsType[*autogen.RunError](err); !ok {
			st.Error = err.Error()
		}
		v.explain(ctx, &st, out)
	}
	v.res.Steps = append(v.res.Steps, st)
	if err != nil {
		v.skipRest(name)
	}
	return err == nil
}

// sqlLine is SQLAlchemy's quote of the failed statement.
var sqlLine = regexp.MustCompile(`(?m)^\[SQL: (.*?)\]?$`)

// explain fills in the error of a failed step, its diagnoses, the rules that
// predicted it, or the miss.
func (v *verification) explain(ctx context.Context, st *Step, out string) {
	rev, _ := diagnose.Running(out)
	st.FailedRevision = rev
	st.Diagnoses = diagnose.Diagnose(out)
	if st.Error == "" && len(st.Diagnoses) > 0 {
		st.Error = st.Diagnoses[0].Error
	}
	if m := sqlLine.FindAllStringSubmatch(out, -1); len(m) > 0 {
		st.SQL = strings.TrimSpace(m[len(m)-1][1])
	}
	found := v.findings(ctx, rev)
	for _, d := range st.Diagnoses {
		for _, rule := range d.Rules {
			if slices.Contains(found, rule) && !slices.Contains(st.PredictedBy, rule) {
				st.PredictedBy = append(st.PredictedBy, rule)
			}
		}
	}
	if len(st.PredictedBy) == 0 {
		st.Miss = true
		v.res.Misses++
	}
}

// findings are the rules that report a revision (the failing one).
func (v *verification) findings(ctx context.Context, rev string) []string {
	var out []string
	add := func(r review.Revision) {
		for _, f := range r.Findings {
			out = append(out, f.Rule)
		}
	}
	for _, r := range v.plan.reviewed {
		if rev == "" || strings.HasPrefix(r.Revision, rev) || strings.HasPrefix(rev, r.Revision) {
			add(r)
		}
	}
	if len(out) == 0 && rev != "" {
		if rv, err := review.Analyze(ctx, v.proj, rev, review.Options{Check: check.Options{Profile: string(rules.ZeroDowntime)}}); err == nil {
			for _, r := range rv.Revisions {
				add(r)
			}
		}
	}
	return out
}

// seed puts the rows in; false when it failed.
func (v *verification) seed(ctx context.Context, mode string) bool {
	start := time.Now()
	st := Step{Name: StepSeed, Command: "seed " + mode, Status: Passed}
	var err error
	switch v.res.Seed.Mode {
	case SeedNone:
		st.Command = "(none)"
	case SeedAuto:
		v.progress("seeding rows")
		err = v.withConn(ctx, func(conn *pgx.Conn) error {
			tables, err := seedAuto(ctx, conn)
			v.res.Seed.Tables = append(v.res.Seed.Tables, tables...)
			return err
		})
	default:
		v.progress("running " + mode)
		st.Command = "psql -f " + mode
		err = v.withConn(ctx, func(conn *pgx.Conn) error { return seedFile(ctx, conn, mode) })
	}
	st.Seconds = time.Since(start).Seconds()
	if err != nil {
		st.Status, st.Error = Failed, pgError(err)
	}
	v.res.Steps = append(v.res.Steps, st)
	if err != nil {
		v.skipRest(StepSeed)
	}
	return err == nil
}

func (v *verification) withConn(ctx context.Context, fn func(*pgx.Conn) error) error {
	conn, err := v.db.connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	return fn(conn)
}

// trace renders the upgrade's SQL offline and traces it at the parent.
func (v *verification) trace(ctx context.Context) {
	v.progress("tracing the locks of the upgrade")
	var sql bytes.Buffer
	rng := v.plan.parent + ":" + v.plan.revision
	shown, out, err := v.r.run(ctx, v.to, &sql, "upgrade", rng, "--sql")
	v.res.LockTrace.Command = shown
	if err != nil {
		v.res.LockTrace.Reason = "offline SQL mode (--sql) could not render the migration (it uses the connection, or env.py has no offline mode); " +
			"the round trip still runs. alembic said: " + lastLine(out)
		return
	}
	stmts, err := statements(sql.String())
	if err != nil {
		v.res.LockTrace.Reason = err.Error()
		return
	}
	err = v.withConn(ctx, func(conn *pgx.Conn) error {
		tr, err := trace(ctx, conn, stmts, v.predict)
		if err == nil {
			tr.Command = shown
			v.res.LockTrace = *tr
		}
		return err
	})
	if err != nil {
		v.res.LockTrace.Reason = "the trace stopped: " + err.Error()
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// predict is the review's static prediction for a statement that cannot run
// in a transaction: the locks of the upgrade operation whose SQL it is.
func (v *verification) predict(sql string) []ObservedLock {
	norm := normalize(sql)
	out := []ObservedLock{}
	for _, rev := range v.plan.reviewed {
		for _, op := range rev.Operations {
			if op.Function != "upgrade" || op.SQL == "" || !strings.Contains(norm, "concurrently") != !strings.Contains(normalize(op.SQL), "concurrently") {
				continue
			}
			if normalize(op.SQL) != norm && (op.Table == "" || !strings.Contains(norm, strings.ToLower(op.Table))) {
				continue
			}
			for _, l := range op.Locks {
				out = append(out, ObservedLock{Relation: l.Table, Kind: "table", Mode: modeOf(l.Mode), Level: l.Mode, Blocks: blocked(l.Mode), Predicted: true})
			}
			return out
		}
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)

func normalize(sql string) string {
	return strings.TrimSuffix(strings.ToLower(spaces.ReplaceAllString(strings.TrimSpace(sql), " ")), ";")
}
