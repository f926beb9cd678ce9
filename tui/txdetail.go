package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
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
	names := v.st.names
	var out []string
	if v.t.future {
		out = append(out, s.Warning.Render(fmt.Sprintf("after the point shown (%d of %d): enter travels here", v.st.at, v.st.total)))
	}
	from := d.From
	if tx.From != nil {
		from = joinNonEmpty("  ", s.Name.Render(d.From), s.Dim.Render(shortIfNamed(d.From, catalog.Short(tx.From))))
	}
	out = append(out,
		v.c.labeled("from", from, lw),
		v.c.labeled("to", joinNonEmpty("  ", s.Name.Render(d.To), s.Dim.Render(shortIfNamed(d.To, catalog.Short(tx.To)))), lw),
	)
	msg := d.Message
	if d.Body != nil {
		msg = d.Body.Type + " " + formatValue(d.Body, names)
	}
	out = append(out, v.c.labeledWrap("message", msg, lw, v.width)...)
	flags := []string{tx.Value.String() + " TON"}
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

	exit := d.Exit
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
	out = append(out, v.c.labeled("exit", exit, lw))
	out = append(out, v.c.labeled("gas", fmt.Sprintf("%d   %s %s TON", tx.GasUsed, s.Label.Render("fees"), tx.Fees.String()), lw))
	out = append(out, v.c.labeled("balance", tx.BalanceBefore.String()+" → "+tx.BalanceAfter.String()+" TON", lw))

	switch {
	case d.CodeChanged:
		c := "changed: " + contractName(d.Contract) + " → " + contractName(d.Upgraded)
		out = append(out, v.c.labeled("code", s.Changed.Render(c), lw))
	case tx.Deployed:
		out = append(out, v.c.labeled("code", "deployed "+contractName(d.Contract), lw))
	case d.Contract != nil:
		out = append(out, v.c.labeled("code", d.Contract.Name, lw))
	}
	out = append(out, v.storage()...)
	out = append(out, v.tree()...)
	return out
}

// shortIfNamed is the short address when the name is not already it.
func shortIfNamed(name, short string) string {
	if name == short {
		return ""
	}
	return short
}

// storage writes the receiver's storage change and the storage after.
func (v *txView) storage() []string {
	d, s := v.t.d, v.c.Styles
	const lw = 9
	var out []string
	switch {
	case d.Pending:
		out = append(out, v.c.labeledWrap("storage", s.Warning.Render("⚠ wrapped in a lazy-migration envelope: the new code's init runs on the next message"), lw, v.width)...)
		if d.Before != nil && d.Before.Initialized {
			out = append(out, "before "+d.Before.Fields.Type)
			out = append(out, structTree(d.Before.Fields, v.st.names)...)
		}
		return out
	case len(d.Changes) > 0:
		out = append(out, v.c.labeled("storage", fmt.Sprintf("%d changed", len(d.Changes)), lw))
		for _, ch := range d.Changes {
			out = append(out, "  "+s.Changed.Render(ch.String()))
		}
	case d.Tx.DataBefore != nil && d.Tx.DataAfter != nil:
		out = append(out, v.c.labeled("storage", "unchanged", lw))
	}
	if d.After != nil && d.After.Initialized && len(d.After.Fields.Fields) > 0 {
		out = append(out, "after "+d.After.Fields.Type)
		out = append(out, structTree(d.After.Fields, v.st.names)...)
	}
	return out
}

// tree writes the transaction's parent and what it sent.
func (v *txView) tree() []string {
	tx, s := v.t.d.Tx, v.c.Styles
	const lw = 9
	var out []string
	if p := v.find(tx.Parent); p != nil {
		out = append(out, v.c.labeled("parent", fmt.Sprintf("lt %d  %s → %s  %s", p.d.Tx.LT, p.d.From, p.d.To, p.d.Message), lw))
	}
	if len(tx.Out) > 0 {
		out = append(out, v.c.labeled("sent", fmt.Sprintf("%d message(s)", len(tx.Out)), lw))
	}
	for _, m := range tx.Out {
		to := "external out (a log)"
		if m.To != nil {
			to = v.st.nameOf(m.To)
		}
		line := fmt.Sprintf("  → %s  %s TON", to, m.Value.String())
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
