package plugin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v4"
)

// These tests read the plugin's files without any external tool.

func readJSON(t *testing.T, rel string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot(t), rel))), v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
}

// frontmatter splits a markdown file into its YAML frontmatter and body.
func frontmatter(t *testing.T, rel string) (map[string]any, string) {
	t.Helper()
	text := mustRead(t, filepath.Join(repoRoot(t), rel))
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		t.Fatalf("%s: no frontmatter", rel)
	}
	fm, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("%s: unterminated frontmatter", rel)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("%s: frontmatter: %v", rel, err)
	}
	return m, body
}

func TestManifests(t *testing.T) {
	var manifest struct {
		Name    string         `json:"name"`
		Version string         `json:"version"`
		Author  map[string]any `json:"author"`
	}
	readJSON(t, ".claude-plugin/plugin.json", &manifest)
	if manifest.Name != pluginName {
		t.Errorf("plugin.json name %q: the commands are /%s:create and /%s:check only if it is %q", manifest.Name, pluginName, pluginName, pluginName)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(manifest.Version) || manifest.Author["name"] == nil {
		t.Errorf("plugin.json: version %q (semver) and author.name are required", manifest.Version)
	}

	// The marketplace users add installs the release (a ref whose tree carries
	// the binaries); migrate-dev installs this git tree, for contributors.
	var market struct {
		Name    string `json:"name"`
		Plugins []struct {
			Name   string          `json:"name"`
			Source json.RawMessage `json:"source"`
		} `json:"plugins"`
	}
	readJSON(t, ".claude-plugin/marketplace.json", &market)
	sources := map[string]string{}
	for _, p := range market.Plugins {
		sources[p.Name] = string(p.Source)
	}
	var release struct{ Source, Repo, Ref string }
	if err := json.Unmarshal([]byte(sources[pluginName]), &release); err != nil || market.Name != marketplaceName ||
		release.Source != "github" || release.Repo != "alembic-patterns/alembic-patterns" || release.Ref == "" {
		t.Errorf("marketplace.json %s: %s entry %s, want the github source alembic-patterns/alembic-patterns at a release ref (%v)",
			market.Name, pluginName, sources[pluginName], err)
	}
	if len(market.Plugins) != 2 || sources[pluginName+"-dev"] != `"./"` {
		t.Errorf("marketplace.json: want %s and %s-dev (source ./), got %v", pluginName, pluginName, sources)
	}
	var manifest2 struct{ License string }
	readJSON(t, ".claude-plugin/plugin.json", &manifest2)
	if manifest2.License != "MIT" || !strings.HasPrefix(mustRead(t, filepath.Join(repoRoot(t), "LICENSE")), "MIT License\n") {
		t.Errorf("plugin.json license %q and LICENSE: want MIT", manifest2.License)
	}

	var mcp struct {
		MCPServers map[string]struct {
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"mcpServers"`
	}
	// In the manifest, which only the plugin reads: a .mcp.json at the root
	// would also be the project configuration of whoever opens this
	// repository, where ${CLAUDE_PLUGIN_ROOT} is empty (TestE2ERepositoryAsProject).
	readJSON(t, ".claude-plugin/plugin.json", &mcp)
	if s, ok := mcp.MCPServers["alembic"]; len(mcp.MCPServers) != 1 || !ok || s.Command != "${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns" || !slices.Equal(s.Args, []string{"mcp"}) {
		t.Errorf("plugin.json mcpServers: %+v, want one server alembic running the launcher with mcp", mcp)
	}
	if _, err := os.Stat(filepath.Join(repoRoot(t), ".mcp.json")); err == nil {
		t.Errorf(".mcp.json at the repository root: a project MCP configuration for whoever opens the repository")
	}

	var hooks struct {
		Hooks map[string][]struct {
			Matcher string `json:"matcher"`
			Hooks   []struct {
				Type    string   `json:"type"`
				Command string   `json:"command"`
				Args    []string `json:"args"`
				Timeout int      `json:"timeout"`
			} `json:"hooks"`
		} `json:"hooks"`
	}
	readJSON(t, "hooks/hooks.json", &hooks)
	var got []string
	for event, groups := range hooks.Hooks {
		for _, g := range groups {
			got = append(got, event+" "+g.Matcher)
			for _, h := range g.Hooks {
				if h.Type != "command" || h.Command != "${CLAUDE_PLUGIN_ROOT}/bin/alembic-patterns" || !slices.Equal(h.Args, []string{"hook", "post-tool-use"}) || h.Timeout <= 0 {
					t.Errorf("hooks.json %s %s: %+v", event, g.Matcher, h)
				}
			}
		}
	}
	slices.Sort(got)
	if want := []string{"PostToolUse Bash", "PostToolUse Write|Edit|MultiEdit", "PostToolUseFailure Bash"}; !slices.Equal(got, want) {
		t.Errorf("hooks.json: %v, want %v", got, want)
	}
}

// TestLauncherScript: the launcher and its download helper are POSIX sh
// (macOS /bin/sh is bash 3.2, Alpine's is busybox): a #!/bin/sh shebang, and
// they parse under every shell they are written for.
func TestLauncherScript(t *testing.T) {
	for _, rel := range []string{"bin/alembic-patterns", "lib/fetch-release.sh"} {
		p := filepath.Join(repoRoot(t), rel)
		info, err := os.Stat(p)
		if err != nil || info.Mode()&0o111 == 0 {
			t.Fatalf("%s missing or not executable: %v", rel, err)
		}
		if !strings.HasPrefix(mustRead(t, p), "#!/bin/sh\n") {
			t.Errorf("%s: want a #!/bin/sh shebang", rel)
		}
		for _, sh := range launcherShells(t) {
			args := append(append([]string{}, sh[1:]...), "-n", p)
			if res := runCmd(time.Minute, "", baseEnv(), "", sh[0], args...); res.err != nil {
				t.Errorf("%s -n %s:\n%s", sh[0], rel, res)
			}
		}
	}
}

type toolRef struct{ file, name string }

var mcpRef = regexp.MustCompile(`mcp__[A-Za-z0-9_-]+`)

// mcpToolRefs are the full MCP tool names in commands, agents and the skill.
func mcpToolRefs(t *testing.T) []toolRef {
	t.Helper()
	root := repoRoot(t)
	var files []string
	for _, g := range []string{"commands/*.md", "agents/*.md", "skills/*/SKILL.md"} {
		m, _ := filepath.Glob(filepath.Join(root, g))
		files = append(files, m...)
	}
	var refs []toolRef
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		for _, name := range mcpRef.FindAllString(mustRead(t, f), -1) {
			refs = append(refs, toolRef{rel, name})
		}
	}
	return refs
}

func TestMCPToolNames(t *testing.T) {
	refs := mcpToolRefs(t)
	if len(refs) == 0 {
		t.Fatal("no MCP tool names in commands/ and agents/")
	}
	for _, r := range refs {
		tool, ok := strings.CutPrefix(r.name, toolPrefix)
		if !ok || !slices.Contains(mcpTools, tool) {
			t.Errorf("%s: %s is not %s<one of %v>", r.file, r.name, toolPrefix, mcpTools)
		}
	}
}

func allowedTools(t *testing.T, fm map[string]any, key string) []string {
	t.Helper()
	var out []string
	switch v := fm[key].(type) {
	case string:
		out = append(out, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })...)
	case []any:
		for _, s := range v {
			out = append(out, s.(string))
		}
	}
	return out
}

func TestCommands(t *testing.T) {
	fm, body := frontmatter(t, "commands/create.md")
	tools := allowedTools(t, fm, "allowed-tools")
	if fm["argument-hint"] != "<message>" || fm["disable-model-invocation"] != true || !strings.Contains(body, "$ARGUMENTS") ||
		!slices.Contains(tools, toolPrefix+"create_migration") {
		t.Errorf("commands/create.md: frontmatter %v", fm)
	}
	for _, want := range []string{"empty", "/migrate:create <message>", "Fixed automatically", "Needs a human", "Next step"} {
		if !strings.Contains(body, want) {
			t.Errorf("commands/create.md: the body does not cover %q", want)
		}
	}
	fm, body = frontmatter(t, "commands/check.md")
	tools = allowedTools(t, fm, "allowed-tools")
	if fm["argument-hint"] != "[revision]" || !strings.Contains(body, "$revision") || !strings.Contains(body, "`head`") ||
		!slices.Contains(tools, toolPrefix+"check_migration") || !slices.Contains(tools, toolPrefix+"fix_migration") {
		t.Errorf("commands/check.md: frontmatter %v", fm)
	}
	if args, _ := fm["arguments"].([]any); len(args) != 1 || args[0] != "revision" {
		t.Errorf("commands/check.md: arguments %v, want [revision]", fm["arguments"])
	}
	for _, want := range []string{"errors", "warnings", "info", "apply: false"} {
		if !strings.Contains(body, want) {
			t.Errorf("commands/check.md: the body does not cover %q", want)
		}
	}
}

func TestAgent(t *testing.T) {
	fm, body := frontmatter(t, "agents/migration-reviewer.md")
	if fm["name"] != "migration-reviewer" {
		t.Errorf("agent name %v", fm["name"])
	}
	desc, _ := fm["description"].(string)
	if !strings.Contains(desc, "Use proactively") {
		t.Errorf("agent description does not invite delegation: %q", desc)
	}
	tools := allowedTools(t, fm, "tools")
	for _, want := range []string{"Read", "Grep", toolPrefix + "review_migration", toolPrefix + "check_migration", toolPrefix + "show_history"} {
		if !slices.Contains(tools, want) {
			t.Errorf("agent tools lack %s: %v", want, tools)
		}
	}
	for _, want := range []string{"Errors", "Warnings", "Info", "deploy order", "models"} {
		if !strings.Contains(body, want) {
			t.Errorf("agent prompt does not cover %q", want)
		}
	}
}

var references = []string{"enum-handling.md", "nullable-changes.md", "foreign-keys.md", "array-types.md",
	"data-migrations.md", "zero-downtime.md", "revision-graph.md", "troubleshooting.md"}

func TestSkill(t *testing.T) {
	fm, body := frontmatter(t, skillDir+"/SKILL.md")
	if fm["name"] != "alembic-patterns" {
		t.Errorf("skill name %v", fm["name"])
	}
	desc, _ := fm["description"].(string)
	if len(desc) > 1024 || strings.ContainsAny(desc, "<>") {
		t.Errorf("skill description: %d characters (max 1024), no XML tags", len(desc))
	}
	// It triggers on the real error messages.
	for _, msg := range []string{`already exists`, `does not exist`, `contains null values`, `because other objects depend on it`,
		`it has no name`, `cannot run inside a transaction block`, `cannot be cast automatically`, `Multiple head revisions are present`,
		`Can't locate revision identified by`, `alembic revision --autogenerate`} {
		if !strings.Contains(desc, msg) {
			t.Errorf("skill description does not mention %q", msg)
		}
	}
	if n := strings.Count(body, "\n"); n > 500 {
		t.Errorf("SKILL.md body has %d lines (keep it under 500)", n)
	}
	root := repoRoot(t)
	for _, ref := range references {
		if !strings.Contains(body, "references/"+ref) {
			t.Errorf("SKILL.md does not link references/%s", ref)
		}
		text := mustRead(t, filepath.Join(root, skillDir, "references", ref))
		if strings.Count(text, "\n") > 100 && !strings.Contains(text, "Contents") {
			t.Errorf("references/%s: over 100 lines without a table of contents", ref)
		}
	}
	// Links between the skill's files resolve.
	link := regexp.MustCompile(`\]\(([a-z-]+\.md|references/[a-z-]+\.md)(#[a-z0-9-]+)?\)`)
	files, _ := filepath.Glob(filepath.Join(root, skillDir, "references", "*.md"))
	files = append(files, filepath.Join(root, skillDir, "SKILL.md"))
	for _, f := range files {
		for _, m := range link.FindAllStringSubmatch(mustRead(t, f), -1) {
			target := filepath.Join(filepath.Dir(f), m[1])
			text, err := os.ReadFile(target)
			if err != nil {
				t.Errorf("%s: link to %s: %v", filepath.Base(f), m[1], err)
				continue
			}
			if m[2] != "" && !slices.Contains(anchors(string(text)), m[2][1:]) {
				t.Errorf("%s: link to %s%s: no such heading", filepath.Base(f), m[1], m[2])
			}
		}
	}
}

// anchors are the GitHub-style anchors of a markdown file's headings.
func anchors(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		h, ok := strings.CutPrefix(line, "#")
		if !ok {
			continue
		}
		h = strings.ToLower(strings.TrimSpace(strings.TrimLeft(h, "#")))
		var b strings.Builder
		for _, r := range h {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteRune('-')
			}
		}
		out = append(out, b.String())
	}
	return out
}
