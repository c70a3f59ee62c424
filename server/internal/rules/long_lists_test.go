package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMultipleHeadsNamesFewHeads: each finding used to list every head, so
// 3,000 heads made 3,000 findings of 3,000 names each (127 MB over MCP).
func TestMultipleHeadsNamesFewHeads(t *testing.T) {
	dir := t.TempDir()
	write := func(id, down string) {
		src := fmt.Sprintf("revision = %q\ndown_revision = %s\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n", id, down)
		if err := os.WriteFile(filepath.Join(dir, id+"_x.py"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("base", "None")
	for i := range 30 {
		write(fmt.Sprintf("head%02d", i), `"base"`)
	}
	rule, _ := Get("multiple-heads")
	got := RunOn(t, dir, rule)
	if len(got) != 30 {
		t.Fatalf("%d findings, want one per head", len(got))
	}
	for _, d := range got {
		if !strings.Contains(d.Message, "is one of 30 heads") ||
			!strings.Contains(d.Help, "The heads are head00, head01, head02, head03, head04, head05, head06, head07, head08, head09 and 20 more.") {
			t.Fatalf("message: %s\nhelp: %s", d.Message, d.Help)
		}
	}
}

// TestRevisionCycleCutsLongCycles: a 30-revision cycle is named by its ends.
func TestRevisionCycleCutsLongCycles(t *testing.T) {
	dir := t.TempDir()
	for i := range 30 {
		src := fmt.Sprintf("revision = \"c%02d\"\ndown_revision = \"c%02d\"\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n", i, (i+29)%30)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%02d_x.py", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rule, _ := Get("revision-cycle")
	got := RunOn(t, dir, rule)
	if len(got) != 1 || strings.Count(got[0].Message, "->") > 5 || !strings.Contains(got[0].Message, "(26 more)") ||
		strings.Count(got[0].Help, "->") > 12 || !strings.Contains(got[0].Help, "(20 more)") {
		t.Fatalf("findings: %+v", got)
	}
}
