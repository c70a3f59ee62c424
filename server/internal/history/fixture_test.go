package history

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestShopFixture loads testdata/shop: two labelled bases (core, billing), the
// billing base depending on the core label, enum types created three ways, and
// a merge with annotated headers and a non-hex id.
func TestShopFixture(t *testing.T) {
	dir := filepath.Join("testdata", "shop", "versions")
	files := project.FilesIn(dir)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	eq(t, "files", names, []string{"0001_users.py", "0002_orders.py", "1a2b3c4d5e6f_billing_base.py", "2b3c4d5e6f7a_invoice_status.py", "kilo.py"})

	loaded := Load(context.Background(), dir, files, nil)
	for _, e := range loaded.Errors {
		t.Errorf("load error: %v", e)
	}
	g := loaded.Graph
	eq(t, "heads", g.Heads, []string{"kilo"})
	eq(t, "bases", g.Bases, []string{"0001_users", "1a2b3c4d5e6f"})
	eq(t, "merges", g.Merges, []string{"kilo"})
	if len(g.BranchLabels) != 2 || g.BranchLabels["core"] != "0001_users" || g.BranchLabels["billing"] != "1a2b3c4d5e6f" {
		t.Errorf("labels = %v", g.BranchLabels)
	}
	checkSound(t, g)
	checkTopological(t, g)
	// the billing base depends_on the core branch, so it comes after 0001_users
	eq(t, "order", orderIDs(g), []string{"0001_users", "0002_orders", "1a2b3c4d5e6f", "2b3c4d5e6f7a", "kilo"})

	for spec, want := range map[string]string{"head": "kilo", "core@head": "kilo", "billing@head": "kilo", "billing": "1a2b3c4d5e6f", "0002": "0002_orders", "2b": "2b3c4d5e6f7a", "head-1": "0002_orders"} {
		got, err := g.Resolve(spec)
		if err != nil || len(got) != 1 || got[0].ID != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", spec, revIDs(got), err, want)
		}
	}
	eq(t, "descendants of billing", setKeys(g.Descendants("1a2b3c4d5e6f")), []string{"2b3c4d5e6f7a", "kilo"})
	eq(t, "ancestors of kilo", setKeys(g.Ancestors("kilo")), []string{"0001_users", "0002_orders", "1a2b3c4d5e6f", "2b3c4d5e6f7a"})

	var beforeKilo *State
	f := replayFacts{tables: map[string][]string{}, enums: map[string][]string{}}
	g.Replay(context.Background(), func(r *Revision, before *State) {
		f.tables[r.ID] = tableNames(before)
		f.enums[r.ID] = enumNames(before)
		if r.ID == "kilo" {
			beforeKilo = before.Clone()
		}
	})
	eq(t, "tables before 0002_orders", f.tables["0002_orders"], []string{"users"})
	// depends_on brings the core tables into the billing branch's schema, but not
	// the orders table of the core branch's later revision
	eq(t, "tables before 1a2b3c4d5e6f", f.tables["1a2b3c4d5e6f"], []string{"users"})
	eq(t, "tables before 2b3c4d5e6f7a", f.tables["2b3c4d5e6f7a"], []string{"invoices", "users"})
	eq(t, "enums before 2b3c4d5e6f7a", f.enums["2b3c4d5e6f7a"], []string{"user_role"})
	eq(t, "tables before kilo", f.tables["kilo"], []string{"invoices", "orders", "users"})
	eq(t, "enums before kilo", f.enums["kilo"], []string{"invoice_status", "order_status", "user_role"})

	wantEnum(t, beforeKilo, "invoice_status", []string{"draft", "sent", "void"}, "2b3c4d5e6f7a")
	wantEnum(t, beforeKilo, "order_status", []string{"new", "paid", "shipped"}, "0002_orders")
	wantEnum(t, beforeKilo, "user_role", []string{"admin", "member"}, "0001_users")
	eq(t, "users", columns(mustTable(t, beforeKilo, "users")), []string{"email NULL", "id NOT NULL", "role NOT NULL enum=user_role"})
	eq(t, "orders fks", fks(mustTable(t, beforeKilo, "orders")), []string{"orders_user_id_fkey(user_id)->users"})
	eq(t, "invoices", columns(mustTable(t, beforeKilo, "invoices")), []string{"id NOT NULL", "status NULL enum=invoice_status", "total_cents NOT NULL", "user_id NOT NULL"})
	eq(t, "referenced by users", sorted(beforeKilo.ReferencedBy("users")), []string{"invoices", "orders"})

	after := beforeKilo.Layer()
	kilo := g.Revisions["kilo"]
	for _, o := range kilo.Migration.Upgrade.Ops {
		after.Apply(kilo.Migration, o, kilo.ID)
	}
	eq(t, "users after kilo", columns(mustTable(t, after, "users")), []string{"email NOT NULL", "id NOT NULL", "role NOT NULL enum=user_role"})
	eq(t, "users before kilo, untouched", columns(mustTable(t, beforeKilo, "users")), []string{"email NULL", "id NOT NULL", "role NOT NULL enum=user_role"})
}
