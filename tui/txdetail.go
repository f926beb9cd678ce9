package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// txView shows one transaction: the message it got and from whom, its
// outcome, gas and fees, what it did to the code, the receiver's storage
// before and after with what changed, the messages it sent, and where it
// sits in its send's tree.
type txView struct {
	c             *Common
	width, height int
	st            *state
	t             *txInfo
	scroll        int
}

func newTxView(c *Common) *txView { return &txView{c: c, st: &state{}} }

// SetSize implements component.
func (v *txView) SetSize(width, height int) { v.width, v.height = width, height }

// show shows t, as of st.
func (v *txView) show(st *state, t *txInfo) {
	if t == nil || v.t == nil || t.d.Tx != v.t.d.Tx {
		v.scroll = 0
	}
	v.st, v.t = st, t
}

// scrollBy scrolls by d lines.
func (v *txView) scrollBy(d int) {
	v.scroll = max(min(v.scroll+d, len(v.content())-v.height+1), 0)
}

// View implements component.
func (v *txView) View() string {
	title := "Transaction"
	if v.t != nil {
		title = fmt.Sprintf("Transaction lt %d", v.t.d.Tx.LT)
	}
	return v.c.page(title, false, v.content(), v.scroll, v.width, v.height, "pgdn")
}

func (v *txView) content() []string {
	if v.t == nil {
		return []string{v.c.Styles.Dim.Render("no transaction selected")}
	}
	const lw = 9
	d, tx, s := v.t.d, v.t.d.Tx, v.c.Styles
	p := describe.Printer{Names: tx, WithAddress: true}
	var out []string
	if v.t.future {
		out = append(out, s.Warning.Render(fmt.Sprintf("after the point shown (%d of %d): enter travels here", v.st.at, v.st.total)))
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
	out = append(out, v.c.labeled("value", strings.Join(flags, ", "), lw))

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
	if a := d.Action; a.Ran && (a.Actions > 0 || !a.Success) {
		text := fmt.Sprintf("%s, %s", plural(a.Actions, "action"), plural(a.Sent, "message")+" sent")
		if a.Skipped > 0 {
			text += ", " + s.Warning.Render(plural(a.Skipped, "action")+" skipped")
		}
		if !a.Success {
			text = s.Failure.Render(a.String())
		}
		out = append(out, v.c.labeledWrap("actions", text, lw, v.width)...)
	}
	out = append(out, v.c.labeled("gas", fmt.Sprint(tx.GasUsed), lw))
	out = append(out, v.c.labeledWrap("fees", d.Fees.String(), lw, v.width)...)
	out = append(out, v.c.labeled("balance", tx.BalanceBefore.String()+" → "+tx.BalanceAfter.String()+" TON", lw))

	for _, e := range d.Events {
		out = append(out, v.c.labeledWrap("event", s.Changed.Render(e.Text(p)), lw, v.width)...)
	}
	for _, line := range d.Debug {
		out = append(out, v.c.labeledWrap("dump", line, lw, v.width)...)
	}
	switch {
	case d.CodeChanged:
		c := "changed: " + contractName(d.Contract) + " → " + contractName(d.Upgraded)
		out = append(out, v.c.labeled("code", s.Changed.Render(c), lw))
	case tx.Deployed:
		out = append(out, v.c.labeled("code", "deployed "+contractName(d.Contract), lw))
	case d.Contract != nil:
		out = append(out, v.c.labeled("code", d.Contract.Name, lw))
	}
	out = append(out, v.storage(p)...)
	out = append(out, v.tree(p)...)
	return out
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
	d, s := v.t.d, v.c.Styles
	const lw = 9
	var out []string
	switch {
	case d.Pending:
		out = append(out, v.c.labeledWrap("storage", s.Warning.Render("⚠ wrapped in a lazy-migration envelope: the new code's init runs on the next message"), lw, v.width)...)
		if d.Before != nil && d.Before.Initialized {
			out = append(out, "before "+d.Before.Fields.Type)
			out = append(out, p.Tree(d.Before.Fields)...)
		}
		return out
	case len(d.Changes) > 0:
		out = append(out, v.c.labeled("storage", fmt.Sprintf("%d changed", len(d.Changes)), lw))
		for _, ch := range d.Changes {
			out = append(out, "  "+s.Changed.Render(p.Change(ch)))
		}
	case d.Tx.DataBefore != nil && d.Tx.DataAfter != nil:
		out = append(out, v.c.labeled("storage", "unchanged", lw))
	}
	if d.After != nil && d.After.Initialized && len(d.After.Fields.Fields) > 0 {
		out = append(out, "after "+d.After.Fields.Type)
		out = append(out, p.Tree(d.After.Fields)...)
	}
	return out
}

// tree writes the transaction's parent and what it sent.
func (v *txView) tree(p describe.Printer) []string {
	d, tx, s := v.t.d, v.t.d.Tx, v.c.Styles
	const lw = 9
	var out []string
	if par := v.find(tx.Parent); par != nil {
		out = append(out, v.c.labeled("parent", fmt.Sprintf("lt %d  %s → %s  %s", par.d.Tx.LT, par.d.From, par.d.To, par.d.Message), lw))
	}
	if len(d.Out) > 0 {
		out = append(out, v.c.labeled("sent", plural(len(d.Out), "message"), lw))
	}
	for _, m := range d.Out {
		line := fmt.Sprintf("  → %s  %s  %s TON", m.To, m.Message.Text(p), m.Value.String())
		if m.Bounce {
			line += s.Dim.Render("  bounceable")
		}
		out = append(out, line)
	}
	for _, k := range tx.Children {
		if c := v.find(k); c != nil {
			out = append(out, v.c.labeled("caused", fmt.Sprintf("lt %d  %s → %s  %s  %s", c.d.Tx.LT, c.d.From, c.d.To, c.d.Message, c.d.Exit), lw))
		}
	}
	return out
}

// find returns the log's line for tx, nil when it is not in the log.
func (v *txView) find(tx *actor.Transaction) *txInfo {
	if tx == nil {
		return nil
	}
	for _, t := range v.st.txs {
		if t.d.Tx == tx {
			return t
		}
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (v *txView) ShortHelp() []key.Binding { return nil }

// FullHelp implements help.KeyMap.
func (v *txView) FullHelp() [][]key.Binding { return nil }
