package actor

import (
	"fmt"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Reinstall gives the account at addr new code and fresh data, keeping its
// address and balance and discarding its state: the Internet Computer's
// reinstall (dfx canister install --mode reinstall), which keeps the
// canister's id and none of its memory, next to an upgrade, which keeps
// both. Data is the new code's init data, as a deployment's StateInit
// carries it (a Tact contract runs its init on the next message).
//
// It is a world operation, not a transaction: no TVM runs, no logical time
// passes, no fee is paid, and the account's last transaction stays its last
// one. The [Operation] it returns (also in [World.Operations]) keeps the
// state it discarded: StatusBefore, BalanceBefore, CodeBefore, DataBefore.
// Any account may be reinstalled, active, uninitialised or frozen (a
// frozen one becomes active, its storage debt kept); an address with no
// account is [ErrAccountNotFound]. It completes or changes nothing.
func (w *World) Reinstall(addr *address.Address, code, data *tvmcell.Cell) (*Operation, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	if err != nil {
		return nil, fmt.Errorf("reinstall: %w", err)
	}
	if err := checkCodeData(code, data); err != nil {
		return nil, fmt.Errorf("reinstall %s: %w", addr.StringRaw(), err)
	}
	e, err := w.entry(id)
	if err != nil {
		return nil, fmt.Errorf("reinstall: %w", err)
	}
	if !e.prepared.State().IsValid {
		return nil, fmt.Errorf("reinstall: %w: %s", ErrAccountNotFound, addr.StringRaw())
	}
	if w.isWallet(id) {
		return nil, fmt.Errorf("reinstall %s: it is one of the world's wallets", addr.StringRaw())
	}

	w.flushed()
	op := &Operation{Kind: OpReinstall, Account: id.address(), RootBefore: w.st.root(), TemporaryBalance: tlb.ZeroCoins}
	op.StatusBefore, op.BalanceBefore, op.CodeBefore, op.DataBefore = accountState(e.prepared)
	start := w.snapshot()
	if err := w.putReplaced(id, e, op.BalanceBefore.Nano(), code, data); err != nil {
		w.restore(start)
		return nil, fmt.Errorf("reinstall %s: %w", addr.StringRaw(), err)
	}
	op.BalanceAfter, op.CodeAfter, op.DataAfter = op.BalanceBefore, code, data
	w.recordOp(op)
	return op, nil
}
