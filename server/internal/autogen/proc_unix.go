//go:build unix

package autogen

import (
	"os/exec"
	"syscall"
)

// setProcessGroup runs the command in its own process group and makes a
// cancel (timeout) kill the whole group: `uv run alembic` and `poetry run
// alembic` start alembic as a child of their own. Descendants that left the
// group (setsid, setpgid) are found by parentage where the system tells it
// (Linux /proc) and killed with their groups. A descendant whose parent had
// already exited was adopted by init and is out of reach, unless it stayed in
// one of these groups.
func setProcessGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error {
		if c.Process == nil {
			return nil
		}
		pid := c.Process.Pid
		// Stop them first: a stopped process cannot fork a child that the
		// second look would miss.
		var tree []process
		for range 2 {
			tree = descendants(pid)
			for _, p := range tree {
				syscall.Kill(p.pid, syscall.SIGSTOP)
			}
		}
		own := syscall.Getpgrp()
		for _, p := range tree {
			if p.pgid != own && p.pgid != pid {
				syscall.Kill(-p.pgid, syscall.SIGKILL)
			}
			syscall.Kill(p.pid, syscall.SIGKILL)
		}
		return syscall.Kill(-pid, syscall.SIGKILL)
	}
}
