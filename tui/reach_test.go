package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// normal is a line as a pane draws it, the cursor's mark aside.
func normal(line string, width int) string {
	return strings.TrimRight(strings.ReplaceAll(fit(line, width), "▸", " "), " ")
}

// reach presses key until the pane's view stops changing, and checks that
// every line of its content showed in one of the views on the way.
func reach(t *testing.T, h *harness, what string, view func() string, content func() []string, width int, key string) {
	t.Helper()
	seen := map[string]bool{}
	last := ""
	for range len(content()) + 3 {
		v := view()
		for _, l := range lines(v) {
			seen[normal(l, width)] = true
		}
		if v == last {
			break
		}
		last = v
		h.press(key)
	}
	for _, l := range content() {
		if n := normal(l, width); n != "" {
			assert.True(t, seen[n], "%s: the line %q never showed", what, n)
		}
	}
}

// TestDemoReachesEveryLine walks the demo at 80×24, after a Step, an
// upgrade and another Step, as a new user would: every line of every pane
// (each account's detail, each transaction's, the log, the help) shows on
// the screen at some point, by the keys the help gives.
func TestDemoReachesEveryLine(t *testing.T) {
	h := demoFromStart(t).resize(80, 24)
	upgradeAndStep(h)
	require.Equal(t, 11, h.m.st.total)
	w := h.m.l.detail.w

	t.Run("accounts", func(t *testing.T) {
		h.press("home")
		seen := map[string]bool{}
		for range h.m.st.accounts {
			for _, l := range lines(h.m.accounts.View()) {
				seen[strings.Fields(strings.ReplaceAll(l, "▸", " ") + " x")[0]] = true
			}
			h.press("down")
		}
		for _, a := range h.m.st.accounts {
			assert.True(t, seen[a.label()], "the account %s never showed", a.label())
		}
	})
	for i, a := range h.m.st.accounts {
		t.Run("account "+a.label(), func(t *testing.T) {
			h.m.setFocus(paneAccounts)
			h.press("home")
			for range i {
				h.press("down")
			}
			h.press("tab", "home")
			require.Equal(t, a.label(), h.m.account.acc.label())
			reach(t, h, a.label(), h.m.account.View, h.m.account.content, w, "down")
		})
	}
	t.Run("log", func(t *testing.T) {
		h.m.setFocus(paneTxs)
		h.press("home")
		reach(t, h, "the log", h.m.txs.View, func() []string {
			cols := h.m.txs.columns()
			var out []string
			for _, l := range h.m.st.log.lines {
				out = append(out, "  "+cols.row(h.m.c, h.m.st, l))
			}
			return out
		}, h.m.l.txs.w, "down")
	})
	for i, l := range h.m.st.log.lines {
		t.Run("transaction lt "+itoa(int(l.tx.LT)), func(t *testing.T) {
			h.m.setFocus(paneTxs)
			h.press("home")
			for range i {
				h.press("down")
			}
			h.press("tab", "home")
			require.Same(t, l.tx, h.m.tx.line.tx)
			reach(t, h, "lt "+itoa(int(l.tx.LT)), h.m.tx.View, h.m.tx.content, w, "down")
		})
	}
	t.Run("help", func(t *testing.T) {
		h.press("?", "home")
		reach(t, h, "the help", h.m.help.View, h.m.help.content, h.m.l.body.w, "down")
		h.press("esc")
	})
}

// TestWalkthroughReachesEveryLine walks the first example at 80×24: at
// each step, every line of the panel (the note beside what the step did)
// shows, scrolled with the keys the help gives.
func TestWalkthroughReachesEveryLine(t *testing.T) {
	h := walk(t, "../examples/01-upgrade.yaml").resize(80, 24)
	for step := 0; step <= len(h.m.walk.sc.Steps); step++ {
		h.m.setFocus(paneWalk)
		h.press("home")
		reach(t, h, "step "+itoa(step), h.m.walk.View, h.m.walk.content, h.m.l.walk.w, "down")
		h.press("n")
	}
}
