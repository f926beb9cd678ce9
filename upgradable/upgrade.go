package upgradable

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
)

// Upgraded is what [Upgrade] did.
type Upgraded struct {
	Protocol *Protocol
	// Account is the account whose code the upgrade replaces.
	Account *address.Address
	// Steps are each step's transaction on the contract, Traces each
	// step's whole send, in order; they stop at the first step the
	// contract refused.
	Steps  []*actor.Transaction
	Traces []*actor.Trace
	// Waits are the seconds the world's clock moved on before each step
	// (a time lock's delay), in step order.
	Waits []uint32
	// CodeChanged reports whether the upgraded account runs the new code.
	CodeChanged bool
}

// Upgrade performs an upgrade on w itself, by its protocol's real messages
// (found as [Preflight] finds them): the same request a preflight takes.
// A step the contract refuses ends the upgrade there; the world keeps what
// the earlier steps did, as a chain would. Errors (an unknown protocol, a
// message that cannot be built) come before anything is sent.
func Upgrade(w *actor.World, req Request) (*Upgraded, error) {
	p, err := newPlan(w, req)
	if err != nil {
		return nil, err
	}
	// Build every step's message on a fork first, so a mistake in a later
	// step does not leave the world half upgraded.
	if _, err := p.run(w.Fork(), req.Code, p.sender); err != nil {
		return nil, err
	}
	start := w.Snapshot()
	waits := &[]uint32{}
	p.waits = waits
	txs, traces, err := p.runTraces(w, req.Code, p.sender, p.sender)
	p.waits = nil
	if err != nil {
		w.Restore(start)
		return nil, err
	}
	return &Upgraded{Protocol: p.proto, Account: p.account, Steps: txs, Traces: traces, Waits: (*waits)[:len(txs)], CodeChanged: p.runs(w, req.Code)}, nil
}
