package plugin

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// shellScripts are the repository's shell scripts (by shebang), relative to
// the root, with the dialect shellcheck must check them as.
func shellScripts(t *testing.T) map[string]string {
	t.Helper()
	root := repoRoot(t)
	scripts := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") && d.Name() != ".ci" && d.Name() != ".github" || d.Name() == "examples" || d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		line, _ := bufio.NewReader(f).ReadString('\n')
		rel, _ := filepath.Rel(root, p)
		switch strings.TrimSpace(line) {
		case "#!/bin/sh":
			scripts[rel] = "sh"
		case "#!/usr/bin/env bash", "#!/bin/bash":
			scripts[rel] = "bash"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return scripts
}

// TestShellcheck: every shell script of the repository passes shellcheck in
// its own dialect (the POSIX launcher as sh, so no bashism slips in).
func TestShellcheck(t *testing.T) {
	shellcheck := testenv.Get(t, "ALEMBIC_PATTERNS_SHELLCHECK")
	scripts := shellScripts(t)
	for _, must := range []string{"bin/alembic-patterns", "lib/fetch-release.sh", "scripts/ci-setup.sh", ".ci/run"} {
		if scripts[must] == "" {
			t.Errorf("%s is not among the shell scripts found: %v", must, scripts)
		}
	}
	for rel, dialect := range scripts {
		res := runCmd(time.Minute, repoRoot(t), baseEnv(), "", shellcheck, "--shell="+dialect, "--external-sources", rel)
		if res.err != nil {
			t.Errorf("shellcheck %s:\n%s", rel, res.stdout+res.stderr)
		}
	}
	// Not vacuous: a bashism in a #!/bin/sh script fails.
	bad := filepath.Join(t.TempDir(), "bad")
	mustWrite(t, bad, "#!/bin/sh\nif [[ -n $1 ]]; then echo \"$1\"; fi\n", 0o755)
	if res := runCmd(time.Minute, "", baseEnv(), "", shellcheck, "--shell=sh", bad); res.err == nil {
		t.Errorf("shellcheck passed a bashism in a sh script:\n%s", res)
	}
}
