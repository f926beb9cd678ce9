package describe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

func TestSequence(t *testing.T) {
	byName := func(name string) *upgradable.Protocol {
		p, err := upgradable.ProtocolByName(name)
		require.NoError(t, err)
		return p
	}
	wait := uint32(60)
	twoStep, err := upgradable.Definition{Name: "two-step", Like: "staged", Wait: &wait,
		Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}}.Protocol()
	require.NoError(t, err)
	for _, tt := range []struct {
		p    *upgradable.Protocol
		want string
	}{
		{nil, "the upgrade"},
		{byName("direct"), "the Upgrade"},
		{byName("staged"), "Upgrade, then CommitUpgrade"},
		{byName("delayed"), "Upgrade, then Confirm once its timeout has passed"},
		{twoStep, "StageCode, then ApplyCode 60 s (1 min) later"},
	} {
		assert.Equal(t, tt.want, describe.Sequence(tt.p))
	}
}

func TestWaits(t *testing.T) {
	delayed, err := upgradable.ProtocolByName("delayed")
	require.NoError(t, err)
	assert.Equal(t, []string{"waited 3600 s (1 h) before Confirm: the world's clock moved on"},
		describe.Waits(&upgradable.Upgraded{Protocol: delayed, Waits: []uint32{0, 3600}}))
	assert.Empty(t, describe.Waits(&upgradable.Upgraded{Protocol: delayed, Waits: []uint32{0}}), "refused at the request: no wait")
	assert.Empty(t, describe.Waits(nil))
}
