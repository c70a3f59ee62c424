package check

import (
	"cmp"
	"fmt"
	"maps"
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

// resolveConfig layers CLI options over pyproject settings (read from file)
// over defaults.
func resolveConfig(s project.Settings, file string, o Options) (*config, error) {
	profile := cmp.Or(o.Profile, s.Profile, string(rules.Default))
	if profile != string(rules.Default) && profile != string(rules.ZeroDowntime) {
		return nil, fmt.Errorf("unknown profile %q (use %q or %q)", profile, rules.Default, rules.ZeroDowntime)
	}
	selected := o.Select
	if selected == nil {
		selected = s.Select
		if err := knownRules(s.Select, file, "select of [tool.alembic-patterns]"); err != nil {
			return nil, err
		}
	}
	if err := knownRules(s.Ignore, file, "ignore of [tool.alembic-patterns]"); err != nil {
		return nil, err
	}
	if err := knownRules(slices.Sorted(maps.Keys(s.Severity)), file, "[tool.alembic-patterns.severity]"); err != nil {
		return nil, err
	}
	if err := knownRules(slices.Concat(o.Select, o.Ignore, slices.Sorted(maps.Keys(o.Severity))), "", ""); err != nil {
		return nil, err
	}
	ignored := append(append([]string(nil), s.Ignore...), o.Ignore...)
	severities := map[string]string{}
	for k, v := range s.Severity {
		severities[k] = v
	}
	for k, v := range o.Severity {
		severities[k] = v
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

// knownRules refuses an unknown rule id, naming the settings file and where
// in it the id is (file "" for options).
func knownRules(ids []string, file, where string) error {
	for _, id := range ids {
		if _, ok := rules.Get(id); ok {
			continue
		}
		if file == "" {
			return fmt.Errorf("unknown rule %q (see `alembic-patterns rules`)", id)
		}
		return fmt.Errorf("%s: unknown rule %q in %s (see `alembic-patterns rules`)", file, id, where)
	}
	return nil
}

// ParseSeverity validates a --fail-on value.
func ParseSeverity(s string) (rules.Severity, error) {
	switch v := rules.Severity(strings.ToLower(s)); v {
	case rules.Error, rules.Warning, rules.Info:
		return v, nil
	}
	return "", fmt.Errorf("unknown severity %q (use error, warning or info)", s)
}
