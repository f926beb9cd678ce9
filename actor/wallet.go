package actor

import (
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// walletPackage is the Tact package of the wallet every world gives its
// named accounts, compiled from contracts/wallet.tact.
//
//go:embed build/Wallet_Wallet.pkg
var walletPackage []byte

// wallet parses the embedded package on first use, not at start-up: a
// command that makes no world never pays for it. The package is part of the
// binary and a test parses it, so the panic cannot be reached from input.
var wallet = sync.OnceValue(func() *cell.Package {
	pkg, err := cell.ParsePackage(walletPackage)
	if err != nil {
		panic(fmt.Sprintf("actor: embedded wallet package: %v", err))
	}
	return pkg
})

// WalletPackage returns the Tact package of the world's wallets.
func WalletPackage() *cell.Package { return wallet() }

// walletData is a Tact contract's data before its init() ran: the
// lazy-deployment bit 0 and no init arguments. The first message runs init.
var walletData = tvmcell.BeginCell().MustStoreBoolBit(false).EndCell()

// WalletCode returns the code of the world's wallets.
func WalletCode() *tvmcell.Cell { return wallet().Code }

// DefaultWalletBalance is what a new wallet holds: 1,000,000 TON.
var DefaultWalletBalance = tlb.MustFromTON("1000000")

// Send modes a wallet passes to SENDRAWMSG.
const (
	// SendPayFeesSeparately pays forward fees from the balance, so the
	// destination receives the full value.
	SendPayFeesSeparately = 1
	// SendIgnoreErrors drops a message that cannot be sent instead of
	// failing the action phase.
	SendIgnoreErrors = 2
)

// WalletAddress is the address a wallet gets from its name when none is
// given: workchain 0, id = sha256("tonsim wallet " + name).
func WalletAddress(name string) *address.Address {
	return accountID(sha256.Sum256([]byte("tonsim wallet " + name))).address()
}

// WalletOption configures a wallet made by [World.NewWallet].
type WalletOption func(*walletSpec) error

type walletSpec struct {
	addr    *address.Address
	balance *big.Int
}

// WithBalance gives the wallet another starting balance than
// [DefaultWalletBalance].
func WithBalance(balance tlb.Coins) WalletOption {
	return func(s *walletSpec) error {
		if balance.Nano().Sign() < 0 {
			return fmt.Errorf("negative balance %s", balance.String())
		}
		s.balance = balance.Nano()
		return nil
	}
}

// WithAddress places the wallet at addr (workchain 0) instead of the address
// derived from its name; a real wallet's address, for example.
func WithAddress(addr *address.Address) WalletOption {
	return func(s *walletSpec) error {
		if _, err := idOf(addr); err != nil {
			return err
		}
		s.addr = addr
		return nil
	}
}

// ErrAccountExists is returned when a wallet would replace an account.
var ErrAccountExists = errors.New("an account already exists there")

// NewWallet creates an active wallet called name and returns its address.
// Sending from it ([World.Send]) takes the value and the fees from its
// balance.
func (w *World) NewWallet(name string, opts ...WalletOption) (*address.Address, error) {
	spec := walletSpec{addr: WalletAddress(name), balance: DefaultWalletBalance.Nano()}
	for _, opt := range opts {
		if err := opt(&spec); err != nil {
			return nil, fmt.Errorf("wallet %q: %w", name, err)
		}
	}

	w.mu.Lock()
	defer w.mu.Unlock()

	if err := CheckName(name); err != nil {
		return nil, fmt.Errorf("a wallet needs a name: %w", err)
	}
	id, err := idOf(spec.addr)
	if err != nil {
		return nil, fmt.Errorf("wallet %q: %w", name, err)
	}
	if err := w.requireEmpty(id); err != nil {
		return nil, fmt.Errorf("wallet %q: %w", name, err)
	}
	names, err := w.st.names.with(name, id)
	if err != nil {
		return nil, fmt.Errorf("wallet %q: %w", name, err)
	}
	if err := w.putAccount(id, wallet().Code, walletData, spec.balance); err != nil {
		return nil, fmt.Errorf("wallet %q: %w", name, err)
	}
	w.st.names = names
	return id.address(), nil
}

// Wallet returns the address of the wallet called name.
func (w *World) Wallet(name string) (*address.Address, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, ok := w.st.names.lookup(name)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownWallet, name)
	}
	if !w.isWallet(id) {
		return nil, fmt.Errorf("%w: %q is not a wallet", ErrUnknownWallet, name)
	}
	return id.address(), nil
}

// IsWallet reports whether addr holds one of the world's wallets.
func (w *World) IsWallet(addr *address.Address) bool {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	return err == nil && w.isWallet(id)
}

// isWallet tells a wallet by its code, so it survives snapshots and saves.
func (w *World) isWallet(id accountID) bool {
	e, err := w.entry(id)
	if err != nil {
		return false
	}
	si := e.prepared.State().StateInit
	return si != nil && si.Code != nil && si.Code.HashKey() == wallet().Code.HashKey()
}
