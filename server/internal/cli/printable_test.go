package cli

import (
	"strings"
	"testing"
)

// TestCheckTextIsPrintable: a revision file whose strings hold escape
// sequences had them echoed to the terminal in messages and snippets.
func TestCheckTextIsPrintable(t *testing.T) {
	src := strings.Replace(orders, `op.drop_table("orders")`, "op.drop_table(\"orders\")\n    op.drop_constraint(None, \"orders\x1b[2J\x1b]0;owned\x07\")", 1)
	dir := newProject(t, map[string]string{"0001_orders.py": src}, "")
	out, errOut, _ := run(t, dir, "check")
	if !strings.Contains(out, "unnamed-constraint") {
		t.Fatalf("no finding:\n%s%s", out, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\x07") {
		t.Errorf("escape sequences reach the terminal: %q", out)
	}
}
