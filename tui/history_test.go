package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// sendsHistory is the demo's world after n more Steps from alice, each a
// send of three transactions, and a describer for it.
func sendsHistory(t *testing.T, n int) ([]*actor.Transaction, func(*actor.Transaction) *describe.Tx) {
	t.Helper()
	h := demo(t)
	for range n {
		h.press("s", "1", "enter")
	}
	cat := h.m.sess.cat
	return h.m.sess.world.Transactions(), func(tx *actor.Transaction) *describe.Tx { return describe.Describe(cat, tx) }
}

// shape is what a history shows, line by line: place, tree and route.
func shape(h history) []string {
	var out []string
	for i, l := range h.lines {
		parent := 0
		if l.parent != nil {
			parent = l.parent.n
		}
		out = append(out, itoa(l.n)+" "+itoa(l.tree)+" "+itoa(parent)+" "+l.route())
		if h.lineOf[l.n-1] != i {
			out = append(out, "lineOf is wrong for "+itoa(l.n))
		}
	}
	return out
}

func TestHistoryExtend(t *testing.T) {
	txs, d := sendsHistory(t, 2)
	require.Len(t, txs, 9, "the demo's deployment and two Steps, three transactions each")

	whole := history{}.extend(d, txs, -1)
	assert.Equal(t, []string{
		"1 0 0 external → owner", "2 0 1 └ owner → counter", "3 0 2   └ counter → owner",
		"4 3 0 external → alice", "5 3 4 └ alice → counter", "6 3 5   └ counter → alice",
		"7 6 0 external → alice", "8 6 7 └ alice → counter", "9 6 8   └ counter → alice",
	}, shape(whole))
	assert.Equal(t, 1, len(whole.children(whole.line(1))), "the wallet's transaction caused one")

	tests := []struct {
		name       string
		limit      int
		wantLoaded int
	}{
		{"a chunk ends with its send", 1, 3},
		{"a chunk on a send's end", 6, 6},
		{"past the end", 100, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history{}.extend(d, txs, tt.limit)
			assert.Equal(t, tt.wantLoaded, h.len())
			assert.Equal(t, shape(whole)[:tt.wantLoaded], shape(h), "a chunk draws what the whole does")
			rest := h.extend(d, txs, -1)
			assert.Equal(t, shape(whole), shape(rest), "and the rest follows on")
		})
	}
}

// TestHistoryCut cuts the history at every point: what is left is what
// describing that many transactions afresh gives, a send cut in its middle
// drawn again without its later transactions, and the history cut from
// stays as it was.
func TestHistoryCut(t *testing.T) {
	txs, d := sendsHistory(t, 2)
	whole := history{}.extend(d, txs, -1)
	before := shape(whole)
	for k := 0; k <= len(txs); k++ {
		cut := whole.cut(k)
		fresh := history{}.extend(d, txs[:k], -1)
		assert.Equal(t, shape(fresh), shape(cut), "cut at %d", k)
		assert.Equal(t, before, shape(whole), "cutting at %d leaves the history it cut from alone", k)
	}
}

func TestCommonPrefix(t *testing.T) {
	txs, _ := sendsHistory(t, 1)
	other := append(append([]*actor.Transaction{}, txs[:2]...), &actor.Transaction{})
	tests := []struct {
		name string
		a, b []*actor.Transaction
		want int
	}{
		{"the same", txs, txs, len(txs)},
		{"one a prefix of the other", txs[:4], txs, 4},
		{"a fork after 2", txs, other, 2},
		{"nothing", nil, txs, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, commonPrefix(tt.a, tt.b))
		})
	}
}
