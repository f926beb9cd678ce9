package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
)

// txPane is the transaction log: every transaction of the timeline, each
// send as a tree (a child under its parent, indented), with its logical
// time, sender and receiver, message, exit code, gas and the change it made
// to the receiver's storage. While travelling, the point the world shows is
// marked ◆ and the transactions after it ·.
type txPane struct {
	tablePane
	st  *state
	sel *actor.Transaction
}

func newTxPane(c *Common) *txPane {
	return &txPane{tablePane: newTablePane(c), st: &state{}}
}

// setState shows st's log. The selection stays on its transaction; a new
// send selects the newest transaction, time travel the point travelled to.
func (p *txPane) setState(st *state) {
	old := p.st
	p.st = st
	p.refilter()
	switch {
	case st.travelling() || (old != nil && old.travelling()):
		p.selectPoint(st.at)
	case old == nil || st.total != old.total || p.sel == nil:
		p.selectPoint(st.total)
	}
}

func (p *txPane) refilter() {
	txs := p.st.txs
	p.list.setHeight(p.rowsHeight())
	p.list.setRows(len(txs), func(i int, q string) bool {
		return strings.Contains(strings.ToLower(txText(txs[i])), q)
	}, func(i int) bool { return p.sel != nil && txs[i].d.Tx == p.sel })
	p.sync()
}

// txText is what a filter matches.
func txText(t *txInfo) string {
	return fmt.Sprintf("%d %s %s %s %s %s", t.d.Tx.LT, t.d.From, t.d.To, t.d.Message, t.d.Exit, changeText(t))
}

// selectPoint selects the n-th transaction of the timeline.
func (p *txPane) selectPoint(n int) {
	for i, t := range p.st.txs {
		if t.n == n && p.list.selectRow(i) {
			p.sel = t.d.Tx
			return
		}
	}
}

// selected is the transaction under the cursor, nil for none.
func (p *txPane) selected() *txInfo {
	i := p.list.selected()
	if i < 0 || i >= len(p.st.txs) {
		return nil
	}
	return p.st.txs[i]
}

func (p *txPane) sync() {
	if t := p.selected(); t != nil {
		p.sel = t.d.Tx
	}
}

// click selects the transaction at line y of the pane.
func (p *txPane) click(y int) {
	if p.clickRow(y) {
		p.sync()
	}
}

// Update handles a key for the focused pane. Enter travels to the selected
// transaction.
func (p *txPane) Update(msg tea.Msg) tea.Cmd {
	cmd, handled := p.updateList(msg, p.refilter)
	if k, ok := msg.(tea.KeyPressMsg); !handled && ok && key.Matches(k, p.c.KeyMap.Enter) {
		if t := p.selected(); t != nil {
			return opCmd(travelOp(t.n))
		}
	}
	p.sync()
	return cmd
}

// View implements component.
func (p *txPane) View() string {
	title := fmt.Sprintf("Transactions (%d)", len(p.st.txs))
	if p.st.travelling() {
		title = fmt.Sprintf("Transactions (%d) · at %d of %d", len(p.st.txs), p.st.at, p.st.total)
	}
	note := ""
	switch {
	case len(p.st.txs) == 0:
		note = "no transactions yet: s sends a message"
	case len(p.list.visible) == 0:
		note = "nothing matches the filter"
	}
	cols := p.columns()
	return p.frame(title, cols.header(), func(i int) string { return cols.row(p.c, p.st, p.st.txs[i]) }, note)
}

// txColumns are the widths of the log's columns; zero drops one.
type txColumns struct {
	lt, route, msg, exit, gas, change int
}

func (p *txPane) columns() txColumns {
	c := txColumns{lt: 2, route: 9, msg: 7, exit: 4, gas: 3}
	for _, t := range p.st.txs {
		c.lt = max(c.lt, len(fmt.Sprint(t.d.Tx.LT)))
		c.route = max(c.route, len([]rune(routeText(t))))
		c.msg = max(c.msg, len([]rune(t.d.Message.String())))
		c.exit = max(c.exit, len([]rune(t.d.Exit.String())))
		c.gas = max(c.gas, len(fmt.Sprint(t.d.Tx.GasUsed)))
	}
	c.route = min(c.route, 30)
	c.msg = min(c.msg, 18)
	c.exit = min(c.exit, 24)
	avail := p.width - 2 - 1 // the selection mark, the time mark
	fixed := func() int {
		n := c.lt + c.route + c.msg + c.exit + 8
		if c.gas > 0 {
			n += c.gas + 2
		}
		return n
	}
	for fixed()+12 > avail && c.exit > 11 {
		c.exit--
	}
	for fixed()+12 > avail && c.msg > 8 {
		c.msg--
	}
	for fixed()+12 > avail && c.route > 16 {
		c.route--
	}
	if fixed()+8 > avail {
		c.gas = 0
	}
	c.change = max(avail-fixed(), 0)
	return c
}

func (c txColumns) header() string {
	return " " + c.join("lt", "from → to", "message", "exit", "gas", "change")
}

func (c txColumns) join(lt, route, msg, exit, gas, change string) string {
	parts := []string{padLeft(lt, c.lt), fit(route, c.route), fit(msg, c.msg), fit(exit, c.exit)}
	if c.gas > 0 {
		parts = append(parts, padLeft(gas, c.gas))
	}
	parts = append(parts, cut(change, c.change))
	return strings.Join(parts, "  ")
}

// routeText is the tree's indentation and "from → to".
func routeText(t *txInfo) string {
	return t.prefix + t.d.From.String() + " → " + t.d.To.String()
}

// changeText says what a transaction did, as the description words it:
// its effects (a deployment, the code, the storage's fields), then marks
// for a bounce, events and skipped actions.
func changeText(t *txInfo) string {
	d := t.d
	// The marks come first, so a narrow column still shows them.
	var parts []string
	if t.bounced {
		parts = append(parts, "↩ bounced")
	}
	if n := len(d.Events); n > 0 {
		parts = append(parts, "✉ "+plural(n, "event"))
	}
	if d.Action.Skipped > 0 {
		parts = append(parts, "⚠ "+plural(d.Action.Skipped, "action")+" skipped")
	}
	parts = append(parts, d.Effects(describe.Printer{Names: d.Tx})...)
	return strings.Join(parts, ", ")
}

// contractName names a catalog contract, "unknown code" for nil.
func contractName(ct *catalog.Contract) string { return describe.ContractName(ct) }

func (c txColumns) row(cm *Common, st *state, t *txInfo) string {
	s := cm.Styles
	mark := " "
	switch {
	case st.travelling() && t.n == st.at:
		mark = "◆"
	case t.future:
		mark = "·"
	}
	exit := fit(t.d.Exit.String(), c.exit)
	switch {
	case t.future:
	case t.d.Tx.ComputeSkipped != "":
		exit = s.Warning.Render(exit)
	case t.d.Tx.Success:
		exit = s.Success.Render(exit)
	default:
		exit = s.Failure.Render(exit)
	}
	line := mark + c.join(fmt.Sprint(t.d.Tx.LT), routeText(t), t.d.Message.String(), exit, fmt.Sprint(t.d.Tx.GasUsed), changeText(t))
	if t.future {
		return s.Dim.Render(line)
	}
	return line
}

// ShortHelp implements help.KeyMap.
func (p *txPane) ShortHelp() []key.Binding {
	km := p.c.KeyMap
	enter := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "travel here"))
	return []key.Binding{km.Up, km.Down, enter, km.TimeBack, km.TimeForward, km.TimeNow, km.Filter}
}

// FullHelp implements help.KeyMap.
func (p *txPane) FullHelp() [][]key.Binding {
	km := p.c.KeyMap
	return [][]key.Binding{{km.Up, km.Down, km.Top, km.Bottom, km.Filter, km.Back},
		{km.TimeBack, km.TimeForward, km.TimeStart, km.TimeNow}}
}
