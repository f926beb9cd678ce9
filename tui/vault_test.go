package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
)

// exampleVault opens the world examples/07-vault.yaml leaves: the vault's events,
// its skipped Sweep, its Query answered by a Reply of the same opcode.
func exampleVault(t *testing.T) *harness {
	t.Helper()
	s, cat, err := scenario.Load("../examples/07-vault.yaml", examples.Builtins())
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	return newHarness(t, New(Options{World: r.World, Catalog: r.Catalog, Title: "vault"}), 160, 50)
}

// selectLT moves the focused log's selection to the transaction at lt,
// going up and then down.
func (h *harness) selectLT(lt string) {
	h.t.Helper()
	for _, key := range []string{"up", "down"} {
		for range 40 {
			if strings.Contains(h.view(), "Transaction lt "+lt+" ") {
				return
			}
			h.press(key)
		}
	}
	h.t.Fatalf("no transaction lt %s in the log", lt)
}

// TestTransactionDetail shows what a transaction did: the action phase,
// the fees split, the messages it sent named by the receiver's ABI, and the
// log's marks for events and skipped actions (TestScreens shows the rest).
func TestTransactionDetail(t *testing.T) {
	h := exampleVault(t)
	h.press("tab", "tab")
	h.selectLT("8")
	v := h.view()
	assert.Contains(t, v, "actions  3 actions, 2 messages sent", "the event and the cashback")
	assert.Contains(t, v, "fees     ")
	assert.Contains(t, v, "11519  ✉", "the log marks a transaction with events")
	assert.Contains(t, v, "54615 (Insufficient balance) ", "the exit's meaning whole while the changes have room")
	h.golden()

	h.selectLT("19")
	assert.Contains(t, h.view(), "1 action skipped", "the skipped Sweep")
	h.selectLT("16")
	assert.Contains(t, h.view(), "message  Reply {queryId: 2, total: 1.5 TON, deposits: 1}", "the Reply, named by the sender's ABI though it shares Query's opcode")
}
