package actor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func TestSaveLoad(t *testing.T) {
	w := newWorld(t, actor.WithSeed([32]byte{7}))
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 4)
	require.NoError(t, w.SetName("probe", probe))
	require.NoError(t, w.SetNow(actor.DefaultNow+100))

	saved := w.Save()
	boc := saved.Accounts.ToBOC()
	accounts, err := tvmcell.FromBOC(boc)
	require.NoError(t, err)
	saved.Accounts = accounts

	loaded, err := actor.Load(saved)
	require.NoError(t, err)
	assert.Equal(t, w.StateRoot(), loaded.StateRoot())
	assert.Equal(t, w.Now(), loaded.Now())
	assert.Equal(t, w.LT(), loaded.LT())
	assert.Equal(t, w.Names(), loaded.Names())
	assert.Empty(t, loaded.Transactions(), "history is not saved")

	// Both go on identically: same seed, clock and logical time.
	m := actor.Message{From: alice, To: probe, Value: ton("0.1"), Body: body(opRemember, nil)}
	a, err := w.Send(m)
	require.NoError(t, err)
	b, err := loaded.Send(m)
	require.NoError(t, err)
	assert.Equal(t, hashes(a.Transactions), hashes(b.Transactions))
	assert.Equal(t, w.StateRoot(), loaded.StateRoot())
}

func TestLoadRejectsDamage(t *testing.T) {
	w := newWorld(t)
	newWallet(t, w, "alice")
	saved := w.Save()
	saved.Accounts = tvmcell.BeginCell().MustStoreUInt(0xdead, 16).EndCell()
	_, err := actor.Load(saved)
	require.ErrorContains(t, err, "saved accounts")

	saved = w.Save()
	saved.Names["x"] = saved.Names["alice"]
	_, err = actor.Load(saved)
	require.ErrorIs(t, err, actor.ErrNameTaken)

	empty, err := actor.Load(newWorld(t).Save())
	require.NoError(t, err)
	assert.Equal(t, newWorld(t).StateRoot(), empty.StateRoot())
}
