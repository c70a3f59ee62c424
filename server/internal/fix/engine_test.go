package fix

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

const ordersRevision = `"""orders

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

func projectWith(t *testing.T, files map[string]string) *project.Project {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if name == "" {
			continue
		}
		write(t, filepath.Join(dir, "migrations", "versions", name), src)
	}
	write(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://u:p@h/db\n")
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o640); err != nil {
		t.Fatal(err)
	}
}

func TestWriteIsAtomicAndKeepsMode(t *testing.T) {
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := res.Files[0].Path
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), `    op.drop_table("orders")
    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)
`) {
		t.Fatalf("fixed file:\n%s", got)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestWriteSkipsFilesChangedSinceRead(t *testing.T) {
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := res.Files[0].Path
	edited := ordersRevision + "\n# edited by someone else meanwhile\n"
	write(t, path, edited)
	err = res.Write()
	if err == nil || !strings.Contains(err.Error(), "changed since it was read") {
		t.Fatalf("want a changed-since-read error, got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Fatal("the concurrent edit was overwritten")
	}
}

func TestDiffWritesNothing(t *testing.T) {
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	diff := res.Diff(proj.Root)
	for _, want := range []string{"--- a/migrations/versions/0001_orders.py", "+++ b/migrations/versions/0001_orders.py",
		`+    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)`} {
		if !strings.Contains(diff, want) {
			t.Errorf("diff lacks %q:\n%s", want, diff)
		}
	}
	if got, _ := os.ReadFile(res.Files[0].Path); string(got) != ordersRevision {
		t.Fatal("Compute or Diff wrote the file")
	}
}

// A fix whose result does not parse, or that leaves the finding in place, is
// refused and the file is left as it was.
func TestVerifyRefusesBadResults(t *testing.T) {
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	before, err := check.Run(context.Background(), proj, check.Options{})
	if err != nil || len(before.Findings) != 1 {
		t.Fatalf("%v %v", err, before.Findings)
	}
	path := before.Findings[0].Path
	p := &filePlan{fixed: before.Findings}

	write(t, path, strings.Replace(ordersRevision, `op.drop_table("orders")`, `op.drop_table("orders"`, 1))
	broken, _ := check.Run(context.Background(), proj, check.Options{})
	if reason, _ := verify(context.Background(), path, before, broken, nil, p); !strings.Contains(reason, "would not parse") {
		t.Errorf("unparseable result: reason %q", reason)
	}
	write(t, path, ordersRevision+"\n")
	same, _ := check.Run(context.Background(), proj, check.Options{})
	if reason, _ := verify(context.Background(), path, before, same, nil, p); !strings.Contains(reason, "enum-type-not-dropped") {
		t.Errorf("finding left in place: reason %q", reason)
	}
}

// A fix whose code uses a name the module does not bind where the code goes
// is refused, naming it: it parses, and would fail with NameError only when
// the downgrade runs. The same code where the name is bound is kept.
func TestVerifyRefusesUnboundNames(t *testing.T) {
	src := strings.Replace(ordersRevision, "from alembic import op\n", "import alembic\n", 1)
	src = strings.ReplaceAll(src, "    op.", "    alembic.op.")
	proj := projectWith(t, map[string]string{"0001_orders.py": src})
	before, err := check.Run(context.Background(), proj, check.Options{})
	if err != nil || len(before.Findings) != 1 {
		t.Fatalf("%v %v", err, before.Findings)
	}
	path := before.Findings[0].Path
	at := strings.Index(src, `alembic.op.drop_table("orders")`) + len(`alembic.op.drop_table("orders")`)
	line := strings.Count(src[:at], "\n") + 2 // the line the fix adds
	for _, c := range []struct{ drop, refused string }{
		{`sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)`,
			fmt.Sprintf("op on line %d (which nothing binds there: NameError)", line)},
		{`sa.Enum(name="order_status").drop(alembic.op.get_bind(), checkfirst=True)`, ""},
		{`sa.Enum(name="order_status").drop(bind, checkfirst=True)
    bind = alembic.op.get_bind()`, fmt.Sprintf("bind on line %d (which its function assigns only later: UnboundLocalError)", line)},
	} {
		fixed, written, err := edit.Apply([]byte(src), []edit.TextEdit{{Start: at, End: at, NewText: "\n    " + c.drop}})
		if err != nil {
			t.Fatal(err)
		}
		write(t, path, string(fixed))
		after, _ := check.Run(context.Background(), proj, check.Options{})
		reason, err := verify(context.Background(), path, before, after, fixed, &filePlan{fixed: before.Findings, written: written})
		if err != nil {
			t.Fatal(err)
		}
		if c.refused == "" && reason != "" || !strings.Contains(reason, c.refused) {
			t.Errorf("%s: reason %q, want one naming %q", c.drop, reason, c.refused)
		}
	}
}

func TestPlanSkipsOverlapsAndUnsafe(t *testing.T) {
	edit := func(start, end int) *rules.SuggestedFix {
		return &rules.SuggestedFix{Safety: rules.Safe, Edits: []rules.TextEdit{{Start: start, End: end, NewText: "x"}}}
	}
	unsafe := edit(40, 41)
	unsafe.Safety = rules.Unsafe
	findings := []rules.Diagnostic{
		{Path: "a.py", Rule: "r1", Fix: edit(0, 10)},
		{Path: "a.py", Rule: "r2", Fix: edit(5, 15)},  // overlaps r1: next round
		{Path: "a.py", Rule: "r3", Fix: edit(20, 20)}, // insertion
		{Path: "a.py", Rule: "r4", Fix: edit(20, 20)}, // the same insertion again: once
		{Path: "a.py", Rule: "r5", Fix: unsafe},
		{Path: "b.py", Rule: "r6"},
	}
	plans := plan(findings, false, nil)
	var got []string
	for _, a := range plans["a.py"].applied {
		got = append(got, a.Rule)
	}
	if strings.Join(got, ",") != "r1,r3" || plans["b.py"] != nil {
		t.Fatalf("planned %v (b.py: %v)", got, plans["b.py"])
	}
	if len(plan(findings, true, nil)["a.py"].applied) != 3 {
		t.Fatal("--unsafe does not add the unsafe fix")
	}
	if plan(findings, false, map[string]bool{"a.py": true})["a.py"] != nil {
		t.Fatal("a refused file is planned again")
	}
}

func TestComputeIsIdempotentOnTheExample(t *testing.T) {
	src, err := os.ReadDir(filepath.Join("..", "..", "..", "examples", "shop", "migrations", "versions"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range src {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "shop", "migrations", "versions", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	proj := projectWith(t, files)
	first, err := Compute(context.Background(), proj, Options{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write(); err != nil {
		t.Fatal(err)
	}
	second, err := Compute(context.Background(), proj, Options{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range second.Files {
		if !bytes.Equal(f.Before, f.After) {
			t.Errorf("second fix changed %s", filepath.Base(f.Path))
		}
	}
	for _, f := range first.Files {
		if f.Refused != "" {
			t.Errorf("%s refused: %s", filepath.Base(f.Path), f.Refused)
		}
	}
}

// TestWriteSaysWhatWasWritten: when some files cannot be written, the others
// still are, and the error names both.
func TestWriteSaysWhatWasWritten(t *testing.T) {
	items := strings.NewReplacer(`"0001"`, `"0002"`, "down_revision = None", `down_revision = "0001"`, "orders", "items",
		"order_status", "item_status").Replace(ordersRevision)
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	write(t, filepath.Join(proj.Root, "migrations", "more", "0002_items.py"), items)
	write(t, proj.ConfigFile, "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://u:p@h/db\n"+
		"version_locations = %(here)s/migrations/versions %(here)s/migrations/more\n")
	proj, err := project.Find(proj.Root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil || len(res.Files) != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	testenv.Unwritable(t, filepath.Join(proj.Root, "migrations", "more"))
	err = res.Write()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"could not be written to 1 of 2 files: migrations/more/0002_items.py (", "written to migrations/versions/0001_orders.py"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if strings.ContainsAny(err.Error(), "[]") {
		t.Errorf("Go slice brackets: %v", err)
	}
	byName := map[string]*File{}
	for _, f := range res.Files {
		byName[filepath.Base(f.Path)] = f
	}
	if !byName["0001_orders.py"].Written || byName["0002_items.py"].Written || byName["0002_items.py"].WriteError == "" {
		t.Errorf("per file: %+v %+v", byName["0001_orders.py"], byName["0002_items.py"])
	}
	if got, _ := os.ReadFile(byName["0001_orders.py"].Path); !strings.Contains(string(got), "checkfirst=True") {
		t.Error("the writable file was not written")
	}
}

// TestNoFixForAFileWithErrors: a file Python refuses (here a TabError, which
// tree-sitter accepts: it counts a tab as 8 columns) is a file error and is
// never fixed.
func TestNoFixForAFileWithErrors(t *testing.T) {
	src := strings.Replace(ordersRevision, "def downgrade():\n", "def downgrade():\n        op.execute(\"select 1\")\n", 1)
	src = strings.Replace(src, `    op.drop_table("orders")`, "\t"+`op.drop_table("orders")`, 1)
	proj := projectWith(t, map[string]string{"0001_orders.py": src})
	res, err := Compute(context.Background(), proj, Options{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Diff(proj.Root); d != "" {
		t.Errorf("diff:\n%s", d)
	}
	if errs := res.Remaining.Errors; len(errs) != 1 || !strings.Contains(errs[0].Error(), "0001_orders.py:24:1: syntax error: inconsistent use of tabs and spaces") {
		t.Errorf("file errors: %v", errs)
	}
}

// TestDiffHunkHeaders: a hunk after one that keeps the line count starts at
// the same line in both files (go-udiff 0.4.1 numbered the new side wrong,
// open-event-server's diff: @@ -66,9 +50,9 @@ after a 40-line hunk).
func TestDiffHunkHeaders(t *testing.T) {
	var before, after strings.Builder
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&before, "line %d\n", i)
		switch i {
		case 20, 21, 24, 25, 28, 70: // a hunk of three changes, then one more
			fmt.Fprintf(&after, "changed %d\n", i)
		default:
			fmt.Fprintf(&after, "line %d\n", i)
		}
	}
	root := t.TempDir()
	res := &Result{Files: []*File{{Path: filepath.Join(root, "x.py"), Before: []byte(before.String()), After: []byte(after.String())}}}
	diff := res.Diff(root)
	var headers []string
	for _, line := range strings.Split(diff, "\n") {
		if strings.HasPrefix(line, "@@") {
			headers = append(headers, line)
		}
	}
	if want := []string{"@@ -17,15 +17,15 @@", "@@ -67,7 +67,7 @@"}; !slices.Equal(headers, want) {
		t.Errorf("hunk headers %q, want %q:\n%s", headers, want, diff)
	}
}

// TestDiffPathsFromRepositoryTop: paths start at the repository holding the
// project, where git apply reads them (keep's alembic.ini sits below it).
func TestDiffPathsFromRepositoryTop(t *testing.T) {
	top := t.TempDir()
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(top, "api", "db")
	res := &Result{Files: []*File{{Path: filepath.Join(project, "migrations", "x.py"), Before: []byte("a\n"), After: []byte("b\n")}}}
	if diff := res.Diff(project); !strings.HasPrefix(diff, "--- a/api/db/migrations/x.py\n+++ b/api/db/migrations/x.py\n") {
		t.Errorf("diff:\n%s", diff)
	}
}
