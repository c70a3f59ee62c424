package naming

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

func TestRead(t *testing.T) {
	std := map[string]string{
		"ix": "ix_%(column_0_label)s",
		"uq": "uq_%(table_name)s_%(column_0_name)s",
		"ck": "ck_%(table_name)s_%(constraint_name)s",
		"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
		"pk": "pk_%(table_name)s",
	}
	tests := []struct {
		dir, scriptDir string
		want           *Convention
	}{
		// env.py -> app.models -> .db (a package) -> app.db.base: class Base(DeclarativeBase): metadata = metadata,
		// metadata = MetaData(naming_convention=NAMING_CONVENTION)
		{"env_import", "migrations", &Convention{Templates: std, Unknown: map[string]string{}, Source: "app/db/base.py:4", Via: "target_metadata"}},
		// db = SQLAlchemy(model_class=declarative_base()); db.Model.metadata.naming_convention = {... custom token}
		{"assigned", "migrations", &Convention{Templates: map[string]string{
			"fk": "fk_%(table_name)s_%(column_names)s_%(referred_table_name)s",
			"pk": "pk_%(table_name)s",
			"ck": "ck_%(table_name)s_%(constraint_name)s",
			"uq": "uq_%(table_name)s_%(column_names)s",
		}, Unknown: map[string]string{}, Custom: []string{"column_names"}, Source: "shop/core/db.py:9", Via: "target_metadata"}},
		// current_app...db.metadata cannot be followed: the one convention of the code (tests skipped)
		{"searched", "migrations", &Convention{Templates: map[string]string{
			"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
			"uq": "uq_%(table_name)s_%(column_0_name)s",
		}, Unknown: map[string]string{}, Source: "app/database.py:3", Via: "search"}},
		// SQLModel.metadata.naming_convention = dict(...), env.py reaches it through a subclass
		{"sqlmodel", "alembic", &Convention{Templates: map[string]string{
			"ix": "ix_%(column_0_label)s",
			"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
		}, Unknown: map[string]string{}, Source: "app/models/__init__.py:3", Via: "target_metadata"}},
		// declarative_base(metadata=MetaData(naming_convention=dict(<pairs>)))
		{"pairs", "pkg/alembic", &Convention{Templates: map[string]string{
			"pk": "%(table_name)s_pkey",
			"uq": "uq_%(table_name)s_%(column_0_N_name)s",
		}, Unknown: map[string]string{}, Source: "pkg/orm.py:4", Via: "target_metadata"}},
		// MetaData() without a convention: SQLAlchemy's default; another metadata's convention is not it
		{"none", "migrations", &Convention{Templates: map[string]string{"ix": "ix_%(column_0_label)s"}, Via: "default"}},
		// target_metadata set in both arms of a try/except ImportError, to metadata whose conventions differ:
		// the kinds named alike are known, the others unknown (the arm that runs is the deployed one's secret)
		{"branches", "migrations", &Convention{Templates: map[string]string{
			"fk": "fk_%(table_name)s_%(referred_table_name)s",
		}, Unknown: map[string]string{
			"uq": "env.py sets target_metadata to one of several MetaData whose naming conventions differ (app/__init__.py:4, app/models.py:4)",
		}, NamesKept: map[string]bool{"uq": true}, Source: "app/__init__.py:4, app/models.py:4", Via: "target_metadata"}},
		// two conventions and nothing tells which one: what they cover is unknown
		{"ambiguous", "migrations", &Convention{Unknown: map[string]string{
			"fk": "several naming conventions in the project's code (app/a.py:3, app/b.py:3)",
			"uq": "several naming conventions in the project's code (app/a.py:3, app/b.py:3)",
		}, Source: "app/a.py:3, app/b.py:3", Via: "search"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			root, _ := filepath.Abs(filepath.Join("testdata", tt.dir))
			got := Read(context.Background(), filepath.Join(root, tt.scriptDir), root, root)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
