//go:build unix

package fix

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteKeepsOwner: the fixed file keeps the owner and group of the file
// it replaces (root can give both; another user can keep a group of theirs).
func TestWriteKeepsOwner(t *testing.T) {
	uid, gid := 4321, 8765
	if os.Geteuid() != 0 {
		groups, _ := os.Getgroups()
		gid = -1
		for _, g := range groups {
			if g != os.Getegid() {
				gid = g
			}
		}
		if gid < 0 {
			t.Skip("not root and no second group to give the file")
		}
		uid = os.Geteuid()
	}
	proj := projectWith(t, map[string]string{"0001_orders.py": ordersRevision})
	path := filepath.Join(proj.Root, "migrations", "versions", "0001_orders.py")
	if err := os.Chown(path, uid, gid); err != nil {
		t.Fatal(err)
	}
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	st := info.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("owner %d:%d, want %d:%d", st.Uid, st.Gid, uid, gid)
	}
}
