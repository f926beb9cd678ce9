package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUndoFork forks history from the past and undoes it, as lazygit's
// undo: the old branch comes back whole, the world as it stood at its
// newest point, its log, and the fork is kept for Z.
func TestUndoFork(t *testing.T) {
	h := demoFromStart(t)
	upgradeAndStep(h)
	world := h.m.sess.world
	oldRoot, oldTxs := world.StateRoot(), world.Transactions()
	require.Len(t, oldTxs, 11)

	h.press("[", "[", "[", "[", "[")
	h.press("s", "9", "enter")
	forkRoot := world.StateRoot()
	require.Equal(t, 9, h.m.st.total, "6 shared, 3 of the fork")
	assert.Contains(t, h.status(), "Forked: 5 later transactions left on the old branch (z goes back).")

	h.press("z")
	assert.Equal(t, oldRoot, world.StateRoot(), "the world as the old branch stood at its newest point")
	assert.Equal(t, oldTxs, world.Transactions(), "its history")
	assert.Equal(t, 11, h.m.st.total)
	assert.Equal(t, 11, h.m.st.log.len(), "its log, as it was described")
	assert.False(t, h.m.st.travelling())
	assert.Contains(t, h.status(), "Undid the fork: back on the branch of 11 transactions; the one left (3 transactions after the fork) is kept, Z redoes it.")
	assert.Contains(t, h.view(), "Upgrade   0 (Success)", "the log shows the old branch")

	h.press("Z")
	assert.Equal(t, forkRoot, world.StateRoot(), "the fork again")
	assert.Equal(t, 9, h.m.st.total)
	assert.Contains(t, h.status(), "Redid the fork")

	h.press("Z")
	assert.Equal(t, "Nothing to redo: every undone fork is back (1); z undoes the last again.", h.status())
	h.press("z", "z")
	assert.Equal(t, "Nothing more to undo: the world is back before every fork (1 undone); Z redoes the last.", h.status(), "one fork, one undo, and Z brings it back")
	assert.Equal(t, oldRoot, world.StateRoot())

	t.Run("a new fork drops what undo left", func(t *testing.T) {
		h.press("[", "s", "3", "enter")
		h.press("Z")
		assert.Contains(t, h.status(), "Nothing to redo")
		h.press("z")
		assert.Equal(t, oldRoot, world.StateRoot(), "the fork's undo is to the branch it left")
	})
}

// TestUndoWalkthrough forks a walkthrough's history and undoes it: the
// walkthrough stands where it stood on the old branch.
func TestUndoWalkthrough(t *testing.T) {
	h := walk(t, "../examples/01-upgrade.yaml")
	h.press("n", "n", "n")
	require.Equal(t, 3, h.m.walk.pos)
	old := h.m.sess.world.StateRoot()
	h.press("[", "[", "[", "n")
	require.Equal(t, 4, h.m.walk.pos, "the next step ran from the past")
	assert.Contains(t, h.status(), "Forked")

	h.press("z")
	assert.Equal(t, old, h.m.sess.world.StateRoot())
	assert.Equal(t, 3, h.m.walk.pos, "the walkthrough is back where the old branch had it")
	assert.Equal(t, 3, h.m.sess.walk.run.Position())
	h.press("n")
	assert.Equal(t, 4, h.m.walk.pos, "and goes on from there")
}
