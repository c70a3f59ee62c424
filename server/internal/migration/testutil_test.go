package migration

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// parseFixture parses testdata/name and fails the test on any error.
func parseFixture(t *testing.T, name string) *Migration {
	t.Helper()
	m, err := ParseFile(context.Background(), filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("ParseFile(%s): %v", name, err)
	}
	return m
}

// parseSource parses an inline source and fails the test on any error.
func parseSource(t *testing.T, src string) *Migration {
	t.Helper()
	m, err := Parse(context.Background(), "inline.py", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, src)
	}
	return m
}

// lit renders a bound argument for comparisons: string literals as their
// decoded value in double quotes, anything else as its source text.
func lit(e *Expr) string {
	switch {
	case e == nil:
		return "<nil>"
	case e.Kind == pysyntax.String:
		return strconv.Quote(e.Str)
	default:
		return e.Text
	}
}

// argsOf renders a map of bound arguments with lit.
func argsOf(args map[string]*Expr) map[string]string {
	out := make(map[string]string, len(args))
	for k, v := range args {
		out[k] = lit(v)
	}
	return out
}

// opNames lists the names of a function's operations in order.
func opNames(f *Function) []string {
	if f == nil {
		return nil
	}
	out := make([]string, len(f.Ops))
	for i, o := range f.Ops {
		out[i] = o.Name
	}
	return out
}

// opAt returns the only operation whose statement starts on line.
func opAt(t *testing.T, f *Function, line int) *Op {
	t.Helper()
	if f == nil {
		t.Fatalf("no function for an op at line %d", line)
	}
	var found *Op
	for _, o := range f.Ops {
		if int(o.Stmt.StartLine) == line {
			if found != nil {
				t.Fatalf("two ops start on line %d: %s and %s", line, found.Name, o.Name)
			}
			found = o
		}
	}
	if found == nil {
		t.Fatalf("no op on line %d in %s (ops: %v)", line, f.Name, opLines(f))
	}
	return found
}

func opLines(f *Function) []string {
	var out []string
	for _, o := range f.Ops {
		out = append(out, o.Name+"@"+strconv.Itoa(int(o.Stmt.StartLine)))
	}
	return out
}
