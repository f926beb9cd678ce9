package counter_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// sessionSends is how many Step sends one benchmark iteration makes.
const sessionSends = 100

// BenchmarkStep measures a session of 100 Step sends to a V1 counter, each
// three transactions (the wallet's, the counter's, the cashback to the
// wallet), from the same starting state every iteration. It reports ns/send.
//
//   - world: through actor.World — the wallet's message built, the queue,
//     the cashback delivered, the account dictionary kept up to date, and a
//     record per transaction kept for the session (a Restore drops them).
//   - raw: the same 300 transactions through tonutils-go's
//     EmulateTransaction chained by hand, the external message built the
//     same way, nothing kept.
//   - both: a world session and a raw session in turn, each iteration, so
//     that a shared and noisy machine slows both alike; it reports each
//     one's ns/send and world/raw, the world's overhead over driving the
//     emulator by hand. This is the figure to quote.
func BenchmarkStep(b *testing.B) {
	b.Run("world", func(b *testing.B) {
		world := newWorldSession(b)
		b.ReportAllocs()
		for b.Loop() {
			world()
		}
		perSend(b)
	})
	b.Run("raw", func(b *testing.B) {
		raw := newRawSession(b)
		b.ReportAllocs()
		for b.Loop() {
			raw()
		}
		perSend(b)
	})
	b.Run("both", func(b *testing.B) {
		world, raw := newWorldSession(b), newRawSession(b)
		var inWorld, inRaw time.Duration
		timed := func(session func()) time.Duration {
			start := time.Now()
			session()
			return time.Since(start)
		}
		first := true
		for b.Loop() {
			// Each goes first every other time, so that neither inherits
			// the other's garbage more often.
			if first {
				inWorld += timed(world)
				inRaw += timed(raw)
			} else {
				inRaw += timed(raw)
				inWorld += timed(world)
			}
			first = !first
		}
		sends := float64(b.N * sessionSends)
		b.ReportMetric(float64(inWorld.Nanoseconds())/sends, "world-ns/send")
		b.ReportMetric(float64(inRaw.Nanoseconds())/sends, "raw-ns/send")
		b.ReportMetric(float64(inWorld)/float64(inRaw), "world/raw")
	})
}

// newWorldSession returns a session of Step sends through the world,
// each from the same snapshot, checking that every record is kept.
func newWorldSession(b *testing.B) func() {
	w, wallet, c := benchSetup(b)
	start, kept := w.Snapshot(), len(w.Transactions())
	step := stepBody(b) // encoded once, as the raw session's: both measure the world alone
	return func() {
		w.Restore(start)
		for range sessionSends {
			if _, err := w.Send(actor.Message{From: wallet, To: c.Address, Value: contract.DefaultValue, Body: step}); err != nil {
				b.Fatal(err)
			}
		}
		if n := len(w.Transactions()); n != kept+3*sessionSends {
			b.Fatalf("%d records kept, want %d", n, kept+3*sessionSends)
		}
	}
}

// newRawSession returns the same session driven through tonutils-go by
// hand, on the same accounts.
func newRawSession(b *testing.B) func() {
	w, wallet, c := benchSetup(b)
	prepare := func(addr *address.Address) *tvm.PreparedAccount {
		acc, err := w.Account(addr)
		require.NoError(b, err)
		p, err := tvm.PrepareAccount(&tlb.ShardAccount{Account: acc.Cell, LastTransHash: acc.LastHash, LastTransLT: acc.LastLT}, addr)
		require.NoError(b, err)
		return p
	}
	startWallet, startCounter, startLT := prepare(wallet), prepare(c.Address), w.LT()
	cfg, err := tvm.PrepareBlockchainConfig(actor.DefaultConfig())
	require.NoError(b, err)
	block, err := cfg.NewBlockContext(tvm.BlockOptions{Now: actor.DefaultNow, RandSeed: make([]byte, 32)})
	require.NoError(b, err)
	machine := tvm.NewTVM()
	step := stepBody(b)

	return func() {
		walletAcc, counterAcc, lt := startWallet, startCounter, startLT
		var walletStat, counterStat *tvmcell.Cell
		emulate := func(acc *tvm.PreparedAccount, stat, msg *tvmcell.Cell, parsed *tlb.Message) *tvm.TransactionExecutionResult {
			pm, err := tvm.PrepareParsedMessage(msg, parsed)
			if err != nil {
				b.Fatal(err)
			}
			res, err := machine.EmulateTransaction(block, acc, pm, tvm.TransactionOptions{LogicalTime: int64(lt), AccountStorageStat: stat})
			if err != nil {
				b.Fatal(err)
			}
			lt = res.EndLT
			return res
		}
		for range sessionSends {
			internal, err := tlb.ToCell(&tlb.InternalMessage{IHRDisabled: true, Bounce: true, SrcAddr: address.NewAddressNone(), DstAddr: c.Address, Amount: contract.DefaultValue, Body: step})
			if err != nil {
				b.Fatal(err)
			}
			ext := &tlb.Message{MsgType: tlb.MsgTypeExternalIn, Msg: &tlb.ExternalMessage{SrcAddr: address.NewAddressNone(), DstAddr: wallet, Body: tvmcell.BeginCell().MustStoreUInt(actor.SendPayFeesSeparately, 8).MustStoreRef(internal).EndCell()}}
			extCell, err := ext.ToCell()
			if err != nil {
				b.Fatal(err)
			}
			r1 := emulate(walletAcc, walletStat, extCell, ext)
			walletAcc, walletStat = r1.NextAccount, r1.AccountStorageStat
			r2 := emulate(counterAcc, counterStat, r1.OutMessages[0].Cell, r1.OutMessages[0].Msg)
			counterAcc, counterStat = r2.NextAccount, r2.AccountStorageStat
			r3 := emulate(walletAcc, walletStat, r2.OutMessages[0].Cell, r2.OutMessages[0].Msg)
			walletAcc, walletStat = r3.NextAccount, r3.AccountStorageStat
		}
	}
}

// stepBody is Step { queryId: 1 }, encoded once.
func stepBody(b *testing.B) *tvmcell.Cell {
	body, err := counter.V1().ABI.Encode("Step", map[string]any{"queryId": 1})
	require.NoError(b, err)
	return body
}

// BenchmarkHandle measures the same session as BenchmarkStep's world, sent
// through the generated wrapper: the message encoded by the ABI of the
// version that runs (found by its code hash) and every transaction
// described. It reports ns/send; compare it with world within one run.
func BenchmarkHandle(b *testing.B) {
	w, wallet, c := benchSetup(b)
	start, kept := w.Snapshot(), len(w.Transactions())
	b.ReportAllocs()
	for b.Loop() {
		w.Restore(start)
		for range sessionSends {
			if _, err := c.SendStep(wallet, counter.Step{QueryID: 1}, contract.DefaultValue); err != nil {
				b.Fatal(err)
			}
		}
	}
	require.Len(b, w.Transactions(), kept+3*sessionSends)
	perSend(b)
}

// perSend reports the time of one send rather than of one session.
func perSend(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sessionSends), "ns/send")
}

// BenchmarkRetained measures the memory a world keeps per transaction:
// its records and the account states they point to, after 1,000 sends.
func BenchmarkRetained(b *testing.B) {
	for b.Loop() {
		w, wallet, c := benchSetup(b)
		step := stepBody(b)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for range 1000 {
			if _, err := w.Send(actor.Message{From: wallet, To: c.Address, Value: contract.DefaultValue, Body: step}); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/3000, "B/tx")
		runtime.KeepAlive(w)
	}
}

func benchSetup(b *testing.B) (*actor.World, *address.Address, *counter.Counter) {
	w, err := actor.NewWorld()
	require.NoError(b, err)
	wallet, err := w.NewWallet("wallet")
	require.NoError(b, err)
	c, _, err := counter.Deploy(w, wallet, counter.Init{ID: 1, Owner: wallet})
	require.NoError(b, err)
	return w, wallet, c
}
