package cli

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/gen"
)

// BenchmarkCommands runs the commands a repository of 100, 1,000 and
// 10,000 recommendation files is queried with, whole and in process: load
// and validate, then the query and its table. Output is discarded. The
// figures per file and the allocations sit beside the time per run;
// mrbench gives the same commands as processes, against the baselines.
//
//	go test -run '^$' -bench Commands -benchmem ./pkg/cli
//	go test -run '^$' -bench 'Commands/recs=1000$/status' -cpuprofile cpu.out ./pkg/cli
func BenchmarkCommands(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			st, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: n})
			if err != nil {
				b.Fatal(err)
			}
			for _, args := range [][]string{
				{"validate"},
				{"list", "--overdue"},
				{"status"},
				{"status", "--overdue"},
			} {
				b.Run(strings.Join(args, " "), func(b *testing.B) {
					env := &Env{
						Stdout: io.Discard, Stderr: io.Discard, Cwd: dir,
						Getenv: func(string) string { return "" },
						Now:    func() time.Time { return time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC) },
					}
					argv := append(args, "--data", dir)
					b.SetBytes(st.Bytes)
					b.ReportAllocs()
					for b.Loop() {
						if code := Main(argv, env); code != ExitOK {
							b.Fatalf("%v: exit %d", args, code)
						}
					}
					perFile := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(st.Files)
					b.ReportMetric(perFile, "ns/file")
					b.ReportMetric(1e9/perFile, "files/s")
				})
			}
		})
	}
}
