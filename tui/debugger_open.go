package tui

import (
	"bytes"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/trace"
)

// traceAsk says what to trace: a transaction, with the one it pairs with
// across an upgrade, or a getter.
type traceAsk struct {
	tx *actor.Transaction
	// old, when set, is the transaction to show beside tx as the old
	// code's: a preflight's dry-run Upgrade beside its migration.
	old *actor.Transaction
	// getter traces the getter method of acc with its given arguments.
	acc    *accountInfo
	getter *getterInfo
}

// tracedMsg is the traces a trace operation made, or why it could not.
type tracedMsg struct {
	sides []traceSide
	err   error
}

// openTrace traces what is selected: the transaction of the log; the
// getter under the account pane's cursor; from the accounts pane, in a
// walkthrough the step just run, otherwise the selected account's last
// transaction.
func (m *Model) openTrace() tea.Cmd {
	ask, why := m.traceAsk()
	if why != "" {
		m.setStatus(why, true)
		return nil
	}
	return m.startOp(traceOp(ask))
}

func (m *Model) traceAsk() (traceAsk, string) {
	switch m.focus {
	case paneTxs:
		if t := m.txs.selected(); t != nil {
			return traceAsk{tx: t.tx}, ""
		}
		return traceAsk{}, "Select a transaction to trace."
	case paneAccount:
		acc := m.account.acc
		if acc == nil || m.account.getter >= len(acc.getters) {
			return traceAsk{}, "Select a getter to trace (t traces the getter under the cursor)."
		}
		g := acc.getters[m.account.getter]
		if g.needsArgs() {
			return traceAsk{}, fmt.Sprintf("Getter %s takes arguments: give them first (enter), then trace it.", g.name)
		}
		return traceAsk{acc: acc, getter: &g}, ""
	}
	if m.walk != nil {
		if ask, ok := m.walk.traceAsk(m.st); ok {
			return ask, ""
		}
	}
	if a := m.accounts.selected(); a != nil {
		for n := m.st.at; n >= 1; n-- {
			if l := m.st.log.line(n); l != nil && l.tx.To.Equals(a.addr) {
				return traceAsk{tx: l.tx}, ""
			}
		}
	}
	return traceAsk{}, "Nothing to trace here: select a transaction in the log or a getter of an account."
}

// traceAsk is what the step just run asks to trace: its transaction on
// its target, its getter, a preflight's first failing dry-run transaction,
// else its migration, else the dry run's transaction that replaced the
// code.
func (p *walkPanel) traceAsk(st *state) (traceAsk, bool) {
	ws, ok := p.results[p.pos-1]
	if !ok || ws.res == nil {
		return traceAsk{}, false
	}
	res := ws.res
	switch {
	case res.Tx != nil:
		return traceAsk{tx: res.Tx}, true
	case res.Preflight != nil:
		r := res.Preflight
		for _, tx := range r.Transactions() {
			if tx != nil && !tx.Success {
				return traceAsk{tx: tx, old: dryRunOld(r.Upgrade, tx)}, true
			}
		}
		if r.Migration != nil {
			return traceAsk{tx: r.Migration, old: r.Upgrade}, true
		}
		// No migration after it: the upgrade migrated nothing, or inside
		// its own transaction (eager).
		if tx := r.Replaced(); tx != nil {
			return traceAsk{tx: tx}, true
		}
	case res.Get != nil:
		if g, ok := res.Step.Action.(*scenario.Get); ok && g.Args == nil {
			if acc := st.account(res.Target); acc != nil {
				for _, gi := range acc.getters {
					if gi.name == res.Get.Method {
						return traceAsk{acc: acc, getter: &gi}, true
					}
				}
			}
		}
	}
	return traceAsk{}, false
}

// traceOp traces what ask says, on the world as the session shows it.
func traceOp(ask traceAsk) worldOp {
	return worldOp{
		label: "tracing",
		keep:  true,
		run: func(s *session) tea.Msg {
			if ask.getter != nil {
				side, err := s.traceGetter(ask.acc, *ask.getter)
				if err != nil {
					return tracedMsg{err: err}
				}
				return tracedMsg{sides: []traceSide{side}}
			}
			return s.traceTx(ask.tx, ask.old)
		},
	}
}

// traceTx traces tx and, across an upgrade, its partner: the Upgrade (run
// by the old code) beside the first transaction that ran the new code.
// old, when set, is tx's partner. An eager upgrade has none: the new code
// ran inside the Upgrade (its trace's NewCode), and the next transaction
// is no part of it.
func (s *session) traceTx(tx, old *actor.Transaction) tracedMsg {
	first, err := trace.Transaction(s.world, s.cat, tx)
	if err != nil {
		return tracedMsg{err: err}
	}
	sides := []traceSide{newTraceSide(first)}
	fresh := tx
	if old == nil && first.NewCode == nil {
		old, fresh = s.upgradePair(tx)
	}
	if old != nil {
		other := old
		if old == tx {
			other = fresh
		}
		partner, err := trace.Transaction(s.world, s.cat, other)
		if err == nil && other == old && partner.NewCode != nil {
			return tracedMsg{sides: sides} // tx follows an eager upgrade
		}
		if err == nil {
			ps := newTraceSide(partner)
			if other == old {
				sides = []traceSide{ps, sides[0]}
			} else {
				sides = append(sides, ps)
			}
			sides[0].label, sides[1].label = "old code", "new code"
			sides[0].atLastRead()
		}
	}
	return tracedMsg{sides: sides}
}

// upgradePair finds the upgrade tx belongs to: tx changed the account's
// code and the next transaction on it ran the new code, or tx is that
// next transaction. Both nil when tx is neither.
func (s *session) upgradePair(tx *actor.Transaction) (old, fresh *actor.Transaction) {
	txs := s.tl.txs
	at := -1
	for i, t := range txs {
		if t == tx {
			at = i
		}
	}
	if at < 0 {
		return nil, nil
	}
	if codeChanged(tx) {
		for _, t := range txs[at+1:] {
			if t.To.Equals(tx.To) {
				return tx, t
			}
		}
		return nil, nil
	}
	for i := at - 1; i >= 0; i-- {
		if t := txs[i]; t.To.Equals(tx.To) {
			if codeChanged(t) {
				return t, tx
			}
			return nil, nil
		}
	}
	return nil, nil
}

// dryRunOld is the Upgrade a dry-run transaction pairs with: none for the
// Upgrade itself.
func dryRunOld(upgrade, tx *actor.Transaction) *actor.Transaction {
	if tx == upgrade {
		return nil
	}
	return upgrade
}

func codeChanged(tx *actor.Transaction) bool {
	return tx.CodeBefore != nil && tx.CodeAfter != nil && !bytes.Equal(tx.CodeBefore.Hash(), tx.CodeAfter.Hash())
}

// traceGetter traces a getter of acc with the arguments the user gave.
func (s *session) traceGetter(acc *accountInfo, g getterInfo) (traceSide, error) {
	var stack []any
	if acc.contract != nil && acc.contract.ABI() != nil && len(g.args) > 0 {
		var err error
		if stack, err = acc.contract.ABI().GetterArgs(g.name, s.resolveArgs(g.args, g.given)); err != nil {
			return traceSide{}, err
		}
	}
	tr, err := trace.Getter(s.world, s.cat, acc.addr, g.name, stack...)
	if err != nil {
		return traceSide{}, err
	}
	return newTraceSide(tr), nil
}

// traced opens the debugger on what a trace operation made.
func (m *Model) traced(r tracedMsg) {
	if r.err != nil {
		m.setStatus("Could not trace: "+r.err.Error(), true)
		return
	}
	d := newDebugger(m.c, r.sides)
	m.openDialog(d)
	m.setStatus(d.statusText(), d.mismatch())
}
