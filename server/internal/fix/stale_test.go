package fix

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// movedComment returns two versions of ordersRevision of the same size: a
// comment as long as the drop_table line at the end of the file, and the same
// comment above drop_table (the statement 28 bytes later).
func movedComment() (original, moved, dropLine string) {
	dropLine = `    op.drop_table("orders")` + "\n"
	comment := "    #" + strings.Repeat("-", len(dropLine)-6) + "\n"
	return ordersRevision + comment, strings.Replace(ordersRevision, dropLine, comment+dropLine, 1), dropLine
}

// TestWriterBetweenParseAndFix: a file rewritten after it was parsed (a
// concurrent writer, or a cache that missed a same-size rewrite) never gets
// edits computed for the other content: the fix is computed on what is on
// disk, or refused.
func TestWriterBetweenParseAndFix(t *testing.T) {
	original, moved, dropLine := movedComment()
	proj := projectWith(t, map[string]string{"0001_orders.py": original})
	var once sync.Once
	parse := func(ctx context.Context, path string) (*migration.Migration, error) {
		m, err := migration.ParseFile(ctx, path)
		once.Do(func() { write(t, path, moved) })
		return m, err
	}
	res, err := Compute(context.Background(), proj, Options{Check: check.Options{Parse: parse}})
	if err != nil {
		t.Fatal(err)
	}
	path := res.Files[0].Path
	werr := res.Write()
	got, _ := os.ReadFile(path)
	fixed := strings.Replace(moved, dropLine, dropLine+`    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)`+"\n", 1)
	if string(got) != fixed && (werr == nil || string(got) != moved) {
		t.Fatalf("write error %v; file:\n%s", werr, got)
	}
}
