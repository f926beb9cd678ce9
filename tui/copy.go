package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
)

// copyPreview is how much of what was copied the status line repeats.
const copyPreview = 24

// copySelected puts what the focused pane has selected on the clipboard,
// through the terminal (OSC 52), and says in the status line what it was.
func (m *Model) copySelected() tea.Cmd {
	what, text := m.copyTarget()
	if text == "" {
		m.setStatus("Nothing to copy here: select an account, a getter or a transaction.", false)
		return nil
	}
	m.clipboard = text
	preview := text
	if len(preview) > copyPreview {
		preview = preview[:copyPreview] + "…"
	}
	m.setStatus(fmt.Sprintf("Copied %s (%s) to the clipboard.", what, preview), false)
	return tea.SetClipboard(text)
}

// copyTarget is what y copies in the focused pane, and what to call it:
// an account's address; in its detail the selected getter's result, or
// its data as a BOC when the storage shows raw; a transaction as a BOC;
// in its detail the inbound message as a BOC.
func (m *Model) copyTarget() (what, text string) {
	plain := describe.Printer{Full: true}
	switch m.focus {
	case paneAccounts:
		if a := m.accounts.selected(); a != nil {
			return "the address of " + a.label(), a.addr.StringRaw()
		}
	case paneAccount:
		a := m.account.acc
		switch {
		case a == nil:
		case m.account.raw && a.data != nil:
			return "the data of " + a.label() + " as a BOC", cell.Hex(a.data)
		case m.account.getter < len(a.getters):
			g := a.getters[m.account.getter]
			switch {
			case g.needsArgs():
				return "", ""
			case g.err != nil:
				return "the error of " + g.name + " on " + a.label(), errText(g.err)
			}
			return "the result of " + getterTitle(g) + " on " + a.label(), plain.Value(g.value)
		default:
			return "the address of " + a.label(), a.addr.StringRaw()
		}
	case paneTxs:
		if l := m.txs.selected(); l != nil {
			if c, err := l.tx.Cell(); err == nil {
				return fmt.Sprintf("transaction lt %d as a BOC", l.tx.LT), cell.Hex(c)
			}
		}
	case paneTx:
		if l := m.tx.line; l != nil && l.tx.InCell != nil {
			return fmt.Sprintf("the inbound message of lt %d as a BOC", l.tx.LT), cell.Hex(l.tx.InCell)
		}
	}
	return "", ""
}
