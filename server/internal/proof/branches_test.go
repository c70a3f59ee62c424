package proof

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBranchesAddSameEnumValue: two branches add the same enum value and are
// merged (testdata/scenarios/q). enum-value-added-twice reports both
// revisions as errors; a fresh database fails to upgrade with the error the
// message announces; after `fix` (IF NOT EXISTS) it upgrades, with the value
// once.
func TestBranchesAddSameEnumValue(t *testing.T) {
	tl := getTools(t, true)
	binary(t)
	db := tl.newDatabase(t, "q")
	p := newProject(t, tl, "q", db)
	versions := testdata(t, "scenarios", "q", "versions")
	entries, err := os.ReadDir(versions)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p.write(filepath.Join(p.dir, "alembic", "versions", e.Name()), p.read(filepath.Join(versions, e.Name())))
	}
	const announced = `enum label "refunded" already exists`
	branches := []string{p.revisionFile("0002a"), p.revisionFile("0002b")}
	for _, file := range branches {
		doc, res := checkFile(t, p.dir, file, "")
		if doc == nil {
			t.Fatalf("check failed:\n%s", res)
		}
		found := findingsOf(doc, "enum-value-added-twice", strings.SplitN(filepath.Base(file), "_", 2)[0])
		if len(found) != 1 || found[0].Severity != "error" || !strings.Contains(found[0].Help, announced) || found[0].Fix == nil || found[0].Fix.Safety != "safe" {
			t.Fatalf("%s: want one error of enum-value-added-twice announcing %q with a safe fix, got:\n%s", filepath.Base(file), announced, describe(doc))
		}
	}

	res := p.alembic(alembicOpts{}, "upgrade", "head")
	if res.err == nil || !strings.Contains(res.output, announced) || !strings.Contains(res.output, "psycopg2.errors.DuplicateObject") {
		t.Fatalf("upgrade head on a fresh database: want it to fail with %q, got:\n%s", announced, res)
	}

	for _, file := range branches {
		if res := fixFile(t, p.dir, file, false); res.err != nil {
			t.Fatalf("fix %s:\n%s", filepath.Base(file), res)
		}
		if doc, res := checkFile(t, p.dir, file, ""); doc == nil || len(findingsOf(doc, "enum-value-added-twice", strings.SplitN(filepath.Base(file), "_", 2)[0])) > 0 {
			t.Fatalf("after the fix, %s is still reported (or check failed):\n%s", filepath.Base(file), res)
		}
	}
	db.reset(t)
	if res := p.alembic(alembicOpts{}, "upgrade", "head"); res.err != nil {
		t.Fatalf("upgrade head after the fix:\n%s", res)
	}
	got, err := db.query(`SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'order_status'`)
	if err != nil || got[0] != "new,paid,refunded" {
		t.Errorf("order_status after the fixed upgrade: %v (%v), want new,paid,refunded", got, err)
	}
	if res := p.alembic(alembicOpts{}, "downgrade", "base"); res.err != nil {
		t.Errorf("downgrade base after the fix:\n%s", res)
	}
}
