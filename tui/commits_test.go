package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
)

// commitsWorld plays testdata/commits.yaml: commit deployed is a point of
// the history the UI shows, stepped one off it (the session went back).
func commitsWorld(t *testing.T) *harness { return play(t, "testdata/commits.yaml") }

func TestCommitKeys(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want []string // the commits' names after
	}{
		{"named", []string{"c", "before", "enter"}, []string{"before"}},
		{"unnamed", []string{"c", "enter"}, []string{""}},
		{"cancelled", []string{"c", "x", "esc"}, nil},
		{"from the list", []string{"C", "c", "mine", "enter"}, []string{"mine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := demoFromStart(t)
			root := h.m.sess.world.StateRoot()
			h.press(tt.keys...)
			var names []string
			for _, c := range h.m.sess.world.Commits() {
				names = append(names, c.Name)
				assert.Equal(t, root, c.Root)
			}
			assert.Equal(t, tt.want, names)
			assert.Equal(t, root, h.m.sess.world.StateRoot(), "a commit changes nothing")
			if tt.want != nil {
				assert.Contains(t, h.status(), "Committed "+describeName(tt.want[0]))
				assert.Len(t, h.m.st.commits.list, 1, "the state read after shows it")
			}
		})
	}
}

func describeName(name string) string {
	if name == "" {
		return "unnamed"
	}
	return name
}

// TestTravelToCommit: a commit of the history shown is a point of it; [
// and ] go on from there.
func TestTravelToCommit(t *testing.T) {
	h := demoFromStart(t)
	h.press("c", "deployed", "enter", "s", "1", "enter")
	require.Equal(t, 6, h.m.st.total)
	c, err := h.m.sess.world.FindCommit(actor.CommitName("deployed"))
	require.NoError(t, err)

	h.press("C", "enter")
	assert.Equal(t, 3, h.m.st.at, "the commit's point")
	assert.True(t, h.m.st.travelling())
	assert.Equal(t, c.Root, h.m.sess.world.StateRoot())
	assert.Contains(t, h.status(), "At commit deployed. After lt")
	assert.Equal(t, 0, h.m.st.commits.here, "the list marks it")

	h.press("]")
	assert.Equal(t, 4, h.m.st.at, "forward from the commit")
	h.press("}")
	assert.False(t, h.m.st.travelling())
	assert.Empty(t, h.m.sess.undo, "no branch was left")
}

// TestTravelOffHistory: a commit off the history shown becomes the world,
// and z brings the branch left back.
func TestTravelOffHistory(t *testing.T) {
	h := commitsWorld(t)
	h.press("esc") // the scenario's results
	require.Nil(t, h.m.dialog)
	stepped, err := h.m.sess.world.FindCommit(actor.CommitName("stepped"))
	require.NoError(t, err)
	require.Equal(t, []int{3, -1}, h.m.st.commits.points, "deployed is a point of the history shown, stepped is off it")
	before := h.m.sess.world.StateRoot()

	h.press("C", "end", "enter")
	assert.Equal(t, stepped.Root, h.m.sess.world.StateRoot())
	assert.Contains(t, h.status(), "At commit stepped: state root")
	assert.Contains(t, h.status(), "z goes back")
	assert.Equal(t, 6, h.m.st.total, "the history the commit kept")
	assert.Equal(t, 1, h.m.st.commits.here)

	h.press("z")
	assert.Equal(t, before, h.m.sess.world.StateRoot(), "the branch left is back")
}

// TestTravelToLoadedCommit: a commit of a saved world, which kept no
// history, is off the history shown, unless it is the world the UI opened
// on.
func TestTravelToLoadedCommit(t *testing.T) {
	h := demoFromStart(t)
	h.press("c", "deployed", "enter", "s", "1", "enter", "c", "now", "enter")
	w, err := actor.Load(h.m.sess.world.Save())
	require.NoError(t, err)
	h = newHarness(t, New(Options{World: w, Catalog: h.m.sess.cat}), testWidth, testHeight)
	require.Equal(t, []int{-1, 0}, h.m.st.commits.points, "deployed came before the world opened, now is where it opened")
	h.press("C", "home")
	assert.Contains(t, h.view(), "off this history, no history kept")
	h.press("enter")
	assert.Contains(t, h.status(), "At commit deployed")
	assert.Equal(t, 0, h.m.st.commits.here)
}

// TestWalkSessions walks a scenario of commits and sessions to its end,
// then back over a session and forward again: each step's world is the
// one it ran on.
func TestWalkSessions(t *testing.T) {
	h := walk(t, "../examples/25-commit-session.yaml")
	h.press("N")
	require.Equal(t, 12, h.m.walk.pos, h.status())
	assert.Equal(t, "Ran the scenario to its end (12 steps); no expectation failed.", h.status())
	for _, res := range h.m.sess.walk.results {
		assert.Empty(t, res.res.Failures, "step %d", res.res.Step.Index)
	}
	counted, err := h.m.sess.world.FindCommit(actor.CommitName("counted"))
	require.NoError(t, err)
	assert.Equal(t, counted.Root, h.m.sess.world.StateRoot(), "the last session, and a getter after it")

	h.press("p", "p", "p", "p") // back before the second deploy, across a session
	require.Equal(t, 8, h.m.walk.pos)
	assert.Equal(t, counted.Root, h.m.sess.world.StateRoot(), "after the first session")
	h.press("N")
	assert.Equal(t, 12, h.m.walk.pos, h.status())
	for _, res := range h.m.sess.walk.results {
		assert.Empty(t, res.res.Failures, "step %d run again", res.res.Step.Index)
	}
}
