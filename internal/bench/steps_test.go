package bench_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/internal/bench"
	"github.com/tonsim/tonsim/scenario"
)

// TestStepScenario plays a short scenario of the comparison: every send is
// three transactions and the counter counts them.
func TestStepScenario(t *testing.T) {
	s, err := scenario.Parse("steps.yaml", bench.StepScenario(3))
	require.NoError(t, err)
	cat := catalog.New()
	require.NoError(t, s.LoadContracts(cat, examples.Builtins()))
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	require.Len(t, results, 1+3+1, "the deploy, the sends, the getter")
	for _, res := range results[1:4] {
		assert.Len(t, res.Trace.Transactions, 3, "the wallet's, the counter's, the cashback")
	}
	assert.Empty(t, results[4].Failures, "the counter's value is the number of sends")
	assert.Equal(t, "sandbox-0.41", r.World.Config().Profile, "the config @ton/sandbox 0.41 runs with")
}
