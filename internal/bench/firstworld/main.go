// Command firstworld prints what the first world of a process costs, step
// by step: tonutils-go's opcode dispatch tables (tvm.NewTVM, built once per
// process for all 16 global versions), the blockchain config, the world
// itself and its first wallet, and the first send:
//
//	go run ./internal/bench/firstworld
//
// the README quotes it for the start-up of tonsim run.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	tvm.NewTVM()
	tables := time.Since(start)
	runtime.ReadMemStats(&after)

	start = time.Now()
	if _, err := actor.ProfileConfig(actor.DefaultProfile); err != nil {
		fail(err)
	}
	config := time.Since(start)

	start = time.Now()
	w, err := actor.NewWorld()
	if err != nil {
		fail(err)
	}
	a, err := w.NewWallet("a")
	if err != nil {
		fail(err)
	}
	b, err := w.NewWallet("b")
	if err != nil {
		fail(err)
	}
	world := time.Since(start)

	start = time.Now()
	if _, err := w.Send(actor.Message{From: a, To: b, Value: tlb.FromNanoTONU(1_000_000_000)}); err != nil {
		fail(err)
	}
	send := time.Since(start)

	fmt.Printf("opcode tables (tvm.NewTVM, 16 versions)  %8.2f ms  %5.1f MiB allocated\n", ms(tables), float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	fmt.Printf("config profile (BOC)                     %8.2f ms\n", ms(config))
	fmt.Printf("world and two wallets                    %8.2f ms\n", ms(world))
	fmt.Printf("first send (two transactions)            %8.2f ms\n", ms(send))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "firstworld:", err)
	os.Exit(1)
}
