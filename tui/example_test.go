package tui_test

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/tui"
)

// The root model is an ordinary tea.Model: give it a size (and, here, no
// colours) and its view is the screen Run would draw.
func ExampleNew() {
	w, cat, err := examples.Demo()
	if err != nil {
		panic(err)
	}
	m := tui.New(tui.Options{World: w, Catalog: cat, Title: "demo"})
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.NoTTY})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, line := range strings.Split(m.View().Content, "\n")[:7] {
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	//  tonsim · demo                                             now · 3 transactions
	// ━━ Accounts (4) ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
	//   name     address        contract                          TON  status
	// ▸ counter  0:59fa23…0c84  v1 · Counter v1.0.0                 0  active
	//   alice    0:255160…33b8  wallet                        1000000  active
	//   bob      0:99b882…6284  wallet                        1000000  active
	//   owner    0:44139b…33f7  wallet               999999.998124061  active
}
