package actor

import (
	"errors"
	"fmt"
	"maps"

	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// The account dictionary is the world's state: account id → ShardAccount,
// one cell tree, so a snapshot is a pointer and the state root a hash. It is
// brought up to date lazily: a transaction records the account it leaves in
// state.pending, lookups read pending first, and [World.flush] writes the
// pending accounts into the dictionary only when a caller needs the
// dictionary itself (StateRoot, Snapshot, Fork, Save, Accounts), or when
// more than maxPending accounts wait. A run of sends pays for no dictionary
// updates at all.

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
	if shard, ok := w.st.pending[id]; ok {
		return shard, nil
	}
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
	if err := w.setPending(id, shard); err != nil {
		return err
	}
	e.account, e.epoch = shard.Account, w.epoch
	w.cache[id] = e
	return nil
}

// putShard writes id's ShardAccount; the next [World.entry] prepares it
// afresh.
func (w *World) putShard(id accountID, shard *tlb.ShardAccount) error {
	if err := w.setPending(id, shard); err != nil {
		return err
	}
	delete(w.cache, id)
	return nil
}

// maxPending bounds the accounts written and not yet in the dictionary:
// past it the next write brings the dictionary up to date first, so that
// copying the pending map (once per send, see [World.setPending]) stays
// cheap however many accounts a world writes between two snapshots.
const maxPending = 64

// setPending records id's ShardAccount as written. A snapshot shares the
// pending map, so the first write after one copies it; a flush leaves the
// old map as it was, so a snapshot taken before it stays whole.
func (w *World) setPending(id accountID, shard *tlb.ShardAccount) error {
	if n := len(shard.LastTransHash); n != 0 && n != hashBytes {
		return fmt.Errorf("account %s: last transaction hash of %d bytes, want %d", id.address().StringRaw(), n, hashBytes)
	}
	if len(w.st.pending) >= maxPending {
		if err := w.flush(); err != nil {
			return err
		}
	}
	switch {
	case w.st.pending == nil:
		w.st.pending = make(map[accountID]*tlb.ShardAccount, 2)
	case w.pendingShared:
		w.st.pending = maps.Clone(w.st.pending)
	}
	w.pendingShared = false
	w.st.pending[id] = shard
	return nil
}

// hashBytes is the size of a representation hash.
const hashBytes = 32

// flush brings the account dictionary up to date with the pending
// accounts. The dictionary is canonical, so the order of the writes does
// not matter.
func (w *World) flush() error {
	if len(w.st.pending) == 0 {
		return nil
	}
	dict := tvmcell.NewDict(256)
	if w.st.accounts != nil {
		dict = w.st.accounts.AsDict(256)
	}
	for id, shard := range w.st.pending {
		value, err := storeShardAccount(shard.Account, shard.LastTransHash, shard.LastTransLT)
		if err != nil {
			return err
		}
		if err := dict.SetBuilderByBytesKey(id[:], value); err != nil {
			return fmt.Errorf("account dictionary: %w", err)
		}
	}
	w.st.accounts, w.st.pending, w.pendingShared = dict.AsCell(), nil, false
	return nil
}

// flushed brings the dictionary up to date where the caller cannot report
// an error. None can happen: every pending value was checked when written
// (a ref and 320 bits always fit a cell) and the dictionary is one this
// package built or [Load] read through entirely, so setting a 256-bit key
// in it cannot fail. A failure is a bug in tonsim, reported as one.
func (w *World) flushed() {
	if err := w.flush(); err != nil {
		panic(fmt.Sprintf("actor: bringing the account dictionary up to date: %v", err))
	}
}
