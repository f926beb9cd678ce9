package describe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/tlb"
)

// Phase says which phase an [Exit] is about.
type Phase int

const (
	// PhaseCompute: the compute phase ran and Code is its exit code.
	PhaseCompute Phase = iota
	// PhaseAction: the compute phase succeeded and the action phase failed
	// with result code Code.
	PhaseAction
	// PhaseSkipped: the compute phase did not run (see Exit.Skipped).
	PhaseSkipped
)

// Exit is how a transaction or a getter ended: an exit code with its
// meaning, an action phase's result code, or a skipped compute phase.
type Exit struct {
	Phase Phase
	Code  int64
	// Meaning explains Code: the contract's own errors first (Tact's 130
	// Invalid incoming message, 132 Access denied, require() messages),
	// then TVM's table; "" for a code neither knows.
	Meaning string
	// Skipped is why the compute phase did not run.
	Skipped tlb.ComputeSkipReasonType
}

// OK reports whether the exit is a success (0 or 1 of a compute phase that
// ran, with no action failure).
func (e Exit) OK() bool {
	return e.Phase == PhaseCompute && (e.Code == actor.ExitSuccess || e.Code == actor.ExitAltSuccess)
}

// String writes "0 (Success)", "132 (Access denied)", "777", "action 37
// (Not enough Toncoin)", "skipped (no state)".
func (e Exit) String() string {
	switch e.Phase {
	case PhaseSkipped:
		return "skipped (" + strings.ToLower(strings.ReplaceAll(string(e.Skipped), "_", " ")) + ")"
	case PhaseAction:
		return "action " + codeText(e.Code, e.Meaning)
	}
	return codeText(e.Code, e.Meaning)
}

// Brief writes the exit code alone: "exit 9", "skipped".
func (e Exit) Brief() string {
	if e.Phase == PhaseSkipped {
		return "skipped"
	}
	return fmt.Sprintf("exit %d", e.Code)
}

// Short writes the exit as a getter's or preflight's result reads:
// "exit 9 (Cell underflow)".
func (e Exit) Short() string {
	if e.Phase == PhaseSkipped {
		return e.String()
	}
	return "exit " + e.String()
}

func codeText(code int64, meaning string) string {
	if meaning == "" {
		return strconv.FormatInt(code, 10)
	}
	return strconv.FormatInt(code, 10) + " (" + meaning + ")"
}

// Explain says what the exit means in a sentence, for a detail view: the
// skip reason spelled out, or the code and its meaning.
func (e Exit) Explain() string {
	if e.Phase == PhaseSkipped {
		return "compute phase skipped: " + SkipReason(e.Skipped)
	}
	return e.String()
}

// SkipReason writes why a compute phase was skipped, in words.
func SkipReason(r tlb.ComputeSkipReasonType) string {
	switch r {
	case tlb.ComputeSkipReasonNoState:
		return "no state: the account has no code and the message brought none"
	case tlb.ComputeSkipReasonBadState:
		return "bad state: the message's StateInit does not match the address"
	case tlb.ComputeSkipReasonNoGas:
		return "no gas: the message's value cannot buy any"
	case tlb.ComputeSkipReasonSuspended:
		return "suspended"
	}
	return strings.ToLower(string(r))
}

// Meaning explains an exit code: see [actor.ExitMeaning].
func Meaning(code int64, abis ...*cell.ABI) string { return actor.ExitMeaning(code, abis...) }

// TxExit is how tx ended; ran is the contract whose code ran, for the
// meaning of its own exit codes (nil when unknown).
func TxExit(tx *actor.Transaction, ran ...*catalog.Contract) Exit {
	switch {
	case tx.ComputeSkipped != "":
		return Exit{Phase: PhaseSkipped, Skipped: tx.ComputeSkipped}
	case tx.ExitCode != actor.ExitSuccess && tx.ExitCode != actor.ExitAltSuccess:
		code := int64(tx.ExitCode)
		abis := make([]*cell.ABI, len(ran))
		for i, ct := range ran {
			abis[i] = abiOf(ct)
		}
		return Exit{Code: code, Meaning: Meaning(code, abis...)}
	case tx.ActionCode != 0:
		code := int64(tx.ActionCode)
		return Exit{Phase: PhaseAction, Code: code, Meaning: actor.ExitCodeMeaning(code)}
	}
	code := int64(tx.ExitCode)
	return Exit{Code: code, Meaning: actor.ExitCodeMeaning(code)}
}

// ErrExit is the exit of a failed getter or transaction error, with the
// meaning by ct's errors; ok is false for an error that is no TVM exit.
func ErrExit(err error, ct *catalog.Contract) (Exit, bool) {
	var exit *actor.ExitError
	if !errors.As(err, &exit) {
		return Exit{}, false
	}
	return Exit{Code: exit.Code, Meaning: Meaning(exit.Code, abiOf(ct))}, true
}

// Err writes an error short: a TVM exit as "exit 9 (Cell underflow)",
// anything else as its message.
func Err(err error, ct *catalog.Contract) string {
	if e, ok := ErrExit(err, ct); ok {
		return e.Short()
	}
	return err.Error()
}
