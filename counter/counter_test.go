package counter_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
)

type fixture struct {
	w               *actor.World
	owner, stranger *address.Address
	c               *counter.Counter
}

func setup(t *testing.T, value uint32) *fixture {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	f := &fixture{w: w}
	f.owner, err = w.NewWallet("owner")
	require.NoError(t, err)
	f.stranger, err = w.NewWallet("stranger")
	require.NoError(t, err)
	var res *contract.Result
	f.c, res, err = counter.Deploy(w, f.stranger, counter.Init{ID: 7, Owner: f.owner, Value: value})
	require.NoError(t, err)
	actortest.RequireTransaction(t, res.Transactions(), actortest.To(f.c.Address), actortest.Deployed(), actortest.Success())
	return f
}

func (f *fixture) value(t *testing.T) int64 {
	t.Helper()
	v, err := f.c.Value()
	require.NoError(t, err)
	return v.Int64()
}

func (f *fixture) version(t *testing.T) string {
	t.Helper()
	v, err := f.c.TypeAndVersion()
	require.NoError(t, err)
	require.Equal(t, counter.Type, v.Type)
	return v.Version
}

func (f *fixture) step(t *testing.T, from *address.Address) *actor.Transaction {
	t.Helper()
	res, err := f.c.Step(from, 1)
	require.NoError(t, err)
	return actortest.RequireTransaction(t, res.Transactions(), actortest.To(f.c.Address), actortest.Op(counter.OpStep))
}

func TestStepReturnsTheRest(t *testing.T) {
	f := setup(t, 0)
	tr, err := f.c.Step(f.stranger, 42)
	require.NoError(t, err)

	step := actortest.RequireTransaction(t, tr.Transactions(), actortest.From(f.stranger), actortest.To(f.c.Address), actortest.Op(counter.OpStep), actortest.Success())
	back := actortest.RequireTransaction(t, tr.Transactions(), actortest.From(f.c.Address), actortest.To(f.stranger))
	assert.Same(t, step, back.Parent)
	assert.Positive(t, back.Value.Nano().Sign())
	assert.Equal(t, -1, back.Value.Nano().Cmp(contract.DefaultValue.Nano()), "the rest: the value less the gas")
	assert.Equal(t, int64(1), f.value(t))
}

func TestUpgradeChainKeepsState(t *testing.T) {
	f := setup(t, 0)
	for range 3 {
		f.step(t, f.stranger)
	}
	assert.Equal(t, "1.0.0", f.version(t))
	assert.Equal(t, int64(3), f.value(t))

	tr, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	up := actortest.RequireTransaction(t, tr.Transactions(), actortest.To(f.c.Address), actortest.Op(upgradable.OpUpgrade), actortest.Success())
	old, err := upgradable.Envelope(up.DataAfter)
	require.NoError(t, err, "the upgrade leaves the old data in the envelope")
	assert.Equal(t, up.DataBefore.Hash(), old.Hash())
	assert.Equal(t, counter.V2().Code.Hash(), up.CodeAfter.Hash())

	assert.Equal(t, "2.0.0", f.version(t), "the getter runs V2's init on the envelope")
	assert.Equal(t, int64(3), f.value(t))
	f.step(t, f.stranger)
	assert.Equal(t, int64(2), f.value(t), "V2 counts down")

	// The Step above migrated V2's storage, so V3's init finds V2's layout.
	_, err = f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	assert.Equal(t, "3.0.0", f.version(t))
	assert.Equal(t, int64(2), f.value(t))
	step, err := f.c.GetStep()
	require.NoError(t, err)
	assert.Equal(t, int64(1), step.Int64())

	tr, err = f.c.SendSetStep(f.owner, counter.SetStep{Step: 5}, contract.DefaultValue)
	require.NoError(t, err)
	actortest.RequireTransaction(t, tr.Transactions(), actortest.To(f.c.Address), actortest.Op(counter.OpSetStep), actortest.Success())
	f.step(t, f.stranger)
	assert.Equal(t, int64(7), f.value(t), "V3 adds its step")
	st, err := f.c.StorageCounterV3()
	require.NoError(t, err)
	assert.Equal(t, counter.CounterV3Data{Owner: f.owner, Value: 7, ID: 7, Step: 5}, *st, "V3's storage, typed")
	id, err := f.c.ID()
	require.NoError(t, err)
	assert.Equal(t, int64(7), id.Int64())
	owner, err := f.c.GetOwner()
	require.NoError(t, err)
	assert.True(t, owner.Equals(f.owner))
}

// TestBackToBackUpgradesBrick pins down a pitfall of the seed's pattern: the
// Upgrade receiver wraps getData(), the raw c4. Right after V1 → V2 that is
// still V1's envelope (the migration a message runs is only committed when a
// receiver ends normally, and Upgrade ends with throw(0)), so V2 → V3 wraps
// an envelope in an envelope, and V3's init fails on it.
func TestBackToBackUpgradesBrick(t *testing.T) {
	f := setup(t, 9)
	_, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	tr, err := f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	up := actortest.RequireTransaction(t, tr.Transactions(), actortest.To(f.c.Address), actortest.Op(upgradable.OpUpgrade), actortest.Success())

	inner, err := upgradable.Envelope(up.DataAfter)
	require.NoError(t, err)
	_, err = upgradable.Envelope(inner)
	require.NoError(t, err, "an envelope inside the envelope")

	_, err = f.c.Value()
	var exit *actor.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, int64(actor.ExitCellUnderflow), exit.Code)
}

func TestMigrationBetweenUpgrades(t *testing.T) {
	f := setup(t, 9)
	_, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	f.step(t, f.stranger) // any message commits V2's migration
	_, err = f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	assert.Equal(t, "3.0.0", f.version(t))
	assert.Equal(t, int64(8), f.value(t))
}

func TestDirectV1ToV3Bricks(t *testing.T) {
	f := setup(t, 3)
	_, err := f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err, "the upgrade itself goes through")

	_, err = f.c.TypeAndVersion()
	var exit *actor.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, int64(actor.ExitCellUnderflow), exit.Code, "V3's init reads V1's storage as V2's and runs out of bits")

	assert.Equal(t, int32(actor.ExitCellUnderflow), f.step(t, f.stranger).ExitCode)
	tr, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	rescue := actortest.RequireTransaction(t, tr.Transactions(), actortest.To(f.c.Address), actortest.Op(upgradable.OpUpgrade))
	assert.Equal(t, int32(actor.ExitCellUnderflow), rescue.ExitCode, "not even the owner's Upgrade can repair it")
}

func TestOwnerChecks(t *testing.T) {
	f := setup(t, 1)
	acc, err := f.w.Account(f.c.Address)
	require.NoError(t, err)

	tr, err := f.c.Upgrade(f.stranger, counter.V2().Code)
	require.NoError(t, err)
	tx := actortest.RequireTransaction(t, tr.Transactions(), actortest.From(f.stranger), actortest.To(f.c.Address), actortest.ExitCode(132), actortest.Aborted())
	assert.Equal(t, acc.Data.Hash(), tx.DataAfter.Hash())
	assert.Equal(t, acc.Code.Hash(), tx.CodeAfter.Hash())
	actortest.RequireTransaction(t, tr.Transactions(), actortest.From(f.c.Address), actortest.To(f.stranger), actortest.Bounced())
	assert.Equal(t, "1.0.0", f.version(t))

	_, err = f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	f.step(t, f.stranger)
	_, err = f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	tr, err = f.c.SendSetStep(f.stranger, counter.SetStep{Step: 9}, contract.DefaultValue)
	require.NoError(t, err)
	actortest.RequireTransaction(t, tr.Transactions(), actortest.To(f.c.Address), actortest.Op(counter.OpSetStep), actortest.ExitCode(132))
	step, err := f.c.GetStep()
	require.NoError(t, err)
	assert.Equal(t, int64(1), step.Int64())
}

func TestOverflowKeepsState(t *testing.T) {
	f := setup(t, 4294967295)
	tx := f.step(t, f.stranger)
	assert.Equal(t, int32(actor.ExitRangeCheck), tx.ExitCode, "uint32 maximum + 1 does not fit")
	assert.True(t, tx.Aborted)
	assert.Equal(t, tx.DataBefore.Hash(), tx.DataAfter.Hash())
	assert.Equal(t, int64(4294967295), f.value(t))

	_, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	f.step(t, f.stranger)
	assert.Equal(t, int64(4294967294), f.value(t))
}

func TestByCode(t *testing.T) {
	for _, pkg := range counter.Versions() {
		got, err := counter.ByCode(pkg.Code)
		require.NoError(t, err)
		assert.Same(t, pkg, got)
	}
	_, err := counter.ByCode(actor.WalletCode())
	require.ErrorIs(t, err, counter.ErrUnknownCode)
}

func bigInt(n int64) *big.Int { return big.NewInt(n) }
