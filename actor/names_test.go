package actor

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nameID(i int) accountID { return sha256.Sum256([]byte(fmt.Sprint("id ", i))) }

// checkTree verifies the AVL invariants under t and returns its height.
func checkTree[K, V any](tb testing.TB, t *node[K, V], cmp func(K, K) int) int {
	tb.Helper()
	if t == nil {
		return 0
	}
	lh, rh := checkTree(tb, t.left, cmp), checkTree(tb, t.right, cmp)
	require.LessOrEqual(tb, max(lh-rh, rh-lh), 1, "balanced")
	require.Equal(tb, 1+max(lh, rh), t.height)
	require.Equal(tb, 1+t.left.size()+t.right.size(), t.count)
	if t.left != nil {
		require.Negative(tb, cmp(t.left.key, t.key), "ordered")
	}
	if t.right != nil {
		require.Positive(tb, cmp(t.right.key, t.key), "ordered")
	}
	return t.height
}

func TestNamesPersistent(t *testing.T) {
	const n = 2000
	var versions []*names
	ns := &names{}
	for i := range n {
		// Insert in an order that is neither sorted nor reversed.
		k := (i * 7919) % n
		next, err := ns.with(fmt.Sprintf("w%05d", k), nameID(k))
		require.NoError(t, err)
		versions = append(versions, ns)
		ns = next
	}
	checkTree(t, ns.byName, strings.Compare)
	h := checkTree(t, ns.byID, compareIDs)
	assert.LessOrEqual(t, h, 16, "height is O(log n)")
	assert.Equal(t, n, ns.len())

	var sorted []string
	ns.each(func(name string, id accountID) {
		sorted = append(sorted, name)
		got, ok := ns.nameOf(id)
		require.True(t, ok)
		require.Equal(t, name, got)
	})
	assert.Len(t, sorted, n)
	assert.IsIncreasing(t, sorted)

	// Every earlier version still holds exactly what it held.
	for i, v := range versions {
		require.Equal(t, i, v.len())
	}
	k := (1000 * 7919) % n
	_, ok := versions[1000].lookup(fmt.Sprintf("w%05d", k))
	assert.False(t, ok, "version 1000 does not see the 1001st name")
	_, ok = versions[1001].lookup(fmt.Sprintf("w%05d", k))
	assert.True(t, ok)

	// Both directions stay unique.
	_, err := ns.with("w00001", nameID(5))
	assert.ErrorIs(t, err, ErrNameTaken)
	_, err = ns.with("fresh", nameID(5))
	assert.ErrorIs(t, err, ErrNameTaken)
	same, err := ns.with("w00005", nameID(5))
	require.NoError(t, err)
	assert.Same(t, ns, same, "the same pair again changes nothing")

	var empty *names
	_, ok = empty.lookup("x")
	assert.False(t, ok)
	assert.Zero(t, empty.len())
}

// TestNameCostIsLogarithmic pins the cost of one more name: the old maps
// were cloned on every insert, about a megabyte at 10,000 names.
func TestNameCostIsLogarithmic(t *testing.T) {
	ns := &names{}
	for i := range 10_000 {
		var err error
		ns, err = ns.with(fmt.Sprint("w", i), nameID(i))
		require.NoError(t, err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	const adds = 100
	for i := range adds {
		_, err := ns.with(fmt.Sprint("new", i), nameID(100_000+i))
		require.NoError(t, err)
	}
	runtime.ReadMemStats(&after)
	perAdd := (after.TotalAlloc - before.TotalAlloc) / adds
	assert.Less(t, perAdd, uint64(8<<10), "bytes allocated per name at 10,000 names")
}

func TestCheckName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"alice", true},
		{"counter.v2", true},
		{"владелец", true},
		{"owner 2", true},
		{"", false},
		{"\x1b[31mred", false},
		{"a\x00b", false},
		{"ok\rFAIL", false},
		{"abc\u202edef", false},
		{"bad\xff", false},
	}
	w, err := NewWorld()
	require.NoError(t, err)
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.name), func(t *testing.T) {
			err := CheckName(tt.name)
			_, walletErr := w.NewWallet(tt.name)
			setErr := w.SetName(tt.name, WalletAddress(fmt.Sprint("other ", i)))
			if tt.ok {
				assert.NoError(t, err)
				assert.NoError(t, walletErr)
				assert.ErrorIs(t, setErr, ErrNameTaken, "the wallet has it")
				return
			}
			assert.ErrorIs(t, err, ErrBadName)
			assert.ErrorIs(t, walletErr, ErrBadName)
			assert.ErrorIs(t, setErr, ErrBadName)
		})
	}

	saved := w.Save()
	saved.Names["\x1b]0;title\a"] = WalletAddress("x")
	_, err = Load(saved)
	assert.ErrorIs(t, err, ErrBadName, "a saved world's names are checked too")
}
