package actor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
)

type valueKey struct{}

// TestValues: a world's values pass to the worlds made from it at that
// moment, never back, never sideways, and outlive a restore.
func TestValues(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	assert.Nil(t, w.Value(valueKey{}), "nothing stored yet")

	snap := w.Snapshot()
	w.SetValue(valueKey{}, "parent")
	_, err = w.CommitAs("base")
	require.NoError(t, err)
	fork := w.Fork()
	session, err := w.Session(actor.CommitName("base"))
	require.NoError(t, err)
	fork.SetValue(valueKey{}, "fork")
	w.SetValue(valueKey{}, "parent again")

	tests := []struct {
		name  string
		world *actor.World
		want  any
	}{
		{"the world keeps its latest", w, "parent again"},
		{"a fork starts with its parent's, then keeps its own", fork, "fork"},
		{"a session starts with its world's", session, "parent"},
		{"a fork of a fork inherits", fork.Fork(), "fork"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.world.Value(valueKey{}))
		})
	}
	w.Restore(snap)
	assert.Equal(t, "parent again", w.Value(valueKey{}), "a restore keeps the values: they are no chain state")
}
