package pysyntax

import (
	"testing"
)

func TestDecodeMapped(t *testing.T) {
	text := "(\"a\\tb\"  # c\n r'\\x' f\"{x['}']}{{y}}\" '''q''')"
	m, ok := DecodeMapped(text, 100, "?")
	if !ok || m.Value != "a\tb\\x?{y}q" || m.Holes != 1 {
		t.Fatalf("DecodeMapped = %q, %d holes, ok %v", m.Value, m.Holes, ok)
	}
	// each byte points at where it is written: the tab at its escape, the hole at its brace
	for i, want := range map[int]byte{0: 'a', 1: '\\', 2: 'b', 3: '\\', 5: '{', 6: '{', 9: 'q'} {
		if got := text[m.Offsets[i]-100]; got != want {
			t.Errorf("byte %d of %q points at %q, want %q", i, m.Value, got, want)
		}
	}
	if m.Offsets[len(m.Value)] != 100+len(text) {
		t.Errorf("end offset %d", m.Offsets[len(m.Value)])
	}
	for _, bad := range []string{"x", "'unterminated", "'a' + 'b'"} {
		if _, ok := DecodeMapped(bad, 0, "?"); ok {
			t.Errorf("%q decoded", bad)
		}
	}
}

func TestDecodeMappedWith(t *testing.T) {
	known := func(name string) (string, bool) {
		return map[string]string{"t": "users", "n": "1"}[name], name == "t" || name == "n"
	}
	text := `f'DROP TYPE "{t}" {t!s} {n}{other} {t.upper()} {{t}}'`
	m, ok := DecodeMappedWith(text, 0, "?", known)
	if want := `DROP TYPE "users" users 1? ? {t}`; !ok || m.Value != want || m.Holes != 2 {
		t.Fatalf("DecodeMappedWith = %q, %d holes, ok %v; want %q, 2 holes", m.Value, m.Holes, ok, want)
	}
	if len(m.Offsets) != len(m.Value)+1 || text[m.Offsets[len(`DROP TYPE "`)]] != '{' {
		t.Errorf("offsets %v: a value must point at its interpolation", m.Offsets)
	}
}

func FuzzDecodeMapped(f *testing.F) {
	for _, s := range []string{`'a'`, `f"{a}{{"`, `rb'\'' "x"`, `'''a\''''`, `"\x4"`, `f'{"}"}'`, `(  'a'\` + "\n'b')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m, ok := DecodeMapped(text, 7, "_h_")
		if !ok {
			return
		}
		if len(m.Offsets) != len(m.Value)+1 {
			t.Fatalf("%d offsets for %d bytes", len(m.Offsets), len(m.Value))
		}
		for _, o := range m.Offsets {
			if o < 7 || o > 7+len(text) {
				t.Fatalf("offset %d outside the text [7, %d]", o, 7+len(text))
			}
		}
	})
}
