package plugin

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The plugin in real Claude Code turns: the pinned CLI runs headless (`claude
// -p`) against a scriptedAPI, with the plugin installed from a local
// marketplace into a fresh HOME, and each scenario asserts on the requests
// the CLI sent and on the files and databases afterwards.

// releaseLayout is a marketplace directory holding the plugin as the release
// ref does (the files releaseTree allows, from this tree), with this
// platform's binary in libexec/ when shipped; its migrate-dev entry installs
// it. Made once per test binary for each value of shipped.
func releaseLayout(t *testing.T, shipped bool) string {
	t.Helper()
	l := &layouts[0]
	if shipped {
		l = &layouts[1]
	}
	l.once.Do(func() { l.dir, l.err = makeReleaseLayout(t, shipped) })
	if l.err != nil {
		t.Fatal(l.err)
	}
	return l.dir
}

var layouts [2]struct {
	once sync.Once
	dir  string
	err  error
}

func makeReleaseLayout(t *testing.T, shipped bool) (string, error) {
	root := repoRoot(t)
	dst, err := os.MkdirTemp("", "ap-e2e-plugin-")
	if err != nil {
		return "", err
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			// libexec/ is this test's to fill (a developer's may hold binaries)
			switch d.Name() {
			case ".git", ".build", ".ci", "server", "node_modules", "libexec":
				return filepath.SkipDir
			}
			return nil
		}
		if !releaseTree.MatchString(filepath.ToSlash(rel)) && rel != filepath.Join(".claude-plugin", "marketplace.json") {
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
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, info.Mode().Perm())
	})
	if err != nil || !shipped {
		return dst, err
	}
	data, err := os.ReadFile(binary(t))
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dst, "libexec", "alembic-patterns-"+platform)
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	return dst, os.WriteFile(bin, data, 0o755)
}

// closeLayouts removes the release layouts (from TestMain).
func closeLayouts() {
	for i := range layouts {
		if layouts[i].dir != "" {
			os.RemoveAll(layouts[i].dir)
		}
	}
}

// e2eSession is a fresh HOME with the plugin installed, the scripted API and
// the environment the CLI runs with.
type e2eSession struct {
	c   *claudeCLI
	api *scriptedAPI
	env []string
}

// newSession installs the plugin from marketplace (a releaseLayout) into a
// fresh HOME; extra is added to the CLI's environment.
func newSession(t *testing.T, marketplace string, script func(*apiRequest) []apiBlock, extra ...string) *e2eSession {
	t.Helper()
	c := newClaude(t)
	api := newScriptedAPI(t, script)
	// The API key and base URL are the turn's (see turn): with a key and
	// without the base URL, even `plugin marketplace add` waits ~18 s for
	// api.anthropic.com.
	env := c.env(extra...)
	s := &e2eSession{c: c, api: api, env: env}
	res := runCmd(claudeTimeout, marketplace, env, "", c.path, "plugin", "marketplace", "add", marketplace)
	if res.err != nil {
		t.Fatalf("marketplace add:\n%s", res)
	}
	res = runCmd(claudeTimeout, marketplace, env, "", c.path, "plugin", "install", pluginName+"-dev@"+marketplaceName)
	if res.err != nil || !strings.Contains(res.stdout+res.stderr, "installed") {
		t.Fatalf("plugin install %s-dev:\n%s", pluginName, res)
	}
	return s
}

// turn runs `claude -p prompt` in dir with the tools allowed and returns the
// requests it sent (turns may run in parallel); it fails the test when the CLI
// does not finish cleanly.
func (s *e2eSession) turn(t *testing.T, dir, prompt string, allowed ...string) []*apiRequest {
	t.Helper()
	args := []string{"-p", prompt, "--output-format", "json"}
	if len(allowed) > 0 {
		args = append(args, "--allowedTools", strings.Join(allowed, ","))
	}
	base, turn := s.api.newTurn()
	res := runCmd(claudeTimeout, dir, append(slices.Clone(s.env), "ANTHROPIC_BASE_URL="+base, "ANTHROPIC_API_KEY=sk-ant-e2e-scripted"), "", s.c.path, args...)
	reqs := s.api.recorded(turn)
	t.Logf("claude -p %.40q: %s, %d requests", prompt, res.took.Round(time.Millisecond), len(reqs))
	if res.err != nil || len(reqs) == 0 {
		t.Fatalf("claude -p failed:\n%s\nrequests:\n%s", res, dumpRequests(reqs))
	}
	return reqs
}

// find is the first request for which ok holds; without one the test fails,
// saying what was missing.
func find(t *testing.T, reqs []*apiRequest, missing string, ok func(*apiRequest) bool) *apiRequest {
	t.Helper()
	for _, r := range reqs {
		if ok(r) {
			return r
		}
	}
	t.Fatalf("missing in the recorded requests: %s\n%s", missing, dumpRequests(reqs))
	return nil
}

// resultOf is the text of the result of the scripted call of tool in reqs; the
// test fails when no request carries it or when the tool failed.
func resultOf(t *testing.T, reqs []*apiRequest, tool string) string {
	t.Helper()
	r := find(t, reqs, "the result of the scripted "+tool+" call", func(r *apiRequest) bool {
		_, ok := r.toolResult(tool)
		return ok
	})
	res, _ := r.toolResult(tool)
	if res.IsError {
		t.Fatalf("the scripted %s call failed: %s", tool, res.Content.text())
	}
	return res.Content.text()
}

// wantIn fails the test for every one of wants that text lacks, naming it and where.
func wantIn(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("missing in %s: %q\n--- %s:\n%.3000s", where, w, where, text)
		}
	}
}

// hookEvent is how the CLI labels what a PostToolUse or PostToolUseFailure
// hook gave back to the model.
const hookEvent = "PostToolUse"

// commandArgument is the text between the markers of a command body in the
// last user message ("" when there is none).
func commandArgument(r *apiRequest) string {
	_, after, ok := strings.Cut(r.last(), "<<<\n")
	if !ok {
		return ""
	}
	arg, _, _ := strings.Cut(after, "\n>>>")
	return arg
}

// TestE2ECheckCommand: /migrate:check arrives as the command body with its
// argument substituted, and the scripted check_migration call returns the
// findings of the target (the head, then a revision given as argument).
func TestE2ECheckCommand(t *testing.T) {
	t.Parallel()
	check := toolPrefix + "check_migration"
	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult(check); ok {
			return say("Checked.")
		}
		if strings.Contains(r.last(), "<command-name>/migrate:check</command-name>") {
			target := commandArgument(r)
			if target == "" {
				target = "head"
			}
			return callTool(check, map[string]any{"target": target})
		}
		return nil
	})
	shop := shopProject(t)
	for _, c := range []struct {
		arg   string
		rules []string
	}{
		{"", []string{`"rule":"fk-operation-order"`, `"revision":"7f6e5d4c3b07"`}},
		{"c2d3e4f5a603", []string{`"rule":"add-required-column"`, `"rule":"not-null-without-backfill"`, `"revision":"c2d3e4f5a603"`}},
	} {
		prompt := strings.TrimSpace("/migrate:check " + c.arg)
		reqs := s.turn(t, shop, prompt)
		first := reqs[0].last()
		wantIn(t, "the first request of "+prompt, first, "<command-name>/migrate:check</command-name>",
			"Call `mcp__plugin_migrate_alembic__check_migration`", "<<<\n"+c.arg+"\n>>>")
		wantIn(t, "the check_migration result of "+prompt, resultOf(t, reqs, check), c.rules...)
	}
}

// TestE2EWriteHook: after a scripted Write of a migration with an error, the
// hook's finding (rule id and message) is in the next request; after a clean
// migration or a file that is not a migration, the next request carries the
// tool result and nothing from the hook.
func TestE2EWriteHook(t *testing.T) {
	t.Parallel()
	// The prompt is the path to write and the content, separated by "|".
	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult("Write"); ok {
			return say("Written.")
		}
		if path, content, ok := strings.Cut(lastPrompt(r), "|"); ok {
			return callTool("Write", map[string]any{"file_path": path, "content": content})
		}
		return nil
	})
	for _, c := range []struct {
		name, file, content string
		wants               []string // in the next request; none: nothing from the hook
	}{
		{"migration with an error", "migrations/versions/0002_status.py", revEnumColumn,
			[]string{"enum-type-not-created", `enum type "status_type" does not exist yet`, "0002_status.py"}},
		{"clean migration", "migrations/versions/0002_status.py", revEnumColumnFixed, nil},
		{"not a migration", "app/models.py", "import sqlalchemy as sa\n\nmetadata = sa.MetaData()\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			// hookProject's project with its first revision only: the Write creates the file.
			dir := hookProject(t, revBase)
			rmAll(t, filepath.Join(dir, "migrations", "versions", "0002_status.py"), filepath.Join(dir, "app", "models.py"))
			path := filepath.Join(dir, c.file)
			reqs := s.turn(t, dir, path+"|"+c.content, "Write")
			next := find(t, reqs, "the result of the scripted Write", func(r *apiRequest) bool {
				_, ok := r.toolResult("Write")
				return ok
			})
			if got, _ := os.ReadFile(path); string(got) != c.content {
				t.Fatalf("the scripted Write did not write %s", path)
			}
			added := next.afterResult("Write")
			if c.wants == nil {
				if strings.Contains(added, hookEvent) {
					t.Errorf("the hook added to the request after writing %s:\n%s", c.file, added)
				}
				return
			}
			wantIn(t, "the request after the Write (the hook's output)", added, append([]string{hookEvent + ":Write"}, c.wants...)...)
		})
	}
}

// skillBase finds the skill's directory in what the CLI sent after loading it.
var skillBase = regexp.MustCompile(`Base directory for this skill: (\S+)`)

// TestE2ESkill: a scripted Skill call of migrate:alembic-patterns loads the
// skill's body, and a reference it links to is readable from the directory
// the CLI names.
func TestE2ESkill(t *testing.T) {
	t.Parallel()
	const reference = "references/enum-handling.md"
	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult("Read"); ok {
			return say("Read.")
		}
		if _, ok := r.toolResult("Skill"); ok {
			if m := skillBase.FindStringSubmatch(r.last()); m != nil {
				return callTool("Read", map[string]any{"file_path": filepath.Join(m[1], reference)})
			}
			return say("No skill directory.")
		}
		return callTool("Skill", map[string]any{"skill": "migrate:alembic-patterns"})
	})
	reqs := s.turn(t, shopProject(t), "How do I add an enum column?", "Skill", "Read")
	loaded := find(t, reqs, "the result of the scripted Skill call", func(r *apiRequest) bool {
		_, ok := r.toolResult("Skill")
		return ok
	}).last()
	skill := mustRead(t, filepath.Join(repoRoot(t), "skills", "alembic-patterns", "SKILL.md"))
	_, body, _ := strings.Cut(strings.TrimPrefix(skill, "---\n"), "\n---\n")
	base := skillBase.FindStringSubmatch(loaded)
	if base == nil {
		t.Fatalf("missing in the request after the Skill call: \"Base directory for this skill: \"\n%s", loaded)
	}
	// The body as the skill's files say, with the skill's directory substituted.
	wantIn(t, "the request after the Skill call", loaded, "Launching skill: migrate:alembic-patterns",
		strings.ReplaceAll(strings.TrimSpace(body), "${CLAUDE_SKILL_DIR}", base[1]))
	wantIn(t, "the result of the scripted Read of the skill's "+reference, resultOf(t, reqs, "Read"),
		firstLine(mustRead(t, filepath.Join(repoRoot(t), "skills", "alembic-patterns", reference))))
}

// firstLine is the first line of text.
func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// TestE2EAgent: a scripted Agent call of migrate:migration-reviewer starts the
// subagent, whose requests carry the agent's prompt and only its tools; its
// scripted review_migration call returns the review, and its answer comes
// back to the main thread.
func TestE2EAgent(t *testing.T) {
	t.Parallel()
	review := toolPrefix + "review_migration"
	front, prompt := agentFile(t)
	s := newSession(t, releaseLayout(t, true), func(r *apiRequest) []apiBlock {
		if strings.Contains(r.System.text(), firstLine(prompt)) {
			if _, ok := r.toolResult(review); ok {
				return say("Reviewed: the head revision is scripted-fine.")
			}
			return callTool(review, map[string]any{"target": "head"})
		}
		if _, ok := r.toolResult("Agent"); ok {
			return say("Waiting for the reviewer.")
		}
		return callTool("Agent", map[string]any{"subagent_type": "migrate:migration-reviewer", "description": "Review the head migration", "prompt": "Review the head revision."})
	})
	// The user allows the review tool (the agent's tools list restricts, it
	// does not grant).
	reqs := s.turn(t, shopProject(t), "Review my latest migration.", "Agent", review)

	sub := find(t, reqs, "a request of the subagent (its system prompt holds agents/migration-reviewer.md)", func(r *apiRequest) bool {
		return strings.Contains(r.System.text(), prompt)
	})
	var tools []string
	for _, tl := range sub.Tools {
		// the CLI's own marker for deferred tools, not a tool ("never call this tool")
		if tl.Name != "DeferredToolPlaceholder" {
			tools = append(tools, tl.Name)
		}
	}
	allowed := strings.Split(front["tools"], ", ")
	slices.Sort(tools)
	slices.Sort(allowed)
	if !slices.Equal(tools, allowed) {
		t.Errorf("the subagent's request carries the tools %v, want exactly the agent's %v", tools, allowed)
	}
	wantIn(t, "the subagent's review_migration result", resultOf(t, reqs, review),
		`"target":"head"`, `"revision":"7f6e5d4c3b07"`, `"strongest_lock":"ACCESS EXCLUSIVE"`, `"deploy_order":`)
	find(t, reqs, "the subagent's answer back in the main thread", func(r *apiRequest) bool {
		return !strings.Contains(r.System.text(), prompt) && strings.Contains(r.last(), "<result>Reviewed: the head revision is scripted-fine.</result>")
	})
}

// agentFile is the frontmatter (one line per key) and the prompt of
// agents/migration-reviewer.md.
func agentFile(t *testing.T) (map[string]string, string) {
	t.Helper()
	text := mustRead(t, filepath.Join(repoRoot(t), "agents", "migration-reviewer.md"))
	head, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		t.Fatal("agents/migration-reviewer.md has no frontmatter")
	}
	front := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		if k, v, ok := strings.Cut(line, ": "); ok {
			front[k] = v
		}
	}
	return front, strings.TrimSpace(body)
}

// rmAll removes paths.
func rmAll(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
}

// failedServers is the part of text where the CLI tells the model which MCP
// servers did not connect ("" when it does not).
func failedServers(text string) string {
	i := strings.Index(text, "configured but failed to connect")
	if i < 0 {
		return ""
	}
	section, _, _ := strings.Cut(text[i:], "\n\n")
	return section
}

// messagesText is the text of every message of a request.
func (r *apiRequest) messagesText() string {
	var b strings.Builder
	for _, m := range r.Messages {
		b.WriteString(m.Content.text())
	}
	return b.String()
}

// TestE2EFirstTurn: in a fresh HOME, right after the install, the plugin's MCP
// tools are listed in the very first request and a scripted call in the first
// reply gets its result (the server connected before the first turn): with
// the binary shipped in libexec/, and with none, through the launcher's
// download of the release binary from a release served on 127.0.0.1.
func TestE2EFirstTurn(t *testing.T) {
	t.Parallel()
	show := toolPrefix + "show_history"
	script := func(r *apiRequest) []apiBlock {
		if _, ok := r.toolResult(show); ok {
			return say("History shown.")
		}
		return callTool(show, map[string]any{})
	}
	for _, c := range []struct {
		name    string
		shipped bool
	}{{"shipped binary", true}, {"downloaded binary", false}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var srv *releaseServer
			var extra []string
			if !c.shipped {
				srv = newReleaseServer(t, t.TempDir())
				publish(t, srv.dir, pluginVersion(t), binary(t), "")
				extra = append(extra, "ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL)
			}
			s := newSession(t, releaseLayout(t, c.shipped), script, extra...)
			reqs := s.turn(t, shopProject(t), "What are the heads?", show)
			first := reqs[0].messagesText()
			for _, name := range mcpTools {
				if !strings.Contains(first, toolPrefix+name) {
					t.Errorf("missing in the first request: the MCP tool %s%s", toolPrefix, name)
				}
			}
			if failed := failedServers(first); failed != "" {
				t.Errorf("the first request lists MCP servers that failed to connect:\n%s", failed)
			}
			wantIn(t, "the first call's show_history result", resultOf(t, reqs, show), `"heads":["7f6e5d4c3b07"]`)
			if srv == nil {
				return
			}
			asset := "/v" + pluginVersion(t) + "/alembic-patterns-" + platform
			if got := srv.requests()[asset]; got != 1 {
				t.Errorf("the launcher fetched %s %d times, want once", asset, got)
			}
			cached, _ := filepath.Glob(filepath.Join(s.c.home, ".claude", "plugins", "data", "*", "alembic-patterns-v"+pluginVersion(t)+"-"+platform))
			if len(cached) != 1 {
				t.Errorf("no downloaded binary cached in the plugin's data directory")
			}
		})
	}
}

// TestE2ERepositoryAsProject: a contributor opening this repository in Claude
// Code (no plugin installed) gets no project MCP server that fails to connect:
// the plugin's MCP configuration is the plugin's only (in
// .claude-plugin/plugin.json), not a project .mcp.json where
// ${CLAUDE_PLUGIN_ROOT} is empty.
func TestE2ERepositoryAsProject(t *testing.T) {
	t.Parallel()
	c := newClaude(t)
	s := &e2eSession{c: c, api: newScriptedAPI(t, func(*apiRequest) []apiBlock { return nil }), env: c.env()}
	tree := gitTree(t)
	first := s.turn(t, tree, "hi")[0].messagesText()
	wantIn(t, "the first request", first, "Primary working directory: "+tree)
	if failed := failedServers(first); failed != "" {
		t.Errorf("the repository opened as a project lists MCP servers that failed to connect:\n%s", failed)
	}
}
