package actor_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/op/funcs"
	"github.com/xssnick/tonutils-go/tvm/op/stack"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// sharedDAG returns levels cells over a leaf, each referring four times to
// the one below: levels+1 distinct cells, a tree of (4^(levels+1)−1)/3.
func sharedDAG(t testing.TB, levels int) *tvmcell.Cell {
	t.Helper()
	c := tvmcell.BeginCell().EndCell()
	for i := range levels {
		b := tvmcell.BeginCell()
		require.NoError(t, b.StoreUInt(uint64(i), 8))
		for range 4 {
			require.NoError(t, b.StoreRef(c))
		}
		c = b.EndCell()
	}
	return c
}

// unchanged asserts that w is where a failed step must leave it.
func unchanged(t *testing.T, w *actor.World) func() {
	t.Helper()
	root, lt, history := w.StateRoot(), w.LT(), len(w.Transactions())
	return func() {
		t.Helper()
		assert.Equal(t, root, w.StateRoot(), "the send is undone")
		assert.Equal(t, lt, w.LT())
		assert.Len(t, w.Transactions(), history)
	}
}

func TestMessageTreeIsBounded(t *testing.T) {
	// 9 levels are a tree of 349,525 cells, 10 of 1,398,101: past the bound.
	small, big := sharedDAG(t, 9), sharedDAG(t, 10)
	tests := []struct {
		name string
		msg  func(from *address.Address) actor.Message
		want string // "" for a message that goes
	}{
		{"body under the bound", func(from *address.Address) actor.Message {
			return actor.Message{From: from, To: from, Value: ton("1"), Body: small}
		}, ""},
		{"body", func(from *address.Address) actor.Message {
			return actor.Message{From: from, To: from, Value: ton("1"), Body: big}
		}, "the message's body, written out as a tree, has more than 1048576 cells"},
		{"state init's data", func(from *address.Address) actor.Message {
			return actor.Message{From: from, Value: ton("1"), StateInit: &tlb.StateInit{Code: fanCode(t), Data: big}}
		}, "the message's state init's data, written out as a tree"},
		{"state init's code", func(from *address.Address) actor.Message {
			return actor.Message{From: from, Value: ton("1"), StateInit: &tlb.StateInit{Code: big, Data: small}}
		}, "the message's state init's code, written out as a tree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			alice := newWallet(t, w, "alice")
			same := unchanged(t, w)
			_, err := w.Send(tt.msg(alice))
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, actor.ErrMessageTree)
			assert.ErrorContains(t, err, tt.want)
			same()
		})
	}

	t.Run("external body", func(t *testing.T) {
		w := newWorld(t)
		alice := newWallet(t, w, "alice")
		same := unchanged(t, w)
		_, err := w.SendExternal(alice, big)
		require.ErrorIs(t, err, actor.ErrMessageTree)
		same()
	})
}

// echoCode is the code of a contract that sends, on every message, the
// message its storage holds, paying its fees apart: c4 PUSHCTR 1 PUSHINT
// SENDRAWMSG.
func echoCode(t testing.TB) *tvmcell.Cell {
	t.Helper()
	b := tvmcell.BeginCell()
	for _, op := range []vm.OP{stack.PUSHCTR(4), stack.PUSHINT(big.NewInt(1)), funcs.SENDRAWMSG()} {
		require.NoError(t, b.StoreBuilder(op.Serialize()))
	}
	return b.EndCell()
}

// echoWorld is a world with a wallet and a contract whose every
// transaction sends a message with body as its body, to an address where
// no account is.
func echoWorld(t *testing.T, body *tvmcell.Cell, opts ...actor.Option) (w *actor.World, alice, echo *address.Address) {
	t.Helper()
	w = newWorld(t, opts...)
	alice = newWallet(t, w, "alice")
	echo = actor.WalletAddress("echo")
	msg, err := tlb.ToCell(&tlb.InternalMessage{IHRDisabled: true, SrcAddr: address.NewAddressNone(), DstAddr: actor.WalletAddress("nobody"), Amount: tlb.ZeroCoins, Body: body})
	require.NoError(t, err)
	require.NoError(t, w.PutAccount(echo, echoCode(t), msg, ton("10")))
	return w, alice, echo
}

// slowDAG is the levels of a body a contract can send but tonutils-go
// takes 0.7 s to walk on the development machine (11 levels take 0.18 s,
// 13 take 2.8 s; ten times as long under -race): several times the bound
// TestTransactionTimeout sets, short enough that the goroutine it leaves
// behind ends soon. TestWatch, which waits for the walk to end, takes one
// level less and a shorter bound.
const slowDAG = 12

func TestTransactionTimeout(t *testing.T) {
	t.Run("a message a contract shares is timed", func(t *testing.T) {
		w, alice, echo := echoWorld(t, sharedDAG(t, slowDAG), actor.WithTransactionTimeout(100*time.Millisecond))
		same := unchanged(t, w)
		_, err := w.Send(actor.Message{From: alice, To: echo, Value: ton("1"), NoBounce: true})
		require.ErrorIs(t, err, actor.ErrTransactionTimeout)
		assert.ErrorContains(t, err, "transaction did not finish in 100ms (actor.WithTransactionTimeout)")
		same()

		// The world goes on: a send that finishes still does.
		_, err = w.Send(actor.Message{From: alice, To: alice, Value: ton("1")})
		require.NoError(t, err)
	})
	t.Run("a bound nothing reaches changes nothing", func(t *testing.T) {
		w, alice, echo := echoWorld(t, sharedDAG(t, 3), actor.WithTransactionTimeout(actor.DefaultTransactionTimeout))
		tr, err := w.Send(actor.Message{From: alice, To: echo, Value: ton("1"), NoBounce: true})
		require.NoError(t, err)
		assert.Len(t, tr.Transactions, 3, "the wallet's, the echo's and nobody's")
	})
	t.Run("negative", func(t *testing.T) {
		_, err := actor.NewWorld(actor.WithTransactionTimeout(-time.Second))
		require.ErrorContains(t, err, "transaction timeout -1s is negative")
	})
}

func TestWatch(t *testing.T) {
	w, alice, echo := echoWorld(t, sharedDAG(t, slowDAG-1))
	stalls := make(chan error, 1)
	stop := actor.Watch(30*time.Millisecond, "--tx-timeout", func(err error) { stalls <- err })
	defer stop()
	_, err := w.Send(actor.Message{From: alice, To: echo, Value: ton("1"), NoBounce: true})
	require.NoError(t, err, "the world waits for the transaction: Watch only tells")
	select {
	case err := <-stalls:
		require.ErrorIs(t, err, actor.ErrTransactionTimeout)
		assert.ErrorContains(t, err, "transaction did not finish in 30ms (--tx-timeout)")
	default:
		t.Fatal("the stall was not reported")
	}

	// Sends that finish are no stall, however long they take together.
	stop()
	stalls = make(chan error, 1)
	stop = actor.Watch(200*time.Millisecond, "--tx-timeout", func(err error) { stalls <- err })
	defer stop()
	deadline := time.Now().Add(500 * time.Millisecond)
	for time.Now().Before(deadline) {
		_, err := w.Send(actor.Message{From: alice, To: alice, Value: ton("0.01")})
		require.NoError(t, err)
	}
	select {
	case err := <-stalls:
		t.Fatalf("reported a stall: %v", err)
	default:
	}
}

func TestLTExhausted(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	saved := w.Save()
	saved.LT = actor.MaxLT - 1
	w, err := actor.Load(saved)
	require.NoError(t, err)
	same := unchanged(t, w)
	_, err = w.Send(actor.Message{From: alice, To: alice, Value: ton("1")})
	require.ErrorIs(t, err, actor.ErrLTExhausted)
	assert.ErrorContains(t, err, "past 9223372036854775807")
	same()
}
