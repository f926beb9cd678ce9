package scenario_test

// The memory a scenario takes, by its size: the README's Benchmarks quote
//
//	go test ./scenario -run '^$' -bench Memory -benchtime 1x
//
// Each size is parsed (Parse) and played (NewRunner, then every step
// with no history kept, as tonsim run does). Reported: the bytes allocated
// and the peak live heap, also per MiB of scenario file.

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/internal/bench"
	"github.com/tonsim/tonsim/scenario"
)

// memorySizes are the numbers of Step sends of the generated scenarios:
// 50,000 is about 4 MiB, the default size limit of a scenario.
var memorySizes = []int{1_000, 10_000, 50_000}

func BenchmarkScenarioMemory(b *testing.B) {
	// The first world of a process builds tonutils-go's opcode tables
	// (17 MiB, see the README's Limits): not the scenario's.
	_, err := actor.NewWorld()
	require.NoError(b, err)
	for _, n := range memorySizes {
		data := bench.StepScenario(n)
		mib := float64(len(data)) / (1 << 20)
		b.Run(fmt.Sprintf("parse/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak heapPeak
			for range b.N {
				peak = peak.max(peakHeap(b, func() {
					_, err := scenario.Parse("steps.yaml", data)
					require.NoError(b, err)
				}))
			}
			peak.report(b, mib)
		})
		b.Run(fmt.Sprintf("run/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak heapPeak
			for range b.N {
				peak = peak.max(peakHeap(b, func() {
					s, err := scenario.Parse("steps.yaml", data)
					require.NoError(b, err)
					cat := catalog.New()
					require.NoError(b, s.LoadContracts(cat, builtins))
					r, err := scenario.NewRunner(s, cat, nil)
					require.NoError(b, err)
					r.World.SetHistory(0)
					for !r.Done() {
						res, err := r.Next()
						require.NoError(b, err)
						require.Empty(b, res.Failures)
					}
				}))
			}
			peak.report(b, mib)
		})
	}
}

// heapPeak is the most a run held: heap the largest the heap grew, dead
// objects the collector had yet to free included (what the process's
// memory follows), live the most a collection found live; both over the
// heap before the run.
type heapPeak struct{ heap, live uint64 }

func (p heapPeak) max(q heapPeak) heapPeak {
	return heapPeak{heap: max(p.heap, q.heap), live: max(p.live, q.live)}
}

func (p heapPeak) report(b *testing.B, mib float64) {
	b.ReportMetric(float64(p.heap)/(1<<20), "peak-MB")
	b.ReportMetric(float64(p.heap)/(1<<20)/mib, "peak-MB/MiB")
	b.ReportMetric(float64(p.live)/(1<<20), "live-MB")
	b.ReportMetric(float64(p.live)/(1<<20)/mib, "live-MB/MiB")
}

// peakHeap runs f and returns the most the heap held meanwhile, sampled
// every millisecond.
func peakHeap(b *testing.B, f func()) heapPeak {
	b.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var base, peak heapPeak
	read := func() heapPeak {
		metrics.Read(sample)
		return heapPeak{heap: sample[0].Value.Uint64(), live: sample[1].Value.Uint64()}
	}
	base = read()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				peak = peak.max(read())
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	peak = peak.max(read())
	return heapPeak{heap: sub(peak.heap, base.heap), live: sub(peak.live, base.live)}
}

func sub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}
