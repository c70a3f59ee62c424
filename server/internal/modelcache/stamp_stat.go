//go:build linux || darwin

package modelcache

import (
	"io/fs"
	"syscall"
)

// stampOf is what a stat says of a file that the stat index compares.
func stampOf(info fs.FileInfo) (fileStamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{Size: st.Size, Modified: info.ModTime().UnixNano(), Changed: changeTime(st),
		Inode: uint64(st.Ino), Device: uint64(st.Dev)}, true
}
