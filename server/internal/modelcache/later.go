package modelcache

import "sync"

// later encodes the entries of the models parsed in a run in the background,
// one goroutine at a time, while no file is being parsed, until Flush.
// Encoding 3,000 models costs as much as extracting them: a cold check
// parses on every core, and then its rules leave a core idle, which encodes.
type later struct {
	mu sync.Mutex
	// changed is signalled when the parses in flight fall to none, and when
	// the encoder stops.
	changed sync.Cond
	queue   []pending
	running bool
	parsing int // files being parsed
}

type pending struct {
	key   Key
	path  string
	entry entry
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

// parses counts a file's parse in (delta 1) or out (-1).
func (l *later) parses(delta int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.parsing += delta; l.parsing == 0 {
		l.signal().Broadcast()
	}
}

func (l *later) signal() *sync.Cond {
	l.changed.L = &l.mu
	return &l.changed
}

func (l *later) drain(c *Cache) {
	for {
		l.mu.Lock()
		for l.parsing > 0 {
			l.signal().Wait()
		}
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
