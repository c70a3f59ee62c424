package history

import (
	"crypto/sha256"
	"encoding/binary"
)

// UpgradeChains digests, for each revision, what the schema after it
// derives from: its id, path, links and upgrade (migration.Migration's
// UpgradeDigest), and the same of every revision below it, as a chain (each
// digest covers its inputs'). A revision is missing when its chain is not
// known: its digest or an input's is not (a header ParseFileHeader read, a
// revision on a cycle). The snapshots after revisions are kept under them,
// and the findings on a revision depend on the chains of its inputs (an
// edit of a downgrade or a comment leaves every chain above it). They are
// computed once per graph and shared: a header and the whole model read for
// it later carry the same digest.
func (g *Graph) UpgradeChains() map[string][]byte { return g.upgradeChains() }

func (g *Graph) chainUpgrades() map[string][]byte {
	chains := make(map[string][]byte, len(g.Order))
	var buf []byte
	field := func(b []byte) { buf = append(binary.AppendUvarint(buf, uint64(len(b))), b...) }
	for _, r := range g.Order {
		digest := r.Migration.UpgradeDigest
		if digest == ([sha256.Size]byte{}) {
			continue
		}
		buf = buf[:0]
		field([]byte(r.ID))
		field([]byte(r.Path))
		field(digest[:])
		known := true
		for _, links := range [2][]string{r.Parents, r.Dependencies} {
			buf = binary.AppendUvarint(buf, uint64(len(links)))
			for _, id := range links {
				field([]byte(id))
				c, ok := chains[id]
				if g.Revisions[id] != nil && !ok {
					known = false
				}
				field(c)
			}
		}
		if known {
			sum := sha256.Sum256(buf)
			chains[r.ID] = sum[:]
		}
	}
	return chains
}
