package history

import (
	"slices"
	"strings"
)

// View is a view or materialized view, created by SQL.
type View struct {
	Name string
	// Reads are the tables and views its query reads (unqualified, as SQL names them).
	Reads     []string
	CreatedBy string // revision id
	// Uncertain: created by SQL that may not run.
	Uncertain bool
}

// View looks a view up.
func (s *State) View(name string) *View {
	v, _ := s.views.Get(name)
	return v
}

// MayBeView reports whether a relation the state knows as no table may be a
// view: one it knows, or one made under a name it could not read.
func (s *State) MayBeView(name string) bool { return s.View(name) != nil || s.unnamedViews }

// ViewsOn lists, sorted, the views that read a table or view (by its key):
// dropping it fails unless CASCADE, which drops them too.
func (s *State) ViewsOn(relation string) []string {
	var out []string
	for _, v := range s.views.All() {
		if slices.ContainsFunc(v.Reads, func(r string) bool { return names(relation, r) }) {
			out = append(out, v.Name)
		}
	}
	slices.Sort(out)
	return out
}

// names reports whether SQL's unqualified name r names the relation keyed key.
func names(key, r string) bool { return r == key || strings.HasSuffix(key, "."+r) }

// setView is the only writer of s.views (nil drops the view).
func (s *State) setView(name string, v *View) {
	if v == nil {
		s.views = s.views.Delete(name)
		return
	}
	s.views = s.views.Set(name, v)
}

// dropDependentViews drops the views that read a dropped relation, and the
// views that read those: CASCADE drops them; without it the DROP fails.
func (s *State) dropDependentViews(relation string) {
	if s.views.Len() == 0 {
		return
	}
	for _, name := range s.ViewsOn(relation) {
		s.setView(name, nil)
		s.dropDependentViews(name)
	}
}

// renameRead follows the rename of a table or view in the views that read
// it: PostgreSQL keeps a view's dependencies through renames.
func (s *State) renameRead(from, to string) {
	if s.views.Len() == 0 {
		return
	}
	for _, name := range s.ViewsOn(from) {
		v := *s.View(name)
		v.Reads = slices.Clone(v.Reads)
		for i, r := range v.Reads {
			if names(from, r) {
				v.Reads[i] = to
			}
		}
		s.setView(name, &v)
	}
}
