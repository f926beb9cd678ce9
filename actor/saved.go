package actor

import (
	"fmt"
	"maps"
	"math"
	"sort"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// MaxLT is the largest logical time a world runs at: the emulator takes it
// as an int64.
const MaxLT = math.MaxInt64

// Saved is a world's state in a form that outlives the process: the account
// dictionary (one cell tree: serialize it as a BOC), the names, the clock,
// the logical time, the seed and the commits. The history of transactions
// is not part of it.
type Saved struct {
	// Accounts is the account dictionary; nil for a world without accounts.
	Accounts *tvmcell.Cell
	Names    map[string]*address.Address
	Now      uint32
	// LT is the logical time the next transaction starts at or after: in
	// [1, MaxLT] and past every account's last transaction.
	LT   uint64
	Seed [32]byte
	// Profile names the config the world ran with ([World.Config]) and
	// Config is its root; Load runs the world with it unless an option
	// says otherwise.
	Profile string
	Config  *tvmcell.Cell
	// Commits are the world's commits, oldest first ([World.Commits]),
	// each state without its history.
	Commits []SavedCommit
}

// Save returns the world's state.
func (w *World) Save() *Saved {
	w.mu.Lock()
	defer w.mu.Unlock()

	w.flushed()
	s := &Saved{Accounts: w.st.accounts, Names: make(map[string]*address.Address, w.st.names.len()), Now: w.st.now, LT: w.st.lt, Seed: w.seed,
		Profile: w.profile, Config: w.configRoot}
	w.st.names.each(func(name string, id accountID) { s.Names[name] = id.address() })
	s.Commits = saveCommits(w.commits)
	return s
}

// Load builds a world holding a saved state, with its saved config; opts
// may set another config or the getter gas limit (the saved clock and seed
// win over WithNow and WithSeed).
// Every account is parsed first, so a damaged save is an error, not a world
// that fails later; so is a logical time out of range or not past an
// account's last transaction. Each saved commit's clock, logical time and
// names are checked the same way, and its accounts when a session or a
// checkout first opens it. Loading n accounts and names costs O(n log n).
func Load(s *Saved, opts ...Option) (*World, error) {
	if s.Config != nil {
		opts = append([]Option{WithConfig(s.Config)}, opts...)
	}
	w, err := NewWorld(opts...)
	if err != nil {
		return nil, err
	}
	w.seed = s.Seed
	if err := w.loadCommits(s.Commits); err != nil {
		return nil, err
	}
	if err := w.loadState(s.Accounts, s.Names, s.Now, s.LT, false); err != nil {
		return nil, err
	}
	return w, nil
}

// loadState makes a saved state the world's: its accounts (each parsed,
// its last transaction before lt, unless lazy: see [World.open]), names,
// clock and logical time.
func (w *World) loadState(accounts *tvmcell.Cell, saved map[string]*address.Address, now uint32, lt uint64, lazy bool) error {
	if lt < 1 || lt > MaxLT {
		return fmt.Errorf("saved lt %d is out of range [1, %d]", lt, uint64(MaxLT))
	}
	block, err := w.newBlock(now)
	if err != nil {
		return err
	}
	w.st = state{now: now, block: block, lt: lt, accounts: accounts, names: &names{}}
	w.epoch++
	if !lazy {
		if err := w.checkAccounts(); err != nil {
			return err
		}
	}

	names := &names{}
	for _, name := range sortedKeys(saved) {
		if err := CheckName(name); err != nil {
			return fmt.Errorf("saved names: %w", err)
		}
		id, err := idOf(saved[name])
		if err != nil {
			return fmt.Errorf("saved name %q: %w", name, err)
		}
		if names, err = names.with(name, id); err != nil {
			return fmt.Errorf("saved names: %w", err)
		}
	}
	w.st.names = names
	return nil
}

// checkAccounts parses every account of the state, and checks that its
// last transaction came before the state's logical time.
func (w *World) checkAccounts() error {
	ids, err := w.accountIDs()
	if err != nil {
		return fmt.Errorf("saved accounts: %w", err)
	}
	for _, id := range ids {
		e, err := w.entry(id)
		if err != nil {
			return fmt.Errorf("saved accounts: %w", err)
		}
		if last := e.prepared.ShardAccount().LastTransLT; last >= w.st.lt {
			return fmt.Errorf("saved account %s: its last transaction's lt %d is not before the world's lt %d", id.address().StringRaw(), last, w.st.lt)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range maps.Keys(m) {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
