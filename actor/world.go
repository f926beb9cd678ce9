package actor

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultNow is the unix time a new world starts at unless told otherwise:
// 2025-01-01T00:00:00Z. A fixed start keeps runs reproducible.
const DefaultNow = 1735689600

// Defaults of a new world; see the options of the same names.
const (
	DefaultGetterGasLimit  = 1_000_000
	DefaultMaxTransactions = 10_000
)

// World is an in-memory TON: accounts running real code, wallets, a message
// queue, a logical time and a clock. It is safe for concurrent use; each
// method runs alone.
type World struct {
	mu sync.Mutex

	machine *tvm.TVM
	config  *tvm.PreparedBlockchainConfig
	// configRoot is the config's ConfigParams dictionary and profile its
	// name (see [World.Config]).
	configRoot *tvmcell.Cell
	profile    string
	seed       [32]byte
	getterGas  int64
	maxTxs     int
	// snapshots makes every record carry the world right after it.
	snapshots bool
	// debugCode holds the hashes of code whose debug output transactions
	// keep; replaced, never changed, so forks share it.
	debugCode map[string]bool

	st    state
	cache map[accountID]*entry
	// epoch counts restores. An entry stamped with the current epoch is the
	// account's state in this history, so it needs no dictionary lookup.
	epoch uint64
}

// state is everything a snapshot captures. Every field is immutable or
// replaced wholesale on change, so copying a state shares, never copies.
type state struct {
	// accounts is a dictionary from account id (256 bits) to ShardAccount;
	// nil while the world is empty.
	accounts *tvmcell.Cell
	names    *names
	lt       uint64
	now      uint32
	// block is the TVM's per-block context for now: config, time, seed.
	// tonutils-go keeps it immutable, so states share it.
	block *tvm.BlockContext
	// history holds every transaction so far. Snapshots share its array:
	// the world only ever appends at its own length, which no snapshot of
	// this lineage exceeds, and Restore and Fork clip the capacity so a
	// second writer always starts a new array.
	history []*Transaction
}

// Option configures a [World].
type Option func(*World) error

// WithNow starts the clock at a unix time instead of [DefaultNow].
func WithNow(unix uint32) Option {
	return func(w *World) error {
		w.st.now = unix
		return nil
	}
}

// WithSeed sets the seed every random seed of the world derives from
// (default: all zero). Contracts that call random() see other values, as
// reproducible as before.
func WithSeed(seed [32]byte) Option {
	return func(w *World) error {
		w.seed = seed
		return nil
	}
}

// WithGetterGasLimit sets the gas a get-method may use
// (default [DefaultGetterGasLimit]).
func WithGetterGasLimit(gas int64) Option {
	return func(w *World) error {
		if gas <= 0 {
			return fmt.Errorf("getter gas limit %d is not positive", gas)
		}
		w.getterGas = gas
		return nil
	}
}

// WithMaxTransactions bounds the transactions one send may run
// (default [DefaultMaxTransactions]); past it the send fails and is undone.
func WithMaxTransactions(n int) Option {
	return func(w *World) error {
		if n <= 0 {
			return fmt.Errorf("transaction limit %d is not positive", n)
		}
		w.maxTxs = n
		return nil
	}
}

// NewWorld returns an empty world with the default blockchain config, the
// clock at [DefaultNow] and logical time at 0.
func NewWorld(opts ...Option) (*World, error) {
	w := &World{
		machine:   tvm.NewTVM(),
		getterGas: DefaultGetterGasLimit,
		maxTxs:    DefaultMaxTransactions,
		st:        state{names: &names{}, now: DefaultNow, lt: 1},
		cache:     map[accountID]*entry{},
	}
	for _, opt := range opts {
		if err := opt(w); err != nil {
			return nil, err
		}
	}
	if w.config == nil {
		if err := WithProfile(DefaultProfile)(w); err != nil {
			return nil, err
		}
	}
	block, err := w.newBlock(w.st.now)
	if err != nil {
		return nil, err
	}
	w.st.block = block
	return w, nil
}

func (w *World) newBlock(now uint32) (*tvm.BlockContext, error) {
	block, err := w.config.NewBlockContext(tvm.BlockOptions{Now: now, RandSeed: w.seed[:]})
	if err != nil {
		return nil, fmt.Errorf("block context: %w", err)
	}
	return block, nil
}

// Now returns the world's unix time.
func (w *World) Now() uint32 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st.now
}

// SetNow moves the clock to a unix time; it never moves backwards.
func (w *World) SetNow(unix uint32) error {
	w.mu.Lock()
	defer w.mu.Unlock()

	if unix < w.st.now {
		return fmt.Errorf("%w: now is %d, asked for %d", ErrTimeBackwards, w.st.now, unix)
	}
	if unix == w.st.now {
		return nil
	}
	block, err := w.newBlock(unix)
	if err != nil {
		return err
	}
	w.st.now, w.st.block = unix, block
	return nil
}

// SetTransactionSnapshots makes every transaction from now on keep a
// [Snapshot] of the world right after it (Transaction.After), for tools
// that travel back to any transaction. Off by default: each snapshot keeps
// that moment's account dictionary alive.
func (w *World) SetTransactionSnapshots(on bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.snapshots = on
}

// LT returns the logical time the next transaction starts at or after.
func (w *World) LT() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st.lt
}

// Transactions returns every transaction of the world's history, oldest first.
func (w *World) Transactions() []*Transaction {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clip(w.st.history)
}

// entry returns id's account prepared for the TVM. Within an epoch every
// write goes through the cache, so a stamped entry is current; after a
// Restore an entry is used again only if the dictionary still holds the very
// Account cell it was prepared from.
func (w *World) entry(id accountID) (*entry, error) {
	e := w.cache[id]
	if e != nil && e.epoch == w.epoch {
		return e, nil
	}
	shard, err := w.shardAccount(id)
	if err != nil {
		return nil, err
	}
	if e != nil && e.account == shard.Account {
		e.epoch = w.epoch
		return e, nil
	}
	prepared, err := tvm.PrepareAccount(shard, id.address())
	if err != nil {
		return nil, fmt.Errorf("account %s: %w", id.address().StringRaw(), err)
	}
	e = &entry{account: shard.Account, prepared: prepared, epoch: w.epoch}
	w.cache[id] = e
	return e, nil
}

func (w *World) shardAccount(id accountID) (*tlb.ShardAccount, error) {
	if w.st.accounts == nil {
		return emptyShardAccount()
	}
	s, err := w.st.accounts.AsDict(256).LoadValueByBytesKey(id[:])
	if errors.Is(err, tvmcell.ErrNoSuchKeyInDict) {
		return emptyShardAccount()
	}
	if err != nil {
		return nil, fmt.Errorf("account dictionary: %w", err)
	}
	shard, err := loadShardAccount(s)
	if err != nil {
		return nil, fmt.Errorf("account %s: stored state: %w", id.address().StringRaw(), err)
	}
	return shard, nil
}

// put stores id's account after a transaction and keeps its prepared form.
func (w *World) put(id accountID, e *entry) error {
	shard := e.prepared.ShardAccount()
	if err := w.putShard(id, shard); err != nil {
		return err
	}
	e.account, e.epoch = shard.Account, w.epoch
	w.cache[id] = e
	return nil
}

// putShard writes id's ShardAccount into the account dictionary; the next
// [World.entry] prepares it afresh.
func (w *World) putShard(id accountID, shard *tlb.ShardAccount) error {
	dict := tvmcell.NewDict(256)
	if w.st.accounts != nil {
		dict = w.st.accounts.AsDict(256)
	}
	value, err := storeShardAccount(shard.Account, shard.LastTransHash, shard.LastTransLT)
	if err != nil {
		return err
	}
	if err := dict.SetBuilderByBytesKey(id[:], value); err != nil {
		return fmt.Errorf("account dictionary: %w", err)
	}
	w.st.accounts = dict.AsCell()
	delete(w.cache, id)
	return nil
}

// StateRoot identifies the state of every account of a world: two roots are
// equal exactly when the worlds hold equal accounts.
type StateRoot [32]byte

func (r StateRoot) String() string { return hex.EncodeToString(r[:]) }

// emptyRoot is the root of a world without accounts: the hash of an empty
// dictionary's representation, hme_empty$0.
var emptyRoot = StateRoot(tvmcell.BeginCell().MustStoreBoolBit(false).EndCell().Hash())

func (st state) root() StateRoot {
	if st.accounts == nil {
		return emptyRoot
	}
	return StateRoot(st.accounts.Hash())
}

// StateRoot returns the hash of the account dictionary: O(1), since cells
// carry their hashes.
func (w *World) StateRoot() StateRoot {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st.root()
}

// Snapshot is a world's state at one moment: accounts, names, clock, logical
// time and history. It shares every cell with the world.
type Snapshot struct {
	st state
}

// Root returns the snapshot's [StateRoot].
func (s *Snapshot) Root() StateRoot { return s.st.root() }

// Now returns the snapshot's unix time.
func (s *Snapshot) Now() uint32 { return s.st.now }

// Transactions returns the history up to the snapshot, oldest first.
func (s *Snapshot) Transactions() []*Transaction { return slices.Clip(s.st.history) }

// Snapshot captures the world in O(1).
func (w *World) Snapshot() *Snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.snapshot()
}

func (w *World) snapshot() *Snapshot {
	return &Snapshot{st: w.st}
}

// Restore puts the world back as it was at s, in O(1). Transactions after s
// leave the history; the snapshot stays valid and can be restored again.
func (w *World) Restore(s *Snapshot) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.restore(s)
}

func (w *World) restore(s *Snapshot) {
	w.st = s.st
	w.epoch++
	w.st.history = slices.Clip(w.st.history)
}

// Fork returns an independent world that starts from this one's state and
// shares its cells: what happens in the fork does not touch this world.
func (w *World) Fork() *World {
	w.mu.Lock()
	defer w.mu.Unlock()

	st := w.st
	st.history = slices.Clip(st.history)
	return &World{
		machine:    tvm.NewTVM(),
		config:     w.config,
		configRoot: w.configRoot,
		profile:    w.profile,
		seed:       w.seed,
		getterGas:  w.getterGas,
		maxTxs:     w.maxTxs,
		snapshots:  w.snapshots,
		debugCode:  w.debugCode,
		st:         st,
		cache:      map[accountID]*entry{},
	}
}

// randSeed is the per-account random seed (c7 rand_seed) of a transaction or
// getter at logical time lt: a hash of the world seed, lt and the account,
// so two runs agree and two transactions differ.
func (w *World) randSeed(id accountID, lt uint64) []byte {
	var in [32 + 8 + 32]byte
	copy(in[:32], w.seed[:])
	binary.BigEndian.PutUint64(in[32:40], lt)
	copy(in[40:], id[:])
	seed := sha256.Sum256(in[:])
	return seed[:]
}
