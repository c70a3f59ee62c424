package mcpserver

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/parsecache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// memo keeps the last results of the read-only tools. An entry is keyed by the
// tool, its arguments, the project's configuration and a fingerprint of every
// revision file (path, size, modification time): when nothing changed on disk,
// a repeated call costs a directory listing and a stat per file. The parse
// cache alone is not enough for a large history: replaying the schema along
// 3,000 revisions costs more than 20 ms by itself.
type memo struct {
	mu      sync.Mutex
	max     int
	entries map[string]*memoEntry
	tick    uint64
	now     func() time.Time
	// listings caches the revision files of each script directory, valid
	// while the modification times of the directories read are unchanged.
	listings map[string]listing
}

type listing struct {
	dirs   []string
	mtimes []int64 // UnixNano
	files  []string
}

type memoEntry struct {
	out  any
	text string
	used uint64
}

func newMemo(max int) *memo {
	return &memo{max: max, entries: map[string]*memoEntry{}, now: time.Now, listings: map[string]listing{}}
}

// do returns the memoised result for key on proj, or computes it. The value
// must not be modified by callers (it is shared).
func (m *memo) do(ctx context.Context, proj *project.Project, key any, compute func() (any, string, error)) (any, string, error) {
	fp, cacheable := m.fingerprint(proj, key)
	if cacheable {
		m.mu.Lock()
		if e, ok := m.entries[fp]; ok {
			m.tick++
			e.used = m.tick
			m.mu.Unlock()
			return e.out, e.text, nil
		}
		m.mu.Unlock()
	}
	out, text, err := compute()
	if err != nil || !cacheable || ctx.Err() != nil {
		return out, text, err
	}
	// The files may have changed while the result was computed.
	if again, ok := m.fingerprint(proj, key); !ok || again != fp {
		return out, text, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.entries) >= m.max {
		var oldest string
		var min uint64
		for k, e := range m.entries {
			if oldest == "" || e.used < min {
				oldest, min = k, e.used
			}
		}
		delete(m.entries, oldest)
	}
	m.tick++
	m.entries[fp] = &memoEntry{out: out, text: text, used: m.tick}
	return out, text, nil
}

// fingerprint hashes the key, the project's configuration and the stamps of
// its configuration and revision files. It is not cacheable when a file is so
// fresh that a same-size rewrite could share its timestamp, or cannot be read.
func (m *memo) fingerprint(proj *project.Project, key any) (string, bool) {
	h := sha256.New()
	k, err := json.Marshal(struct {
		Key      any
		Root     string
		Config   string
		Dirs     []project.ScriptDir
		Settings project.Settings
	}{key, proj.Root, proj.ConfigFile, proj.ScriptDirs, proj.Settings})
	if err != nil {
		return "", false
	}
	h.Write(k)
	paths := []string{proj.ConfigFile}
	if proj.SettingsFile != "" {
		paths = append(paths, proj.SettingsFile)
	}
	for _, sd := range proj.ScriptDirs {
		// env.py tells the dialect and the naming convention (target_metadata)
		paths = append(paths, filepath.Join(sd.Location, "env.py"))
		paths = append(paths, m.list(proj, sd)...)
		paths = append(paths, "") // separates the script directories
	}
	stamps := statAll(paths)
	now := m.now()
	var buf [16]byte
	for i, p := range paths {
		h.Write([]byte(p))
		h.Write([]byte{0})
		st := stamps[i]
		if p == "" {
			continue
		}
		if !st.ok {
			h.Write([]byte("missing"))
			continue
		}
		binary.LittleEndian.PutUint64(buf[:8], uint64(st.Size))
		binary.LittleEndian.PutUint64(buf[8:], uint64(st.ModTime))
		h.Write(buf[:])
		if st.Racy(now) {
			return "", false
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// list returns the revision files of a script directory (as
// Project.RevisionFiles), reusing the last listing while the modification
// times of the directories it read are unchanged: a stat per directory
// instead of reading directories of thousands of files.
func (m *memo) list(proj *project.Project, sd project.ScriptDir) []string {
	key := sd.Location + "\x00" + strings.Join(sd.VersionLocations, "\x00")
	m.mu.Lock()
	l, ok := m.listings[key]
	m.mu.Unlock()
	if ok && unchanged(l.dirs, l.mtimes) {
		return l.files
	}
	read := proj.RevisionFiles(sd)
	// the locations themselves too: one that does not exist yet is never cached
	l = listing{dirs: append(slices.Clone(sd.VersionLocations), read.Dirs...), files: read.Files}
	now := m.now()
	for _, st := range statAll(l.dirs) {
		if !st.ok || st.Racy(now) {
			return l.files // too fresh to trust a later equal timestamp
		}
		l.mtimes = append(l.mtimes, st.ModTime)
	}
	m.mu.Lock()
	if len(m.listings) > 256 {
		clear(m.listings)
	}
	m.listings[key] = l
	m.mu.Unlock()
	return l.files
}

// unchanged reports whether every directory still has its modification time.
func unchanged(dirs []string, mtimes []int64) bool {
	for i, st := range statAll(dirs) {
		if !st.ok || st.ModTime != mtimes[i] {
			return false
		}
	}
	return true
}

type stamp struct {
	parsecache.Stamp
	ok bool
}

// statAll stats the paths ("" entries are skipped) on a few goroutines: on a
// large history the stats are what a warm call costs.
func statAll(paths []string) []stamp {
	out := make([]stamp, len(paths))
	workers := min(runtime.GOMAXPROCS(0), 8, len(paths)/256+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(paths); i += workers {
				if paths[i] == "" {
					continue
				}
				if info, err := os.Stat(paths[i]); err == nil {
					out[i] = stamp{Stamp: parsecache.StampOf(info), ok: true}
				}
			}
		})
	}
	wg.Wait()
	return out
}
