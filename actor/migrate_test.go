package actor_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// migrationWorld is a world with alice and probe 1, named "probe", pinged
// twice (so it has seen three messages, its deployment included).
func migrationWorld(t *testing.T) (*actor.World, *address.Address, *address.Address) {
	t.Helper()
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	addr := deployProbe(t, w, alice, 1)
	require.NoError(t, w.SetName("probe", addr))
	ping(t, w, alice, addr)
	ping(t, w, alice, addr)
	return w, alice, addr
}

func TestMigrate(t *testing.T) {
	w, alice, addr := migrationWorld(t)
	before, err := w.Account(addr)
	require.NoError(t, err)
	next := probeInit(2)
	temp, err := actor.StateInitAddress(next)
	require.NoError(t, err)

	// Replay what the old probe has seen into the new one, as the seed
	// replays a counter's increments.
	var during struct{ oldSeen, newSeen int64 }
	op, err := w.Migrate(addr, next.Code, next.Data, func(m actor.Migration) error {
		assert.True(t, m.New.Equals(temp))
		assert.Equal(t, "probe (new)", m.World.NameOf(m.New))
		during.oldSeen = getInt(t, m.World, m.Old, "seen").Int64()
		for range during.oldSeen {
			ping(t, m.World, alice, m.New)
		}
		during.newSeen = getInt(t, m.World, m.New, "seen").Int64()
		assert.True(t, getMe(t, m.World, m.New).Equals(temp), "while it runs, the new code is at the temporary address")
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, int64(3), during.oldSeen)
	assert.Equal(t, int64(3), during.newSeen)

	t.Run("the new code and data are under the old address", func(t *testing.T) {
		assert.Equal(t, int64(2), getInt(t, w, addr, "id").Int64())
		assert.Equal(t, int64(3), getInt(t, w, addr, "seen").Int64())
		assert.True(t, getMe(t, w, addr).Equals(addr))
		assert.Equal(t, "probe", w.NameOf(addr))
	})
	t.Run("the temporary account is gone, name and all", func(t *testing.T) {
		_, err := w.Account(temp)
		assert.ErrorIs(t, err, actor.ErrAccountNotFound)
		assert.Empty(t, w.NameOf(temp))
		assert.Equal(t, []string{"alice", "probe"}, w.Names())
		accounts, err := w.Accounts()
		require.NoError(t, err)
		assert.Len(t, accounts, 2)
	})
	t.Run("no TON is lost: the balances add up", func(t *testing.T) {
		after, err := w.Account(addr)
		require.NoError(t, err)
		want := new(big.Int).Add(op.BalanceBefore.Nano(), op.TemporaryBalance.Nano())
		assert.Equal(t, want, after.Balance.Nano())
		assert.Equal(t, want, op.BalanceAfter.Nano())
		assert.Positive(t, op.TemporaryBalance.Nano().Sign())
		assert.Equal(t, before.LastLT, after.LastLT, "the old account's last transaction stays its last")
	})
	t.Run("the record says so", func(t *testing.T) {
		require.Equal(t, []*actor.Operation{op}, w.Operations())
		assert.Equal(t, actor.OpMigrate, op.Kind)
		assert.True(t, op.Temporary.Equals(temp))
		require.Len(t, op.Transactions, 6, "three pings: a wallet's transaction and the probe's each")
		assert.True(t, op.Transactions[1].To.Equals(temp))
		assert.Equal(t, "probe (new)", op.Transactions[1].NameOf(temp), "records keep the name of their time")
		assert.Equal(t, "probe (new)", op.NameOf(temp))
		assert.Equal(t, before.Data.Hash(), op.DataBefore.Hash())
		assert.Equal(t, w.StateRoot(), op.RootAfter)
		assert.Equal(t, w.LT(), op.LT)
		history := w.Transactions()
		assert.Same(t, op.Transactions[5], history[len(history)-1])
	})
}

func getMe(t testing.TB, w *actor.World, addr *address.Address) *address.Address {
	t.Helper()
	res, err := w.Get(addr, "me")
	require.NoError(t, err)
	s, ok := res.Stack[0].(interface {
		LoadAddr() (*address.Address, error)
	})
	require.True(t, ok)
	a, err := s.LoadAddr()
	require.NoError(t, err)
	return a
}

func TestMigrateUndone(t *testing.T) {
	boom := errors.New("boom")
	next := probeInit(2)
	cases := []struct {
		name string
		f    func(t *testing.T, alice *address.Address, m actor.Migration) error
		want error
		tx   bool
	}{
		{"the function fails", func(t *testing.T, alice *address.Address, m actor.Migration) error {
			ping(t, m.World, alice, m.New)
			return boom
		}, boom, false},
		{"a transaction fails on the new account", func(t *testing.T, alice *address.Address, m actor.Migration) error {
			_, err := m.World.Send(actor.Message{From: alice, To: m.New, Value: ton("0.1"), Body: body(opThrow, func(b *tvmcell.Builder) { b.MustStoreUInt(77, 16) })})
			return err
		}, nil, true},
		{"a transaction fails on the old account", func(t *testing.T, alice *address.Address, m actor.Migration) error {
			ping(t, m.World, alice, m.New)
			_, err := m.World.Send(actor.Message{From: alice, To: m.Old, Value: ton("0.1"), Body: body(opThrow, func(b *tvmcell.Builder) { b.MustStoreUInt(78, 16) })})
			return err
		}, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, alice, addr := migrationWorld(t)
			root, lt, now, names, history := w.StateRoot(), w.LT(), w.Now(), w.Names(), w.Transactions()
			_, err := w.Migrate(addr, next.Code, next.Data, func(m actor.Migration) error { return c.f(t, alice, m) })
			require.ErrorIs(t, err, actor.ErrMigrationUndone)
			var me *actor.MigrationError
			require.ErrorAs(t, err, &me)
			if c.want != nil {
				assert.ErrorIs(t, err, c.want)
			}
			assert.Equal(t, c.tx, me.Tx != nil)

			assert.Equal(t, root, w.StateRoot())
			assert.Equal(t, lt, w.LT())
			assert.Equal(t, now, w.Now())
			assert.Equal(t, names, w.Names())
			assert.Equal(t, history, w.Transactions())
			assert.Empty(t, w.Operations())
			temp, _ := actor.StateInitAddress(next)
			_, err = w.Account(temp)
			assert.ErrorIs(t, err, actor.ErrAccountNotFound)
		})
	}
}

func TestMigrateRefuses(t *testing.T) {
	w, alice, addr := migrationWorld(t)
	same := probeInit(1) // deploys to the old address itself
	next := probeInit(2)
	cases := []struct {
		name string
		run  func() error
		want string
	}{
		{"the new code deploys where an account is", func() error {
			_, err := w.Migrate(addr, same.Code, same.Data, nil)
			return err
		}, "already exists"},
		{"no account", func() error {
			temp, _ := actor.StateInitAddress(next)
			_, err := w.Migrate(temp, next.Code, next.Data, nil)
			return err
		}, "account not found"},
		{"the world changes meanwhile", func() error {
			_, err := w.Migrate(addr, next.Code, next.Data, func(actor.Migration) error {
				ping(t, w, alice, addr)
				return nil
			})
			return err
		}, "changed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.ErrorContains(t, c.run(), c.want)
			assert.Empty(t, w.Operations())
		})
	}
}

func TestMigrateKeepsHistoryLimit(t *testing.T) {
	w := newWorld(t, actor.WithHistory(1))
	alice := newWallet(t, w, "alice")
	addr := deployProbe(t, w, alice, 1)
	next := probeInit(2)
	op, err := w.Migrate(addr, next.Code, next.Data, func(m actor.Migration) error {
		ping(t, m.World, alice, m.New)
		return nil
	})
	require.NoError(t, err)
	assert.Len(t, op.Transactions, 2, "the record keeps the migration's transactions")
	assert.Len(t, w.Transactions(), 1, "the history keeps its limit")
}

func TestWorldOperationsAreDeterministic(t *testing.T) {
	run := func() (actor.StateRoot, actor.StateRoot) {
		w, alice, addr := migrationWorld(t)
		next := probeInit(2)
		op, err := w.Migrate(addr, next.Code, next.Data, func(m actor.Migration) error {
			ping(t, m.World, alice, m.New)
			return nil
		})
		require.NoError(t, err)
		fresh := probeInit(3)
		re, err := w.Reinstall(addr, fresh.Code, fresh.Data)
		require.NoError(t, err)
		return op.RootAfter, re.RootAfter
	}
	m1, r1 := run()
	m2, r2 := run()
	assert.Equal(t, m1, m2)
	assert.Equal(t, r1, r2)
	assert.NotEqual(t, m1, r1)
}
