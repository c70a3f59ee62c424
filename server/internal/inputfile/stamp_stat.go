//go:build linux || darwin

package inputfile

import (
	"io/fs"
	"syscall"
)

// StampOf is what a stat says of a file that a stamp compares.
func StampOf(info fs.FileInfo) (Stamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{}, false
	}
	return Stamp{Size: st.Size, Modified: info.ModTime().UnixNano(), Changed: changeTime(st),
		Inode: uint64(st.Ino), Device: uint64(st.Dev)}, true
}
