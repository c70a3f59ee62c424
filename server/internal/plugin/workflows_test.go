package plugin

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v4"
)

// TestWorkflowsLint runs actionlint (as a library, so no binary to install)
// over every workflow: syntax, expressions, job dependencies, action inputs
// (of action.yml too, for `uses: ./`), runner labels, and shellcheck over every
// run: script.
func TestWorkflowsLint(t *testing.T) {
	root := repoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("want the CI and release workflows in .github/workflows, found %v", files)
	}
	var out bytes.Buffer
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{WorkingDir: root, Color: actionlint.ColorOptionKindNever,
		Shellcheck: optionalTool(t, "ALEMBIC_PATTERNS_SHELLCHECK")})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
	// Not vacuous: shellcheck's finding in a run: script is an error.
	if optionalTool(t, "ALEMBIC_PATTERNS_SHELLCHECK") != "" {
		bad := []byte("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo $1 `date`\n")
		errs, err := linter.Lint("bad.yml", bad, nil)
		if err != nil || !slices.ContainsFunc(errs, func(e *actionlint.Error) bool { return e.Kind == "shellcheck" }) {
			t.Errorf("actionlint did not run shellcheck on a run: script (%v, %v)", errs, err)
		}
	}
}

// workflow is the part of a workflow file the release checks read.
type workflow struct {
	On   map[string]any `yaml:"on"`
	Jobs map[string]struct {
		RunsOn   any `yaml:"runs-on"`
		Strategy struct {
			Matrix struct {
				Include []map[string]string `yaml:"include"`
			} `yaml:"matrix"`
		} `yaml:"strategy"`
		Env   map[string]string `yaml:"env"`
		Steps []step            `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
}

func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	var w workflow
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot(t), ".github", "workflows", name))), &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return w
}

// TestReleaseWorkflow: a native runner per OS/arch plus the musl builds in
// Alpine, all through scripts/release/build.sh; a release job that runs
// scripts/release/assemble.sh (as the CI dry run does), pushes the release ref
// and publishes; PyPI only when configured; verification from what was
// published, with the Claude Code CLI that CI pins.
func TestReleaseWorkflow(t *testing.T) {
	w := readWorkflow(t, "release.yml")
	if _, ok := w.On["push"]; !ok {
		t.Error("release.yml: not triggered by pushed tags")
	}
	build, ok := w.Jobs["build"]
	if !ok {
		t.Fatal("release.yml: no build job")
	}
	var targets []string
	for _, inc := range build.Strategy.Matrix.Include {
		targets = append(targets, inc["target"]+"@"+inc["runner"])
	}
	slices.Sort(targets)
	want := []string{"darwin-amd64@macos-15-intel", "darwin-arm64@macos-14", "linux-amd64-musl@ubuntu-24.04", "linux-amd64@ubuntu-24.04",
		"linux-arm64-musl@ubuntu-24.04-arm", "linux-arm64@ubuntu-24.04-arm"}
	if !slices.Equal(targets, want) {
		t.Errorf("release.yml build matrix: %v, want %v", targets, want)
	}
	var builds []string
	for _, s := range build.Steps {
		if strings.Contains(s.Run, "scripts/release/build.sh") {
			builds = append(builds, s.Run)
		}
	}
	if len(builds) != 2 || !strings.Contains(builds[1], "-alpine") || !strings.Contains(builds[1], "musl-dev") {
		t.Errorf("release.yml: want build.sh natively and in an Alpine (musl) container, got %q", builds)
	}
	release, ok := w.Jobs["release"]
	if !ok {
		t.Fatal("release.yml: no release job")
	}
	var runs strings.Builder
	for _, s := range release.Steps {
		runs.WriteString(s.Run)
	}
	for _, need := range []string{"scripts/release/assemble.sh bin dist .git", "git push origin", "gh release create", ".claude-plugin/plugin.json", ".claude-plugin/marketplace.json"} {
		if !strings.Contains(runs.String(), need) {
			t.Errorf("release.yml release job: no %q", need)
		}
	}
	// The dry run in CI runs the same scripts.
	dryRun := mustRead(t, filepath.Join(repoRoot(t), "scripts", "release-dry-run.sh"))
	for _, need := range []string{"scripts/release/build.sh", "scripts/release/assemble.sh"} {
		if !strings.Contains(dryRun, need) {
			t.Errorf("release-dry-run.sh does not run %s", need)
		}
	}
	pypi := w.Jobs["pypi"]
	if !slices.ContainsFunc(pypi.Steps, func(s step) bool { return strings.HasPrefix(s.Uses, "pypa/gh-action-pypi-publish@") }) {
		t.Error("release.yml: no pypi job publishing the wheels")
	}
	verify := w.Jobs["verify"]
	var uses []string
	var script strings.Builder
	for _, s := range verify.Steps {
		uses = append(uses, s.Uses)
		script.WriteString(s.Run)
	}
	if !slices.Contains(uses, "./") || !strings.Contains(script.String(), "pip install") || !strings.Contains(script.String(), "plugin install migrate@alembic-patterns") {
		t.Errorf("release.yml verify: want the Action, pip and the plugin install checked")
	}
	setup := mustRead(t, filepath.Join(repoRoot(t), "scripts", "ci-setup.sh"))
	if v := verify.Env["CLAUDE_VERSION"]; v == "" || !strings.Contains(setup, "CLAUDE_VERSION:-"+v+"}") {
		t.Errorf("release.yml verify: CLAUDE_VERSION %q is not the version scripts/ci-setup.sh pins", v)
	}
}

// TestCIWorkflow: CI runs `make test` on Ubuntu.
func TestCIWorkflow(t *testing.T) {
	w := readWorkflow(t, "ci.yml")
	found := false
	for name, job := range w.Jobs {
		runsOn, _ := job.RunsOn.(string)
		for _, s := range job.Steps {
			if strings.TrimSpace(s.Run) == "make test" {
				found = true
				if !strings.HasPrefix(runsOn, "ubuntu") {
					t.Errorf("ci.yml job %s runs make test on %q, want ubuntu", name, runsOn)
				}
			}
		}
	}
	if !found {
		t.Error("ci.yml: no step runs `make test`")
	}
}

// TestPreCommitHooks checks .pre-commit-hooks.yaml the way pre-commit reads it.
func TestPreCommitHooks(t *testing.T) {
	root := repoRoot(t)
	var hooks []struct {
		ID            string `yaml:"id"`
		Name          string `yaml:"name"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(root, ".pre-commit-hooks.yaml"))), &hooks); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language == "" {
			t.Errorf("hook %+v: id, name, entry and language are required", h)
		}
		if ids[h.ID] {
			t.Errorf("duplicate hook id %q", h.ID)
		}
		ids[h.ID] = true
		fields := strings.Fields(h.Entry)
		switch h.Language {
		case "script":
			// pre-commit runs the entry relative to the hook repository.
			info, err := os.Stat(filepath.Join(root, fields[0]))
			if err != nil || info.Mode()&0o111 == 0 {
				t.Errorf("hook %s: script entry %s is missing or not executable (%v)", h.ID, fields[0], err)
			}
		case "system", "python":
			// python: the console script of the alembic-patterns wheel.
			if fields[0] != "alembic-patterns" {
				t.Errorf("hook %s: %s entry %q, want alembic-patterns on PATH", h.ID, h.Language, h.Entry)
			}
		default:
			t.Errorf("hook %s: language %q (python, script or system)", h.ID, h.Language)
		}
		if len(fields) < 2 || fields[1] != "check" {
			t.Errorf("hook %s: entry %q does not run `check`", h.ID, h.Entry)
		}
		if h.PassFilenames == nil || *h.PassFilenames {
			t.Errorf("hook %s: pass_filenames must be false (a migration is checked with its whole history)", h.ID)
		}
	}
	for _, id := range []string{"alembic-patterns", "alembic-patterns-wheel", "alembic-patterns-system"} {
		if !ids[id] {
			t.Errorf("no hook with id %s", id)
		}
	}
}
