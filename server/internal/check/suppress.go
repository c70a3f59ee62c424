package check

import (
	"iter"
	"slices"
	"sort"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// suppress drops findings silenced by `# alembic-patterns: ignore[...]` comments
// and hands the directives that silenced nothing to the rules that judge them
// (unused-ignore).
func suppress(dirs []*ScriptDir, findings []rules.Diagnostic, enabled map[string]bool) []rules.Diagnostic {
	byPath := map[string]*migration.Migration{} // the files with directives (most have none)
	fileDirs := map[string][]int{}              // indexes of the ignore-file directives, by path
	for _, sd := range dirs {
		for _, r := range sd.Loaded.Graph.Revisions {
			if len(r.Migration.Directives) == 0 {
				continue
			}
			byPath[r.Path] = r.Migration
			for i, dir := range r.Migration.Directives {
				if dir.File {
					fileDirs[r.Path] = append(fileDirs[r.Path], i)
				}
			}
		}
	}
	type use struct {
		path  string
		index int
		rule  string
	}
	used := map[use]bool{}
	var kept []rules.Diagnostic
	for _, d := range findings {
		m := byPath[d.Path]
		silenced := false
		if m != nil {
			for i := range near(m, fileDirs[d.Path], d) {
				dir := m.Directives[i]
				if !covers(dir, d) {
					continue
				}
				rule := d.Rule
				if len(dir.Rules) == 0 {
					rule = ""
				}
				used[use{d.Path, i, rule}] = true
				silenced = true
			}
		}
		if !silenced {
			kept = append(kept, d)
		}
	}
	var unusedComments []rules.UnusedSuppression
	for path, m := range byPath {
		for i, dir := range m.Directives {
			names := dir.Rules
			if len(names) == 0 {
				names = []string{""}
			}
			var unused []string
			for _, r := range names {
				if r != "" && !enabled[r] {
					continue // a rule that did not run cannot be judged
				}
				if !used[use{path, i, r}] {
					unused = append(unused, r)
				}
			}
			if len(unused) > 0 {
				unusedComments = append(unusedComments, rules.UnusedSuppression{Migration: m, Directive: dir, Rules: unused})
			}
		}
	}
	var judges []*rules.Rule
	for id := range enabled {
		if r, ok := rules.Get(id); ok {
			judges = append(judges, r)
		}
	}
	rules.RunSuppressions(judges, unusedComments, func(d rules.Diagnostic) { kept = append(kept, d) })
	return kept
}

// near yields the indexes of the directives of m that may cover d: the file
// directives (fileDirs), and the line directives from the line above d to its
// last line. Directives are in source order; trying each of them on each
// finding made a file with a directive on every line quadratic.
func near(m *migration.Migration, fileDirs []int, d rules.Diagnostic) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, i := range fileDirs {
			if !yield(i) {
				return
			}
		}
		dirs := m.Directives
		last := max(d.Span.StartLine, d.Span.EndLine)
		from := sort.Search(len(dirs), func(i int) bool { return dirs[i].Span.StartLine >= d.Span.StartLine-1 })
		for i := from; i < len(dirs) && dirs[i].Span.StartLine <= last; i++ {
			if !dirs[i].File && !yield(i) {
				return
			}
		}
	}
}

// covers: a file directive covers the whole file; a line directive covers its
// own line and, when it stands alone on a line, the line below.
func covers(dir migration.Directive, d rules.Diagnostic) bool {
	if len(dir.Rules) > 0 && !slices.Contains(dir.Rules, d.Rule) {
		return false
	}
	if dir.File {
		return true
	}
	line := dir.Span.StartLine
	return d.Span.StartLine == line || d.Span.StartLine == line+1 || (d.Span.StartLine <= line && line <= d.Span.EndLine)
}
