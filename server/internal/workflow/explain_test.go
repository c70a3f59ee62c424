package workflow

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

func shop(t *testing.T) *project.Project {
	t.Helper()
	proj, err := project.Find(filepath.Join("..", "..", "..", "examples", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

func TestExplain(t *testing.T) {
	ctx := context.Background()
	proj := shop(t)
	fk := "INFO  [alembic.runtime.migration] Running upgrade 4d5e6f7a8b06 -> 7f6e5d4c3b07, drop the library tables\n" +
		"sqlalchemy.exc.InternalError: (psycopg2.errors.DependentObjectsStillExist) cannot drop table authors because other objects depend on it\n" +
		"DETAIL:  constraint books_author_id_fkey on table books depends on table authors\n[SQL: DROP TABLE authors]\n"

	ex, err := Explain(ctx, proj, fk, "", check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ex.Inferred || ex.Target != "7f6e5d4c3b07" || len(ex.Findings) != 2 || ex.Findings[0].Rule != "fk-operation-order" {
		t.Fatalf("%+v", ex)
	}
	if txt := ex.Text(); !strings.Contains(txt, "checked 7f6e5d4c3b07 (the revision alembic was running): 2 matching findings, 0 others") {
		t.Errorf("text:\n%s", txt)
	}

	// an explicit target whose findings are of other rules
	ex, err = Explain(ctx, proj, fk, "8a4e5b6c7d02", check.Options{})
	if err != nil || ex.Inferred || len(ex.Findings) != 0 || ex.OtherFindings != 1 || len(ex.Notes) != 1 {
		t.Fatalf("%+v %v", ex, err)
	}
	// an explicit target that does not exist is an error; an inferred one a note
	if _, err := Explain(ctx, proj, fk, "nope", check.Options{}); err == nil {
		t.Error("no error for an unknown target")
	}
	ex, err = Explain(ctx, proj, strings.Replace(fk, "7f6e5d4c3b07", "0123abcd", 1), "", check.Options{})
	if err != nil || ex.Target != "" || len(ex.Notes) != 1 || !strings.Contains(ex.Notes[0], "0123abcd") {
		t.Errorf("%+v %v", ex, err)
	}
	// no project: diagnoses only; a target needs a project
	ex, err = Explain(ctx, nil, fk, "", check.Options{})
	if err != nil || len(ex.Diagnoses) != 1 || ex.Target != "" || ex.Findings == nil || ex.Notes == nil {
		t.Errorf("%+v %v", ex, err)
	}
	if _, err := Explain(ctx, nil, fk, "head", check.Options{}); err == nil {
		t.Error("a target without a project")
	}
}
