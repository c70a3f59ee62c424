// Command parsefloor reads and parses every revision file of a versions
// directory with bare tree-sitter, one parser per core, and nothing else: the
// floor that `alembic-patterns history` and `check` are measured against.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor VERSIONS_DIR")
		os.Exit(2)
	}
	paths := project.FilesIn(os.Args[1])
	next := make(chan string)
	var wg sync.WaitGroup
	var failed sync.Once
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			p := sitter.NewParser()
			defer p.Close()
			p.SetLanguage(python.GetLanguage())
			for path := range next {
				src, err := os.ReadFile(path)
				if err == nil {
					var tree *sitter.Tree
					if tree, err = p.ParseCtx(context.Background(), nil, src); err == nil {
						tree.Close()
					}
				}
				if err != nil {
					failed.Do(func() { fmt.Fprintln(os.Stderr, "parsefloor:", path, err) })
				}
			}
		})
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "parsefloor: parsed %d files\n", len(paths))
}
