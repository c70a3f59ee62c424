package fix

import (
	"context"
	"strings"
	"testing"
)

// TestWriteErrorsAreProse: files that could not be written were reported as
// a Go slice ("[a changed ... b changed ...]"); each is now a line of its own.
func TestWriteErrorsAreProse(t *testing.T) {
	second := strings.NewReplacer(`"0001"`, `"0002"`, "down_revision = None", `down_revision = "0001"`, `"orders"`, `"invoices"`, "status_type", "invoice_status").Replace(ordersRevision)
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision, "0002_invoices.py": second})
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 {
		t.Fatalf("%d files to fix, want 2", len(res.Files))
	}
	for _, f := range res.Files {
		write(t, f.Path, string(f.Before)+"\n# edited by someone else meanwhile\n")
	}
	err = res.Write()
	if err == nil || strings.ContainsAny(err.Error(), "[]") || strings.Count(err.Error(), "changed since it was read") != 2 {
		t.Fatalf("error: %v", err)
	}
}
