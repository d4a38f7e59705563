package load

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/mrtrack/mrtrack/pkg/store"
)

// feed hands the files the walk lists to the workers as they come.
type feed struct {
	mu     sync.Mutex
	more   sync.Cond // a file was added, or the feed closed
	files  []store.File
	closed bool
}

func newFeed() *feed {
	f := &feed{}
	f.more.L = &f.mu
	return f
}

func (f *feed) add(file store.File) {
	f.mu.Lock()
	f.files = append(f.files, file)
	f.mu.Unlock()
	f.more.Broadcast()
}

// close says no file will be added.
func (f *feed) close() {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
	f.more.Broadcast()
}

// get waits for file i; false once the feed is closed with fewer files.
func (f *feed) get(i int) (store.File, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i >= len(f.files) && !f.closed {
		f.more.Wait()
	}
	if i < len(f.files) {
		return f.files[i], true
	}
	return store.File{}, false
}

// each runs check on every file added, on every core, until the feed is
// closed, and returns the results in the files' order, so output never
// depends on scheduling.
func (f *feed) each(check func(store.File) checked) []checked {
	type result struct {
		i int
		c checked
	}
	workers := runtime.GOMAXPROCS(0)
	parts := make([][]result, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				file, ok := f.get(i)
				if !ok {
					return
				}
				parts[w] = append(parts[w], result{i, check(file)})
			}
		})
	}
	wg.Wait()
	out := make([]checked, len(f.files))
	for _, p := range parts {
		for _, r := range p {
			out[r.i] = r.c
		}
	}
	return out
}
