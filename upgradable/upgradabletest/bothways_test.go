package upgradabletest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/counter"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/upgradable/upgradabletest"
)

// TestStateSurvivesUpgrade is the counter's own two-pass test: the same
// steps, assertions and storage, with and without V1 → V2 in the middle.
func TestStateSurvivesUpgrade(t *testing.T) {
	var passes []string
	upgradabletest.BothWays(t, func(t *testing.T, u *upgradabletest.Upgrader) {
		passes = append(passes, t.Name())
		w, err := actor.NewWorld()
		require.NoError(t, err)
		owner, err := w.NewWallet("owner")
		require.NoError(t, err)
		c, _, err := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner})
		require.NoError(t, err)
		for range 2 {
			_, err = c.Step(owner, 0)
			require.NoError(t, err)
		}

		u.Upgrade(w, c.Address, owner, counter.V2().Code)

		v, err := c.Value()
		require.NoError(t, err)
		assert.Equal(t, int64(2), v.Int64(), "the value survives")
		id, err := c.ID()
		require.NoError(t, err)
		assert.Equal(t, int64(1), id.Int64(), "the id survives")
		tv, err := c.TypeAndVersion()
		require.NoError(t, err)
		want := map[bool]string{false: "1.0.0", true: "2.0.0"}[u.Upgraded()]
		assert.Equal(t, want, tv.Version)
	})
	assert.Equal(t, []string{"TestStateSurvivesUpgrade/as_written", "TestStateSurvivesUpgrade/upgraded"}, passes)
}

func TestUpgradeRunsOnlyInTheUpgradedPass(t *testing.T) {
	ran := map[bool]int{}
	upgradabletest.BothWays(t, func(t *testing.T, u *upgradabletest.Upgrader) {
		u.At(func() { ran[u.Upgraded()]++ })
	})
	assert.Equal(t, map[bool]int{true: 1}, ran)
}
