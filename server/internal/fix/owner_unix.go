//go:build unix

package fix

import (
	"os"
	"syscall"
)

// keepOwner gives the new file the owner and group of the file it replaces,
// as far as the running user may: root may give both, another user may keep
// a group they belong to. The file is written either way.
func keepOwner(f *os.File, old os.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
}
