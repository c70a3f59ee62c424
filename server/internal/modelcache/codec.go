package modelcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"
	"unsafe"
)

// The codec writes a value of exported, concrete types (structs, pointers,
// slices, maps, strings, numbers, bools) as a compact byte string. Unlike
// gob it keeps the shape of the pointer graph: a pointer met twice (the *Batch
// of every op of one batch block, the call shared by a loop's iterations, the
// cycle from a batch back to its op) decodes to one shared value, and nil
// elements of slices and maps survive. It writes no type descriptions: a
// cache entry is read only by the build that wrote it (see Stamp), and a type
// the codec cannot write exactly (an interface, a func, a channel, an
// unexported field) makes encoding fail, so that such a model is never
// cached rather than cached wrongly.

// errCorrupt is any input the decoder cannot read back into a value.
var errCorrupt = errors.New("modelcache: corrupt entry")

type encoder struct {
	buf  []byte
	ptrs map[ptrKey]uint64
}

type ptrKey struct {
	addr unsafe.Pointer
	typ  reflect.Type
}

type decoder struct {
	data []byte
	str  string // data as one string: decoded strings share it
	pos  int
	ptrs []reflect.Value
}

type codec struct {
	enc func(*encoder, reflect.Value)
	dec func(*decoder, reflect.Value) error
}

var (
	codecsMu sync.Mutex
	codecs   = map[reflect.Type]*codec{}
)

// encode writes v, which must be a pointer.
func encode(v any) (data []byte, err error) {
	rv := reflect.ValueOf(v)
	c, err := codecOf(rv.Type())
	if err != nil {
		return nil, err
	}
	e := &encoder{ptrs: map[ptrKey]uint64{}}
	c.enc(e, rv)
	return e.buf, nil
}

// decode reads data into v, a pointer to a value of the type encoded.
func decode(data []byte, v any) (err error) {
	rv := reflect.ValueOf(v)
	c, err := codecOf(rv.Type())
	if err != nil {
		return err
	}
	defer func() {
		// Only reflect can panic on bytes the checks below let through (e.g. a
		// value of the wrong kind for a map key); such an entry is corrupt.
		if recover() != nil {
			err = errCorrupt
		}
	}()
	d := &decoder{data: data, str: string(data)}
	tmp := reflect.New(rv.Type()).Elem()
	if err := c.dec(d, tmp); err != nil {
		return err
	}
	if d.pos != len(data) {
		return errCorrupt
	}
	rv.Elem().Set(tmp.Elem())
	return nil
}

// codecOf builds (once per type) the functions that write and read t.
func codecOf(t reflect.Type) (*codec, error) {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	return build(t)
}

func build(t reflect.Type) (*codec, error) {
	if c, ok := codecs[t]; ok {
		return c, nil
	}
	c := &codec{}
	codecs[t] = c // recursive types refer to c before it is filled in
	if err := fill(c, t); err != nil {
		delete(codecs, t)
		return nil, err
	}
	return c, nil
}

func fill(c *codec, t reflect.Type) error {
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, v reflect.Value) { e.bool(v.Bool()) }
		c.dec = func(d *decoder, v reflect.Value) error {
			b, err := d.byte()
			if b > 1 {
				return errCorrupt
			}
			v.SetBool(b == 1)
			return err
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(e *encoder, v reflect.Value) { e.buf = binary.AppendVarint(e.buf, v.Int()) }
		c.dec = func(d *decoder, v reflect.Value) error {
			n, err := d.varint()
			if err == nil && v.OverflowInt(n) {
				err = errCorrupt
			}
			v.SetInt(n)
			return err
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		c.enc = func(e *encoder, v reflect.Value) { e.buf = binary.AppendUvarint(e.buf, v.Uint()) }
		c.dec = func(d *decoder, v reflect.Value) error {
			n, err := d.uvarint()
			if err == nil && v.OverflowUint(n) {
				err = errCorrupt
			}
			v.SetUint(n)
			return err
		}
	case reflect.Float32, reflect.Float64:
		c.enc = func(e *encoder, v reflect.Value) {
			e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			b, err := d.bytes(8)
			if err == nil {
				v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b)))
			}
			return err
		}
	case reflect.String:
		c.enc = func(e *encoder, v reflect.Value) {
			e.buf = binary.AppendUvarint(e.buf, uint64(v.Len()))
			e.buf = append(e.buf, v.String()...)
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			s, err := d.string()
			v.SetString(s)
			return err
		}
	case reflect.Pointer:
		return fillPointer(c, t)
	case reflect.Slice:
		return fillSlice(c, t)
	case reflect.Map:
		return fillMap(c, t)
	case reflect.Struct:
		return fillStruct(c, t)
	default:
		return fmt.Errorf("modelcache: cannot encode %s (%s)", t, t.Kind())
	}
	return nil
}

// A pointer is 0 (nil), the number of a pointer written before (1 + its
// index), or 1 + the next index followed by the value.
func fillPointer(c *codec, t reflect.Type) error {
	elem, err := build(t.Elem())
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, v reflect.Value) {
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return
		}
		k := ptrKey{v.UnsafePointer(), t}
		if id, ok := e.ptrs[k]; ok {
			e.buf = binary.AppendUvarint(e.buf, id+1)
			return
		}
		id := uint64(len(e.ptrs))
		e.ptrs[k] = id
		e.buf = binary.AppendUvarint(e.buf, id+1)
		elem.enc(e, v.Elem())
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		n, err := d.uvarint()
		switch {
		case err != nil:
			return err
		case n == 0:
			return nil
		case n-1 < uint64(len(d.ptrs)):
			p := d.ptrs[n-1]
			if p.Type() != t {
				return errCorrupt
			}
			v.Set(p)
			return nil
		case n-1 != uint64(len(d.ptrs)):
			return errCorrupt
		}
		p := reflect.New(t.Elem())
		d.ptrs = append(d.ptrs, p)
		v.Set(p)
		return elem.dec(d, p.Elem())
	}
	return nil
}

// A slice is 0 (nil) or 1 + its length, then the elements.
func fillSlice(c *codec, t reflect.Type) error {
	if t.Elem().Kind() == reflect.Uint8 {
		c.enc = func(e *encoder, v reflect.Value) {
			if e.nilOrLen(v) {
				e.buf = append(e.buf, v.Bytes()...)
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			n, ok, err := d.nilOrLen(1)
			if err != nil || !ok {
				return err
			}
			b, err := d.bytes(n)
			v.SetBytes(append(make([]byte, 0, n), b...))
			return err
		}
		return nil
	}
	elem, err := build(t.Elem())
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, v reflect.Value) {
		if e.nilOrLen(v) {
			for i := range v.Len() {
				elem.enc(e, v.Index(i))
			}
		}
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		n, ok, err := d.nilOrLen(1)
		if err != nil || !ok {
			return err
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			if err := elem.dec(d, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	return nil
}

// A map is 0 (nil) or 1 + its length, then the keys and values.
func fillMap(c *codec, t reflect.Type) error {
	key, err := build(t.Key())
	if err != nil {
		return err
	}
	val, err := build(t.Elem())
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, v reflect.Value) {
		if e.nilOrLen(v) {
			for it := v.MapRange(); it.Next(); {
				key.enc(e, it.Key())
				val.enc(e, it.Value())
			}
		}
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		n, ok, err := d.nilOrLen(2)
		if err != nil || !ok {
			return err
		}
		m := reflect.MakeMapWithSize(t, n)
		k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for range n {
			k.SetZero()
			x.SetZero()
			if err := key.dec(d, k); err != nil {
				return err
			}
			if err := val.dec(d, x); err != nil {
				return err
			}
			m.SetMapIndex(k, x)
		}
		if m.Len() != n {
			return errCorrupt // a key twice
		}
		v.Set(m)
		return nil
	}
	return nil
}

// A struct is its fields in order.
func fillStruct(c *codec, t reflect.Type) error {
	fields := make([]*codec, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			return fmt.Errorf("modelcache: cannot encode the unexported field %s.%s", t, f.Name)
		}
		fc, err := build(f.Type)
		if err != nil {
			return err
		}
		fields[i] = fc
	}
	c.enc = func(e *encoder, v reflect.Value) {
		for i, f := range fields {
			f.enc(e, v.Field(i))
		}
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		for i, f := range fields {
			if err := f.dec(d, v.Field(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

// nilOrLen writes 0 for a nil slice or map, else 1 + its length, and says
// whether elements follow.
func (e *encoder) nilOrLen(v reflect.Value) bool {
	if v.IsNil() {
		e.buf = append(e.buf, 0)
		return false
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(v.Len())+1)
	return true
}

func (d *decoder) byte() (byte, error) {
	if d.pos >= len(d.data) {
		return 0, errCorrupt
	}
	d.pos++
	return d.data[d.pos-1], nil
}

func (d *decoder) varint() (int64, error) {
	n, size := binary.Varint(d.data[d.pos:])
	if size <= 0 {
		return 0, errCorrupt
	}
	d.pos += size
	return n, nil
}

func (d *decoder) uvarint() (uint64, error) {
	n, size := binary.Uvarint(d.data[d.pos:])
	if size <= 0 {
		return 0, errCorrupt
	}
	d.pos += size
	return n, nil
}

func (d *decoder) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(d.data)-d.pos {
		return nil, errCorrupt
	}
	d.pos += n
	return d.data[d.pos-n : d.pos], nil
}

func (d *decoder) string() (string, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(len(d.data)-d.pos) {
		return "", errCorrupt
	}
	d.pos += int(n)
	return d.str[d.pos-int(n) : d.pos], nil
}

// nilOrLen reads what encoder.nilOrLen wrote; a length that the remaining
// bytes cannot hold (each element takes at least min bytes) is corrupt, so
// that a damaged length never allocates much.
func (d *decoder) nilOrLen(min int) (n int, ok bool, err error) {
	u, err := d.uvarint()
	if err != nil || u == 0 {
		return 0, false, err
	}
	if u-1 > uint64((len(d.data)-d.pos)/min) {
		return 0, false, errCorrupt
	}
	return int(u - 1), true, nil
}
