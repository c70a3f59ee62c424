package autogen

import (
	"os"
	"strconv"
	"strings"
)

// process is one entry of /proc.
type process struct{ pid, ppid, pgid int }

// descendants lists the processes below pid (children, grandchildren, ...),
// whatever their process group or session.
func descendants(pid int) []process {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]process{}
	for _, e := range entries {
		if p, ok := readProcess(e.Name()); ok {
			children[p.ppid] = append(children[p.ppid], p)
		}
	}
	var out []process
	for queue := []int{pid}; len(queue) > 0; queue = queue[1:] {
		for _, c := range children[queue[0]] {
			out = append(out, c)
			queue = append(queue, c.pid)
		}
	}
	return out
}

// readProcess reads /proc/<name>/stat: "pid (comm) state ppid pgrp ...",
// where comm may hold spaces and parentheses.
func readProcess(name string) (process, bool) {
	pid, err := strconv.Atoi(name)
	if err != nil {
		return process{}, false
	}
	data, err := os.ReadFile("/proc/" + name + "/stat")
	if err != nil {
		return process{}, false
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 3 {
		return process{}, false
	}
	ppid, err1 := strconv.Atoi(fields[1])
	pgid, err2 := strconv.Atoi(fields[2])
	return process{pid: pid, ppid: ppid, pgid: pgid}, err1 == nil && err2 == nil
}
