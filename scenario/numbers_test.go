package scenario_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

// TestDigitSeparators: every number a scenario holds reads digits grouped
// by underscores the same way, as Go places them: a wait, an amount of
// TON, an expected integer. A leading zero is decimal everywhere.
func TestDigitSeparators(t *testing.T) {
	tests := []struct {
		text string
		want int64 // -1: refused everywhere
	}{
		{"1000", 1000},
		{"1_000", 1000},
		{"1_0_0_0", 1000},
		{"010", 10},
		{"0_10", 10}, // not Go's octal
		{"1__000", -1},
		{"1_", -1},
		{"_1", -1},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			places := []struct {
				name, yaml string
				read       func(*scenario.Step) int64
				field      string // named in the error
			}{
				{"wait", "  - wait: " + tt.text + "\n", func(s *scenario.Step) int64 { return int64(s.Action.(*scenario.Wait).Seconds) }, "wait (seconds)"},
				{"value", "  - send: { from: alice, to: alice, value: \"" + tt.text + "\" }\n", func(s *scenario.Step) int64 {
					return new(big.Int).Div(s.Action.(*scenario.Send).Value.Nano(), big.NewInt(1_000_000_000)).Int64()
				}, "value"},
				{"exit_code", "  - send: { from: alice, to: alice }\n    expect: { exit_code: " + tt.text + " }\n", func(s *scenario.Step) int64 {
					return s.Expect.Checks[0].Want.(scenario.IntWant).Min.Int64()
				}, "exit_code"},
			}
			for _, p := range places {
				s, err := scenario.Parse("s.yaml", []byte("wallets: { alice: {} }\nsteps:\n"+p.yaml))
				if tt.want < 0 {
					require.Error(t, err, p.name)
					assert.ErrorIs(t, err, scenario.ErrScenario)
					assert.Contains(t, err.Error(), p.field, "the error names the field")
					continue
				}
				require.NoError(t, err, p.name)
				assert.Equal(t, tt.want, p.read(s.Steps[0]), fmt.Sprintf("%s: %s", p.name, tt.text))
			}
		})
	}
}
