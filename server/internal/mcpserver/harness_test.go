package mcpserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// These tests drive the built binary over stdio with the official Go SDK
// client, as Claude Code would drive it.

// protocols: the version current hosts negotiate, and the newest both sides
// speak ("" lets the SDK pick its latest).
var protocols = []string{"2025-06-18", ""}

func protoName(v string) string {
	if v == "" {
		return "latest"
	}
	return v
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// cacheDir is the servers' model cache (not the user's).
var cacheDir string

func TestMain(m *testing.M) {
	var err error
	if cacheDir, err = os.MkdirTemp("", "mcpserver-cache-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(cacheDir)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the server once per test binary (with -race when the tests
// run with -race, so that races in the server process fail too).
func binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "mcpserver-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "alembic-patterns")
		args := []string{"build", "-o", binPath}
		if raceEnabled {
			args = append(args, "-race")
		}
		args = append(args, "github.com/alembic-patterns/alembic-patterns/server")
		cmd := exec.Command("go", args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// cleanEnv is the test process's environment without the variables that
// would change the server's defaults (the tests may run inside Claude Code).
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "CLAUDE_PROJECT_DIR", "CLAUDE_PLUGIN_ROOT", "ALEMBIC_PATTERNS_ALEMBIC_CMD", "ALEMBIC_PATTERNS_LOG", "DATABASE_URL",
			"ALEMBIC_PATTERNS_CACHE_DIR":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "ALEMBIC_PATTERNS_MCP_VALIDATE_OUTPUT=1", "ALEMBIC_PATTERNS_CACHE_DIR="+cacheDir)
	return append(env, extra...)
}

type session struct {
	*sdk.ClientSession
	t      testing.TB
	stderr *syncBuffer
	mu     sync.Mutex
	prog   []*sdk.ProgressNotificationParams
	tools  map[string]*sdk.Tool
	// bench: measure as a client in production would (no schema validation
	// on either side).
	bench bool
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// connect starts the server in dir (its default project directory) and
// connects a go-sdk client speaking the given protocol version.
func connect(t testing.TB, version, dir string, env ...string) *session {
	t.Helper()
	s := &session{t: t, stderr: &syncBuffer{}}
	if _, ok := t.(*testing.B); ok {
		s.bench = true
		env = append(env, "ALEMBIC_PATTERNS_MCP_VALIDATE_OUTPUT=0")
	}
	cmd := exec.Command(binary(t), "mcp")
	cmd.Dir = dir
	cmd.Env = cleanEnv(env...)
	cmd.Stderr = s.stderr
	client := sdk.NewClient(&sdk.Implementation{Name: "mcpserver-test", Version: "0"}, &sdk.ClientOptions{
		ProgressNotificationHandler: func(_ context.Context, r *sdk.ProgressNotificationClientRequest) {
			s.mu.Lock()
			s.prog = append(s.prog, r.Params)
			s.mu.Unlock()
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cs, err := client.Connect(ctx, &sdk.CommandTransport{Command: cmd}, &sdk.ClientSessionOptions{ProtocolVersion: version})
	if err != nil {
		t.Fatalf("connect (protocol %q): %v\nserver stderr:\n%s", version, err, s.stderr)
	}
	s.ClientSession = cs
	lt, err := cs.ListTools(ctx, nil)
	if err != nil {
		// a CI run once timed out here (TestCreateMigrationErrors, stop 30);
		// what the server said tells why
		t.Fatalf("tools/list (protocol %q): %v\nserver stderr:\n%s", version, err, s.stderr)
	}
	s.tools = map[string]*sdk.Tool{}
	for _, tool := range lt.Tools {
		s.tools[tool.Name] = tool
	}
	t.Cleanup(func() {
		cs.Close()
		if t.Failed() && s.stderr.String() != "" {
			t.Logf("server stderr:\n%s", s.stderr)
		}
		if strings.Contains(s.stderr.String(), "DATA RACE") || strings.Contains(s.stderr.String(), "panic:") {
			t.Errorf("server stderr reports a race or a panic:\n%s", s.stderr)
		}
	})
	return s
}

func (s *session) progress() []*sdk.ProgressNotificationParams {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.prog)
}

// call calls a tool; a protocol error fails the test.
func (s *session) call(name string, args map[string]any) *sdk.CallToolResult {
	s.t.Helper()
	res, err := s.callErr(name, args, nil)
	if err != nil {
		s.t.Fatalf("%s: protocol error: %v", name, err)
	}
	return res
}

func (s *session) callErr(name string, args map[string]any, token any) (*sdk.CallToolResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	p := &sdk.CallToolParams{Name: name, Arguments: args}
	if token != nil {
		p.SetProgressToken(token)
	}
	res, err := s.CallTool(ctx, p)
	if err == nil && !res.IsError && !s.bench {
		s.validate(name, res)
	}
	return res, err
}

// ok calls a tool that must succeed and returns its structured content.
func (s *session) ok(name string, args map[string]any) map[string]any {
	s.t.Helper()
	res := s.call(name, args)
	if res.IsError {
		s.t.Fatalf("%s(%v): tool error: %s", name, args, textOf(res))
	}
	m, ok := res.StructuredContent.(map[string]any)
	if !ok {
		s.t.Fatalf("%s: structuredContent is %T", name, res.StructuredContent)
	}
	if strings.TrimSpace(textOf(res)) == "" {
		s.t.Errorf("%s: no text content", name)
	}
	return m
}

// fails calls a tool that must return a tool error (isError, not a protocol
// error) whose text contains every one of want.
func (s *session) fails(name string, args map[string]any, want ...string) string {
	s.t.Helper()
	res := s.call(name, args)
	if !res.IsError {
		s.t.Fatalf("%s(%v): want a tool error, got success: %s", name, args, textOf(res))
	}
	txt := textOf(res)
	for _, w := range want {
		if !strings.Contains(txt, w) {
			s.t.Errorf("%s(%v): error %q does not contain %q", name, args, txt, w)
		}
	}
	return txt
}

func textOf(res *sdk.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

// validate checks structuredContent against the tool's published output schema.
func (s *session) validate(name string, res *sdk.CallToolResult) {
	s.t.Helper()
	tool := s.tools[name]
	if tool == nil || tool.OutputSchema == nil {
		s.t.Errorf("%s has no output schema", name)
		return
	}
	schemaJSON, _ := json.Marshal(tool.OutputSchema)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		s.t.Errorf("%s: output schema: %v", name, err)
		return
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("mem://out.json", doc); err != nil {
		s.t.Errorf("%s: output schema: %v", name, err)
		return
	}
	sch, err := c.Compile("mem://out.json")
	if err != nil {
		s.t.Errorf("%s: output schema does not compile: %v", name, err)
		return
	}
	valJSON, _ := json.Marshal(res.StructuredContent)
	val, _ := jsonschema.UnmarshalJSON(bytes.NewReader(valJSON))
	if err := sch.Validate(val); err != nil {
		s.t.Errorf("%s: structuredContent does not match the output schema: %v", name, err)
	}
}

// shop copies examples/shop into a temporary directory.
func shop(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "shop")
	src := filepath.Join("..", "..", "..", "examples", "shop")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// EvalSymlinks: the server reports resolved paths (TMPDIR may be a symlink).
	dst, _ = filepath.EvalSymlinks(dst)
	return dst
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func list(m map[string]any, key string) []any {
	v, _ := m[key].([]any)
	return v
}

func rulesOf(findings []any) []string {
	var out []string
	for _, f := range findings {
		out = append(out, f.(map[string]any)["rule"].(string))
	}
	slices.Sort(out)
	return out
}

func progressText(prog []*sdk.ProgressNotificationParams) string {
	var msgs []string
	for _, p := range prog {
		msgs = append(msgs, p.Message)
	}
	return strings.Join(msgs, "\n")
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
