package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestSnippetOfALongLine: a finding on a line of generated code (a 3,000-deep
// expression) used to echo the whole line and as many carets; a window around
// the start of the span is shown, with the carets still under it.
func TestSnippetOfALongLine(t *testing.T) {
	line := "    op.execute(" + strings.Repeat("(", 3000) + "x" + strings.Repeat(")", 3000) + ")"
	start := strings.Index(line, "x") + 1
	var b strings.Builder
	writeSnippet(&b, bytes.Split([]byte("def upgrade():\n"+line+"\n"), []byte("\n")), rules.Diagnostic{Span: migration.Span{StartLine: 2, StartCol: int32(start), EndLine: 2, EndCol: int32(start + 1)}})
	out := strings.Split(b.String(), "\n")
	if len(out) != 4 || utf8.RuneCountInString(out[1]) > 200 {
		t.Fatalf("snippet:\n%s", b.String())
	}
	code, carets := []rune(out[1]), []rune(out[2])
	at := len(carets) - 1
	if carets[at] != '^' || carets[at-1] != ' ' || code[at] != 'x' {
		t.Errorf("carets not under the span:\n%s", b.String())
	}
}
