package project

import "syscall"

// pseudoFSMagic are the statfs types of kernel file systems that hold no
// projects and whose trees are huge, endless or have side effects when read
// (proc, sysfs, cgroup, debugfs, tracefs, autofs mounts on access, ...).
var pseudoFSMagic = map[uint32]bool{
	0x9fa0: true, 0x62656572: true, 0x1cd1: true, 0x27e0eb: true, 0x63677270: true, 0x64626720: true,
	0x74726163: true, 0x73636673: true, 0x6165676c: true, 0xcafe4a11: true, 0x62656570: true, 0x65735543: true,
	0x19800202: true, 0x958458f6: true, 0x42494e4d: true, 0x0187: true, 0xf97cff8c: true, 0xde5e81e4: true,
	0x6e736673: true,
}

// onPseudoFS reports whether dir is on a kernel pseudo file system.
func onPseudoFS(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && pseudoFSMagic[uint32(st.Type)]
}
