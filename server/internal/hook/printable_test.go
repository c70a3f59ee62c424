package hook

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAdditionalContextIsPrintable: escape sequences and binary bytes of a
// failed alembic run went raw into the additionalContext given to Claude.
func TestAdditionalContextIsPrintable(t *testing.T) {
	colored := "\x1b[31m" + strings.ReplaceAll(failedUpgrade, "\n", "\x1b[0m\n\x1b[31m") + "\x1b]0;title\x07\xff\xfe\x00"
	in := payload(t, "PostToolUse", "Bash", t.TempDir(), map[string]any{"command": "alembic upgrade head\x1b[2J"},
		map[string]any{"stdout": colored, "exit_code": 1}, nil)
	_, ctx := hookContext(t, run(t, in, Options{}))
	if !strings.Contains(ctx, `type "status_type" already exists`) {
		t.Fatalf("no diagnosis:\n%s", ctx)
	}
	if strings.ContainsAny(ctx, "\x1b\x07\x00") || !utf8.ValidString(ctx) {
		t.Errorf("additionalContext is not printable: %q", ctx)
	}
}
