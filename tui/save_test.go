package tui

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
)

// savedRoot loads the world file at path and returns its state root.
func savedRoot(t *testing.T, path string) actor.StateRoot {
	t.Helper()
	w, cat, err := scenario.LoadWorld(path, examples.Builtins())
	require.NoError(t, err)
	assert.Len(t, cat.Contracts(), 3, "the contracts are saved with the world")
	return w.StateRoot()
}

func TestSaveWorld(t *testing.T) {
	t.Chdir(t.TempDir())
	h := demo(t)
	world := h.m.sess.world

	h.press("w")
	v := h.view()
	assert.Contains(t, v, "Save the world")
	assert.Contains(t, v, "world.json", "the default file")
	h.press("enter")
	assert.Nil(t, h.m.dialog)
	assert.Equal(t, "Saved the world as it stands now to world.json; tonsim tui --world world.json opens it again.", h.status())
	saved := savedRoot(t, "world.json")
	assert.Equal(t, world.StateRoot(), saved)

	t.Run("an existing file is replaced on a second enter", func(t *testing.T) {
		h.press("s", "5", "enter")
		h.press("w", "enter")
		assert.Contains(t, h.view(), "⚠ world.json exists: enter again replaces it")
		assert.Equal(t, saved, savedRoot(t, "world.json"), "one enter writes nothing")
		h.press("enter")
		assert.Equal(t, world.StateRoot(), savedRoot(t, "world.json"))
	})
	t.Run("the past as shown", func(t *testing.T) {
		h.press("[", "[", "[")
		past := world.StateRoot()
		h.press("w", "ctrl+u", "past.json", "enter")
		assert.Contains(t, h.status(), "Saved the world as it stands after lt 5 to past.json")
		assert.Equal(t, past, savedRoot(t, "past.json"))
		h.press("w")
		assert.Contains(t, h.view(), "past.json", "the next save offers the same file")
		h.press("esc", "}")
	})
	t.Run("bad paths", func(t *testing.T) {
		h.press("w", "ctrl+u", "enter")
		assert.Contains(t, h.view(), "required: the file to write")
		require.NoError(t, os.Mkdir("dir", 0o755))
		h.press("dir", "enter")
		assert.Contains(t, h.view(), "dir is a directory")
		h.press("ctrl+u", "missing/world.json", "enter")
		assert.Nil(t, h.m.dialog)
		assert.Contains(t, h.status(), "The world was not saved: ")
		assert.Contains(t, h.status(), "missing/world.json")
		h.press("w", "esc")
		assert.Nil(t, h.m.dialog, "esc cancels")
	})
}

// TestSavedTooLarge: a world file written larger than a world file may be
// by default is said, with the limit that reads it back (the file here is
// sparse: only its size is real).
func TestSavedTooLarge(t *testing.T) {
	path := t.TempDir() + "/big.json"
	require.NoError(t, os.WriteFile(path, nil, 0o600))
	require.NoError(t, os.Truncate(path, 65<<20))
	h := demo(t)
	h.m.saved(savedMsg{path: path, when: "now"})
	assert.Contains(t, h.status(), "Saved the world as it stands now, but world file "+path+": file too large")
	assert.Contains(t, h.status(), "reading it back takes --max-file-size 65M")
}
