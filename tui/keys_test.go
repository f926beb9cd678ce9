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
		},
		"pgdn": func(t *testing.T, k string) {
			h := demo(t).resize(80, 24)
			h.press("?")
			h.send(keyPress(k))
			assert.Positive(t, h.m.help.sc.top, "a page down the help")
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
	for _, g := range helpGroups(DefaultKeyMap(), true, true) {
		for _, e := range g.entries {
			for _, b := range e.keys {
				check, ok := checks[b.Help().Key]
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
