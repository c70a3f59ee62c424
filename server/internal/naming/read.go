package naming

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// Limits of the static reading: modules parsed while following env.py's
// imports, files looked at and bytes read by the search.
const (
	maxModules   = 80
	maxDepth     = 16
	maxScanFiles = 4000
	maxFileSize  = 1 << 20
)

// defaultConvention is SQLAlchemy's DEFAULT_NAMING_CONVENTION: what a
// MetaData() without naming_convention (and Alembic without target_metadata)
// names indexes with.
var defaultConvention = map[string]string{Index: "ix_%(column_0_label)s"}

// Read finds the naming convention Alembic applies in the script directory
// at location: that of the MetaData env.py passes as target_metadata,
// followed through the application's modules (the project is never imported
// or run); failing that, the one naming_convention the project's Python code
// declares (nearest to the script directory first; several different ones
// make every kind they cover unknown). root is the project root: the search
// stays in it, and sources are shown relative to it; imports are followed up
// to top (the repository). nil means nothing is known.
func Read(ctx context.Context, location, root, top string) *Convention {
	r := &reader{ctx: ctx, root: root, top: top, location: location, modules: map[string]*module{}}
	if !relpath.Within(root, top) {
		r.top = root
	}
	if c, decided := r.fromEnv(); decided {
		return c
	}
	return r.search()
}

type reader struct {
	ctx                 context.Context
	root, top, location string
	modules             map[string]*module // by path; nil when unreadable
	parsed              int
	steps               int
	scanned             int
}

func (r *reader) rel(path string, line int) string {
	return fmt.Sprintf("%s:%d", relpath.Rel(r.root, path), line)
}

// load parses a file once.
func (r *reader) load(path string) *module {
	if m, ok := r.modules[path]; ok {
		return m
	}
	if r.parsed >= maxModules || r.ctx.Err() != nil {
		return nil
	}
	r.parsed++
	var m *module
	if src, err := readFile(path); err == nil {
		m = parseModule(r.ctx, path, src)
	}
	r.modules[path] = m
	return m
}

func readFile(path string) ([]byte, error) { return inputfile.Read(path, maxFileSize) }

// fromEnv reads the convention of env.py's target_metadata; decided is false
// when target_metadata could not be followed to its MetaData.
func (r *reader) fromEnv() (*Convention, bool) {
	env := r.load(filepath.Join(r.location, "env.py"))
	if env == nil {
		return nil, false
	}
	targets := slices.Clone(env.alternatives["target_metadata"])
	for _, c := range env.configures { // context.configure(target_metadata=...) passing something else
		if !returnsTargetMetadata(env, c) {
			targets = []*pysyntax.Expr{c}
		}
	}
	if len(targets) > 1 { // a None before branches that assign it is the template's placeholder
		targets = slices.DeleteFunc(targets, func(t *pysyntax.Expr) bool { return t.Kind == pysyntax.None })
	}
	if len(targets) == 0 {
		return nil, false
	}
	var found *Convention
	for _, target := range targets {
		c, ok := r.conventionOfTarget(target, env)
		if !ok {
			return nil, false
		}
		found = found.or(c)
	}
	return found, true
}

// returnsTargetMetadata reports whether a value passed to configure() is
// env.py's module-level target_metadata: the name, or a call of a function of
// env.py that only returns it (get_metadata() in Flask-Migrate's template).
func returnsTargetMetadata(env *module, e *pysyntax.Expr) bool {
	isName := func(e *pysyntax.Expr) bool { return e.Kind == pysyntax.Name && e.Name == "target_metadata" }
	if isName(e) {
		return true
	}
	if e.Kind != pysyntax.Call || e.Func() == nil || e.Func().Kind != pysyntax.Name || len(e.Args) > 0 {
		return false
	}
	returns := env.funcs[e.Func().Name]
	return len(returns) > 0 && !slices.ContainsFunc(returns, func(r *pysyntax.Expr) bool { return !isName(r) })
}

// conventionOfTarget is the convention of one value env.py gives
// target_metadata; ok is false when it cannot be followed to a MetaData.
func (r *reader) conventionOfTarget(target *pysyntax.Expr, env *module) (*Convention, bool) {
	if target.Kind == pysyntax.None || target.Kind == pysyntax.List || target.Kind == pysyntax.Tuple {
		// none, or a sequence: Alembic only takes naming_convention from a MetaData
		return &Convention{Templates: maps(defaultConvention), Via: "default"}, true
	}
	meta, ok := r.metadataOf(r.eval(target, env, 0), 0)
	if !ok {
		return nil, false
	}
	return r.conventionOf(meta), true
}

// search scans the project's code, nearest to the script directory first.
func (r *reader) search() *Convention {
	done := map[string]bool{}
	var found []*Convention
	var sources []string
	start := filepath.Dir(r.location)
	if !relpath.Within(start, r.root) {
		start = r.root
	}
	for dir := start; ; dir = filepath.Dir(dir) {
		r.scan(dir, done, func(path string) {
			for _, c := range r.declared(path) {
				if i := slices.IndexFunc(found, c.equal); i >= 0 {
					continue
				}
				found = append(found, c)
				sources = append(sources, c.Source)
			}
		})
		done[dir] = true
		if len(found) > 0 || dir == r.root || !relpath.Within(dir, r.root) || filepath.Dir(dir) == dir || r.scanned >= maxScanFiles {
			break
		}
	}
	switch len(found) {
	case 0:
		return nil
	case 1:
		found[0].Via = "search"
		return found[0]
	}
	// several: which one Alembic uses is not known
	c := &Convention{Unknown: map[string]string{}, Via: "search", Source: strings.Join(sources, ", ")}
	for _, f := range found {
		for _, k := range Kinds {
			if f.Covers(k) {
				c.Unknown[k] = "several naming conventions in the project's code (" + c.Source + ")"
			}
		}
	}
	return c
}

// skipDirs are folders whose Python code is not the application's.
var skipDirs = map[string]bool{"node_modules": true, "venv": true, "site-packages": true, "dist-packages": true,
	"__pycache__": true, "build": true, "dist": true, "tests": true, "test": true, "testing": true,
	"docs": true, "doc": true, "examples": true, "example": true, "versions": true,
	"vendor": true, "_vendor": true, "third_party": true}

// vendored reports whether dir is a copy of SQLAlchemy or Alembic, whose own
// code and tests build naming conventions.
func vendored(dir string) bool {
	switch filepath.Base(dir) {
	case "sqlalchemy":
		return isFile(filepath.Join(dir, "sql", "naming.py"))
	case "alembic":
		return isFile(filepath.Join(dir, "operations", "schemaobj.py"))
	}
	return false
}

// scan visits the Python files below dir that mention naming_convention,
// skipping the directories already scanned.
func (r *reader) scan(dir string, done map[string]bool, visit func(path string)) {
	_ = inputfile.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir():
			if path != dir && (done[path] || skipDirs[d.Name()] || strings.HasPrefix(d.Name(), ".") || vendored(path)) {
				return filepath.SkipDir
			}
			return nil
		case !strings.HasSuffix(path, ".py") || d.Type()&fs.ModeSymlink != 0:
			return nil
		}
		if r.scanned++; r.scanned > maxScanFiles || r.ctx.Err() != nil {
			return filepath.SkipAll
		}
		src, err := readFile(path)
		// revision files build conventions of their own for batch operations
		if err != nil || !bytes.Contains(src, []byte("naming_convention")) || bytes.Contains(src, []byte("down_revision")) {
			return nil
		}
		visit(path)
		return nil
	})
}

// declared lists the conventions a file declares: MetaData(naming_convention=...)
// and <metadata>.naming_convention = ... (conventions built from another
// metadata's are the same convention, found there).
func (r *reader) declared(path string) []*Convention {
	m := r.load(path)
	if m == nil {
		return nil
	}
	var out []*Convention
	add := func(value *pysyntax.Expr) {
		if c := r.convention(value, m, 0); c != nil {
			out = append(out, c)
		}
	}
	for _, call := range m.metadataCalls {
		add(call.Keyword("naming_convention"))
	}
	for _, s := range m.sets {
		add(s.value)
	}
	return out
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
