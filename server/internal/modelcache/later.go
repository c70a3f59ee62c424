package modelcache

import "sync"

// later encodes the entries of the models parsed in a run in the background,
// one goroutine at a time, until Flush. Encoding 3,000 models costs as much
// as extracting them, and the rules that run once parsing is over leave a
// core idle: a cold check spends that core on it instead of its parse phase.
type later struct {
	mu      sync.Mutex
	idle    sync.Cond // signalled when the queue is drained
	queue   []pending
	running bool
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

func (l *later) drain(c *Cache) {
	for {
		l.mu.Lock()
		batch := l.queue
		l.queue = nil
		if len(batch) == 0 {
			l.running = false
			l.idle.L = &l.mu
			l.idle.Broadcast()
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
	l.idle.L = &l.mu
	for l.running {
		l.idle.Wait()
	}
}
