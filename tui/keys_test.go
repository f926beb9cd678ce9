package tui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/internal/golden"
)

// keyPress is the message of a key as key.Binding names it: "up", "k",
// "shift+tab", "ctrl+d", "pgdown", "?".
func keyPress(name string) tea.KeyPressMsg {
	if msg, ok := keyMsg(name); ok {
		return msg
	}
	r := []rune(name)
	if len(r) != 1 {
		panic("a key the test does not know: " + name)
	}
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// selectedLT is the logical time of the transaction selected in the log.
func selectedLT(h *harness) uint64 {
	if l := h.m.txs.selected(); l != nil {
		return l.tx.LT
	}
	return 0
}

// forked opens the demo from its start, sends a Step, travels back before
// it and sends another: history forked, the first Step's branch kept. It
// returns the counter's transaction of each Step.
func forked(t *testing.T) (h *harness, first, second *actor.Transaction) {
	h = demoFromStart(t)
	h.press("s", "1", "enter")
	first = h.m.sess.world.Transactions()[4]
	h.press("[", "[", "[", "s", "2", "enter")
	require.Contains(t, h.status(), "Forked: 3 later transactions left on the old branch")
	second = h.m.sess.world.Transactions()[4]
	require.NotSame(t, first, second)
	return h, first, second
}

// TestHelpKeys checks that every key the help lists does what the help
// says, each key of each binding on its own: a key without a check here
// fails the test, so a new key comes with one.
func TestHelpKeys(t *testing.T) {
	checks := map[string]func(t *testing.T, key string){
		"↑/k": func(t *testing.T, k string) {
			h := demo(t)
			h.press("tab", "tab")
			h.send(keyPress(k))
			assert.Equal(t, uint64(3), selectedLT(h), "up from the newest transaction")
		},
		"↓/j": func(t *testing.T, k string) {
			h := demo(t)
			h.press("tab", "tab", "home")
			h.send(keyPress(k))
			assert.Equal(t, uint64(3), selectedLT(h), "down from the first transaction")
		},
		"pgup": func(t *testing.T, k string) {
			h := demo(t).resize(80, 24)
			h.press("?", "end")
			top := h.m.help.sc.top
			h.send(keyPress(k))
			assert.Less(t, h.m.help.sc.top, top, "a page up the help")

			h = demo(t).resize(80, 24)
			h.press("tab", "end")
			top = h.m.account.sc.top
			h.send(keyPress(k))
			assert.Less(t, h.m.account.sc.top, top, "a page up the focused account's detail")

			h = many(t).resize(80, 24)
			h.press("tab", "tab")
			before := selectedLT(h)
			h.send(keyPress(k))
			assert.Less(t, selectedLT(h), before, "a page up the focused log")
		},
		"pgdn": func(t *testing.T, k string) {
			h := demo(t).resize(80, 24)
			h.press("?")
			h.send(keyPress(k))
			assert.Positive(t, h.m.help.sc.top, "a page down the help")

			h = demo(t).resize(80, 24)
			h.press("tab")
			h.send(keyPress(k))
			assert.Positive(t, h.m.account.sc.top, "a page down the focused account's detail")

			h = many(t).resize(80, 24)
			h.press("tab", "tab", "home")
			before := selectedLT(h)
			h.send(keyPress(k))
			assert.Greater(t, selectedLT(h), before, "a page down the focused log")
		},
		"g/home": func(t *testing.T, k string) {
			h := demo(t)
			h.press("tab", "tab")
			h.send(keyPress(k))
			assert.Equal(t, uint64(1), selectedLT(h), "the first transaction")
		},
		"G/end": func(t *testing.T, k string) {
			h := demo(t)
			h.press("tab", "tab", "home")
			h.send(keyPress(k))
			assert.Equal(t, uint64(5), selectedLT(h), "the last transaction")
		},
		"tab": func(t *testing.T, k string) {
			h := demo(t)
			for _, want := range []pane{paneAccount, paneTxs, paneTx, paneAccounts} {
				h.send(keyPress(k))
				assert.Equal(t, want, h.m.focus)
			}
		},
		"shift+tab": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.Equal(t, paneTx, h.m.focus, "back from the first pane to the last")
		},
		"/": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			h.press("bob")
			assert.Contains(t, h.view(), "Accounts (1 of 4)")
		},
		"enter": func(t *testing.T, k string) {
			h := demoFromStart(t)
			h.press("tab", "tab", "up")
			h.send(keyPress(k))
			assert.Equal(t, 2, h.m.st.at, "travelled to the selected transaction")
		},
		"esc": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s")
			h.send(keyPress(k))
			assert.Nil(t, h.m.dialog, "the form closed")
		},
		"s": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.IsType(t, &sendDialog{}, h.m.dialog)
		},
		"u": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.IsType(t, &upgradeDialog{}, h.m.dialog)
		},
		"r": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.Contains(t, h.view(), "raw cells")
		},
		"y": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.Equal(t, h.m.accounts.selected().addr.StringRaw(), h.m.clipboard, "the selected account's address")
		},
		"w": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.IsType(t, &saveDialog{}, h.m.dialog)
		},
		"c": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.IsType(t, &commitDialog{}, h.m.dialog)
		},
		"C": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.IsType(t, &commitsDialog{}, h.m.dialog)
		},
		"[": func(t *testing.T, k string) {
			h := demoFromStart(t)
			h.send(keyPress(k))
			assert.Equal(t, 2, h.m.st.at)
		},
		"]": func(t *testing.T, k string) {
			h := demoFromStart(t)
			h.press("[", "[")
			h.send(keyPress(k))
			assert.Equal(t, 2, h.m.st.at)
		},
		"{": func(t *testing.T, k string) {
			h := demoFromStart(t)
			h.send(keyPress(k))
			assert.Equal(t, 0, h.m.st.at)
		},
		"}": func(t *testing.T, k string) {
			h := demoFromStart(t)
			h.press("{")
			h.send(keyPress(k))
			assert.False(t, h.m.st.travelling())
		},
		"z": func(t *testing.T, k string) {
			h, first, _ := forked(t)
			h.send(keyPress(k))
			assert.Same(t, first, h.m.sess.world.Transactions()[4], "the first Step's branch is back")
		},
		"Z": func(t *testing.T, k string) {
			h, _, second := forked(t)
			h.press("z")
			h.send(keyPress(k))
			assert.Same(t, second, h.m.sess.world.Transactions()[4], "the fork's Step is back")
		},
		"n": func(t *testing.T, k string) {
			h := walk(t, "../examples/01-upgrade.yaml")
			h.send(keyPress(k))
			assert.Equal(t, 1, h.m.walk.pos)
		},
		"p": func(t *testing.T, k string) {
			h := walk(t, "../examples/01-upgrade.yaml")
			h.press("n", "n")
			h.send(keyPress(k))
			assert.Equal(t, 1, h.m.walk.pos)
		},
		"N": func(t *testing.T, k string) {
			h := walk(t, "../examples/01-upgrade.yaml")
			h.send(keyPress(k))
			assert.Equal(t, 9, h.m.walk.pos)
		},
		"e": func(t *testing.T, k string) {
			h := play(t, "testdata/failing.yaml")
			h.press("esc")
			require.Nil(t, h.m.dialog)
			h.send(keyPress(k))
			assert.IsType(t, &resultsDialog{}, h.m.dialog)
		},
		"t": func(t *testing.T, k string) {
			h := demo(t)
			h.press("tab", "tab")
			h.send(keyPress(k))
			assert.IsType(t, &debugger{}, h.m.dialog, h.status())
		},
		"?": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.True(t, h.m.showHelp)

			h = demo(t)
			h.press("u")
			h.send(keyPress(k))
			require.True(t, h.m.showHelp, "? in a dialog lists its keys")
			assert.Contains(t, h.view(), "In the upgrade (u) (esc goes back to it)", "the dialog's keys first")
			h.press("esc")
			assert.IsType(t, &upgradeDialog{}, h.m.dialog, "esc goes back to the dialog")
		},
		"q": func(t *testing.T, k string) {
			h := demo(t)
			h.send(keyPress(k))
			assert.True(t, h.quit)
		},
		"ctrl+c": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s")
			h.send(keyPress(k))
			assert.True(t, h.quit, "from a form too")
		},
	}
	// A dialog's keys do what they do in that dialog: their checks are
	// named by the dialog's group too.
	upgrade := func(t *testing.T, keys ...string) (*harness, *upgradeDialog) {
		h := demo(t).resize(80, 24)
		h.press("u")
		h.press(keys...)
		d, ok := h.m.dialog.(*upgradeDialog)
		require.True(t, ok, "the upgrade dialog is open")
		return h, d
	}
	inUpgrade, inForm := upgradeKeys(DefaultKeyMap()).title+"/", formKeys(DefaultKeyMap()).title+"/"
	dialogChecks := map[string]func(t *testing.T, key string){
		inUpgrade + "↑/↓": func(t *testing.T, k string) {
			h, d := upgrade(t)
			before := d.cursor
			h.send(keyPress(k))
			assert.NotEqual(t, before, d.cursor, "another code")
			assert.NotNil(t, d.report, "its preflight ran")
		},
		inUpgrade + "R": func(t *testing.T, k string) {
			h, _ := upgrade(t, "down")
			h.send(keyPress(k))
			assert.IsType(t, &reinstallDialog{}, h.m.dialog)
		},
		inUpgrade + "←/→": func(t *testing.T, k string) {
			h, d := upgrade(t)
			before := d.sender
			h.send(keyPress(k))
			assert.NotEqual(t, before, d.sender, "another sender")
		},
		inUpgrade + "p": func(t *testing.T, k string) {
			h, d := upgrade(t)
			h.send(keyPress(k))
			assert.Equal(t, 1, d.protocol, "the next protocol")
		},
		inUpgrade + "m": func(t *testing.T, k string) {
			h, d := upgrade(t)
			h.send(keyPress(k))
			assert.NotNil(t, d.matrix, "the upgrade matrix ran")
		},
		inUpgrade + "enter": func(t *testing.T, k string) {
			h, _ := upgrade(t)
			h.send(keyPress(k))
			assert.Nil(t, h.m.dialog, "a safe upgrade goes out on the first enter")
			assert.Greater(t, h.m.st.total, 3)
		},
		inUpgrade + "pgup": func(t *testing.T, k string) {
			h, d := upgrade(t, "end")
			top := d.sc.top
			h.send(keyPress(k))
			assert.Less(t, d.sc.top, top)
		},
		inUpgrade + "pgdn": func(t *testing.T, k string) {
			h, d := upgrade(t)
			h.send(keyPress(k))
			assert.Positive(t, d.sc.top)
		},
		inUpgrade + "g/home": func(t *testing.T, k string) {
			h, d := upgrade(t, "pgdown")
			h.send(keyPress(k))
			assert.Zero(t, d.sc.top)
		},
		inUpgrade + "G/end": func(t *testing.T, k string) {
			h, d := upgrade(t)
			h.send(keyPress(k))
			assert.Equal(t, maxTop(len(d.body()), d.height-1), d.sc.top)
		},
		inUpgrade + "esc": func(t *testing.T, k string) {
			h, _ := upgrade(t, "down", "enter")
			h.send(keyPress(k))
			assert.IsType(t, &upgradeDialog{}, h.m.dialog, "the first esc takes back the first enter")
			h.send(keyPress(k))
			assert.Nil(t, h.m.dialog)
			assert.Equal(t, 3, h.m.st.total, "nothing was sent")
		},
		inForm + "tab": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s")
			d := h.m.dialog.(*sendDialog)
			before := d.form.focus
			h.send(keyPress(k))
			assert.Equal(t, (before+1)%len(d.form.rows), d.form.focus, "the next field")
		},
		inForm + "shift+tab": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s")
			d := h.m.dialog.(*sendDialog)
			before := d.form.focus
			h.send(keyPress(k))
			assert.Equal(t, before-1, d.form.focus, "the previous field")
		},
		inForm + "←": changesTheChoice,
		inForm + "→": changesTheChoice,
		inForm + "enter": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s", "1")
			h.send(keyPress(k))
			assert.Nil(t, h.m.dialog, "sent")
			assert.Greater(t, h.m.st.total, 3)
		},
		inForm + "pgup": func(t *testing.T, k string) {
			h := probe(t).resize(80, 24)
			h.press("s", "pgdown")
			d := h.m.dialog.(*sendDialog)
			top := d.sc.top
			require.Positive(t, top)
			h.send(keyPress(k))
			assert.Less(t, d.sc.top, top)
		},
		inForm + "pgdn": func(t *testing.T, k string) {
			h := probe(t).resize(80, 24)
			h.press("s")
			d := h.m.dialog.(*sendDialog)
			h.send(keyPress(k))
			assert.Positive(t, d.sc.top)
		},
		inForm + "f1": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s", "?")
			d := h.m.dialog.(*sendDialog)
			require.False(t, h.m.showHelp, "? types in a text field")
			require.Contains(t, d.form.rows[d.form.focus].value(), "?")
			h.send(keyPress(k))
			require.True(t, h.m.showHelp)
			assert.Contains(t, h.view(), "In a form", "the form's keys first")
			h.send(keyPress(k))
			assert.Same(t, d, h.m.dialog, "f1 again goes back to the form")
		},
		inForm + "esc": func(t *testing.T, k string) {
			h := demo(t)
			h.press("s")
			h.send(keyPress(k))
			assert.Nil(t, h.m.dialog)
		},
	}
	for _, g := range helpGroups(DefaultKeyMap(), true, true) {
		for _, e := range g.entries {
			for _, b := range e.keys {
				check, ok := checks[b.Help().Key]
				if g.dialog {
					check, ok = dialogChecks[g.title+"/"+b.Help().Key]
				}
				require.True(t, ok, "the help lists %s (%q) but no check says what it does", b.Help().Key, e.what)
				for _, k := range b.Keys() {
					t.Run(g.title+"/"+k, func(t *testing.T) { check(t, k) })
				}
			}
		}
	}
}

// TestKeyTable keeps the README's key table the same as the help screen:
// both are made from the help's entries, and go test ./tui -update rewrites
// the README's.
func TestKeyTable(t *testing.T) {
	const begin, end = "<!-- keys: generated from the UI's help; go test ./tui -update rewrites it -->\n", "<!-- end of keys -->"
	want := KeyTable(DefaultKeyMap())
	for _, file := range []string{"../README.md"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			text := string(data)
			i := strings.Index(text, begin)
			require.GreaterOrEqual(t, i, 0, "%s has no generated key table (begin with %q)", file, begin)
			j := strings.Index(text[i:], end)
			require.GreaterOrEqual(t, j, 0, "%s: the key table has no end (%q)", file, end)
			if golden.Update() {
				text = text[:i+len(begin)] + want + text[i+j:]
				require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
				return
			}
			assert.Equal(t, want, text[i+len(begin):i+j], "%s's key table is not the help's: go test ./tui -update", file)
		})
	}
}

// changesTheChoice checks that key k, on the send form's message row,
// picks another message.
func changesTheChoice(t *testing.T, k string) {
	h := demo(t)
	h.press("s", "up", "up", "up")
	d := h.m.dialog.(*sendDialog)
	require.Equal(t, "message", d.form.rows[d.form.focus].label)
	before := d.form.rows[d.form.focus].value()
	h.send(keyPress(k))
	assert.NotEqual(t, before, d.form.rows[d.form.focus].value(), "the choice changed")
}
