package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlayResults opens a scenario as tonsim tui does: it plays behind the
// first screen, and what did not hold is in the status line and a panel,
// each with its file:line.
func TestPlayResults(t *testing.T) {
	h := play(t, "testdata/failing.yaml")
	assert.False(t, h.m.playing)
	assert.Equal(t, 6, h.m.st.total, "the deployment and the Step")
	assert.Contains(t, h.status(), "2 expectations did not hold: testdata/failing.yaml:11: storage.value: want 5, got 1 (e lists them)")
	assert.True(t, h.m.status.err)
	require.IsType(t, &resultsDialog{}, h.m.dialog, "the panel opens by itself before any key")
	v := h.view()
	assert.Contains(t, v, "✗ testdata/failing.yaml:11  storage.value")
	assert.Contains(t, v, "✗ testdata/failing.yaml:13  result")
	h.press("esc")
	assert.Nil(t, h.m.dialog)
	h.press("e")
	assert.IsType(t, &resultsDialog{}, h.m.dialog, "e opens it again")

	t.Run("an error stops the scenario", func(t *testing.T) {
		h := play(t, "testdata/wrong.yaml")
		assert.Contains(t, h.status(), "The scenario stopped at step 3: testdata/wrong.yaml:")
		assert.Contains(t, h.view(), "it stopped at step 3:")
		assert.Contains(t, h.view(), "✗ testdata/wrong.yaml:10  storage.value")
	})
	t.Run("all held", func(t *testing.T) {
		h := play(t, "testdata/vault.yaml")
		assert.Contains(t, h.status(), "The scenario played its 5 steps; every expectation held.")
		assert.Nil(t, h.m.dialog)
	})
	t.Run("without a scenario", func(t *testing.T) {
		h := demo(t)
		h.press("e")
		assert.Nil(t, h.m.dialog)
		assert.Contains(t, h.status(), "No scenario was played on opening")
	})
}

// TestPlayWaits sends before the scenario has played: the send waits for
// its end, so its transactions come after the scenario's, and the status
// line says why it waits.
func TestPlayWaits(t *testing.T) {
	h := playing(t, "testdata/vault.yaml")
	require.True(t, h.m.playing)
	h.press("s")
	require.IsType(t, &sendDialog{}, h.m.dialog)
	_, cmd := h.m.Update(keyPress("enter"))
	require.NotNil(t, cmd)
	_, cmd = h.m.Update(cmd()) // the send asks to run
	assert.Contains(t, h.status(), "Sending empty waits for the scenario to finish playing (0 of 5 steps played).")
	h.run(cmd)
	assert.False(t, h.m.playing)
	txs := h.m.sess.world.Transactions()
	require.Len(t, txs, 16, "the scenario's 14, then the wallet's two")
	assert.Equal(t, "vault", txs[13].NameOf(txs[13].From), "the scenario's last: the vault's Reply")
	assert.True(t, txs[14].External, "then alice's own send")
	assert.Nil(t, h.m.dialog, "after a key the results panel does not open by itself")
}

// TestLoadBehindTheScreen opens a history longer than a chunk: the first
// screen shows the first chunk, and the rest is described from Init on,
// a chunk per operation, keys answered in between.
func TestLoadBehindTheScreen(t *testing.T) {
	h := demoFromStart(t)
	upgradeAndStep(h)
	m := New(Options{World: h.m.sess.world, Catalog: h.m.sess.cat})
	m.sess.chunk = 2
	m.sess.tl.hist, m.sess.described = history{}, 0
	m.sess.load()
	m.loading = true
	m.setState(m.sess.state(m.args))
	h = newHarness(t, m, testWidth, testHeight)
	assert.Equal(t, 3, h.m.st.log.len(), "two, and the rest of their send")
	assert.Contains(t, h.view(), "Transactions (3 of 11, loading)")
	h.run(h.m.Init())
	assert.Equal(t, 11, h.m.st.log.len())
	assert.False(t, h.m.loading)
	assert.Contains(t, h.view(), "Transactions (11)")
	assert.Equal(t, 11, h.m.sess.described, "each transaction described once")
}

// TestKeyCost presses the keys of moving and looking around on a short
// history and on one four times longer: no key describes anything but the
// transaction the detail shows, so a key costs the same however long the
// history is (BenchmarkKeys measures it at 100,000 transactions).
func TestKeyCost(t *testing.T) {
	keys := []string{"tab", "tab", "down", "up", "pgup", "pgdown", "home", "end", "tab", "down", "pgdown", "home", "tab", "down", "up", "end", "home"}
	var costs []int
	for _, steps := range []int{2, 8} {
		h := demo(t)
		for range steps {
			h.press("s", "1", "enter")
		}
		sessBefore, viewBefore := h.m.sess.described, h.m.described
		for _, k := range keys {
			h.press(k)
			h.view()
		}
		assert.Equal(t, sessBefore, h.m.sess.described, "no key describes the history again")
		assert.False(t, h.m.txs.list.filtered, "the log keeps nothing per row")
		costs = append(costs, h.m.described-viewBefore)
	}
	assert.Equal(t, costs[0], costs[1], "the detail describes as many transactions for the same keys")
	assert.LessOrEqual(t, costs[1], len(keys), "at most the one shown per key")
}
