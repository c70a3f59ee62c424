package plugin

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The release, as scripts/release-dry-run.sh builds it for this machine with the
// very scripts the release workflow runs (scripts/release/build.sh, assemble.sh,
// wheelfile.py), served on 127.0.0.1 the way GitHub serves release assets.

type release struct {
	dir     string // OUTDIR
	version string
	ref     string // the branch of the release ref
	commit  string
	assets  string // OUTDIR/download/v<version>
	server  *releaseServer
}

var dry struct {
	once sync.Once
	rel  *release
	err  error
}

// dryRun runs scripts/release-dry-run.sh once per test binary.
func dryRun(t *testing.T) *release {
	t.Helper()
	dry.once.Do(func() {
		dir, err := os.MkdirTemp("", "ap-release-")
		if err != nil {
			dry.err = err
			return
		}
		rel := &release{dir: dir, version: pluginVersion(t)}
		rel.assets = filepath.Join(dir, "download", "v"+rel.version)
		// The server lives as long as the test binary (closed in TestMain).
		rel.server = newReleaseServer(noCleanup{t}, filepath.Join(dir, "download"))
		env := append(withPath(baseEnv()), goEnv(t)...)
		res := runCmd(10*time.Minute, repoRoot(t), env, "", "bash", filepath.Join(repoRoot(t), "scripts", "release-dry-run.sh"), dir, rel.server.URL)
		if res.err != nil {
			dry.err = fmt.Errorf("release-dry-run.sh:\n%s", res)
			return
		}
		var market struct {
			Plugins []struct {
				Name   string          `json:"name"`
				Source json.RawMessage `json:"source"`
			} `json:"plugins"`
		}
		readJSON(t, ".claude-plugin/marketplace.json", &market)
		for _, p := range market.Plugins {
			var src struct{ Ref string }
			if p.Name == pluginName && json.Unmarshal(p.Source, &src) == nil {
				rel.ref = src.Ref
			}
		}
		out := runCmd(time.Minute, "", baseEnv(), "", "git", "--git-dir", filepath.Join(dir, "plugin.git"), "rev-parse", "refs/heads/"+rel.ref)
		if out.err != nil {
			dry.err = fmt.Errorf("the release ref %q: %s", rel.ref, out)
			return
		}
		rel.commit = strings.TrimSpace(out.stdout)
		dry.rel = rel
	})
	if dry.err != nil {
		t.Fatal(dry.err)
	}
	if dry.rel == nil {
		t.Fatal("the release dry run failed in another test")
	}
	return dry.rel
}

// noCleanup is a testing.TB whose Cleanup does nothing: for fixtures shared by
// the whole test binary.
type noCleanup struct{ testing.TB }

func (noCleanup) Cleanup(func()) {}

func closeDryRun() {
	if dry.rel != nil {
		dry.rel.server.Close()
		os.RemoveAll(dry.rel.dir)
	}
}

func (r *release) git(t *testing.T, args ...string) string {
	t.Helper()
	res := runCmd(time.Minute, "", baseEnv(), "", "git", append([]string{"--git-dir", filepath.Join(r.dir, "plugin.git")}, args...)...)
	if res.err != nil {
		t.Fatal(res)
	}
	return res.stdout
}

// checkout is a work tree of the release ref (what a marketplace install copies).
func (r *release) checkout(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "migrate")
	res := runCmd(time.Minute, "", baseEnv(), "", "git", "clone", "-q", "--depth", "1", "--branch", r.ref, "file://"+filepath.Join(r.dir, "plugin.git"), dst)
	if res.err != nil {
		t.Fatal(res)
	}
	return dst
}

// releaseTree is what the release ref may hold: the plugin and its binaries,
// nothing to build, test or develop with.
var releaseTree = regexp.MustCompile(`^(\.claude-plugin/plugin\.json|README\.md|LICENSE|` +
	`agents/[a-z-]+\.md|commands/[a-z-]+\.md|hooks/hooks\.json|skills/alembic-patterns/(SKILL\.md|references/[a-z0-9-]+\.md)|` +
	`bin/alembic-patterns|lib/fetch-release\.sh|references/([a-z0-9-]+|README)\.md|` +
	`libexec/alembic-patterns-(linux|darwin)-(amd64|arm64))$`)

// TestReleaseRef: the release ref holds the plugin files of this tree, as they
// are, plus the static binary for this platform, and nothing else; its tag and
// the plugin archive hold the same; SHA256SUMS covers every asset; the
// marketplace installs from it.
func TestReleaseRef(t *testing.T) {
	rel := dryRun(t)
	root := repoRoot(t)

	var paths []string
	var size int64
	for _, line := range strings.Split(strings.TrimSpace(rel.git(t, "ls-tree", "-r", "-l", rel.commit)), "\n") {
		meta, path, _ := strings.Cut(line, "\t")
		f := strings.Fields(meta) // mode type object size
		paths = append(paths, path)
		var n int64
		fmt.Sscan(f[3], &n)
		size += n
		if !releaseTree.MatchString(path) {
			t.Errorf("the release ref holds %s, which the plugin does not need", path)
			continue
		}
		exe := strings.HasPrefix(path, "bin/") || strings.HasPrefix(path, "lib/") || strings.HasPrefix(path, "libexec/")
		if (f[0] == "100755") != exe {
			t.Errorf("%s: mode %s", path, f[0])
		}
		if strings.HasPrefix(path, "libexec/") {
			continue
		}
		if got, want := rel.git(t, "cat-file", "blob", f[2]), mustRead(t, filepath.Join(root, path)); got != want {
			t.Errorf("%s differs from the source tree", path)
		}
	}
	t.Logf("release ref %s: %d files, %.1f MB", rel.ref, len(paths), float64(size)/1e6)
	for _, want := range []string{".claude-plugin/plugin.json", "LICENSE", "README.md", "agents/migration-reviewer.md",
		"commands/create.md", "commands/check.md", "hooks/hooks.json", "skills/alembic-patterns/SKILL.md", "bin/alembic-patterns",
		"lib/fetch-release.sh", "libexec/alembic-patterns-" + platform} {
		if !slices.Contains(paths, want) {
			t.Errorf("the release ref lacks %s", want)
		}
	}
	// Every skill reference the plugin serves is there.
	refs, _ := filepath.Glob(filepath.Join(root, "skills", "alembic-patterns", "references", "*.md"))
	for _, p := range refs {
		rel, _ := filepath.Rel(root, p)
		if !slices.Contains(paths, rel) {
			t.Errorf("the release ref lacks %s", rel)
		}
	}
	if size > 40<<20 {
		t.Errorf("the release ref is %d bytes: something heavy got in", size)
	}
	if tag := strings.TrimSpace(rel.git(t, "rev-parse", "refs/tags/v"+rel.version+"-plugin^{commit}")); tag != rel.commit {
		t.Errorf("tag v%s-plugin is %s, the ref %s", rel.version, tag, rel.commit)
	}

	// The binary is the release build: static, and it is this version.
	bin := filepath.Join(rel.assets, "alembic-patterns-"+platform)
	if runtime.GOOS == "linux" {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		libs, _ := f.ImportedLibraries()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Errorf("%s has a dynamic loader: not static", bin)
			}
		}
		if len(libs) > 0 {
			t.Errorf("%s needs %v: not static", bin, libs)
		}
		f.Close()
	}
	if res := runCmd(time.Minute, "", baseEnv(), "", bin, "version"); strings.TrimSpace(res.stdout) != "alembic-patterns "+rel.version {
		t.Errorf("the release binary says %q, plugin.json %s", res.stdout, rel.version)
	}
	if got := rel.git(t, "cat-file", "blob", rel.commit+":libexec/alembic-patterns-"+platform); got != mustRead(t, bin) {
		t.Error("libexec/ of the release ref is not the release binary")
	}

	// SHA256SUMS: every asset, right.
	sums := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(mustRead(t, filepath.Join(rel.assets, "SHA256SUMS"))), "\n") {
		sum, name, _ := strings.Cut(line, "  ")
		sums[name] = sum
	}
	entries, _ := os.ReadDir(rel.assets)
	var assets []string
	for _, e := range entries {
		if e.Name() == "SHA256SUMS" {
			continue
		}
		assets = append(assets, e.Name())
		if got := fmt.Sprintf("%x", sha256.Sum256([]byte(mustRead(t, filepath.Join(rel.assets, e.Name()))))); sums[e.Name()] != got {
			t.Errorf("SHA256SUMS says %q for %s, it is %s", sums[e.Name()], e.Name(), got)
		}
	}
	if len(sums) != len(assets) {
		t.Errorf("SHA256SUMS lists %d files, the release has %v", len(sums), assets)
	}

	// The archive holds the ref's tree.
	archive := filepath.Join(rel.assets, "migrate-plugin-v"+rel.version+".tar.gz")
	var inArchive []string
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			inArchive = append(inArchive, strings.TrimPrefix(h.Name, "migrate-plugin-v"+rel.version+"/"))
		}
	}
	slices.Sort(inArchive)
	slices.Sort(paths)
	if !slices.Equal(inArchive, paths) {
		t.Errorf("the archive holds %v, the ref %v", inArchive, paths)
	}

	// The marketplace installs the migrate plugin from the release ref.
	var market struct {
		Plugins []struct {
			Name   string `json:"name"`
			Source struct {
				Source, URL, Ref string
			} `json:"source"`
		} `json:"plugins"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, filepath.Join(rel.dir, ".claude-plugin", "marketplace.json"))), &market); err != nil {
		t.Fatal(err)
	}
	if len(market.Plugins) != 1 || market.Plugins[0].Name != pluginName || market.Plugins[0].Source.Source != "url" ||
		market.Plugins[0].Source.URL != "file://"+filepath.Join(rel.dir, "plugin.git") || market.Plugins[0].Source.Ref != rel.ref {
		t.Errorf("dry-run marketplace: %+v", market)
	}

	// A second assembly of the same release is the same commit; other
	// content under the published tag is refused.
	bindir := t.TempDir()
	mustWrite(t, filepath.Join(bindir, "alembic-patterns-"+platform), mustRead(t, bin), 0o755)
	assemble := filepath.Join(root, "scripts", "release", "assemble.sh")
	res := runCmd(time.Minute, root, baseEnv(), "", "bash", assemble, bindir, t.TempDir(), filepath.Join(rel.dir, "plugin.git"))
	if res.err != nil || strings.TrimSpace(res.stdout) != rel.commit {
		t.Errorf("re-assembling the release: want the same commit %s:\n%s", rel.commit, res)
	}
	mustWrite(t, filepath.Join(bindir, "alembic-patterns-"+platform), "other\n", 0o755)
	res = runCmd(time.Minute, root, baseEnv(), "", "bash", assemble, bindir, t.TempDir(), filepath.Join(rel.dir, "plugin.git"))
	if res.err == nil || !strings.Contains(res.stderr, "never rewritten") {
		t.Errorf("assembling other content under a published tag: want a refusal:\n%s", res)
	}
}

// TestVersionAgrees: the program reports the plugin's version (the wheel's and
// the release's too): a release of one with the other's number is impossible.
func TestVersionAgrees(t *testing.T) {
	res := runCmd(time.Minute, "", baseEnv(), "", binary(t), "version")
	if want := "alembic-patterns " + pluginVersion(t) + "\n"; res.stdout != want {
		t.Errorf("`alembic-patterns version` prints %q, plugin.json says %q", res.stdout, want)
	}
}

// hostWheel is the path of the dry run's wheel.
func hostWheel(t *testing.T, rel *release) string {
	t.Helper()
	wheels, _ := filepath.Glob(filepath.Join(rel.assets, "*.whl"))
	if len(wheels) != 1 {
		t.Fatalf("want one wheel in %s, found %v", rel.assets, wheels)
	}
	return wheels[0]
}

var wheelTags = map[string]string{
	"linux-amd64":  "manylinux_2_17_x86_64.manylinux2014_x86_64",
	"linux-arm64":  "manylinux_2_17_aarch64.manylinux2014_aarch64",
	"darwin-amd64": "macosx_12_0_x86_64",
	"darwin-arm64": "macosx_12_0_arm64",
}

// TestWheel reads the host wheel as an installer does: the file name and the
// WHEEL tags, METADATA (name, version = plugin version, license), the console
// script entry point, RECORD (every file with its right hash and size), the
// program's mode; and it is reproducible.
func TestWheel(t *testing.T) {
	rel := dryRun(t)
	path := hostWheel(t, rel)
	name := filepath.Base(path)
	wantName := "alembic_patterns-" + rel.version + "-py3-none-" + wheelTags[platform] + ".whl"
	if name != wantName {
		t.Errorf("wheel %s, want %s", name, wantName)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string][]byte{}
	modes := map[string]os.FileMode{}
	var order []string
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
		modes[f.Name] = f.Mode()
		order = append(order, f.Name)
	}
	info := "alembic_patterns-" + rel.version + ".dist-info/"
	if order[len(order)-1] != info+"RECORD" {
		t.Errorf("RECORD is not the last file: %v", order)
	}
	headers := func(file string) map[string][]string {
		h := map[string][]string{}
		sc := bufio.NewScanner(strings.NewReader(string(files[info+file])))
		for sc.Scan() {
			if sc.Text() == "" {
				break // the description follows
			}
			k, v, ok := strings.Cut(sc.Text(), ": ")
			if !ok {
				t.Errorf("%s: line %q", file, sc.Text())
			}
			h[k] = append(h[k], v)
		}
		return h
	}
	wheel := headers("WHEEL")
	var tags []string
	for _, p := range strings.Split(wheelTags[platform], ".") {
		tags = append(tags, "py3-none-"+p)
	}
	if !slices.Equal(wheel["Wheel-Version"], []string{"1.0"}) || !slices.Equal(wheel["Root-Is-Purelib"], []string{"false"}) || !slices.Equal(wheel["Tag"], tags) {
		t.Errorf("WHEEL: %v, want version 1.0, platlib, tags %v", wheel, tags)
	}
	meta := headers("METADATA")
	for k, want := range map[string]string{"Metadata-Version": "2.4", "Name": "alembic-patterns", "Version": rel.version,
		"License-Expression": "MIT", "License-File": "LICENSE", "Requires-Python": ">=3.8"} {
		if !slices.Equal(meta[k], []string{want}) {
			t.Errorf("METADATA %s: %v, want %q", k, meta[k], want)
		}
	}
	if meta["License"] != nil || slices.ContainsFunc(meta["Classifier"], func(c string) bool { return strings.HasPrefix(c, "License ::") }) {
		t.Error("METADATA: License-Expression is the license (PEP 639): no License field, no license classifier")
	}
	if string(files[info+"licenses/LICENSE"]) != mustRead(t, filepath.Join(repoRoot(t), "LICENSE")) {
		t.Error("the wheel's licenses/LICENSE is not the project's LICENSE")
	}
	if got := string(files[info+"entry_points.txt"]); got != "[console_scripts]\nalembic-patterns = alembic_patterns.__main__:main\n" {
		t.Errorf("entry_points.txt: %q", got)
	}
	prog := "alembic_patterns/bin/alembic-patterns"
	if modes[prog].Perm() != 0o755 || string(files[prog]) != mustRead(t, filepath.Join(rel.assets, "alembic-patterns-"+platform)) {
		t.Errorf("%s: mode %v, or not the release binary", prog, modes[prog])
	}
	// RECORD: every file but itself with sha256 (urlsafe base64, no padding) and size.
	recorded := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(files[info+"RECORD"])), "\n") {
		f := strings.Split(line, ",")
		if len(f) != 3 {
			t.Errorf("RECORD line %q", line)
			continue
		}
		recorded[f[0]] = true
		if f[0] == info+"RECORD" {
			if f[1] != "" || f[2] != "" {
				t.Errorf("RECORD's own line: %q", line)
			}
			continue
		}
		data, ok := files[f[0]]
		sum := sha256.Sum256(data)
		if !ok || f[1] != "sha256="+base64.RawURLEncoding.EncodeToString(sum[:]) || f[2] != fmt.Sprint(len(data)) {
			t.Errorf("RECORD line %q does not match the file", line)
		}
	}
	for n := range files {
		if !recorded[n] {
			t.Errorf("%s is not in RECORD", n)
		}
	}

	// Reproducible: the same inputs give the same bytes.
	out := t.TempDir()
	res := runCmd(time.Minute, "", baseEnv(), "", "python3", filepath.Join(repoRoot(t), "scripts", "release", "wheelfile.py"),
		"--binary", filepath.Join(rel.assets, "alembic-patterns-"+platform), "--platform", platform, "--out", out)
	if res.err != nil {
		t.Fatal(res)
	}
	if mustRead(t, strings.TrimSpace(res.stdout)) != mustRead(t, path) {
		t.Error("building the wheel again gave other bytes")
	}
}

// venv makes a virtual environment with the system Python (Debian's
// python3-venv) and returns its bin directory.
func venv(t *testing.T) string {
	t.Helper()
	python := testenvPython(t)
	dir := filepath.Join(t.TempDir(), "venv")
	if res := runCmd(5*time.Minute, "", baseEnv(), "", python, "-m", "venv", dir); res.err != nil {
		t.Fatalf("python3 -m venv:\n%s", res)
	}
	return filepath.Join(dir, "bin")
}

// TestWheelInstall: `pip install` of the wheel (offline, --no-index) puts a
// working alembic-patterns on the venv's PATH; it is the program itself for
// stdout, stderr and exit codes; `python -m alembic_patterns` works; the
// installed metadata says the version and the license.
func TestWheelInstall(t *testing.T) {
	t.Parallel()
	rel := dryRun(t)
	bin := venv(t)
	env := baseEnv("PIP_NO_INDEX=1", "PIP_DISABLE_PIP_VERSION_CHECK=1", "PATH="+bin+":/usr/bin:/bin")
	if res := runCmd(5*time.Minute, "", env, "", filepath.Join(bin, "pip"), "install", "--no-index", hostWheel(t, rel)); res.err != nil {
		t.Fatalf("pip install:\n%s", res)
	}
	shop := filepath.Join(repoRoot(t), "examples", "shop")
	want := runCmd(time.Minute, shop, baseEnv(), "", binary(t), "check", "--format", "json")
	// Through the venv's PATH, as a user types it.
	got := runCmd(time.Minute, shop, env, "", "/bin/sh", "-c", `exec alembic-patterns "$@"`, "sh", "check", "--format", "json")
	if got.code != 1 || want.code != 1 || got.stdout != want.stdout {
		t.Errorf("venv alembic-patterns check: want exit 1 and the program's own output:\n%s\n%s", got, want)
	}
	if res := runCmd(time.Minute, shop, env, "", filepath.Join(bin, "alembic-patterns"), "check", "--no-such-flag"); res.code != 2 || res.stderr == "" {
		t.Errorf("a usage error: want exit 2 and a message:\n%s", res)
	}
	if res := runCmd(time.Minute, shop, env, "", filepath.Join(bin, "python"), "-m", "alembic_patterns", "version"); res.stdout != "alembic-patterns "+rel.version+"\n" {
		t.Errorf("python -m alembic_patterns version:\n%s", res)
	}
	res := runCmd(time.Minute, "", env, "", filepath.Join(bin, "python"), "-c",
		`import importlib.metadata as m; d = m.metadata("alembic-patterns"); print(d["Version"], d["License-Expression"], [e.value for e in m.entry_points(group="console_scripts") if e.name == "alembic-patterns"])`)
	if want := rel.version + " MIT ['alembic_patterns.__main__:main']\n"; res.stdout != want {
		t.Errorf("installed metadata: %q, want %q\n%s", res.stdout, want, res)
	}
}

// TestWheelPipx: `pipx run` of the wheel (offline) runs the program. (uvx is
// not installable on this machine; it reads the same entry point.)
func TestWheelPipx(t *testing.T) {
	t.Parallel()
	pipx := testenv.Get(t, "ALEMBIC_PATTERNS_PIPX")
	rel := dryRun(t)
	home := t.TempDir()
	env := baseEnv("PIPX_HOME="+filepath.Join(home, "pipx"), "PIPX_BIN_DIR="+filepath.Join(home, "bin"), "HOME="+home,
		"PIP_NO_INDEX=1", "PIP_DISABLE_PIP_VERSION_CHECK=1")
	res := runCmd(5*time.Minute, filepath.Join(repoRoot(t), "examples", "shop"), env, "", pipx, "run", "--spec", hostWheel(t, rel), "alembic-patterns", "check")
	if res.code != 1 || !strings.Contains(res.stdout, "enum-type-not-dropped") {
		t.Errorf("pipx run alembic-patterns check: want exit 1 and the findings:\n%s", res)
	}
}

// testenvPython is the Python that scripts/ci-setup.sh provides (with venv).
func testenvPython(t *testing.T) string { return testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON") }

// TestReleaseRefValidates: the tree users install (the release ref, not the
// git tree) passes Claude Code's strict validator.
func TestReleaseRefValidates(t *testing.T) {
	c := newClaude(t)
	rel := dryRun(t)
	tree := t.TempDir()
	res := runCmd(time.Minute, "", baseEnv(), "", "sh", "-c",
		`git --git-dir "$1" archive "$2" | tar -x -C "$3"`, "sh", filepath.Join(rel.dir, "plugin.git"), rel.commit, tree)
	if res.err != nil {
		t.Fatalf("extracting the release ref: %s", res)
	}
	if res := c.run(t, tree, "plugin", "validate", tree, "--strict"); res.err != nil || !strings.Contains(res.stdout, "Validation passed") {
		t.Fatalf("claude plugin validate --strict on the release ref failed:\n%s", res)
	}
}
