package modelcache

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// TestCodecRoundTrip decodes every rule fixture's model to a value equal to
// the parsed one, with the pointers the parse shares still shared.
func TestCodecRoundTrip(t *testing.T) {
	batches := 0
	for _, dir := range fixtureDirs(t) {
		files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
		for _, f := range files {
			m, err := migration.ParseFile(context.Background(), f)
			want := entry{Model: m}
			if err != nil {
				want.Err = err.(*migration.FileError)
			}
			data, err := encode(&want)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			var got entry
			if err := decode(data, &got); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: the decoded model differs from the parsed one", f)
			}
			if m == nil || m.Upgrade == nil {
				continue
			}
			for i, op := range m.Upgrade.Ops {
				dop := got.Model.Upgrade.Ops[i]
				if op.Batch == nil {
					continue
				}
				batches++
				if dop.Batch.Op != nil && op.Batch.Op != nil && (dop.Batch.Op == dop) != (op.Batch.Op == op) {
					t.Errorf("%s: op %d: the batch's call is no longer the op itself", f, i)
				}
				for j, other := range m.Upgrade.Ops {
					if other.Batch == op.Batch && got.Model.Upgrade.Ops[j].Batch != dop.Batch {
						t.Errorf("%s: ops %d and %d share a batch, decoded they do not", f, i, j)
					}
				}
			}
		}
	}
	if batches == 0 {
		t.Error("no fixture has a batch operation: sharing was not tested")
	}
}

// TestCodecRefuses: a type the codec cannot write exactly is an error, never
// a lossy entry.
func TestCodecRefuses(t *testing.T) {
	type hidden struct{ a int }
	type withInterface struct{ V any }
	type withFunc struct{ F func() }
	for _, v := range []any{&hidden{1}, &withInterface{1}, &withFunc{}} {
		if _, err := encode(v); err == nil {
			t.Errorf("encode(%T) succeeded", v)
		}
	}
}

// TestDecodeRejectsDamage: every truncation of an entry, and bytes appended,
// fail to decode rather than yield a different value.
func TestDecodeRejectsDamage(t *testing.T) {
	m, err := migration.ParseFile(context.Background(), "../rules/testdata/add-required-column/batch_typed/7f8e9d0c1b2a_account_fields.py")
	if err != nil {
		t.Fatal(err)
	}
	data, err := encode(&entry{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		var e entry
		if decode(data[:n], &e) == nil {
			t.Fatalf("the first %d of %d bytes decoded", n, len(data))
		}
	}
	var e entry
	if decode(append(data, 0), &e) == nil {
		t.Error("an entry with a byte appended decoded")
	}
}
