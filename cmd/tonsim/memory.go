package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/tonsim/tonsim/actor"
)

// The collector's settings for a tonsim process, unless GOGC or GOMEMLIMIT
// say otherwise. A send allocates about 75 KB and keeps little (1.5 KB a
// transaction, and only under --history), so with Go's default (collect
// when the heap doubles) a short run spends an eighth of its time
// collecting garbage that a larger heap would never have had to look at.
const (
	// gcPercent lets the heap grow to three times what is live before a
	// collection. Higher is not faster: the process then spends in page
	// faults, touching new memory, what it saves in collections (measured
	// on 1,000 sends: 200 beats 100, 150, 300 and 400).
	gcPercent = 200
	// memoryLimit caps that growth: past it the collector runs whenever
	// the heap reaches the limit, so long runs stay within it...
	memoryLimit = 256 << 20
	// ...until what is live passes limitShare of the limit: the limit is
	// then raised to liveGrowth times the live heap after each collection,
	// so the collector never runs back to back (Go's default growth).
	limitShare = 0.5
	liveGrowth = 2
)

// liveHeap is the runtime metric of the heap the last collection found
// live.
const liveHeap = "/gc/heap/live:bytes"

// tuneMemory applies gcPercent and memoryLimit, each only when its
// standard environment variable is unset.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
		watchHeap()
	}
}

// watchHeap runs after every collection (a finalizer on an object that is
// garbage by then re-arms itself) and raises the memory limit once the
// live heap nears it.
func watchHeap() {
	sample := []metrics.Sample{{Name: liveHeap}}
	var arm func()
	arm = func() {
		sentinel := &gcSentinel{}
		runtime.SetFinalizer(sentinel, func(*gcSentinel) {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				if limit := nextLimit(sample[0].Value.Uint64(), debug.SetMemoryLimit(-1)); limit > 0 {
					debug.SetMemoryLimit(limit)
				}
			}
			arm()
		})
	}
	arm()
}

// gcSentinel is an object only a collection frees; it holds a pointer so
// it is never a tiny allocation batched with others.
type gcSentinel struct{ _ *int }

// nextLimit is the memory limit to set after a collection found live bytes
// live under limit, or 0 to leave it.
func nextLimit(live uint64, limit int64) int64 {
	if float64(live) < limitShare*float64(limit) {
		return 0
	}
	next := float64(live) * liveGrowth
	if next >= math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(next)
}

// A command that will make a world starts with the collector off, from
// [startUp] until [started] (its first world made, before its first
// transaction), unless GOGC says otherwise. What it allocates meanwhile is
// nearly all live: tonutils-go's opcode tables (17 MiB of pointers, built on
// another goroutine) and the scenario's typed steps. A collection then frees
// little and slows both, marking tables still being built: the first
// transaction of a 1,000-step run came at 36 ms with collections and at
// 18 ms without. The memory limit holds throughout, so a huge scenario
// still collects.
var startUpGC gcPause

// startUp begins building what every world shares (see [actor.Prepare])
// and pauses the collector until [started].
func startUp() {
	actor.Prepare()
	startUpGC.pause()
}

// started ends the start-up: the collector runs as before [startUp].
func started() { startUpGC.resume() }

// gcPause turns the collector off once and back on once, whatever the
// number of calls and goroutines (tonsim test opens files in parallel).
type gcPause struct {
	paused, resumed sync.Once
	// percent is the GC percentage to resume with; -1 when not paused.
	// paused.Do orders its writes before every read.
	percent int
}

func (p *gcPause) pause() {
	p.paused.Do(func() {
		p.percent = -1
		if os.Getenv("GOGC") == "" {
			p.percent = debug.SetGCPercent(-1)
		}
	})
}

func (p *gcPause) resume() {
	p.resumed.Do(func() {
		p.paused.Do(func() { p.percent = -1 }) // never paused: never will be
		if p.percent >= 0 {
			debug.SetGCPercent(p.percent)
		}
	})
}
