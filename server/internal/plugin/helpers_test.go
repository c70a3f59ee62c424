package plugin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// repoRoot is the repository root: the plugin and marketplace directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("repository root not found at %s: %v", dir, err)
	}
	return dir
}

// result is the outcome of one process.
type result struct {
	args           []string
	stdout, stderr string
	code           int
	err            error
	took           time.Duration
}

func (r result) String() string {
	status := "exit 0"
	if r.err != nil {
		status = r.err.Error()
	}
	return fmt.Sprintf("$ %s   [%s, %s]\n--- stdout\n%s\n--- stderr\n%s", strings.Join(r.args, " "), status,
		r.took.Round(time.Millisecond), strings.TrimRight(r.stdout, "\n"), strings.TrimRight(r.stderr, "\n"))
}

// runCmd runs a program (never through a shell) in dir with exactly env, stdin
// and a timeout.
func runCmd(timeout time.Duration, dir string, env []string, stdin string, name string, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	res := result{args: append([]string{name}, args...), stdout: out.String(), stderr: errb.String(), err: err, took: time.Since(start)}
	if ctx.Err() != nil {
		res.err = fmt.Errorf("timed out after %s: %v", timeout, err)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.code = exit.ExitCode()
	} else if err != nil {
		res.code = -1
	}
	return res
}

// baseEnv is the environment of the child processes: the test's own, minus
// variables that would leak the developer's Claude Code or plugin state, plus extra.
func baseEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "CLAUDE"), strings.HasPrefix(name, "ANTHROPIC"), name == "HOME",
			name == "XDG_CONFIG_HOME", name == "XDG_CACHE_HOME", name == "XDG_DATA_HOME", name == "MCP_TIMEOUT":
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// withPath puts /usr/local/go/bin on PATH (go lives there on the CI image and
// is not on every non-login PATH).
func withPath(env []string) []string {
	for i, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			env[i] = "PATH=" + v + string(os.PathListSeparator) + "/usr/local/go/bin"
			return env
		}
	}
	return append(env, "PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/go/bin")
}

// built is the alembic-patterns binary, built once per test binary (cgo).
var built struct {
	once sync.Once
	path string
	err  error
}

// binary returns the path of a freshly built alembic-patterns.
func binary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "ap-plugin-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "alembic-patterns")
		goBin := "go"
		if p, err := exec.LookPath("go"); err == nil {
			goBin = p
		} else if _, err := os.Stat("/usr/local/go/bin/go"); err == nil {
			goBin = "/usr/local/go/bin/go"
		}
		res := runCmd(10*time.Minute, repoRoot(t), withPath(append(os.Environ(), "CGO_ENABLED=1")), "", goBin, "build", "-o", built.path, "./server")
		if res.err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", res.err, res.stderr)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

func TestMain(m *testing.M) {
	// the binaries run keep their model cache here, not in the user's
	cache, err := os.MkdirTemp("", "alembic-patterns-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", cache)
	code := m.Run()
	os.RemoveAll(cache)
	closeDryRun()
	closeLayouts()
	if noToolchain.dir != "" {
		os.RemoveAll(noToolchain.dir)
	}
	if built.path != "" {
		os.RemoveAll(filepath.Dir(built.path))
	}
	os.Exit(code)
}

func mustWrite(t testing.TB, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
