package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tonsim/tonsim/actor"
)

// ConfigSandbox041 names the blockchain config @ton/sandbox 0.41 runs with
// by default: tonsim's config profile [actor.ProfileSandbox041].
const ConfigSandbox041 = actor.ProfileSandbox041

// Vector is one recorded message sequence.
type Vector struct {
	// What says which contracts, which sequence, and what it shows.
	What string `json:"what"`
	// RecordedWith names the sandbox and @ton/core versions.
	RecordedWith string `json:"recorded_with"`
	// Config names the blockchain config, a tonsim config profile; the
	// vectors here were all recorded with [ConfigSandbox041].
	Config string `json:"config"`
	// Now is the unix time of the first step.
	Now uint32 `json:"now"`
	// Wallets maps each sender's name to its raw address.
	Wallets map[string]string `json:"wallets"`
	Steps   []Step            `json:"steps"`
}

// Step is one send, getter or wait; exactly one of Send, Get and Wait is set.
type Step struct {
	Note string `json:"note,omitempty"`

	Send *Send `json:"send,omitempty"`
	// Transactions are those the send caused on every account but the
	// wallets, in the order the sandbox ran them.
	Transactions []Transaction `json:"transactions,omitempty"`

	Get *Get `json:"get,omitempty"`
	// ExitCode, GasUsed and Result are a getter's.
	ExitCode *int64  `json:"exit_code,omitempty"`
	GasUsed  *int64  `json:"gas_used,omitempty"`
	Result   []Value `json:"result,omitempty"`
	// NoCode says the getter could not run: the account has no code
	// (uninit or frozen).
	NoCode bool `json:"no_code,omitempty"`

	// Wait moves the clock forward by that many seconds.
	Wait *uint32 `json:"wait,omitempty"`

	// Account is an account's status and balance at that point.
	Account *Account `json:"account,omitempty"`
}

// Account is an account as the sandbox holds it between steps.
type Account struct {
	On string `json:"on"`
	// Status is active, uninit, frozen or nonexist.
	Status string `json:"status"`
	// Balance is in nanotons, as a decimal string.
	Balance string `json:"balance"`
}

// Send is an internal message one of the vector's wallets sends.
type Send struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Value is in nanotons, as a decimal string.
	Value  string `json:"value"`
	Bounce bool   `json:"bounce"`
	// Body is a hex BOC, empty for an empty body; StateInit the hex BOC of
	// a StateInit cell, for a deploy.
	Body      string `json:"body,omitempty"`
	StateInit string `json:"state_init,omitempty"`
}

// Get is a getter call.
type Get struct {
	On     string  `json:"on"`
	Method string  `json:"method"`
	Args   []Value `json:"args,omitempty"`
}

// Transaction is what one transaction did, as the sandbox reported it.
type Transaction struct {
	On string `json:"on"`
	// From is the sender; nil for an external message.
	From *string `json:"from"`
	// ExitCode is the compute phase's; ComputeSkipped ("no_state",
	// "bad_state", "no_gas") replaces it when the phase did not run.
	ExitCode       *int32 `json:"exit_code,omitempty"`
	ComputeSkipped string `json:"compute_skipped,omitempty"`
	// ActionCode is the action phase's result code, 0 when it did not run.
	ActionCode     int32 `json:"action_code"`
	Success        bool  `json:"success"`
	Aborted        bool  `json:"aborted"`
	Bounced        bool  `json:"bounced"`
	Deployed       bool  `json:"deployed"`
	GasUsed        int64 `json:"gas_used"`
	SkippedActions int   `json:"skipped_actions"`
	OutMessages    int   `json:"out_messages"`
	// TotalFees is in nanotons, as a decimal string.
	TotalFees string `json:"total_fees"`
	// DataHash and CodeHash are the account's after the transaction, hex;
	// nil when it holds no state.
	DataHash *string `json:"data_hash"`
	CodeHash *string `json:"code_hash"`
	// Events are the bodies of the external messages it sent, hex BOCs.
	Events []string `json:"events"`
	// EndStatus is the account's status after (active, uninit, frozen,
	// nonexist); StorageCollected and StorageDue are what the storage phase
	// collected and what the account owes after, nanotons. Vectors recorded
	// before these were added lack them; they are compared when present.
	EndStatus        string  `json:"end_status,omitempty"`
	StorageCollected *string `json:"storage_collected,omitempty"`
	StorageDue       *string `json:"storage_due,omitempty"`
}

// Value is a TVM stack value: Type "int" (Value holds it in decimal),
// "null", "nan", "cell", "slice" or "builder" (BOC holds it, hex; a slice
// as the cell of its remaining bits and refs) or "tuple" (Items).
type Value struct {
	Type  string  `json:"type"`
	Value string  `json:"value,omitempty"`
	BOC   string  `json:"boc,omitempty"`
	Items []Value `json:"items,omitempty"`
}

// transactionKeys are the keys every recorded transaction must have.
var transactionKeys = []string{
	"on", "from", "action_code", "success", "aborted", "bounced", "deployed",
	"gas_used", "total_fees", "skipped_actions", "out_messages", "data_hash", "code_hash", "events",
}

// Load reads and checks the vector at path.
func Load(path string) (*Vector, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load vector: %w", err)
	}
	v, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load vector %s: %w", path, err)
	}
	return v, nil
}

// Parse reads a vector and checks that it follows the format: known keys
// only, every field of every transaction present, one action per step,
// senders among the wallets.
func Parse(data []byte) (*Vector, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var v Vector
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	var raw struct {
		Steps []struct {
			Transactions []map[string]json.RawMessage `json:"transactions"`
		} `json:"steps"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	for i, s := range v.Steps {
		if err := s.check(v.Wallets, raw.Steps[i].Transactions); err != nil {
			return nil, fmt.Errorf("%w: step %d: %w", ErrMalformed, i, err)
		}
	}
	return &v, nil
}

func (s *Step) check(wallets map[string]string, txs []map[string]json.RawMessage) error {
	actions := 0
	for _, set := range []bool{s.Send != nil, s.Get != nil, s.Wait != nil, s.Account != nil} {
		if set {
			actions++
		}
	}
	if actions != 1 {
		return errors.New("a step needs exactly one of send, get, wait and account")
	}
	switch {
	case s.Send != nil:
		if _, ok := wallets[s.Send.From]; !ok {
			return fmt.Errorf("sender %q is not a wallet of the vector", s.Send.From)
		}
		if s.ExitCode != nil || s.GasUsed != nil || s.Result != nil {
			return errors.New("a send records transactions, not a getter's exit code, gas or result")
		}
		for j, tx := range txs {
			var missing []string
			for _, k := range transactionKeys {
				if _, ok := tx[k]; !ok {
					missing = append(missing, k)
				}
			}
			_, exit := tx["exit_code"]
			_, skipped := tx["compute_skipped"]
			if exit == skipped {
				missing = append(missing, "exactly one of exit_code and compute_skipped")
			}
			if len(missing) > 0 {
				return fmt.Errorf("transaction %d lacks %s", j, strings.Join(missing, ", "))
			}
		}
	case s.Get != nil:
		if (s.ExitCode == nil || s.GasUsed == nil) != s.NoCode {
			return errors.New("a get records its exit_code and gas_used, or no_code")
		}
		if s.Transactions != nil {
			return errors.New("a get records no transactions")
		}
	case s.Account != nil:
		if s.Transactions != nil || s.ExitCode != nil || s.GasUsed != nil || s.Result != nil {
			return errors.New("an account step records the account alone")
		}
	default:
		if s.Transactions != nil || s.ExitCode != nil || s.GasUsed != nil || s.Result != nil {
			return errors.New("a wait records nothing")
		}
	}
	return nil
}
