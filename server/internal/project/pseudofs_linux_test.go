package project

import (
	"testing"
	"time"
)

// TestSearchSkipsPseudoFileSystems: a search started at / (project_dir "/"
// over MCP) walked /proc and /sys until its budget of directories ran out.
// Kernel file systems are passed by, by type wherever they are mounted.
func TestSearchSkipsPseudoFileSystems(t *testing.T) {
	for _, dir := range []string{"/proc", "/sys", "/proc/self/fdinfo", "/sys/kernel"} {
		start := time.Now()
		r := search(dir)
		if len(r.configs) > 0 || len(r.shapes) > 0 || len(r.skipped) > 0 || time.Since(start) > time.Second {
			t.Errorf("search(%s) took %s: %+v", dir, time.Since(start), r)
		}
	}
	if !onPseudoFS("/proc/self") || onPseudoFS(t.TempDir()) {
		t.Errorf("onPseudoFS: /proc/self %v, a temporary directory %v", onPseudoFS("/proc/self"), onPseudoFS(t.TempDir()))
	}
}
