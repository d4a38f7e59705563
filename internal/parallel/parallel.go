// Package parallel runs the independent parts of one piece of work on
// every core, each part's result in its own place, so output never
// depends on scheduling. It holds no state and must not decide what a
// part is: its callers split the work.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i) for every i in [0, n), on as many goroutines as there
// are cores, each taking the next i, and returns when all calls have
// returned. On one core, or for one part, it calls them in order on the
// caller's goroutine. do must write only to what is its i's.
func Each(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers < 2 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		})
	}
	wg.Wait()
}
