package plugin

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// These tests drive the pinned Claude Code CLI (ALEMBIC_PATTERNS_CLAUDE, from
// scripts/ci-setup.sh) offline, with a throwaway HOME and no credentials.

const (
	pluginName      = "migrate"
	marketplaceName = "alembic-patterns"
	serverName      = "plugin:migrate:alembic"
	toolPrefix      = "mcp__plugin_migrate_alembic__"
	claudeTimeout   = 3 * time.Minute
)

// mcpTools are the tools of DESIGN §8.
var mcpTools = []string{"check_migration", "create_migration", "diagnose_error", "fix_migration", "review_migration", "show_history", "verify_migration"}

type claudeCLI struct {
	path string
	home string
}

// claudeConnectTimeout is how long Claude Code waits for an MCP server to
// connect before it reports "connection timed out after 30000ms".
const claudeConnectTimeout = 30 * time.Second

func newClaude(t *testing.T) *claudeCLI {
	t.Helper()
	return &claudeCLI{path: testenv.Get(t, "ALEMBIC_PATTERNS_CLAUDE"), home: t.TempDir()}
}

func (c *claudeCLI) env(extra ...string) []string {
	return append(baseEnv("HOME="+c.home, "DISABLE_AUTOUPDATER=1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1"), extra...)
}

func (c *claudeCLI) run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(claudeTimeout, dir, c.env(), "", c.path, args...)
}

// validateReport is the part of `claude plugin validate --json` the tests read.
type validateReport struct {
	Success  bool `json:"success"`
	Strict   bool `json:"strict"`
	Manifest struct {
		Type     string `json:"type"`
		Errors   []any  `json:"errors"`
		Warnings []any  `json:"warnings"`
	} `json:"manifest"`
	Provides struct {
		Hooks []struct {
			Event   string   `json:"event"`
			Matcher string   `json:"matcher"`
			Type    string   `json:"type"`
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"hooks"`
		MCPServers []struct {
			Name   string   `json:"name"`
			Type   string   `json:"type"`
			Target string   `json:"target"`
			Args   []string `json:"args"`
		} `json:"mcpServers"`
		Skills   []string `json:"skills"`
		Commands []string `json:"commands"`
		Agents   []string `json:"agents"`
		Bin      []string `json:"bin"`
	} `json:"provides"`
}

// TestValidatePlugin is `claude plugin validate . --strict`: it passes, and
// the plugin provides /migrate:create, /migrate:check, the skill, the agent,
// the MCP server, the hooks and the launcher.
func TestValidatePlugin(t *testing.T) {
	c := newClaude(t)
	root := repoRoot(t)

	res := c.run(t, root, "plugin", "validate", root, "--strict")
	if res.err != nil || !strings.Contains(res.stdout, "Validation passed") {
		t.Fatalf("claude plugin validate --strict failed:\n%s", res)
	}
	provides := providesSection(res.stdout)
	t.Logf("validator Provides:\n%s", provides)
	for _, want := range []string{
		"commands: migrate:create",
		"commands: migrate:check",
		"skills: migrate:alembic-patterns",
		"agents: migrate:migration-reviewer",
		`mcpServers: alembic stdio ${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns ["mcp"]`,
		`hooks: PostToolUse Write|Edit|MultiEdit command ${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns ["hook","post-tool-use"]`,
		`hooks: PostToolUse Bash command ${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns ["hook","post-tool-use"]`,
		`hooks: PostToolUseFailure Bash command ${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns ["hook","post-tool-use"]`,
		"bin: alembic-patterns",
	} {
		if !strings.Contains(provides, want) {
			t.Errorf("Provides lacks %q", want)
		}
	}

	res = c.run(t, root, "plugin", "validate", root, "--strict", "--json")
	if res.err != nil {
		t.Fatalf("claude plugin validate --strict --json failed:\n%s", res)
	}
	var rep validateReport
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatalf("validate --json: %v\n%s", err, res.stdout)
	}
	p := rep.Provides
	if !rep.Success || !rep.Strict || len(rep.Manifest.Errors) > 0 || len(rep.Manifest.Warnings) > 0 {
		t.Errorf("validate --json: success=%v strict=%v errors=%v warnings=%v", rep.Success, rep.Strict, rep.Manifest.Errors, rep.Manifest.Warnings)
	}
	check := func(what string, got, want []string) {
		t.Helper()
		got, want = slices.Clone(got), slices.Clone(want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("provides.%s = %v, want %v", what, got, want)
		}
	}
	check("commands", p.Commands, []string{"migrate:check", "migrate:create"})
	check("skills", p.Skills, []string{"migrate:alembic-patterns"})
	check("agents", p.Agents, []string{"migrate:migration-reviewer"})
	check("bin", p.Bin, []string{"alembic-patterns"})
	if len(p.MCPServers) != 1 || p.MCPServers[0].Name != "alembic" || p.MCPServers[0].Type != "stdio" ||
		p.MCPServers[0].Target != "${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns" || !slices.Equal(p.MCPServers[0].Args, []string{"mcp"}) {
		t.Errorf("provides.mcpServers = %+v", p.MCPServers)
	}
	var hooks []string
	for _, h := range p.Hooks {
		if h.Type != "command" || h.Command != "${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns" || !slices.Equal(h.Args, []string{"hook", "post-tool-use"}) {
			t.Errorf("hook %+v: want the launcher with hook post-tool-use", h)
		}
		hooks = append(hooks, h.Event+" "+h.Matcher)
	}
	check("hooks", hooks, []string{"PostToolUse Write|Edit|MultiEdit", "PostToolUse Bash", "PostToolUseFailure Bash"})

	// The strict validation is not vacuous: an unknown manifest field fails it.
	bad := t.TempDir()
	manifest := strings.Replace(mustRead(t, filepath.Join(root, ".claude-plugin", "plugin.json")), `"name": "migrate",`, `"name": "migrate", "postInstall": "make",`, 1)
	mustWrite(t, filepath.Join(bad, ".claude-plugin", "plugin.json"), manifest, 0o644)
	if res := c.run(t, bad, "plugin", "validate", bad, "--strict"); res.err == nil || !strings.Contains(res.stdout+res.stderr, "postInstall") {
		t.Errorf("a manifest with an unknown field passed --strict:\n%s", res)
	}
}

// providesSection returns the "Provides:" block of the validator's output.
func providesSection(out string) string {
	_, after, ok := strings.Cut(out, "Provides:")
	if !ok {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(after, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(lines) > 0 {
				break
			}
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// gitTree copies the repository's plugin as a git-tree install has it: every
// file but VCS, CI and build output, and no binary in libexec/.
func gitTree(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dst := filepath.Join(t.TempDir(), "migrate-plugin")
	skip := map[string]bool{".git": true, ".ci": true, ".build": true, "libexec": true, "node_modules": true, "__pycache__": true}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if skip[d.Name()] && p != root {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		// .git is a file in a git worktree: never copied, or the copy would be
		// that worktree for git.
		if !d.Type().IsRegular() || d.Name() == ".git" || strings.HasSuffix(d.Name(), ".test") || rel == "alembic-patterns" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

var noToolchain struct {
	once sync.Once
	dir  string
	err  error
}

// noToolchainPath is a PATH with every command of this machine but Go and the
// C compilers: a Python developer's machine. Made once per test binary.
func noToolchainPath(t *testing.T) string {
	t.Helper()
	noToolchain.once.Do(func() { noToolchain.dir, noToolchain.err = makeNoToolchainPath() })
	if noToolchain.err != nil {
		t.Fatal(noToolchain.err)
	}
	return noToolchain.dir
}

func makeNoToolchainPath() (string, error) {
	dir, err := os.MkdirTemp("", "ap-no-toolchain-")
	if err != nil {
		return "", err
	}
	toolchain := regexp.MustCompile(`^(go|gofmt|cc|c89|c99|gcc|g\+\+|c\+\+|clang|clang\+\+|tcc|cpp)(-[0-9.]+)?$|-linux-gnu-(gcc|g\+\+|cpp|cc)`)
	for _, bindir := range []string{"/usr/local/go/bin", "/usr/local/bin", "/usr/bin", "/bin"} {
		entries, _ := os.ReadDir(bindir)
		for _, e := range entries {
			if toolchain.MatchString(e.Name()) {
				continue
			}
			if _, err := os.Lstat(filepath.Join(dir, e.Name())); err == nil {
				continue
			}
			if err := os.Symlink(filepath.Join(bindir, e.Name()), filepath.Join(dir, e.Name())); err != nil {
				return "", err
			}
		}
	}
	for _, name := range []string{"go", "gcc", "cc", "clang"} {
		res := runCmd(time.Minute, "", []string{"PATH=" + dir}, "", "/bin/sh", "-c", "command -v "+name)
		if res.err == nil {
			return "", fmt.Errorf("%s is still on the toolchain-free PATH: %s", name, res.stdout)
		}
	}
	return dir, nil
}

// mcpConnected runs `claude mcp list` (which starts the MCP servers of the
// installed plugins) in dir and returns the line of our server and how long
// the whole listing took.
func (c *claudeCLI) mcpConnected(t *testing.T, dir string, env []string) (string, time.Duration) {
	t.Helper()
	res := runCmd(claudeTimeout, dir, env, "", c.path, "mcp", "list")
	if res.err != nil {
		t.Fatalf("mcp list:\n%s", res)
	}
	t.Logf("claude mcp list (%s):\n%s", res.took.Round(time.Millisecond), strings.TrimSpace(res.stdout))
	for _, l := range strings.Split(res.stdout, "\n") {
		if strings.Contains(l, serverName) {
			if !strings.Contains(l, "Connected") {
				t.Errorf("mcp list: %s is not connected:\n%s", serverName, res)
			}
			return l, res.took
		}
	}
	t.Errorf("mcp list has no %s:\n%s", serverName, res)
	return "", res.took
}

// shopProject is a copy of examples/shop: an Alembic project to start Claude
// Code in.
func shopProject(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "examples", "shop")
	dst := filepath.Join(t.TempDir(), "shop")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestOfflineInstall installs the release the way a user without Go or a C
// compiler does: `claude plugin marketplace add` + `claude plugin install
// migrate@alembic-patterns` from the release dry run (the marketplace's migrate
// entry points at the release ref, a git repository), with no network and no
// login; the first `claude mcp list` finds the MCP server connected, within 5 s.
func TestOfflineInstall(t *testing.T) {
	t.Parallel()
	c := newClaude(t)
	rel := dryRun(t)
	env := c.env("PATH=" + noToolchainPath(t))

	res := runCmd(claudeTimeout, rel.dir, env, "", c.path, "plugin", "validate", rel.dir, "--strict")
	if res.err != nil {
		t.Fatalf("validate the release marketplace:\n%s", res)
	}
	res = runCmd(claudeTimeout, rel.dir, env, "", c.path, "plugin", "marketplace", "add", rel.dir)
	if res.err != nil || !strings.Contains(res.stdout+res.stderr, marketplaceName) {
		t.Fatalf("marketplace add:\n%s", res)
	}
	res = runCmd(claudeTimeout, rel.dir, env, "", c.path, "plugin", "install", pluginName+"@"+marketplaceName)
	if res.err != nil || !strings.Contains(res.stdout+res.stderr, "installed") {
		t.Fatalf("plugin install:\n%s", res)
	}
	t.Logf("%s", strings.TrimSpace(res.stdout))

	res = runCmd(claudeTimeout, rel.dir, env, "", c.path, "plugin", "list", "--json")
	if res.err != nil {
		t.Fatalf("plugin list:\n%s", res)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &list); err != nil {
		t.Fatalf("plugin list --json: %v\n%s", err, res.stdout)
	}
	var installPath string
	for _, p := range list {
		if p["id"] == pluginName+"@"+marketplaceName {
			installPath, _ = p["installPath"].(string)
			if p["enabled"] != true || p["version"] != rel.version {
				t.Errorf("installed plugin: %v, want enabled, version %s", p, rel.version)
			}
		}
	}
	if installPath == "" {
		t.Fatalf("plugin list has no %s@%s:\n%s", pluginName, marketplaceName, res.stdout)
	}
	// What was installed is the release ref: the shipped binary, no source.
	if _, err := os.Stat(filepath.Join(installPath, "libexec", "alembic-patterns-"+platform)); err != nil {
		t.Errorf("the installed plugin has no binary: %v", err)
	}
	if _, err := os.Stat(filepath.Join(installPath, "server")); err == nil {
		t.Errorf("the installed plugin holds server/: not the release ref")
	}

	// First start: connected, in well under Claude Code's 30 s timeout.
	line, took := c.mcpConnected(t, shopProject(t), env)
	if !strings.Contains(line, installPath) {
		t.Errorf("the server runs from %q, not the installed plugin %s", line, installPath)
	}
	// the time is reported, not judged (a loaded machine is slower); failing
	// is Claude Code giving up on the server
	t.Logf("first start: connected in %s", took)
	if took > claudeConnectTimeout {
		t.Errorf("first start took %s: Claude Code gives up after %s", took, claudeConnectTimeout)
	}
}

// TestOfflineInstallDownload installs the plugin from its git tree (the
// migrate-dev entry: no binary in libexec/) on a machine without Go or a C
// compiler, with the release served on 127.0.0.1: the launcher downloads the
// release binary, and the first `claude mcp list` finds the server connected
// within 5 s; the second start uses the cached download.
func TestOfflineInstallDownload(t *testing.T) {
	t.Parallel()
	c := newClaude(t)
	rel := dryRun(t)
	tree := gitTree(t)
	// A server of its own, so that other tests' downloads do not count here.
	srv := newReleaseServer(t, filepath.Join(rel.dir, "download"))
	env := c.env("PATH="+noToolchainPath(t), "ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL)

	res := runCmd(claudeTimeout, tree, env, "", c.path, "plugin", "marketplace", "add", tree)
	if res.err != nil {
		t.Fatalf("marketplace add:\n%s", res)
	}
	res = runCmd(claudeTimeout, tree, env, "", c.path, "plugin", "install", pluginName+"-dev@"+marketplaceName)
	if res.err != nil || !strings.Contains(res.stdout+res.stderr, "installed") {
		t.Fatalf("plugin install %s-dev:\n%s", pluginName, res)
	}
	asset := "/v" + rel.version + "/alembic-patterns-" + platform
	before := srv.requests()[asset]

	_, took := c.mcpConnected(t, shopProject(t), env)
	t.Logf("first start through the download: connected in %s", took)
	if took > claudeConnectTimeout {
		t.Errorf("first start through the download took %s: Claude Code gives up after %s", took, claudeConnectTimeout)
	}
	if got := srv.requests()[asset]; got != before+1 {
		t.Errorf("the first start fetched %s %d times, want once", asset, got-before)
	}
	data := filepath.Join(c.home, ".claude", "plugins", "data")
	found, _ := filepath.Glob(filepath.Join(data, "*", "alembic-patterns-v"+rel.version+"-"+platform))
	if len(found) != 1 {
		t.Errorf("no cached download under %s", data)
	}

	c.mcpConnected(t, shopProject(t), env)
	if got := srv.requests()[asset]; got != before+1 {
		t.Errorf("the second start downloaded again")
	}
}

// TestSessionListing starts a headless session with the plugin as the release
// ref holds it (no login: the
// model call fails, the listing does not) and checks what Claude sees: the
// commands, the agent, the skill, the connected MCP server and the exact MCP
// tool names that commands/ and agents/ pre-approve.
func TestSessionListing(t *testing.T) {
	c := newClaude(t)
	plugin := dryRun(t).checkout(t)
	shop := shopProject(t)

	ctx, cancel := context.WithTimeout(context.Background(), claudeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.path, "-p", "--input-format", "stream-json", "--output-format", "stream-json", "--verbose", "--plugin-dir", plugin)
	cmd.Dir = shop
	cmd.Env = c.env()
	cmd.WaitDelay = 5 * time.Second
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	lines := make(chan map[string]any, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				lines <- m
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	send := func(v any) {
		data, _ := json.Marshal(v)
		if _, err := stdin.Write(append(data, '\n')); err != nil {
			t.Fatalf("write to claude: %v (stderr: %s)", err, stderr.String())
		}
	}
	next := func(match func(map[string]any) bool, wait time.Duration) map[string]any {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		for {
			select {
			case m, ok := <-lines:
				if !ok {
					t.Fatalf("claude exited early (stderr: %s)", stderr.String())
				}
				if match(m) {
					return m
				}
			case <-timer.C:
				return nil
			}
		}
	}

	// Ask for the MCP status until the server has connected.
	var status string
	for i := 0; i < 60 && status != "connected"; i++ {
		id := fmt.Sprintf("status-%d", i)
		send(map[string]any{"type": "control_request", "request_id": id, "request": map[string]any{"subtype": "mcp_status"}})
		resp := next(func(m map[string]any) bool {
			r, _ := m["response"].(map[string]any)
			return m["type"] == "control_response" && r["request_id"] == id
		}, 10*time.Second)
		if resp != nil {
			status = serverStatus(resp)
		}
		if status != "connected" {
			time.Sleep(time.Second)
		}
	}
	if status != "connected" {
		t.Fatalf("MCP server %s: status %q (stderr: %s)", serverName, status, stderr.String())
	}

	send(map[string]any{"type": "user", "message": map[string]any{"role": "user", "content": "hi"}})
	init := next(func(m map[string]any) bool { return m["type"] == "system" && m["subtype"] == "init" }, time.Minute)
	if init == nil {
		t.Fatalf("no init message (stderr: %s)", stderr.String())
	}
	strs := func(key string) []string {
		var out []string
		list, _ := init[key].([]any)
		for _, v := range list {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	for _, want := range []string{"migrate:create", "migrate:check", "migrate:alembic-patterns"} {
		if !slices.Contains(strs("slash_commands"), want) {
			t.Errorf("slash_commands lacks %s: %v", want, strs("slash_commands"))
		}
	}
	if !slices.Contains(strs("agents"), "migrate:migration-reviewer") {
		t.Errorf("agents lacks migrate:migration-reviewer: %v", strs("agents"))
	}
	var tools []string
	for _, tool := range strs("tools") {
		if strings.HasPrefix(tool, "mcp__") {
			tools = append(tools, tool)
		}
	}
	t.Logf("MCP tools: %v", tools)
	for _, name := range mcpTools {
		if !slices.Contains(tools, toolPrefix+name) {
			t.Errorf("tools lacks %s%s: %v", toolPrefix, name, tools)
		}
	}
	// Every MCP tool name the plugin's files pre-approve is one Claude has.
	for _, ref := range mcpToolRefs(t) {
		if !slices.Contains(tools, ref.name) {
			t.Errorf("%s names %s, which the session does not have", ref.file, ref.name)
		}
	}
}

func serverStatus(resp map[string]any) string {
	r, _ := resp["response"].(map[string]any)
	inner, _ := r["response"].(map[string]any)
	servers, _ := inner["mcpServers"].([]any)
	for _, s := range servers {
		if m, ok := s.(map[string]any); ok && m["name"] == serverName {
			st, _ := m["status"].(string)
			return st
		}
	}
	return ""
}
