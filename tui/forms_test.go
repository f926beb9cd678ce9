package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/describe"
)

// getterCursor moves the details' getter cursor to the getter called name.
func getterCursor(t *testing.T, h *harness, name string) {
	t.Helper()
	h.press("tab")
	for i, g := range h.m.account.acc.getters {
		if g.name == name {
			for range i {
				h.press("down")
			}
			return
		}
	}
	t.Fatalf("no getter %s", name)
}

func TestGetterArguments(t *testing.T) {
	h := probe(t)
	require.Equal(t, "probe", h.m.accounts.selected().name)
	getterCursor(t, h, "seen")
	assert.NotContains(t, h.view(), "enter getter arguments", "a getter without arguments has no form to open")
	h.press("enter")
	assert.Nil(t, h.m.dialog)
	h.press("shift+tab")
	getterCursor(t, h, "sum")
	assert.Contains(t, h.view(), "takes a: Int, b: Int: enter", "a getter with arguments waits for them")
	assert.Contains(t, h.view(), "enter getter arguments")
	h.press("enter")
	require.IsType(t, &getterDialog{}, h.m.dialog)
	h.press("2x")
	assert.Contains(t, h.view(), `✗ want an integer, got "2x"`)
	h.press("enter")
	require.NotNil(t, h.m.dialog, "bad arguments keep the form open")
	h.press("backspace", "tab", "40", "enter")
	require.Nil(t, h.m.dialog)
	assert.Contains(t, h.view(), "sum(2, 40)        42")

	// The arguments stay: a transaction later, the getter is evaluated
	// again.
	h.press("s", "up", "up", "up", "left", "left", "left", "enter") // Throw ← raw ← comment ← empty
	assert.Contains(t, h.status(), "empty sent")
	assert.Contains(t, h.view(), "sum(2, 40)        42")
	assert.Contains(t, h.view(), "seen              2", "the empty message counted")
}

func TestGetterArgumentNames(t *testing.T) {
	h := probe(t)
	getterCursor(t, h, "isMe")
	h.press("enter", "nobody")
	assert.Contains(t, h.view(), `✗ want an address, got "nobody"`, "an unknown name is no address")
	for range 6 {
		h.press("backspace")
	}
	h.press("probe", "tab", "true", "enter")
	require.Nil(t, h.m.dialog)
	assert.Contains(t, h.view(), "isMe(probe, true)  true", "a name stands for its address")
}

func TestSendForward(t *testing.T) {
	h := probe(t)
	h.press("s", "up", "up", "up", "right", "down", "down", "down") // Throw → Forward, then to its first field
	v := h.view()
	assert.Contains(t, v, "to          ")
	assert.Contains(t, v, "Address · a name (→ completes it) or an address")
	h.press("nobody")
	assert.Contains(t, h.view(), "✗ want an address", "the bad address is said at its field")
	for range 6 {
		h.press("backspace")
	}
	h.press("alice", "tab", "0.01", "tab", "false", "tab", "0", "enter")
	require.Nil(t, h.m.dialog, h.view())
	assert.Contains(t, h.status(), "Forward sent: alice → probe, exit 0 (Success)")
	assert.Contains(t, h.view(), "└ probe → alice", "the forwarded message is a child in the log")
}

func TestBounce(t *testing.T) {
	h := probe(t)
	h.press("s", "1234", "enter")
	assert.True(t, h.m.status.err, "a failed transaction is an error")
	assert.Contains(t, h.status(), "Throw sent: alice → probe, exit 1234")
	v := h.view()
	assert.Contains(t, v, "↩ bounced")
	assert.Contains(t, v, "bounced Throw", "the bounce names the message that bounced")
}

func TestSendComment(t *testing.T) {
	h := probe(t)
	h.press("s", "up", "up", "up")
	h.press("left", "left") // Throw … empty, comment, raw: two to the left is comment
	require.Equal(t, bodyComment, h.m.dialog.(*sendDialog).form.rows[rowMessage].value())
	h.press("down", "down", "down", "hello", "enter")
	assert.Contains(t, h.status(), `comment sent`)
	assert.Contains(t, h.view(), `comment "hello"`)
}

// TestInputsByType fills the probe's Forward, a field of each kind: a
// Bool is a toggle that y, t and 1 turn on and n, f and 0 off, as a
// scenario writes true or false; an address is a name, completed with →;
// coins are TON.
func TestInputsByType(t *testing.T) {
	open := func(t *testing.T) (*harness, *sendDialog) {
		h := probe(t)
		h.press("s", "up", "up", "up", "right", "down", "down", "down") // Throw → Forward, then to its first field
		d := h.m.dialog.(*sendDialog)
		require.Equal(t, "Forward", d.form.rows[rowMessage].value())
		return h, d
	}
	field := func(d *sendDialog, name string) *formRow {
		for _, f := range d.fields {
			if strings.Join(f.path, ".") == name {
				return f.row
			}
		}
		t.Fatalf("no field %s", name)
		return nil
	}
	t.Run("Bool", func(t *testing.T) {
		for _, tt := range []struct{ keys, want string }{
			{"y", "true"}, {"t", "true"}, {"1", "true"}, {"yn", "false"}, {"tf", "false"}, {"10", "false"}, {"space", "true"},
		} {
			h, d := open(t)
			h.press("down", "down") // to bounce
			require.True(t, d.form.rows[d.form.focus].toggle)
			if tt.keys == "space" {
				h.press("space")
			} else {
				h.press(tt.keys)
			}
			assert.Equal(t, tt.want, field(d, "bounce").value(), "after %s", tt.keys)
		}
		h, _ := open(t)
		assert.Contains(t, h.view(), "‹ false ›  ←/→ or t/f  Bool", "the toggle says how it changes")
	})
	t.Run("an address by name, completed", func(t *testing.T) {
		h, d := open(t)
		h.press("al", "right")
		assert.Equal(t, "alice", field(d, "to").value())
		h.press("tab", "0.01", "tab", "y", "tab", "0", "enter")
		require.Nil(t, h.m.dialog, h.view())
		assert.Contains(t, h.status(), "Forward sent: alice → probe, exit 0 (Success)")
		txs := h.m.sess.world.Transactions()
		fw := describe.Describe(h.m.sess.cat, txs[len(txs)-2])
		assert.Equal(t, "Forward {to: alice, value: 0.01 TON, bounce: true, mode: 0, body: null}", fw.Message.Text(fw.Printer()),
			"the name, the amount and the toggle went into the message")
	})
	t.Run("coins as TON, the one rule", func(t *testing.T) {
		h, _ := open(t)
		h.press("tab", "1.0000000001")
		assert.Contains(t, h.view(), `"1.0000000001" has 10 decimals; TON has 9`)
	})
}
