package modelcache

import "sync"

// later encodes the entries of the models parsed in a run in the background,
// one goroutine at a time, until Flush. It keeps up with the parses (an
// encode costs a tenth of a parse), so that the models ParseHeader holds for
// Parse are let go soon after they are parsed (heldModel).
type later struct {
	mu sync.Mutex
	// changed is signalled when the encoder stops.
	changed sync.Cond
	queue   []pending
	running bool
}

type pending struct {
	key   Key
	path  string
	entry entry
	held  *heldModel // the model ParseHeader holds for this entry, if any
}

// add queues an entry and starts the encoder if it is not running.
func (l *later) add(c *Cache, p pending) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.queue = append(l.queue, p)
	if !l.running {
		l.running = true
		go l.drain(c)
	}
}

func (l *later) signal() *sync.Cond {
	l.changed.L = &l.mu
	return &l.changed
}

func (l *later) drain(c *Cache) {
	for {
		l.mu.Lock()
		batch := l.queue
		l.queue = nil
		if len(batch) == 0 {
			l.running = false
			l.signal().Broadcast()
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		for _, p := range batch {
			c.put(p)
		}
	}
}

// wait returns once every entry queued so far is in the store.
func (l *later) wait() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.running {
		l.signal().Wait()
	}
}
