package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fileSystemReads are the standard library functions that learn something
// from the file system. Check results are reused while the inputfile.Log of
// the run that made them is unchanged, so a read outside inputfile would be a
// dependency the cache never re-checks.
var fileSystemReads = map[string]map[string]bool{
	"os":            {"Stat": true, "Lstat": true, "ReadDir": true, "ReadFile": true, "Open": true, "OpenFile": true, "Readlink": true, "DirFS": true, "Getwd": true},
	"path/filepath": {"Walk": true, "WalkDir": true, "Glob": true, "EvalSymlinks": true},
	"io/ioutil":     {"ReadFile": true, "ReadDir": true},
	"io/fs":         {"ReadFile": true, "ReadDir": true, "WalkDir": true, "Glob": true, "Stat": true},
}

// TestChecksReadThroughInputfile: every package check.Run runs reads the
// file system through inputfile only (inputfile itself excepted).
func TestChecksReadThroughInputfile(t *testing.T) {
	const module = "github.com/alembic-patterns/alembic-patterns/server/internal/"
	internal, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	queue := []string{"check"}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		if seen[pkg] {
			continue
		}
		seen[pkg] = true
		files, err := filepath.Glob(filepath.Join(internal, pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("package %s: no Go files (%v)", pkg, err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			local := map[string]string{} // import name -> import path
			for _, imp := range f.Imports {
				ipath, _ := strconv.Unquote(imp.Path.Value)
				if rest, ok := strings.CutPrefix(ipath, module); ok && !strings.Contains(rest, "/") {
					queue = append(queue, rest)
				}
				name := ipath[strings.LastIndex(ipath, "/")+1:]
				if imp.Name != nil {
					name = imp.Name.Name
				}
				local[name] = ipath
			}
			if pkg == "inputfile" {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && fileSystemReads[local[id.Name]][sel.Sel.Name] {
					t.Errorf("%s: %s.%s reads the file system behind the check cache's back: use inputfile.%s",
						filepath.Base(path), id.Name, sel.Sel.Name, sel.Sel.Name)
				}
				return true
			})
		}
	}
	if !seen["project"] || !seen["rules"] || !seen["naming"] {
		t.Fatalf("the walk missed packages check runs: %v", seen)
	}
}
