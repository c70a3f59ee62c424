package plugin

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The GitHub Action (action.yml at the root): its metadata as actionlint reads
// it, its scripts through shellcheck, and its steps run here the way the
// runner runs a composite action (bash -eo pipefail, GITHUB_PATH and
// GITHUB_OUTPUT files, inputs through env), against the release dry run
// served on 127.0.0.1.

type actionMeta struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			ID    string            `yaml:"id"`
			Shell string            `yaml:"shell"`
			Run   string            `yaml:"run"`
			Uses  string            `yaml:"uses"`
			Env   map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) actionMeta {
	t.Helper()
	var a actionMeta
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot(t), "action.yml"))), &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// envExpr is the only expression an env value of the action may hold.
var envExpr = regexp.MustCompile(`^\$\{\{ (inputs\.([a-z-]+)|github\.action_path) \}\}$`)

// TestActionMetadata: a composite action with the inputs the issue asks for,
// every script in bash, free of expressions (inputs reach scripts through env
// only: no script injection), shellcheck-clean; actionlint accepts a workflow
// that uses it and rejects one that passes an input it does not have.
func TestActionMetadata(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" || a.Name == "" || a.Description == "" {
		t.Errorf("action.yml: using %q, name %q: want a named composite action", a.Runs.Using, a.Name)
	}
	var inputs []string
	for name, in := range a.Inputs {
		inputs = append(inputs, name)
		if in.Description == "" || in.Required {
			t.Errorf("input %s: want a description and a default", name)
		}
	}
	slices.Sort(inputs)
	if want := []string{"fail-on", "path", "profile", "sarif", "version"}; !slices.Equal(inputs, want) {
		t.Errorf("inputs %v, want %v", inputs, want)
	}
	shellcheck := optionalTool(t, "ALEMBIC_PATTERNS_SHELLCHECK")
	for i, s := range a.Runs.Steps {
		if s.Shell != "bash" || s.Run == "" || s.Uses != "" {
			t.Errorf("step %d (%s): want a bash run step", i, s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %d (%s): an expression inside the script (pass it through env)", i, s.Name)
		}
		for k, v := range s.Env {
			m := envExpr.FindStringSubmatch(v)
			if m == nil || (m[2] != "" && !slices.Contains(inputs, m[2])) {
				t.Errorf("step %d env %s=%q: want ${{ inputs.<declared> }} or ${{ github.action_path }}", i, k, v)
			}
		}
		if shellcheck != "" {
			script := filepath.Join(t.TempDir(), "step.sh")
			mustWrite(t, script, "#!/usr/bin/env bash\n"+s.Run, 0o644)
			if res := runCmd(time.Minute, "", baseEnv(), "", shellcheck, "--shell=bash", script); res.err != nil {
				t.Errorf("shellcheck of step %d (%s):\n%s", i, s.Name, res.stdout)
			}
		}
	}

	// actionlint checks a workflow's use of the action against action.yml.
	lint := func(with string) []*actionlint.Error {
		dir := t.TempDir()
		for _, f := range []string{"action.yml", ".claude-plugin/plugin.json", "lib/fetch-release.sh"} {
			mustWrite(t, filepath.Join(dir, f), mustRead(t, filepath.Join(repoRoot(t), f)), 0o644)
		}
		wf := filepath.Join(dir, ".github", "workflows", "use.yml")
		mustWrite(t, wf, "on: push\njobs:\n  check:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./\n        with:\n"+with, 0o644)
		mustWrite(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n", 0o644)
		var out bytes.Buffer
		linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{WorkingDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		proj, err := actionlint.NewProject(dir)
		if err != nil {
			t.Fatal(err)
		}
		errs, err := linter.LintFiles([]string{wf}, proj)
		if err != nil {
			t.Fatal(err)
		}
		return errs
	}
	for _, e := range lint("          path: migrations\n          profile: zero-downtime\n          fail-on: warning\n          sarif: out.sarif\n          version: 0.1.0\n") {
		t.Errorf("actionlint: %s", e.Error())
	}
	if errs := lint("          no-such-input: x\n"); len(errs) == 0 {
		t.Error("actionlint accepted an input the action does not have: action.yml was not read")
	}
}

// runnerArch is RUNNER_OS and RUNNER_ARCH for this machine.
func runnerArch(t *testing.T) (string, string) {
	t.Helper()
	oses := map[string]string{"linux": "Linux", "darwin": "macOS"}
	arches := map[string]string{"amd64": "X64", "arm64": "ARM64"}
	if oses[runtime.GOOS] == "" || arches[runtime.GOARCH] == "" {
		t.Fatalf("no runner for %s", platform)
	}
	return oses[runtime.GOOS], arches[runtime.GOARCH]
}

type actionRun struct {
	steps   []result
	outputs map[string]string // of the step with an id, by name
	failed  int               // index of the step that failed, -1 if none
}

// runAction runs action.yml's steps as the runner does, in workspace, with
// the given inputs (defaults for the rest), on a PATH without Go or a C
// compiler; downloads come from the release dry run.
func runAction(t *testing.T, rel *release, workspace string, with map[string]string) actionRun {
	t.Helper()
	a := readAction(t)
	root := repoRoot(t)
	tmp := t.TempDir()
	pathFile, outputFile := filepath.Join(tmp, "path"), filepath.Join(tmp, "output")
	mustWrite(t, pathFile, "", 0o644)
	osName, arch := runnerArch(t)
	basePath := noToolchainPath(t)
	run := actionRun{outputs: map[string]string{}, failed: -1}
	for i, s := range a.Runs.Steps {
		mustWrite(t, outputFile, "", 0o644)
		// GITHUB_PATH entries of earlier steps come first, the newest first.
		var path []string
		for _, l := range strings.Split(strings.TrimSpace(mustRead(t, pathFile)), "\n") {
			if l != "" {
				path = append([]string{l}, path...)
			}
		}
		env := baseEnv("PATH="+strings.Join(append(path, basePath), ":"), "HOME="+tmp, "RUNNER_OS="+osName, "RUNNER_ARCH="+arch,
			"RUNNER_TEMP="+filepath.Join(tmp, "runner"), "GITHUB_PATH="+pathFile, "GITHUB_OUTPUT="+outputFile,
			"GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+workspace, "GITHUB_ACTIONS=true", "CI=true",
			"ALEMBIC_PATTERNS_RELEASE_URL="+rel.server.URL)
		for k, v := range s.Env {
			m := envExpr.FindStringSubmatch(v)
			switch {
			case m == nil:
				t.Fatalf("env %s=%q", k, v)
			case m[1] == "github.action_path":
				v = root
			default:
				in, ok := with[m[2]]
				if !ok {
					in = a.Inputs[m[2]].Default
				}
				v = in
			}
			env = append(env, k+"="+v)
		}
		script := filepath.Join(tmp, "step.sh")
		mustWrite(t, script, s.Run, 0o644)
		res := runCmd(5*time.Minute, workspace, env, "", "bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		run.steps = append(run.steps, res)
		if s.ID != "" {
			for _, l := range strings.Split(mustRead(t, outputFile), "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					run.outputs[k] = v
				}
			}
		}
		if res.err != nil {
			run.failed = i
			break
		}
	}
	return run
}

var annotation = regexp.MustCompile(`(?m)^::(error|warning|notice) file=([^,]+),line=\d+`)

// TestActionRuns: on the example project the action installs the release
// binary (checksum checked), annotates each finding, fails the check step, and
// writes a SARIF file that validates against the SARIF 2.1.0 schema; the
// profile input reaches the checker; an unknown version fails the install
// with one annotation saying why.
func TestActionRuns(t *testing.T) {
	t.Parallel()
	rel := dryRun(t)
	shop := shopProject(t)

	run := runAction(t, rel, shop, map[string]string{"sarif": "reports/alembic.sarif"})
	if len(run.steps) != 2 || run.failed != 1 || run.steps[1].code != 1 {
		t.Fatalf("want the install to pass and the check to fail with exit 1:\n%v", run.steps)
	}
	if out := run.steps[0].stdout; !strings.Contains(out, "alembic-patterns "+rel.version) {
		t.Errorf("install step printed %q", out)
	}
	found := annotation.FindAllStringSubmatch(run.steps[1].stdout, -1)
	if len(found) == 0 || !strings.Contains(run.steps[1].stdout, "enum-type-not-dropped") {
		t.Fatalf("no annotations:\n%s", run.steps[1])
	}
	for _, m := range found {
		if !strings.HasPrefix(m[2], "migrations/versions/") {
			t.Errorf("annotation on %s: want a path relative to the workspace", m[2])
		}
	}
	sarif := filepath.Join(shop, "reports", "alembic.sarif")
	if run.outputs["sarif"] != "reports/alembic.sarif" {
		t.Errorf("output sarif = %q", run.outputs["sarif"])
	}
	validateSARIF(t, sarif)

	zd := runAction(t, rel, shop, map[string]string{"profile": "zero-downtime", "fail-on": "info"})
	if zd.failed != 1 || len(annotation.FindAllString(zd.steps[1].stdout, -1)) <= len(found) {
		t.Errorf("profile zero-downtime: want more findings than the default profile's %d:\n%s", len(found), zd.steps[len(zd.steps)-1])
	}

	bad := runAction(t, rel, shop, map[string]string{"version": "v9.9.9"})
	if bad.failed != 0 || !strings.Contains(bad.steps[0].stdout, "::error title=alembic-patterns::cannot install alembic-patterns 9.9.9") ||
		!strings.Contains(bad.steps[0].stdout, "404") {
		t.Errorf("unknown version: want the install step to fail with an annotation:\n%v", bad.steps)
	}
}

func validateSARIF(t *testing.T, path string) {
	t.Helper()
	schemaFile, err := os.Open(testenv.Get(t, "ALEMBIC_PATTERNS_SARIF_SCHEMA"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no SARIF file: %v", err)
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("%s does not validate: %v", path, err)
	}
	if !strings.Contains(mustRead(t, path), `"ruleId": "enum-type-not-dropped"`) {
		t.Errorf("%s has no results", path)
	}
}
