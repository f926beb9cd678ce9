package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/internal/golden"
)

// screenSizes are the terminal sizes every screen is kept at: the smallest
// common terminal and a roomy one.
var screenSizes = []struct{ w, h int }{{80, 24}, {120, 40}}

// vault opens testdata/vault.yaml, played: a vault with deposits (each
// emitting an event) and a sweep its action phase skipped.
func vault(t *testing.T) *harness { return play(t, "testdata/vault.yaml") }

// many opens testdata/many.yaml, played: more accounts and transactions
// than a pane shows at 80×24.
func many(t *testing.T) *harness { return play(t, "testdata/many.yaml") }

// brick opens a walkthrough of examples/04-brick.yaml: n four times runs
// the v1 → v3 upgrade and the Step it bricks.
func brick(t *testing.T) *harness { return walk(t, "../examples/04-brick.yaml") }

// depositKeys select the first Deposit in the vault's log and focus its
// detail: the log's lines are the deploy's 3, then the deposit's.
var depositKeys = []string{"tab", "tab", "home", "down", "down", "down", "down", "tab"}

// TestScreens keeps every pane and dialog at 80×24 and 120×40 as golden
// files: testdata/TestScreens/<screen>/<size>.golden.
func TestScreens(t *testing.T) {
	screens := []struct {
		name string
		open func(*testing.T) *harness
		keys []string
		want string // a line the screen must show
	}{
		{"accounts", demo, nil, "Accounts (4)"},
		{"account", demo, []string{"tab"}, "CounterV1$Data"},
		{"account raw", demo, []string{"tab", "r"}, "raw cells"},
		{"accounts many", many, nil, "more ──"},
		{"accounts many scrolled", many, []string{"down", "down", "down", "down", "down", "down", "down"}, "↑ "},
		{"accounts uninit", func(t *testing.T) *harness { return play(t, "testdata/uninit.yaml") }, nil, "uninit"},
		{"accounts vault", func(t *testing.T) *harness { return play(t, "../examples/07-vault.yaml") }, nil, "Accounts ("},
		{"log", demo, []string{"tab", "tab"}, "Transactions (3)"},
		{"log filtered", demo, []string{"tab", "tab", "/", "deployed", "enter"}, "Transactions (1 of 3)"},
		{"log marks", vault, []string{"tab", "tab", "up", "up", "up"}, "⚠"},
		{"transaction", vault, depositKeys, "Transaction lt 8"},
		{"transaction end", vault, append(append([]string{}, depositKeys...), "end"), "In its send"},
		{"help", demo, []string{"?"}, "Keys"},
		{"help end", demo, []string{"?", "end"}, "Mouse"},
		{"send", demo, []string{"s"}, "Send a message"},
		{"send errors", demo, []string{"s", "abc"}, `want an integer, got "abc"`},
		{"send fields", probe, []string{"s", "up", "up", "up", "right", "down", "down", "down"}, "Forward's fields"},
		{"upgrade safe", demo, []string{"u"}, "✓ safe"},
		{"upgrade brick", demo, []string{"u", "down"}, "R reinstalls it here"},
		{"upgrade brick end", demo, []string{"u", "down", "end"}, "enter, then enter again"},
		{"upgrade keys", demo, []string{"u", "?"}, "In the upgrade (u) (esc goes back to it)"},
		{"upgrade matrix", demo, []string{"u", "m", "end"}, "Upgrade matrix"},
		{"reinstall", demo, []string{"u", "down", "R"}, "Reinstall counter with v3"},
		{"send keys", demo, []string{"s", "f1"}, "In a form"},
		{"debugger", brick, []string{"n", "n", "n", "n", "t"}, "exit 9 (Cell underflow)"},
		{"debugger keys", brick, []string{"n", "n", "n", "n", "t", "?"}, "Debugger keys"},
		{"getter", probe, []string{"tab", "down", "down", "down", "down", "down", "down", "down", "enter"}, "Getter sum on probe"},
		{"save", demo, []string{"w"}, "Save the world"},
		{"commit", demo, []string{"c"}, "Commit the world"},
		{"commits", commitsWorld, []string{"esc", "C"}, "Commits (2)"},
		{"commits none", demo, []string{"C"}, "No commits yet"},
		{"results", func(t *testing.T) *harness { return play(t, "testdata/failing.yaml") }, nil, "Scenario results"},
		{"walkthrough", func(t *testing.T) *harness { return walk(t, "../examples/01-upgrade.yaml") }, []string{"n", "n", "n", "n", "n"}, "step 5 of 9"},
		{"time travel", demo, []string{"s", "1", "enter", "u", "enter", "s", "2", "enter", "[", "[", "["}, "◆ after lt 13"},
	}
	for _, sc := range screens {
		for _, size := range screenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size.w, size.h), func(t *testing.T) {
				h := sc.open(t).resize(size.w, size.h)
				h.press(sc.keys...)
				v := h.view()
				require.Len(t, strings.Split(v, "\n"), size.h, "the screen has as many lines as the terminal")
				for _, l := range strings.Split(v, "\n") {
					require.LessOrEqual(t, len([]rune(l)), size.w, "no line is wider than the terminal: %q", l)
				}
				require.Contains(t, v, sc.want)
				golden.Equal(t, filepath.Join(testdata, "TestScreens", strings.ReplaceAll(sc.name, " ", "_"), fmt.Sprintf("%dx%d.golden", size.w, size.h)), v)
			})
		}
	}
}
