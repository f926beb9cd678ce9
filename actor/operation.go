package actor

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// OperationKind says which world operation an [Operation] records.
type OperationKind int

// The world operations.
const (
	// OpReinstall is [World.Reinstall]: new code and fresh data under the
	// same address, the old state discarded.
	OpReinstall OperationKind = iota + 1
	// OpMigrate is [World.Migrate]: the code and data a migration built
	// beside the account moved under its address.
	OpMigrate
)

// String is the operation's past participle, as records say it:
// "reinstalled", "migrated".
func (k OperationKind) String() string {
	switch k {
	case OpReinstall:
		return "reinstalled"
	case OpMigrate:
		return "migrated"
	}
	return fmt.Sprintf("operation %d", int(k))
}

// Key is the operation's step and JSON name: "reinstall", "migrate".
func (k OperationKind) Key() string {
	switch k {
	case OpReinstall:
		return "reinstall"
	case OpMigrate:
		return "migrate"
	}
	return ""
}

// Operation is the record of a world operation: a change the world made to
// one account by itself, as a chain's governance or a test harness would,
// not by a message. No TVM ran for it, no logical time passed and no fee
// was paid, so it is not a [Transaction] and has no transaction cell or
// hash; it sits beside the history instead ([World.Operations]), ordered
// against it by LT. The account's last transaction (last_trans_lt and
// last_trans_hash of its ShardAccount) stays what it was: its next
// transaction follows its last one. Records never change once made.
type Operation struct {
	Kind OperationKind
	// Account is the address the operation kept.
	Account *address.Address
	// LT is the world's logical time when the operation was done: every
	// transaction of the history with a smaller LT came before it, every
	// other after. Operations done with no transaction between them share
	// an LT and keep their order in [World.Operations]. Now is the clock.
	LT  uint64
	Now uint32

	// The account as the operation found it, just before its code and
	// data were replaced: for a reinstall the state it discards (the
	// description layer decodes DataBefore by the package of CodeBefore),
	// for a migration the old account as the migration left it.
	StatusBefore  tlb.AccountStatus
	BalanceBefore tlb.Coins
	CodeBefore    *tvmcell.Cell
	DataBefore    *tvmcell.Cell
	// The account after: always active.
	BalanceAfter tlb.Coins
	CodeAfter    *tvmcell.Cell
	DataAfter    *tvmcell.Cell

	// Temporary is where a migration ran the new code (the address its
	// code and data deploy to); it is gone after the migration. Nil for a
	// reinstall.
	Temporary *address.Address
	// TemporaryBalance is what the temporary account held at the end; the
	// account's balance after is BalanceBefore plus it.
	TemporaryBalance tlb.Coins
	// Transactions are the transactions a migration's function ran,
	// oldest first (they are in the history too, under any limit of it
	// only as long as it keeps them).
	Transactions []*Transaction

	// RootBefore and RootAfter are the world's state roots before the
	// operation started and after it.
	RootBefore, RootAfter StateRoot
	// After is the world right after the operation; set only while
	// [World.SetTransactionSnapshots] is on.
	After *Snapshot

	// names are the world's names as the operation completed.
	names *names
}

// NameOf returns the name addr had when the operation was done, "" when it
// had none; a migration's temporary account has the one it had while the
// migration ran.
func (o *Operation) NameOf(addr *address.Address) string {
	if o.Temporary != nil && addr != nil && addr.Equals(o.Temporary) {
		for _, tx := range o.Transactions {
			if name := tx.NameOf(addr); name != "" {
				return name
			}
		}
		return TemporaryName(o.NameOf(o.Account))
	}
	if o.names == nil || addr == nil {
		return ""
	}
	id, err := idOf(addr)
	if err != nil {
		return ""
	}
	name, _ := o.names.nameOf(id)
	return name
}

// Operations returns the world's operations, oldest first. A history limit
// ([WithHistory]) does not apply to them: they are few.
func (w *World) Operations() []*Operation {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clip(w.st.ops)
}

// Operations returns the operations up to the snapshot, oldest first.
func (s *Snapshot) Operations() []*Operation { return slices.Clip(s.st.ops) }

// ErrNotActive is returned when an operation needs an active account (a
// migration reads the old one's getters) and finds none.
var ErrNotActive = errors.New("account is not active")

// replaced builds the Account cell of the active account id becomes when
// an operation gives it code and data: balance as given, storage used as
// the emulator computes it, and the old account's storage payments
// (last_paid, due_payment) kept, so its next transaction pays the storage
// it owes since then, as it would have without the operation.
func replaced(id accountID, old *tlb.AccountState, balance *big.Int, code, data *tvmcell.Cell) (*tvmcell.Cell, error) {
	return activeAccount(id.address(), balance, code, data, old.StorageInfo)
}

// putReplaced stores id's account with new code, data and balance, keeping
// its last transaction.
func (w *World) putReplaced(id accountID, e *entry, balance *big.Int, code, data *tvmcell.Cell) error {
	acc, err := replaced(id, e.prepared.State(), balance, code, data)
	if err != nil {
		return err
	}
	shard := e.prepared.ShardAccount()
	return w.putShard(id, &tlb.ShardAccount{Account: acc, LastTransHash: shard.LastTransHash, LastTransLT: shard.LastTransLT})
}

// record adds op to the world: names, roots, snapshot.
func (w *World) recordOp(op *Operation) {
	w.flushed()
	op.LT, op.Now, op.names = w.st.lt, w.st.now, w.st.names
	op.RootAfter = w.st.root()
	w.st.ops = append(w.st.ops, op)
	if w.snapshots {
		op.After = w.snapshot()
	}
}

// checkCodeData refuses an operation without code or data.
func checkCodeData(code, data *tvmcell.Cell) error {
	switch {
	case code == nil:
		return errors.New("no code")
	case data == nil:
		return errors.New("no data")
	}
	return nil
}
