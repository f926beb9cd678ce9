package actor_test

import (
	"fmt"
	"testing"

	"github.com/tonsim/tonsim/actor"
)

// walletWorld makes a world of n wallets named w0, w1, ….
func walletWorld(b *testing.B, n int) *actor.World {
	b.Helper()
	w := newWorld(b)
	for i := range n {
		if _, err := w.NewWallet(fmt.Sprint("w", i)); err != nil {
			b.Fatal(err)
		}
	}
	return w
}

// BenchmarkNewWallets creates n wallets in a new world: each is an account
// in the dictionary and a name, both O(log n).
//
//	go test ./actor -run '^$' -bench NewWallets -benchtime 1x
func BenchmarkNewWallets(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				walletWorld(b, n)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/wallet")
		})
	}
}

// BenchmarkLoadWorld loads a saved world of 10,000 wallets: every account
// parsed and every name added.
func BenchmarkLoadWorld(b *testing.B) {
	const n = 10_000
	saved := walletWorld(b, n).Save()
	for b.Loop() {
		if _, err := actor.Load(saved); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/account")
}
