package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// serverBinDirs are where PostgreSQL's server programs are installed when
// they are not on PATH: Debian/Ubuntu, RHEL (PGDG), Homebrew.
var serverBinDirs = []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql*/bin",
	"/usr/local/opt/postgresql*/bin", "/opt/homebrew/bin", "/usr/local/bin"}

// findServerBin returns the directory holding initdb and pg_ctl: PATH first,
// then the newest version in the usual places ("" when none).
func findServerBin() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	for _, pattern := range serverBinDirs {
		dirs, _ := filepath.Glob(pattern)
		slices.SortFunc(dirs, func(a, b string) int { return versionOf(b) - versionOf(a) })
		for _, d := range dirs {
			if isFile(filepath.Join(d, "initdb")) && isFile(filepath.Join(d, "pg_ctl")) {
				return d
			}
		}
	}
	return ""
}

// versionOf is the first number in a path (the major version of
// /usr/lib/postgresql/15/bin), 0 when none.
func versionOf(path string) int {
	start := strings.IndexAny(path, "0123456789")
	if start < 0 {
		return 0
	}
	end := start
	for end < len(path) && path[end] >= '0' && path[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(path[start:end])
	return n
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// clusterUser is the unprivileged account the cluster runs as when this
// process is root (initdb and postgres refuse to run as root).
const clusterUser = "postgres"

// cluster is a private PostgreSQL cluster in a temporary directory,
// listening only on a Unix socket in that directory.
type cluster struct {
	bin  string   // directory of initdb, pg_ctl
	dir  string   // the temporary directory: data/, the socket, the log
	as   []string // the prefix that runs a program as clusterUser ("" when not root)
	port int
}

func (c *cluster) data() string { return filepath.Join(c.dir, "data") }

// startCluster creates and starts a private cluster; remove stops it and
// deletes its directory. Nothing is left behind when it fails.
func startCluster(ctx context.Context, bin string) (s *scratch, err error) {
	dir, err := os.MkdirTemp("", "ap-verify-")
	if err != nil {
		return nil, err
	}
	c := &cluster{bin: bin, dir: dir, port: 5432}
	defer func() {
		if err != nil {
			c.stop()
		}
	}()
	if os.Geteuid() == 0 {
		if err := c.runAsUnprivileged(); err != nil {
			return nil, err
		}
	}
	if out, err := c.run(ctx, "initdb", "-D", c.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb failed: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -p %d -F", c.dir, c.port)
	if out, err := c.run(ctx, "pg_ctl", "-D", c.data(), "-l", filepath.Join(c.dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		return nil, fmt.Errorf("pg_ctl start failed: %v\n%s%s", err, out, log)
	}
	admin := &url.URL{Scheme: "postgresql", User: url.User("postgres"), Path: "/postgres",
		RawQuery: url.Values{"host": {c.dir}, "port": {strconv.Itoa(c.port)}}.Encode()}
	s, err = onServer(ctx, admin, "cluster")
	if err != nil {
		return nil, err
	}
	s.remove = c.stop // the whole cluster goes: no need to drop the database first
	return s, nil
}

// runAsUnprivileged hands the directory to clusterUser and runs the
// programs as that user with runuser.
func (c *cluster) runAsUnprivileged() error {
	u, err := user.Lookup(clusterUser)
	if err != nil {
		return fmt.Errorf("running as root, and initdb refuses to: no %q user to run the private cluster as (%v); pass --database-url instead", clusterUser, err)
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return fmt.Errorf("running as root, and initdb refuses to: runuser is not available to run it as %q; pass --database-url instead", clusterUser)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(c.dir, uid, gid); err != nil {
		return err
	}
	c.as = []string{runuser, "-u", clusterUser, "--"}
	return nil
}

// run runs one of the cluster's programs (as clusterUser when root).
func (c *cluster) run(ctx context.Context, program string, args ...string) (string, error) {
	argv := slices.Concat(c.as, []string{filepath.Join(c.bin, program)}, args)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = c.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	return out.String(), err
}

// stop stops the server (immediately: its data is thrown away), makes sure
// no server process is left, and deletes the directory.
func (c *cluster) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	pid := c.postmasterPID()
	var errs []error
	if pid > 0 {
		if out, err := c.run(ctx, "pg_ctl", "-D", c.data(), "-m", "immediate", "-w", "stop"); err != nil && alive(pid) {
			errs = append(errs, fmt.Errorf("pg_ctl stop: %v: %s", err, strings.TrimSpace(out)))
		}
		if alive(pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			for i := 0; i < 100 && alive(pid); i++ {
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	if err := os.RemoveAll(c.dir); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// postmasterPID reads the server's process id from postmaster.pid (0 when
// it is not running).
func (c *cluster) postmasterPID() int {
	data, err := os.ReadFile(filepath.Join(c.data(), "postmaster.pid"))
	if err != nil {
		return 0
	}
	first, _, _ := strings.Cut(string(data), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(first))
	return pid
}

// alive reports whether a process exists (and is not a zombie we could reap).
func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}
