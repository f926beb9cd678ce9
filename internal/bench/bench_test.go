package bench_test

// Benchmarks at scale; the README quotes them. Each runs once per size:
//
//	go test ./internal/bench -run '^$' -bench . -benchtime 1x
//
// On a machine shared with other work, compare figures within one run.

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/examples"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/scenario"
	"github.com/xssnick/tonutils-go/address"
)

// sizes are the numbers of sends the scale benchmarks make.
var sizes = []struct {
	name  string
	sends int
}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}}

// heapPeak samples the live heap as a run goes and keeps the largest.
type heapPeak struct {
	base, peak uint64
}

func newHeapPeak() *heapPeak {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return &heapPeak{base: m.HeapAlloc}
}

func (h *heapPeak) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapInuse)
}

// sampleEvery is how many sends go between two heap samples.
const sampleEvery = 500

func stepWorld(b *testing.B, opts ...actor.Option) (*actor.World, *address.Address, *counter.Counter) {
	b.Helper()
	w, err := actor.NewWorld(opts...)
	require.NoError(b, err)
	wallet, err := w.NewWallet("wallet")
	require.NoError(b, err)
	c, _, err := counter.Deploy(w, wallet, counter.Init{ID: 1, Owner: wallet})
	require.NoError(b, err)
	return w, wallet, c
}

// BenchmarkSends makes 1k, 10k and 100k Step sends from a wallet to the
// counter (three transactions each) on one world, keeping every record
// (history all) or none (history none, as tonsim run does), and reports
// sends per second, the peak heap in use and what the history holds per
// transaction at the end. A flat cost per send shows as the same sends/s
// at every size.
func BenchmarkSends(b *testing.B) {
	for _, history := range []struct {
		name  string
		limit int
	}{{"history=all", actor.HistoryAll}, {"history=none", 0}} {
		for _, size := range sizes {
			b.Run(history.name+"/"+size.name, func(b *testing.B) {
				for b.Loop() {
					w, wallet, c := stepWorld(b, actor.WithHistory(history.limit))
					h := newHeapPeak()
					for i := range size.sends {
						if _, err := c.Step(wallet, uint64(i)); err != nil {
							b.Fatal(err)
						}
						if i%sampleEvery == 0 {
							h.sample()
						}
					}
					b.StopTimer()
					runtime.GC()
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					b.ReportMetric(float64(h.peak)/(1<<20), "peak-heap-MB")
					b.ReportMetric(float64(int64(m.HeapAlloc)-int64(h.base))/float64(3*size.sends), "retained-B/tx")
					runtime.KeepAlive(w)
					b.StartTimer()
				}
				b.ReportMetric(float64(b.N*size.sends)/b.Elapsed().Seconds(), "sends/s")
			})
		}
	}
}

// BenchmarkHistory reports what a world keeps per transaction after 10,000
// sends under each history limit: every record, a ring of the last 1,000,
// none.
func BenchmarkHistory(b *testing.B) {
	const sends = 10_000
	for _, limit := range []int{actor.HistoryAll, 1000, 0} {
		name := fmt.Sprint("keep=", limit)
		if limit == actor.HistoryAll {
			name = "keep=all"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				w, wallet, c := stepWorld(b, actor.WithHistory(limit))
				h := newHeapPeak()
				for i := range sends {
					if _, err := c.Step(wallet, uint64(i)); err != nil {
						b.Fatal(err)
					}
				}
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				b.ReportMetric(float64(int64(m.HeapAlloc)-int64(h.base))/(3*sends), "B/tx")
				b.ReportMetric(float64(len(w.Transactions())), "records")
			}
		})
	}
}

// BenchmarkAccounts creates 10k and 100k wallets, and as many accounts put
// in place with code and data (PutAccount, as a saved world or a fixture
// sets them up), on one world each.
func BenchmarkAccounts(b *testing.B) {
	si, err := counter.StateInit(counter.Init{ID: 1, Owner: actor.WalletAddress("owner")})
	require.NoError(b, err)
	code, data := si.Code, si.Data
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("wallets/%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				w, err := actor.NewWorld()
				require.NoError(b, err)
				for i := range n {
					if _, err := w.NewWallet(fmt.Sprint("w", i)); err != nil {
						b.Fatal(err)
					}
				}
				w.StateRoot()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/account")
		})
		b.Run(fmt.Sprintf("accounts/%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				w, err := actor.NewWorld()
				require.NoError(b, err)
				for i := range n {
					if err := w.PutAccount(actor.WalletAddress(fmt.Sprint("a", i)), code, data, actor.DefaultWalletBalance); err != nil {
						b.Fatal(err)
					}
				}
				w.StateRoot()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/account")
		})
	}
}

// BenchmarkExamples plays every example scenario, one file at a time and
// then several at a time on their own worlds, as tonsim test -j does.
func BenchmarkExamples(b *testing.B) {
	files, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(b, err)
	require.NotEmpty(b, files)
	builtins := examples.Builtins()
	play := func(file string) {
		s, cat, err := scenario.Load(file, builtins)
		if err != nil {
			b.Fatal(err)
		}
		r, err := scenario.NewRunner(s, cat, nil)
		if err != nil {
			b.Fatal(err)
		}
		r.World.SetHistory(0)
		if _, err := r.Run(); err != nil {
			b.Fatal(err)
		}
	}
	for _, jobs := range slices.Compact([]int{1, 2, max(2, runtime.NumCPU())}) {
		b.Run(fmt.Sprint("j=", jobs), func(b *testing.B) {
			for b.Loop() {
				next := make(chan string)
				var wg sync.WaitGroup
				for range jobs {
					wg.Go(func() {
						for f := range next {
							play(f)
						}
					})
				}
				for _, f := range files {
					next <- f
				}
				close(next)
				wg.Wait()
			}
		})
	}
}
