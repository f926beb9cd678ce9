package scenario_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

// TestREADMEScenario parses the scenario the README documents the format
// with, so the documentation cannot drift from the parser.
func TestREADMEScenario(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, rest, found := strings.Cut(string(readme), "```yaml\n")
	require.True(t, found, "the README shows a scenario")
	block, _, found := strings.Cut(rest, "```")
	require.True(t, found)

	s, err := scenario.Parse("README.md", []byte(block))
	require.NoError(t, err)
	kinds := []string{}
	for _, step := range s.Steps {
		kinds = append(kinds, step.Action.Kind())
	}
	assert.Equal(t, []string{"deploy", "send", "send", "send", "get", "preflight", "wait"}, kinds)
}
