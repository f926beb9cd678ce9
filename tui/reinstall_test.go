package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// accountText is the account pane's whole text, scrolled or not.
func accountText(h *harness) string { return strings.Join(h.m.account.content(), "\n") }

func TestReinstallFromTheUpgradeDialog(t *testing.T) {
	t.Run("the running code, its arguments taken from the storage", func(t *testing.T) {
		h := demo(t)
		h.press("s", "1", "enter") // a Step: value 1
		h.press("u", "up", "R")
		d, ok := h.m.dialog.(*reinstallDialog)
		require.True(t, ok, "R in the upgrade dialog opens the reinstall")
		v := h.view()
		assert.Contains(t, v, "Reinstall counter with v1")
		assert.Contains(t, v, "discards its state: {owner: owner", "the dialog says what is lost")
		assert.Equal(t, "1", d.form.rows[2].value(), "value starts as the storage's")

		h.press("enter")
		assert.Nil(t, h.m.dialog)
		assert.Contains(t, h.status(), "counter reinstalled with v1; lost: v1 {owner: owner")
		pane := accountText(h)
		assert.Contains(t, pane, "World operations (1)", "the account pane lists it")
		assert.Contains(t, pane, "counter reinstalled with v1")
		assert.Contains(t, pane, "lost: v1 {owner: owner, id: 1, value: 1}")
		assert.Contains(t, h.view(), "now · 6 transactions · 1 world operation", "the header counts it")
	})
	t.Run("a bricked counter made usable again", func(t *testing.T) {
		h := demo(t)
		h.press("u", "down", "enter", "enter") // v3 bricks
		require.Contains(t, h.view(), "type_and_version fails")
		h.press("u")
		require.IsType(t, &upgradeDialog{}, h.m.dialog)
		h.press("R")
		d, ok := h.m.dialog.(*reinstallDialog)
		require.True(t, ok)
		require.Equal(t, "v1", d.ct.Name, "the dialog starts on code other than the running one")
		assert.Contains(t, h.view(), "discards its state: {stateToBeMigrated:", "the state is v3's pending migration, which it cannot read")
		h.press("enter")
		require.NotNil(t, h.m.dialog, "the arguments are required")
		assert.Contains(t, h.view(), "required")
		h.press("7", "tab", "owner", "tab", "0", "enter")
		require.Nil(t, h.m.dialog)
		assert.Contains(t, h.status(), "counter reinstalled with v1")
		assert.NotContains(t, h.view(), "type_and_version fails", "usable again")
		assert.Contains(t, h.view(), "Counter v1.0.0")
	})
	t.Run("time travel goes back before it", func(t *testing.T) {
		h := demo(t)
		h.press("s", "1", "enter")
		h.press("u", "up", "R", "enter")
		require.Contains(t, accountText(h), "World operations (1)")
		h.press("[")
		assert.NotContains(t, accountText(h), "World operations", "the point after the transaction before has no operation")
		h.press("}")
		assert.Contains(t, accountText(h), "World operations (1)", "now has it again")
	})
}

func TestWalkthroughNarratesMigrations(t *testing.T) {
	t.Run("a migration", func(t *testing.T) {
		h := walk(t, "../examples/22-migrate-double.yaml")
		h.press("n", "n", "n", "n")
		text := strings.Join(h.m.walk.content(), "\n")
		assert.Contains(t, text, "4 migrate counter to double (4 steps)")
		assert.Contains(t, text, "counter migrated to double")
		assert.Contains(t, text, "replaced: v1 {owner: owner, id: 1, value: 254}")
		assert.Contains(t, text, "6 transactions in the log")
		assert.Contains(t, text, "✓ as expected: migrated, transactions, storage, lost")
		assert.Contains(t, h.view(), "counter (new)", "the log names the temporary account as it was called")
	})
	t.Run("an undone migration", func(t *testing.T) {
		h := walk(t, "../examples/24-migrate-undone.yaml")
		h.press("n", "n")
		text := strings.Join(h.m.walk.content(), "\n")
		assert.Contains(t, text, "undone: transaction lt 13 on counter (new) (Upgrade) failed:")
		assert.Contains(t, text, "exit 132 (Access denied); nothing changed")
		assert.Contains(t, text, "6 transactions ran and were undone")
	})
	t.Run("a reinstall", func(t *testing.T) {
		h := walk(t, "../examples/20-reinstall.yaml")
		h.press("n", "n", "n", "n")
		text := strings.Join(h.m.walk.content(), "\n")
		assert.Contains(t, text, "counter reinstalled with v1")
		assert.Contains(t, text, "lost: v1 {owner: owner, id: 7, value: 42}")
		assert.Contains(t, accountText(h), "World operations (1)")
	})
}
