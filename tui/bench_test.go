package tui

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/examples"
)

// benchHistory opens the demo with about n transactions of history: Steps
// from alice, three transactions each, every one keeping its snapshot, as
// tonsim tui keeps them; the whole history described, as after loading.
func benchHistory(b *testing.B, n int) *harness {
	b.Helper()
	w, cat, err := examples.Demo()
	require.NoError(b, err)
	w.SetTransactionSnapshots(true)
	alice, err := w.Lookup("alice")
	require.NoError(b, err)
	c, err := w.Lookup("counter")
	require.NoError(b, err)
	step, err := counter.V1().ABI.Encode("Step", map[string]any{"queryId": 1})
	require.NoError(b, err)
	for len(w.Transactions()) < n {
		if _, err := w.Send(actor.Message{From: alice, To: c, Value: contract.DefaultValue, Body: step}); err != nil {
			b.Fatal(err)
		}
	}
	h := newHarness(b, New(Options{World: w, Catalog: cat, Title: "bench"}), testWidth, testHeight)
	h.run(h.m.Init())
	require.Equal(b, len(w.Transactions()), h.m.st.log.len(), "the history is loaded")
	return h
}

// BenchmarkKeys measures what a key costs, Update and View, with the
// history it starts and any world operation it asks for (a travel restores
// a snapshot and reads the world again): at 1,000 and at 100,000
// transactions, so the two can be compared within one run. Each key is
// pressed with its opposite, so the screen comes back to where it was;
// ns/key is the time of one key.
//
//	go test ./tui -run '^$' -bench Keys -benchtime 200x
func BenchmarkKeys(b *testing.B) {
	pairs := []struct {
		name  string
		focus []string
		keys  [2]string
	}{
		{"down-up", []string{"tab", "tab"}, [2]string{"down", "up"}},
		{"pgup-pgdn", []string{"tab", "tab"}, [2]string{"pgup", "pgdown"}},
		{"home-end", []string{"tab", "tab"}, [2]string{"home", "end"}},
		{"tab", nil, [2]string{"tab", "tab"}},
		{"detail", []string{"tab", "tab", "tab"}, [2]string{"down", "up"}},
		{"travel", nil, [2]string{"[", "]"}},
	}
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("txs=%d", n), func(b *testing.B) {
			h := benchHistory(b, n)
			for _, p := range pairs {
				b.Run(p.name, func(b *testing.B) {
					h.m.setFocus(paneAccounts)
					h.press(p.focus...)
					for b.Loop() {
						for _, k := range p.keys {
							h.send(keyPress(k))
							_ = h.view()
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/key")
				})
			}
		})
	}
}
