// Package inputfile reads the files a project hands us (revision files,
// alembic.ini, pyproject.toml, env.py, model modules, caches). Only regular
// files are read, always through a size limit: a FIFO would block the reader
// forever and a device such as /dev/zero never ends, so both are file errors.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// Sentinels under Error, for errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// Error is a file that was not read. Reason says why without the path, for
// callers that report per file.
type Error struct {
	Path   string
	Reason string
	Err    error
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }
func (e *Error) Unwrap() error { return e.Err }

// Reason is the reason of an *Error without its path, else err's text.
func Reason(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Reason
	}
	return err.Error()
}

// Read returns the content of the regular file at path (symlinks followed),
// at most limit bytes: a longer file is an error. The active Log records it.
func Read(path string, limit int64) ([]byte, error) {
	if active.Load() == nil {
		return readLimited(path, limit)
	}
	var seen Seen
	data, err := read(path, limit, &seen)
	recordRead(Access{Kind: ReadFile, Path: path, Limit: limit}, contentDigest(data, err), seen)
	return data, err
}

func readLimited(path string, limit int64) ([]byte, error) { return read(path, limit, nil) }

// read reads the file; seen, when given, gets the stamp of the file opened,
// taken before its bytes are read, unless it is racy.
func read(path string, limit int64, seen *Seen) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if seen != nil {
		now := time.Now().UnixNano()
		if stamp, ok := StampOf(f.info); ok && !stamp.Racy(now) {
			*seen = Seen{Stamp: stamp, Taken: now}
		}
	}
	// Sized from the stat, as os.ReadFile does (io.ReadAll's growing buffer
	// costs reading thousands of revision files several copies each); +1 for
	// the read that sees the end.
	data := make([]byte, 0, f.size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, wrap(path, err)
		}
	}
}

// File is an open regular file whose reads end with an *Error wrapping
// ErrTooLarge past the limit.
type File struct {
	f     *os.File
	path  string
	limit int64
	read  int64
	size  int64       // at open
	info  fs.FileInfo // of the file opened
}

// Open opens the regular file at path for reading at most limit bytes.
// Anything else is refused before it is opened (opening a device can have
// effects of its own); the open does not block should the file have turned
// into a FIFO since, and is checked again.
func Open(path string, limit int64) (*File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, wrap(path, err)
	}
	if err := acceptable(path, info, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, wrap(path, err)
	}
	if info, err = f.Stat(); err == nil {
		err = acceptable(path, info, limit)
	}
	if err != nil {
		f.Close()
		return nil, wrap(path, err)
	}
	return &File{f: f, path: path, limit: limit, size: info.Size(), info: info}, nil
}

func (f *File) Read(p []byte) (int, error) {
	if f.read > f.limit {
		return 0, f.tooLarge()
	}
	if rest := f.limit + 1 - f.read; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := f.f.Read(p)
	f.read += int64(n)
	if f.read > f.limit {
		return n, f.tooLarge()
	}
	return n, err
}

func (f *File) Close() error { return f.f.Close() }

func (f *File) tooLarge() error {
	return &Error{Path: f.path, Reason: "is larger than the " + size(f.limit) + " limit", Err: ErrTooLarge}
}

// acceptable refuses what is not a regular file of at most limit bytes.
func acceptable(path string, info fs.FileInfo, limit int64) error {
	mode := info.Mode()
	var what string
	switch {
	case mode.IsRegular():
		if info.Size() > limit {
			return &Error{Path: path, Reason: fmt.Sprintf("is %d bytes, larger than the %s limit", info.Size(), size(limit)), Err: ErrTooLarge}
		}
		return nil
	case mode.IsDir():
		return &Error{Path: path, Reason: "is a directory", Err: ErrNotRegular}
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return &Error{Path: path, Reason: "is " + what + ", not a regular file: only regular files are read", Err: ErrNotRegular}
}

// wrap turns an error of the os package into an *Error.
func wrap(path string, err error) error {
	if _, ok := errors.AsType[*Error](err); ok {
		return err
	}
	reason := err.Error()
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		reason = pe.Err.Error()
	}
	return &Error{Path: path, Reason: reason, Err: err}
}

func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}
