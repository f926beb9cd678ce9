package actor_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func TestNewWallet(t *testing.T) {
	given := address.MustParseRawAddr("0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31")
	tests := []struct {
		name        string
		wallet      string
		opts        []actor.WalletOption
		wantAddr    *address.Address
		wantBalance string
	}{
		{"address from the name", "alice", nil, actor.WalletAddress("alice"), "1000000"},
		{"explicit address", "owner", []actor.WalletOption{actor.WithAddress(given)}, given, "1000000"},
		{"explicit balance", "bob", []actor.WalletOption{actor.WithBalance(ton("10"))}, actor.WalletAddress("bob"), "10"},
		{"the largest balance", "rich", []actor.WalletOption{actor.WithBalance(tlb.FromNanoTON(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 120), big.NewInt(1))))}, actor.WalletAddress("rich"), "1329227995784915872903807060.280344575"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			addr := newWallet(t, w, tt.wallet, tt.opts...)
			assert.Equal(t, tt.wantAddr.StringRaw(), addr.StringRaw())

			acc, err := w.Account(addr)
			require.NoError(t, err)
			assert.Equal(t, tlb.AccountStatus(tlb.AccountStatusActive), acc.Status)
			assert.Equal(t, tt.wantBalance, acc.Balance.String())
			assert.Equal(t, actor.WalletCode().Hash(), acc.Code.Hash())

			got, err := w.Wallet(tt.wallet)
			require.NoError(t, err)
			assert.True(t, got.Equals(addr))
			assert.Equal(t, tt.wallet, w.NameOf(addr))
			assert.True(t, w.IsWallet(addr))
		})
	}
}

func TestNewWalletRejected(t *testing.T) {
	masterchain := address.MustParseRawAddr("-1:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31")
	tests := []struct {
		name    string
		wallet  string
		opts    []actor.WalletOption
		wantErr error
	}{
		{"name taken", "alice", []actor.WalletOption{actor.WithAddress(actor.WalletAddress("x"))}, actor.ErrNameTaken},
		{"address taken", "carol", []actor.WalletOption{actor.WithAddress(actor.WalletAddress("alice"))}, actor.ErrAccountExists},
		{"masterchain", "mc", []actor.WalletOption{actor.WithAddress(masterchain)}, actor.ErrWorkchain},
		{"a balance past a Grams field", "rich", []actor.WalletOption{actor.WithBalance(tlb.FromNanoTON(new(big.Int).Lsh(big.NewInt(1), 120)))}, cell.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			newWallet(t, w, "alice")
			root := w.StateRoot()

			_, err := w.NewWallet(tt.wallet, tt.opts...)
			require.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, root, w.StateRoot(), "a rejected wallet changes nothing")
			assert.Equal(t, []string{"alice"}, w.Names())
		})
	}
	t.Run("negative balance", func(t *testing.T) {
		w := newWorld(t)
		_, err := w.NewWallet("neg", actor.WithBalance(tlb.FromNanoTON(big.NewInt(-1))))
		require.ErrorContains(t, err, "negative balance")
	})
}

func TestSendRejected(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice", actor.WithBalance(ton("1")))
	probe := deployProbe(t, w, newWallet(t, w, "deployer"), 1)
	root, history := w.StateRoot(), len(w.Transactions())

	tests := []struct {
		name    string
		msg     actor.Message
		wantErr error
		wantMsg string
	}{
		{"from a contract", actor.Message{From: probe, To: alice, Value: ton("0.1")}, actor.ErrUnknownWallet, "is not a wallet"},
		{"from nowhere", actor.Message{From: actor.WalletAddress("nobody"), To: alice, Value: ton("0.1")}, actor.ErrUnknownWallet, ""},
		{"more than the balance", actor.Message{From: alice, To: probe, Value: ton("2")}, actor.ErrInsufficientBalance, `wallet "alice" holds 1 TON, cannot send 2 TON`},
		{"no destination", actor.Message{From: alice, Value: ton("0.1")}, nil, "neither a destination nor a state init"},
		{"negative value", actor.Message{From: alice, To: probe, Value: tlb.FromNanoTON(big.NewInt(-5))}, nil, "negative value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.Send(tt.msg)
			require.Error(t, err)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.ErrorContains(t, err, tt.wantMsg)
			assert.Equal(t, root, w.StateRoot(), "a rejected send changes nothing")
			assert.Len(t, w.Transactions(), history)
		})
	}
}

func TestDeployAndTree(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	si := probeInit(7)
	want, err := actor.StateInitAddress(si)
	require.NoError(t, err)

	tr, err := w.Send(actor.Message{From: alice, StateInit: si, Value: ton("0.5")})
	require.NoError(t, err)

	root := actortest.RequireTransaction(t, tr.Transactions, actortest.External(), actortest.To(alice), actortest.Success())
	deploy := actortest.RequireTransaction(t, tr.Transactions, actortest.From(alice), actortest.To(want), actortest.Deployed(), actortest.EmptyBody(), actortest.Success())
	assert.Same(t, root, tr.Root())
	assert.Same(t, root, deploy.Parent)
	assert.Equal(t, []*actor.Transaction{deploy}, root.Children)
	assert.Equal(t, tlb.AccountStatus(tlb.AccountStatusNonExist), deploy.StatusBefore)
	assert.Equal(t, tlb.AccountStatus(tlb.AccountStatusActive), deploy.StatusAfter)
	assert.Nil(t, deploy.CodeBefore)
	assert.Equal(t, probeCode.Hash(), deploy.CodeAfter.Hash())
	assert.Equal(t, "0.5", deploy.Value.String())
	assert.Greater(t, deploy.GasUsed, int64(0))
	assert.Greater(t, deploy.Fees.Nano().Sign(), 0)

	assert.Equal(t, int64(7), getInt(t, w, want, "id").Int64())
	assert.Equal(t, int64(1), getInt(t, w, want, "seen").Int64(), "the empty message ran receive()")

	// The wallet paid the value and the fees of both of its transactions.
	acc, err := w.Account(alice)
	require.NoError(t, err)
	spent := new(big.Int).Sub(actor.DefaultWalletBalance.Nano(), acc.Balance.Nano())
	assert.Equal(t, 1, spent.Cmp(ton("0.5").Nano()), "spent more than the value: fees too")
}

func TestFailedTransactionKeepsState(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)
	before, err := w.Account(probe)
	require.NoError(t, err)

	tr, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.2"), Body: body(opThrow, func(b *tvmcell.Builder) { b.MustStoreUInt(77, 16) })})
	require.NoError(t, err, "a contract failure is a transaction, not an error")

	failed := actortest.RequireTransaction(t, tr.Transactions, actortest.To(probe), actortest.Op(opThrow), actortest.ExitCode(77), actortest.Failed(), actortest.Aborted())
	assert.Equal(t, failed.DataBefore.Hash(), failed.DataAfter.Hash(), "an aborted transaction keeps the data")
	var exit *actor.ExitError
	require.ErrorAs(t, failed.Err(), &exit)
	assert.Equal(t, int64(77), exit.Code)

	bounce := actortest.RequireTransaction(t, tr.Transactions, actortest.From(probe), actortest.To(alice), actortest.Bounced(), actortest.Op(0xffffffff))
	assert.Same(t, failed, bounce.Parent)
	assert.Less(t, bounce.Value.Nano().Cmp(ton("0.2").Nano()), 0, "the bounce returns the value less fees")
	assert.Greater(t, bounce.Value.Nano().Sign(), 0)

	after, err := w.Account(probe)
	require.NoError(t, err)
	assert.Equal(t, before.Data.Hash(), after.Data.Hash())
	assert.Equal(t, int64(1), getInt(t, w, probe, "seen").Int64(), "the failed receiver's increment was discarded")
}

func TestBounceFromNowhere(t *testing.T) {
	nowhere := actor.WalletAddress("nobody lives here")
	tests := []struct {
		name       string
		noBounce   bool
		wantStatus tlb.AccountStatus
		wantBounce bool
	}{
		{"bounceable returns", false, tlb.AccountStatusNonExist, true},
		{"non-bounceable stays", true, tlb.AccountStatusUninit, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			alice := newWallet(t, w, "alice")
			tr, err := w.Send(actor.Message{From: alice, To: nowhere, Value: ton("1"), NoBounce: tt.noBounce})
			require.NoError(t, err)

			tx := actortest.RequireTransaction(t, tr.Transactions, actortest.To(nowhere))
			assert.Equal(t, tlb.ComputeSkipReasonType(tlb.ComputeSkipReasonNoState), tx.ComputeSkipped)
			assert.False(t, tx.Success)
			assert.True(t, tx.Aborted)
			assert.Error(t, tx.Err())
			if tt.wantBounce {
				actortest.RequireTransaction(t, tr.Transactions, actortest.To(alice), actortest.Bounced())
			} else {
				actortest.RequireNoTransaction(t, tr.Transactions, actortest.Bounced())
			}

			acc, err := w.Account(nowhere)
			if tt.wantStatus == tlb.AccountStatusNonExist {
				require.ErrorIs(t, err, actor.ErrAccountNotFound)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantStatus, acc.Status)
			assert.Equal(t, 1, acc.Balance.Nano().Cmp(big.NewInt(0)))
		})
	}
}

func TestQueueIsBreadthFirst(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	a, b := deployProbe(t, w, alice, 1), deployProbe(t, w, alice, 2)

	// alice → a: Forward a Ping{3} to b; then b and a ping back and forth.
	ping := body(opPing, func(c *tvmcell.Builder) { c.MustStoreUInt(3, 32) })
	fwd := body(opForward, func(c *tvmcell.Builder) {
		c.MustStoreAddr(b).MustStoreBigCoins(ton("0.5").Nano()).MustStoreBoolBit(true).MustStoreUInt(0, 8).MustStoreMaybeRef(ping)
	})
	tr, err := w.Send(actor.Message{From: alice, To: a, Value: ton("1"), Body: fwd})
	require.NoError(t, err)

	var path []string
	for _, tx := range tr.Transactions {
		path = append(path, w.NameOf(tx.To)+addrTag(tx.To, a, b))
	}
	assert.Equal(t, []string{"alice", "a", "b", "a", "b", "a"}, path, "Forward, then Ping 3, 2, 1, 0")
	for i := 1; i < len(tr.Transactions); i++ {
		assert.Same(t, tr.Transactions[i-1], tr.Transactions[i].Parent, "a chain: each caused by the previous")
		assert.Greater(t, tr.Transactions[i].LT, tr.Transactions[i-1].LT, "logical time grows")
	}
	// Each counts its deploy too: a saw Forward, Ping 2 and Ping 0; b Ping 3 and 1.
	assert.Equal(t, int64(4), getInt(t, w, a, "seen").Int64())
	assert.Equal(t, int64(3), getInt(t, w, b, "seen").Int64())
}

func addrTag(addr, a, b *address.Address) string {
	switch {
	case addr.Equals(a):
		return "a"
	case addr.Equals(b):
		return "b"
	}
	return ""
}

func TestTooManyTransactionsIsUndone(t *testing.T) {
	w := newWorld(t, actor.WithMaxTransactions(10))
	alice := newWallet(t, w, "alice")
	a, b := deployProbe(t, w, alice, 1), deployProbe(t, w, alice, 2)
	root, history, lt := w.StateRoot(), len(w.Transactions()), w.LT()

	ping := body(opPing, func(c *tvmcell.Builder) { c.MustStoreUInt(1000, 32) })
	fwd := body(opForward, func(c *tvmcell.Builder) {
		c.MustStoreAddr(b).MustStoreBigCoins(ton("0.5").Nano()).MustStoreBoolBit(true).MustStoreUInt(0, 8).MustStoreMaybeRef(ping)
	})
	_, err := w.Send(actor.Message{From: alice, To: a, Value: ton("1"), Body: fwd})
	require.ErrorIs(t, err, actor.ErrTooManyTransactions)
	assert.Equal(t, root, w.StateRoot())
	assert.Len(t, w.Transactions(), history)
	assert.Equal(t, lt, w.LT())
}

func TestExternalOutIsLogged(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)

	tr, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.1"), Body: body(opLog, func(c *tvmcell.Builder) { c.MustStoreUInt(42, 32) })})
	require.NoError(t, err)
	tx := actortest.RequireTransaction(t, tr.Transactions, actortest.To(probe), actortest.Success())
	require.Len(t, tx.Out, 1)
	assert.Nil(t, tx.Out[0].To, "an external message has no destination")
	assert.Empty(t, tx.Children, "nobody receives a log")
	log := tx.Out[0].Body.MustBeginParse()
	assert.Equal(t, uint64(opLog), log.MustLoadUInt(32))
	assert.Equal(t, uint64(42), log.MustLoadUInt(32))
}

func TestSendExternalNotAccepted(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)
	root, history := w.StateRoot(), len(w.Transactions())

	_, err := w.SendExternal(probe, nil)
	require.ErrorIs(t, err, actor.ErrNotAccepted)
	var exit *actor.ExitError
	require.ErrorAs(t, err, &exit)
	assert.NotZero(t, exit.Code)
	assert.Equal(t, root, w.StateRoot())
	assert.Len(t, w.Transactions(), history)
}

func TestGet(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 5)
	acc, err := w.Account(probe)
	require.NoError(t, err)

	t.Run("arguments", func(t *testing.T) {
		assert.Equal(t, int64(5), getInt(t, w, probe, "sum", 2, big.NewInt(3)).Int64())
		assert.Equal(t, int64(-1), getInt(t, w, probe, "isMe", probe, true).Int64())
		assert.Equal(t, int64(0), getInt(t, w, probe, "isMe", alice, true).Int64())
	})
	t.Run("c7", func(t *testing.T) {
		assert.Equal(t, int64(actor.DefaultNow), getInt(t, w, probe, "clock").Int64())
		assert.Equal(t, 0, getInt(t, w, probe, "balance").Cmp(acc.Balance.Nano()))
		res, err := w.Get(probe, "me")
		require.NoError(t, err)
		me, err := res.Stack[0].(*tvmcell.Slice).LoadAddr()
		require.NoError(t, err)
		assert.True(t, me.Equals(probe))
	})
	t.Run("by id", func(t *testing.T) {
		res, err := w.GetByID(probe, actor.MethodID("id"))
		require.NoError(t, err)
		assert.Equal(t, int64(5), res.Stack[0].(*big.Int).Int64())
	})

	tests := []struct {
		name     string
		addr     *address.Address
		method   string
		args     []any
		wantErr  error
		wantCode int64
		wantMsg  string
	}{
		{"throws", probe, "fail", []any{77}, nil, 77, "get fail on 0:"},
		{"unknown method", probe, "nope", nil, nil, 11, "exit code 11"},
		{"missing account", actor.WalletAddress("ghost"), "seen", nil, actor.ErrAccountNotFound, 0, "get seen"},
		{"bad argument", probe, "sum", []any{"two"}, nil, 0, "argument 1: cannot pass string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.Get(tt.addr, tt.method, tt.args...)
			require.Error(t, err)
			assert.ErrorContains(t, err, tt.wantMsg)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			var exit *actor.ExitError
			if tt.wantCode != 0 {
				require.ErrorAs(t, err, &exit)
				assert.Equal(t, tt.wantCode, exit.Code)
			} else {
				assert.False(t, errors.As(err, &exit))
			}
		})
	}
	t.Run("no code", func(t *testing.T) {
		nowhere := actor.WalletAddress("uninit")
		_, err := w.Send(actor.Message{From: alice, To: nowhere, Value: ton("1"), NoBounce: true})
		require.NoError(t, err)
		_, err = w.Get(nowhere, "seen")
		require.ErrorIs(t, err, actor.ErrNoCode)
	})
}

func TestClock(t *testing.T) {
	w := newWorld(t, actor.WithNow(1_800_000_000))
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)

	require.ErrorIs(t, w.SetNow(1_700_000_000), actor.ErrTimeBackwards)
	require.NoError(t, w.SetNow(1_800_000_100))
	assert.Equal(t, uint32(1_800_000_100), w.Now())
	assert.Equal(t, int64(1_800_000_100), getInt(t, w, probe, "clock").Int64())

	tr, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.1"), Body: body(opRemember, nil)})
	require.NoError(t, err)
	assert.Equal(t, uint32(1_800_000_100), tr.Transactions[1].Now)
	assert.Equal(t, int64(1_800_000_100), getInt(t, w, probe, "memory").Int64())
}

func TestRandomSeed(t *testing.T) {
	draw := func(seed [32]byte) (first, second *big.Int) {
		w := newWorld(t, actor.WithSeed(seed))
		alice := newWallet(t, w, "alice")
		probe := deployProbe(t, w, alice, 1)
		remember := actor.Message{From: alice, To: probe, Value: ton("0.1"), Body: body(opRemember, nil)}
		_, err := w.Send(remember)
		require.NoError(t, err)
		first = getInt(t, w, probe, "lastRandom")
		_, err = w.Send(remember)
		require.NoError(t, err)
		return first, getInt(t, w, probe, "lastRandom")
	}
	a1, a2 := draw([32]byte{})
	b1, b2 := draw([32]byte{})
	c1, _ := draw([32]byte{1})
	assert.NotEqual(t, a1.String(), a2.String(), "two transactions draw differently")
	assert.Equal(t, a1.String(), b1.String(), "the same seed draws the same")
	assert.Equal(t, a2.String(), b2.String())
	assert.NotEqual(t, a1.String(), c1.String(), "another seed draws differently")
}

// TestPutAccountBalance: a balance a Grams field cannot hold is an error,
// not tonutils-go's panic, and changes nothing.
func TestPutAccountBalance(t *testing.T) {
	w := newWorld(t)
	root := w.StateRoot()
	err := w.PutAccount(actor.WalletAddress("x"), actor.WalletCode(), tvmcell.BeginCell().EndCell(), tlb.FromNanoTON(new(big.Int).Lsh(big.NewInt(1), 120)))
	require.ErrorIs(t, err, cell.ErrOutOfRange)
	assert.Contains(t, err.Error(), "balance: \"1329227995784915872903807060280344576n\" is more than a Grams field holds")
	assert.Equal(t, root, w.StateRoot())
}

// TestSendPastMaxBalance: a send that would take the receiver's balance
// past what a Grams field holds says so, with both amounts, and is undone.
func TestSendPastMaxBalance(t *testing.T) {
	w := newWorld(t)
	most := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 120), big.NewInt(1))
	alice := newWallet(t, w, "alice")
	rich := newWallet(t, w, "rich", actor.WithBalance(tlb.FromNanoTON(most)))
	root, lt := w.StateRoot(), w.LT()

	_, err := w.Send(actor.Message{From: alice, To: rich, Value: ton("1")})
	require.ErrorIs(t, err, cell.ErrOutOfRange)
	assert.ErrorContains(t, err, "its balance would pass 2^120 - 1 nanotons, the most an account holds: "+most.String()+" nanotons held and 1000000000 brought")
	assert.Equal(t, root, w.StateRoot(), "the send is undone")
	assert.Equal(t, lt, w.LT())

	_, err = w.Send(actor.Message{From: alice, To: rich, Value: tlb.ZeroCoins})
	assert.NoError(t, err, "a send that brings nothing goes through")
}
