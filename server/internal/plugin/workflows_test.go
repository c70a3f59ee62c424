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
// over every workflow: syntax, expressions, job dependencies, action inputs,
// runner labels.
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
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{WorkingDir: root, Color: actionlint.ColorOptionKindNever})
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
		Steps []struct {
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	var w workflow
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot(t), ".github", "workflows", name))), &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return w
}

// TestReleaseWorkflow: one native runner per OS/arch, cgo on, and a release
// job that publishes what the builds made.
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
		targets = append(targets, inc["goos"]+"-"+inc["goarch"]+"@"+inc["runner"])
	}
	slices.Sort(targets)
	want := []string{"darwin-amd64@macos-15-intel", "darwin-arm64@macos-14", "linux-amd64@ubuntu-24.04", "linux-arm64@ubuntu-24.04-arm"}
	if !slices.Equal(targets, want) {
		t.Errorf("release.yml build matrix: %v, want %v", targets, want)
	}
	cgo := false
	for _, s := range build.Steps {
		if s.Env["CGO_ENABLED"] == "1" && strings.Contains(s.Run, "go build") && strings.Contains(s.Run, "./server") {
			cgo = true
		}
	}
	if !cgo {
		t.Error("release.yml: no `go build ./server` step with CGO_ENABLED=1")
	}
	release, ok := w.Jobs["release"]
	if !ok {
		t.Fatal("release.yml: no release job")
	}
	var runs strings.Builder
	for _, s := range release.Steps {
		runs.WriteString(s.Run)
	}
	for _, need := range []string{"gh release create", "libexec", "SHA256SUMS", ".claude-plugin/plugin.json"} {
		if !strings.Contains(runs.String(), need) {
			t.Errorf("release.yml release job: no %q", need)
		}
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
