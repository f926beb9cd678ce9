package tui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples"
)

// TestProgram runs the whole program on the demo world, as a user would:
// a Step, then an upgrade to v2 through its preflight, until the counter
// says v2.0.0; then q, and the program ends.
func TestProgram(t *testing.T) {
	w, cat, err := examples.Demo()
	require.NoError(t, err)
	tm := teatest.NewTestModel(t, New(Options{World: w, Catalog: cat, Title: "demo"}), teatest.WithInitialTermSize(120, 40))

	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
			return bytes.Contains(out, []byte(what))
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("Counter v1.0.0")

	tm.Type("s")
	waitFor("Send a message")
	tm.Type("7")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("value: 0 → 1")

	tm.Type("u")
	waitFor("✓ safe")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("Upgrade to v2 sent")
	// The renderer writes only the cells that change ("1" → "2"): a
	// resize makes it draw the whole screen, the new version whole.
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 41})
	waitFor("version  com.example.upgrades.Counter v2.0.0")

	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	m, ok := tm.FinalModel(t).(*Model)
	require.True(t, ok)
	require.Contains(t, m.accounts.selected().version, "v2.0.0", "the counter runs v2")
}
