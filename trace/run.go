package trace

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// Retracer runs a recorded transaction again with a trace hook: an
// [*actor.World], any world or fork that can reach the record.
type Retracer interface {
	Retrace(tx *actor.Transaction, hook vm.TraceHook) (*actor.Rerun, error)
}

// GetTracer runs a getter with a trace hook on a world as it stands and
// reads the account it runs on: an [*actor.World].
type GetTracer interface {
	TraceGet(hook vm.TraceHook, addr *address.Address, method string, args ...any) (*actor.Rerun, error)
	Account(addr *address.Address) (*actor.Account, error)
	describe.Namer
}

// Transaction traces tx: it runs the transaction again from the state
// before it (see [actor.World.Retrace]) and describes every step by the
// contracts cat knows. A rerun that differs from the record is no error:
// the trace says so in Check.
func Transaction(w Retracer, cat describe.Contracts, tx *actor.Transaction) (*Trace, error) {
	code, data := tx.CodeBefore, tx.DataBefore
	if si := stateInit(tx); code == nil && si != nil {
		code, data = si.Code, si.Data // a deployment runs the code it brings
	}
	t := &Trace{Tx: tx, Account: tx.To, printer: describe.Printer{Names: tx}, known: newKnown(cat, code)}
	t.Contract = byCode(cat, code)
	after := t.Contract
	if tx.CodeAfter != nil && code != nil && string(tx.CodeAfter.Hash()) != string(code.Hash()) {
		after = byCode(cat, tx.CodeAfter)
	}
	var sender *catalog.Contract
	if tx.Parent != nil {
		sender = byCode(cat, firstCode(tx.Parent.CodeBefore, tx.Parent.CodeAfter))
	}
	if tx.Bounced {
		t.known.body(tx.Body, t.printer, sender, t.Contract)
	} else {
		t.known.body(tx.Body, t.printer, t.Contract, sender)
	}
	t.known.storage(RoleStorage, data, t.Contract, t.printer)
	t.known.storage(RoleStorageAfter, tx.DataAfter, after, t.printer)
	t.known.add(RoleMessage, tx.InCell, nil)
	t.known.add(RoleCode, code, nil)

	t.Entry = procRecvInternal
	if tx.External {
		t.Entry = procRecvExternal
	}
	var rec Recorder
	rerun, err := w.Retrace(tx, rec.Hook())
	if err != nil {
		return nil, fmt.Errorf("trace: %w", err)
	}
	t.entry(rec.events)
	if t.Entry == procRecvInternal {
		t.Receiver = t.describe().Message.String()
	}
	t.Check = rerun.Err()
	t.build(rec.events, rerun)
	return t, nil
}

// Getter traces the get-method called method on the account at addr, with
// args (as [actor.World.Get] takes them), on w as it stands; to trace a
// getter at an earlier moment, pass a fork restored to a snapshot.
func Getter(w GetTracer, cat describe.Contracts, addr *address.Address, method string, args ...any) (*Trace, error) {
	acc, err := w.Account(addr)
	if err != nil {
		return nil, fmt.Errorf("trace get %s: %w", method, err)
	}
	t := &Trace{Method: method, Account: addr, Entry: "get " + method, printer: describe.Printer{Names: w}, known: newKnown(cat, acc.Code)}
	t.Contract = byCode(cat, acc.Code)
	t.known.storage(RoleStorage, acc.Data, t.Contract, t.printer)
	t.known.add(RoleCode, acc.Code, nil)
	var rec Recorder
	rerun, err := w.TraceGet(rec.Hook(), addr, method, args...)
	if err != nil {
		return nil, fmt.Errorf("trace: %w", err)
	}
	t.Check = rerun.Err()
	t.build(rec.events, rerun)
	return t, nil
}

// entry names what the run entered by the selector on its first stack:
// 0 recv_internal, -1 recv_external.
func (t *Trace) entry(events []vm.TraceStep) {
	for _, e := range events {
		if e.Opcode == "" {
			continue
		}
		st := stackOf(e.Stack)
		if len(st) > 0 {
			if sel, ok := st[len(st)-1].(*big.Int); ok {
				t.Entry = procName(sel, nil)
			}
		}
		return
	}
}

func stateInit(tx *actor.Transaction) *tlb.StateInit {
	if tx.InCell == nil {
		return nil
	}
	var m tlb.Message
	if err := tlb.Parse(&m, tx.InCell); err != nil {
		return nil
	}
	switch in := m.Msg.(type) {
	case *tlb.InternalMessage:
		return in.StateInit
	case *tlb.ExternalMessage:
		return in.StateInit
	}
	return nil
}

func byCode(cat describe.Contracts, code *tvmcell.Cell) *catalog.Contract {
	if cat == nil || code == nil {
		return nil
	}
	ct, err := cat.ByCode(code)
	if err != nil {
		return nil
	}
	return ct
}

func firstCode(codes ...*tvmcell.Cell) *tvmcell.Cell {
	for _, c := range codes {
		if c != nil {
			return c
		}
	}
	return nil
}
