package actor_test

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func throwBody(code uint64) *tvmcell.Cell {
	return body(opThrow, func(b *tvmcell.Builder) { b.MustStoreUInt(code, 16) })
}

func TestSnapshotRestore(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)

	snap := w.Snapshot()
	root, history := w.StateRoot(), len(w.Transactions())
	assert.Equal(t, root, snap.Root())

	_, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.1")})
	require.NoError(t, err)
	require.NoError(t, w.SetNow(actor.DefaultNow+60))
	require.NoError(t, w.SetName("probe", probe))
	assert.NotEqual(t, root, w.StateRoot())
	assert.Equal(t, int64(2), getInt(t, w, probe, "seen").Int64())

	w.Restore(snap)
	assert.Equal(t, root, w.StateRoot())
	assert.Len(t, w.Transactions(), history)
	assert.Equal(t, uint32(actor.DefaultNow), w.Now())
	assert.Equal(t, "", w.NameOf(probe), "names are part of the snapshot")
	assert.Equal(t, int64(1), getInt(t, w, probe, "seen").Int64())

	// A new history from the restored point; the snapshot stays usable.
	_, err = w.Send(actor.Message{From: alice, To: probe, Value: ton("0.1")})
	require.NoError(t, err)
	later := w.Snapshot()
	w.Restore(snap)
	assert.Equal(t, root, w.StateRoot())
	assert.Len(t, snap.Transactions(), history)
	assert.Len(t, later.Transactions(), history+2, "wallet and probe: the second branch's history is its own")
	w.Restore(later)
	assert.Equal(t, later.Root(), w.StateRoot())
	assert.Equal(t, int64(2), getInt(t, w, probe, "seen").Int64())
}

func TestSnapshotHistoryNotOverwritten(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)
	base := w.Snapshot()

	_, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.1")})
	require.NoError(t, err)
	branchA := w.Snapshot()
	aHashes := hashes(branchA.Transactions())

	w.Restore(base)
	_, err = w.Send(actor.Message{From: alice, To: probe, Value: ton("0.2"), Body: throwBody(9)})
	require.NoError(t, err)

	assert.Equal(t, aHashes, hashes(branchA.Transactions()), "writing branch B leaves branch A's records alone")
}

func TestFork(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)
	root := w.StateRoot()

	fork := w.Fork()
	assert.Equal(t, root, fork.StateRoot())
	_, err := fork.Send(actor.Message{From: alice, To: probe, Value: ton("0.1")})
	require.NoError(t, err)

	assert.Equal(t, root, w.StateRoot(), "the fork does not touch its origin")
	assert.Equal(t, int64(1), getInt(t, w, probe, "seen").Int64())
	assert.Equal(t, int64(2), getInt(t, fork, probe, "seen").Int64())
	assert.Len(t, fork.Transactions(), len(w.Transactions())+2)
}

func TestStateRootIsContentAddressed(t *testing.T) {
	build := func(order []string) actor.StateRoot {
		w := newWorld(t)
		for _, name := range order {
			newWallet(t, w, name)
		}
		return w.StateRoot()
	}
	empty := newWorld(t).StateRoot()
	ab := build([]string{"a", "b"})
	assert.Equal(t, ab, build([]string{"b", "a"}), "equal accounts, equal roots, whatever the order")
	assert.NotEqual(t, ab, build([]string{"a"}))
	assert.NotEqual(t, empty, build([]string{"a"}))
	assert.Equal(t, empty, newWorld(t).StateRoot())
}

// script runs a fixed sequence of sends, optionally detouring through a
// snapshot, and returns every transaction's record and the final root.
func script(t *testing.T, detour bool) ([]string, actor.StateRoot) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	bob := newWallet(t, w, "bob", actor.WithBalance(ton("50")))
	probe := deployProbe(t, w, alice, 3)
	sends := []actor.Message{
		{From: bob, To: probe, Value: ton("0.3")},
		{From: alice, To: probe, Value: ton("0.2"), Body: throwBody(100)},
		{From: bob, To: alice, Value: ton("1")},
		{From: alice, To: probe, Value: ton("0.1"), Body: body(opRemember, nil)},
	}
	var txs []string
	for i, m := range sends {
		if detour && i == 2 {
			snap := w.Snapshot()
			_, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("5")})
			require.NoError(t, err)
			w.Restore(snap)
		}
		tr, err := w.Send(m)
		require.NoError(t, err)
		for _, tx := range tr.Transactions {
			txs = append(txs, record(tx))
		}
	}
	return txs, w.StateRoot()
}

// record is one line per transaction with everything that must not drift:
// its hash, who ran what, and what it cost.
func record(tx *actor.Transaction) string {
	from := "external"
	if tx.From != nil {
		from = tx.From.StringRaw()[:8]
	}
	return fmt.Sprintf("lt %-2d %s %s → %s exit %d action %d success %t bounced %t gas %d fees %s value %s out %s data %x",
		tx.LT, hex.EncodeToString(tx.Hash()), from, tx.To.StringRaw()[:8], tx.ExitCode, tx.ActionCode, tx.Success, tx.Bounced,
		tx.GasUsed, tx.Fees, tx.Value, tx.ValueOut, tx.DataAfter.Hash()[:8])
}

func TestDeterministic(t *testing.T) {
	first, firstRoot := script(t, false)
	// The exact records, pinned: a change of hash, gas or fees, here or in
	// tonutils-go, shows up as a diff (go test ./actor -update accepts it).
	golden.Equal(t, "testdata/deterministic.golden", fmt.Sprintf("%s\nroot %s\n", strings.Join(first, "\n"), firstRoot))

	again, againRoot := script(t, false)
	assert.Equal(t, first, again, "the same inputs give the same transactions")
	assert.Equal(t, firstRoot, againRoot)

	// Prepared accounts are cached between transactions; a restore makes the
	// world prepare them again. The results must not notice.
	detour, detourRoot := script(t, true)
	assert.Equal(t, first, detour)
	assert.Equal(t, firstRoot, detourRoot)
}

func hashes(txs []*actor.Transaction) []string {
	out := make([]string, len(txs))
	for i, tx := range txs {
		out[i] = hex.EncodeToString(tx.Hash())
	}
	return out
}

func TestNames(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)

	require.NoError(t, w.SetName("counter", probe))
	require.NoError(t, w.SetName("counter", probe), "naming again is a no-op")
	got, err := w.Lookup("counter")
	require.NoError(t, err)
	assert.True(t, got.Equals(probe))
	assert.Equal(t, []string{"alice", "counter"}, w.Names())

	tests := []struct {
		name    string
		give    string
		addr    *address.Address
		wantErr error
	}{
		{"name of another", "alice", probe, actor.ErrNameTaken},
		{"second name", "other", probe, actor.ErrNameTaken},
		{"other workchain", "mc", address.MustParseRawAddr("-1:" + hex.EncodeToString(make([]byte, 32))), actor.ErrWorkchain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, w.SetName(tt.give, tt.addr), tt.wantErr)
		})
	}
	_, err = w.Lookup("nobody")
	require.ErrorIs(t, err, actor.ErrUnknownName)
	_, err = w.Wallet("counter")
	require.ErrorIs(t, err, actor.ErrUnknownWallet, "a name that is not a wallet")
}

func TestAccounts(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	newWallet(t, w, "bob")
	deployProbe(t, w, alice, 1)

	accs, err := w.Accounts()
	require.NoError(t, err)
	require.Len(t, accs, 3)
	for i := 1; i < len(accs); i++ {
		assert.Less(t, hex.EncodeToString(accs[i-1].Address.Data()), hex.EncodeToString(accs[i].Address.Data()), "ordered by address")
	}
}

func TestTransactionSnapshots(t *testing.T) {
	w := newWorld(t)
	alice := newWallet(t, w, "alice")
	probe := deployProbe(t, w, alice, 1)
	for _, tx := range w.Transactions() {
		assert.Nil(t, tx.After, "off by default")
	}

	w.SetTransactionSnapshots(true)
	ping := body(opForward, func(b *tvmcell.Builder) {
		b.MustStoreAddr(probe).MustStoreBigCoins(ton("0.1").Nano()).MustStoreBoolBit(true).MustStoreUInt(0, 8).MustStoreMaybeRef(nil)
	})
	tr, err := w.Send(actor.Message{From: alice, To: probe, Value: ton("0.5"), Body: ping})
	require.NoError(t, err)
	require.Len(t, tr.Transactions, 3, "wallet, probe, probe again")
	for i, tx := range tr.Transactions {
		require.NotNil(t, tx.After)
		assert.Len(t, tx.After.Transactions(), len(w.Transactions())-len(tr.Transactions)+i+1)
	}
	assert.Equal(t, w.StateRoot(), tr.Transactions[2].After.Root())

	// Back to between the probe's two transactions: it has seen 2 messages.
	w.Restore(tr.Transactions[1].After)
	assert.Equal(t, int64(2), getInt(t, w, probe, "seen").Int64())
	w.Restore(tr.Transactions[2].After)
	assert.Equal(t, int64(3), getInt(t, w, probe, "seen").Int64())
}
