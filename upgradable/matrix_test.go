package upgradable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/upgradable"
)

// TestUpgradeMatrix runs the example counter's family from a v1 account:
// v1 → v2 and v2 → v3 are safe, v1 → v3 skips v2 and bricks, and so on.
func TestUpgradeMatrix(t *testing.T) {
	x := deploy(t)
	root := x.w.StateRoot()
	family := []upgradable.Member{{"v1", counter.V1()}, {"v2", counter.V2()}, {"v3", counter.V3()}}
	m, err := upgradable.UpgradeMatrix(x.w, upgradable.MatrixRequest{Contract: x.c.Address, Versions: family})
	require.NoError(t, err)
	assert.Equal(t, root, x.w.StateRoot(), "the world is not touched")
	assert.Equal(t, 0, m.Start)
	assert.Equal(t, []bool{true, true, true}, m.Reached)

	want := [3][3]upgradable.Verdict{
		{-1, upgradable.Safe, upgradable.Bricked},
		{upgradable.Bricked, -1, upgradable.Safe},
		{upgradable.Bricked, upgradable.Bricked, -1},
	}
	for i := range 3 {
		for j := range 3 {
			r := m.Report(upgradable.Pair{From: i, To: j})
			if i == j {
				assert.Nil(t, r)
				continue
			}
			require.NotNil(t, r, "%d → %d", i+1, j+1)
			assert.Equal(t, want[i][j], r.Verdict, "v%d → v%d: exit %d", i+1, j+1, r.ExitCode)
		}
	}
	assert.Empty(t, m.Failing(), "each version to the next is safe")

	m, err = upgradable.UpgradeMatrix(x.w, upgradable.MatrixRequest{Contract: x.c.Address, Versions: family,
		Supported: []upgradable.Pair{{0, 1}, {0, 2}}})
	require.NoError(t, err)
	assert.Equal(t, []upgradable.Pair{{0, 2}}, m.Failing(), "v1 → v3 is promised but bricks")
}

func TestUpgradeMatrixErrors(t *testing.T) {
	x := deploy(t)
	_, err := upgradable.UpgradeMatrix(x.w, upgradable.MatrixRequest{Contract: x.c.Address,
		Versions: []upgradable.Member{{"v2", counter.V2()}, {"v3", counter.V3()}}})
	require.ErrorIs(t, err, upgradable.ErrNotInFamily)
	_, err = upgradable.UpgradeMatrix(x.w, upgradable.MatrixRequest{Contract: x.c.Address,
		Versions: []upgradable.Member{{"v1", counter.V1()}}})
	require.ErrorContains(t, err, "at least two versions")
	_, err = upgradable.UpgradeMatrix(x.w, upgradable.MatrixRequest{Contract: x.c.Address,
		Versions: []upgradable.Member{{"v1", counter.V1()}, {"v2", counter.V2()}}, Supported: []upgradable.Pair{{0, 5}}})
	require.ErrorContains(t, err, "supported upgrade 1 → 6")
}
