//go:build !linux && !darwin

package inputfile

import "io/fs"

// StampOf: stamps are not read here (every file is read for its bytes).
func StampOf(fs.FileInfo) (Stamp, bool) { return Stamp{}, false }
