package migration

import "strings"

// dialectMentions counts what the file shows of each dialect: imports of
// sqlalchemy.dialects.<name>, and <name>_* options of its operations
// (MariaDB's count as MySQL's); nil when it shows none. A project's dialect
// is inferred from them, among other evidence.
func (m *Migration) dialectMentions() map[string]int {
	var mentions map[string]int
	add := func(d string) {
		if d == "mariadb" {
			d = "mysql"
		}
		if mentions == nil {
			mentions = map[string]int{}
		}
		mentions[d]++
	}
	for _, imp := range m.Imports {
		if d, ok := strings.CutPrefix(imp.Qualified(), "sqlalchemy.dialects."); ok {
			add(strings.SplitN(d, ".", 2)[0])
		}
	}
	for _, f := range []*Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			for k := range o.Extra {
				add(strings.SplitN(k, "_", 2)[0])
			}
		}
	}
	return mentions
}
