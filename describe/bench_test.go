package describe_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// BenchmarkDescribe describes the transactions of 100 recorded Step sends
// to the counter (three each: the wallet's external, the Step, the
// cashback) one at a time, in the order they ran: as tonsim run does
// (describe), and wording what it prints of each, the parties, message,
// exit, effect and notes (text). An op is one transaction. A world that
// keeps no history (as tonsim run) leaves the records' cells whole; one
// that keeps it all (as the TUI) packs them.
//
//	go test ./describe -run '^$' -bench Describe -benchmem
func BenchmarkDescribe(b *testing.B) {
	for _, history := range []struct {
		name  string
		limit int
	}{{"history=none", 0}, {"history=all", actor.HistoryAll}} {
		f := newFixture(b, actor.WithHistory(history.limit))
		var txs []*actor.Transaction
		for i := range 100 {
			tr, err := trace(f.c.Step(f.stranger, uint64(i)))
			require.NoError(b, err)
			txs = append(txs, tr.Transactions...)
		}
		b.Run(history.name+"/describe", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				describe.Describe(f.cat, txs[i%len(txs)])
			}
		})
		b.Run(history.name+"/text", func(b *testing.B) {
			b.ReportAllocs()
			var sb strings.Builder
			for i := 0; b.Loop(); i++ {
				if i%len(txs) == 0 {
					sb.Reset()
				}
				d := describe.Describe(f.cat, txs[i%len(txs)])
				p := d.Printer()
				sb.WriteString(d.From.String() + d.To.String() + d.Message.String() + d.Exit.String() + d.Effect(p))
				for _, n := range d.Notes(p) {
					sb.WriteString(n)
				}
			}
		})
	}
}
