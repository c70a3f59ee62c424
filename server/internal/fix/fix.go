// Package fix applies the suggested fixes of check findings: it picks
// non-overlapping edits, applies them in memory, re-parses and re-checks the
// result, and only then writes files, atomically.
package fix

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pyscope"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Options for a fix run.
type Options struct {
	Check  check.Options
	Unsafe bool // also apply unsafe fixes
	// AllowOutside also writes revision files outside the project's
	// WriteRoot (the CLI's --allow-outside-project); they are refused otherwise.
	AllowOutside bool
}

// Applied is one fix that was applied.
type Applied struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Safety  string `json:"safety"`
}

// File is the outcome for one file.
type File struct {
	Path    string    `json:"path"`
	Before  []byte    `json:"-"`
	After   []byte    `json:"-"`
	Applied []Applied `json:"applied"`
	// Refused says why fixes for this file were not kept (the file lies
	// outside the project, the result did not parse, or it introduced a finding).
	Refused string `json:"refused,omitempty"`
	// Written is true once Write saved the fixed file; WriteError says why
	// it could not.
	Written    bool   `json:"written,omitempty"`
	WriteError string `json:"write_error,omitempty"`
}

// Result of a fix run.
type Result struct {
	// Files are the files with fixes, in revision order (as findings are).
	Files []*File
	// Remaining are the findings left after the fixes (those without a fix, or
	// with an unsafe fix when Unsafe is false).
	Remaining *check.Result

	proj         *project.Project
	allowOutside bool
}

// maxRounds bounds the fix loop: a fix can make another fix possible (or
// overlapping edits wait for the next round).
const maxRounds = 5

// Compute works out the fixes without writing anything.
func Compute(ctx context.Context, proj *project.Project, opts Options) (*Result, error) {
	overlay := map[string][]byte{}
	parseFile := migration.ParseFile
	if opts.Check.Parse != nil {
		parseFile = current(opts.Check.Parse) // the caller's cache, checked against the file's bytes
	}
	// Every round re-checks the whole project; files no fix touches are parsed
	// once (models are never changed after parsing, so sharing them is safe).
	type parsed struct {
		m   *migration.Migration
		err error
	}
	var mu sync.Mutex
	untouched := map[string]parsed{}
	opts.Check.Parse = func(ctx context.Context, path string) (*migration.Migration, error) {
		mu.Lock()
		src, edited := overlay[path]
		p, seen := untouched[path]
		mu.Unlock()
		if edited {
			return migration.Parse(ctx, path, src)
		}
		if !seen {
			p.m, p.err = parseFile(ctx, path)
			mu.Lock()
			untouched[path] = p
			mu.Unlock()
		}
		return p.m, p.err
	}
	out := &Result{proj: proj, allowOutside: opts.AllowOutside}
	files := map[string]*File{}
	res, err := check.Run(ctx, proj, opts.Check)
	if err != nil {
		return nil, err
	}
	refused := map[string]bool{}
	for range maxRounds {
		plans := plan(res.Findings, opts.Unsafe, refused)
		for path := range plans {
			if files[path] != nil {
				continue
			}
			f, err := out.open(path, untouched[path].m)
			if err != nil {
				return nil, err
			}
			files[path] = f
			if f.Refused != "" {
				refused[path] = true
				delete(plans, path)
			}
		}
		if len(plans) == 0 {
			break
		}
		for path, p := range plans {
			fixed, written, err := edit.Apply(files[path].After, p.edits)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			overlay[path], p.written = fixed, written
		}
		next, err := check.Run(ctx, proj, opts.Check)
		if err != nil {
			return nil, err
		}
		reverted := false
		for path, p := range plans {
			f := files[path]
			reason, err := verify(ctx, path, res, next, overlay[path], p)
			if err != nil {
				return nil, err
			}
			if reason != "" {
				// keep the file as it was before this round, and stop fixing it
				overlay[path] = f.After
				f.Refused = reason
				refused[path] = true
				reverted = true
				continue
			}
			f.After = overlay[path]
			f.Applied = append(f.Applied, p.applied...)
		}
		if reverted {
			next, err = check.Run(ctx, proj, opts.Check)
			if err != nil {
				return nil, err
			}
		}
		res = next
	}
	out.Remaining = res
	out.Files = slices.SortedFunc(maps.Values(files), func(a, b *File) int { return res.ComparePaths(a.Path, b.Path) })
	return out, nil
}

// open starts the outcome of a file that has fixes, from its model. The edits
// were computed from the model's bytes: they apply to those, and Write
// replaces the file only while it still holds them. A file fixes may not
// write is refused.
func (r *Result) open(path string, m *migration.Migration) (*File, error) {
	if m == nil {
		return nil, fmt.Errorf("%s: fixes for a file that was not parsed", path)
	}
	f := &File{Path: path, Before: m.Source, After: m.Source}
	if _, err := r.target(path); err != nil {
		f.Refused = err.Error()
	}
	return f, nil
}

// target is the file a fix of path writes: path with symlinks resolved, so
// that a symlinked revision file keeps its link and its target is fixed. It
// must lie inside the project (project.WriteRoot) unless allowOutside.
func (r *Result) target(path string) (string, error) {
	resolved, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	if !r.allowOutside && !r.proj.Writable(resolved) {
		return "", fmt.Errorf("%s lies outside the project %s (symlinks resolved): not fixed (the CLI fixes it with --allow-outside-project)",
			resolved, r.proj.WriteRoot)
	}
	return resolved, nil
}

// current wraps a caller's parser (a cache validated by size and modification
// time, which misses a same-size rewrite that kept the time: cp -p, rsync -t,
// tar) so that a model is used only when it was parsed from the bytes the file
// holds now; otherwise those bytes are parsed.
func current(parse history.Parser) history.Parser {
	return func(ctx context.Context, path string) (*migration.Migration, error) {
		m, err := parse(ctx, path)
		src, rerr := inputfile.Read(path, migration.MaxFileSize)
		if rerr != nil || m != nil && bytes.Equal(m.Source, src) {
			return m, err
		}
		return migration.Parse(ctx, path, src)
	}
}

type filePlan struct {
	edits   []edit.TextEdit
	written []edit.Range // where the edits' text lies in the fixed file
	applied []Applied
	fixed   []rules.Diagnostic
}

// plan picks, per file, the fixes whose edits do not overlap edits already picked.
func plan(findings []rules.Diagnostic, unsafe bool, refused map[string]bool) map[string]*filePlan {
	plans := map[string]*filePlan{}
	for _, d := range findings {
		if refused[d.Path] || !d.Fixable(unsafe) {
			continue
		}
		fx := d.Fix
		p := plans[d.Path]
		if p == nil {
			p = &filePlan{}
		}
		if overlaps(p.edits, fx.Edits) {
			continue
		}
		p.edits = append(p.edits, fx.Edits...)
		p.applied = append(p.applied, Applied{Rule: d.Rule, Message: fx.Message, Line: int(d.Span.StartLine), Safety: string(fx.Safety)})
		p.fixed = append(p.fixed, d)
		plans[d.Path] = p
	}
	return plans
}

func overlaps(have, add []edit.TextEdit) bool {
	for _, a := range add {
		for _, h := range have {
			if a.Start < h.End && h.Start < a.End || a.Start == h.Start && a.End == h.End {
				return true
			}
		}
	}
	return false
}

// verify checks a fixed file: it parses, every name the written code uses is
// bound where it is used, the fixed findings are gone and no new finding
// appeared in it. It returns why the fixes are refused, "" when they are not.
func verify(ctx context.Context, path string, before, after *check.Result, fixed []byte, p *filePlan) (string, error) {
	for _, e := range after.Errors {
		if e.Path == path {
			return "the fixed file would not parse (" + e.Error() + "); left unchanged", nil
		}
	}
	// a parse does not catch a name the module never binds: the fixed file
	// would fail with NameError only when the migration runs
	unbound, err := pyscope.Unbound(ctx, fixed, p.written)
	if err != nil {
		return "", err
	}
	if len(unbound) > 0 {
		return unboundReason(unbound), nil
	}
	// the findings of the rules whose fixes are applied are compared by what
	// they say (message and help): each fixed one must be gone and none may
	// appear. Those of other rules are counted by rule and severity: a fix
	// may rightly change what another finding says (IF NOT EXISTS written into an ADD VALUE
	// drops enum-value-not-reverted's warning about it) without adding one.
	fixing := map[string]bool{}
	for _, d := range p.fixed {
		fixing[d.Rule] = true
	}
	key := func(d rules.Diagnostic) string {
		if fixing[d.Rule] {
			return d.Rule + "\x00" + d.Message + "\x00" + d.Help
		}
		return d.Rule + "\x00" + string(d.Severity)
	}
	count := func(res *check.Result) (map[string]int, map[string]string) {
		m, sample := map[string]int{}, map[string]string{}
		for _, d := range res.Findings {
			if d.Path == path {
				m[key(d)]++
				sample[key(d)] = d.Message
			}
		}
		return m, sample
	}
	was, _ := count(before)
	now, sample := count(after)
	for _, d := range p.fixed {
		was[key(d)]--
	}
	for _, k := range slices.Sorted(maps.Keys(now)) {
		if now[k] > was[k] {
			rule, _, _ := strings.Cut(k, "\x00")
			return fmt.Sprintf("the fix would leave or introduce %s (%s); left unchanged", rule, sample[k]), nil
		}
	}
	return "", nil
}

// unboundReason says which names the fixes would use unbound.
func unboundReason(unbound []pyscope.Use) string {
	var names []string
	for _, u := range unbound {
		how := "which nothing binds there: NameError"
		if u.Later {
			how = "which its function assigns only later: UnboundLocalError"
		}
		names = append(names, fmt.Sprintf("%s on line %d (%s)", u.Name, u.Line, how))
	}
	return "the fixed code would use " + strings.Join(names, ", ") + "; left unchanged"
}

// Diff is the unified diff of all changed files, paths relative to the
// repository holding root (git apply and patch -p1 read them from its top;
// keep's, dispatch's and mwdb's alembic.ini sit below it), or to root
// outside a repository.
func (r *Result) Diff(root string) string {
	root = cmp.Or(project.RepoRoot(root), root)
	var b bytes.Buffer
	for _, f := range r.Files {
		if bytes.Equal(f.Before, f.After) {
			continue
		}
		rel, err := filepath.Rel(root, f.Path)
		if err != nil {
			rel = f.Path
		}
		rel = filepath.ToSlash(rel)
		b.WriteString(udiff.Unified("a/"+rel, "b/"+rel, string(f.Before), string(f.After)))
	}
	return b.String()
}

// Write saves the changed files: each goes to a temporary file in the same
// directory and is renamed over the original, and only when the file on disk
// is still what was read. Every file is tried; when some could not be
// written, the error names them and the ones that were.
func (r *Result) Write() error {
	var written, failed []string
	for _, f := range r.Files {
		if bytes.Equal(f.Before, f.After) {
			continue
		}
		target, err := r.target(f.Path)
		if err == nil {
			err = writeAtomic(target, f.Before, f.After)
		}
		if err != nil {
			f.WriteError = err.Error()
			failed = append(failed, fmt.Sprintf("%s (%s)", report.Rel(r.Remaining, f.Path), err))
			continue
		}
		f.Written = true
		written = append(written, report.Rel(r.Remaining, f.Path))
	}
	if len(failed) == 0 {
		return nil
	}
	done := "nothing was written"
	if len(written) > 0 {
		done = "they were written to " + strings.Join(written, ", ")
	}
	return fmt.Errorf("the fixes could not be written to %d of %s: %s; %s",
		len(failed), brief.Count(len(failed)+len(written), "file", "files"), strings.Join(failed, "; "), done)
}

// writeAtomic replaces path with data when it still holds expected. The
// comparison is by content (a same-size rewrite can keep the modification
// time) and comes last, right before the rename, to leave the smallest window.
func writeAtomic(path string, expected, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	keepOwner(tmp, info) // before the mode: a chown may clear set-id bits
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	now, err := inputfile.Read(path, migration.MaxFileSize)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, expected) {
		return errors.New("the file changed since it was read (run fix again)")
	}
	return os.Rename(tmp.Name(), path)
}
