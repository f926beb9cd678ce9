package counter_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/upgradable"
)

// TestUpgradeKeepsValue is the README's Go example, kept here so it compiles
// and passes.
func TestUpgradeKeepsValue(t *testing.T) {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner})
	c.Step(owner, 1)

	r, err := upgradable.Preflight(w, upgradable.Request{
		Contract: c.Address, Code: counter.V2().Code, Current: counter.V1(), Next: counter.V2()})
	require.NoError(t, err)
	require.Equal(t, upgradable.Safe, r.Verdict)

	res, _ := c.Upgrade(owner, counter.V2().Code)
	actortest.RequireTransaction(t, res.Transactions(),
		actortest.From(owner), actortest.To(c.Address), actortest.Op(upgradable.OpUpgrade), actortest.Success())
	v, _ := c.Value()
	require.Equal(t, int64(1), v.Int64())
}
