//go:build unix

package inputfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo, zero := filepath.Join(dir, "x.py"), filepath.Join(dir, "zero.py")
	testenv.Mkfifo(t, fifo)
	testenv.SymlinkDevZero(t, zero)
	cases := []struct{ path, reason string }{
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{zero, "is a device, not a regular file"},
		{dir, "is a directory"},
	}
	for _, c := range cases {
		testenv.Within(t, 10*time.Second, c.path, func() {
			_, err := Read(c.path, 1<<20)
			if !errors.Is(err, ErrNotRegular) || !strings.HasPrefix(Reason(err), c.reason) || !strings.HasPrefix(err.Error(), c.path+": ") {
				t.Errorf("%s: %v", c.path, err)
			}
		})
	}
}

func TestReadLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.py")
	if err := os.WriteFile(path, make([]byte, 3000), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path, 2048); !errors.Is(err, ErrTooLarge) || Reason(err) != "is 3000 bytes, larger than the 2 KB limit" {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := Read(path, 3000); err != nil || len(data) != 3000 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "gone.py"), 10); !errors.Is(err, fs.ErrNotExist) || Reason(err) != "no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

// TestOpenLimitHoldsWhileReading: a file that grows after it was opened is
// still read no further than the limit.
func TestOpenLimitHoldsWhileReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "growing.py")
	if err := os.WriteFile(path, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.WriteFile(path, make([]byte, 5000), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	if !errors.Is(err, ErrTooLarge) || len(data) > 1001 {
		t.Errorf("read %d bytes, %v", len(data), err)
	}
}
