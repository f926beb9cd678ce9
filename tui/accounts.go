package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// accountsPane lists the world's accounts: name, short address, the
// contract its code is and what type_and_version says (or "wallet"),
// balance and status.
type accountsPane struct {
	tablePane
	st *state
	// sel is the selected account's address, kept across states once the
	// user moved the cursor (moved); until then the first row is selected,
	// as accounts appear.
	sel   *address.Address
	moved bool
}

func newAccountsPane(c *Common) *accountsPane {
	return &accountsPane{tablePane: newTablePane(c), st: &state{}}
}

// setState shows st's accounts, keeping the selection.
func (p *accountsPane) setState(st *state) {
	p.st = st
	if !p.moved {
		p.sel = nil
	}
	p.refilter()
	if p.sel == nil || st.account(p.sel) == nil {
		p.list.cursor = 0
		p.list.clamp()
		p.sel = nil
		if a := p.selected(); a != nil {
			p.sel = a.addr
		}
	}
}

func (p *accountsPane) refilter() {
	accs := p.st.accounts
	p.list.setHeight(p.rowsHeight())
	p.list.setRows(len(accs), func(i int, q string) bool {
		return strings.Contains(strings.ToLower(p.rowText(accs[i])), q)
	}, 0)
	for i, a := range accs {
		if p.sel != nil && a.addr.Equals(p.sel) {
			p.list.selectRow(i)
		}
	}
	if a := p.selected(); a != nil {
		p.sel = a.addr
	}
}

// selected is the account under the cursor, nil when there is none.
func (p *accountsPane) selected() *accountInfo {
	i := p.list.selected()
	if i < 0 || i >= len(p.st.accounts) {
		return nil
	}
	return p.st.accounts[i]
}

// selectAddr moves the cursor to the account at addr.
func (p *accountsPane) selectAddr(addr *address.Address) {
	for i, a := range p.st.accounts {
		if a.addr.Equals(addr) && p.list.selectRow(i) {
			p.sel, p.moved = addr, true
		}
	}
}

// rowText is what a filter matches: every column of the row.
func (p *accountsPane) rowText(a *accountInfo) string {
	return strings.Join([]string{a.name, a.addr.StringRaw(), kindOf(a), a.balance, a.status}, " ")
}

// kindOf says what an account is: its catalog name and short
// type_and_version, "wallet", or why nothing is known.
func kindOf(a *accountInfo) string {
	switch {
	case a.wallet:
		return "wallet"
	case a.codeHash == "":
		return "no code"
	}
	var parts []string
	if a.contract != nil {
		parts = append(parts, a.contract.Name)
	}
	switch {
	case a.version != "":
		parts = append(parts, shortVersion(a.version))
	case a.versionErr != nil:
		parts = append(parts, "✗ "+shortErr(a.versionErr))
	case a.contract == nil:
		parts = append(parts, "unknown code")
	}
	return strings.Join(parts, " · ")
}

// shortVersion drops the reverse-DNS prefix of a type_and_version:
// "com.example.upgrades.Counter v1.0.0" → "Counter v1.0.0".
func shortVersion(tv string) string {
	typ, ver, ok := strings.Cut(tv, " ")
	if !ok {
		return tv
	}
	if i := strings.LastIndex(typ, "."); i >= 0 {
		typ = typ[i+1:]
	}
	return typ + " " + ver
}

// Update handles a key for the focused pane.
func (p *accountsPane) Update(msg tea.Msg) tea.Cmd {
	cmd, _ := p.updateList(msg, p.refilter)
	p.moved = true
	p.sync()
	return cmd
}

// sync remembers the account under the cursor.
func (p *accountsPane) sync() {
	if a := p.selected(); a != nil {
		p.sel = a.addr
	}
}

// click selects the account at line y of the pane.
func (p *accountsPane) click(y int) {
	if p.clickRow(y) {
		p.moved = true
		p.sync()
	}
}

// View implements component.
func (p *accountsPane) View() string {
	title := fmt.Sprintf("Accounts (%d)", len(p.st.accounts))
	if p.list.filtered {
		title = fmt.Sprintf("Accounts (%d of %d)", p.list.count(), len(p.st.accounts))
	}
	note := ""
	if len(p.st.accounts) == 0 {
		note = "no accounts"
	} else if p.list.count() == 0 {
		note = "nothing matches the filter"
	}
	cols := p.columns()
	if d := cols.dropped(); d != "" {
		title += " · " + d
	}
	return p.frame(title, cols.header(), func(i int) string { return cols.row(p.c, p.st.accounts[i]) }, note)
}

// accountColumns are the widths of the account table's columns; a zero
// width drops the column. gap is the space between columns.
type accountColumns struct {
	name, addr, kind, balance, status, gap int
}

// columns fits the table to the pane: when it is narrow the columns move
// closer, then the status goes (it mostly says "active"; any other status
// moves into the contract column), then the address (an unnamed account's
// name is its address then), and last the contract column is cut, with a
// marker. The title says which columns went.
func (p *accountsPane) columns() accountColumns {
	c := accountColumns{name: 4, addr: 13, kind: 8, balance: 3, status: 6, gap: 2}
	for _, a := range p.st.accounts {
		if a.name != "" {
			c.name = max(c.name, len([]rune(a.name)))
		}
		k := len([]rune(kindOf(a)))
		if a.pending {
			k += 2
		}
		c.kind = max(c.kind, k)
		c.balance = max(c.balance, len(strings.TrimSuffix(a.balance, " TON")))
		c.status = max(c.status, len(a.status)) // nonexist is longer than the header
	}
	c.name = min(c.name, 14)
	c.kind = min(c.kind, 30)
	avail := p.width - 2
	need := func() int {
		n, cols := c.name+c.kind+c.balance, 3
		for _, w := range []int{c.addr, c.status} {
			if w > 0 {
				n += w
				cols++
			}
		}
		return n + (cols-1)*c.gap
	}
	if need() > avail {
		c.gap = 1
	}
	if need() > avail {
		c.status = 0
	}
	if need() > avail {
		c.addr = 0
		for _, a := range p.st.accounts {
			if a.name == "" {
				c.name = min(max(c.name, len([]rune(a.label()))), 14) // the name column shows the address
			}
		}
	}
	if need() > avail {
		c.kind = max(avail-c.name-c.balance-2*c.gap, 6)
	}
	return c
}

// dropped names the columns the pane had no room for, "" for none.
func (c accountColumns) dropped() string {
	var gone []string
	if c.addr == 0 {
		gone = append(gone, "address")
	}
	if c.status == 0 {
		gone = append(gone, "status")
	}
	if len(gone) == 0 {
		return ""
	}
	return "no room for: " + strings.Join(gone, ", ")
}

func (c accountColumns) header() string {
	return c.join("name", "address", "contract", "TON", "status")
}

func (c accountColumns) join(name, addr, kind, balance, status string) string {
	parts := []string{fit(name, c.name)}
	if c.addr > 0 {
		parts = append(parts, fit(addr, c.addr))
	}
	parts = append(parts, fit(kind, c.kind), padLeft(cut(balance, c.balance), c.balance))
	if c.status > 0 {
		parts = append(parts, fit(status, c.status))
	}
	return strings.Join(parts, strings.Repeat(" ", c.gap))
}

func (c accountColumns) row(cm *Common, a *accountInfo) string {
	var name string
	switch {
	case a.name != "":
		name = cm.Styles.Name.Render(fit(a.name, c.name))
	case c.addr > 0:
		name = cm.Styles.Dim.Render(fit("–", c.name)) // the address column says who it is
	default:
		name = cm.Styles.Dim.Render(fit(a.label(), c.name))
	}
	kind := kindOf(a)
	active := a.status == describe.Status(tlb.AccountStatusActive)
	if c.status == 0 && !active {
		kind = a.status + " · " + kind // no status column: only "active" goes unsaid
	}
	switch {
	case a.versionErr != nil:
		kind = cm.Styles.Failure.Render(fit(kind, c.kind))
	case a.pending:
		kind = cm.Styles.Warning.Render(fit(kind+" ⚠", c.kind))
	case c.status == 0 && !active:
		kind = cm.Styles.Warning.Render(fit(kind, c.kind))
	}
	status := a.status
	if !active {
		status = cm.Styles.Warning.Render(status)
	}
	return c.join(name, cm.Styles.Dim.Render(describe.Short(a.addr)), kind, strings.TrimSuffix(a.balance, " TON"), status)
}

// ShortHelp implements help.KeyMap.
func (p *accountsPane) ShortHelp() []key.Binding {
	km := p.c.KeyMap
	return []key.Binding{km.Up, km.Down, km.Filter, km.Send, km.Upgrade, km.Raw}
}

// FullHelp implements help.KeyMap.
func (p *accountsPane) FullHelp() [][]key.Binding {
	km := p.c.KeyMap
	return [][]key.Binding{{km.Up, km.Down, km.Top, km.Bottom, km.Filter, km.Back}, {km.Send, km.Upgrade, km.Raw}}
}
