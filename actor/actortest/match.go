package actortest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
)

// Matcher is one condition on a transaction.
type Matcher struct {
	desc  string
	match func(*actor.Transaction) bool
}

func (m Matcher) String() string { return m.desc }

// From matches transactions whose inbound message came from addr.
func From(addr *address.Address) Matcher {
	return Matcher{"from " + addr.StringRaw(), func(tx *actor.Transaction) bool {
		return tx.From != nil && tx.From.Equals(addr)
	}}
}

// To matches transactions that ran on addr.
func To(addr *address.Address) Matcher {
	return Matcher{"to " + addr.StringRaw(), func(tx *actor.Transaction) bool {
		return tx.To != nil && tx.To.Equals(addr)
	}}
}

// External matches transactions started by an external message.
func External() Matcher {
	return Matcher{"external", func(tx *actor.Transaction) bool { return tx.External }}
}

// Op matches transactions whose inbound body starts with opcode op.
func Op(op uint32) Matcher {
	return Matcher{fmt.Sprintf("op 0x%08x", op), func(tx *actor.Transaction) bool {
		return tx.HasOpcode && tx.Opcode == op
	}}
}

// EmptyBody matches transactions whose inbound message has no body.
func EmptyBody() Matcher {
	return Matcher{"empty body", func(tx *actor.Transaction) bool {
		return tx.Body.BitsSize() == 0 && tx.Body.RefsNum() == 0
	}}
}

// ExitCode matches the compute phase's exit code.
func ExitCode(code int32) Matcher {
	return Matcher{fmt.Sprintf("exit code %d", code), func(tx *actor.Transaction) bool {
		return tx.ComputeSkipped == "" && tx.ExitCode == code
	}}
}

// ActionCode matches the action phase's result code.
func ActionCode(code int32) Matcher {
	return Matcher{fmt.Sprintf("action code %d", code), func(tx *actor.Transaction) bool {
		return tx.ActionCode == code
	}}
}

// Success matches transactions whose compute and action phases succeeded.
func Success() Matcher {
	return Matcher{"success", func(tx *actor.Transaction) bool { return tx.Success }}
}

// Failed matches transactions that did not succeed.
func Failed() Matcher {
	return Matcher{"failed", func(tx *actor.Transaction) bool { return !tx.Success }}
}

// Aborted matches transactions with the aborted flag.
func Aborted() Matcher {
	return Matcher{"aborted", func(tx *actor.Transaction) bool { return tx.Aborted }}
}

// Deployed matches transactions that made their account active.
func Deployed() Matcher {
	return Matcher{"deployed", func(tx *actor.Transaction) bool { return tx.Deployed }}
}

// Bounced matches transactions whose inbound message is a bounce.
func Bounced() Matcher {
	return Matcher{"bounced", func(tx *actor.Transaction) bool { return tx.Bounced }}
}

// Where matches by any condition; desc says what it checks.
func Where(desc string, match func(*actor.Transaction) bool) Matcher {
	return Matcher{desc, match}
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
	return nil, fmt.Errorf("%w %s among:\n%s", ErrNoMatch, describe(ms), Table(txs))
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
		t.Fatalf("want no transaction %s, found:\n%s", describe(ms), Table(found))
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

func describe(ms []Matcher) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.desc
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Table formats transactions one per line: lt, from → to, opcode, exit
// code, flags.
func Table(txs []*actor.Transaction) string {
	if len(txs) == 0 {
		return "  (no transactions)\n"
	}
	var b strings.Builder
	for _, tx := range txs {
		from := "external"
		if tx.From != nil {
			from = tx.From.StringRaw()
		}
		op := "-"
		if tx.HasOpcode {
			op = fmt.Sprintf("0x%08x", tx.Opcode)
		}
		exit := fmt.Sprintf("exit %d", tx.ExitCode)
		if tx.ComputeSkipped != "" {
			exit = "compute skipped: " + string(tx.ComputeSkipped)
		}
		fmt.Fprintf(&b, "  lt %d  %s → %s  op %s  %s  action %d", tx.LT, from, tx.To.StringRaw(), op, exit, tx.ActionCode)
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
