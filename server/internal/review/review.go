// Package review explains what the operations of one or more revisions will do
// to a live database: the SQL they amount to, the locks they take, whether they
// rewrite or scan the table, what the downgrade undoes, the history around the
// revision and the recommendations that follow. The CLI `review` command and
// the MCP `review_migration` tool both call Analyze.
package review

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Options configure a review.
type Options struct {
	// Check selects the rules whose findings are included; its Target is
	// replaced by the review's target.
	Check check.Options
	// PostgresVersion is the server major version the facts are stated for;
	// 0 = Check.PostgresVersion, then the project's setting, else 16 (and the
	// review says it assumed so).
	PostgresVersion int
}

// assumedPostgres is the version used when none is configured.
const assumedPostgres = 16

// maxRevisions bounds the revisions one review returns: every revision of a
// long history, each with its operations, made `review all` of 20,000
// revisions grow past what any caller can read (and over MCP past memory).
const maxRevisions = 100

// Analyze reviews the revisions a target names (see check.ResolveTarget; ""
// is the head of each script directory).
func Analyze(ctx context.Context, proj *project.Project, target string, opts Options) (*Review, error) {
	if target = strings.TrimSpace(target); target == "" {
		target = "head"
	}
	pg, from := opts.PostgresVersion, "option"
	if pg == 0 {
		pg = opts.Check.PostgresVersion
	}
	if pg == 0 {
		pg, from = proj.Settings.PostgresVersion, "project"
	}
	if pg == 0 {
		pg, from = assumedPostgres, "assumed"
	}
	copts := opts.Check
	copts.Target, copts.PostgresVersion = target, pg
	res, err := check.Run(ctx, proj, copts)
	if err != nil {
		return nil, err
	}
	files, err := check.ResolveTarget(proj, res.Dirs, target)
	if err != nil {
		return nil, err
	}
	rv := &Review{Version: SchemaVersion, Target: target, Revisions: []Revision{}, Errors: []FileError{}}
	if len(files) == 1 && (strings.HasSuffix(target, ".py") || strings.ContainsRune(target, filepath.Separator)) {
		rv.Target = relpath.Rel(proj.Root, files[0])
	}
	selected := selectRevisions(res.Dirs, files, rv)
	findings := map[string][]rules.Diagnostic{} // by path
	for _, d := range res.Findings {
		findings[d.Path] = append(findings[d.Path], d)
	}
	var dialects []string
	reviewed := map[string]bool{}
	for _, sd := range res.Dirs {
		g := sd.Loaded.Graph
		tables, enums := touchIndex(g)
		a := &revisionAnalysis{root: proj.Root, g: g, dialect: sd.Dialect, pg: pg, findings: findings, tables: tables, enums: enums}
		g.Replay(ctx, func(r *history.Revision, before *history.State) {
			if !selected[r] {
				return
			}
			rv.Revisions = append(rv.Revisions, a.revision(r, before))
			reviewed[r.Path] = true
			dialects = appendNew(dialects, sd.Dialect)
		})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cyclic, notes := unreviewed(res.Dirs, files, reviewed, proj.Root)
	if len(cyclic) > 0 {
		if len(rv.Revisions) == 0 {
			return nil, fmt.Errorf("%s: %s", target, cycleNote(cyclic))
		}
		notes = append(notes, cycleNote(cyclic))
	}
	for _, e := range res.Errors {
		msg := e.Msg
		if e.Line > 0 {
			msg = fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
		}
		rv.Errors = append(rv.Errors, FileError{Path: relpath.Rel(proj.Root, e.Path), Message: msg})
	}
	rv.Assumptions = assumptions(dialects, pg, from, slices.Concat(res.Notes, notes))
	return rv, nil
}

// selectRevisions picks the revisions of the target (files; nil = all) to
// review: the last maxRevisions in upgrade order. It sets rv.RevisionCount,
// and rv.Truncated when it leaves some out.
func selectRevisions(dirs []*check.ScriptDir, files []string, rv *Review) map[*history.Revision]bool {
	var want map[string]bool
	if files != nil {
		want = map[string]bool{}
		for _, f := range files {
			want[f] = true
		}
	}
	var named []*history.Revision
	for _, sd := range dirs {
		for _, r := range sd.Loaded.Graph.Order {
			if want == nil || want[r.Path] {
				named = append(named, r)
			}
		}
	}
	rv.RevisionCount = len(named)
	left := max(len(named)-maxRevisions, 0)
	if left > 0 {
		page := named[max(left-maxRevisions, 0):left] // the revisions just before these
		rv.Truncated = fmt.Sprintf("%d more revision(s) before these were not reviewed (one review returns at most %d, the last in "+
			"upgrade order): narrow the target to a revision, a file or a range such as %s:%s", left, maxRevisions, page[0].ID, page[len(page)-1].ID)
	}
	reviewed := map[*history.Revision]bool{}
	for _, r := range named[left:] {
		reviewed[r] = true
	}
	return reviewed
}

func assumptions(dialects []string, pg int, from string, notes []string) Assumptions {
	a := Assumptions{Dialect: strings.Join(dialects, ", "), Notes: append([]string{}, notes...)}
	if !slices.Contains(dialects, "postgresql") {
		a.PostgresVersionFrom = "none"
		a.Notes = append(a.Notes, "SQL, locks, rewrites and scans are stated for PostgreSQL only: on "+a.Dialect+" they are reported as unknown.")
		if slices.Contains(dialects, "mysql") {
			a.Notes = append(a.Notes, mysqlImplicitCommit, mysqlOnlineNote)
		}
		return a
	}
	a.PostgresVersion, a.PostgresVersionFrom = pg, from
	if from == "assumed" {
		a.Notes = append(a.Notes, fmt.Sprintf("PostgreSQL version not configured: the facts are stated for PostgreSQL %d (set postgres-version in [tool.alembic-patterns] or pass --postgres-version).", pg))
	}
	a.Notes = append(a.Notes,
		"Alembic runs the migrations in a transaction: a lock is held until it commits, at the end of the whole `alembic upgrade` run by default (after each revision with transaction_per_migration=True). Operations in autocommit_block() commit at once.",
		"A lock on a table created earlier in the same upgrade blocks nobody: that table holds no rows and no other session uses it yet (new_table).")
	return a
}

// mysqlImplicitCommit: what Alembic's transaction is worth on MySQL/MariaDB.
const mysqlImplicitCommit = "MySQL/MariaDB commit every DDL statement on their own (an implicit commit): Alembic's transaction " +
	"does not cover them. A revision that fails halfway leaves its earlier statements applied while alembic_version still names " +
	"the revision before, and running it again fails on what is already there. Put one DDL change in each revision, or make " +
	"each step safe to run twice."

// mysqlOnlineNote says where the ALTER facts come from.
const mysqlOnlineNote = "The ALGORITHM and LOCK given per operation (mysql_online_ddl) are MariaDB 10.11's, checked on a real " +
	"server; MySQL 8.0.29+ documents the same (its INPLACE without rebuild is MariaDB's NOCOPY). Add ALGORITHM=... LOCK=... " +
	"to an ALTER to make the server refuse rather than fall back to a copy."

// revisionAnalysis holds what the analysis of every revision of one script directory shares.
type revisionAnalysis struct {
	root          string
	g             *history.Graph
	dialect       string
	pg            int
	findings      map[string][]rules.Diagnostic // by path
	tables, enums touched
}

func (a *revisionAnalysis) revision(r *history.Revision, before *history.State) Revision {
	m := r.Migration
	postgres := a.dialect == "postgresql"
	rev := Revision{Revision: r.ID, Path: relpath.Rel(a.root, r.Path), Message: docTitle(m), Dialect: a.dialect,
		Partial: len(m.SyntaxErrors) > 0 || m.TooLarge, History: historyInfo(a.g, r), Findings: []Finding{}}
	after := before.Layer()
	created := map[string]bool{}
	ups := a.walk(m, r.ID, "upgrade", m.Upgrade, after, created, postgres)
	downs := a.walk(m, r.ID, "downgrade", m.Downgrade, after.Layer(), map[string]bool{}, postgres)
	pairReversals(m.Downgrade, ups, downs)
	for _, d := range a.findings[r.Path] {
		rev.Findings = append(rev.Findings, finding(d))
	}
	byLine := map[int][]string{} // rules by line, in the findings' order
	for _, d := range rev.Findings {
		byLine[d.Line] = append(byLine[d.Line], d.Rule)
	}
	for _, x := range slices.Concat(ups, downs) {
		for line := x.op.Call.Span.StartLine; line <= x.op.Call.Span.EndLine; line++ {
			for _, rule := range byLine[int(line)] {
				x.out.Findings = appendNew(x.out.Findings, rule)
			}
		}
		rev.Operations = append(rev.Operations, *x.out)
	}
	rev.Operations = list(rev.Operations)
	rev.Tables = uses(a.tables, a.g, r.ID, nil)
	rev.Enums = uses(a.enums, a.g, r.ID, after.EnumUsers)
	rev.Summary = summarize(m.Downgrade, ups, downs, created)
	rev.DeployOrder = deployOrder(ups)
	rev.Recommendations = recommend(&rev, ups, created, a.pg, postgres)
	return rev
}

// walk analyses the operations of one function on a simulated schema.
func (a *revisionAnalysis) walk(m *migration.Migration, rev, name string, fn *migration.Function, s *history.State, created map[string]bool, postgres bool) []*analysed {
	if fn == nil {
		return nil
	}
	var out []*analysed
	for i, o := range fn.Ops {
		c := &opCtx{m: m, o: o, s: s, pg: a.pg, rev: rev, upgrade: name == "upgrade", created: created}
		f := analyze(c)
		e := entry(c, f, i+1, name, postgres)
		if d, ok := mysqlOnlineDDL(m, o, s); ok && a.dialect == "mysql" && !e.NewTable && o.Certain() {
			e.MySQL = &d
			e.Notes = append(e.Notes, fmt.Sprintf("MySQL/MariaDB: ALGORITHM=%s, LOCK=%s: %s.", d.Algorithm, d.Lock, d.Note))
		}
		out = append(out, &analysed{op: o, f: f, out: e})
		if applied := s.Apply(m, o, rev); !o.Unbound {
			f.pairingKeys(applied)
		}
	}
	return out
}

func finding(d rules.Diagnostic) Finding {
	return Finding{Rule: d.Rule, Severity: string(d.Severity), Line: int(d.Span.StartLine), Column: int(d.Span.StartCol), Message: d.Message,
		Help: d.Help, URL: report.RuleURL(d.Rule), Fix: report.NewFix(d)}
}

// docTitle is the first line of the module docstring.
func docTitle(m *migration.Migration) string {
	sp := m.DocSpan
	if sp.End <= sp.Start || sp.End > len(m.Source) {
		return ""
	}
	doc := strings.TrimLeft(string(m.Source[sp.Start:sp.End]), "rRuUbBfF")
	for _, q := range []string{`"""`, `'''`, `"`, `'`} {
		if strings.HasPrefix(doc, q) && strings.HasSuffix(doc, q) && len(doc) >= 2*len(q) {
			doc = doc[len(q) : len(doc)-len(q)]
			break
		}
	}
	for _, line := range strings.Split(doc, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}
