package describe

import (
	"strings"

	"github.com/xssnick/tonutils-go/tlb"

	"github.com/tonsim/tonsim/catalog"
)

// Effects says what the transaction did to its account, one part each: a
// deployment or init with the first fields, a code change, a pending
// migration, each storage field that changed. Values are written by p.
func (d *Tx) Effects(p Printer) []string {
	var parts []string
	if d.Initialized && len(d.After.Fields.Fields) > 0 && len(d.Changes) == 0 {
		what := "initialized "
		if d.Tx.Deployed {
			what = "deployed "
			if d.Contract != nil {
				what += d.Contract.Name + " "
			}
		}
		parts = append(parts, what+p.Value(d.After.Fields))
	} else if d.Tx.Deployed {
		parts = append(parts, "deployed "+ContractName(d.Contract))
	}
	if d.CodeChanged {
		code := "code → " + ContractName(d.Upgraded)
		if d.Contract != nil {
			code = "code " + d.Contract.Name + " → " + ContractName(d.Upgraded)
		}
		parts = append(parts, code)
	}
	switch {
	case d.Rewrapped:
		parts = append(parts, "pending migration wrapped again: no init reads it")
	case d.Pending && d.CodeChanged:
		parts = append(parts, "migration pending")
	}
	for _, c := range d.Changes {
		parts = append(parts, p.Change(c))
	}
	if st := d.Tx.StatusAfter; st != d.Tx.StatusBefore && (st == tlb.AccountStatusFrozen || st == tlb.AccountStatusNonExist) {
		what := "frozen"
		if st == tlb.AccountStatusNonExist {
			what = "deleted"
		}
		if d.Fees.StorageDue != nil {
			what += ": owes " + TON(d.Fees.StorageDue) + " of storage fees"
		}
		parts = append(parts, what)
	}
	return parts
}

// Effect is [Tx.Effects] joined by commas.
func (d *Tx) Effect(p Printer) string { return strings.Join(d.Effects(p), ", ") }

// Notes are the facts worth a line of their own under a transaction: each
// event, skipped actions, an action phase that failed, each line of debug
// output.
func (d *Tx) Notes(p Printer) []string {
	var out []string
	for _, e := range d.Events {
		out = append(out, "event "+e.Text(p))
	}
	if a := d.Action.String(); a != "" && d.Exit.Phase != PhaseAction {
		out = append(out, a)
	}
	if due := d.Fees.StorageDue; due != nil && d.Tx.StatusAfter == d.Tx.StatusBefore {
		out = append(out, "storage fees due: "+TON(due)+" the account could not pay")
	}
	for _, line := range d.Debug {
		out = append(out, "dump: "+line)
	}
	return out
}

// Text writes the event with its fields: "Deposited {amount: 1.5 TON,
// from: alice}", or its name alone when it has no decoded body.
func (e Event) Text(p Printer) string {
	if e.Body != nil {
		return e.Message.String() + " " + p.Value(e.Body)
	}
	if e.Kind == MessageUnknown || e.Malformed {
		return e.Message.String() + " (" + cellText(e.Raw) + ")"
	}
	return e.Message.String()
}

// Text writes the message with its decoded fields when it has some:
// "Step {queryId: 5}".
func (m Message) Text(p Printer) string {
	if m.Body != nil && len(m.Body.Fields) > 0 {
		return m.String() + " " + p.Value(m.Body)
	}
	return m.String()
}

// BouncedBack reports whether the transaction sent its inbound message
// back as a bounce.
func (d *Tx) BouncedBack() bool {
	for _, o := range d.Out {
		if o.Message.Kind == MessageBounce {
			return true
		}
	}
	return false
}

// ContractName names a catalog contract, "unknown code" for nil.
func ContractName(ct *catalog.Contract) string {
	if ct == nil {
		return "unknown code"
	}
	return ct.Name
}

// Status names an account status as tonsim writes it everywhere (a
// scenario's status check, the JSON, the UI): active, uninit, frozen or
// nonexist.
func Status(st tlb.AccountStatus) string {
	if st == tlb.AccountStatusNonExist {
		return "nonexist"
	}
	return strings.ToLower(string(st))
}
