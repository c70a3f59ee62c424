//go:build !unix

package autogen

import "os/exec"

// setProcessGroup: elsewhere only the process itself is killed on cancel.
func setProcessGroup(*exec.Cmd) {}
