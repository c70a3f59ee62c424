package review

// PostgreSQL's table lock modes, weakest first, and what each blocks for
// other sessions (migration-linters.md §3; the proof tier's claim tests
// confirm SHARE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and ACCESS
// EXCLUSIVE as the rules state them).
const (
	AccessShare          = "ACCESS SHARE"
	RowShare             = "ROW SHARE"
	RowExclusive         = "ROW EXCLUSIVE"
	ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE"
	Share                = "SHARE"
	ShareRowExclusive    = "SHARE ROW EXCLUSIVE"
	Exclusive            = "EXCLUSIVE"
	AccessExclusive      = "ACCESS EXCLUSIVE"
	LockUnknown          = "unknown"
)

var lockRank = map[string]int{AccessShare: 1, RowShare: 2, RowExclusive: 3, ShareUpdateExclusive: 4, Share: 5,
	ShareRowExclusive: 6, Exclusive: 7, AccessExclusive: 8}

// blocksWrites: SHARE and stronger conflict with ROW EXCLUSIVE (INSERT, UPDATE, DELETE).
func blocksWrites(mode string) bool { return lockRank[mode] >= lockRank[Share] }

// blocksReads: only ACCESS EXCLUSIVE conflicts with ACCESS SHARE (SELECT).
func blocksReads(mode string) bool { return mode == AccessExclusive }

// stronger reports whether lock mode a conflicts with more than b.
func stronger(a, b string) bool { return lockRank[a] > lockRank[b] }

// lock builds a Lock on table; HeldUntil is filled in by the operation.
func lock(table, mode string) Lock {
	return Lock{Table: table, Mode: mode, BlocksReads: blocksReads(mode), BlocksWrites: blocksWrites(mode)}
}

// addLock records a lock, keeping the strongest mode per table.
func addLock(locks []Lock, l Lock) []Lock {
	for i := range locks {
		if locks[i].Table == l.Table {
			if stronger(l.Mode, locks[i].Mode) || l.Mode == LockUnknown {
				locks[i] = l
			}
			return locks
		}
	}
	return append(locks, l)
}

// blocking says in words what a lock mode blocks.
func blocking(mode string) string {
	switch {
	case blocksReads(mode):
		return "blocks reads and writes"
	case blocksWrites(mode):
		return "blocks writes, allows reads"
	case mode == LockUnknown:
		return "unknown"
	}
	return "blocks neither reads nor writes"
}
