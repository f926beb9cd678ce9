package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/describe"
)

// detailLabel is the width of the labels of the detail panes.
const detailLabel = 9

// txView shows one transaction: the message it got and from whom, its
// outcome, the action phase, gas and fees, what it did to the code, the
// receiver's storage before and after with what changed, the events it
// emitted, the messages it sent, and where it sits in its send's tree.
// It describes the transaction it shows when it is selected: the one
// description the pane needs, computed from the record.
type txView struct {
	c             *Common
	width, height int
	focused       bool
	st            *state
	line          *logLine
	d             *describe.Tx
	describeTx    func(*logLine) *describe.Tx
	sc            scroller
}

func newTxView(c *Common, describeTx func(*logLine) *describe.Tx) *txView {
	return &txView{c: c, st: &state{}, describeTx: describeTx}
}

// SetSize implements component.
func (v *txView) SetSize(width, height int) { v.width, v.height = width, height }

// show shows l, as of st.
func (v *txView) show(st *state, l *logLine) {
	v.st = st
	if l == nil {
		v.line, v.d, v.sc = nil, nil, scroller{}
		return
	}
	if v.line == nil || l.tx != v.line.tx {
		v.sc = scroller{}
		v.d = v.describeTx(l)
	}
	v.line = l
}

// Update scrolls the focused pane: a line, a page, or to either end.
func (v *txView) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		v.sc.key(v.c.KeyMap, k, len(v.content()), v.height-1, true)
	}
	return nil
}

// scrollBy scrolls by d lines.
func (v *txView) scrollBy(d int) { v.sc.by(d, len(v.content()), v.height-1) }

// View implements component.
func (v *txView) View() string {
	title := "Transaction"
	if v.line != nil {
		title = fmt.Sprintf("Transaction lt %d", v.line.tx.LT)
	}
	return v.c.page(title, v.focused, v.content(), &v.sc, v.width, v.height, scrollHint(v.focused))
}

// scrollHint says how to scroll a detail pane: pgdn once focused, tab
// first otherwise.
func scrollHint(focused bool) string {
	if focused {
		return "pgdn"
	}
	return "tab here, then pgdn"
}

func (v *txView) content() []string {
	if v.line == nil {
		return []string{v.c.Styles.Dim.Render("no transaction selected")}
	}
	const lw = detailLabel
	d, tx, s := v.d, v.d.Tx, v.c.Styles
	p := describe.Printer{Names: tx, WithAddress: true}
	var out []string
	if v.line.n > v.st.at {
		out = append(out, wrap(s.Warning.Render(fmt.Sprintf("after the point shown (%d of %d): enter in the log travels here", v.st.at, v.st.total)), v.width)...)
	}
	out = append(out,
		v.c.labeled("from", v.party(d.From), lw),
		v.c.labeled("to", v.party(d.To), lw),
	)
	out = append(out, v.c.labeledWrap("message", d.Message.Text(p), lw, v.width)...)
	flags := []string{describe.TON(tx.Value.Nano())}
	if !tx.External {
		if tx.Bounce {
			flags = append(flags, "bounceable")
		} else {
			flags = append(flags, "non-bounceable")
		}
	}
	if tx.Bounced {
		flags = append(flags, "a bounce")
	}
	out = append(out, v.c.labeledWrap("value", strings.Join(flags, ", "), lw, v.width)...)

	exit := d.Exit.Explain()
	switch {
	case tx.ComputeSkipped != "":
		exit = s.Warning.Render(exit)
	case tx.Success:
		exit = s.Success.Render(exit)
	default:
		exit = s.Failure.Render(exit)
		if tx.Aborted {
			exit += s.Dim.Render(", aborted: state kept")
		}
	}
	out = append(out, v.c.labeledWrap("exit", exit, lw, v.width)...)
	out = append(out, v.actions()...)
	out = append(out, v.c.labeled("gas", fmt.Sprint(tx.GasUsed), lw))
	out = append(out, v.c.labeledWrap("fees", d.Fees.String(), lw, v.width)...)
	out = append(out, v.c.labeledWrap("balance", tx.BalanceBefore.String()+" → "+tx.BalanceAfter.String()+" TON", lw, v.width)...)

	switch {
	case d.CodeChanged:
		c := "changed: " + contractName(d.Contract) + " → " + contractName(d.Upgraded)
		out = append(out, v.c.labeledWrap("code", s.Changed.Render(c), lw, v.width)...)
	case tx.Deployed:
		out = append(out, v.c.labeled("code", "deployed "+contractName(d.Contract), lw))
	case d.Contract != nil:
		out = append(out, v.c.labeled("code", d.Contract.Name, lw))
	}
	out = append(out, v.storage(p)...)
	out = append(out, v.events(p)...)
	out = append(out, v.sent(p)...)
	out = append(out, v.tree()...)
	if len(d.Debug) > 0 {
		out = append(out, v.c.rule(fmt.Sprintf("Debug output (%d)", len(d.Debug)), v.width, false))
		for _, line := range d.Debug {
			out = append(out, wrap(line, v.width)...)
		}
	}
	return out
}

// actions writes the action phase: what the contract asked for, what it
// sent, what was skipped, or why the phase failed.
func (v *txView) actions() []string {
	d, s := v.d, v.c.Styles
	a := d.Action
	if !a.Ran {
		return nil
	}
	text := fmt.Sprintf("%s, %s sent", describe.Count(a.Actions, "action"), describe.Count(a.Sent, "message"))
	if a.Skipped > 0 {
		text += ", " + s.Warning.Render("⚠ "+a.String())
	}
	if !a.Success {
		text = s.Failure.Render(a.String())
	}
	return v.c.labeledWrap("actions", text, detailLabel, v.width)
}

// party writes a transaction's party: its name and short address.
func (v *txView) party(p describe.Party) string {
	s := v.c.Styles
	if p.External() {
		return p.String()
	}
	if p.Name == "" {
		return s.Name.Render(p.String())
	}
	return s.Name.Render(p.Name) + "  " + s.Dim.Render(describe.Short(p.Addr))
}

// storage writes the receiver's storage change and the storage after.
func (v *txView) storage(p describe.Printer) []string {
	d, s := v.d, v.c.Styles
	const lw = detailLabel
	var out []string
	switch {
	case d.Pending:
		out = append(out, v.c.labeledWrap("storage", s.Warning.Render("⚠ wrapped in a lazy-migration envelope: the new code's init runs on the next message"), lw, v.width)...)
		if d.Before != nil && d.Before.Initialized {
			out = append(out, "before "+d.Before.Fields.Type)
			out = append(out, v.wrapTree(p.Tree(d.Before.Fields))...)
		}
		return out
	case len(d.Changes) > 0:
		out = append(out, v.c.labeled("storage", describe.Count(len(d.Changes), "field")+" changed", lw))
		for _, ch := range d.Changes {
			out = append(out, wrap("  "+s.Changed.Render(p.Change(ch)), v.width)...)
		}
	case d.Tx.DataBefore != nil && d.Tx.DataAfter != nil:
		out = append(out, v.c.labeled("storage", "unchanged", lw))
	}
	if d.After != nil && d.After.Initialized && len(d.After.Fields.Fields) > 0 {
		out = append(out, "after "+d.After.Fields.Type)
		out = append(out, v.wrapTree(p.Tree(d.After.Fields))...)
	}
	return out
}

// events writes the events the transaction emitted, in a section of their
// own: each one's type, then its fields as a tree.
func (v *txView) events(p describe.Printer) []string {
	d, s := v.d, v.c.Styles
	if len(d.Events) == 0 {
		return nil
	}
	out := []string{v.c.rule(fmt.Sprintf("Events (%d)", len(d.Events)), v.width, false)}
	for _, e := range d.Events {
		if e.Body == nil || len(e.Body.Fields) == 0 {
			out = append(out, wrap(s.Changed.Render("✉ "+e.Text(p)), v.width)...)
			continue
		}
		out = append(out, s.Changed.Render("✉ "+e.Message.String()))
		out = append(out, v.wrapTree(p.Tree(e.Body))...)
	}
	return out
}

// sent writes the internal messages the transaction sent.
func (v *txView) sent(p describe.Printer) []string {
	d, s := v.d, v.c.Styles
	if len(d.Out) == 0 {
		return nil
	}
	out := []string{v.c.rule(fmt.Sprintf("Sent (%d)", len(d.Out)), v.width, false)}
	for _, m := range d.Out {
		line := fmt.Sprintf("→ %s  %s  %s TON", m.To, m.Message.Text(p), m.Value.String())
		if m.Bounce {
			line += s.Dim.Render("  bounceable")
		}
		out = append(out, wrap(line, v.width)...)
	}
	return out
}

// wrapTree wraps the lines of a tree of fields to the pane.
func (v *txView) wrapTree(ls []string) []string {
	var out []string
	for _, l := range ls {
		out = append(out, wrap(l, v.width)...)
	}
	return out
}

// tree writes the transaction's parent and the transactions it caused.
func (v *txView) tree() []string {
	l := v.line
	const lw = detailLabel
	var out []string
	kids := v.st.log.children(l)
	if l.parent == nil && len(kids) == 0 {
		return nil
	}
	out = append(out, v.c.rule("In its send", v.width, false))
	if par := l.parent; par != nil {
		out = append(out, v.c.labeledWrap("parent", fmt.Sprintf("lt %d  %s → %s  %s", par.tx.LT, par.from, par.to, par.msg), lw, v.width)...)
	}
	for _, c := range kids {
		out = append(out, v.c.labeledWrap("caused", fmt.Sprintf("lt %d  %s → %s  %s  %s", c.tx.LT, c.from, c.to, c.msg, c.exit), lw, v.width)...)
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (v *txView) ShortHelp() []key.Binding {
	km := v.c.KeyMap
	return []key.Binding{km.Up, km.Down, km.PageUp, km.PageDown, km.Copy, km.TimeBack, km.TimeForward}
}

// FullHelp implements help.KeyMap.
func (v *txView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }
