package migration

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func fileError(t *testing.T, err error) *FileError {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FileError", err, err)
	}
	return fe
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		file      string
		line, col int
		msg       string
		upgrade   []string // the partial model's ops
		downgrade []string // nil: downgrade swallowed by the error
	}{
		// the unclosed paren swallows the rest of the file, downgrade included
		{"syntax_unclosed_paren.py", 15, 5, "syntax error: invalid syntax", []string{"drop_index@14"}, nil},
		// a broken parameter list: both functions are still there
		{"syntax_bad_def.py", 12, 13, `syntax error: missing ")"`, []string{"drop_table@13"}, []string{"create_table@17"}},
		// tabs and spaces that tree-sitter reads alike (a tab is 8 columns) and Python refuses (TabError)
		{"syntax_tab_error.py", 14, 1, "syntax error: inconsistent use of tabs and spaces in indentation", []string{"drop_table@13", "drop_table@14"},
			[]string{"create_table@18"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			m, err := ParseFile(context.Background(), path)
			fe := fileError(t, err)
			if fe.Path != path || fe.Line != tt.line || fe.Column != tt.col || fe.Msg != tt.msg {
				t.Errorf("FileError = %+v, want line %d col %d %q", fe, tt.line, tt.col, tt.msg)
			}
			if want := fmt.Sprintf("%s:%d:%d: %s", path, tt.line, tt.col, tt.msg); err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
			if !IsSyntaxError(err) {
				t.Error("IsSyntaxError = false")
			}
			if m == nil {
				t.Fatal("no partial model")
			}
			if len(m.SyntaxErrors) == 0 || int(m.SyntaxErrors[0].Span.StartLine) != tt.line {
				t.Errorf("SyntaxErrors = %+v", m.SyntaxErrors)
			}
			// the headers before the error are there
			if m.Revision.Kind != HeaderString || m.DownRevision.Kind != HeaderString {
				t.Errorf("headers = %v %v", m.Revision, m.DownRevision)
			}
			if got := opLines(m.Upgrade); !slices.Equal(got, tt.upgrade) {
				t.Errorf("upgrade ops = %v, want %v", got, tt.upgrade)
			}
			if tt.downgrade == nil {
				if m.Downgrade != nil {
					t.Errorf("downgrade = %v", opLines(m.Downgrade))
				}
			} else if got := opLines(m.Downgrade); !slices.Equal(got, tt.downgrade) {
				t.Errorf("downgrade ops = %v, want %v", got, tt.downgrade)
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	big := bytes.Repeat([]byte("# padding line of a generated file\n"), MaxFileSize/35+1)
	tests := []struct {
		name      string
		src       []byte
		line, col int
		msg       string
	}{
		{"binary", []byte("revision = 'a'\x00\x01\x02"), 0, 0, "binary file (contains NUL bytes), not Python source"},
		{"invalid UTF-8 on line 3", []byte("revision = 'a'\n# ok\nx = '\xff\xfe'\n"), 3, 1, "not valid UTF-8; save the file as UTF-8 (Alembic writes UTF-8)"},
		{"latin-1 on line 1", []byte("# caf\xe9\n"), 1, 1, "not valid UTF-8; save the file as UTF-8 (Alembic writes UTF-8)"},
		{"too large", big, 0, 0, fmt.Sprintf("file is %d bytes, larger than the 5 MB limit for a revision file", len(big))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(context.Background(), "bad.py", tt.src)
			if m != nil {
				t.Error("a model for unreadable input")
			}
			fe := fileError(t, err)
			if fe.Line != tt.line || fe.Column != tt.col || fe.Msg != tt.msg || fe.Path != "bad.py" {
				t.Errorf("FileError = %+v, want %d:%d %q", fe, tt.line, tt.col, tt.msg)
			}
			if IsSyntaxError(err) {
				t.Error("not a syntax error")
			}
		})
	}
}

func TestParseFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ParseFile(context.Background(), filepath.Join(dir, "missing.py")); err == nil || fileError(t, err).Line != 0 {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ParseFile(context.Background(), dir); err == nil || fileError(t, err).Msg != "is a directory" {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(dir, "big.py")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#\n"), MaxFileSize/2+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseFile(context.Background(), big); err == nil || !strings.Contains(fileError(t, err).Msg, "larger than the 5 MB limit") {
		t.Errorf("big file: %v", err)
	}
	binary := filepath.Join(dir, "blob.py")
	if err := os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseFile(context.Background(), binary); err == nil || !strings.Contains(err.Error(), "binary file") {
		t.Errorf("binary file: %v", err)
	}
}

func TestEmptyAndTrivialFiles(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# just a comment\n", "\"\"\"only a docstring\"\"\"\n", "\ufeff"} {
		m, err := Parse(context.Background(), "empty.py", []byte(src))
		if err != nil || m == nil {
			t.Fatalf("Parse(%q) = %v, %v", src, m, err)
		}
		if m.Upgrade != nil || m.Downgrade != nil || m.Revision.Kind != HeaderMissing || m.DownRevision.Kind != HeaderMissing {
			t.Errorf("Parse(%q) = %+v", src, m)
		}
	}
}

func TestEncodingAndColumns(t *testing.T) {
	m := parseFixture(t, "encoding_utf8.py")
	if m.Revision.Values[0] != "café_0001" || m.DownRevision.Kind != HeaderNone {
		t.Errorf("headers = %v %v", m.Revision, m.DownRevision)
	}
	// "café_0001" in quotes spans 11 characters (12 bytes)
	if s := m.Revision.Span; s.StartCol != 12 || s.EndCol != 23 || s.End-s.Start != 12 {
		t.Errorf("revision span = %+v", s)
	}
	if m.DocRevision != "café_0001" || m.DocRevises != "" {
		t.Errorf("doc ids = %q %q", m.DocRevision, m.DocRevises)
	}
	ct := opAt(t, m.Upgrade, 15)
	if tbl, _ := ct.Table(); tbl != "catégories" {
		t.Errorf("table = %q", tbl)
	}
	// columns count characters: `    op.create_table("catégories", ` is 34 characters and 35 bytes
	col := ct.Varargs[0]
	if col.Span.StartLine != 15 || col.Span.StartCol != 35 {
		t.Errorf("column argument starts at %d:%d, want 15:35", col.Span.StartLine, col.Span.StartCol)
	}
	if ct.Stmt.EndCol != 81 {
		t.Errorf("create_table ends at column %d, want 81", ct.Stmt.EndCol)
	}
	c := m.Column(ct, col)
	if c.Name != "nom" || lit(c.Expr.Keyword("comment")) != `"名前"` {
		t.Errorf("column = %+v", c)
	}
	ex := opAt(t, m.Upgrade, 16)
	if ex.Stmt.StartCol != 5 || ex.Stmt.EndCol != 51 {
		t.Errorf("execute span %d-%d, want 5-51", ex.Stmt.StartCol, ex.Stmt.EndCol)
	}
	if s := ex.SQL.Statements; len(s) != 1 || s[0].Kind != SQLUpdate || s[0].Table != "catégories" {
		t.Errorf("SQL = %+v", s)
	}
}

func TestLineEndingsAndBOM(t *testing.T) {
	src := "\ufeff\"\"\"Revision ID: crlf1\r\nRevises: crlf0\r\n\"\"\"\r\nfrom alembic import op\r\n\r\nrevision = 'crlf1'\r\n\r\ndef upgrade():\r\n    op.execute(\"UPDATE t \\\r\nSET a = 1\")\r\n"
	m := parseSource(t, src)
	if m.DocRevision != "crlf1" || m.DocRevises != "crlf0" || m.Revision.Values[0] != "crlf1" {
		t.Errorf("ids = %q %q %v", m.DocRevision, m.DocRevises, m.Revision)
	}
	o := opAt(t, m.Upgrade, 9)
	if m.Upgrade.Indent != "    " || o.Indent != "    " || o.Stmt.EndLine != 10 {
		t.Errorf("indent %q/%q end line %d", m.Upgrade.Indent, o.Indent, o.Stmt.EndLine)
	}
	// the backslash-CRLF continuation inside the string joins the lines
	if got := o.SQL.Statements; len(got) != 1 || got[0].Text != "UPDATE t SET a = 1" {
		t.Errorf("SQL = %+v", got)
	}
}

func TestLargeGeneratedFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("\"\"\"seed reference data\n\nRevision ID: big1\nRevises: big0\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = 'big1'\ndown_revision = 'big0'\n\n\ndef upgrade():\n")
	const n = 4000
	for i := range n {
		fmt.Fprintf(&b, "    op.execute(\"INSERT INTO countries (id, name, note) VALUES (%d, 'country-%d', 'é日本; -- not a comment')\")\n", i, i)
	}
	b.WriteString("    op.create_index('ix_countries_name', 'countries', ['name'])\n\n\ndef downgrade():\n    op.execute('DELETE FROM countries')\n")
	src := []byte(b.String())
	if len(src) < 400_000 {
		t.Fatalf("generated only %d bytes", len(src))
	}
	m, err := Parse(context.Background(), "big.py", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Upgrade.Ops) != n+1 || len(m.Downgrade.Ops) != 1 {
		t.Fatalf("ops = %d / %d", len(m.Upgrade.Ops), len(m.Downgrade.Ops))
	}
	last := m.Upgrade.Ops[n-1]
	if last.Stmt.StartLine != 13+n || last.SQL.Statements[0].Kind != SQLInsert || last.SQL.Statements[0].Table != "countries" || len(last.SQL.Statements) != 1 {
		t.Errorf("last insert = line %d %+v", last.Stmt.StartLine, last.SQL.Statements)
	}
	if ci := m.Upgrade.Ops[n]; ci.Name != "create_index" || ci.Stmt.StartLine != 14+n {
		t.Errorf("final op = %s@%d", ci.Name, ci.Stmt.StartLine)
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 20000
	tests := map[string]string{
		"parentheses":  strings.Repeat("(", depth) + "'x'" + strings.Repeat(")", depth),
		"lists":        strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth),
		"calls":        strings.Repeat("f(", depth) + "1" + strings.Repeat(")", depth),
		"method calls": strings.Repeat("a.b(", depth) + "1" + strings.Repeat(")", depth),
		"unary minus":  strings.Repeat("-", depth) + "1",
		"unclosed":     strings.Repeat("(", depth),
	}
	for name, expr := range tests {
		t.Run(name, func(t *testing.T) {
			src := "from alembic import op\nrevision = " + expr + "\ndef upgrade():\n    op.execute(" + expr + ")\n    op.drop_table('after')\n"
			m, err := Parse(context.Background(), "deep.py", []byte(src))
			if m == nil {
				t.Fatalf("no model: %v", err)
			}
			if name == "unclosed" {
				if !IsSyntaxError(err) {
					t.Errorf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := opNames(m.Upgrade); !slices.Equal(got, []string{"execute", "drop_table"}) {
				t.Errorf("ops = %v", got)
			}
			if sql := m.Upgrade.Ops[0].SQL; sql == nil || (name != "parentheses" && sql.Known) {
				t.Errorf("SQL = %+v", sql)
			}
		})
	}
}

func TestParseConcurrentAndCancelled(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "batch_blocks.py"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// a cancelled context may or may not stop a small parse; when it does, the
	// error is a FileError without a position, and later parses are unaffected
	if m, err := Parse(ctx, "x.py", src); err != nil {
		if fe := fileError(t, err); fe.Line != 0 || m != nil {
			t.Errorf("cancelled parse = %+v, %v", m, fe)
		}
	}
	done := make(chan []string)
	for range 8 {
		go func() {
			m, err := Parse(context.Background(), "x.py", src)
			if err != nil {
				done <- []string{err.Error()}
				return
			}
			done <- opLines(m.Upgrade)
		}()
	}
	want := opLines(parseFixture(t, "batch_blocks.py").Upgrade)
	for range 8 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent parse = %v, want %v", got, want)
		}
	}
}

// TestMaxOps: the operations after the first MaxOps of a file are not read,
// and the model says so.
func TestMaxOps(t *testing.T) {
	for _, n := range []int{MaxOps, MaxOps + 1} {
		src := "from alembic import op\n\n\ndef upgrade():\n" + strings.Repeat("    op.drop_table('t')\n", n-1) +
			"\n\ndef downgrade():\n    op.create_table('t')\n    # the end\n"
		m := parseSource(t, src)
		if read := len(m.Upgrade.Ops) + len(m.Downgrade.Ops); m.TooLarge != (n > MaxOps) || read != min(n, MaxOps) {
			t.Errorf("%d operations: TooLarge %v, %d read", n, m.TooLarge, read)
		}
	}
}
