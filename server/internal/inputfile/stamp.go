package inputfile

import "time"

// A file whose stat is the same as when its bytes were read (size,
// modification and change times to the nanosecond, inode and device) still
// holds those bytes, the way git's index and make trust them. The change
// time cannot be set by a program, so a file edited and given its old
// modification time back still looks changed. A file modified less than
// RacyWindow before it was stat'ed is never trusted: a second edit within
// the same tick of the file system's clock could leave every field as it
// was.
var RacyWindow = 2 * time.Second

// Stamp is what stat says of a file.
type Stamp struct {
	Size, Modified, Changed int64 // bytes; modification and change times in ns
	Inode, Device           uint64
}

// Racy reports whether the file was modified too shortly before the stamp
// was taken (at taken, in ns) for the stamp to tell a later edit.
func (s Stamp) Racy(taken int64) bool {
	return time.Duration(taken-max(s.Modified, s.Changed)) < RacyWindow
}
