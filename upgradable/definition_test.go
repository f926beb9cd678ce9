package upgradable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
)

func TestDefinitionProtocol(t *testing.T) {
	wait := uint32(60)
	p, err := upgradable.Definition{Name: "two-step", Like: "staged",
		Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}, Wait: &wait}.Protocol()
	require.NoError(t, err)
	assert.Equal(t, []string{"stage", "commit"}, p.Roles())
	assert.Equal(t, "StageCode", p.Steps[0].Message)
	assert.Equal(t, "ApplyCode", p.Steps[1].Message)
	assert.Equal(t, uint32(60), p.Steps[1].Wait)
	b := contracts.Builtins()
	assert.True(t, p.Matches(b["twostep.v1"].ABI), "detected by its messages")
	assert.False(t, p.Matches(b["staged.v1"].ABI))
	staged, err := upgradable.ProtocolByName("staged")
	require.NoError(t, err)
	assert.Equal(t, "Upgrade", staged.Steps[0].Message, "the built-in is untouched")
}

func TestDefinitionErrors(t *testing.T) {
	tests := []struct {
		name      string
		def       upgradable.Definition
		part, key string
		msg       string
	}{
		{"unknown base", upgradable.Definition{Name: "x", Like: "stagd"}, "like", "",
			`unknown upgrade protocol "stagd" (protocols: chainlink-tolk, delayed, initparams, staged, proxy, chainlink-tact, direct, eager-tact, set-code)`},
		{"unknown role", upgradable.Definition{Name: "x", Like: "staged", Messages: map[string]string{"apply": "ApplyCode"}}, "messages", "apply",
			`the staged protocol has no step "apply" (its steps: stage, commit)`},
		{"unknown field", upgradable.Definition{Name: "x", Like: "direct", Fields: map[string]string{"newCode": "c"}}, "fields", "newCode",
			`the direct protocol's messages set no field "newCode" (they set: code, data)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.def.Protocol()
			var de *upgradable.DefinitionError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.part, de.Part)
			assert.Equal(t, tt.key, de.Key)
			assert.Equal(t, tt.msg, de.Error())
		})
	}
}

func TestProtocolCheck(t *testing.T) {
	b := contracts.Builtins()
	tests := []struct {
		name      string
		def       upgradable.Definition
		contract  string
		part, key string
		msg       string
	}{
		{"speaks it", upgradable.Definition{Name: "x", Like: "staged", Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}},
			"twostep.v1", "", "", ""},
		{"a message it does not receive", upgradable.Definition{Name: "x", Like: "staged", Messages: map[string]string{"stage": "StageCod", "commit": "ApplyCode"}},
			"twostep.v1", "messages", "stage", "TwoStepV1 receives no message StageCod (it receives Bump, StageCode, ApplyCode)"},
		{"a field the message lacks", upgradable.Definition{Name: "x", Like: "staged", Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}, Fields: map[string]string{"code": "newCode"}},
			"twostep.v1", "fields", "code", "TwoStepV1's StageCode has no field newCode (its fields: code)"},
		{"a child getter it lacks", upgradable.Definition{Name: "x", Like: "proxy", Child: "kid"},
			"proxy.proxy", "child", "", "Proxy has no getter kid (its getters: child, forwarded, owner, type_and_version)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.def.Protocol()
			require.NoError(t, err)
			err = p.Check(b[tt.contract].ABI)
			if tt.msg == "" {
				require.NoError(t, err)
				return
			}
			var de *upgradable.DefinitionError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.part, de.Part)
			assert.Equal(t, tt.key, de.Key)
			assert.Equal(t, tt.msg, de.Error())
		})
	}
}
