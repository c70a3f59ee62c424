package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

type config struct {
	rules           []*rules.Rule
	enabled         map[string]bool
	severity        map[string]rules.Severity
	dialect         string
	postgresVersion int
	sqliteVersion   string
	exclude         []string
	// dependsOnDialect: rules whose findings differ by dialect
	dependsOnDialect map[string]bool
}

// resolveConfig layers CLI options over pyproject settings over defaults.
func resolveConfig(s project.Settings, o Options) (*config, error) {
	profile := cmp.Or(o.Profile, s.Profile, string(rules.Default))
	if profile != string(rules.Default) && profile != string(rules.ZeroDowntime) {
		return nil, fmt.Errorf("unknown profile %q (use %q or %q)", profile, rules.Default, rules.ZeroDowntime)
	}
	selected := o.Select
	if selected == nil {
		selected = s.Select
	}
	ignored := append(append([]string(nil), s.Ignore...), o.Ignore...)
	severities := map[string]string{}
	for k, v := range s.Severity {
		severities[k] = v
	}
	for k, v := range o.Severity {
		severities[k] = v
	}
	for _, id := range append(append(append([]string(nil), selected...), ignored...), keys(severities)...) {
		if _, ok := rules.Get(id); !ok {
			return nil, fmt.Errorf("unknown rule %q (see `alembic-patterns rules`)", id)
		}
	}
	c := &config{enabled: map[string]bool{}, severity: map[string]rules.Severity{}, dependsOnDialect: map[string]bool{},
		dialect: cmp.Or(o.Dialect, s.Dialect), postgresVersion: o.PostgresVersion, sqliteVersion: s.SQLiteVersion, exclude: s.Exclude}
	if c.postgresVersion == 0 {
		c.postgresVersion = s.PostgresVersion
	}
	for _, r := range rules.All() {
		on := r.Profile == rules.Default || profile == string(rules.ZeroDowntime)
		if selected != nil {
			on = slices.Contains(selected, r.ID)
		}
		if slices.Contains(ignored, r.ID) {
			on = false
		}
		if sev, ok := severities[r.ID]; ok {
			switch sev {
			case "off":
				on = false
			case "error", "warning", "info":
				c.severity[r.ID] = rules.Severity(sev)
			default:
				return nil, fmt.Errorf("severity for %s: %q is not error, warning, info or off", r.ID, sev)
			}
		}
		if on {
			c.rules = append(c.rules, r)
			c.enabled[r.ID] = true
			c.dependsOnDialect[r.ID] = r.DependsOnDialect()
		}
	}
	return c, nil
}

// ParseSeverity validates a --fail-on value.
func ParseSeverity(s string) (rules.Severity, error) {
	switch v := rules.Severity(strings.ToLower(s)); v {
	case rules.Error, rules.Warning, rules.Info:
		return v, nil
	}
	return "", fmt.Errorf("unknown severity %q (use error, warning or info)", s)
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
