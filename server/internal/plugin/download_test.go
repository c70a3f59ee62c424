package plugin

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The launcher's download path (lib/fetch-release.sh) against releases served
// over real HTTP on 127.0.0.1, laid out as GitHub serves them:
// <base>/v<version>/SHA256SUMS and <base>/v<version>/alembic-patterns-<os>-<arch>.

// releaseServer serves dir at a loopback URL and counts the requests per path.
type releaseServer struct {
	*httptest.Server
	dir string
	// truncate, when set, names a file that is cut off halfway: the declared
	// Content-Length is the whole file, then the connection closes.
	truncate string
	mu       sync.Mutex
	hits     map[string]int
}

func newReleaseServer(t testing.TB, dir string) *releaseServer {
	t.Helper()
	s := &releaseServer{dir: dir, hits: map[string]int{}}
	files := http.FileServer(http.Dir(dir))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		truncate := s.truncate
		s.mu.Unlock()
		if truncate != "" && strings.HasSuffix(r.URL.Path, "/"+truncate) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.URL.Path)))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Length", fmt.Sprint(len(data)))
			w.WriteHeader(http.StatusOK)
			w.Write(data[:len(data)/2])
			return // net/http closes the connection: the body is short
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *releaseServer) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.hits)
}

// pluginVersion is "version" of .claude-plugin/plugin.json.
func pluginVersion(t *testing.T) string {
	t.Helper()
	var m struct {
		Version string `json:"version"`
	}
	readJSON(t, ".claude-plugin/plugin.json", &m)
	if m.Version == "" {
		t.Fatal("plugin.json has no version")
	}
	return m.Version
}

// publish lays out a release of binary for this platform under dir, with
// SHA256SUMS as sha256sum writes it; sums overrides the checksum line.
func publish(t *testing.T, dir, version, binary string, sums string) (name string) {
	t.Helper()
	name = "alembic-patterns-" + platform
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join(dir, "v"+version)
	mustWrite(t, filepath.Join(rel, name), string(data), 0o755)
	if sums == "" {
		sums = fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name)
	}
	mustWrite(t, filepath.Join(rel, "SHA256SUMS"), "0000000000000000000000000000000000000000000000000000000000000000  alembic-patterns-other-os\n"+sums, 0o644)
	return name
}

// TestLauncherDownload: a plugin tree with no binary and no Go downloads the
// release binary of its version, checks it, caches it, runs it; the next start
// runs the cache without a request. Under every shell the launcher is written
// for.
func TestLauncherDownload(t *testing.T) {
	t.Parallel()
	version := pluginVersion(t)
	want := runCmd(time.Minute, "", baseEnv(), "", binary(t), "version")
	if want.err != nil {
		t.Fatal(want)
	}
	for _, shell := range launcherShells(t) {
		t.Run(shell[0], func(t *testing.T) {
			srv := newReleaseServer(t, t.TempDir())
			name := publish(t, srv.dir, version, binary(t), "")
			dir := pluginCopy(t, false)
			data := t.TempDir()
			env := baseEnv("PATH="+toolsDir(t), "CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data,
				"ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL)
			run := func() result {
				args := append(shell[1:], filepath.Join(dir, "bin", "alembic-patterns"), "version")
				return runCmd(launcherTimeout, t.TempDir(), append(env, "HOME="+t.TempDir()), "", shell[0], args...)
			}
			res := run()
			if res.err != nil || res.stdout != want.stdout {
				t.Fatalf("first start: want %q on stdout:\n%s", want.stdout, res)
			}
			t.Logf("first start through the download: %s", res.took)
			if res.took > claudeConnectTimeout {
				t.Errorf("first start through the download took %s: Claude Code gives up on a server after %s", res.took, claudeConnectTimeout)
			}
			if !strings.Contains(res.stderr, "downloading the alembic-patterns "+version+" release binary") {
				t.Errorf("first start: no word of the download on stderr:\n%s", res)
			}
			cached := "alembic-patterns-v" + version + "-" + platform
			if got := builds(t, data); !slices.Equal(got, []string{cached}) {
				t.Errorf("data dir holds %v, want exactly [%s]", got, cached)
			}
			wantHits := map[string]int{"/v" + version + "/SHA256SUMS": 1, "/v" + version + "/" + name: 1}
			if got := srv.requests(); !maps.Equal(got, wantHits) {
				t.Errorf("requests %v, want %v", got, wantHits)
			}
			res = run()
			if res.err != nil || res.stdout != want.stdout || res.stderr != "" {
				t.Fatalf("second start: want the cached binary, silently:\n%s", res)
			}
			if got := srv.requests(); !maps.Equal(got, wantHits) {
				t.Errorf("second start made requests: %v", got)
			}
		})
	}
}

// launcherShells are the POSIX shells the launcher must run under: the
// system's /bin/sh (dash on Debian), bash (macOS /bin/sh is bash 3.2 in POSIX
// mode) and busybox sh (Alpine's /bin/sh).
func launcherShells(t *testing.T) [][]string {
	t.Helper()
	shells := [][]string{{"/bin/sh"}, {"bash", "--posix"}}
	if bb := optionalTool(t, "ALEMBIC_PATTERNS_BUSYBOX"); bb != "" {
		shells = append(shells, []string{bb, "sh"})
	}
	for i, sh := range shells {
		p, err := lookPath(sh[0])
		if err != nil {
			t.Fatalf("%s: %v", sh[0], err)
		}
		shells[i][0] = p
	}
	return shells
}

// TestLauncherDownloadFailures: a checksum mismatch, a truncated download, a
// 404, an asset missing from SHA256SUMS, no network and a plain-http URL that
// is not loopback each end in one line that says what went wrong and how to
// get the program, exit 1, nothing on stdout, and nothing half-written in the
// data directory; a hook stays silent and leaves nothing either.
func TestLauncherDownloadFailures(t *testing.T) {
	t.Parallel()
	version := pluginVersion(t)
	name := "alembic-patterns-" + platform
	closed := func() string { // a loopback port nobody listens on
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr
	}
	cases := []struct {
		name  string
		setup func(t *testing.T) string // returns ALEMBIC_PATTERNS_RELEASE_URL
		want  string
	}{
		{"checksum mismatch", func(t *testing.T) string {
			srv := newReleaseServer(t, t.TempDir())
			publish(t, srv.dir, version, binary(t), strings.Repeat("ab", 32)+"  "+name+"\n")
			return srv.URL
		}, "checksum mismatch"},
		{"truncated", func(t *testing.T) string {
			srv := newReleaseServer(t, t.TempDir())
			publish(t, srv.dir, version, binary(t), "")
			srv.truncate = name
			return srv.URL
		}, "cannot download"},
		{"404", func(t *testing.T) string {
			srv := newReleaseServer(t, t.TempDir())
			publish(t, srv.dir, version, binary(t), "")
			os.Remove(filepath.Join(srv.dir, "v"+version, name))
			return srv.URL
		}, "404"},
		{"no release", func(t *testing.T) string {
			return newReleaseServer(t, t.TempDir()).URL
		}, "SHA256SUMS: curl: (22)"},
		{"not in SHA256SUMS", func(t *testing.T) string {
			srv := newReleaseServer(t, t.TempDir())
			publish(t, srv.dir, version, binary(t), "\n")
			return srv.URL
		}, "has no SHA-256 for " + name},
		{"no network", func(t *testing.T) string { return closed() }, "Failed to connect"},
		{"plain http elsewhere", func(t *testing.T) string { return "http://example.com/releases" }, "https only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := pluginCopy(t, false)
			data := t.TempDir()
			env := baseEnv("PATH="+toolsDir(t), "CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data,
				"ALEMBIC_PATTERNS_RELEASE_URL="+c.setup(t))
			res := launch(t, dir, env, "", "version")
			if res.code != 1 || res.stdout != "" {
				t.Fatalf("want exit 1 and no stdout:\n%s", res)
			}
			lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
			last := lines[len(lines)-1]
			for _, w := range []string{"cannot run on " + platform, c.want, "pip install alembic-patterns", "claude plugin install migrate@alembic-patterns"} {
				if !strings.Contains(last, w) {
					t.Errorf("the last line lacks %q:\n%s", w, last)
				}
			}
			if len(lines) > 2 {
				t.Errorf("want the download notice and one line of verdict, got %d lines:\n%s", len(lines), res.stderr)
			}
			if left := builds(t, data); len(left) != 0 {
				t.Errorf("left in the data directory: %v", left)
			}

			// A hook returns at once; its background download leaves only its log.
			res = launch(t, dir, env, "{}", "hook", "post-tool-use")
			if res.code != 0 || res.stdout != "" {
				t.Fatalf("hook: want exit 0 and no stdout:\n%s", res)
			}
			// Its verdict (the reasons, after the download notice) is the
			// background job's last word.
			deadline := time.Now().Add(time.Minute)
			for {
				log, _ := os.ReadFile(filepath.Join(data, "launcher.log"))
				if _, verdict, ok := strings.Cut(string(log), "alembic-patterns: the download of release"); ok && strings.HasSuffix(verdict, "\n") {
					if !strings.Contains(verdict, c.want) {
						t.Errorf("the hook's background download logged %q, want %q", verdict, c.want)
					}
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the hook's background download did not log its verdict:\n%s", log)
				}
				time.Sleep(100 * time.Millisecond)
			}
			if left := builds(t, data); !slices.Equal(left, []string{"launcher.log"}) {
				t.Errorf("after the hook, the data directory holds %v, want only launcher.log", left)
			}
		})
	}
}

// TestFetchReleaseShells: lib/fetch-release.sh itself (the GitHub Action runs
// it directly) under every shell, with wget when there is no curl, and its
// usage error.
func TestFetchReleaseShells(t *testing.T) {
	t.Parallel()
	version := pluginVersion(t)
	srv := newReleaseServer(t, t.TempDir())
	name := publish(t, srv.dir, version, binary(t), "")
	script := filepath.Join(repoRoot(t), "lib", "fetch-release.sh")
	want := mustRead(t, binary(t))
	type variant struct {
		label string
		shell []string
		path  string
	}
	var variants []variant
	for _, sh := range launcherShells(t) {
		variants = append(variants, variant{filepath.Base(sh[0]) + " curl", sh, toolsDir(t)})
	}
	if _, err := lookPath("wget"); err == nil {
		variants = append(variants, variant{"wget", []string{"/bin/sh"}, toolsDir(t, "wget")})
	}
	for _, v := range variants {
		t.Run(v.label, func(t *testing.T) {
			path := v.path
			if v.label == "wget" { // take curl away
				os.Remove(filepath.Join(path, "curl"))
			}
			dest := filepath.Join(t.TempDir(), "sub", "alembic-patterns")
			env := baseEnv("PATH="+path, "ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL+"/")
			args := append(v.shell[1:], script, "v"+version, name, dest)
			res := runCmd(time.Minute, t.TempDir(), env, "", v.shell[0], args...)
			if res.err != nil || res.stdout != "" || res.stderr != "" {
				t.Fatalf("want a silent success:\n%s", res)
			}
			info, err := os.Stat(dest)
			if err != nil || info.Mode().Perm() != 0o755 || mustRead(t, dest) != want {
				t.Fatalf("%s: want the release binary, mode 755 (%v)", dest, err)
			}
			if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
				t.Errorf("left beside the binary: %v", entries)
			}
		})
	}
	res := runCmd(time.Minute, t.TempDir(), baseEnv(), "", "/bin/sh", script, version)
	if res.code != 2 || !strings.Contains(res.stderr, "usage:") {
		t.Errorf("usage error: want exit 2 and the usage:\n%s", res)
	}
}

// TestLauncherPrecedence: a source tree that is not a git checkout (a plugin
// installed from the git tree) takes the release of its version even when Go
// is there; a git checkout (a contributor's clone) builds its own source.
func TestLauncherPrecedence(t *testing.T) {
	version := pluginVersion(t)
	srv := newReleaseServer(t, t.TempDir())
	publish(t, srv.dir, version, binary(t), "")
	dir := pluginCopy(t, true)
	data := t.TempDir()
	env := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data, "ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL)), goEnv(t)...)
	res := launch(t, dir, env, "", "version")
	if res.err != nil || strings.Contains(res.stderr, "building") || len(srv.requests()) != 2 {
		t.Fatalf("installed source tree with Go: want the release downloaded, no build (requests %v):\n%s", srv.requests(), res)
	}
	if got := builds(t, data); !slices.Equal(got, []string{"alembic-patterns-v" + version + "-" + platform}) {
		t.Errorf("data dir: %v", got)
	}

	// The same tree as a checkout: Go and a C compiler are there, so it builds
	// (a broken source here, to keep the build short) and does not download.
	mustWrite(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n", 0o644)
	mustWrite(t, filepath.Join(dir, "server", "main.go"), "package main\n\nfunc main() { undefinedThing() }\n", 0o644)
	before := srv.requests()
	res = launch(t, dir, env, "", "version")
	if res.code != 1 || !strings.Contains(res.stderr, "building alembic-patterns") || !strings.Contains(res.stderr, "undefinedThing") {
		t.Fatalf("checkout with Go: want its own source built (and failing here):\n%s", res)
	}
	if !maps.Equal(srv.requests(), before) {
		t.Errorf("checkout with Go made requests: %v", srv.requests())
	}

	// A checkout without Go takes the cached release.
	res = launch(t, dir, baseEnv("PATH="+toolsDir(t), "CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+data, "ALEMBIC_PATTERNS_RELEASE_URL="+srv.URL), "", "version")
	if res.err != nil || res.stderr != "" || !strings.HasPrefix(res.stdout, "alembic-patterns ") {
		t.Fatalf("checkout without Go: want the cached release, silently:\n%s", res)
	}
}

// lookPath is exec.LookPath, which also takes an absolute path.
func lookPath(name string) (string, error) { return exec.LookPath(name) }

// optionalTool is a tool that scripts/ci-setup.sh installs: its path, or ""
// outside `make test` (a test then leaves that variant out); under
// ALEMBIC_PATTERNS_REQUIRE_ALL=1 it must be there.
func optionalTool(t *testing.T, name string) string {
	t.Helper()
	if v := os.Getenv(name); v != "" {
		return v
	}
	if os.Getenv("ALEMBIC_PATTERNS_REQUIRE_ALL") == "1" {
		t.Fatalf("%s is not set: run `make test` (scripts/ci-setup.sh prepares the machine)", name)
	}
	t.Logf("%s is not set: leaving it out", name)
	return ""
}
