package actor

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xssnick/tonutils-go/tvm"
)

// Why a transaction would not finish: gas bounds every compute phase to
// well under a second, but tonutils-go v1.18.0 walks the cells of a
// message a contract sends once per path to each, so a message whose cells
// are shared level after level (30 cells that each refer four times to the
// one below) takes longer than anyone waits. A message tonsim is given is
// checked beforehand ([MaxMessageTree]); one a contract builds can only be
// timed.

// progress counts the transactions of every world of the process: those
// running now and those finished, for [Watch].
var progress struct {
	running  atomic.Int64
	finished atomic.Uint64
}

// watched runs one transaction, counted in progress.
func watched(run func() (*tvm.TransactionExecutionResult, error)) (*tvm.TransactionExecutionResult, error) {
	progress.running.Add(1)
	defer func() {
		progress.running.Add(-1)
		progress.finished.Add(1)
	}()
	return run()
}

// stalled is the error of a transaction that took longer than d; knob
// names what raises d.
func stalled(d time.Duration, knob string) error {
	return fmt.Errorf("%w in %s (%s): only a message whose cells a contract shares over and over, which tonutils-go "+
		"walks once per path, takes so long", ErrTransactionTimeout, d, knob)
}

// Watch watches every world of the process from a goroutine of its own and
// calls stall, once, when transactions are running and none has finished
// for d: a transaction that will not finish (see [WithTransactionTimeout]
// for a world that must survive it). The error stall gets names knob as
// what raises d. The program should report it and exit: the transaction
// cannot be stopped, and the world waits for it. Every transaction pays
// three atomic additions for it, watched or not; stop ends the watch.
func Watch(d time.Duration, knob string, stall func(error)) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(max(d/20, 10*time.Millisecond))
		defer tick.Stop()
		last, since := progress.finished.Load(), time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				if n := progress.finished.Load(); n != last || progress.running.Load() == 0 {
					last, since = n, now
				} else if now.Sub(since) >= d {
					stall(stalled(d, knob))
					return
				}
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}
