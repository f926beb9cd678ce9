package actortest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
)

// Matcher is one condition on a transaction.
type Matcher struct {
	desc string
	// addr is the account the condition names, written by name when a
	// failure lists it.
	addr  *address.Address
	match func(*actor.Transaction) bool
}

func (m Matcher) String() string { return m.text(describe.Printer{Full: true}) }

// text says what the matcher checks, its account by name.
func (m Matcher) text(p describe.Printer) string {
	if m.addr != nil {
		return m.desc + " " + p.Address(m.addr)
	}
	return m.desc
}

// From matches transactions whose inbound message came from addr.
func From(addr *address.Address) Matcher {
	return Matcher{desc: "from", addr: addr, match: func(tx *actor.Transaction) bool {
		return tx.From != nil && tx.From.Equals(addr)
	}}
}

// To matches transactions that ran on addr.
func To(addr *address.Address) Matcher {
	return Matcher{desc: "to", addr: addr, match: func(tx *actor.Transaction) bool {
		return tx.To != nil && tx.To.Equals(addr)
	}}
}

// External matches transactions started by an external message.
func External() Matcher {
	return Matcher{desc: "external", match: func(tx *actor.Transaction) bool { return tx.External }}
}

// Op matches transactions whose inbound body starts with opcode op.
func Op(op uint32) Matcher {
	return Matcher{desc: fmt.Sprintf("op 0x%08x", op), match: func(tx *actor.Transaction) bool {
		return tx.HasOpcode && tx.Opcode == op
	}}
}

// EmptyBody matches transactions whose inbound message has no body.
func EmptyBody() Matcher {
	return Matcher{desc: "empty body", match: func(tx *actor.Transaction) bool {
		return tx.Body.BitsSize() == 0 && tx.Body.RefsNum() == 0
	}}
}

// ExitCode matches the compute phase's exit code.
func ExitCode(code int32) Matcher {
	return Matcher{desc: fmt.Sprintf("exit code %d", code), match: func(tx *actor.Transaction) bool {
		return tx.ComputeSkipped == "" && tx.ExitCode == code
	}}
}

// ActionCode matches the action phase's result code.
func ActionCode(code int32) Matcher {
	return Matcher{desc: fmt.Sprintf("action code %d", code), match: func(tx *actor.Transaction) bool {
		return tx.ActionCode == code
	}}
}

// Success matches transactions whose compute and action phases succeeded.
func Success() Matcher {
	return Matcher{desc: "success", match: func(tx *actor.Transaction) bool { return tx.Success }}
}

// Failed matches transactions that did not succeed.
func Failed() Matcher {
	return Matcher{desc: "failed", match: func(tx *actor.Transaction) bool { return !tx.Success }}
}

// Aborted matches transactions with the aborted flag.
func Aborted() Matcher {
	return Matcher{desc: "aborted", match: func(tx *actor.Transaction) bool { return tx.Aborted }}
}

// Deployed matches transactions that made their account active.
func Deployed() Matcher {
	return Matcher{desc: "deployed", match: func(tx *actor.Transaction) bool { return tx.Deployed }}
}

// Bounced matches transactions whose inbound message is a bounce.
func Bounced() Matcher {
	return Matcher{desc: "bounced", match: func(tx *actor.Transaction) bool { return tx.Bounced }}
}

// Where matches by any condition; desc says what it checks.
func Where(desc string, match func(*actor.Transaction) bool) Matcher {
	return Matcher{desc: desc, match: match}
}

// ErrNoMatch is returned by [FindTransaction] when no transaction matches.
var ErrNoMatch = errors.New("no transaction matches")

// FindTransaction returns the first transaction matching every matcher.
func FindTransaction(txs []*actor.Transaction, ms ...Matcher) (*actor.Transaction, error) {
	for _, tx := range txs {
		if matchesAll(tx, ms) {
			return tx, nil
		}
	}
	return nil, fmt.Errorf("%w %s among:\n%s", ErrNoMatch, conditions(txs, ms), Table(txs))
}

// FilterTransactions returns every transaction matching every matcher.
func FilterTransactions(txs []*actor.Transaction, ms ...Matcher) []*actor.Transaction {
	var out []*actor.Transaction
	for _, tx := range txs {
		if matchesAll(tx, ms) {
			out = append(out, tx)
		}
	}
	return out
}

// RequireTransaction fails the test now unless a transaction matches every
// matcher, and returns the first that does.
func RequireTransaction(t testing.TB, txs []*actor.Transaction, ms ...Matcher) *actor.Transaction {
	t.Helper()
	tx, err := FindTransaction(txs, ms...)
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

// RequireNoTransaction fails the test now if any transaction matches every
// matcher.
func RequireNoTransaction(t testing.TB, txs []*actor.Transaction, ms ...Matcher) {
	t.Helper()
	if found := FilterTransactions(txs, ms...); len(found) > 0 {
		t.Fatalf("want no transaction %s, found:\n%s", conditions(txs, ms), Table(found))
	}
}

func matchesAll(tx *actor.Transaction, ms []Matcher) bool {
	for _, m := range ms {
		if !m.match(tx) {
			return false
		}
	}
	return true
}

// conditions writes the matchers, with the names the last of txs knew.
func conditions(txs []*actor.Transaction, ms []Matcher) string {
	p := describe.Printer{Full: true}
	if len(txs) > 0 {
		p.Names = txs[len(txs)-1]
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.text(p)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Table writes transactions one per line, as they read when they ran:
// lt, sender → receiver by name, message, exit, flags.
func Table(txs []*actor.Transaction) string {
	return TableWith(catalog.New(), txs)
}

// TableWith is [Table] with the messages named and the exit codes
// explained by the contracts cat knows.
func TableWith(cat describe.Contracts, txs []*actor.Transaction) string {
	if len(txs) == 0 {
		return "  (no transactions)\n"
	}
	var b strings.Builder
	for _, tx := range txs {
		d := describe.Describe(cat, tx)
		fmt.Fprintf(&b, "  lt %d  %s → %s  %s  %s", tx.LT, d.From, d.To, d.Message, d.Exit)
		for _, flag := range []struct {
			on   bool
			name string
		}{{tx.Success, "success"}, {tx.Aborted, "aborted"}, {tx.Deployed, "deployed"}, {tx.Bounced, "bounced"}} {
			if flag.on {
				b.WriteString("  " + flag.name)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
