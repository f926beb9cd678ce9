package actor

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"
	"time"

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
	DefaultMaxInFlight     = 10_000
	// DefaultTransactionTimeout is the time a transaction may take where
	// tonsim bounds it (see [WithTransactionTimeout] and [Watch]).
	DefaultTransactionTimeout = 30 * time.Second
	// MaxMessageTree bounds the cells of a message's body and of its
	// state init each, written out as a tree (see [cell.TreeSize]): more
	// than a valid message holds unless its cells are shared over and
	// over, which tonutils-go walks once per path.
	MaxMessageTree = 1 << 20
	// HistoryAll keeps every transaction in the history (the default).
	HistoryAll = -1
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
	// maxInFlight bounds the messages one send holds queued.
	maxInFlight int
	// txTimeout bounds the time one transaction may take; 0 does not.
	txTimeout time.Duration
	// knobs name what raises the bounds above, in errors.
	knobs Knobs
	// historyLimit is how many transactions the history keeps, or
	// HistoryAll.
	historyLimit int
	// snapshots makes every record carry the world right after it.
	snapshots bool
	// debugCode holds the hashes of code whose debug output transactions
	// keep; replaced, never changed, so forks share it.
	debugCode map[string]bool
	// values are what packages above keep about the world (see
	// [World.SetValue]); replaced, never changed, so forks share it.
	values map[any]any

	st    state
	cache map[accountID]*entry
	// epoch counts restores. An entry stamped with the current epoch is the
	// account's state in this history, so it needs no dictionary lookup.
	epoch uint64
	// pendingShared says a snapshot holds st.pending too: the next write
	// copies the map first (see [World.setPending]).
	pendingShared bool
	// scratch is a buffer records are packed in (see packedCell.pack).
	scratch []byte
	// commits are the states committed, oldest first (see commit.go):
	// appended at its own length only, replaced when changed, so forks
	// share it.
	commits []Commit
}

// state is everything a snapshot captures. Every field is immutable or
// replaced wholesale on change, so copying a state shares, never copies.
type state struct {
	// accounts is a dictionary from account id (256 bits) to ShardAccount;
	// nil while the world is empty. It is brought up to date lazily:
	// pending holds the accounts written since, which win over it, and
	// [World.flush] stores them in it when a caller needs the dictionary
	// itself (a state root, a snapshot, a save, the list of accounts).
	// Transactions only ever add to pending, so a send pays for no
	// dictionary at all.
	accounts *tvmcell.Cell
	pending  map[accountID]*tlb.ShardAccount
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
	// ops holds the world operations so far ([World.Operations]), shared
	// by snapshots the way history is.
	ops []*Operation
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

// WithMaxInFlight bounds the messages one send may hold waiting for
// delivery (default [DefaultMaxInFlight]); past it the send fails with
// [ErrTooManyMessages] and is undone. Since every queued message takes a
// transaction, a send also fails as soon as the transactions it ran and the
// messages it holds pass [WithMaxTransactions].
func WithMaxInFlight(n int) Option {
	return func(w *World) error {
		if n <= 0 {
			return fmt.Errorf("in-flight message limit %d is not positive", n)
		}
		w.maxInFlight = n
		return nil
	}
}

// WithTransactionTimeout bounds the time one transaction may take in
// tonutils-go's emulator; d = 0, the default, does not. Each transaction
// then runs in a goroutine the world waits for, which costs a send about
// half again (two hand-offs between threads): the option is for a world
// that must stay usable after the bound is hit, as the terminal UI's; a
// batch run watches the whole process instead (see [Watch]). Past the
// bound the send fails with [ErrTransactionTimeout] and is undone; the
// emulator's goroutine cannot be stopped and keeps a core busy until the
// process ends.
func WithTransactionTimeout(d time.Duration) Option {
	return func(w *World) error {
		if d < 0 {
			return fmt.Errorf("transaction timeout %s is negative", d)
		}
		w.txTimeout = d
		return nil
	}
}

// SetTransactionTimeout changes the bound on the time one transaction may
// take from now on (see [WithTransactionTimeout]); a negative d is taken as 0.
func (w *World) SetTransactionTimeout(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.txTimeout = max(d, 0)
}

// Knobs name, in the error of a send stopped at a bound, what raises the
// bound for the world's user: a command's flags, say. A world names its
// Go options ([WithMaxTransactions], [WithMaxInFlight],
// [WithTransactionTimeout]) unless told otherwise.
type Knobs struct {
	MaxTransactions, MaxInFlight, TransactionTimeout string
}

// goKnobs are the knobs of the Go API.
var goKnobs = Knobs{
	MaxTransactions:    "actor.WithMaxTransactions",
	MaxInFlight:        "actor.WithMaxInFlight",
	TransactionTimeout: "actor.WithTransactionTimeout",
}

// WithKnobs names what raises the world's bounds in its errors (see
// [Knobs]); an empty field keeps the Go option's name.
func WithKnobs(k Knobs) Option {
	return func(w *World) error {
		w.knobs = Knobs{
			MaxTransactions:    cmp.Or(k.MaxTransactions, goKnobs.MaxTransactions),
			MaxInFlight:        cmp.Or(k.MaxInFlight, goKnobs.MaxInFlight),
			TransactionTimeout: cmp.Or(k.TransactionTimeout, goKnobs.TransactionTimeout),
		}
		return nil
	}
}

// WithHistory keeps only the last n transactions in the world's history
// ([World.Transactions]), for long runs that never look further back: the
// older records are dropped, so memory stays flat. n = 0 keeps none, and a
// negative n ([HistoryAll], the default) keeps every one. A send's [Trace]
// holds its own transactions whatever the limit, and a [Snapshot] the
// history as it was.
func WithHistory(n int) Option {
	return func(w *World) error {
		w.setHistory(n)
		return nil
	}
}

// SetHistory changes how many transactions the history keeps from now on
// (see [WithHistory]); a lower limit drops the oldest records at once.
func (w *World) SetHistory(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.setHistory(n)
}

func (w *World) setHistory(n int) {
	w.historyLimit = max(n, HistoryAll)
	if n >= 0 && len(w.st.history) > n {
		w.st.history = slices.Clone(w.st.history[len(w.st.history)-n:])
	}
}

// NewWorld returns an empty world with the default blockchain config, the
// clock at [DefaultNow] and logical time at 0.
func NewWorld(opts ...Option) (*World, error) {
	w := &World{
		machine:      tvm.NewTVM(),
		getterGas:    DefaultGetterGasLimit,
		maxTxs:       DefaultMaxTransactions,
		maxInFlight:  DefaultMaxInFlight,
		knobs:        goKnobs,
		historyLimit: HistoryAll,
		st:           state{names: &names{}, now: DefaultNow, lt: 1},
		cache:        map[accountID]*entry{},
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

// Prepare starts building, on another goroutine, what every world of the
// process shares and the first [NewWorld] would otherwise build before it
// returns: tonutils-go's opcode dispatch tables, for all 16 global versions
// at once (about 16 MiB and 25 ms; tonutils-go v1.18 has no constructor for
// one version). A process that will make a world calls it first thing, so
// the build overlaps with reading its input; NewWorld waits for it.
func Prepare() { go tvm.NewTVM() }

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

// Transactions returns every transaction of the world's history, oldest
// first: all of them, or the last n under [WithHistory].
func (w *World) Transactions() []*Transaction {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clip(w.st.history)
}

// remember adds tx to the history, its cell packed to be kept (a record
// only its Trace holds keeps it whole: it is not kept long). Under a limit
// the history drops its oldest records by reslicing: appends go on at its
// own length as always (so snapshots sharing the array are safe), and once
// the array is full append moves the last records to a new one, leaving the
// dropped ones to the collector: memory stays within about twice the limit.
func (w *World) remember(tx *Transaction) {
	switch n := w.historyLimit; {
	case n == 0:
		return // the record lives as long as its Trace, its cell whole
	case n > 0 && len(w.st.history) >= n:
		w.st.history = w.st.history[len(w.st.history)-n+1:]
	}
	tx.cell.pack(tx.sharedCells(), &w.scratch)
	w.st.history = append(w.st.history, tx)
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
	w.flushed()
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

// LT returns the snapshot's logical time: the next transaction's.
func (s *Snapshot) LT() uint64 { return s.st.lt }

// Names returns the account names of the snapshot, sorted.
func (s *Snapshot) Names() []string {
	out := make([]string, 0, s.st.names.len())
	s.st.names.each(func(name string, _ accountID) { out = append(out, name) })
	return out
}

// Snapshot captures the world in O(1) (after bringing its account
// dictionary up to date: O(log n) for each account written since the last
// snapshot).
func (w *World) Snapshot() *Snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.flushed()
	return w.snapshot()
}

// snapshot captures the state as it is, pending accounts included, for
// undo; Snapshot.Root needs a flushed one.
func (w *World) snapshot() *Snapshot {
	if w.st.pending != nil {
		w.pendingShared = true
	}
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
	w.st.history, w.st.ops = slices.Clip(w.st.history), slices.Clip(w.st.ops)
	w.pendingShared = w.st.pending != nil
}

// Fork returns an independent world that starts from this one's state and
// shares its cells: what happens in the fork does not touch this world.
func (w *World) Fork() *World {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.flushed()
	return w.fork(w.st)
}

// fork returns a world with w's config, options and commits at st; w's
// pending accounts must be flushed.
func (w *World) fork(st state) *World {
	st.history, st.ops = slices.Clip(st.history), slices.Clip(st.ops)
	return &World{
		machine:      tvm.NewTVM(),
		config:       w.config,
		configRoot:   w.configRoot,
		profile:      w.profile,
		seed:         w.seed,
		getterGas:    w.getterGas,
		maxTxs:       w.maxTxs,
		maxInFlight:  w.maxInFlight,
		txTimeout:    w.txTimeout,
		knobs:        w.knobs,
		historyLimit: w.historyLimit,
		snapshots:    w.snapshots,
		debugCode:    w.debugCode,
		values:       w.values,
		st:           st,
		cache:        map[accountID]*entry{},
		commits:      slices.Clip(w.commits),
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
