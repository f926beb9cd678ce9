package describe

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Op is a world operation described ([actor.World.Reinstall],
// [actor.World.Migrate]): the account, the contracts it ran before and
// after, the storage it lost and the storage it got, decoded by their
// packages, and a migration's temporary account and transactions. Like
// [Tx], it is computed from the record alone.
type Op struct {
	Op *actor.Operation
	// Account is the account kept, named as when the operation was done;
	// its Contract is the one it runs after.
	Account Party
	// Before is the contract the account ran before (nil when unknown or
	// when it had no code), After the one it runs now.
	Before, After *catalog.Contract
	// Lost is the storage the operation discarded, decoded by Before's
	// package; Storage the storage after, by After's. Either is nil when
	// no package reads it.
	Lost, Storage *cell.Storage
	// LostPending is, when the data discarded is a lazy-migration envelope
	// no message had migrated yet, the storage inside it, decoded by the
	// package whose layout reads it: the state the account really lost.
	LostPending *cell.Storage
	// Temporary is where a migration ran the new code; Transactions are
	// its transactions, described.
	Temporary    Party
	Transactions []*Tx
}

// DescribeOp describes a world operation by the contracts cat knows.
func DescribeOp(cat Contracts, op *actor.Operation) *Op {
	d := &Op{Op: op}
	d.Before = contractOf(cat, op.CodeBefore)
	d.After = contractOf(cat, op.CodeAfter)
	d.Account = Party{Addr: op.Account, Name: op.NameOf(op.Account), Contract: d.After}
	if op.CodeBefore != nil && op.DataBefore != nil {
		d.Lost = decode(d.Before, op.DataBefore)
		d.LostPending = LostPending(cat, op.DataBefore)
	}
	d.Storage = decode(d.After, op.DataAfter)
	if op.Temporary != nil {
		d.Temporary = Party{Addr: op.Temporary, Name: op.NameOf(op.Temporary), Contract: d.After}
	}
	for _, tx := range op.Transactions {
		d.Transactions = append(d.Transactions, Describe(cat, tx))
	}
	return d
}

// Printer writes values as the operation's accounts were named.
func (d *Op) Printer() Printer { return Printer{Names: d.Op} }

// Title says what happened in a few words: "counter reinstalled with
// counter.v1", "counter migrated to double".
func (d *Op) Title() string {
	switch d.Op.Kind {
	case actor.OpReinstall:
		return d.Account.String() + " reinstalled with " + ContractName(d.After)
	case actor.OpMigrate:
		return d.Account.String() + " migrated to " + ContractName(d.After)
	}
	return d.Account.String() + " " + d.Op.Kind.String()
}

// Lines say what the operation did, one fact a line: what was kept, what
// was lost (decoded by the old package), what the account holds now, and
// for a migration where the new code ran and what became of it.
func (d *Op) Lines(p Printer) []string {
	op := d.Op
	var out []string
	switch op.Kind {
	case actor.OpReinstall:
		out = append(out, fmt.Sprintf("a world operation, no transaction: the address and the balance (%s) are kept, the state is discarded", TON(op.BalanceAfter.Nano())))
		out = append(out, "lost: "+d.lost(p))
	case actor.OpMigrate:
		out = append(out, fmt.Sprintf("%s ran beside the old code at %s (%s) for %s, then moved under %s's address; the temporary account is gone",
			ContractName(d.After), Short(op.Temporary), d.Temporary.String(), plural(len(op.Transactions), "%d transaction", "%d transactions"), d.Account.String()))
		out = append(out, fmt.Sprintf("balance: %s (old) + %s (new) = %s", TON(op.BalanceBefore.Nano()), TON(op.TemporaryBalance.Nano()), TON(op.BalanceAfter.Nano())))
		out = append(out, "replaced: "+d.lost(p))
	}
	now := d.state(p, d.After, d.Storage, op.CodeAfter, op.DataAfter)
	if d.Storage != nil && !d.Storage.Initialized {
		now = "init arguments " + now + "; init() runs on the next message"
	}
	return append(out, "now: "+now)
}

// LostPending decodes the storage inside data when data is a
// lazy-migration envelope no message has migrated yet, by the first
// package whose layout reads it; nil otherwise. A reinstall or a migration
// of such an account discards that storage, not the envelope.
func LostPending(cat Contracts, data *tvmcell.Cell) *cell.Storage {
	old, err := upgradable.Envelope(data)
	if err != nil {
		return nil
	}
	return cat.DecodeAny(old)
}

// lost writes the storage the operation discarded: inside a pending
// migration's envelope when it was one.
func (d *Op) lost(p Printer) string {
	if d.LostPending != nil {
		return ContractName(d.Before) + "'s pending migration, the envelope holding " + d.LostPending.Fields.Type + " " + p.Value(d.LostPending.Fields)
	}
	return d.state(p, d.Before, d.Lost, d.Op.CodeBefore, d.Op.DataBefore)
}

// state writes an account's storage: decoded fields, or the data's size
// when no package reads it.
func (d *Op) state(p Printer, ct *catalog.Contract, st *cell.Storage, code, data *tvmcell.Cell) string {
	switch {
	case code == nil || data == nil:
		return "nothing (the account had no code)"
	case st != nil:
		return ContractName(ct) + " " + p.Value(st.Fields)
	}
	return "data " + cellText(data) + " (" + ContractName(ct) + ": no package reads it)"
}

// Undone says why a migration was undone and that nothing changed:
// "transaction lt 12 on counter (new) failed: exit 9 (Cell underflow);
// nothing changed". A failed transaction is named as it ran.
func Undone(cat Contracts, e *actor.MigrationError) string {
	if e == nil {
		return "not undone"
	}
	if e.Tx != nil {
		d := Describe(cat, e.Tx)
		return fmt.Sprintf("undone: transaction lt %d on %s (%s) failed: %s; nothing changed", e.Tx.LT, d.To, d.Message, d.Exit.Short())
	}
	if errors.Is(e.Err, actor.ErrWorldChanged) {
		return "undone: " + e.Err.Error()
	}
	return "undone: " + e.Err.Error() + "; nothing changed"
}

// Reinstall says, for a bricked upgrade ([upgradable.Report.Reinstall]),
// that only a reinstall would make the account usable again and what it
// would lose: the old storage, decoded. "" for any other report.
func Reinstall(r *upgradable.Report, p Printer) string {
	if !r.Reinstall {
		return ""
	}
	lost := "its data"
	if r.StorageBefore != nil {
		lost = p.Value(r.StorageBefore.Fields)
	}
	return "only a reinstall (the same address and balance, fresh data) would make the account usable again; it would lose " + lost
}
