//go:build unix

package inputfile

import "syscall"

// nonBlocking makes opening a file that turned into a FIFO after it was
// checked return at once instead of waiting for a writer.
const nonBlocking = syscall.O_NONBLOCK
