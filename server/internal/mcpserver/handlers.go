package mcpserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/verify"
	"github.com/alembic-patterns/alembic-patterns/server/internal/workflow"
)

// resolvedTarget validates a target and, for a path, resolves it inside the
// project (symlinks included) so that a memo key names the file it means.
func resolvedTarget(proj *project.Project, target string) (string, error) {
	if err := noNUL("target", target); err != nil {
		return "", err
	}
	t := targetOrHead(target)
	if strings.HasSuffix(t, ".py") || strings.ContainsRune(t, os.PathSeparator) {
		return proj.Inside(t)
	}
	return t, nil
}

func (s *Server) check(ctx context.Context, _ mcp.CallToolRequest, a checkArgs) (any, string, error) {
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	target, err := resolvedTarget(proj, a.Target)
	if err != nil {
		return nil, "", err
	}
	opts := check.Options{Target: target, Profile: a.Profile, Select: nonEmpty(a.Select), Ignore: nonEmpty(a.Ignore), Parse: s.parse.Parse,
		CountElsewhere: true}
	key := struct {
		Tool, Target, Asked, Profile string
		Sel, Ign                     []string
	}{ToolCheck, target, a.Target, a.Profile, opts.Select, opts.Ignore}
	return s.memo.do(ctx, proj, key, func() (any, string, error) {
		res, err := check.Run(ctx, proj, opts)
		if err != nil {
			return nil, "", err
		}
		out := newCheckOutput(res, targetOrHead(a.Target))
		return out, renderCheck(res, out), nil
	})
}

func newCheckOutput(res *check.Result, target string) CheckOutput {
	doc := report.NewDocument(res)
	out := CheckOutput{Version: 1, Project: res.Project.Root, Target: target, Files: doc.Files, Findings: doc.Findings,
		Errors: doc.Errors, Notes: append([]string{}, res.Notes...), Checked: res.Checked, Summary: report.Summary(res, seeAll),
		Elsewhere: Counts{Error: res.Elsewhere[rules.Error], Warning: res.Elsewhere[rules.Warning], Info: res.Elsewhere[rules.Info]}}
	for _, d := range res.Findings {
		switch d.Severity {
		case rules.Error:
			out.Counts.Error++
		case rules.Warning:
			out.Counts.Warning++
		case rules.Info:
			out.Counts.Info++
		}
	}
	out.Counts.Fixable = report.Fixable(res.Findings)
	out.Findings = capped(out.Findings, false, "findings", narrowTarget, &out.Notes)
	out.Errors = capped(out.Errors, false, "files could not be read or parsed", checkAll, &out.Notes)
	out.Notes = cappedNotes(out.Notes)
	return out
}

// textLimit: above this many findings the text lists them one per line,
// without source snippets (the structured content has them all).
const textLimit = 25

// maxTextDiff bounds the diff in fix_migration's text.
const maxTextDiff = 20000

// seeAll is how a model sees the findings of the revisions a check left out.
const seeAll = `call check_migration with target "all" to see them`

func renderCheck(res *check.Result, out CheckOutput) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "check %s in %s\n\n", out.Target, out.Project)
	if len(res.Findings) <= textLimit {
		_ = report.Text(&b, res, seeAll)
		report.Notes(&b, "", out.Notes)
		return b.String()
	}
	for i, f := range out.Findings {
		if i == 200 {
			fmt.Fprintf(&b, "... and %d more (see the structured content)\n", len(out.Findings)-i)
			break
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s[%s] %s\n", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	for _, e := range out.Errors {
		fmt.Fprintf(&b, "%s: error: %s\n", e.Path, e.Message)
	}
	report.Notes(&b, "", out.Notes)
	b.WriteString(report.Summary(res, seeAll))
	if out.Counts.Fixable > 0 {
		fmt.Fprintf(&b, " %s with fix_migration.", brief.Count(out.Counts.Fixable, "fixable", "fixable"))
	}
	b.WriteString("\n")
	return b.String()
}

func (s *Server) fix(ctx context.Context, _ mcp.CallToolRequest, a fixArgs) (any, string, error) {
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	target, err := resolvedTarget(proj, a.Target)
	if err != nil {
		return nil, "", err
	}
	res, err := fix.Compute(ctx, proj, fix.Options{Check: check.Options{Target: target, Parse: s.parse.Parse}, Unsafe: a.Unsafe})
	if err != nil {
		return nil, "", err
	}
	out := FixOutput{Project: proj.Root, Target: targetOrHead(a.Target), Diff: res.Diff(proj.Root), Files: []FixedFile{},
		Remaining: []report.Finding{}, Notes: []string{}}
	for _, f := range res.Files {
		ff := FixedFile{Path: report.Rel(res.Remaining, f.Path), Fixes: f.Applied, Refused: f.Refused}
		if ff.Fixes == nil {
			ff.Fixes = []fix.Applied{}
		}
		out.Files = append(out.Files, ff)
	}
	if a.Apply && out.Diff != "" {
		if err := res.Write(); err != nil {
			return nil, "", err // it names the files written and those not
		}
		out.Applied = true
	}
	unsafeLeft := 0
	for _, f := range report.NewDocument(res.Remaining).Findings {
		out.Remaining = append(out.Remaining, f)
		if f.Fix != nil && f.Fix.Safety == string(rules.Unsafe) && !a.Unsafe {
			unsafeLeft++
		}
	}
	if unsafeLeft > 0 {
		out.Notes = append(out.Notes, brief.Count(unsafeLeft, "finding has", "findings have")+" an unsafe fix: call again with unsafe: true to see it, and review the diff")
	}
	fixes, remaining := 0, len(out.Remaining)
	for _, f := range out.Files {
		fixes += len(f.Fixes)
	}
	out.Files = capped(out.Files, false, "files fixed", narrowTarget, &out.Notes)
	out.Remaining = capped(out.Remaining, false, "findings remain", narrowTarget, &out.Notes)
	return out, fixText(out, fixes, remaining), nil
}

// fixText renders a fix_migration result; fixes and remaining count what
// the capped lists of out may not all show.
func fixText(out FixOutput, fixes, remaining int) string {
	var b strings.Builder
	for _, f := range out.Files {
		for _, x := range f.Fixes {
			fmt.Fprintf(&b, "%s:%d: %s [%s, %s]\n", f.Path, x.Line, x.Message, x.Rule, x.Safety)
		}
		if f.Refused != "" {
			fmt.Fprintf(&b, "%s: not fixed: %s\n", f.Path, f.Refused)
		}
	}
	switch {
	case out.Diff == "":
		b.WriteString("Nothing to fix.\n")
	case out.Applied:
		fmt.Fprintf(&b, "Applied %s.\n", brief.Count(fixes, "fix", "fixes"))
	default:
		fmt.Fprintf(&b, "%s available; nothing was written (call again with apply: true to write the changes).\n", brief.Count(fixes, "fix", "fixes"))
	}
	fmt.Fprintf(&b, "%s.\n", brief.Count(remaining, "finding remains", "findings remain"))
	for _, n := range out.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	if out.Diff != "" {
		diff := out.Diff
		if len(diff) > maxTextDiff {
			cut := strings.LastIndexByte(diff[:maxTextDiff], '\n') + 1
			diff = diff[:cut] + "... (diff truncated; the structured content has all of it)\n"
		}
		b.WriteString("\n" + diff)
	}
	return b.String()
}

func (s *Server) review(ctx context.Context, _ mcp.CallToolRequest, a reviewArgs) (any, string, error) {
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	target, err := resolvedTarget(proj, a.Target)
	if err != nil {
		return nil, "", err
	}
	key := struct{ Tool, Target string }{ToolReview, target}
	return s.memo.do(ctx, proj, key, func() (any, string, error) {
		r, err := review.Analyze(ctx, proj, target, review.Options{Check: check.Options{Parse: s.parse.Parse}})
		if err != nil {
			return nil, "", err
		}
		if r == nil {
			return nil, "", errors.New("the review returned nothing")
		}
		var b bytes.Buffer
		if err := review.Text(&b, r); err != nil {
			return nil, "", err
		}
		return r, b.String(), nil
	})
}

func (s *Server) history(ctx context.Context, _ mcp.CallToolRequest, a historyArgs) (any, string, error) {
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	return s.memo.do(ctx, proj, ToolHistory, func() (any, string, error) {
		dirs, errs, notes := check.Load(ctx, proj, s.parse.Parse)
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		doc := cappedHistory(report.NewHistoryDocument(proj, dirs, errs, append(append([]string{}, proj.Notes...), notes...)))
		var b bytes.Buffer
		_ = report.HistoryText(&b, doc)
		for _, e := range doc.Errors {
			fmt.Fprintf(&b, "error: %s: %s\n", e.Path, e.Message)
		}
		report.Notes(&b, "", doc.Notes)
		return doc, b.String(), nil
	})
}

func (s *Server) diagnose(ctx context.Context, _ mcp.CallToolRequest, a diagnoseArgs) (any, string, error) {
	if err := noNUL("target", a.Target); err != nil {
		return nil, "", err
	}
	if strings.TrimSpace(a.ErrorText) == "" {
		return nil, "", errors.New("error_text is empty: pass the output of the failed alembic command")
	}
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		if a.Target != "" || a.ProjectDir != "" {
			return nil, "", err
		}
		proj = nil // diagnosing text needs no project
	}
	target := strings.TrimSpace(a.Target)
	if proj != nil && target != "" {
		if target, err = resolvedTarget(proj, target); err != nil {
			return nil, "", err
		}
	}
	ex, err := workflow.Explain(ctx, proj, a.ErrorText, target, check.Options{Parse: s.parse.Parse})
	if err != nil {
		return nil, "", err
	}
	ex.Diagnoses = capped(ex.Diagnoses, false, "distinct errors", "pass less of the output as error_text to see the others", &ex.Notes)
	ex.Findings = capped(ex.Findings, false, "findings", "call check_migration with the target to see all of them", &ex.Notes)
	return ex, ex.Text(), nil
}

func (s *Server) create(ctx context.Context, req mcp.CallToolRequest, a createArgs) (any, string, error) {
	if err := noNUL("message", a.Message); err != nil {
		return nil, "", err
	}
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	opts := workflow.CreateOptions{
		Alembic: autogen.Options{Message: a.Message, Autogenerate: a.Autogenerate == nil || *a.Autogenerate, Command: a.AlembicCommand,
			Timeout: s.opts.AlembicTimeout, Progress: progressFunc(ctx, req), Heartbeat: time.Second},
		Fix:   a.Fix == nil || *a.Fix,
		Parse: s.parse.Parse,
	}
	if a.TimeoutSeconds > 0 {
		opts.Alembic.Timeout = time.Duration(a.TimeoutSeconds) * time.Second
	}
	res, err := workflow.Create(ctx, proj, opts)
	if err != nil {
		return nil, "", err
	}
	return res, res.Text(), nil
}

func (s *Server) verify(ctx context.Context, req mcp.CallToolRequest, a verifyArgs) (any, string, error) {
	proj, err := s.project(a.ProjectDir)
	if err != nil {
		return nil, "", err
	}
	for name, v := range map[string]string{"target": a.Target, "database_url": a.DatabaseURL, "seed": a.Seed} {
		if err := noNUL(name, v); err != nil {
			return nil, "", err
		}
	}
	seed := a.Seed
	if seed != "" && seed != verify.SeedAuto && seed != verify.SeedNone {
		if seed, err = proj.Inside(seed); err != nil {
			return nil, "", err
		}
	}
	opts := verify.Options{Target: a.Target, DatabaseURL: a.DatabaseURL, UseProjectURL: a.UseProjectURL, Seed: seed,
		Alembic: a.AlembicCommand, Timeout: s.opts.AlembicTimeout, Progress: progressFunc(ctx, req)}
	if a.TimeoutSeconds > 0 {
		opts.Timeout = time.Duration(a.TimeoutSeconds) * time.Second
	}
	res, err := verify.Run(ctx, proj, opts)
	if err != nil {
		return nil, "", err
	}
	var b bytes.Buffer
	if err := verify.Text(&b, res); err != nil {
		return nil, "", err
	}
	return res, b.String(), nil
}

// progressFunc sends notifications/progress for a call that asked for them
// (a progressToken in _meta); nil otherwise. Meta is nil when the client sent
// no _meta at all.
func progressFunc(ctx context.Context, req mcp.CallToolRequest) func(string) {
	srv := server.ServerFromContext(ctx)
	if srv == nil || req.Params.Meta == nil || req.Params.Meta.ProgressToken == nil {
		return nil
	}
	token := req.Params.Meta.ProgressToken
	step := 0
	return func(msg string) {
		step++ // workflow.Create calls this from one goroutine at a time
		_ = srv.SendNotificationToClient(ctx, string(mcp.MethodNotificationProgress), map[string]any{
			"progressToken": token, "progress": step, "message": msg,
		})
	}
}
