package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/xssnick/tonutils-go/address"
)

// handleKey routes a key: quitting first, then an open help or dialog,
// a filter being typed, the global keys, and last the focused pane.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.c.KeyMap
	switch {
	case key.Matches(msg, km.ForceQuit):
		return tea.Quit
	case m.tooSmall():
		if key.Matches(msg, km.Quit) {
			return tea.Quit
		}
		return nil
	case m.showHelp:
		switch {
		case key.Matches(msg, km.Quit):
			return tea.Quit
		case key.Matches(msg, km.Help, km.Back, km.Keys):
			m.showHelp = false
		default:
			m.help.Update(msg)
		}
		return nil
	case m.dialog != nil:
		if m.dialogHelpKey(msg) {
			g := dialogKeys(m.dialog)
			m.openHelp(&g)
			return nil
		}
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.Update(msg)
		return cmd
	case m.filtering():
		return m.updatePane(msg)
	}
	return m.globalKey(msg)
}

// globalKey handles the keys of the main screen.
func (m *Model) globalKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.c.KeyMap
	switch {
	case key.Matches(msg, km.Quit):
		return tea.Quit
	case key.Matches(msg, km.Help):
		m.openHelp(nil)
	case key.Matches(msg, km.NextPane):
		m.nextPane(1)
	case key.Matches(msg, km.PrevPane):
		m.nextPane(-1)
	case key.Matches(msg, km.Send):
		m.openSend()
	case key.Matches(msg, km.Upgrade):
		return m.openUpgrade()
	case key.Matches(msg, km.Raw):
		m.account.raw = !m.account.raw
	case key.Matches(msg, km.Save):
		m.openDialog(newSaveDialog(m.c, m.savePath, m.whenText()))
	case key.Matches(msg, km.Commit):
		m.openDialog(newCommitDialog(m.c, m.whenText()))
	case key.Matches(msg, km.Commits):
		m.openDialog(m.newCommitsDialog())
	case key.Matches(msg, km.Copy):
		return m.copySelected()
	case key.Matches(msg, km.Undo):
		return m.startOp(undoOp())
	case key.Matches(msg, km.Redo):
		return m.startOp(redoOp())
	case key.Matches(msg, km.Results):
		if !m.played {
			m.setStatus("No scenario was played on opening: e lists its results once one has (tonsim tui SCENARIO).", false)
			return nil
		}
		m.openDialog(m.newResultsDialog())
	case key.Matches(msg, km.Trace):
		return m.openTrace()
	case key.Matches(msg, km.TimeBack):
		return m.travel(m.aimedAt() - 1)
	case key.Matches(msg, km.TimeForward):
		return m.travel(m.aimedAt() + 1)
	case key.Matches(msg, km.TimeStart):
		return m.travel(m.st.base)
	case key.Matches(msg, km.TimeNow):
		return m.travel(m.st.total)
	case m.walk != nil && key.Matches(msg, km.WalkNext):
		return m.startOp(walkNextOp(m.walk.nextLabel(), false))
	case m.walk != nil && key.Matches(msg, km.WalkPrev):
		m.walkAll = false
		return m.startOp(walkPrevOp())
	case m.walk != nil && key.Matches(msg, km.WalkAll):
		m.walkAll, m.walkFailed = true, nil
		return m.startOp(walkNextOp(m.walk.nextLabel(), true))
	case m.walkAll && key.Matches(msg, km.Back):
		m.walkAll = false
		m.setStatus("Stopped running the walkthrough.", false)
	default:
		return m.updatePane(msg)
	}
	return nil
}

// openHelp shows the help, with the keys of the dialog it was opened from
// first (nil for none).
func (m *Model) openHelp(dialog *helpGroup) {
	m.showHelp = true
	m.help.sc = scroller{}
	m.help.dialog = dialog
}

// dialogHelpKey reports whether k asks the open dialog for its keys: f1,
// or ? where the dialog does not take it itself.
func (m *Model) dialogHelpKey(k tea.KeyPressMsg) bool {
	km := m.c.KeyMap
	if key.Matches(k, km.Keys) {
		return true
	}
	if o, ok := m.dialog.(helpKeyOwner); ok && o.ownsHelpKey() {
		return false
	}
	return key.Matches(k, km.Help)
}

// updatePane gives a message to the focused pane.
func (m *Model) updatePane(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.focus {
	case paneAccounts:
		cmd = m.accounts.Update(msg)
	case paneAccount:
		cmd = m.account.Update(msg)
	case paneTxs:
		cmd = m.txs.Update(msg)
	case paneTx:
		cmd = m.tx.Update(msg)
	case paneWalk:
		m.walk.Update(msg)
	}
	m.syncDetail()
	return cmd
}

// filtering reports whether the focused pane takes a filter's text.
func (m *Model) filtering() bool {
	switch m.focus {
	case paneAccounts:
		return m.accounts.list.filtering
	case paneTxs:
		return m.txs.list.filtering
	}
	return false
}

// openSend opens the send form on the selected account.
func (m *Model) openSend() {
	if len(m.st.wallets) == 0 {
		m.setStatus("This world has no wallet to send from.", true)
		return
	}
	var target *address.Address
	if a := m.accounts.selected(); a != nil {
		target = a.addr
	}
	m.openDialog(newSendDialog(m.c, m.st, m.sess.cat, target))
}

// openUpgrade opens the upgrade of the selected account.
func (m *Model) openUpgrade() tea.Cmd {
	a := m.accounts.selected()
	if a == nil || a.wallet || a.codeHash == "" {
		m.setStatus("Select a contract to upgrade (u works on the selected account).", true)
		return nil
	}
	d, cmd := newUpgradeDialog(m.c, m.st, a, m.sess.cat, m.protocols)
	m.openDialog(d)
	return cmd
}

// click selects what was clicked in the panes.
func (m *Model) click(mouse tea.Mouse) {
	if m.dialog != nil || m.showHelp || m.tooSmall() || mouse.Button != tea.MouseLeft {
		return
	}
	x, y := mouse.X, mouse.Y
	switch {
	case m.l.accounts.contains(x, y):
		m.setFocus(paneAccounts)
		m.accounts.click(y - m.l.accounts.y)
	case m.l.txs.contains(x, y):
		m.setFocus(paneTxs)
		m.txs.click(y - m.l.txs.y)
	case m.l.detail.contains(x, y) && m.focus.showsTx():
		m.setFocus(paneTx)
	case m.l.detail.contains(x, y):
		m.setFocus(paneAccount)
		m.account.clickGetter(y - m.l.detail.y)
	}
	m.syncDetail()
}

// wheel scrolls what is under the pointer: the help or a dialog when one
// is open, else the pane under it.
func (m *Model) wheel(mouse tea.Mouse) {
	if m.tooSmall() {
		return
	}
	d := 0
	switch mouse.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return
	}
	switch w, ok := m.dialog.(wheeler); {
	case m.showHelp:
		m.help.wheel(d)
		return
	case ok:
		w.wheel(d)
		return
	case m.dialog != nil:
		return
	}
	x, y := mouse.X, mouse.Y
	switch {
	case m.walk != nil && m.l.walk.contains(x, y):
		m.walk.wheel(d)
	case m.l.accounts.contains(x, y):
		m.accounts.list.scroll(d)
	case m.l.txs.contains(x, y):
		m.txs.list.scroll(d)
	case m.l.detail.contains(x, y):
		if m.focus.showsTx() {
			m.tx.scrollBy(wheelLines * d)
		} else {
			m.account.scrollBy(wheelLines * d)
		}
	}
	m.syncDetail()
}
