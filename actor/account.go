package actor

import (
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Account is one account of a world as it stands: a copy of its state that
// later transactions do not change.
type Account struct {
	Address *address.Address
	// Status is ACTIVE, UNINIT (a balance but no code yet) or FROZEN.
	Status  tlb.AccountStatus
	Balance tlb.Coins
	// Code and Data are nil unless the account is active.
	Code *tvmcell.Cell
	Data *tvmcell.Cell
	// LastLT and LastHash identify the account's last transaction.
	LastLT   uint64
	LastHash []byte
	// Cell is the whole account as its TL-B Account cell.
	Cell *tvmcell.Cell
}

// accountID is the 256-bit id of an account in workchain 0, the key of the
// world's account dictionary.
type accountID [32]byte

func idOf(addr *address.Address) (accountID, error) {
	if addr == nil {
		return accountID{}, errors.New("no address")
	}
	if addr.Type() != address.StdAddress || addr.Workchain() != 0 || addr.BitsLen() != 256 {
		return accountID{}, fmt.Errorf("%w: %s", ErrWorkchain, addr.StringRaw())
	}
	var id accountID
	copy(id[:], addr.Data())
	return id, nil
}

// address returns the bounceable workchain-0 address of id.
func (id accountID) address() *address.Address {
	data := id
	return address.NewAddress(0x11, 0, data[:])
}

func (id accountID) less(other accountID) bool {
	for i := range id {
		if id[i] != other[i] {
			return id[i] < other[i]
		}
	}
	return false
}

// entry is an account prepared for the TVM: tonutils-go parses the state once
// and each transaction result carries the next one, so an account is parsed
// again only when it was last written by another history (see [World.entry]).
type entry struct {
	account  *tvmcell.Cell // the Account cell this entry was prepared from
	prepared *tvm.PreparedAccount
	epoch    uint64 // see World.epoch
	// stat is the storage-stat dictionary the emulator threads from one
	// transaction of the account to the next; nil makes it recompute.
	stat *tvmcell.Cell
}

// shardAccount is the value the account dictionary stores for one account:
// account:^Account last_trans_hash:bits256 last_trans_lt:uint64, the
// ShardAccount of a real shard state.
func storeShardAccount(acc *tvmcell.Cell, lastHash []byte, lastLT uint64) (*tvmcell.Builder, error) {
	hash := lastHash
	if len(hash) == 0 {
		hash = make([]byte, 32)
	}
	b := tvmcell.BeginCell()
	if err := errors.Join(b.StoreRef(acc), b.StoreSlice(hash, 256), b.StoreUInt(lastLT, 64)); err != nil {
		return nil, fmt.Errorf("shard account: %w", err)
	}
	return b, nil
}

func loadShardAccount(s *tvmcell.Slice) (*tlb.ShardAccount, error) {
	acc, err := s.LoadRefCell()
	if err != nil {
		return nil, err
	}
	hash, err := s.LoadSlice(256)
	if err != nil {
		return nil, err
	}
	lt, err := s.LoadUInt(64)
	if err != nil {
		return nil, err
	}
	return &tlb.ShardAccount{Account: acc, LastTransHash: hash, LastTransLT: lt}, nil
}

// emptyShardAccount is the state of an address nothing ever touched:
// account_none, no last transaction.
// Each call makes a new Account cell: [World.entry] tells states apart by
// the cell they were prepared from.
func emptyShardAccount() (*tlb.ShardAccount, error) {
	b := tvmcell.BeginCell()
	if err := b.StoreBoolBit(false); err != nil {
		return nil, err
	}
	return &tlb.ShardAccount{Account: b.EndCell(), LastTransHash: make([]byte, 32)}, nil
}

// newActiveAccount builds the Account cell of an active account that never
// ran a transaction, with storage usage computed as the emulator computes it
// (every distinct cell under the storage root, plus the root), so that its
// first transaction pays exactly the storage it would on chain.
func newActiveAccount(addr *address.Address, balance *big.Int, code, data *tvmcell.Cell, now uint32) (*tvmcell.Cell, error) {
	return activeAccount(addr, balance, code, data, tlb.StorageInfo{LastPaid: now})
}

// activeAccount builds the Account cell of an active account with code,
// data and balance, its storage used computed as the emulator does and its
// storage payments (last_paid, due_payment) taken from paid.
func activeAccount(addr *address.Address, balance *big.Int, code, data *tvmcell.Cell, paid tlb.StorageInfo) (*tvmcell.Cell, error) {
	// tonutils-go panics on a balance its Grams field cannot hold.
	if err := cell.CheckCoins(balance.String()+"n", balance); err != nil {
		return nil, fmt.Errorf("balance: %w", err)
	}
	storage := tlb.AccountStorage{
		Status:    tlb.AccountStatusActive,
		Balance:   tlb.FromNanoTON(balance),
		StateInit: &tlb.StateInit{Code: code, Data: data},
	}
	storageCell, err := storage.ToCell()
	if err != nil {
		return nil, fmt.Errorf("account storage: %w", err)
	}
	cells, bits, err := storageUsed(storageCell)
	if err != nil {
		return nil, fmt.Errorf("account storage: %w", err)
	}
	state := tlb.AccountState{
		IsValid: true,
		Address: addr,
		StorageInfo: tlb.StorageInfo{
			StorageUsed:  tlb.StorageUsed{CellsUsed: new(big.Int).SetUint64(cells), BitsUsed: new(big.Int).SetUint64(bits)},
			StorageExtra: tlb.StorageExtraNone{},
			LastPaid:     paid.LastPaid,
			DuePayment:   paid.DuePayment,
		},
		AccountStorage: storage,
	}
	return state.ToCell()
}

func storageUsed(root *tvmcell.Cell) (cells, bits uint64, err error) {
	seen := map[string]bool{}
	var walk func(c *tvmcell.Cell) error
	refs := func(c *tvmcell.Cell) error {
		for i := 0; i < int(c.RefsNum()); i++ {
			ref, err := c.PeekRef(i)
			if err != nil {
				return err
			}
			if err := walk(ref); err != nil {
				return err
			}
		}
		return nil
	}
	walk = func(c *tvmcell.Cell) error {
		key := string(c.Hash())
		if seen[key] {
			return nil
		}
		seen[key] = true
		cells++
		bits += uint64(c.BitsSize())
		return refs(c)
	}
	if err := refs(root); err != nil {
		return 0, 0, err
	}
	return cells + 1, bits + uint64(root.BitsSize()), nil
}

// accountOf turns a prepared account into the public view of it.
func accountOf(id accountID, p *tvm.PreparedAccount) *Account {
	shard := p.ShardAccount()
	acc := &Account{
		Address:  id.address(),
		LastLT:   shard.LastTransLT,
		LastHash: shard.LastTransHash,
		Cell:     shard.Account,
	}
	acc.Status, acc.Balance, acc.Code, acc.Data = accountState(p)
	return acc
}

// Account returns the account at addr, or [ErrAccountNotFound] when nothing
// exists there.
func (w *World) Account(addr *address.Address) (*Account, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	if err != nil {
		return nil, err
	}
	e, err := w.entry(id)
	if err != nil {
		return nil, err
	}
	acc := accountOf(id, e.prepared)
	if acc.Status == tlb.AccountStatusNonExist {
		return nil, fmt.Errorf("%w: %s", ErrAccountNotFound, addr.StringRaw())
	}
	return acc, nil
}

// Accounts returns every account of the world, ordered by address.
func (w *World) Accounts() ([]*Account, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	ids, err := w.accountIDs()
	if err != nil {
		return nil, err
	}
	out := make([]*Account, 0, len(ids))
	for _, id := range ids {
		e, err := w.entry(id)
		if err != nil {
			return nil, err
		}
		out = append(out, accountOf(id, e.prepared))
	}
	return out, nil
}

func (w *World) accountIDs() ([]accountID, error) {
	if err := w.flush(); err != nil {
		return nil, err
	}
	if w.st.accounts == nil {
		return nil, nil
	}
	kvs, err := w.st.accounts.AsDict(256).LoadAll()
	if err != nil {
		return nil, fmt.Errorf("account dictionary: %w", err)
	}
	ids := make([]accountID, len(kvs))
	for i, kv := range kvs {
		key, err := kv.Key.LoadSlice(256)
		if err != nil {
			return nil, fmt.Errorf("account dictionary key: %w", err)
		}
		copy(ids[i][:], key)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].less(ids[j]) })
	return ids, nil
}

// PutAccount places an active account running code with data and balance at
// addr, replacing whatever was there, without a transaction: the way a test
// fixture or a saved world sets up state that was never deployed here (the
// TON sandbox's setShardAccount). Deploy with [World.Send] to run init.
func (w *World) PutAccount(addr *address.Address, code, data *tvmcell.Cell, balance tlb.Coins) error {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	if err != nil {
		return err
	}
	if code == nil || data == nil {
		return errors.New("an active account needs code and data")
	}
	if balance.Nano().Sign() < 0 {
		return fmt.Errorf("negative balance %s", balance.String())
	}
	return w.putAccount(id, code, data, balance.Nano())
}

func (w *World) putAccount(id accountID, code, data *tvmcell.Cell, balance *big.Int) error {
	acc, err := newActiveAccount(id.address(), balance, code, data, w.st.now)
	if err != nil {
		return err
	}
	return w.putShard(id, &tlb.ShardAccount{Account: acc, LastTransHash: make([]byte, 32)})
}

// requireEmpty fails when an account exists at id.
func (w *World) requireEmpty(id accountID) error {
	e, err := w.entry(id)
	if err != nil {
		return err
	}
	if e.prepared.State().IsValid {
		return fmt.Errorf("%w: %s", ErrAccountExists, id.address().StringRaw())
	}
	return nil
}
