package plugin

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestReadmeInstall: what the README tells users to type exists: the plugin
// install line, the pre-commit hook id at this version, the Action at this
// version with inputs the Action has (in six lines), the license.
func TestReadmeInstall(t *testing.T) {
	readme := mustRead(t, filepath.Join(repoRoot(t), "README.md"))
	version := pluginVersion(t)
	for _, want := range []string{"claude plugin marketplace add alembic-patterns/alembic-patterns\n", "claude plugin install migrate@alembic-patterns\n",
		"pip install\nalembic-patterns", "## License\n\nMIT"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(readme, -1)
	var hooks []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))), &hooks); err != nil {
		t.Fatal(err)
	}
	ids := map[any]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
	}
	action := readAction(t)
	var sawHook, sawAction bool
	for _, b := range blocks {
		var steps []map[string]any
		if err := yaml.Unmarshal([]byte(b[1]), &steps); err != nil {
			t.Errorf("README yaml block does not parse: %v\n%s", err, b[1])
			continue
		}
		for _, s := range steps {
			if s["repo"] == "https://github.com/alembic-patterns/alembic-patterns" {
				sawHook = true
				if s["rev"] != "v"+version {
					t.Errorf("README pre-commit rev %v, want v%s", s["rev"], version)
				}
				for _, h := range s["hooks"].([]any) {
					if id := h.(map[string]any)["id"]; !ids[id] {
						t.Errorf("README names hook %v, which .pre-commit-hooks.yaml lacks", id)
					}
				}
			}
			if uses, _ := s["uses"].(string); strings.HasPrefix(uses, "alembic-patterns/alembic-patterns@") {
				sawAction = true
				if uses != "alembic-patterns/alembic-patterns@v"+version {
					t.Errorf("README uses %s, want @v%s", uses, version)
				}
				with, _ := s["with"].(map[string]any)
				for k := range with {
					if _, ok := action.Inputs[k]; !ok {
						t.Errorf("README passes %s, which action.yml lacks", k)
					}
				}
				if n := strings.Count(strings.TrimSpace(b[1]), "\n") + 1; n != 6 {
					t.Errorf("the README's Action usage is %d lines, want 6", n)
				}
			}
		}
	}
	if !sawHook || !sawAction {
		t.Errorf("README: pre-commit snippet %v, Action snippet %v", sawHook, sawAction)
	}
}
