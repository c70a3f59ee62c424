package modelcache

import "sync"

// later encodes the entries of the models parsed in a run in the background,
// one goroutine at a time, until Flush. While files are being parsed it
// waits: a cold check parses on every core, and then its rules leave a core
// idle, which encodes (encoding 3,000 models costs a fifth of parsing them).
// It does not wait when ParseHeader holds more than maxHeld whole models
// for Parse: it then encodes them, and lets go of them once they are stored
// (heldModel), so that a cold check of a long history does not hold every
// model at once.
type later struct {
	mu sync.Mutex
	// changed is signalled when the encoder stops, when the parses in
	// flight fall to none and when the models held grow above maxHeld.
	changed sync.Cond
	queue   []pending
	running bool
	parsing int // files being parsed
	held    int // whole models held for Parse
	// scratch is the encoder's buffer (see Cache.put)
	scratch []byte
}

// maxHeld is how many whole models ParseHeader holds for Parse before the
// encoder lets go of those it stored: a history of 500 revisions is held
// whole (Parse then decodes nothing); one of 3,000 holds a sixth of its
// models (about 11 MB).
const maxHeld = 512

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

// parses counts a file's parse in (delta 1) or out (-1).
func (l *later) parses(delta int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.parsing += delta; l.parsing == 0 {
		l.signal().Broadcast()
	}
}

// holds counts a model held for Parse in (delta 1) or out (-1).
func (l *later) holds(delta int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held += delta; l.held > maxHeld {
		l.signal().Broadcast()
	}
}

// tooMany reports whether more than maxHeld models are held.
func (l *later) tooMany() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.held > maxHeld
}

// forget: the models held were dropped (Flush).
func (l *later) forget() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.held = 0
}

func (l *later) signal() *sync.Cond {
	l.changed.L = &l.mu
	return &l.changed
}

func (l *later) drain(c *Cache) {
	for {
		l.mu.Lock()
		for l.parsing > 0 && l.held <= maxHeld {
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
