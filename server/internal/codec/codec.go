// Package codec writes values as compact byte strings and reads them back
// exactly, for the cache (see Encode).
package codec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The codec writes a value of concrete types (structs, pointers,
// arrays, slices, maps, strings, numbers, bools) as a compact byte string. Unlike
// gob it keeps the shape of the pointer graph: a pointer met twice (the *Batch
// of every op of one batch block, the call shared by a loop's iterations, the
// cycle from a batch back to its op) decodes to one shared value, and nil
// elements of slices and maps survive. It writes no type descriptions: a
// cache entry is read only by the build that wrote it (see Stamp), and a type
// the codec cannot write exactly (an interface, a func, a channel) makes
// encoding fail, so that such a value is never cached rather than cached
// wrongly. Unexported fields are written like the others (a replayed schema
// state keeps its persistent maps in them): the codec works on the memory
// layout, which the build stamp fixes.

// errCorrupt is any input the decoder cannot read back into a value.
var errCorrupt = errors.New("codec: corrupt entry")

type encoder struct {
	buf  []byte
	ptrs map[ptrKey]uint64
	// counts are the values of each arena type written (see arena)
	counts []int
}

type ptrKey struct {
	addr unsafe.Pointer
	typ  reflect.Type
}

type decoder struct {
	data   []byte
	str    string // data as one string: decoded strings share it
	pos    int
	ptrs   []decodedPtr
	arenas []arena
	// apart: every value in an allocation of its own, and strings and byte
	// slices copied (DecodeApart)
	apart bool
}

// decodedPtr is a pointer read so far, with its type: a later reference to
// it must be of the same type.
type decodedPtr struct {
	addr unsafe.Pointer
	typ  reflect.Type
}

// A codec writes and reads values of one type in place, at the address of
// the value: the plan for a type is made once, so reading a value costs no
// reflection beyond the allocations (a reflect.Value per field and element
// made decoding cost more than parsing the file again).
type codec struct {
	enc func(*encoder, unsafe.Pointer)
	dec func(*decoder, unsafe.Pointer) error
}

// An arena holds the values of one type that an entry points to or holds in
// slices: the encoder counts them and writes the counts first (after the
// number of pointers, for the decoder's table of them), and the
// decoder allocates them in one array per type (one allocation per value
// was most of the cost of decoding, with the garbage collection it caused).
// Its values live as long as the entry's model, as they would anyway.
type arena struct {
	next unsafe.Pointer
	left int
	size uintptr
	// values, when the decoder decodes apart: the type of a slice of the
	// values, made for each take
	values reflect.Type
}

// arenaOfType is an arena number with the type of its values.
type arenaOfType struct {
	number int
	slice  reflect.Type // of the values
}

var (
	codecsMu sync.Mutex
	codecs   = map[reflect.Type]*codec{}
	// arenaNumbers number the types values are allocated in arenas for.
	arenaNumbers = map[reflect.Type]int{}
	// layouts are, for each type encoded or decoded, the arenas its values
	// may use, in the order the counts are written.
	layouts = map[reflect.Type][]arenaOfType{}
)

// encoders keep their table of pointers between encodings (it grew from
// empty for each one); lastSize is the size of the last entry written, the
// room the next one starts with.
var (
	encoders sync.Pool
	lastSize atomic.Int64
)

// Encode writes v, which must be a pointer.
func Encode(v any) (data []byte, err error) { return EncodeInto(nil, v) }

// EncodeInto is Encode into the memory of *scratch (nil: new memory), for a
// caller that writes each value out before it encodes the next: the bytes
// returned are valid until the next call with the same scratch, which is
// left holding the buffer. A cold check allocated a buffer per model, a
// fifth of all it allocated.
func EncodeInto(scratch *[]byte, v any) (data []byte, err error) {
	rv := reflect.ValueOf(v)
	c, layout, arenas, err := codecOf(rv.Type())
	if err != nil {
		return nil, err
	}
	e, _ := encoders.Get().(*encoder)
	if e == nil {
		e = &encoder{ptrs: map[ptrKey]uint64{}}
	}
	defer func() {
		clear(e.ptrs)
		e.buf = nil
		encoders.Put(e)
	}()
	e.counts = append(e.counts[:0], make([]int, arenas)...)
	// the counts go before the values: room for them is left at the start,
	// and they are written right-aligned in it once known
	room := (1 + len(layout)) * binary.MaxVarintLen64
	if scratch != nil && cap(*scratch) >= room {
		e.buf = (*scratch)[:room]
	} else {
		e.buf = make([]byte, room, room+int(lastSize.Load())*5/4)
	}
	ptr := rv.UnsafePointer()
	c.enc(e, unsafe.Pointer(&ptr))
	if scratch != nil {
		*scratch = e.buf[:0]
	}
	var head []byte
	head = binary.AppendUvarint(head, uint64(len(e.ptrs)))
	for _, a := range layout {
		head = binary.AppendUvarint(head, uint64(e.counts[a.number]))
	}
	data = e.buf[room-len(head):]
	copy(data, head)
	lastSize.Store(int64(len(data)))
	return data, nil
}

// Decode reads data into v, a pointer to a value of the type encoded. The
// strings and byte slices decoded share data's bytes (a snapshot's stored
// tables were copied for nothing): data must not change afterwards, nor
// those byte slices.
func Decode(data []byte, v any) error { return decode(data, v, false) }

// DecodeApart is Decode for a value of which the caller will keep pieces
// after the rest is gone: each value pointed to or held in a slice gets an
// allocation of its own, and strings and byte slices are copies, so that a
// piece kept keeps nothing else alive (Decode's arrays and data would stay
// whole for one string). A replay's schema keeps column types and names of
// models it lets go of; it costs a cold check of 3,000 models nothing
// measurable.
func DecodeApart(data []byte, v any) error { return decode(data, v, true) }

func decode(data []byte, v any, apart bool) (err error) {
	rv := reflect.ValueOf(v)
	c, layout, arenas, err := codecOf(rv.Type())
	if err != nil {
		return err
	}
	d := &decoder{data: data, str: unsafe.String(unsafe.SliceData(data), len(data)), arenas: make([]arena, arenas), apart: apart}
	ptrs, err := d.uvarint()
	if err != nil || ptrs > uint64(len(data)) {
		return errCorrupt
	}
	d.ptrs = make([]decodedPtr, 0, ptrs)
	values := uint64(0)
	for _, a := range layout {
		n, err := d.uvarint()
		size := a.slice.Elem().Size()
		if size > 0 {
			values += n
		}
		if err != nil || n > uint64(len(data)) || values > uint64(len(data)) { // a value takes a byte at least
			return errCorrupt
		}
		switch {
		case n > 0 && apart:
			d.arenas[a.number] = arena{left: int(n), size: size, values: a.slice}
		case n > 0:
			d.arenas[a.number] = arena{next: reflect.MakeSlice(a.slice, int(n), int(n)).UnsafePointer(), left: int(n), size: size}
		}
	}
	tmp := reflect.New(rv.Type())
	if err := c.dec(d, tmp.UnsafePointer()); err != nil {
		return err
	}
	if d.pos != len(data) {
		return errCorrupt
	}
	for _, a := range d.arenas {
		if a.left != 0 {
			return errCorrupt // counts that the values do not use
		}
	}
	rv.Elem().Set(tmp.Elem().Elem())
	return nil
}

// codecOf builds (once per type) the functions that write and read t, and
// returns them with t's arenas and the number of arena types so far.
func codecOf(t reflect.Type) (c *codec, layout []arenaOfType, arenas int, err error) {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	c, err = build(t)
	if err != nil {
		return nil, nil, 0, err
	}
	layout, ok := layouts[t]
	if !ok {
		layout = arenasOf(t, map[reflect.Type]bool{}, nil)
		layouts[t] = layout
	}
	return c, layout, len(arenaNumbers), nil
}

// arenasOf appends the arenas of the values t may point to or hold in
// slices, walking its fields in order.
func arenasOf(t reflect.Type, seen map[reflect.Type]bool, out []arenaOfType) []arenaOfType {
	if seen[t] {
		return out
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		// byte slices are copied whole, not from an arena
		a, ok := arenaNumbers[t.Elem()]
		if ok && (t.Kind() == reflect.Pointer || t.Elem().Kind() != reflect.Uint8) &&
			!slices.ContainsFunc(out, func(o arenaOfType) bool { return o.number == a }) {
			out = append(out, arenaOfType{a, reflect.SliceOf(t.Elem())})
		}
		return arenasOf(t.Elem(), seen, out)
	case reflect.Map:
		return arenasOf(t.Elem(), seen, arenasOf(t.Key(), seen, out))
	case reflect.Array:
		return arenasOf(t.Elem(), seen, out)
	case reflect.Struct:
		for i := range t.NumField() {
			out = arenasOf(t.Field(i).Type, seen, out)
		}
	}
	return out
}

// arenaOf numbers the arena of a type's values.
func arenaOf(t reflect.Type) int {
	if a, ok := arenaNumbers[t]; ok {
		return a
	}
	a := len(arenaNumbers)
	arenaNumbers[t] = a
	return a
}

// take returns room for n values of arena a.
func (d *decoder) take(a, n int) (unsafe.Pointer, error) {
	ar := &d.arenas[a]
	if n > ar.left {
		return nil, errCorrupt
	}
	if ar.values != nil {
		ar.left -= n
		return reflect.MakeSlice(ar.values, n, n).UnsafePointer(), nil
	}
	p := ar.next
	ar.left -= n
	if ar.left > 0 { // never past the end of the array
		ar.next = unsafe.Add(ar.next, uintptr(n)*ar.size)
	}
	return p, nil
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
		c.enc = func(e *encoder, p unsafe.Pointer) { e.bool(*(*bool)(p)) }
		c.dec = func(d *decoder, p unsafe.Pointer) error {
			b, err := d.byte()
			if b > 1 {
				return errCorrupt
			}
			*(*bool)(p) = b == 1
			return err
		}
	case reflect.Int:
		signed[int](c)
	case reflect.Int8:
		signed[int8](c)
	case reflect.Int16:
		signed[int16](c)
	case reflect.Int32:
		signed[int32](c)
	case reflect.Int64:
		signed[int64](c)
	case reflect.Uint:
		unsigned[uint](c)
	case reflect.Uint8:
		unsigned[uint8](c)
	case reflect.Uint16:
		unsigned[uint16](c)
	case reflect.Uint32:
		unsigned[uint32](c)
	case reflect.Uint64:
		unsigned[uint64](c)
	case reflect.Float32:
		float[float32](c)
	case reflect.Float64:
		float[float64](c)
	case reflect.String:
		c.enc = func(e *encoder, p unsafe.Pointer) {
			s := *(*string)(p)
			e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
			e.buf = append(e.buf, s...)
		}
		c.dec = func(d *decoder, p unsafe.Pointer) error {
			s, err := d.string()
			*(*string)(p) = s
			return err
		}
	case reflect.Pointer:
		return fillPointer(c, t)
	case reflect.Slice:
		return fillSlice(c, t)
	case reflect.Array:
		return fillArray(c, t)
	case reflect.Map:
		return fillMap(c, t)
	case reflect.Struct:
		return fillStruct(c, t)
	default:
		return fmt.Errorf("codec: cannot encode %s (%s)", t, t.Kind())
	}
	return nil
}

// signed writes an integer type as a varint; reading one that does not fit
// the type is corrupt.
func signed[T int | int8 | int16 | int32 | int64](c *codec) {
	c.enc = func(e *encoder, p unsafe.Pointer) { e.buf = binary.AppendVarint(e.buf, int64(*(*T)(p))) }
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		n, err := d.varint()
		if err == nil && int64(T(n)) != n {
			err = errCorrupt
		}
		*(*T)(p) = T(n)
		return err
	}
}

// unsigned is signed for unsigned integer types.
func unsigned[T uint | uint8 | uint16 | uint32 | uint64](c *codec) {
	c.enc = func(e *encoder, p unsafe.Pointer) { e.buf = binary.AppendUvarint(e.buf, uint64(*(*T)(p))) }
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		n, err := d.uvarint()
		if err == nil && uint64(T(n)) != n {
			err = errCorrupt
		}
		*(*T)(p) = T(n)
		return err
	}
}

// float writes a float type as the 8 bytes of its float64 value.
func float[T float32 | float64](c *codec) {
	c.enc = func(e *encoder, p unsafe.Pointer) {
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(float64(*(*T)(p))))
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		b, err := d.bytes(8)
		if err == nil {
			*(*T)(p) = T(math.Float64frombits(binary.LittleEndian.Uint64(b)))
		}
		return err
	}
}

// A pointer is 0 (nil), the number of a pointer written before (1 + its
// index), or 1 + the next index followed by the value.
func fillPointer(c *codec, t reflect.Type) error {
	elem, err := build(t.Elem())
	if err != nil {
		return err
	}
	a := arenaOf(t.Elem())
	c.enc = func(e *encoder, p unsafe.Pointer) {
		ptr := *(*unsafe.Pointer)(p)
		if ptr == nil {
			e.buf = append(e.buf, 0)
			return
		}
		k := ptrKey{ptr, t}
		if id, ok := e.ptrs[k]; ok {
			e.buf = binary.AppendUvarint(e.buf, id+1)
			return
		}
		id := uint64(len(e.ptrs))
		e.ptrs[k] = id
		e.counts[a]++
		e.buf = binary.AppendUvarint(e.buf, id+1)
		elem.enc(e, ptr)
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		n, err := d.uvarint()
		switch {
		case err != nil:
			return err
		case n == 0:
			return nil
		case n-1 < uint64(len(d.ptrs)):
			earlier := d.ptrs[n-1]
			if earlier.typ != t {
				return errCorrupt
			}
			*(*unsafe.Pointer)(p) = earlier.addr
			return nil
		case n-1 != uint64(len(d.ptrs)):
			return errCorrupt
		}
		ptr, err := d.take(a, 1)
		if err != nil {
			return err
		}
		d.ptrs = append(d.ptrs, decodedPtr{ptr, t})
		*(*unsafe.Pointer)(p) = ptr
		return elem.dec(d, ptr)
	}
	return nil
}

// sliceHeader is the layout of every slice (reflect.SliceHeader without its
// deprecation: the data pointer stays a pointer for the garbage collector).
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// empty is where empty slices point (any address but nil).
var empty [0]uint64

// A slice is 0 (nil) or 1 + its length, then the elements.
func fillSlice(c *codec, t reflect.Type) error {
	if t.Elem().Kind() == reflect.Uint8 {
		c.enc = func(e *encoder, p unsafe.Pointer) {
			b := *(*[]byte)(p)
			if e.nilOrLen(b == nil, len(b)) {
				e.buf = append(e.buf, b...)
			}
		}
		c.dec = func(d *decoder, p unsafe.Pointer) error {
			n, ok, err := d.nilOrLen(1)
			if err != nil || !ok {
				return err
			}
			b, err := d.bytes(n)
			if d.apart {
				b = slices.Clone(b)
			}
			*(*[]byte)(p) = b[:len(b):len(b)] // shared, like strings: an append copies
			return err
		}
		return nil
	}
	elem, err := build(t.Elem())
	if err != nil {
		return err
	}
	a, size := arenaOf(t.Elem()), t.Elem().Size()
	c.enc = func(e *encoder, p unsafe.Pointer) {
		s := (*sliceHeader)(p)
		if e.nilOrLen(s.data == nil, s.len) {
			e.counts[a] += s.len
			for i := range s.len {
				elem.enc(e, unsafe.Add(s.data, uintptr(i)*size))
			}
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		n, ok, err := d.nilOrLen(1)
		if err != nil || !ok {
			return err
		}
		data := unsafe.Pointer(&empty)
		if n > 0 {
			if data, err = d.take(a, n); err != nil {
				return err
			}
		}
		*(*sliceHeader)(p) = sliceHeader{data, n, n}
		for i := range n {
			if err := elem.dec(d, unsafe.Add(data, uintptr(i)*size)); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// An array is its elements.
func fillArray(c *codec, t reflect.Type) error {
	if t.Elem().Kind() == reflect.Uint8 {
		// digests: their bytes as they are, not a varint each
		n := t.Len()
		c.enc = func(e *encoder, p unsafe.Pointer) { e.buf = append(e.buf, unsafe.Slice((*byte)(p), n)...) }
		c.dec = func(d *decoder, p unsafe.Pointer) error {
			b, err := d.bytes(n)
			copy(unsafe.Slice((*byte)(p), n), b)
			return err
		}
		return nil
	}
	elem, err := build(t.Elem())
	if err != nil {
		return err
	}
	n, size := t.Len(), t.Elem().Size()
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for i := range n {
			elem.enc(e, unsafe.Add(p, uintptr(i)*size))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		for i := range n {
			if err := elem.dec(d, unsafe.Add(p, uintptr(i)*size)); err != nil {
				return err
			}
		}
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
	c.enc = func(e *encoder, p unsafe.Pointer) {
		m := reflect.NewAt(t, p).Elem()
		if e.nilOrLen(m.IsNil(), m.Len()) && m.Len() > 0 {
			k, x := reflect.New(t.Key()), reflect.New(t.Elem())
			for it := m.MapRange(); it.Next(); {
				k.Elem().SetIterKey(it)
				x.Elem().SetIterValue(it)
				key.enc(e, k.UnsafePointer())
				val.enc(e, x.UnsafePointer())
			}
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		n, ok, err := d.nilOrLen(2)
		if err != nil || !ok {
			return err
		}
		m := reflect.MakeMapWithSize(t, n)
		var k, x reflect.Value
		if n > 0 {
			k, x = reflect.New(t.Key()), reflect.New(t.Elem())
		}
		for range n {
			k.Elem().SetZero()
			x.Elem().SetZero()
			if err := key.dec(d, k.UnsafePointer()); err != nil {
				return err
			}
			if err := val.dec(d, x.UnsafePointer()); err != nil {
				return err
			}
			m.SetMapIndex(k.Elem(), x.Elem())
		}
		if m.Len() != n {
			return errCorrupt // a key twice
		}
		reflect.NewAt(t, p).Elem().Set(m)
		return nil
	}
	return nil
}

// A struct is its fields in order.
func fillStruct(c *codec, t reflect.Type) error {
	type field struct {
		off uintptr
		c   *codec
	}
	fields := make([]field, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		fc, err := build(f.Type)
		if err != nil {
			return err
		}
		fields[i] = field{f.Offset, fc}
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for _, f := range fields {
			f.c.enc(e, unsafe.Add(p, f.off))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) error {
		for _, f := range fields {
			if err := f.c.dec(d, unsafe.Add(p, f.off)); err != nil {
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
func (e *encoder) nilOrLen(isNil bool, n int) bool {
	if isNil {
		e.buf = append(e.buf, 0)
		return false
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(n)+1)
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
	if d.apart {
		return strings.Clone(d.str[d.pos-int(n) : d.pos]), nil
	}
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
