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

// Migration is what the function of [World.Migrate] works with.
type Migration struct {
	// World is the world the migration runs in: the migrated world as it
	// was, the old account at Old, and the new code at New with the data
	// it was given. Call getters and send messages here; nothing of it
	// reaches the world Migrate was called on unless the function
	// succeeds.
	World *World
	// Old is the migrated account's address; New is the temporary
	// account's, where the new code runs until the migration ends.
	Old, New *address.Address
}

// TemporaryName is the name a migration's temporary account carries while
// the migration runs, made from the migrated account's: "counter" gives
// "counter (new)"; an account without a name gives "".
func TemporaryName(name string) string {
	if name == "" {
		return ""
	}
	return name + " (new)"
}

var (
	// ErrMigrationUndone is wrapped by every [*MigrationError]: the
	// migration changed nothing.
	ErrMigrationUndone = errors.New("migration undone")

	// ErrWorldChanged is returned when the world a migration was started
	// on changed while the migration's function ran (the function sent a
	// message there, say, instead of in Migration.World).
	ErrWorldChanged = errors.New("the world changed while the migration ran")
)

// MigrationError says why a migration was undone: the function's error,
// or the first transaction it ran that failed.
type MigrationError struct {
	Account *address.Address
	// Tx is the failed transaction, nil when the function returned an
	// error of its own (Err).
	Tx  *Transaction
	Err error
}

func (e *MigrationError) Error() string {
	if e.Tx != nil {
		return fmt.Sprintf("migration of %s undone: transaction lt %d on %s failed: %v", e.Account.StringRaw(), e.Tx.LT, e.Tx.To.StringRaw(), e.Err)
	}
	return fmt.Sprintf("migration of %s undone: %v", e.Account.StringRaw(), e.Err)
}

// Unwrap returns [ErrMigrationUndone] and the cause.
func (e *MigrationError) Unwrap() []error { return []error{ErrMigrationUndone, e.Err} }

// Migrate replaces the active account at addr with new code run from data,
// keeping its address, as Dusk Piecrust's session.migrate does. The new
// code is put beside the old one as a fresh temporary account at the
// address its code and data deploy to, holding no TON; f may call getters
// and send messages to both (to read the old state and write it into the
// new account, say). When f returns, the temporary account's code and data
// replace the old account's, under the old address; its balance is added
// to the old account's, so no TON is lost; the temporary account is gone,
// and so is its name ([TemporaryName]). The old account's last transaction
// and storage payments stay its own.
//
// Any error of f, or any transaction of f's sends that fails, undoes the
// whole migration: the world is exactly as before (state root, logical
// time, clock, names, history), and the error is a [*MigrationError]. The
// [Operation] of a migration that went through records the old account as
// f left it and every transaction f ran; those transactions stay in the
// history too, under the names they ran with.
//
// Addresses: messages the new code sends while f runs come from the
// temporary address, and replies to them go there; a contract that stores
// its sender's address (an owner, a jetton wallet's master) keeps the
// temporary one, which has no account after the migration. The old
// address is the one that stays.
//
// f runs in Migration.World, a fork of w: w may be read meanwhile (it
// shows the world before the migration), but a change to w while f runs
// makes the migration fail with [ErrWorldChanged].
func (w *World) Migrate(addr *address.Address, code, data *tvmcell.Cell, f func(m Migration) error) (*Operation, error) {
	id, err := idOf(addr)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if err := checkCodeData(code, data); err != nil {
		return nil, fmt.Errorf("migrate %s: %w", addr.StringRaw(), err)
	}
	if f == nil {
		f = func(Migration) error { return nil }
	}
	temp, err := StateInitAddress(&tlb.StateInit{Code: code, Data: data})
	if err != nil {
		return nil, fmt.Errorf("migrate %s: %w", addr.StringRaw(), err)
	}
	tempID, _ := idOf(temp)

	w.mu.Lock()
	w.flushed()
	fork := w.fork(w.st)
	start := w.st
	w.mu.Unlock()

	if err := fork.beginMigration(id, tempID, code, data); err != nil {
		return nil, fmt.Errorf("migrate %s: %w", addr.StringRaw(), err)
	}
	fork.historyLimit = HistoryAll // every transaction of f is checked and recorded
	first := len(fork.st.history)
	if err := f(Migration{World: fork, Old: id.address(), New: temp}); err != nil {
		return nil, &MigrationError{Account: id.address(), Err: err}
	}

	fork.mu.Lock()
	defer fork.mu.Unlock()
	ran := slices.Clone(fork.st.history[min(first, len(fork.st.history)):])
	for _, tx := range ran {
		if !tx.Success {
			return nil, &MigrationError{Account: id.address(), Tx: tx, Err: tx.Err()}
		}
	}
	op, err := fork.endMigration(id, tempID, ran)
	if err != nil {
		return nil, &MigrationError{Account: id.address(), Err: err}
	}
	op.RootBefore = start.root()

	w.mu.Lock()
	defer w.mu.Unlock()
	if !untouched(start, w.st) {
		return nil, &MigrationError{Account: id.address(), Err: ErrWorldChanged}
	}
	w.st = fork.st
	w.epoch++
	w.pendingShared = w.st.pending != nil
	w.setHistory(w.historyLimit)
	return op, nil
}

// beginMigration puts the temporary account beside the old one and names
// it.
func (w *World) beginMigration(id, tempID accountID, code, data *tvmcell.Cell) error {
	w.mu.Lock()
	defer w.mu.Unlock()

	e, err := w.entry(id)
	if err != nil {
		return err
	}
	if st := e.prepared.State(); !st.IsValid {
		return fmt.Errorf("%w: %s", ErrAccountNotFound, id.address().StringRaw())
	} else if st.Status != tlb.AccountStatusActive {
		return fmt.Errorf("%w: it is %s", ErrNotActive, st.Status)
	}
	if err := w.requireEmpty(tempID); err != nil {
		return fmt.Errorf("the new code and data deploy to %s: %w", tempID.address().StringRaw(), err)
	}
	if oldName, _ := w.st.names.nameOf(id); oldName != "" {
		names, err := w.st.names.with(TemporaryName(oldName), tempID)
		if err != nil {
			return fmt.Errorf("naming the new account: %w", err)
		}
		w.st.names = names
	}
	return w.putAccount(tempID, code, data, new(big.Int))
}

// endMigration moves the temporary account's code, data and balance under
// the old address, removes it and records the operation.
func (w *World) endMigration(id, tempID accountID, ran []*Transaction) (*Operation, error) {
	old, err := w.entry(id)
	if err != nil {
		return nil, err
	}
	temp, err := w.entry(tempID)
	if err != nil {
		return nil, err
	}
	oldState, tempState := old.prepared.State(), temp.prepared.State()
	if !oldState.IsValid {
		return nil, fmt.Errorf("the old account %s is gone", id.address().StringRaw())
	}
	if !tempState.IsValid || tempState.Status != tlb.AccountStatusActive || tempState.StateInit == nil {
		return nil, fmt.Errorf("the new account %s is not active at the end", tempID.address().StringRaw())
	}
	op := &Operation{Kind: OpMigrate, Account: id.address(), Temporary: tempID.address(), Transactions: ran}
	op.StatusBefore, op.BalanceBefore, op.CodeBefore, op.DataBefore = accountState(old.prepared)
	op.TemporaryBalance = tempState.Balance
	balance := new(big.Int).Add(op.BalanceBefore.Nano(), tempState.Balance.Nano())
	op.BalanceAfter, op.CodeAfter, op.DataAfter = tlb.FromNanoTON(balance), tempState.StateInit.Code, tempState.StateInit.Data
	if err := w.putReplaced(id, old, balance, op.CodeAfter, op.DataAfter); err != nil {
		return nil, err
	}
	if err := w.deleteAccount(tempID); err != nil {
		return nil, err
	}
	if err := w.forget(tempID); err != nil {
		return nil, err
	}
	w.recordOp(op)
	return op, nil
}

// deleteAccount removes id from the account dictionary.
func (w *World) deleteAccount(id accountID) error {
	if err := w.flush(); err != nil {
		return err
	}
	delete(w.cache, id)
	if w.st.accounts == nil {
		return nil
	}
	dict := w.st.accounts.AsDict(256)
	if err := dict.DeleteByBytesKey(id[:]); err != nil {
		return fmt.Errorf("account dictionary: %w", err)
	}
	w.st.accounts = dict.AsCell()
	return nil
}

// forget drops id's name, rebuilding the names without it.
func (w *World) forget(id accountID) error {
	if _, ok := w.st.names.nameOf(id); !ok {
		return nil
	}
	next := &names{}
	var err error
	w.st.names.each(func(name string, other accountID) {
		if err == nil && other != id {
			next, err = next.with(name, other)
		}
	})
	if err != nil {
		return err
	}
	w.st.names = next
	return nil
}

// untouched reports whether b is a as a migration left it: nothing
// written, sent, named or timed since.
func untouched(a, b state) bool {
	return a.accounts == b.accounts && len(b.pending) == 0 && a.names == b.names && a.lt == b.lt &&
		a.now == b.now && a.block == b.block && len(a.history) == len(b.history) && len(a.ops) == len(b.ops)
}
