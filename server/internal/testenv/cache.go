package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// DamagePacks flips bytes all over every pack of a cache directory (in
// entries, indexes and trailers) and returns how many packs it damaged.
func DamagePacks(t testing.TB, cacheDir string) int {
	t.Helper()
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*", "*.pack"))
	for _, p := range packs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(data); i += 7 {
			data[i] ^= 0x5a
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return len(packs)
}
