package check

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// dialectOrder breaks ties (PostgreSQL first: it is what most Alembic projects run).
var dialectOrder = []string{"postgresql", "mysql", "sqlite", "mssql", "oracle"}

// dialectChoice is a script directory's dialect and how it was decided.
type dialectChoice struct {
	dialect string
	// also are the other dialects the project certainly runs on (see
	// project.Evidence.Supported); none when the dialect is configured.
	also []string
	// note says how an undecided dialect was chosen ("" when it was decided).
	note string
	// seen are the other dialects the evidence of an inferred one names.
	seen []string
	// certain is false when the dialect was assumed, or inferred while other
	// evidence points elsewhere and the migrations do not settle it: fixes
	// that write a database's own names are then not safe.
	certain bool
}

// dialectFor picks a script directory's main dialect: configuration, then a
// folder named after one, then a literal sqlalchemy.url that the project
// really connects with; otherwise the weight of the evidence — the
// migrations' dialect imports and options, env.py, the drivers among the
// project's dependencies, the folder's name, URLs in the project's code, a
// placeholder URL — and PostgreSQL when nothing tells.
func dialectFor(proj *project.Project, sd *ScriptDir, configured string) dialectChoice {
	if configured != "" {
		return dialectChoice{dialect: configured, certain: true}
	}
	cfg := sd.Config
	if cfg.DialectSource == "config" || cfg.DialectSource == "folder" {
		return dialectChoice{dialect: cfg.Dialect, certain: true}
	}
	ev := proj.DialectEvidence(cfg)
	// SQLite is never a second dialect: projects that also run on it mostly
	// build its schema with create_all and migrate only their server database.
	decided := func(main string) dialectChoice {
		c := dialectChoice{dialect: main, certain: true}
		for _, d := range dialectOrder {
			if d != main && d != "sqlite" && ev.Supported[d] {
				c.also = append(c.also, d)
			}
		}
		return c
	}
	for _, r := range sd.Loaded.Graph.Revisions {
		for d, n := range r.Migration.DialectMentions {
			ev.Migrations[d] += n
		}
	}
	votes := ev.Total()
	scanned := false
	if cfg.DialectSource == "sqlalchemy.url" && !ev.URLOverridden {
		// An ini URL is the truth unless the project replaces it at run time.
		// SQLite is the usual placeholder, and one that contradicts the rest
		// of the evidence is suspect: only those cost a look at the code.
		if cfg.Dialect != "sqlite" && votes[cfg.Dialect] >= votes[pick(votes)] {
			return decided(cfg.Dialect)
		}
		proj.AddCodeEvidence(&ev, cfg)
		scanned = true
		if !ev.URLOverridden {
			// SQLite in the ini is often a development database: say so where
			// a finding depends on it (tahrir-api runs on PostgreSQL in production)
			c := decided(cfg.Dialect)
			c.note = fmt.Sprintf("dialect %s taken from sqlalchemy.url in %s%s; if the project's databases run on another, "+
				"set `dialect` in [tool.alembic-patterns]", cfg.Dialect, relpath.Rel(proj.Root, cmp.Or(cfg.Config, proj.ConfigFile)), c.alsoChecked())
			return c
		}
	}
	if cfg.Dialect != "" {
		ev.Vote(cfg.Dialect, 1, "sqlalchemy.url (a placeholder the project replaces at run time)")
	}
	if votes = ev.Total(); votes[pick(votes)] < weakEvidence && !scanned {
		proj.AddCodeEvidence(&ev, cfg) // little else tells: the code's default URL may
		votes = ev.Total()
	}
	best := pick(votes)
	if best == cfg.Dialect && votes[best] > 1 {
		return decided(best) // the placeholder URL and the rest of the evidence agree
	}
	where := relpath.Rel(proj.Root, cfg.Location)
	if best == "" {
		return dialectChoice{dialect: "postgresql",
			note: fmt.Sprintf("dialect not configured and nothing in %s tells it: PostgreSQL assumed (set `dialect` in [tool.alembic-patterns])", where)}
	}
	var others []string
	for _, d := range dialectOrder {
		if d != best && votes[d] > 0 {
			others = append(others, d)
		}
	}
	c := decided(best)
	c.certain, c.seen = inferredCertain(ev, best, others), others
	c.note = fmt.Sprintf("dialect %s inferred for %s from %s", best, where, strings.Join(ev.ReasonsFor(best), ", "))
	if len(c.also) > 0 {
		c.note += c.alsoChecked()
	} else if len(others) > 0 {
		c.note += fmt.Sprintf(" (also seen: %s)", strings.Join(others, ", "))
	}
	c.note += "; set `dialect` in [tool.alembic-patterns] to be sure"
	return c
}

// alsoChecked is what a note says of the other dialects checked.
func (c dialectChoice) alsoChecked() string {
	if len(c.also) == 0 {
		return ""
	}
	return fmt.Sprintf("; the project also runs on %s, which is checked too", strings.Join(c.also, ", "))
}

// inferredCertain: an inferred dialect is certain when nothing points
// elsewhere, or when the migrations themselves use its options and types
// (some) and no other dialect's.
func inferredCertain(ev project.Evidence, best string, others []string) bool {
	if len(others) == 0 {
		return true
	}
	if ev.Migrations[best] < 3 {
		return false
	}
	for _, d := range others {
		// SQLite's options beside a server dialect's types come from the
		// models (sqlite_autoincrement on SQLAlchemy-Continuum's version
		// tables): such projects migrate only the server database (see decided)
		if ev.Migrations[d] > 0 && d != "sqlite" {
			return false
		}
	}
	return true
}

// weakEvidence is fewer votes than one driver and a folder name give.
const weakEvidence = 5

func pick(votes map[string]int) string {
	best := ""
	for _, d := range dialectOrder {
		if votes[d] > votes[best] {
			best = d
		}
	}
	return best
}
