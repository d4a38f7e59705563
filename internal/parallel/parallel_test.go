package parallel

import (
	"runtime"
	"testing"
)

// Every part runs once, whatever the number of cores and parts.
func TestEachRunsEveryPartOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 100, 1000} {
			runs := make([]int, n)
			Each(n, func(i int) { runs[i]++ })
			for i, r := range runs {
				if r != 1 {
					t.Fatalf("GOMAXPROCS %d, %d parts: part %d ran %d times", procs, n, i, r)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
