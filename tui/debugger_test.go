package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brickDebugger walks the v1 → v3 brick to its Step, the first message
// after the Upgrade, and opens the debugger on it from the accounts pane.
func brickDebugger(t *testing.T) *harness {
	t.Helper()
	h := walk(t, "../examples/04-brick.yaml")
	h.press("n", "n", "n", "n", "t")
	d, ok := h.m.dialog.(*debugger)
	require.True(t, ok, "t opens the debugger: %s", h.status())
	require.Len(t, d.sides, 2, "the Upgrade beside the Step")
	return h
}

func TestDebuggerBrick(t *testing.T) {
	h := brickDebugger(t)
	d := h.m.dialog.(*debugger)
	assert.Equal(t, "old code", d.sides[0].label)
	assert.Equal(t, "new code", d.sides[1].label)
	assert.Equal(t, 1, d.active, "on the new code's side, where it fails")
	s := d.sides[1]
	assert.Equal(t, "32 LDU", s.t.Steps[s.cur].Op, "at the load that ran out of bits")
	v := h.view()
	assert.Contains(t, v, "✗ exit 9 (Cell underflow): not enough data in reader")
	assert.Contains(t, v, "storage ^0, all 332 bits read: CounterV1$Data", "the storage cell it was reading")
	assert.Contains(t, v, "s0  slice x{} (0 bits, 0 refs")
	h.golden()
}

func TestDebuggerSingle(t *testing.T) {
	h := walk(t, "../examples/04-brick.yaml")
	h.press("n", "n", "n", "n", "n", "t")
	d, ok := h.m.dialog.(*debugger)
	require.True(t, ok, h.status())
	require.Len(t, d.sides, 1, "a getter")
	assert.True(t, strings.HasPrefix(d.sides[0].t.Title(), "get value"))
	h.golden()
}

// cursor is the step (from 1) and instruction under the active side's
// cursor.
func cursor(h *harness) (int, string) {
	d := h.m.dialog.(*debugger)
	s := d.sides[d.active]
	return s.cur + 1, s.t.Steps[s.cur].Op
}

func TestDebuggerKeys(t *testing.T) {
	h := brickDebugger(t)
	d := h.m.dialog.(*debugger)
	tests := []struct {
		keys []string
		step int
		op   string
	}{
		{[]string{"g"}, 1, "SETCP 0"},
		{[]string{"down", "j"}, 3, "DICTIGETJMPZ"},
		{[]string{"up"}, 2, ""},
		{[]string{"G"}, 33, "32 LDU"},
		{[]string{"g", "e"}, 33, "32 LDU"},
		{[]string{"g", "r"}, 20, "1 LDI"},
		{[]string{"R"}, 20, "1 LDI"},
		{[]string{"/", "LDREF", "enter"}, 25, "LDREF"},
		{[]string{"g", "n"}, 25, "LDREF"},
		{[]string{"N"}, 25, "LDREF"},
	}
	for _, tc := range tests {
		h.press(tc.keys...)
		step, op := cursor(h)
		assert.Equal(t, tc.step, step, "after %v", tc.keys)
		if tc.op != "" {
			assert.Equal(t, tc.op, op, "after %v", tc.keys)
		}
	}
	assert.Equal(t, `No instruction "LDREF" before step 25.`, d.note)

	// The old code's side: tab, then the Upgrade's SETCODE and c4 write.
	h.press("tab")
	require.Equal(t, 0, d.active)
	h.press("g", "c")
	_, op := cursor(h)
	assert.Equal(t, "SETCODE", op)
	h.press("4")
	_, op = cursor(h)
	assert.Equal(t, "c4 POP", op)
	h.press("c")
	assert.Equal(t, "No SETCODE after step 76.", d.note)
	h.press("a")
	assert.Equal(t, "No ACCEPT after step 76.", d.note, "an internal message is paid for without ACCEPT")
	h.press("e")
	assert.Equal(t, "This run threw no exception.", d.note)

	// r moves both sides to their next read of the storage.
	h.press("g")
	d.sides[1].cur = 0
	h.press("r")
	assert.Equal(t, "1 LDI", d.sides[0].t.Steps[d.sides[0].cur].Op)
	assert.Equal(t, "1 LDI", d.sides[1].t.Steps[d.sides[1].cur].Op)
	h.press("r", "r")
	assert.Equal(t, "32 LDU", d.sides[0].t.Steps[d.sides[0].cur].Op, "v1 reads id as 32 bits")
	assert.Equal(t, "1 LDI", d.sides[1].t.Steps[d.sides[1].cur].Op, "v3 is still in the envelope")

	h.press("?")
	assert.Contains(t, h.view(), "Debugger keys")
	h.press("?", "esc")
	assert.Nil(t, h.m.dialog, "esc closes the debugger")
}

func TestDebuggerSearchField(t *testing.T) {
	h := brickDebugger(t)
	h.press("/")
	d := h.m.dialog.(*debugger)
	require.True(t, d.searching)
	require.NotNil(t, h.m.View().Cursor, "the cursor goes to the search field")
	h.press("SETCODE", "esc")
	assert.False(t, d.searching)
	assert.Empty(t, d.query, "esc gives up the search")
	h.press("n")
	assert.Equal(t, "Nothing to find yet: / asks for an instruction.", d.note)
}

func TestDebuggerFromTheLog(t *testing.T) {
	h := demo(t)
	h.press("tab", "tab")
	sel := h.m.txs.selected()
	require.NotNil(t, sel)
	h.press("t")
	d, ok := h.m.dialog.(*debugger)
	require.True(t, ok, h.status())
	require.Len(t, d.sides, 1, "no upgrade")
	assert.Same(t, sel.tx, d.sides[0].t.Tx, "the transaction selected in the log")
	assert.Contains(t, h.status(), fmt.Sprintf("Traced lt %d", sel.tx.LT))
	h.press("q")
	assert.Nil(t, h.m.dialog, "q closes the debugger, not the program")
	assert.False(t, h.quit)
}

func TestDebuggerFromAGetter(t *testing.T) {
	h := demo(t)
	h.press("tab", "down", "t")
	d, ok := h.m.dialog.(*debugger)
	require.True(t, ok, h.status())
	acc := h.m.account.acc
	assert.Equal(t, "get "+acc.getters[1].name+" on counter", d.sides[0].t.Title(), "the getter under the cursor")
	assert.True(t, d.sides[0].t.Exit.OK())
}

func TestDebuggerNarrow(t *testing.T) {
	h := brickDebugger(t)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 30})
	h.golden()
}

// TestDebuggerStackScroll: at 80×24 the failing step's panel (what it
// did, then a stack of 7 entries: 22 lines) has 11 lines. J and K scroll
// it a line at a time, a line at either end says how much is cut off, a
// step with fewer lines keeps the panel full, and a new trace opens at
// the top.
func TestDebuggerStackScroll(t *testing.T) {
	h := brickDebugger(t).resize(80, 24)
	d := h.m.dialog.(*debugger)
	s := &d.sides[1]
	const last = "s6  99779332" // the failing step's deepest entry
	v := h.view()
	assert.NotContains(t, v, last, "cut off at first")
	assert.Contains(t, v, "│   ↓ 12 more lines: J", "the new code's side says what is below")
	assert.Contains(t, v, "  ↓ 12 more lines: tab, then J", "the old code's side names tab first")

	h.press("J", "J", "J")
	assert.Equal(t, 3, s.detail.top)
	assert.Zero(t, d.sides[0].detail.top, "J scrolls the active side only")
	v = h.view()
	assert.Contains(t, v, "↑ 3 more lines above: K")
	assert.Contains(t, v, "↓ 10 more lines: J")
	h.golden()

	for range 20 {
		h.press("J")
	}
	assert.Equal(t, 12, s.detail.top, "J stops where the last line shows")
	v = h.view()
	assert.Contains(t, v, last, "J brings the deepest entry into view")
	assert.Contains(t, v, "↑ 12 more lines above: K")
	assert.NotContains(t, v, "more lines: J", "nothing more below on the new code's side")

	h.press("K")
	assert.Equal(t, 11, s.detail.top)
	assert.NotContains(t, h.view(), last, "K takes it back")

	// Steps with fewer lines: step 1 has 12, one more than the panel (the
	// marker above takes a line), step 18 has 10, fewer.
	tests := []struct {
		keys  []string
		step  int
		top   int
		shows string
	}{
		{[]string{"J", "g"}, 1, 2, "s4  99779332"},
		{slices.Repeat([]string{"down"}, 17), 18, 0, "step 18 of 33"},
	}
	for _, tc := range tests {
		h.press(tc.keys...)
		step, _ := cursor(h)
		require.Equal(t, tc.step, step, "after %v", tc.keys)
		assert.Equal(t, tc.top, s.detail.top, "step %d: scrolled no further than its last line", tc.step)
		v := h.view()
		assert.Contains(t, v, tc.shows, "step %d", tc.step)
		assert.NotContains(t, v, "more lines: J", "step %d: nothing more below", tc.step)
		if tc.top == 0 {
			assert.NotContains(t, v, "above: K", "step %d: nothing above", tc.step)
		}
	}

	h.press("?")
	v = h.view()
	assert.Contains(t, v, "J    stack down")
	assert.Contains(t, v, "K    stack up")
	assert.Contains(t, v, "see where the new code parts from the layout the storage has.", "the keys screen still fits at 80×24")
	h.press("?")

	h.press("esc", "t")
	d2, ok := h.m.dialog.(*debugger)
	require.True(t, ok, h.status())
	require.NotSame(t, d, d2)
	assert.Zero(t, d2.sides[1].detail.top, "a new trace opens at the top of the panel")
	assert.Contains(t, h.view(), "↓ 12 more lines: J")
}

func TestDebuggerNothingToTrace(t *testing.T) {
	h := demo(t)
	h.press("down", "tab", "t")
	require.True(t, h.m.account.acc.wallet, "a wallet: no getters")
	assert.Nil(t, h.m.dialog)
	assert.Contains(t, h.status(), "Select a getter to trace")
}

func TestDebuggerPreflightDryRun(t *testing.T) {
	h := walk(t, "../examples/04-brick.yaml")
	h.press("n", "n", "t")
	d, ok := h.m.dialog.(*debugger)
	require.True(t, ok, h.status())
	require.Len(t, d.sides, 2, "the dry run's Upgrade beside its migration")
	assert.Contains(t, d.sides[0].t.Title(), "Upgrade")
	assert.Equal(t, "32 LDU", d.sides[1].t.Steps[d.sides[1].cur].Op, "the migration fails as the real one will")
	for _, s := range d.sides {
		assert.NoError(t, s.t.Check, "a fork's records run again")
	}
}

// A preflight that migrates nothing, or inside the upgrade (eager), opens
// the dry run's transaction that replaced the code, alone: not a real
// transaction of the log.
func TestDebuggerPreflightReplaced(t *testing.T) {
	tests := []struct {
		path  string
		step  int
		lt    uint64
		title string
	}{
		{"../examples/08-direct.yaml", 3, 13, "· Upgrade"},
		{"../examples/11-proxy.yaml", 5, 19, "· UpgradeCode"},
		{"../examples/12-tolk-eager.yaml", 6, 14, "· Upgradeable_Upgrade"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			h := walk(t, tc.path)
			for range tc.step {
				h.press("n")
			}
			h.press("t")
			d, ok := h.m.dialog.(*debugger)
			require.True(t, ok, "t opens the debugger: %s", h.status())
			require.Len(t, d.sides, 1, "no second run to pair with")
			tr := d.sides[0].t
			assert.Equal(t, tc.lt, tr.Tx.LT, "the dry run's transaction, not the log's")
			assert.Contains(t, tr.Title(), tc.title)
		})
	}
}

// An eager upgrade's new code runs inside the upgrade's own transaction:
// the debugger sets no later transaction beside it as the new code's, nor
// the upgrade beside the transaction after it.
func TestDebuggerEagerHasNoSecondRun(t *testing.T) {
	tests := []struct {
		name  string
		steps int
		lt    uint64
		note  string
	}{
		{"the upgrade", 7, 14, "; v2 ran inside it from step 38: no second run; ? lists the keys."},
		{"the step after it", 8, 18, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := walk(t, "../examples/12-tolk-eager.yaml")
			for range tc.steps {
				h.press("n")
			}
			h.press("t")
			d, ok := h.m.dialog.(*debugger)
			require.True(t, ok, "t opens the debugger: %s", h.status())
			require.Len(t, d.sides, 1, "no pair across an eager upgrade")
			assert.Equal(t, tc.lt, d.sides[0].t.Tx.LT)
			if tc.note != "" {
				assert.Contains(t, h.status(), tc.note)
				d.sides[0].cur = 40
				assert.Contains(t, h.view(), "in v2's migrate (method 1000)", "step 41, in the new code")
			}
		})
	}
}
