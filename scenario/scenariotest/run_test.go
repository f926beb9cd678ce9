package scenariotest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/scenario/scenariotest"
)

// TestRun plays the repository's example scenarios, in parallel.
func TestRun(t *testing.T) {
	scenariotest.Run(t, "../../examples/*.yaml", scenariotest.WithBuiltins(examples.Builtins()), scenariotest.Parallel())
}

func TestCheck(t *testing.T) {
	b := scenariotest.WithBuiltins(examples.Builtins())
	failures, err := scenariotest.Check("testdata/pass.yaml", b)
	require.NoError(t, err)
	assert.Empty(t, failures)

	failures, err = scenariotest.Check("testdata/fail.yaml", b)
	require.NoError(t, err)
	golden.Equal(t, "testdata/fail.golden", strings.Join(failures, "\n")+"\n")

	_, err = scenariotest.Check("testdata/broken.yaml.txt", b)
	require.ErrorIs(t, err, scenario.ErrScenario)
	assert.EqualError(t, err, `testdata/broken.yaml.txt:4:30: unknown wallet or account "nobody"`)
}

// TestWithWorld plays a scenario on a fork of a prepared world: its wallet
// is the world's, and the world is left as it was.
func TestWithWorld(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	_, err = w.NewWallet("owner")
	require.NoError(t, err)
	root := w.StateRoot()
	failures, err := scenariotest.Check("testdata/pass.yaml", scenariotest.WithBuiltins(examples.Builtins()), scenariotest.WithWorld(w))
	require.NoError(t, err)
	assert.Empty(t, failures)
	assert.Equal(t, root, w.StateRoot())
}
