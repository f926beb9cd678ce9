package actor

import (
	"errors"
	"fmt"

	"github.com/xssnick/tonutils-go/address"
)

var (
	// ErrAccountNotFound is returned when no account exists at an address.
	ErrAccountNotFound = errors.New("account not found")

	// ErrNoCode is returned when a getter is asked of an account that holds
	// no code (uninitialised or frozen).
	ErrNoCode = errors.New("account has no code")

	// ErrUnknownWallet is returned when a message is sent from an address
	// that is not one of the world's wallets, or a wallet name is unknown.
	ErrUnknownWallet = errors.New("unknown wallet")

	// ErrNameTaken is returned when a name is already given to another address.
	ErrNameTaken = errors.New("name already taken")

	// ErrBadName is returned for a name that is empty or holds a character
	// a terminal acts on instead of showing (see [CheckName]).
	ErrBadName = errors.New("not a usable name")

	// ErrUnknownName is returned when no account carries a name.
	ErrUnknownName = errors.New("unknown name")

	// ErrTimeBackwards is returned when the clock would move backwards.
	ErrTimeBackwards = errors.New("time cannot move backwards")

	// ErrWorkchain is returned for an address outside workchain 0, the only
	// workchain a world holds.
	ErrWorkchain = errors.New("only workchain 0 is supported")

	// ErrNotAccepted is returned when a contract does not accept an external
	// message: nothing happens on chain, so there is no transaction.
	ErrNotAccepted = errors.New("external message not accepted")

	// ErrTooManyTransactions is returned when one send would run more
	// transactions than the world allows (see [WithMaxTransactions]),
	// typically two contracts bouncing messages between them forever.
	ErrTooManyTransactions = errors.New("too many transactions in one send")

	// ErrNoReplay is returned by [World.Retrace] for a record that does not
	// hold what a rerun takes: one no world ran.
	ErrNoReplay = errors.New("transaction cannot be run again")

	// ErrRerunDiffers is returned by [Rerun.Err] when a traced rerun came
	// out otherwise than the first run.
	ErrRerunDiffers = errors.New("rerun differs from the first run")

	// ErrTooManyMessages is returned when one send would hold more
	// messages waiting for delivery than the world allows (see
	// [WithMaxInFlight]): a contract whose every message sends several.
	ErrTooManyMessages = errors.New("too many messages in flight in one send")

	// ErrMessageTree is returned for a message whose body or state init,
	// written out as a tree, has more than [MaxMessageTree] cells.
	ErrMessageTree = errors.New("message cells shared too often")

	// ErrTransactionTimeout is returned when a transaction takes longer
	// than the world allows (see [WithTransactionTimeout]).
	ErrTransactionTimeout = errors.New("transaction did not finish")

	// ErrLTExhausted is returned when a transaction would take the logical
	// time past [MaxLT].
	ErrLTExhausted = errors.New("logical time exhausted")

	// ErrUnknownCommit is returned when no commit of the world has the
	// name or state root asked for (see [World.Session]).
	ErrUnknownCommit = errors.New("unknown commit")
)

// ExitError is a TVM run that ended with an exit code other than 0 or 1: a
// getter that threw, or a transaction whose compute phase failed.
type ExitError struct {
	// Op says what ran: "get value" or "transaction".
	Op string
	// Account is the contract that ran.
	Account *address.Address
	// Code is the TVM exit code.
	Code int64
	// Meaning explains Code (see [ExitCodeMeaning]); empty when unknown.
	Meaning string
	// GasUsed is the gas the run used before it ended, for a getter.
	GasUsed int64
	// Err is the VM's own error, if it gave one.
	Err error
}

func (e *ExitError) Error() string {
	msg := fmt.Sprintf("%s on %s: exit code %d", e.Op, e.Account.StringRaw(), e.Code)
	if e.Meaning != "" {
		msg += " (" + e.Meaning + ")"
	}
	return msg
}

func (e *ExitError) Unwrap() error { return e.Err }

// LimitError is a send stopped at a bound of the world, and undone: Err is
// [ErrTooManyTransactions] or [ErrTooManyMessages]. It carries the bound,
// and Raise names what raises it (see [Knobs]), so each front end names
// its own knob in the one sentence.
type LimitError struct {
	Err error
	// Ran and Queued are the transactions the send ran and the messages
	// it held when it stopped; Limit is the bound it passed.
	Ran, Queued, Limit int
	Raise              string
}

func (e *LimitError) Error() string {
	if e.Err == ErrTooManyMessages {
		return fmt.Sprintf("%v: %d queued after %d transactions, more than the %d a send may hold (%s)", e.Err, e.Queued, e.Ran, e.Limit, e.Raise)
	}
	messages := "messages"
	if e.Queued == 1 {
		messages = "message"
	}
	return fmt.Sprintf("%v: %d run and %d more %s queued, more than the %d a send may run (%s)", e.Err, e.Ran, e.Queued, messages, e.Limit, e.Raise)
}

func (e *LimitError) Unwrap() error { return e.Err }
