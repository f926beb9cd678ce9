package actor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// ping sends an empty message, which makes a probe count one more.
func ping(t testing.TB, w *actor.World, from, to *address.Address) {
	t.Helper()
	tr, err := w.Send(actor.Message{From: from, To: to, Value: ton("0.1")})
	require.NoError(t, err)
	require.True(t, tr.Transactions[1].Success)
}

func TestReinstall(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	addr := deployProbe(t, w, alice, 1)
	require.NoError(t, w.SetName("probe", addr))
	ping(t, w, alice, addr)
	ping(t, w, alice, addr)
	before, err := w.Account(addr)
	require.NoError(t, err)
	lt, history := w.LT(), len(w.Transactions())

	fresh := probeInit(2)
	op, err := w.Reinstall(addr, fresh.Code, fresh.Data)
	require.NoError(t, err)

	after, err := w.Account(addr)
	require.NoError(t, err)
	t.Run("the account keeps its address, balance and last transaction", func(t *testing.T) {
		assert.Equal(t, before.Balance.Nano(), after.Balance.Nano())
		assert.Equal(t, before.LastLT, after.LastLT)
		assert.Equal(t, before.LastHash, after.LastHash)
		assert.Equal(t, "probe", w.NameOf(addr))
	})
	t.Run("it runs fresh init data", func(t *testing.T) {
		assert.Equal(t, fresh.Data.Hash(), after.Data.Hash())
		assert.Equal(t, int64(2), getInt(t, w, addr, "id").Int64())
		assert.Equal(t, int64(0), getInt(t, w, addr, "seen").Int64())
	})
	t.Run("no transaction ran and no time passed", func(t *testing.T) {
		assert.Equal(t, lt, w.LT())
		assert.Len(t, w.Transactions(), history)
	})
	t.Run("the record keeps what was lost", func(t *testing.T) {
		require.Equal(t, []*actor.Operation{op}, w.Operations())
		assert.Equal(t, actor.OpReinstall, op.Kind)
		assert.Equal(t, "reinstalled", op.Kind.String())
		assert.Equal(t, before.Data.Hash(), op.DataBefore.Hash())
		assert.Equal(t, before.Code.Hash(), op.CodeBefore.Hash())
		assert.Equal(t, tlb.AccountStatus(tlb.AccountStatusActive), op.StatusBefore)
		assert.Equal(t, lt, op.LT)
		assert.Equal(t, w.StateRoot(), op.RootAfter)
		assert.NotEqual(t, op.RootBefore, op.RootAfter)
		assert.Equal(t, "probe", op.NameOf(addr))
	})
	t.Run("the next message runs the new code", func(t *testing.T) {
		ping(t, w, alice, addr)
		assert.Equal(t, int64(1), getInt(t, w, addr, "seen").Int64())
		assert.Greater(t, w.Transactions()[len(w.Transactions())-1].LT, op.LT)
	})
}

func TestReinstallRefuses(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	addr := deployProbe(t, w, alice, 1)
	nobody := address.MustParseRawAddr("0:" + "11" + "00000000000000000000000000000000000000000000000000000000000000")
	fresh := probeInit(2)
	cases := []struct {
		name       string
		addr       *address.Address
		code, data *tvmcell.Cell
		want       string
	}{
		{"no account", nobody, fresh.Code, fresh.Data, "account not found"},
		{"no code", addr, nil, fresh.Data, "no code"},
		{"no data", addr, fresh.Code, nil, "no data"},
		{"a wallet", alice, fresh.Code, fresh.Data, "wallet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, lt := w.StateRoot(), w.LT()
			_, err := w.Reinstall(c.addr, c.code, c.data)
			require.ErrorContains(t, err, c.want)
			assert.Equal(t, root, w.StateRoot())
			assert.Equal(t, lt, w.LT())
			assert.Empty(t, w.Operations())
		})
	}
}

func TestReinstallTimeTravel(t *testing.T) {
	w := newWorld(t)
	w.SetTransactionSnapshots(true)
	alice := newWallet(t, w, "alice")
	addr := deployProbe(t, w, alice, 1)
	ping(t, w, alice, addr)
	before := w.Snapshot()
	fresh := probeInit(2)
	op, err := w.Reinstall(addr, fresh.Code, fresh.Data)
	require.NoError(t, err)
	require.NotNil(t, op.After)
	assert.Equal(t, op.RootAfter, op.After.Root())

	w.Restore(before)
	assert.Equal(t, op.RootBefore, w.StateRoot())
	assert.Empty(t, w.Operations(), "restoring before the operation drops its record")
	assert.Equal(t, int64(2), getInt(t, w, addr, "seen").Int64(), "the deployment and a ping")

	w.Restore(op.After)
	assert.Equal(t, []*actor.Operation{op}, w.Operations())
	assert.Equal(t, int64(0), getInt(t, w, addr, "seen").Int64())
}
