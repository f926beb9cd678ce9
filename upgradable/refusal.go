package upgradable

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// A refused upgrade, looked at more closely. An eager protocol's upgrade
// transaction runs the old code and then the new code's migration, so a
// failure there is either the new code's migration throwing (the upgrade
// rolled back) or the old code refusing before the new code ran (its
// pre-upgrade check, the Internet Computer's pre_upgrade hook). And a
// refusal by the running code may last: a pre-upgrade check that fails
// whatever the state leaves no way to upgrade the contract ever again.

// refusedWhateverTheCode reports whether the running code refuses the
// upgrade to code before the new code has any say: the same protocol
// towards other code, the running code's own, fails at the same step with
// the same exit code and the same gas. The new code's migration, when it
// ran, would have cost gas of its own. When code is the running code
// itself, the other code is [otherCode], which no contract runs.
func (p *plan) refusedWhateverTheCode(w *actor.World, code *tvmcell.Cell, step int, refused *actor.Transaction) bool {
	other := p.code
	if sameCode(code, p.code) {
		other = otherCode
	}
	txs, err := p.run(w.Fork(), other, p.sender)
	if err != nil || failed(txs) != step || step >= len(txs) {
		return false
	}
	again := txs[step]
	return again.ExitCode == refused.ExitCode && again.GasUsed == refused.GasUsed
}

// probeWayOut looks for a message after which the refusal is gone (the
// upgrade goes through, or fails elsewhere or otherwise): each message type the contract receives, but the protocol's
// own, sent by the sender with every field zero (an Unlock, say), on a
// fork of its own. It records every message tried and those that opened
// the way; when none did, the running code refuses every upgrade it can be
// brought to, and Upgradable is false. Only the owner's refusals are
// looked at: a stranger's are expected.
func (p *plan) probeWayOut(r *Report, w *actor.World, code *tvmcell.Cell) {
	if p.recipient == nil || !p.senderIsOwner(w) {
		return
	}
	for _, t := range p.recipient.ABI.InternalMessages() {
		if p.protocolMessage(t.Name) {
			continue
		}
		body, err := zeroMessage(p.recipient, t)
		if err != nil {
			continue
		}
		r.Tried = append(r.Tried, t.Name)
		fork := w.Fork()
		if _, err := send(fork, p.sender, p.contract, body, p.value); err != nil {
			continue
		}
		txs, err := p.run(fork, code, p.sender)
		if err != nil {
			continue
		}
		if i := failed(txs); i != r.Step-1 || txs[i].ExitCode != r.Steps[i].ExitCode {
			r.WayOut = append(r.WayOut, t.Name)
		}
	}
	if len(r.Tried) > 0 && len(r.WayOut) == 0 {
		r.Upgradable = false
	}
}

// senderIsOwner reports whether the upgrade's sender is the address the
// contract's owner getter returns.
func (p *plan) senderIsOwner(w *actor.World) bool {
	o, err := owner(w, p.contract)
	return err == nil && o.Equals(p.sender)
}

// protocolMessage reports whether name is one of the protocol's steps.
func (p *plan) protocolMessage(name string) bool {
	for _, s := range p.proto.Steps {
		if s.Message == name {
			return true
		}
	}
	return false
}

// zeroMessage encodes a message of type t with every field its type's zero.
func zeroMessage(pkg *cell.Package, t *cell.TypeDef) (*tvmcell.Cell, error) {
	fields := make(map[string]any, len(t.Fields))
	for _, f := range t.Fields {
		fields[f.Name] = pkg.ABI.Zero(f.Type)
	}
	return pkg.ABI.Encode(t.Name, fields)
}

// otherCode is code no contract runs (an empty cell): what an upgrade to
// the running code's own code is told apart with.
var otherCode = tvmcell.BeginCell().EndCell()
