package describe

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/tlb"
)

// Action is what a transaction's action phase did.
type Action struct {
	// Ran is false when the compute phase failed or was skipped.
	Ran bool
	// Success and Code are the phase's outcome and result code, with
	// Meaning from TVM's table.
	Success bool
	Code    int32
	Meaning string
	// NoFunds says the phase failed for lack of funds.
	NoFunds bool
	// Actions, Skipped and Sent count the actions the contract asked for,
	// those it skipped (a message sent with IgnoreErrors it could not pay,
	// say) and the messages it created.
	Actions, Skipped, Sent int
}

// String says what is worth saying about the action phase, "" when it ran
// every action: "1 action skipped", "action phase failed: 37 (Not enough
// Toncoin), 1 of 2 actions done".
func (a Action) String() string {
	switch {
	case !a.Ran:
		return ""
	case !a.Success:
		s := "action phase failed: " + codeText(int64(a.Code), a.Meaning)
		if a.Actions > 0 {
			s += fmt.Sprintf(", %s asked", plural(a.Actions, "%d action", "%d actions"))
		}
		return s
	case a.Skipped > 0:
		return plural(a.Skipped, "%d action skipped", "%d actions skipped")
	}
	return ""
}

// Fees are what a transaction paid, split by phase, in nanotons.
type Fees struct {
	// Total is the transaction's total fees.
	Total *big.Int
	// Storage is what the storage phase collected; StorageDue what it could
	// not collect and the account owes (nil when it owes nothing).
	Storage, StorageDue *big.Int
	// Gas is the compute phase's gas fee.
	Gas *big.Int
	// Forward is the forward fee of the messages the transaction sent
	// (the action phase's total_fwd_fees); Action the part of it kept as
	// the action phase's fee.
	Forward, Action *big.Int
	// InForward is the forward fee the sender paid for the inbound message.
	InForward *big.Int
}

// String writes "0.0016 TON (gas 0.0015, forward 0.0001, storage 0)".
func (f Fees) String() string {
	var parts []string
	add := func(name string, v *big.Int) {
		if v != nil && v.Sign() != 0 {
			parts = append(parts, name+" "+Nano(v))
		}
	}
	add("gas", f.Gas)
	add("forward", f.Forward)
	add("storage", f.Storage)
	if f.StorageDue != nil && f.StorageDue.Sign() != 0 {
		parts = append(parts, "storage due "+Nano(f.StorageDue))
	}
	s := TON(f.Total)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// phases reads the action phase and the fees off the transaction cell: its
// summary, or every phase parsed when a fee is too wide for one.
func phases(tx *actor.Transaction) (Action, Fees) {
	p, err := tx.Summary()
	if err != nil {
		return parsedPhases(tx)
	}
	f := Fees{
		Total: tx.Fees.Nano(), Storage: nanoU(p.StorageFees), Gas: nanoU(p.GasFees),
		Forward: nanoU(p.ForwardFees), Action: nanoU(p.ActionFees), InForward: tx.InForwardFee().Nano(),
	}
	if p.StorageDue != 0 {
		f.StorageDue = nanoU(p.StorageDue)
	}
	var a Action
	if p.ActionRan {
		a = Action{
			Ran: true, Success: p.Success, Code: p.ResultCode, Meaning: actor.ExitCodeMeaning(int64(p.ResultCode)),
			NoFunds: p.NoFunds, Actions: int(p.TotalActions), Skipped: int(p.SkippedActions), Sent: int(p.MessagesCreated),
		}
	}
	return a, f
}

// parsedPhases is phases by the whole description, parsed.
func parsedPhases(tx *actor.Transaction) (Action, Fees) {
	f := Fees{Total: tx.Fees.Nano(), Storage: new(big.Int), Gas: new(big.Int), Forward: new(big.Int), Action: new(big.Int), InForward: tx.InForwardFee().Nano()}
	var a Action
	p, err := tx.Phases()
	if err != nil {
		return a, f
	}
	if sp := p.StoragePhase; sp != nil {
		f.Storage = sp.StorageFeesCollected.Nano()
		if sp.StorageFeesDue != nil && sp.StorageFeesDue.Nano().Sign() != 0 {
			f.StorageDue = sp.StorageFeesDue.Nano()
		}
	}
	if vm, ok := p.ComputePhase.Phase.(tlb.ComputePhaseVM); ok {
		f.Gas = vm.GasFees.Nano()
	}
	if ap := p.ActionPhase; ap != nil {
		f.Forward, f.Action = nano(ap.TotalFwdFees), nano(ap.TotalActionFees)
		a = Action{
			Ran: true, Success: ap.Success, Code: ap.ResultCode, Meaning: actor.ExitCodeMeaning(int64(ap.ResultCode)),
			NoFunds: ap.NoFunds, Actions: int(ap.TotalActions), Skipped: int(ap.SkippedActions), Sent: int(ap.MessagesCreated),
		}
	}
	return a, f
}

func nanoU(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
