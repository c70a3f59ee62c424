package diagnose

import (
	"strings"
	"testing"
)

// TestColouredOutputIsQuotedPrintable: alembic's output with colour codes
// and binary bytes was quoted raw into the diagnosis (and from there into the
// terminal and the hook's additionalContext).
func TestColouredOutputIsQuotedPrintable(t *testing.T) {
	out := "\x1b[1;31msqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type \"status_type\" already exists\x1b[0m\x07 \xff\xfe\n"
	d := Diagnose(out)
	if len(d) != 1 || !d[0].Known {
		t.Fatalf("%+v", d)
	}
	if want := `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists ` + "\uFFFD"; d[0].Error != want {
		t.Errorf("error line %q, want %q", d[0].Error, want)
	}
	if txt := Text(d); strings.ContainsAny(txt, "\x1b\x07") {
		t.Errorf("text: %q", txt)
	}
}
