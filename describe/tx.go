package describe

import (
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Contracts is what describing needs of a catalog: the contract a code is,
// and every contract, to name the version inside a migration envelope.
type Contracts interface {
	ByCode(code *tvmcell.Cell) (*catalog.Contract, error)
	DecodeAny(data *tvmcell.Cell) *cell.Storage
}

// Party is one side of a transaction or message, as the record knows it.
type Party struct {
	// Addr is nil for the outside world (an external message).
	Addr *address.Address
	// Name is what the world called the account when the transaction ran.
	Name string
	// Contract is the contract whose code the account ran, nil when the
	// catalog does not know it.
	Contract *catalog.Contract
}

// External reports whether the party is the outside world.
func (p Party) External() bool { return p.Addr == nil }

// String is the party's name, else its short address, or "external".
func (p Party) String() string {
	switch {
	case p.Addr == nil:
		return "external"
	case p.Name != "":
		return p.Name
	}
	return Short(p.Addr)
}

// Raw is the party's raw address, "" for the outside world.
func (p Party) Raw() string {
	if p.Addr == nil {
		return ""
	}
	return p.Addr.StringRaw()
}

// Event is an external outbound message: what a contract logs (Tact's
// emit, a Tolk event), named and decoded by the emitter's ABI.
type Event struct {
	Message
	// Cell is the whole outbound message.
	Cell *tvmcell.Cell
}

// Out is an internal message a transaction sent.
type Out struct {
	To      Party
	Value   tlb.Coins
	Bounce  bool
	Message Message
}

// Tx is a transaction described: everything it did, in the terms of the
// contracts involved, computed from the record alone.
type Tx struct {
	Tx       *actor.Transaction
	From, To Party
	// Contract is the contract whose code handled the message (the deployed
	// one for a deployment); nil when the catalog does not know it.
	Contract *catalog.Contract
	Message  Message
	Exit     Exit
	Action   Action
	Fees     Fees
	// Events are the transaction's external outbound messages, in order.
	Events []Event
	// Out are the internal messages it sent (a bounce included).
	Out []Out
	// Debug is what the contract printed with dump() (debug builds only).
	Debug []string

	// CodeChanged is set when the transaction replaced the code; Upgraded
	// names the contract it runs now, when known.
	CodeChanged bool
	Upgraded    *catalog.Contract
	// Before and After are the storage decoded by the package of the code
	// before and after; nil when unknown.
	Before, After *cell.Storage
	// Pending is set when the storage after is a lazy-migration envelope
	// that the new code's init has not migrated yet; Rewrapped when the
	// storage before was one too, different, and the transaction wrapped
	// it again (a second upgrade before any message: no init reads it).
	Pending, Rewrapped bool
	// Initialized is set when the contract's init() ran: the storage went
	// from init arguments (or a migration envelope) to fields.
	Initialized bool
	// Changes lists what changed in the storage: decoded fields when the
	// layouts are known, raw cells otherwise.
	Changes []cell.Change
}

// Describe explains one transaction by the contracts cat knows.
func Describe(cat Contracts, tx *actor.Transaction) *Tx {
	d := &Tx{Tx: tx}
	d.Contract = contractOf(cat, tx.CodeBefore, tx.CodeAfter)
	d.To = Party{Addr: tx.To, Name: tx.NameOf(tx.To), Contract: d.Contract}
	if !tx.External {
		d.From = Party{Addr: tx.From, Name: tx.NameOf(tx.From), Contract: senderContract(cat, tx)}
	}

	switch {
	case tx.External:
		d.Message = Message{Kind: MessageExternal, Raw: tx.Body}
	case tx.Bounced:
		// The message that bounced was the bounce's sender's to receive.
		d.Message = Name(tx.Body, d.From.Contract, d.Contract)
	default:
		d.Message = Name(tx.Body, d.Contract, d.From.Contract)
	}

	after := d.Contract
	d.CodeChanged = tx.CodeBefore != nil && tx.CodeAfter != nil && !sameCell(tx.CodeBefore, tx.CodeAfter)
	if d.CodeChanged {
		d.Upgraded = contractOf(cat, tx.CodeAfter)
		after = d.Upgraded
	}
	d.Exit = TxExit(tx, d.Contract, after)
	d.Action, d.Fees = phases(tx)
	d.Debug = tx.Debug
	d.messages(cat, after)

	if tx.DataBefore != nil && tx.CodeBefore != nil {
		d.Before = decode(d.Contract, tx.DataBefore)
	}
	if tx.DataAfter != nil {
		d.After = decode(after, tx.DataAfter)
		_, err := upgradable.Envelope(tx.DataAfter)
		d.Pending = err == nil
		if d.Pending && tx.DataBefore != nil && !sameCell(tx.DataBefore, tx.DataAfter) {
			_, err := upgradable.Envelope(tx.DataBefore)
			d.Rewrapped = err == nil
		}
	}
	d.Initialized = d.After != nil && d.After.Initialized && (tx.DataBefore == nil || (d.Before != nil && !d.Before.Initialized))
	d.Changes = changes(cat, tx, d)
	return d
}

// messages describes what the transaction sent: events by the emitter's
// ABI, internal messages by the receiver's (the transaction the message
// caused, when it ran) and then the sender's.
func (d *Tx) messages(cat Contracts, after *catalog.Contract) {
	tx := d.Tx
	children := map[tvmcell.Hash]*actor.Transaction{}
	for _, c := range tx.Children {
		children[c.InCell.HashKey()] = c
	}
	for _, m := range tx.Out {
		if m.To == nil {
			d.Events = append(d.Events, Event{Message: EventName(m, d.Contract, after), Cell: m.Cell})
			continue
		}
		to := Party{Addr: m.To, Name: tx.NameOf(m.To)}
		if c, ok := children[m.Cell.HashKey()]; ok {
			to.Contract = contractOf(cat, c.CodeBefore, c.CodeAfter)
		}
		name := Name(m.Body, to.Contract, d.Contract)
		if isBounce(m.Body) {
			name = Name(m.Body, d.Contract, to.Contract)
		}
		d.Out = append(d.Out, Out{To: to, Value: m.Value, Bounce: m.Bounce, Message: name})
	}
}

func isBounce(body *tvmcell.Cell) bool {
	if body == nil || body.BitsSize() < 32 {
		return false
	}
	s, err := body.BeginParseWithoutTrace()
	if err != nil {
		return false
	}
	op, err := s.LoadUInt(32)
	return err == nil && op == bounceOp
}

// senderContract is the contract that sent tx's message: the code its
// parent transaction ran (the code before, which the compute phase ran).
func senderContract(cat Contracts, tx *actor.Transaction) *catalog.Contract {
	if tx.Parent == nil {
		return nil
	}
	return contractOf(cat, tx.Parent.CodeBefore, tx.Parent.CodeAfter)
}

// contractOf is the contract of the first known code.
func contractOf(cat Contracts, codes ...*tvmcell.Cell) *catalog.Contract {
	for _, code := range codes {
		if code == nil {
			continue
		}
		if ct, err := cat.ByCode(code); err == nil {
			return ct
		}
		return nil
	}
	return nil
}

// sameCell reports whether two cells are equal: the same cell (code a
// transaction left alone is), or equal hashes.
func sameCell(a, b *tvmcell.Cell) bool { return a == b || a.HashKey() == b.HashKey() }

func decode(ct *catalog.Contract, data *tvmcell.Cell) *cell.Storage {
	if ct == nil || ct.Package == nil {
		return nil
	}
	st, err := ct.Package.DecodeStorage(data)
	if err != nil {
		return nil
	}
	return st
}

// changes compares the storage before and after.
func changes(cat Contracts, tx *actor.Transaction, d *Tx) []cell.Change {
	if tx.DataBefore == nil || tx.DataAfter == nil || sameCell(tx.DataBefore, tx.DataAfter) {
		return nil
	}
	if d.Pending {
		return nil // an upgrade wrapped the old data: nothing changed yet
	}
	before := d.Before
	if old, err := upgradable.Envelope(tx.DataBefore); err == nil {
		// This transaction ran the migration: compare the old version's
		// fields with the new ones.
		before = cat.DecodeAny(old)
	}
	if before != nil && d.After != nil && before.Initialized && d.After.Initialized {
		return cell.DiffStructs(before.Fields, d.After.Fields)
	}
	if d.Initialized {
		return nil // init turned the arguments into fields: nothing to compare
	}
	return cell.DiffCells(tx.DataBefore, tx.DataAfter)
}

// ValueIn is what the inbound message carried.
func (d *Tx) ValueIn() tlb.Coins { return d.Tx.Value }

// ValueOut is what the internal messages sent carried.
func (d *Tx) ValueOut() tlb.Coins { return d.Tx.ValueOut }

// Balance is the account's balance after the transaction.
func (d *Tx) Balance() tlb.Coins { return d.Tx.BalanceAfter }

// Printer writes values as the transaction's parties were named when it ran.
func (d *Tx) Printer() Printer { return Printer{Names: d.Tx} }

func nano(c *tlb.Coins) *big.Int {
	if c == nil {
		return new(big.Int)
	}
	return c.Nano()
}
