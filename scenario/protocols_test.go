package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/scenario"
)

// twoStep is a scenario of the two-step family with its protocol described
// by protocols (the lines from 4 on).
func twoStep(protocols, steps string) string {
	return "contracts:\n  v1: twostep.v1\n  v2: twostep.v2\nprotocols:\n" + protocols +
		"wallets:\n  owner: {}\nsteps:\n  - deploy: { name: c, contract: v1, from: owner, init: { owner: owner } }\n" + steps
}

func loadTwoStep(t *testing.T, src string) (*scenario.Runner, error) {
	t.Helper()
	s, cat, err := scenario.Load(write(t, src), scenario.Packages(contracts.Builtins()))
	if err != nil {
		return nil, err
	}
	return scenario.NewRunner(s, cat, nil)
}

func TestProtocolDefinitionErrors(t *testing.T) {
	const preflight = "  - preflight: { on: c, to: v2, protocol: two-step }\n"
	tests := []struct{ name, protocols, steps, want string }{
		{"an unknown base", "  two-step: { like: stagd }\n", preflight,
			`s.yaml:5:21: protocol two-step: unknown upgrade protocol "stagd" (protocols: chainlink-tolk, delayed, initparams, staged, proxy, chainlink-tact, direct, eager-tact, set-code)`},
		{"a role the base lacks", "  two-step: { like: staged, messages: { stage: StageCode, apply: ApplyCode } }\n", preflight,
			`s.yaml:5:66: protocol two-step: the staged protocol has no step "apply" (its steps: stage, commit)`},
		{"a field the base does not set", "  two-step: { like: staged, fields: { newCode: c } }\n", preflight,
			`s.yaml:5:48: protocol two-step: the staged protocol's messages set no field "newCode" (they set: code)`},
		{"a built-in's name", "  staged: { like: staged }\n", preflight,
			`s.yaml:5:3: protocol staged: a built-in protocol has that name; give yours another`},
		{"an unknown key", "  two-step: { like: staged, mesages: {} }\n", preflight,
			`s.yaml:5:29: unknown key "mesages" in protocol two-step, did you mean "messages"? (want like, about, messages, fields, child, wait, version, migration)`},
		{"a message no contract receives", "  two-step: { like: staged, messages: { stage: StageCod, commit: ApplyCode } }\n", preflight,
			`s.yaml:5:48: protocol two-step: no contract of the scenario speaks it: contract v1: TwoStepV1 receives no message StageCod (it receives Bump, StageCode, ApplyCode)`},
		{"a message left under its built-in name", "  two-step: { like: staged, messages: { stage: StageCode } }\n", preflight,
			`s.yaml:5:21: protocol two-step: no contract of the scenario speaks it: contract v1: TwoStepV1 receives no message CommitUpgrade (it receives Bump, StageCode, ApplyCode)`},
		{"a field the message lacks", "  two-step: { like: staged, messages: { stage: StageCode, commit: ApplyCode }, fields: { code: newCode } }\n", preflight,
			`s.yaml:5:96: protocol two-step: no contract of the scenario speaks it: contract v1: TwoStepV1's StageCode has no field newCode (its fields: code)`},
		{"a step naming an unknown protocol", "  two-step: { like: staged, messages: { stage: StageCode, commit: ApplyCode } }\n", "  - upgrade: { on: c, to: v2, protocol: two-stp }\n",
			`s.yaml:10:41: unknown upgrade protocol "two-stp" (protocols: chainlink-tolk, delayed, initparams, staged, proxy, chainlink-tact, direct, eager-tact, set-code); the scenario's own: two-step`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadTwoStep(t, twoStep(tt.protocols, tt.steps))
			require.Error(t, err)
			assert.Equal(t, tt.want, position(err))
		})
	}
}

func TestProtocolDefinitionRuns(t *testing.T) {
	r, err := loadTwoStep(t, twoStep("  two-step: { like: staged, messages: { stage: StageCode, commit: ApplyCode }, wait: 60 }\n",
		"  - preflight: { on: c, to: v2, protocol: two-step }\n  - upgrade: { on: c, to: v2 }\n"))
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	pre := results[1].Preflight
	require.NotNil(t, pre)
	assert.Equal(t, "two-step", pre.Protocol.Name)
	assert.True(t, pre.CodeChanged)
	assert.True(t, pre.Upgradable)
	up := results[2].Upgraded
	require.NotNil(t, up)
	assert.Equal(t, "two-step", up.Protocol.Name, "found by the ABI among the scenario's own")
	assert.Len(t, up.Steps, 2)
	assert.Equal(t, uint32(60), up.Steps[1].Now-up.Steps[0].Now, "the wait before the commit")
}
