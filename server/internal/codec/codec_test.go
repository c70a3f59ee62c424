package codec_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/codec"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// entry is what the model cache stores of a parse.
type entry struct {
	Model *migration.Migration
	Err   *migration.FileError
}

// decoders are Decode and DecodeApart, which must read the same values.
var decoders = []struct {
	name   string
	decode func([]byte, any) error
	// apart: what it decodes shares nothing with the data
	apart bool
}{{"Decode", codec.Decode, false}, {"DecodeApart", codec.DecodeApart, true}}

// TestCodecRoundTrip decodes every rule fixture's model to a value equal to
// the parsed one, with the pointers the parse shares still shared; what
// DecodeApart decoded stays equal when the data is overwritten.
func TestCodecRoundTrip(t *testing.T) {
	for _, d := range decoders {
		t.Run(d.name, func(t *testing.T) { roundTrip(t, d.decode, d.apart) })
	}
}

func roundTrip(t *testing.T, decode func([]byte, any) error, apart bool) {
	batches := 0
	files, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*", "*.py"))
	if len(files) < 500 {
		t.Fatalf("%d fixture files: the fixtures moved?", len(files))
	}
	for _, f := range files {
		m, err := migration.ParseFile(context.Background(), f)
		want := entry{Model: m}
		if err != nil {
			want.Err = err.(*migration.FileError)
		}
		data, err := codec.Encode(&want)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var got entry
		if err := decode(data, &got); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if apart {
			clear(data)
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
	if batches == 0 {
		t.Error("no fixture has a batch operation: sharing was not tested")
	}
}

// TestCodecRefuses: a type the codec cannot write exactly is an error, never
// a lossy entry.
func TestCodecRefuses(t *testing.T) {
	type withInterface struct{ V any }
	type withFunc struct{ F func() }
	type hiddenFunc struct{ f func() }
	for _, v := range []any{&withInterface{1}, &withFunc{}, &hiddenFunc{f: func() {}}} {
		if _, err := codec.Encode(v); err == nil {
			t.Errorf("codec.Encode(%T) succeeded", v)
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
	data, err := codec.Encode(&entry{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range decoders {
		for n := range len(data) {
			var e entry
			if d.decode(data[:n], &e) == nil {
				t.Fatalf("%s: the first %d of %d bytes decoded", d.name, n, len(data))
			}
		}
	}
	var e entry
	if codec.Decode(append(data, 0), &e) == nil {
		t.Error("an entry with a byte appended decoded")
	}
}

// encodedProject encodes the models of a generated 300-revision project (with
// merges and batch blocks) as the cache stores them.
func encodedProject(b *testing.B) [][]byte {
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 300, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
	var out [][]byte
	for _, f := range files {
		m, err := migration.ParseFile(context.Background(), f)
		if err != nil {
			b.Fatal(err)
		}
		data, err := codec.Encode(&entry{Model: m})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkDecode decodes the 300 models of a generated project.
func BenchmarkDecode(b *testing.B) {
	entries := encodedProject(b)
	b.ReportAllocs()
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		for _, data := range entries {
			var e entry
			if err := codec.Decode(data, &e); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop()
}

// BenchmarkEncode encodes the 300 models of a generated project.
func BenchmarkEncode(b *testing.B) {
	var models []*entry
	for _, data := range encodedProject(b) {
		var e entry
		if err := codec.Decode(data, &e); err != nil {
			b.Fatal(err)
		}
		models = append(models, &e)
	}
	b.ReportAllocs()
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		for _, e := range models {
			if _, err := codec.Encode(e); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop()
}

// TestCodecArraysAndHiddenFields: arrays (of values and of pointers) and
// unexported fields round-trip, sharing kept.
func TestCodecArraysAndHiddenFields(t *testing.T) {
	type value struct {
		digest [4]byte
		names  [2]*string
		shared *string
	}
	s := "shared"
	want := &value{digest: [4]byte{1, 2, 3, 4}, names: [2]*string{&s, nil}, shared: &s}
	data, err := codec.Encode(&want)
	if err != nil {
		t.Fatal(err)
	}
	var got *value
	if err := codec.Decode(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || got.names[0] != got.shared {
		t.Errorf("decoded %+v, want %+v with one shared string", got, want)
	}
}

// TestEncodeIntoReusesScratch encodes values of several sizes through one
// scratch buffer: each encodes to the bytes Encode writes, and the buffer
// is used again once it has room.
func TestEncodeIntoReusesScratch(t *testing.T) {
	type value struct {
		Names []string
		Next  *value
	}
	big := &value{Names: []string{"a", "b", "c"}, Next: &value{Names: make([]string, 200)}}
	// end is the last byte of a slice's memory: the bytes encoded end where
	// the scratch buffer does
	end := func(b []byte) *byte { return &b[:cap(b)][cap(b)-1] }
	var scratch []byte
	var first *byte
	for i, v := range []*value{big, {Names: []string{"x"}}, big} {
		want, err := codec.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := codec.EncodeInto(&scratch, v)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("value %d: EncodeInto wrote %x, Encode %x", i, got, want)
		}
		if end(got) != end(scratch) {
			t.Fatalf("value %d: not encoded in the scratch buffer", i)
		}
		if i == 1 && end(scratch) != first {
			t.Fatalf("a smaller value after a larger one got a new buffer")
		}
		first = end(scratch)
		var back value
		if err := codec.Decode(got, &back); err != nil || !reflect.DeepEqual(&back, v) {
			t.Fatalf("value %d: decoded %+v, %v", i, back, err)
		}
	}
}
