package check

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// dialectFor picks the dialect: configuration, then a literal sqlalchemy.url,
// then what the migrations themselves show; PostgreSQL when nothing tells.
func dialectFor(sd *ScriptDir, configured string) (string, string) {
	if configured != "" {
		return configured, ""
	}
	if sd.Config.Dialect != "" {
		return sd.Config.Dialect, ""
	}
	votes := map[string]int{}
	for _, r := range sd.Loaded.Graph.Revisions {
		for d, n := range dialectHints(r.Migration) {
			votes[d] += n
		}
	}
	best, bestVotes := "", 0
	for _, d := range []string{"postgresql", "mysql", "sqlite", "mssql", "oracle"} {
		if votes[d] > bestVotes {
			best, bestVotes = d, votes[d]
		}
	}
	if best != "" {
		return best, "dialect " + best + " inferred from the migrations in " + sd.Config.Location + " (set `dialect` in [tool.alembic-patterns] to be explicit)"
	}
	return "postgresql", "dialect not configured and not visible in " + sd.Config.Location + "; assuming PostgreSQL (set `dialect` in [tool.alembic-patterns])"
}

func dialectHints(m *migration.Migration) map[string]int {
	hints := map[string]int{}
	for _, imp := range m.Imports {
		if d, ok := strings.CutPrefix(imp.Qualified(), "sqlalchemy.dialects."); ok {
			hints[strings.SplitN(d, ".", 2)[0]]++
		}
	}
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			for k := range o.Extra {
				hints[strings.SplitN(k, "_", 2)[0]]++
			}
		}
	}
	if hints["mariadb"] > 0 {
		hints["mysql"] += hints["mariadb"]
	}
	return hints
}
