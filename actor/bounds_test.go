package actor_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/op/cellslice"
	"github.com/xssnick/tonutils-go/tvm/op/funcs"
	"github.com/xssnick/tonutils-go/tvm/op/stack"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// fanCode is the code of a contract that answers every message by sending
// two messages of 0.01 TON to itself: a fan-out that doubles the queue at
// every level. It is assembled here from tonutils-go's opcodes, with no
// compiler:
//
//	16 PUSHINT NEWC 6 STU          int_msg_info$0 ihr_disabled bounce=0 bounced=0 src=addr_none
//	MYADDR STSLICER                dest: this contract
//	10000000 PUSHINT STGRAMS       value
//	107 PUSHINT STZEROES ENDC      no extra currencies, fees, lt, time, init or body
//	DUP 1 PUSHINT SENDRAWMSG 1 PUSHINT SENDRAWMSG
func fanCode(t testing.TB) *tvmcell.Cell {
	t.Helper()
	ops := []vm.OP{
		stack.PUSHINT(big.NewInt(0b010000)), cellslice.NEWC(), cellslice.STU(6),
		funcs.MYADDR(), cellslice.STSLICER(),
		stack.PUSHINT(big.NewInt(10_000_000)), cellslice.STGRAMS(),
		stack.PUSHINT(big.NewInt(1 + 4 + 4 + 64 + 32 + 1 + 1)), cellslice.STZEROES(), cellslice.ENDC(),
		stack.DUP(), stack.PUSHINT(big.NewInt(1)), funcs.SENDRAWMSG(),
		stack.PUSHINT(big.NewInt(1)), funcs.SENDRAWMSG(),
	}
	b := tvmcell.BeginCell()
	for _, op := range ops {
		require.NoError(t, b.StoreBuilder(op.Serialize()))
	}
	return b.EndCell()
}

// fanWorld is a world with a wallet and a fan-out contract, and the state
// a failed send must leave.
func fanWorld(t *testing.T, opts ...actor.Option) (w *actor.World, alice, fan *address.Address) {
	t.Helper()
	w = newWorld(t, opts...)
	alice = newWallet(t, w, "alice")
	fan = actor.WalletAddress("fan")
	require.NoError(t, w.PutAccount(fan, fanCode(t), tvmcell.BeginCell().EndCell(), ton("1000")))
	return w, alice, fan
}

func TestFanOutIsBounded(t *testing.T) {
	tests := []struct {
		name string
		opts []actor.Option
		want error
		// ran is where the send stopped: the wallet's transaction queues
		// one message, then each fan transaction takes one and queues two.
		ran string
	}{
		{"messages in flight", []actor.Option{actor.WithMaxInFlight(20)}, actor.ErrTooManyMessages, "21 queued after 21 transactions, more than the 20 a send may hold (actor.WithMaxInFlight)"},
		{"transactions still to run", []actor.Option{actor.WithMaxTransactions(40)}, actor.ErrTooManyTransactions, "21 run and 21 more messages queued, more than the 40 a send may run (actor.WithMaxTransactions)"},
		{"named by the front end", []actor.Option{actor.WithMaxInFlight(20), actor.WithKnobs(actor.Knobs{MaxInFlight: "--max-in-flight"})}, actor.ErrTooManyMessages, "more than the 20 a send may hold (--max-in-flight)"},
		{"unnamed knobs keep the Go option", []actor.Option{actor.WithMaxTransactions(40), actor.WithKnobs(actor.Knobs{MaxInFlight: "--max-in-flight"})}, actor.ErrTooManyTransactions, "more than the 40 a send may run (actor.WithMaxTransactions)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, alice, fan := fanWorld(t, tt.opts...)
			root, lt, history := w.StateRoot(), w.LT(), len(w.Transactions())

			_, err := w.Send(actor.Message{From: alice, To: fan, Value: ton("1")})
			require.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.ran, "the error names the bound")
			assert.Equal(t, root, w.StateRoot(), "the send is undone")
			assert.Equal(t, lt, w.LT())
			assert.Len(t, w.Transactions(), history)

			var undone *actor.UndoneError
			require.ErrorAs(t, err, &undone, "the error carries what the send ran")
			assert.Len(t, undone.Ran, 21, "the wallet's transaction and 20 of fan's")
			assert.Equal(t, alice.String(), undone.Ran[0].To.String(), "oldest first")
		})
	}
}

func TestHistoryLimit(t *testing.T) {
	for _, limit := range []int{0, 1, 4, actor.HistoryAll} {
		t.Run(map[int]string{0: "none", 1: "one", 4: "four", actor.HistoryAll: "all"}[limit], func(t *testing.T) {
			w := newWorld(t, actor.WithHistory(limit))
			alice, bob := newWallet(t, w, "alice"), newWallet(t, w, "bob")
			var all []*actor.Transaction
			var snaps []*actor.Snapshot
			for range 7 {
				tr, err := w.Send(actor.Message{From: alice, To: bob, Value: ton("1")})
				require.NoError(t, err)
				require.Len(t, tr.Transactions, 2, "the trace holds the send's transactions whatever the limit")
				all = append(all, tr.Transactions...)
				snaps = append(snaps, w.Snapshot())
			}
			want := all
			if limit != actor.HistoryAll {
				want = all[len(all)-limit:]
			}
			assert.Equal(t, hashes(want), hashes(w.Transactions()), "the last records, oldest first")

			// A snapshot keeps the history as it was; going back and on
			// again writes a new history beside it.
			w.Restore(snaps[2])
			before := hashes(snaps[2].Transactions())
			_, err := w.Send(actor.Message{From: bob, To: alice, Value: ton("1")})
			require.NoError(t, err)
			assert.Equal(t, before, hashes(snaps[2].Transactions()))
			assert.LessOrEqual(t, len(w.Transactions()), max(limit, 0)+len(all))
		})
	}

	// Lowering the limit drops the oldest records at once.
	w := newWorld(t)
	alice, bob := newWallet(t, w, "alice"), newWallet(t, w, "bob")
	for range 3 {
		_, err := w.Send(actor.Message{From: alice, To: bob, Value: ton("1")})
		require.NoError(t, err)
	}
	all := w.Transactions()
	w.SetHistory(2)
	assert.Equal(t, hashes(all[len(all)-2:]), hashes(w.Transactions()))
	w.SetHistory(actor.HistoryAll)
	_, err := w.Send(actor.Message{From: alice, To: bob, Value: ton("1")})
	require.NoError(t, err)
	assert.Len(t, w.Transactions(), 4)
}

// TestPendingAccounts checks the lazy account dictionary: a world that
// brings it up to date after every send and one that never does until the
// end agree on every root, and undoing a send while accounts are pending
// leaves them as they were.
func TestPendingAccounts(t *testing.T) {
	const wallets = 150 // more than maxPending, so writes flush on their own
	eager, lazy := newWorld(t), newWorld(t)
	var roots []actor.StateRoot
	for i := range wallets {
		for _, w := range []*actor.World{eager, lazy} {
			newWallet(t, w, "w"+string(rune('a'+i%26))+string(rune('a'+i/26)))
		}
		roots = append(roots, eager.StateRoot())
	}
	assert.Equal(t, roots[len(roots)-1], lazy.StateRoot(), "the same accounts, the same root")

	alice, bob := actor.WalletAddress("waa"), actor.WalletAddress("wba")
	for i := range 5 {
		for _, w := range []*actor.World{eager, lazy} {
			_, err := w.Send(actor.Message{From: alice, To: bob, Value: ton("1")})
			require.NoError(t, err)
		}
		assert.Equal(t, eager.StateRoot(), lazy.StateRoot(), "send %d", i)
	}

	// A send that fails after it ran transactions, with accounts pending
	// from the sends before it: everything goes back.
	w, alice, fan := fanWorld(t, actor.WithMaxTransactions(8))
	bob = newWallet(t, w, "bob")
	_, err := w.Send(actor.Message{From: alice, To: bob, Value: ton("1")})
	require.NoError(t, err)
	balance := func(addr *address.Address) string {
		acc, err := w.Account(addr)
		require.NoError(t, err)
		return acc.Balance.String()
	}
	before := []string{balance(alice), balance(bob), balance(fan)}
	_, err = w.Send(actor.Message{From: alice, To: fan, Value: ton("1")})
	require.ErrorIs(t, err, actor.ErrTooManyTransactions)
	assert.Equal(t, before, []string{balance(alice), balance(bob), balance(fan)})
	twin, twinAlice, _ := fanWorld(t)
	twinBob := newWallet(t, twin, "bob")
	_, err = twin.Send(actor.Message{From: twinAlice, To: twinBob, Value: ton("1")})
	require.NoError(t, err)
	assert.Equal(t, twin.StateRoot(), w.StateRoot(), "as if the failed send never was")
}
