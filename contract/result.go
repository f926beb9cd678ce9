package contract

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// Result is what one send did: every transaction it ran, described by the
// contracts the handle knows, and the one on the handle's account.
type Result struct {
	Trace *actor.Trace
	// Txs are the transactions described, in the order they ran (the
	// wallet's own first).
	Txs []*describe.Tx
	// Tx is the transaction the send's message ran on the handle's
	// account; nil when none ran there. Tx.Contract is the version that
	// handled it.
	Tx *describe.Tx
}

func (h *Handle) result(tr *actor.Trace) *Result {
	r := &Result{Trace: tr, Txs: make([]*describe.Tx, len(tr.Transactions))}
	root := tr.Root()
	known := h.Known()
	for i, tx := range tr.Transactions {
		r.Txs[i] = describe.Describe(known, tx)
		if r.Tx == nil && tx.To.Equals(h.Address) && (tx == root || tx.Parent == root) {
			r.Tx = r.Txs[i]
		}
	}
	return r
}

// Described returns the send's transactions described: what package
// actortest's matchers and printers read.
func (r *Result) Described() []*describe.Tx { return r.Txs }

// Transactions returns the send's transaction records, in the order they
// ran.
func (r *Result) Transactions() []*actor.Transaction { return r.Trace.Transactions }

// Err returns nil when the send's message ran on the handle's account and
// succeeded; else [ErrNoTransaction] or a [*TxError].
func (r *Result) Err() error {
	if r.Tx == nil {
		return ErrNoTransaction
	}
	if err := r.Tx.Tx.Err(); err != nil {
		return &TxError{Tx: r.Tx, Err: err}
	}
	return nil
}

// TxError is a send whose transaction on the handle's account failed,
// worded by package describe ("Deposit on vault: 34393 (Value must cover
// the deposit)"); it unwraps to the [*actor.ExitError].
type TxError struct {
	Tx  *describe.Tx
	Err error
}

func (e *TxError) Error() string {
	return fmt.Sprintf("%s on %s: %s", e.Tx.Message, e.Tx.To, e.Tx.Exit)
}

func (e *TxError) Unwrap() error { return e.Err }

// Events returns the events (external out messages) of every transaction
// of the send, in order, decoded by their emitters' ABIs.
func (r *Result) Events() []describe.Event {
	var out []describe.Event
	for _, d := range r.Txs {
		out = append(out, d.Events...)
	}
	return out
}

// Events returns the send's events of message type typ, each stored in a
// T (see [Unpack]): the Deposited events of a deposit, say.
func Events[T any](r *Result, typ string) ([]T, error) {
	var out []T
	for _, e := range r.Events() {
		if e.Type != typ {
			continue
		}
		if e.Body == nil {
			return nil, fmt.Errorf("event %s: %w: its body does not decode as %s", typ, ErrGoType, typ)
		}
		var v T
		if err := Unpack(e.Body, &v); err != nil {
			return nil, fmt.Errorf("event %s: %w", typ, err)
		}
		out = append(out, v)
	}
	return out, nil
}
