package examples_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

// TestREADMEScenario plays the scenario the README shows, so it stays true:
// every expectation in it must hold.
func TestREADMEScenario(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	const open = "```yaml\nname: "
	i := strings.Index(string(readme), open)
	require.GreaterOrEqual(t, i, 0, "the README shows a scenario")
	body := string(readme[i+len("```yaml\n"):])
	body = body[:strings.Index(body, "```")]
	path := filepath.Join(t.TempDir(), "readme.yaml")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	s, cat, err := scenario.Load(path, builtins)
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	for _, res := range results {
		for _, f := range res.Failures {
			t.Error(f)
		}
	}
}
