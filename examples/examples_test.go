package examples_test

// The tests here play every example scenario and require all their
// expectations to hold.

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/scenario"
)

var builtins = examples.Builtins()

func TestExamples(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 6, "the example scenarios")
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			s, _, err := scenario.Load(file, builtins)
			require.NoError(t, err)
			passes := []scenario.Pass{scenario.PassAsWritten}
			if len(s.UpgradePoints()) > 0 {
				passes = append(passes, scenario.PassUpgraded) // as tonsim test --both-ways
			}
			for _, pass := range passes {
				t.Run(pass.String(), func(t *testing.T) { playExample(t, file, pass) })
			}
		})
	}
}

// playExample plays a scenario file by pass and requires every
// expectation to hold.
func playExample(t *testing.T, file string, pass scenario.Pass) {
	s, cat, err := scenario.Load(file, builtins)
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	r.Pass = pass
	results, err := r.Run()
	require.NoError(t, err)
	require.Len(t, results, len(s.Steps))
	for _, res := range results {
		for _, f := range res.Failures {
			t.Error(f)
		}
		if res.Step.Expect != nil {
			assert.NotEmpty(t, res.Step.Expect.Checks)
		}
	}
}

func TestBuiltinNames(t *testing.T) {
	names := make([]string, 0, len(builtins))
	for name, pkg := range builtins {
		require.NotNil(t, pkg, name)
		names = append(names, name)
	}
	assert.ElementsMatch(t, names, examples.BuiltinNames(), "the names help prints are the contracts Builtins gives")
	assert.IsNonDecreasing(t, examples.BuiltinNames())
}

func TestDemo(t *testing.T) {
	w, cat, err := examples.Demo()
	require.NoError(t, err)
	counter, err := w.Lookup("counter")
	require.NoError(t, err)
	acc, err := w.Account(counter)
	require.NoError(t, err)
	ct, err := cat.ByCode(acc.Code)
	require.NoError(t, err)
	assert.Equal(t, "v1", ct.Name)
	assert.Equal(t, []string{"alice", "bob", "counter", "owner"}, w.Names())
	assert.Len(t, cat.Contracts(), 3)
}

// The demo's world takes the options it is given, as the command's
// --config and bounds.
func TestDemoRunnerTakesWorldOptions(t *testing.T) {
	r, err := examples.DemoRunner(actor.WithProfile(actor.ProfileSandbox041))
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	assert.Equal(t, actor.ProfileSandbox041, r.World.Config().Profile)
}
