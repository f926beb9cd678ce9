package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

func TestDescribe(t *testing.T) {
	s, err := scenario.Parse("d.yaml", []byte(`
steps:
  - deploy: { name: counter, contract: v1, from: alice }
  - send: { from: alice, to: counter, message: Step, fields: { queryId: 1 } }
  - send: { from: alice, to: counter, comment: hi }
  - send: { from: alice, to: counter, body: "b5ee9c72010101010002000000" }
  - send: { from: alice, to: counter }
  - get: { on: counter, method: value }
  - get: { on: proxy, method: child, name: child }
  - preflight: { on: counter, to: v2 }
  - wait: 60
  - note: Only words.
`))
	require.NoError(t, err)
	want := []string{
		"deploy counter (v1) from alice",
		"send Step from alice to counter",
		`send comment "hi" from alice to counter`,
		"send a raw body from alice to counter",
		"send an empty message from alice to counter",
		"get value on counter",
		"get child on proxy, named child",
		"preflight counter → v2",
		"wait 60 s",
		"note",
	}
	require.Len(t, s.Steps, len(want))
	for i, step := range s.Steps {
		assert.Equal(t, want[i], scenario.Describe(step.Action), "step %d", i+1)
	}
}
