package conformance

import (
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// observe writes a tonsim transaction as a vector records one; Events hold
// the bodies' hashes rather than BOCs (see [eventHashes]).
func observe(tx *actor.Transaction) (Transaction, error) {
	o := Transaction{
		On:          tx.To.StringRaw(),
		ActionCode:  tx.ActionCode,
		Success:     tx.Success,
		Aborted:     tx.Aborted,
		Bounced:     tx.Bounced,
		Deployed:    tx.Deployed,
		GasUsed:     tx.GasUsed,
		OutMessages: len(tx.Out),
		TotalFees:   tx.Fees.Nano().String(),
		DataHash:    hashOf(tx.DataAfter),
		CodeHash:    hashOf(tx.CodeAfter),
		Events:      []string{},
	}
	if tx.From != nil {
		from := tx.From.StringRaw()
		o.From = &from
	}
	if tx.ComputeSkipped != "" {
		o.ComputeSkipped = strings.ToLower(string(tx.ComputeSkipped))
	} else {
		code := tx.ExitCode
		o.ExitCode = &code
	}
	skipped, err := skippedActions(tx)
	if err != nil {
		return o, err
	}
	o.SkippedActions = skipped
	o.EndStatus = strings.ToLower(string(tx.StatusAfter))
	if p, err := tx.Phases(); err == nil {
		collected, due := "0", "0"
		if sp := p.StoragePhase; sp != nil {
			collected = sp.StorageFeesCollected.Nano().String()
			if sp.StorageFeesDue != nil {
				due = sp.StorageFeesDue.Nano().String()
			}
		}
		o.StorageCollected, o.StorageDue = &collected, &due
	}
	for _, out := range tx.Out {
		if out.To != nil {
			continue
		}
		// An external message: an event. The sandbox records a missing
		// body as an empty cell.
		body := out.Body
		if body == nil {
			body = tvmcell.BeginCell().EndCell()
		}
		o.Events = append(o.Events, *hashOf(body))
	}
	return o, nil
}

// skippedActions is the action phase's skipped_actions, 0 when the phase
// did not run.
func skippedActions(tx *actor.Transaction) (int, error) {
	p, err := tx.Phases()
	if err != nil {
		return 0, err
	}
	if p.ActionPhase == nil {
		return 0, nil
	}
	return int(p.ActionPhase.SkippedActions), nil
}

func hashOf(c *tvmcell.Cell) *string {
	if c == nil {
		return nil
	}
	h := hex.EncodeToString(c.Hash())
	return &h
}

// eventHashes turns recorded event BOCs into their cells' hashes, so that
// two serializations of one body compare equal.
func eventHashes(events []string) ([]string, error) {
	out := make([]string, len(events))
	for i, e := range events {
		c, err := cell.ParseBOC(e)
		if err != nil {
			return nil, fmt.Errorf("%w: event %d: %w", ErrMalformed, i, err)
		}
		out[i] = *hashOf(c)
	}
	return out, nil
}

// compare lists every field of want that got does not reproduce, worded
// "field: sandbox X, tonsim Y".
func (r *replayer) compare(want, got Transaction, tx *actor.Transaction) []string {
	var diffs []string
	differ := func(field string, w, g string) {
		if w != g {
			diffs = append(diffs, fmt.Sprintf("%s: sandbox %s, tonsim %s", field, w, g))
		}
	}
	differ("on", want.On, got.On)
	differ("from", r.party(want.From), r.party(got.From))
	differ("compute_skipped", orNone(want.ComputeSkipped), orNone(got.ComputeSkipped))
	if want.ExitCode != nil && got.ExitCode != nil {
		differ("exit_code", r.exitCode(int64(*want.ExitCode), tx.To), r.exitCode(int64(*got.ExitCode), tx.To))
	}
	differ("action_code", r.exitCode(int64(want.ActionCode), tx.To), r.exitCode(int64(got.ActionCode), tx.To))
	differ("success", fmt.Sprint(want.Success), fmt.Sprint(got.Success))
	differ("aborted", fmt.Sprint(want.Aborted), fmt.Sprint(got.Aborted))
	differ("bounced", fmt.Sprint(want.Bounced), fmt.Sprint(got.Bounced))
	differ("deployed", fmt.Sprint(want.Deployed), fmt.Sprint(got.Deployed))
	differ("gas_used", fmt.Sprint(want.GasUsed), fmt.Sprint(got.GasUsed))
	differ("total_fees", want.TotalFees, got.TotalFees)
	differ("skipped_actions", fmt.Sprint(want.SkippedActions), fmt.Sprint(got.SkippedActions))
	differ("out_messages", fmt.Sprint(want.OutMessages), fmt.Sprint(got.OutMessages))
	differ("data_hash", orNull(want.DataHash), orNull(got.DataHash))
	differ("code_hash", r.code(want.CodeHash), r.code(got.CodeHash))
	if want.EndStatus != "" {
		differ("end_status", want.EndStatus, got.EndStatus)
	}
	if want.StorageCollected != nil {
		differ("storage_collected", *want.StorageCollected, orNull(got.StorageCollected))
	}
	if want.StorageDue != nil {
		differ("storage_due", *want.StorageDue, orNull(got.StorageDue))
	}
	events, err := eventHashes(want.Events)
	if err != nil {
		diffs = append(diffs, err.Error())
	} else {
		differ("events (body hashes)", fmt.Sprint(events), fmt.Sprint(got.Events))
	}
	return diffs
}

// contract names the account a transaction ran on: its address and, when
// a package of the options has its code, the package's name.
func (r *replayer) contract(tx *actor.Transaction) string {
	s := tx.To.StringRaw()
	for _, c := range []*tvmcell.Cell{tx.CodeAfter, tx.CodeBefore} {
		if c == nil {
			continue
		}
		if name, ok := r.opts.names[hex.EncodeToString(c.Hash())]; ok {
			return s + " (" + name + ")"
		}
	}
	return s
}

// party names a sender: a wallet by its name, else its address.
func (r *replayer) party(raw *string) string {
	if raw == nil {
		return "external"
	}
	if name, ok := r.walletNames[*raw]; ok {
		return name + " " + *raw
	}
	return *raw
}

// code names a code hash by its package when one of the options has it.
func (r *replayer) code(hash *string) string {
	if hash == nil {
		return "null"
	}
	if name, ok := r.opts.names[*hash]; ok {
		return *hash + " (" + name + ")"
	}
	return *hash
}

// exitCode writes an exit code with its meaning: the ABI's error message
// of the contract at addr, when a package of the options runs there, else
// the TVM's.
func (r *replayer) exitCode(code int64, addr *address.Address) string {
	meaning := actor.ExitCodeMeaning(code)
	if acc, err := r.w.Account(addr); err == nil && acc.Code != nil {
		if pkg, ok := r.opts.pkgs[hex.EncodeToString(acc.Code.Hash())]; ok {
			if m := pkg.ABI.ErrorMessage(int(code)); m != "" {
				meaning = m
			}
		}
	}
	if meaning == "" {
		return fmt.Sprint(code)
	}
	return fmt.Sprintf("%d (%s)", code, meaning)
}

func (r *replayer) listRecorded(txs []Transaction) string {
	parts := make([]string, len(txs))
	for i, tx := range txs {
		parts[i] = fmt.Sprintf("%s from %s", tx.On, r.party(tx.From))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func (r *replayer) listObserved(txs []*actor.Transaction) string {
	parts := make([]string, len(txs))
	for i, tx := range txs {
		var from *string
		if tx.From != nil {
			s := tx.From.StringRaw()
			from = &s
		}
		parts[i] = fmt.Sprintf("%s from %s", r.contract(tx), r.party(from))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func orNone(s string) string {
	if s == "" {
		return "(ran)"
	}
	return s
}
