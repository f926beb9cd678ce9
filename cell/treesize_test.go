package cell_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// shared returns levels cells over an empty leaf, each referring refs
// times to the one below.
func shared(levels, refs int) *tvmcell.Cell {
	c := tvmcell.BeginCell().EndCell()
	for i := range levels {
		b := tvmcell.BeginCell().MustStoreUInt(uint64(i), 8)
		for range refs {
			b.MustStoreRef(c)
		}
		c = b.EndCell()
	}
	return c
}

func TestTreeSize(t *testing.T) {
	leaf := tvmcell.BeginCell().EndCell()
	pair := tvmcell.BeginCell().MustStoreRef(leaf).MustStoreRef(tvmcell.BeginCell().MustStoreUInt(1, 1).EndCell()).EndCell()
	tests := []struct {
		name  string
		c     *tvmcell.Cell
		limit uint64
		want  uint64
	}{
		{"nil", nil, 10, 0},
		{"one cell", leaf, 10, 1},
		{"a tree counts each cell", pair, 10, 3},
		{"a chain", shared(5, 1), 10, 6},
		{"a shared cell counts once per path", shared(3, 4), 100, 1 + 4 + 16 + 64},
		{"at the limit", shared(3, 4), 85, 85},
		{"past the limit", shared(3, 4), 84, 85},
		{"far past the limit, quickly", shared(200, 4), 1 << 20, 1<<20 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cell.TreeSize(tt.c, tt.limit))
		})
	}
}

// A DAG of 31 cells, each referring four times to the one below, is a tree
// of more cells than any message holds.
func ExampleTreeSize() {
	c := tvmcell.BeginCell().EndCell()
	for range 30 {
		c = tvmcell.BeginCell().MustStoreRef(c).MustStoreRef(c).MustStoreRef(c).MustStoreRef(c).EndCell()
	}
	const limit = 1 << 20
	fmt.Println(cell.TreeSize(c, limit) > limit)
	// Output: true
}
