package plugin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The launcher tests run bin/alembic-patterns from a copy of the plugin, with
// the Go caches of this test process (so builds reuse compiled packages and
// need no network).

const launcherTimeout = 10 * time.Minute

var platform = runtime.GOOS + "-" + runtime.GOARCH

// pluginCopy copies the launcher, its download helper and the manifest (the
// version to download) and, with source, what it builds from (go.mod, go.sum,
// server/) into a fresh plugin directory.
func pluginCopy(t *testing.T, source bool) string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	for _, f := range []string{"bin/alembic-patterns", "lib/fetch-release.sh", ".claude-plugin/plugin.json"} {
		mustWrite(t, filepath.Join(dir, f), mustRead(t, filepath.Join(root, f)), 0o755)
	}
	if !source {
		return dir
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		mustWrite(t, filepath.Join(dir, f), mustRead(t, filepath.Join(root, f)), 0o644)
	}
	err := filepath.WalkDir(filepath.Join(root, "server"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(mkdirFor(t, filepath.Join(dir, rel)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// must returns v, ignoring err (a file not written yet reads as empty).
func must[T any](v T, _ error) T { return v }

func mkdirFor(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// goEnv is the environment the launcher builds with: this process's Go
// caches, no network, no toolchain download.
func goEnv(t *testing.T) []string {
	t.Helper()
	goBin := lookGo(t)
	var env []string
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		res := runCmd(time.Minute, "", withPath(os.Environ()), "", goBin, "env", name)
		if res.err != nil {
			t.Fatalf("go env %s: %v", name, res)
		}
		env = append(env, name+"="+strings.TrimSpace(res.stdout))
	}
	return append(env, "GOPROXY=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOWORK=off")
}

func lookGo(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/local/go/bin/go"); err == nil {
		return "/usr/local/go/bin/go"
	}
	t.Fatal("go not found")
	return ""
}

// launch runs the launcher of plugin dir with env (HOME is a temp dir). It
// never downloads unless env sets ALEMBIC_PATTERNS_RELEASE_URL (tests serve
// releases on 127.0.0.1, see releaseServer).
func launch(t *testing.T, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	env = append(env, "HOME="+t.TempDir())
	if !slices.ContainsFunc(env, func(kv string) bool { return strings.HasPrefix(kv, "ALEMBIC_PATTERNS_RELEASE_URL=") }) {
		env = append(env, "ALEMBIC_PATTERNS_RELEASE_URL=off")
	}
	return runCmd(launcherTimeout, t.TempDir(), env, stdin, filepath.Join(dir, "bin", "alembic-patterns"), args...)
}

var builtName = regexp.MustCompile(`^alembic-patterns-` + regexp.QuoteMeta(platform) + `-[0-9a-f]{16}$`)

// builds lists the entries of a data directory (binaries and anything left).
func builds(t *testing.T, data string) []string {
	t.Helper()
	entries, err := os.ReadDir(data)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestLauncherPrebuilt: a shipped libexec binary runs directly, with the
// arguments as given, without Go, and nothing but its own output on stdout.
func TestLauncherPrebuilt(t *testing.T) {
	dir := pluginCopy(t, false)
	mustWrite(t, filepath.Join(dir, "libexec", "alembic-patterns-"+platform),
		"#!/bin/sh\nprintf 'prebuilt:%s|' \"$@\"\nprintf '\\n'\n", 0o755)
	res := launch(t, dir, baseEnv("PATH=/usr/bin:/bin"), "", "check", "--format", "json", "a b")
	if res.err != nil || res.stdout != "prebuilt:check|prebuilt:--format|prebuilt:json|prebuilt:a b|\n" || res.stderr != "" {
		t.Fatalf("prebuilt binary not run as is:\n%s", res)
	}
}

// TestLauncherBuildsOnce: without a shipped binary the launcher builds one
// (cgo) into ${CLAUDE_PLUGIN_DATA}, once per source; stdout carries only the
// program's output while it builds; a hook never waits for the build.
func TestLauncherBuildsOnce(t *testing.T) {
	want := runCmd(time.Minute, "", baseEnv(), "", binary(t), "version")
	if want.err != nil || !strings.HasPrefix(want.stdout, "alembic-patterns ") {
		t.Fatalf("reference binary: %s", want)
	}
	dir := pluginCopy(t, true)
	data := t.TempDir()
	env := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data)), goEnv(t)...)

	// 1. A hook invocation starts the build in the background and returns at once.
	start := time.Now()
	res := launch(t, dir, env, `{"hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"ls"}}`, "hook", "post-tool-use")
	if res.err != nil || res.stdout != "" {
		t.Fatalf("hook without a binary: want exit 0 and no output:\n%s", res)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("hook waited %s for the build", took)
	}
	var bin string
	deadline := time.Now().Add(launcherTimeout)
	for bin == "" && time.Now().Before(deadline) {
		for _, name := range builds(t, data) {
			if builtName.MatchString(name) {
				bin = name
			}
		}
		if _, err := os.Stat(filepath.Join(data, bin+".lock")); bin != "" && err == nil {
			bin = "" // renamed into place, lock not yet released
		}
		time.Sleep(200 * time.Millisecond)
	}
	if bin == "" {
		t.Fatalf("the background build produced nothing in %s: %v", data, builds(t, data))
	}
	if want := "alembic-patterns-" + platform + "-" + launcherKey(t, dir); bin != want {
		t.Errorf("built %s, want %s (key of go.mod, go.sum, server/**/*.go)", bin, want)
	}

	// 2. The cached build runs: same output as a plain build, no build messages.
	res = launch(t, dir, env, "", "version")
	if res.err != nil || res.stdout != want.stdout || res.stderr != "" {
		t.Fatalf("cached build: want %q on stdout and nothing on stderr:\n%s", want.stdout, res)
	}

	// 3. A source change gives a new key: rebuilt in the foreground (messages on
	// stderr only), the old binary removed.
	main := filepath.Join(dir, "server", "main.go")
	mustWrite(t, main, mustRead(t, main)+"\n// changed\n", 0o644)
	res = launch(t, dir, env, "", "version")
	if res.err != nil || res.stdout != want.stdout || !strings.Contains(res.stderr, "building alembic-patterns") {
		t.Fatalf("rebuild after a change: want the version on stdout and the build message on stderr:\n%s", res)
	}
	after := builds(t, data)
	var bins []string
	for _, name := range after {
		if builtName.MatchString(name) {
			bins = append(bins, name)
		}
	}
	if len(bins) != 1 || bins[0] == bin {
		t.Errorf("after the rebuild: %v, want one binary other than %s", after, bin)
	}
	for _, name := range after {
		if strings.Contains(name, ".tmp.") || strings.HasSuffix(name, ".lock") {
			t.Errorf("left behind: %s", name)
		}
	}

	// 4. CLAUDE_PLUGIN_DATA of another plugin (CLAUDE_PLUGIN_ROOT elsewhere) is
	// not written: the build goes to the user cache.
	other, cache := t.TempDir(), t.TempDir()
	env2 := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+t.TempDir(), "CLAUDE_PLUGIN_DATA="+other, "XDG_CACHE_HOME="+cache)), goEnv(t)...)
	res = launch(t, dir, env2, "", "version")
	if res.err != nil || res.stdout != want.stdout {
		t.Fatalf("build with another plugin's variables:\n%s", res)
	}
	if len(builds(t, other)) != 0 || len(builds(t, filepath.Join(cache, "alembic-patterns"))) == 0 {
		t.Errorf("wrote into another plugin's data (%v) or not into the cache (%v)", builds(t, other), builds(t, filepath.Join(cache, "alembic-patterns")))
	}
}

// toolsDir holds only the commands the launcher itself uses, so that tests can
// take go or the C compiler away.
func toolsDir(t *testing.T, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range append([]string{"sh", "uname", "readlink", "dirname", "basename", "find", "sort", "sha256sum", "shasum", "sed", "cut",
		"head", "tail", "awk", "mkdir", "mv", "rm", "chmod", "cat", "date", "sleep", "xargs", "curl"}, extra...) {
		p, err := exec.LookPath(name)
		if err != nil {
			if name == "shasum" || name == "sha256sum" {
				continue
			}
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.Symlink(p, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLauncherMissingToolchain: without Go, or without a C compiler, the
// launcher says what is missing (cgo for the C compiler) on stderr and
// exits 1; a hook stays silent (exit 0).
func TestLauncherMissingToolchain(t *testing.T) {
	dir := pluginCopy(t, true)
	goDir := t.TempDir()
	if err := os.Symlink(lookGo(t), filepath.Join(goDir, "go")); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		path string
		want []string
	}{
		"no go":             {toolsDir(t), []string{"no 'go' on PATH", "C compiler"}},
		"no C compiler":     {toolsDir(t) + ":" + goDir, []string{"C compiler", "cgo", "CGO_ENABLED=1"}},
		"no C compiler, CC": {toolsDir(t) + ":" + goDir, []string{"C compiler", "cgo"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := baseEnv("PATH="+c.path, "CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+t.TempDir())
			if strings.HasSuffix(name, "CC") {
				env = append(env, "CC=no-such-compiler")
			}
			res := launch(t, dir, env, "", "version")
			if res.code != 1 || res.stdout != "" {
				t.Fatalf("want exit 1 and no stdout:\n%s", res)
			}
			for _, w := range c.want {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
			res = launch(t, dir, env, "{}", "hook", "post-tool-use")
			if res.code != 0 || res.stdout != "" {
				t.Errorf("hook: want exit 0 and no stdout:\n%s", res)
			}
		})
	}
}

// TestLauncherFailedBuild: a source that does not compile fails with the
// compiler's message, and is not rebuilt on every call for a while.
func TestLauncherFailedBuild(t *testing.T) {
	dir := pluginCopy(t, true)
	mustWrite(t, filepath.Join(dir, "server", "main.go"), "package main\n\nfunc main() { undefinedThing() }\n", 0o644)
	data := t.TempDir()
	env := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data)), goEnv(t)...)
	res := launch(t, dir, env, "", "version")
	if res.code != 1 || res.stdout != "" || !strings.Contains(res.stderr, "undefinedThing") || !strings.Contains(res.stderr, "build failed") {
		t.Fatalf("want exit 1 with the compiler error on stderr:\n%s", res)
	}
	res = launch(t, dir, env, "", "version")
	if res.code != 1 || strings.Contains(res.stderr, "undefinedThing") || !strings.Contains(res.stderr, "failed less than 10 minutes ago") {
		t.Fatalf("second call: want the earlier failure reported without a new build:\n%s", res)
	}
	res = launch(t, dir, env, "{}", "hook", "post-tool-use")
	if res.code != 0 || res.stdout != "" {
		t.Fatalf("hook after a failed build: want exit 0 and no stdout:\n%s", res)
	}
}

// launcherKey is the launcher's cache key for plugin dir: the sha256 of the
// lines "<sha256 of file>  <path>" for go.mod, go.sum and server/**/*.go in
// byte order, cut to 16 hex digits.
func launcherKey(t *testing.T, dir string) string {
	t.Helper()
	paths := []string{"go.mod", "go.sum"}
	err := filepath.WalkDir(filepath.Join(dir, "server"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".go") {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	var lines strings.Builder
	for _, p := range paths {
		sum := sha256.Sum256([]byte(mustRead(t, filepath.Join(dir, p))))
		fmt.Fprintf(&lines, "%x  %s\n", sum, p)
	}
	sum := sha256.Sum256([]byte(lines.String()))
	return hex.EncodeToString(sum[:])[:16]
}

// TestLauncherLocks: a lock left by a builder that is gone is taken over at
// once; a hook never waits on a live one.
func TestLauncherLocks(t *testing.T) {
	dir := pluginCopy(t, true)
	mustWrite(t, filepath.Join(dir, "server", "main.go"), "package main\n\nfunc main() { undefinedThing() }\n", 0o644)
	data := t.TempDir()
	lock := filepath.Join(data, "alembic-patterns-"+platform+"-"+launcherKey(t, dir)+".lock")
	env := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data)), goEnv(t)...)

	// A live builder (this test process): a hook returns at once.
	mustWrite(t, filepath.Join(lock, "pid"), fmt.Sprint(os.Getpid()), 0o644)
	start := time.Now()
	res := launch(t, dir, env, "{}", "hook", "post-tool-use")
	if res.err != nil || res.stdout != "" || time.Since(start) > 5*time.Second {
		t.Fatalf("hook with a live lock: want exit 0 at once:\n%s", res)
	}
	// Its background attempt leaves the live builder alone.
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(string(must(os.ReadFile(filepath.Join(data, "launcher.log")))), "another build is running") {
		if time.Now().After(deadline) {
			t.Fatalf("the hook's background attempt did not report the running build")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := os.Stat(lock); err != nil {
		t.Fatalf("the live lock was removed: %v", err)
	}

	// A dead builder: its lock is taken over and the build runs (and fails
	// here, quickly, on the broken source).
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(lock, "pid"), fmt.Sprint(dead.Process.Pid), 0o644)
	res = launch(t, dir, env, "", "version")
	if res.code != 1 || strings.Contains(res.stderr, "waiting") || !strings.Contains(res.stderr, "undefinedThing") {
		t.Fatalf("stale lock: want the build to run at once:\n%s", res)
	}
	if _, err := os.Stat(lock); !os.IsNotExist(err) {
		t.Errorf("lock left after the build: %v", err)
	}
}
