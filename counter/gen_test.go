package counter_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/gen"
	"github.com/tonsim/tonsim/internal/golden"
)

// TestGeneratedFileIsFresh writes counter_gen.go again from the packages
// in build/ and the arguments its first line records: it fails when the
// committed file is stale (go test ./counter -update, or go generate
// ./counter, rewrites it).
func TestGeneratedFileIsFresh(t *testing.T) {
	fresh, err := gen.Regenerate("counter_gen.go")
	require.NoError(t, err)
	golden.Equal(t, "counter_gen.go", string(fresh))
}

// TestGeneratedWrappers drives the counter through the generated names
// alone: typed deploy, messages, getters and each version's storage, an
// Open of the same account, and a fork.
func TestGeneratedWrappers(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	c, res, err := counter.DeployCounter(w, owner, counter.CounterInit{ID: bigInt(7), Owner: owner, Value: bigInt(41)}, contract.WithName("counter"))
	require.NoError(t, err)
	require.NoError(t, res.Err())
	assert.Equal(t, "CounterV1", res.Tx.Contract.Name, "the handle names its versions")

	res, err = c.SendStep(owner, counter.Step{QueryID: 1}, contract.DefaultValue)
	require.NoError(t, err)
	require.NoError(t, res.Err())
	v1, err := c.StorageCounterV1()
	require.NoError(t, err)
	assert.Equal(t, counter.CounterV1Data{Owner: owner, ID: 7, Value: 42}, *v1)
	_, err = c.StorageCounterV2()
	require.ErrorIs(t, err, contract.ErrOtherVersion)

	res, err = c.SendUpgrade(owner, counter.Upgrade{Code: counter.V2().Code}, contract.DefaultValue)
	require.NoError(t, err)
	require.NoError(t, res.Err())
	_, err = c.StorageCounterV2()
	require.ErrorIs(t, err, contract.ErrNotInitialized, "the migration waits for the next message")
	tv, err := c.GetTypeAndVersion()
	require.NoError(t, err)
	assert.Equal(t, counter.Type+" v2.0.0", tv, "getters already see v2")

	fork := c.On(w.Fork())
	_, err = fork.SendEmpty(owner, contract.DefaultValue)
	require.NoError(t, err)
	v2, err := fork.StorageCounterV2()
	require.NoError(t, err)
	assert.Equal(t, counter.CounterV2Data{Owner: owner, Value: 42, ID: 7}, *v2, "V2's layout, migrated by any message")
	_, err = c.StorageCounterV2()
	require.ErrorIs(t, err, contract.ErrNotInitialized, "the fork's message did not reach this world")

	opened, err := counter.OpenCounter(w, c.Address)
	require.NoError(t, err)
	ok, err := opened.GetIsUpgradable()
	require.NoError(t, err)
	assert.True(t, ok)
	_, err = opened.SendSetStep(owner, counter.SetStep{Step: 2}, contract.DefaultValue)
	require.ErrorContains(t, err, "CounterV2 has no message SetStep", "V3's message, while V2 runs")
	assert.Equal(t, 132, counter.ExitAccessDenied)
}
