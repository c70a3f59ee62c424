// Command sqlstats counts the raw SQL the migration model sees in the revision
// files under the given directories (a .py file assigning both revision and
// down_revision): execute-like calls, literal SQL, SQL with unknown parts, SQL
// PostgreSQL's parser rejects, statements, and statements with known effects
// (any kind but "other"). It is how the real-project sweep's SQL numbers are
// made:
//
//	go run ./server/tools/sqlstats /work/sweep/*/
package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var (
	revisionLine = regexp.MustCompile(`(?m)^revision\s*(:[^=]*)?=`)
	downLine     = regexp.MustCompile(`(?m)^down_revision\s*(:[^=]*)?=`)
)

type counts struct {
	files, panics                             int
	calls, literal, partial, unknown, invalid int
	statements, effects, opaque               int
	kinds                                     map[migration.StatementKind]int
	invalidAt                                 []string
}

func main() {
	c := counts{kinds: map[migration.StatementKind]int{}}
	for _, dir := range os.Args[1:] {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == ".venv") {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".py") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil || !revisionLine.Match(src) || !downLine.Match(src) {
				return nil
			}
			c.file(path, src)
			return nil
		})
	}
	fmt.Printf("revision files %d, panics %d\n", c.files, c.panics)
	fmt.Printf("execute-like calls %d: literal SQL %d, with unknown parts %d, not a string %d\n", c.calls, c.literal, c.partial, c.unknown)
	fmt.Printf("literal SQL PostgreSQL rejects %d (parsed %d)\n", c.invalid, c.literal-c.invalid)
	fmt.Printf("statements in literal SQL %d, with known effects %d (%.1f%%), DO/CALL bodies (opaque) %d\n", c.statements, c.effects, 100*float64(c.effects)/float64(max(c.statements, 1)), c.opaque)
	var kinds []string
	for k, n := range c.kinds {
		kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(kinds)
	fmt.Println("kinds:", strings.Join(kinds, " "))
	for _, at := range c.invalidAt {
		fmt.Println("rejected:", at)
	}
}

func (c *counts) file(path string, src []byte) {
	defer func() {
		if r := recover(); r != nil {
			c.panics++
			fmt.Fprintf(os.Stderr, "panic in %s: %v\n%s\n", path, r, debug.Stack())
		}
	}()
	m, err := migration.Parse(context.Background(), path, src)
	if err != nil {
		return
	}
	c.files++
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		seen := map[int]bool{} // an unrolled loop repeats one call
		for _, o := range f.Ops {
			if o.SQL == nil || seen[o.Call.Span.Start] {
				continue
			}
			seen[o.Call.Span.Start] = true
			c.calls++
			switch {
			case o.SQL.Known:
				c.literal++
			case o.SQL.Partial:
				c.partial++
			default:
				c.unknown++
			}
			if !o.SQL.Known {
				continue
			}
			if o.SQL.Err != nil {
				c.invalid++
				c.invalidAt = append(c.invalidAt, fmt.Sprintf("%s:%d:%d: %s", path, o.SQL.Err.Span.StartLine, o.SQL.Err.Span.StartCol, o.SQL.Err.Message))
			}
			for _, st := range o.SQL.Statements {
				c.statements++
				c.kinds[st.Kind]++
				if st.Kind != migration.SQLOther {
					c.effects++
				} else if st.Verb == "DO" {
					c.opaque++
				}
			}
		}
	}
}
