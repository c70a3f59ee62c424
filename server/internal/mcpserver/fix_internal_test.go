package mcpserver

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

const ordersRev = `"""orders

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")
`

// TestFixAfterSameSizeSameMtimeRewrite: a file rewritten with content of the
// same size and its old modification time restored (cp -p, rsync -t, tar)
// looks unchanged to the parse cache; fix_migration must compute its edits
// from the bytes on disk and write them to exactly those bytes.
func TestFixAfterSameSizeSameMtimeRewrite(t *testing.T) {
	dir := t.TempDir()
	writeRev(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://u:p@h/db\n", time.Now().Add(-time.Hour))
	path := filepath.Join(dir, "migrations", "versions", "0001_orders.py")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	// a comment line as long as the drop_table line, at the end of the file;
	// then moved above drop_table (same size, the statement 28 bytes later)
	line := `    op.drop_table("orders")` + "\n"
	comment := "    #" + strings.Repeat("-", len(line)-6) + "\n"
	original := ordersRev + comment
	moved := strings.Replace(ordersRev, line, comment+line, 1)
	writeRev(t, path, original, old)
	s := New(Options{Dir: dir})
	ctx := context.Background()
	if _, _, err := s.check(ctx, mcp.CallToolRequest{}, checkArgs{Target: "all"}); err != nil {
		t.Fatal(err)
	}
	writeRev(t, path, moved, old)

	if _, _, err := s.fix(ctx, mcp.CallToolRequest{}, fixArgs{Target: "all", Apply: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := strings.Replace(moved, line, line+`    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)`+"\n", 1)
	if string(got) != want {
		t.Fatalf("fixed file:\n%s\nwant:\n%s", got, want)
	}
}

// TestFixNeverWritesOutsideTheProject: fix_migration with target "all" does
// not write the revision files an alembic.ini's script_location puts in
// another directory.
func TestFixNeverWritesOutsideTheProject(t *testing.T) {
	other, dir := t.TempDir(), t.TempDir()
	path := filepath.Join(other, "migrations", "versions", "0001_orders.py")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	writeRev(t, path, ordersRev, old)
	writeRev(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = "+filepath.Join(other, "migrations")+"\n", old)
	s := New(Options{Dir: dir})
	out, _, err := s.fix(context.Background(), mcp.CallToolRequest{}, fixArgs{Target: "all", Apply: true})
	if err != nil {
		t.Fatal(err)
	}
	res := out.(FixOutput)
	if res.Applied || res.Diff != "" || len(res.Files) != 1 || !strings.Contains(res.Files[0].Refused, "outside the project") {
		t.Fatalf("%+v", res)
	}
	if got, _ := os.ReadFile(path); string(got) != ordersRev {
		t.Fatalf("written outside the project:\n%s", got)
	}
}

// TestFixSaysWhichFilesWereWritten: when one of two files cannot be written,
// the tool error says which was written and which was not.
func TestFixSaysWhichFilesWereWritten(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	items := strings.NewReplacer(`"0001"`, `"0002"`, "down_revision = None", `down_revision = "0001"`, "orders", "items",
		"order_status", "item_status").Replace(ordersRev)
	for path, src := range map[string]string{"migrations/versions/0001_orders.py": ordersRev, "migrations/more/0002_items.py": items,
		"alembic.ini": "[alembic]\nscript_location = migrations\nversion_locations = %(here)s/migrations/versions %(here)s/migrations/more\n"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, path)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeRev(t, filepath.Join(dir, path), src, old)
	}
	testenv.Unwritable(t, filepath.Join(dir, "migrations", "more"))
	s := New(Options{Dir: dir})
	_, _, err := s.fix(context.Background(), mcp.CallToolRequest{}, fixArgs{Target: "all", Apply: true})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"could not be written to 1 of 2 files: migrations/more/0002_items.py", "written to migrations/versions/0001_orders.py"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}
