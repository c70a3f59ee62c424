//go:build unix

package autogen

import (
	"os/exec"
	"syscall"
)

// setProcessGroup runs the command in its own process group and makes a
// cancel (timeout) kill the whole group: `uv run alembic` and `poetry run
// alembic` start alembic as a child of their own.
func setProcessGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error {
		if c.Process == nil {
			return nil
		}
		return syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
	}
}
