package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/upgradable"
)

func TestMainScreen(t *testing.T) {
	h := demo(t)
	v := h.view()
	assert.Contains(t, v, "v1 · Counter v1.0.0", "the counter's row says its contract and version")
	assert.Contains(t, v, "└─ value: 0", "the selected counter's storage is decoded")
	assert.Contains(t, v, "deployed v1", "the log shows the deployment")
}

func TestMainScreenNarrow(t *testing.T) {
	w := demo(t)
	h := newHarness(t, w.m, 80, 24)
	assert.Contains(t, h.view(), "counter", "the narrow screen still lists the accounts")
}

func TestAccountDetail(t *testing.T) {
	t.Run("decoded", func(t *testing.T) {
		h := demo(t)
		h.press("tab", "down")
		v := h.view()
		assert.Contains(t, v, "storage  CounterV1$Data")
		assert.Contains(t, v, "├─ owner: owner 0:44139b…33f7", "an address in storage is named")
		assert.Contains(t, v, "▸ id", "the getter cursor moved")
	})
	t.Run("raw", func(t *testing.T) {
		h := demo(t)
		h.press("r")
		v := h.view()
		assert.Contains(t, v, "332 bits x{C0044139B2AAE9DF342DD0A1")
	})
}

func TestSendFormValidation(t *testing.T) {
	h := demo(t)
	before := h.m.st.total
	h.press("s", "abc")
	v := h.view()
	assert.Contains(t, v, "▸ queryId  abc")
	assert.Contains(t, v, `✗ want an integer, got "abc"`, "the codec's complaint shows under the field")

	h.press("enter")
	assert.NotNil(t, h.m.dialog, "a form with an error stays open")
	assert.Equal(t, before, h.m.st.total, "nothing was sent")

	h.press("backspace", "backspace", "backspace", "42", "enter")
	assert.Nil(t, h.m.dialog, "a valid form sends and closes")
	assert.Equal(t, before+3, h.m.st.total, "the wallet's, the counter's and the reply's transactions")
	assert.Contains(t, h.status(), "Step sent: alice → counter, exit 0 (Success), value: 0 → 1")
}

func TestSendFormFields(t *testing.T) {
	tests := []struct {
		name, keys, want string
	}{
		{"out of range", "99999999999999999999999", "does not fit uint64"},
		{"negative", "-1", "does not fit uint64"},
		{"empty", "", "required: Int as uint64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := demo(t)
			h.press("s")
			if tt.keys != "" {
				h.press(tt.keys)
			} else {
				h.press("enter")
			}
			assert.Contains(t, h.view(), tt.want)
		})
	}
	t.Run("bad address in Upgrade is not the case, bad value is", func(t *testing.T) {
		h := demo(t)
		h.press("s", "up", "up", "backspace", "backspace", "backspace", "backspace", "x")
		assert.Contains(t, h.view(), "✗ \"x\" is not an amount of TON")
	})
}

func TestUpgradePreflight(t *testing.T) {
	t.Run("v2 safe", func(t *testing.T) {
		h := demo(t)
		h.press("u")
		d, ok := h.m.dialog.(*upgradeDialog)
		require.True(t, ok, "u opens the upgrade")
		require.NotNil(t, d.report)
		assert.Equal(t, upgradable.Safe, d.report.Verdict)
		v := h.view()
		assert.Contains(t, v, "✓ safe")
		assert.Contains(t, v, "type_and_version  com.example.upgrades.Counter v1.0.0 → com.example.upgrades.Counter v2.0.0")
		assert.Contains(t, v, "‹ owner ›  the contract's owner", "the sender starts as the owner")

		h.press("enter")
		assert.Nil(t, h.m.dialog, "a safe upgrade sends on the first enter")
		assert.Contains(t, h.status(), "Upgrade to v2 sent")
		assert.Contains(t, h.view(), "v2 · Counter v2.0.0")
	})
	t.Run("v3 bricks", func(t *testing.T) {
		h := demo(t)
		h.press("u", "down")
		v := h.view()
		assert.Contains(t, v, "✗ would brick: exit 9 (Cell underflow)")
		assert.Contains(t, v, "CounterV2Layout does not read", "the layout hint says why")

		h.press("enter")
		require.NotNil(t, h.m.dialog, "a brick needs a second enter")
		assert.Contains(t, h.view(), "Press enter again to send the Upgrade anyway")
		h.press("esc")
		require.NotNil(t, h.m.dialog, "esc steps back from the confirmation")
		assert.NotContains(t, h.view(), "Press enter again")
		h.press("enter", "enter")
		assert.Nil(t, h.m.dialog, "the second enter sends")
		assert.Contains(t, h.view(), "type_and_version fails", "the contract is bricked")
	})
	t.Run("enter while the preflight runs", func(t *testing.T) {
		for _, tt := range []struct {
			name  string
			keys  []string
			sends bool
		}{
			{"safe sends when the verdict arrives", nil, true},
			{"a brick still asks again", []string{"down"}, false},
		} {
			t.Run(tt.name, func(t *testing.T) {
				h := demo(t)
				h.press("u")
				h.press(tt.keys...)
				d := h.m.dialog.(*upgradeDialog)
				// Ask again and hold the answer back: the preflight is running.
				pending := d.preflight()
				h.press("enter")
				assert.Contains(t, h.view(), "enter was pressed", "the enter is kept, and the screen says so")
				require.NotNil(t, h.m.dialog)

				h.run(pending)
				if tt.sends {
					assert.Nil(t, h.m.dialog, "the safe verdict sent the Upgrade")
					assert.Contains(t, h.status(), "Upgrade to v2 sent")
					return
				}
				require.NotNil(t, h.m.dialog, "a blind enter never sends a brick")
				assert.Contains(t, h.view(), "Press enter again to send the Upgrade anyway")
			})
		}
	})
	t.Run("stranger rejected", func(t *testing.T) {
		h := demo(t)
		h.press("u", "left") // owner → bob
		d := h.m.dialog.(*upgradeDialog)
		require.NotNil(t, d.report)
		assert.Equal(t, upgradable.Rejected, d.report.Verdict)
		assert.Contains(t, h.view(), "✗ rejected: exit 132 (Access denied)")
	})
	t.Run("wallet", func(t *testing.T) {
		h := demo(t)
		h.press("down", "u")
		assert.Nil(t, h.m.dialog)
		assert.Contains(t, h.status(), "Select a contract to upgrade")
	})
}

// upgradeAndStep sends a Step, upgrades to v2, and sends a Step, which runs
// the migration.
func upgradeAndStep(h *harness) {
	h.press("s", "1", "enter")
	h.press("u", "enter")
	h.press("s", "2", "enter")
}

func TestLogAfterUpgrade(t *testing.T) {
	h := demo(t)
	upgradeAndStep(h)
	h.press("tab", "tab", "up", "up", "up")
	v := h.view()
	assert.Contains(t, v, "Transaction lt 13")
	assert.Contains(t, v, "⚠ wrapped in a lazy-migration")
	assert.Contains(t, v, "changed: v1 → v2", "the details of the upgrade")
	h.press("down", "down")
	v = h.view()
	assert.Contains(t, v, "Upgrade   0 (Success)  3310  code v1 → v2")
	assert.Contains(t, v, "Step      0 (Success)  4041  value: 1 → 0", "the migration's change: v1's value 1, v2's Step counts down")
	assert.Contains(t, v, "Transaction lt 16", "the selected transaction's details")
}

// TestTimeTravelQueued presses [ three times before the first travel has
// finished, as a quick hand does: each press goes one step further.
func TestTimeTravelQueued(t *testing.T) {
	h := demo(t)
	upgradeAndStep(h)
	back := tea.KeyPressMsg{Code: '[', Text: "["}
	var first tea.Cmd
	for i := range 3 {
		_, cmd := h.m.Update(back)
		if i == 0 {
			first = cmd
		}
	}
	require.NotNil(t, first)
	h.run(first)
	assert.Equal(t, 8, h.m.st.at, "three presses, three steps back")
	assert.Nil(t, h.m.aim, "nothing left to travel to")
	h.press("[")
	assert.Equal(t, 7, h.m.st.at)
	assert.Contains(t, h.status(), "keeping 4 later transactions and 1 message in flight on a branch (z).")
	h.press("]", "]", "]")
	assert.Contains(t, h.status(), "keeping 1 later transaction and 1 message in flight on a branch (z).")
}

func TestTimeTravel(t *testing.T) {
	h := demo(t)
	upgradeAndStep(h)
	require.Equal(t, 11, h.m.st.total, "3 from the demo's deployment, 3 per Step, 2 for the Upgrade")
	h.press("[", "[", "[")
	assert.Equal(t, 8, h.m.st.at)
	v := h.view()
	assert.Contains(t, v, "◆ after lt 13 · 8 of 11")
	assert.Contains(t, v, "v2 · Counter v2.0.0 ⚠", "the counter as it was: upgraded, migration pending")
	assert.Contains(t, v, "⚠ pending migration")
	assert.Contains(t, h.status(), "After lt 13 (8 of 11): a send forks history, keeping 3 later transactions on a branch (z).")

	h.press("]")
	assert.Equal(t, 9, h.m.st.at)
	h.press("}")
	assert.False(t, h.m.st.travelling())
	assert.Contains(t, h.view(), "value             0", "back to now, the getter reads the present")

	t.Run("fork", func(t *testing.T) {
		h.press("{")
		assert.Equal(t, h.m.st.base, h.m.st.at, "the start is the world as tonsim opened it")
		assert.Contains(t, h.view(), "v1 · Counter v1.0.0")
		h.press("s", "5", "enter")
		assert.Contains(t, h.status(), "Forked: 8 later transactions left on the old branch (z goes back).")
		assert.Equal(t, 3, h.m.st.total-h.m.st.base, "the new history holds only the new send")
		assert.False(t, h.m.st.travelling())
		assert.Contains(t, h.view(), "value             1")
	})
	t.Run("edges", func(t *testing.T) {
		h := demo(t)
		h.press("[")
		assert.Contains(t, h.status(), "This is the earliest point")
		h.press("]")
		assert.Contains(t, h.status(), "This is now")
	})
	t.Run("enter in the log", func(t *testing.T) {
		h := demo(t)
		upgradeAndStep(h)
		h.press("tab", "tab", "up", "up", "up", "enter")
		assert.Equal(t, 8, h.m.st.at, "enter travels to the selected transaction")
	})
}

func TestWalkthrough(t *testing.T) {
	h := walk(t, "../examples/01-upgrade.yaml")
	assert.Contains(t, h.view(), "Walkthrough: Upgrade a counter from v1 to v2 · 9 steps")
	assert.Contains(t, h.view(), "next: 1 deploy counter (v1) from alice", "steps named as tonsim run names them")
	h.press("n", "n", "n", "n", "n")
	v := h.view()
	assert.Contains(t, v, "step 5 of 9")
	assert.Contains(t, v, "The owner upgrades to version 2.")
	assert.Contains(t, v, "5 send Upgrade from owner to counter")
	assert.Contains(t, v, "code v1 → v2, migration pending")

	h.press("n", "n", "n")
	v = h.view()
	assert.Contains(t, v, "The next message migrates the storage for good.")
	assert.Contains(t, v, "value: 2 → 1")
	assert.Contains(t, v, "✓ as expected: exit_code, storage")

	h.press("p")
	assert.Equal(t, 7, h.m.walk.pos)
	assert.Contains(t, h.status(), "Back before step 8")
	assert.NotContains(t, h.view(), "value: 2 → 1", "going back undoes the step")

	h.press("N")
	assert.Equal(t, 9, h.m.walk.pos, "N runs to the end")
	h.press("n")
	assert.Contains(t, h.status(), "End of the scenario.")
}

func TestWalkthroughFailures(t *testing.T) {
	h := walk(t, "testdata/wrong.yaml")
	h.press("n", "n")
	assert.Contains(t, h.view(), "✗ testdata/wrong.yaml:", "a failed expectation says where")
	assert.True(t, h.m.status.err)
	h.press("n")
	assert.Contains(t, h.status(), "testdata/wrong.yaml:", "a scenario error shows in the status line")
	assert.True(t, h.m.status.err)
	assert.Equal(t, 2, h.m.walk.pos, "the step that failed to run did not count")
}

// TestWalkAllFailures: N runs to the end past steps whose expectations
// fail, and says at the end which did.
func TestWalkAllFailures(t *testing.T) {
	h := walk(t, "testdata/failing.yaml")
	h.press("N")
	assert.Equal(t, 3, h.m.walk.pos, "N does not stop at a failed expectation")
	assert.Equal(t, "Ran the scenario to its end: 2 steps of 3 had expectations that did not hold: step 2 (storage.value), step 3 (result).", h.status())
	assert.True(t, h.m.status.err)

	h = walk(t, "../examples/01-upgrade.yaml")
	h.press("N")
	assert.Equal(t, "Ran the scenario to its end (9 steps); no expectation failed.", h.status())
}

func TestHelp(t *testing.T) {
	h := demo(t)
	h.press("?")
	assert.Contains(t, h.view(), "travel one transaction back or forward")
	h.press("esc")
	assert.False(t, h.m.showHelp)
}

func TestTooSmall(t *testing.T) {
	w := demo(t)
	h := newHarness(t, w.m, 50, 10)
	assert.Contains(t, h.view(), "The terminal is 50×10")
	h.golden()
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	assert.Contains(t, h.view(), "Accounts (4)", "growing the terminal brings the screen back")
}

func TestFilter(t *testing.T) {
	h := demo(t)
	h.press("/", "ali")
	v := h.view()
	assert.Contains(t, v, "Accounts (1 of 4)")
	assert.Contains(t, v, "/ali")
	h.press("enter")
	assert.Equal(t, "alice", h.m.accounts.selected().name)
	h.press("esc")
	assert.Contains(t, h.view(), "Accounts (4)")

	h.press("tab", "tab", "/", "deployed")
	assert.Contains(t, h.view(), "Transactions (1 of 3)", "a filtered log says what it shows of what")
	assert.Len(t, h.m.txs.list.visible, 1)
}

func TestMouse(t *testing.T) {
	h := demo(t)
	// The accounts' rows start under the title and the column header.
	h.send(tea.MouseClickMsg{X: 5, Y: h.m.l.accounts.y + 2 + 2, Button: tea.MouseLeft})
	assert.Equal(t, "bob", h.m.accounts.selected().name)
	assert.Contains(t, h.view(), "── bob ")

	h.send(tea.MouseClickMsg{X: 5, Y: h.m.l.txs.y + 2, Button: tea.MouseLeft})
	assert.Equal(t, paneTxs, h.m.focus)
	assert.Equal(t, uint64(1), h.m.txs.selected().tx.LT)
	assert.Contains(t, h.view(), "Transaction lt 1")
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		h := demo(t)
		h.press(k)
		assert.True(t, h.quit, k)
	}
	h := demo(t)
	h.press("s", "q")
	assert.False(t, h.quit, "q types in a form")
	h.press("ctrl+c")
	assert.True(t, h.quit, "ctrl+c quits from a form")
}

func TestNoColor(t *testing.T) {
	m := demo(t).m
	m.profile = colorprofile.Ascii // what NO_COLOR detects
	m.restyle()
	v := m.View().Content
	assert.False(t, strings.Contains(v, "38;") || strings.Contains(v, "48;"), "no colour under NO_COLOR")
	assert.Contains(t, v, "\x1b[", "but attributes still mark the focus")
}

func TestEmptyWorld(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	h := newHarness(t, New(Options{World: w}), testWidth, testHeight)
	assert.Contains(t, h.view(), "no accounts")
	h.press("s")
	assert.Contains(t, h.status(), "no wallet to send from")
	h.press("u")
	assert.Contains(t, h.status(), "Select a contract to upgrade")
	h.press("[")
	assert.Contains(t, h.status(), "This is the start of history.")
	h.press("tab", "enter", "tab", "enter", "/", "x", "enter", "r", "n", "p")
	assert.False(t, h.quit, "nothing on an empty world panics or quits")
}

func TestRunWithoutWorld(t *testing.T) {
	assert.ErrorIs(t, Run(Options{}), ErrNoWorld)
}

// TestUpgradeMatrixAndProtocol: in the upgrade dialog m runs the upgrade
// matrix of the versions it offers, and p picks another protocol, which
// the preflight then uses.
func TestUpgradeMatrixAndProtocol(t *testing.T) {
	h := demo(t)
	h.press("u", "m")
	d, ok := h.m.dialog.(*upgradeDialog)
	require.True(t, ok)
	require.NoError(t, d.matrixErr)
	require.NotNil(t, d.matrix, "m runs the matrix")
	assert.Equal(t, upgradable.Safe, d.matrix.Report(upgradable.Pair{From: 0, To: 1}).Verdict)
	assert.Equal(t, upgradable.Bricked, d.matrix.Report(upgradable.Pair{From: 0, To: 2}).Verdict)
	h.press("end")
	v := h.view()
	assert.Contains(t, v, "Upgrade matrix")
	assert.Regexp(t, `v1 +— +safe +bricked: exit 9`, v)
	h.golden()
	narrow := strings.Join(matrixView(d.c, d.matrix, 30), "\n")
	assert.Contains(t, narrow, "v1 → v3  bricked: exit 9", "too narrow for the grid: a line per upgrade")
	assert.NotContains(t, narrow, "from \\ to")

	h.press("home", "p")
	require.NotNil(t, d.chosenProtocol())
	assert.Equal(t, upgradable.Protocols()[0].Name, d.chosenProtocol().Name)
	require.Error(t, d.err, "the preflight uses the protocol chosen: the counter has no Tolk upgrade message")
	assert.Contains(t, d.err.Error(), "chainlink-tolk: CounterV1 has no message Upgradeable_Upgrade to send")
	assert.Contains(t, h.view(), "‹ chainlink-tolk ›")
}

// TestMatrixFamily: the matrix of a proxy's upgrade runs over the child's
// versions, not the proxy's own code.
func TestMatrixFamily(t *testing.T) {
	h := play(t, "../examples/11-proxy.yaml")
	h.press("esc")
	for i := 0; i < 10 && !strings.HasPrefix(h.m.accounts.selected().name, "proxy"); i++ {
		h.press("down")
	}
	require.Equal(t, "proxy", h.m.accounts.selected().name)
	h.press("u")
	d, ok := h.m.dialog.(*upgradeDialog)
	require.True(t, ok)
	var names []string
	for _, v := range d.versions() {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"c1", "c2"}, names)
}

// TestMouseWheel checks that the wheel scrolls whatever is open at 80×24:
// the help, each dialog taller than the screen, the walkthrough's panel.
func TestMouseWheel(t *testing.T) {
	cases := []struct {
		name string
		open func(*testing.T) *harness
		keys []string
		// at is how far what the wheel scrolls is scrolled.
		at func(m *Model) int
		// x, y is where the pointer is, when it matters.
		x, y func(m *Model) int
	}{
		{"help", demo, []string{"?"}, func(m *Model) int { return m.help.sc.top }, nil, nil},
		{"upgrade", demo, []string{"u"}, func(m *Model) int { return m.dialog.(*upgradeDialog).sc.top }, nil, nil},
		{"reinstall", demo, []string{"u", "down", "R"}, func(m *Model) int { return m.dialog.(*reinstallDialog).sc.top }, nil, nil},
		{"send", probe, []string{"s"}, func(m *Model) int { return m.dialog.(*sendDialog).sc.top }, nil, nil},
		{"debugger", demo, []string{"tab", "tab", "t"}, func(m *Model) int { return m.dialog.(*debugger).sides[0].cur }, nil, nil},
		{"walkthrough", func(t *testing.T) *harness { return walk(t, "../examples/07-vault.yaml") }, []string{"n"},
			func(m *Model) int { return m.walk.scroll.top },
			func(m *Model) int { return 5 }, func(m *Model) int { return m.l.walk.y + 2 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := c.open(t).resize(80, 24)
			h.press(c.keys...)
			x, y := 5, 5
			if c.x != nil {
				x, y = c.x(h.m), c.y(h.m)
			}
			before := c.at(h.m)
			h.send(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown})
			down := c.at(h.m)
			require.Greater(t, down, before, "the wheel scrolls down")
			h.send(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelUp})
			assert.Less(t, c.at(h.m), down, "and back up")
		})
	}
}

// TestStatusWraps: a message longer than the terminal is wide wraps over
// the key bar, the panes making room, and is never cut short.
func TestStatusWraps(t *testing.T) {
	h, _, _ := forked(t)
	h.resize(80, 24)
	h.press("z")
	require.Contains(t, h.status(), "Z redoes it")
	v := h.view()
	require.Len(t, strings.Split(v, "\n"), 24)
	assert.Contains(t, strings.Join(strings.Fields(v), " "), "is kept, Z redoes it.", "the end of the undo's message shows")
	assert.Equal(t, 2, h.m.keysY()-h.m.l.statusY, "on two lines")

	h.press("y")
	assert.Equal(t, 1, h.m.keysY()-h.m.l.statusY, "a short message takes one line again")
	assert.Contains(t, h.view(), "to the clipboard.")
}

// TestColumnsDropped: a pane too narrow for every column says which it
// dropped, and an account status other than active stays in view.
func TestColumnsDropped(t *testing.T) {
	h := play(t, "testdata/uninit.yaml").resize(60, 20)
	v := h.view()
	assert.Contains(t, v, "Accounts (4) · no room for: status")
	assert.Regexp(t, `– +0:111111…1111 +uninit · no code`, v, "the status the column would have said, beside the contract")
	h.press("tab", "tab")
	assert.Contains(t, h.view(), "· no room for: gas")

	h.resize(120, 40)
	v = h.view()
	assert.NotContains(t, v, "no room for")
	assert.Regexp(t, `– +0:111111…1111 +no code +1 +uninit`, v, "the name column does not repeat the address")
}
