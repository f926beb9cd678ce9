package actortest

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// Matcher is one condition on a transaction, as @ton/test-utils'
// toHaveTransaction takes them: from, to, op, success, deployed, bounced,
// value, fees, events...
type Matcher struct {
	desc string
	// addr is the account the condition names, written by name when a
	// failure lists it.
	addr  *address.Address
	match func(*describe.Tx) bool
	// got says what a transaction holds instead, for the closest candidate
	// of a failure: "exit 9 (Cell underflow)".
	got func(*describe.Tx, describe.Printer) string
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
	return Matcher{desc: "from", addr: addr,
		match: func(d *describe.Tx) bool { return d.Tx.From != nil && d.Tx.From.Equals(addr) },
		got:   func(d *describe.Tx, _ describe.Printer) string { return "from " + d.From.String() }}
}

// To matches transactions that ran on addr.
func To(addr *address.Address) Matcher {
	return Matcher{desc: "to", addr: addr,
		match: func(d *describe.Tx) bool { return d.Tx.To != nil && d.Tx.To.Equals(addr) },
		got:   func(d *describe.Tx, _ describe.Printer) string { return "to " + d.To.String() }}
}

// External matches transactions started by an external message.
func External() Matcher {
	return Matcher{desc: "external",
		match: func(d *describe.Tx) bool { return d.Tx.External },
		got:   func(d *describe.Tx, _ describe.Printer) string { return "internal, from " + d.From.String() }}
}

// Op matches transactions whose inbound body starts with opcode op.
func Op(op uint32) Matcher {
	return Matcher{desc: "op " + describe.OpText(op),
		match: func(d *describe.Tx) bool { return d.Tx.HasOpcode && d.Tx.Opcode == op },
		got:   gotMessage}
}

// Message matches transactions whose inbound message is of type typ by
// the receiver's ABI ("Deposit"), as the transaction is described.
func Message(typ string) Matcher {
	return Matcher{desc: typ,
		match: func(d *describe.Tx) bool {
			return d.Message.Type == typ && d.Message.Kind == describe.MessageTyped && !d.Message.Malformed
		},
		got: gotMessage}
}

func gotMessage(d *describe.Tx, _ describe.Printer) string {
	if d.Tx.HasOpcode && d.Message.Kind != describe.MessageBounce {
		return d.Message.String() + " (" + describe.OpText(d.Tx.Opcode) + ")"
	}
	return d.Message.String()
}

// EmptyBody matches transactions whose inbound message has no body.
func EmptyBody() Matcher {
	return Matcher{desc: "empty body",
		match: func(d *describe.Tx) bool { return d.Tx.Body.BitsSize() == 0 && d.Tx.Body.RefsNum() == 0 },
		got:   gotMessage}
}

// ExitCode matches the compute phase's exit code.
func ExitCode(code int32) Matcher {
	return Matcher{desc: fmt.Sprintf("exit code %d", code),
		match: func(d *describe.Tx) bool { return d.Tx.ComputeSkipped == "" && d.Tx.ExitCode == code },
		got:   gotExit}
}

func gotExit(d *describe.Tx, _ describe.Printer) string { return "exit " + d.Exit.String() }

// ActionCode matches the action phase's result code.
func ActionCode(code int32) Matcher {
	return Matcher{desc: fmt.Sprintf("action code %d", code),
		match: func(d *describe.Tx) bool { return d.Tx.ActionCode == code },
		got:   func(d *describe.Tx, _ describe.Printer) string { return fmt.Sprintf("action code %d", d.Tx.ActionCode) }}
}

// Success matches transactions whose compute and action phases succeeded.
func Success() Matcher {
	return Matcher{desc: "success", match: func(d *describe.Tx) bool { return d.Tx.Success }, got: gotExit}
}

// Failed matches transactions that did not succeed.
func Failed() Matcher {
	return Matcher{desc: "failed", match: func(d *describe.Tx) bool { return !d.Tx.Success }, got: gotExit}
}

// flag makes a matcher of a transaction's flag.
func flag(name string, on func(*actor.Transaction) bool) Matcher {
	return Matcher{desc: name,
		match: func(d *describe.Tx) bool { return on(d.Tx) },
		got:   func(*describe.Tx, describe.Printer) string { return "not " + name }}
}

// Aborted matches transactions with the aborted flag.
func Aborted() Matcher {
	return flag("aborted", func(tx *actor.Transaction) bool { return tx.Aborted })
}

// Deployed matches transactions that made their account active.
func Deployed() Matcher {
	return flag("deployed", func(tx *actor.Transaction) bool { return tx.Deployed })
}

// Bounced matches transactions whose inbound message is a bounce.
func Bounced() Matcher {
	return flag("bounced", func(tx *actor.Transaction) bool { return tx.Bounced })
}

// Value matches transactions whose inbound message carried exactly v.
func Value(v tlb.Coins) Matcher { return ValueBetween(v, v) }

// ValueBetween matches transactions whose inbound message carried from
// min to max, both included.
func ValueBetween(min, max tlb.Coins) Matcher {
	return amount("value", min, max, func(d *describe.Tx) *big.Int { return d.ValueIn().Nano() })
}

// FeesAtMost matches transactions whose total fees are at most max.
func FeesAtMost(max tlb.Coins) Matcher { return FeesBetween(tlb.ZeroCoins, max) }

// FeesBetween matches transactions whose total fees are from min to max,
// both included.
func FeesBetween(min, max tlb.Coins) Matcher {
	return amount("fees", min, max, func(d *describe.Tx) *big.Int { return d.Fees.Total })
}

func amount(name string, min, max tlb.Coins, of func(*describe.Tx) *big.Int) Matcher {
	lo, hi := min.Nano(), max.Nano()
	desc := name + " " + describe.TON(lo)
	switch {
	case lo.Sign() == 0 && hi.Cmp(lo) != 0:
		desc = name + " at most " + describe.TON(hi)
	case hi.Cmp(lo) != 0:
		desc = name + " " + describe.Nano(lo) + "–" + describe.TON(hi)
	}
	return Matcher{desc: desc,
		match: func(d *describe.Tx) bool {
			v := of(d)
			return v != nil && v.Cmp(lo) >= 0 && v.Cmp(hi) <= 0
		},
		got: func(d *describe.Tx, _ describe.Printer) string { return name + " " + describe.TON(of(d)) }}
}

// Event matches transactions that emitted an event of type typ whose
// fields hold fields (each in any form [contract.Matches] takes; nil for
// any fields).
func Event(typ string, fields Fields) Matcher {
	desc := "event " + typ
	if len(fields) > 0 {
		desc += " " + cellText(fields)
	}
	return Matcher{desc: desc,
		match: func(d *describe.Tx) bool {
			for _, e := range d.Events {
				if e.Type == typ && e.Body != nil && contract.Matches(e.Body, map[string]any(fields)) {
					return true
				}
			}
			return false
		},
		got: func(d *describe.Tx, p describe.Printer) string {
			if len(d.Events) == 0 {
				return "no events"
			}
			parts := make([]string, len(d.Events))
			for i, e := range d.Events {
				parts[i] = e.Text(p)
			}
			return "events " + strings.Join(parts, "; ")
		}}
}

// Where matches by any condition on the record; desc says what it checks.
func Where(desc string, match func(*actor.Transaction) bool) Matcher {
	return Matcher{desc: desc,
		match: func(d *describe.Tx) bool { return match(d.Tx) },
		got:   func(*describe.Tx, describe.Printer) string { return "not " + desc }}
}

// Fields are wanted values by field name: of a storage, of an event.
type Fields map[string]any
