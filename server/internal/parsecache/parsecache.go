// Package parsecache is what the MCP server's in-memory parse cache (kept for
// its life) and its result memo (which fingerprints the same stamps) share. A parsed
// file is taken as unchanged while its size and modification time are those
// it was parsed with, as git's index does, except a file modified so recently
// that a same-size rewrite could share its timestamp.
package parsecache

import (
	"context"
	"io/fs"
	"os"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// RacyWindow: a file modified this recently may be modified again within the
// same timestamp tick with the same size, so its stamp is not trusted.
const RacyWindow = 2 * time.Second

// Stamp is a file's size and modification time.
type Stamp struct {
	Size    int64
	ModTime int64 // UnixNano
}

// StampOf is the stamp of a stat result.
func StampOf(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// Stat returns the stamp of a regular file; false for anything else or an
// error.
func Stat(path string) (Stamp, bool) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, false
	}
	return StampOf(info), true
}

// Racy reports whether the file was modified within RacyWindow of now: its
// stamp does not prove it unchanged.
func (s Stamp) Racy(now time.Time) bool {
	return now.Sub(time.Unix(0, s.ModTime)) < RacyWindow
}

// Parse parses the file whose stamp before reading was before with parse
// (nil: migration.ParseFile), and reports whether the result may be kept
// under that stamp: the parse was not cancelled, the file did not change
// while it was read, and it is not racy at now.
func Parse(ctx context.Context, path string, before Stamp, now time.Time,
	parse func(context.Context, string) (*migration.Migration, error)) (m *migration.Migration, keep bool, err error) {
	if parse == nil {
		parse = migration.ParseFile
	}
	m, err = parse(ctx, path)
	if ctx.Err() != nil || before.Racy(now) {
		return m, false, err // a cancelled parse says nothing about the file
	}
	after, ok := Stat(path)
	return m, ok && after == before, err
}
