package pysyntax

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"def upgrade(:\n    pass\n", 1, 13, `missing ")"`},
		{"x = 1\ny = (\n", 2, 1, "invalid syntax"},
		{"print 'legacy'\n", 0, 0, ""}, // Python 2 print is accepted by the grammar
		{"x = 1\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			tr := parse(t, tt.src)
			errs := tr.SyntaxErrors(10)
			if tt.msg == "" {
				if len(errs) != 0 {
					t.Errorf("errors = %+v", errs)
				}
				return
			}
			if len(errs) == 0 {
				t.Fatal("no syntax error")
			}
			if e := errs[0]; int(e.Span.StartLine) != tt.line || e.Message != tt.msg || (tt.col != 0 && int(e.Span.StartCol) != tt.col) {
				t.Errorf("first error = %+v, want %d:%d %q", e, tt.line, tt.col, tt.msg)
			}
		})
	}
	tr := parse(t, strings.Repeat("x = (\n", 30)+"def f(:\n")
	if errs := tr.SyntaxErrors(3); len(errs) > 3 {
		t.Errorf("limit ignored: %d errors", len(errs))
	}
}

// A parse cut short by its context must not leave its state in a pooled parser:
// tree-sitter resumes an interrupted parse on the next call, with whatever source
// it is given.
func TestCancelledParseDoesNotLeak(t *testing.T) {
	big := []byte(strings.Repeat("x = f(1, 2, [3, 4], {'a': 'b'})\n", 60000))
	small := []byte("y = 1\n")
	const want = "(module (expression_statement (assignment left: (identifier) right: (integer))))"
	cancelled := 0
	for range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		tr, err := Parse(ctx, big)
		cancel()
		if err != nil {
			cancelled++
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("cancelled parse error = %v", err)
			}
		} else {
			tr.Close()
		}
		for _, ctx := range []context.Context{context.Background(), t.Context()} {
			tr, err := Parse(ctx, small)
			if err != nil {
				t.Fatal(err)
			}
			if got := tr.Root().String(); got != want {
				t.Fatalf("parse after a cancelled one = %.120s, want %s", got, want)
			}
			tr.Close()
		}
	}
	if cancelled == 0 {
		t.Log("no parse was cancelled; the machine is fast enough that the test proves little")
	}
}

func TestParseConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := strings.Repeat("op.drop_table('t')\n", i+1)
			ctx := context.Background()
			if i%2 == 0 {
				ctx = t.Context()
			}
			tr, err := Parse(ctx, []byte(src))
			if err != nil {
				t.Error(err)
				return
			}
			defer tr.Close()
			if n := int(tr.Root().NamedChildCount()); n != i+1 {
				t.Errorf("%d statements, want %d", n, i+1)
			}
		}()
	}
	wg.Wait()
}

// TestIndentErrors: the indentation Python refuses though tree-sitter accepts
// it (a tab is 8 columns to tree-sitter; Python also compares it as 1). The
// expectations are CPython's (compile()).
func TestIndentErrors(t *testing.T) {
	const tabError = "inconsistent use of tabs and spaces in indentation"
	tests := []struct {
		name, src string
		line      int // 0: Python accepts the file
		msg       string
	}{
		{"tab error", "def f():\n        x = 1\n\ty = 2\n", 3, tabError},
		{"tab error on indent", "if a:\n    if b:\n\tpass\n", 3, tabError},
		{"tab error after a clause", "if a:\n        x = 1\nelse:\n\tx = 2\n        y = 3\n", 5, tabError},
		{"dedent to no level", "if a:\n\tif b:\n\t\tpass\n          x = 1\n", 4, "unindent does not match any outer indentation level"},
		{"consistent mix", "if a:\n\tif b:\n\t    pass\n\tx = 1\n", 0, ""},
		{"tabs only", "if a:\n\tif b:\n\t\tpass\n", 0, ""},
		{"tab in a string", "def f():\n    s = '''\n\tx\n    '''\n    return s\n", 0, ""},
		{"tab in brackets", "def f():\n    g(1,\n\t2)\n", 0, ""},
		{"tab after a backslash", "def f():\n    x = 1 + \\\n\t2\n", 0, ""},
		{"tab before a comment", "def f():\n    x = 1\n\t# note\n    y = 2\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parse(t, tt.src).SyntaxErrors(10)
			if tt.line == 0 {
				if len(errs) != 0 {
					t.Errorf("errors = %+v", errs)
				}
				return
			}
			if len(errs) == 0 || int(errs[0].Span.StartLine) != tt.line || errs[0].Span.StartCol != 1 || errs[0].Message != tt.msg {
				t.Errorf("errors = %+v, want line %d %q", errs, tt.line, tt.msg)
			}
		})
	}
}
