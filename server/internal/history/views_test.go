package history

import (
	"slices"
	"testing"
)

func TestViewsFollowTheirTables(t *testing.T) {
	s := NewState()
	applyUpgrade(t, s, "a1", step{up: `op.create_table("orders", sa.Column("id", sa.Integer()))
op.execute("CREATE TABLE items (id int)")
op.execute("CREATE VIEW open_orders AS SELECT o.id FROM public.orders o JOIN items i ON i.id = o.id")
op.execute("CREATE MATERIALIZED VIEW order_stats AS SELECT count(*) FROM open_orders")
op.execute("CREATE VIEW unrelated AS SELECT 1")`})
	if got := s.ViewsOn("orders"); !slices.Equal(got, []string{"open_orders"}) {
		t.Errorf("views on orders: %q", got)
	}
	if got := s.ViewsOn("open_orders"); !slices.Equal(got, []string{"order_stats"}) {
		t.Errorf("views on open_orders: %q", got)
	}

	// a rename keeps the dependency, under the new name; ALTER TABLE renames views too
	applyUpgrade(t, s, "b2", step{up: `op.rename_table("orders", "purchases")
op.execute("ALTER TABLE open_orders RENAME TO open_purchases")`})
	if got := s.ViewsOn("purchases"); !slices.Equal(got, []string{"open_purchases"}) {
		t.Errorf("views on purchases after the renames: %q", got)
	}
	if s.View("open_orders") != nil || s.View("open_purchases") == nil || !slices.Equal(s.ViewsOn("open_purchases"), []string{"order_stats"}) {
		t.Errorf("the view was not renamed with the views reading it: %q", s.ViewsOn("open_purchases"))
	}

	// dropping a table drops the views reading it, and the views reading those
	applyUpgrade(t, s, "c3", step{up: `op.execute("DROP TABLE items CASCADE")`})
	if s.View("open_purchases") != nil || s.View("order_stats") != nil || s.View("unrelated") == nil {
		t.Errorf("after DROP TABLE items CASCADE: open_purchases %v, order_stats %v, unrelated %v",
			s.View("open_purchases"), s.View("order_stats"), s.View("unrelated"))
	}
	applyUpgrade(t, s, "d4", step{up: `op.execute("ALTER VIEW unrelated RENAME TO other; DROP VIEW other")`})
	if s.View("unrelated") != nil || s.View("other") != nil {
		t.Error("ALTER VIEW ... RENAME and DROP VIEW are not followed")
	}
}
