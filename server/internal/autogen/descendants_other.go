//go:build unix && !linux

package autogen

// process is a descendant process.
type process struct{ pid, ppid, pgid int }

// descendants: without /proc only the process group is killed.
func descendants(int) []process { return nil }
