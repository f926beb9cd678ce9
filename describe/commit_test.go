package describe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

func TestCommit(t *testing.T) {
	f := newFixture(t)
	deployed, err := f.w.CommitAs("deployed")
	require.NoError(t, err)
	require.NoError(t, f.w.SetNow(actor.DefaultNow+90))
	f.w.Commit()
	loaded, err := actor.Load(f.w.Save())
	require.NoError(t, err)
	empty, err := actor.NewWorld()
	require.NoError(t, err)
	empty.Commit()

	commits := f.w.Commits()
	tests := []struct {
		name string
		c    actor.Commit
		want string
	}{
		{"named", commits[0], "deployed: state root " + deployed.String()[:12] + "…, lt 6, 2025-01-01 00:00:00 UTC, 3 transactions before it"},
		{"unnamed, later", commits[1], "unnamed: state root " + deployed.String()[:12] + "…, lt 6, 2025-01-01 00:01:30 UTC, 3 transactions before it"},
		{"loaded", loaded.Commits()[0], "deployed: state root " + deployed.String()[:12] + "…, lt 6, 2025-01-01 00:00:00 UTC, no history kept"},
		{"an empty world", empty.Commits()[0], "unnamed: state root " + empty.StateRoot().String()[:12] + "…, lt 1, 2025-01-01 00:00:00 UTC, 0 transactions before it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe.Commit(tt.c))
		})
	}
}
