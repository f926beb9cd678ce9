package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
)

// TestCopy copies what each pane has selected: y puts it on the clipboard
// through OSC 52 and the status line says what it was.
func TestCopy(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		want   func(h *harness) string
		status string
	}{
		{"an account's address", nil, func(h *harness) string { return h.m.accounts.selected().addr.StringRaw() },
			"Copied the address of counter (0:59fa239d34179ea7fd3bdb…) to the clipboard."},
		{"a getter's result", []string{"tab", "down"}, func(*harness) string { return "1" },
			"Copied the result of id on counter (1) to the clipboard."},
		{"a getter's address, raw", []string{"tab", "end"}, func(h *harness) string { return h.m.sess.world.Transactions()[0].To.StringRaw() },
			"Copied the result of owner on counter"},
		{"the data as a BOC", []string{"tab", "r"}, func(h *harness) string { return cell.Hex(h.m.account.acc.data) },
			"Copied the data of counter as a BOC (b5ee9c72"},
		{"a transaction as a BOC", []string{"tab", "tab"}, func(h *harness) string {
			c, err := h.m.txs.selected().tx.Cell()
			require.NoError(h.t, err)
			return cell.Hex(c)
		},
			"Copied transaction lt 5 as a BOC (b5ee9c72"},
		{"a transaction's message as a BOC", []string{"tab", "tab", "tab"}, func(h *harness) string { return cell.Hex(h.m.tx.line.tx.InCell) },
			"Copied the inbound message of lt 5 as a BOC"},
		{"a wallet's address from its detail", []string{"down", "tab"}, func(h *harness) string { return h.m.account.acc.addr.StringRaw() },
			"Copied the address of alice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := demo(t)
			h.press(tt.keys...)
			h.press("y")
			assert.Equal(t, tt.want(h), h.m.clipboard)
			assert.Contains(t, h.status(), tt.status)
		})
	}
	t.Run("a getter that waits for arguments", func(t *testing.T) {
		h := probe(t)
		getterCursor(t, h, "sum")
		h.press("y")
		assert.Empty(t, h.m.clipboard)
		assert.Contains(t, h.status(), "Nothing to copy here")
	})
}
