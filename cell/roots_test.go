package cell_test

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

func TestBOCRoots(t *testing.T) {
	shared := tvmcell.BeginCell().MustStoreUInt(0xdeadbeef, 32).EndCell()
	a := tvmcell.BeginCell().MustStoreUInt(1, 8).MustStoreRef(shared).EndCell()
	b := tvmcell.BeginCell().MustStoreUInt(2, 8).MustStoreRef(shared).EndCell()

	both := cell.HexRoots([]*tvmcell.Cell{a, b})
	apart := len(cell.Hex(a)) + len(cell.Hex(b))
	assert.Less(t, len(both), apart, "the shared cell is stored once")
	assert.Empty(t, cell.HexRoots(nil))

	tests := []struct {
		name string
		in   string
		want []*tvmcell.Cell
		err  error
	}{
		{name: "two roots", in: both, want: []*tvmcell.Cell{a, b}},
		{name: "one root", in: cell.Hex(a), want: []*tvmcell.Cell{a}},
		{name: "binary", in: string(mustHex(t, both)), want: []*tvmcell.Cell{a, b}},
		{name: "not a BOC", in: "root:x:0:0", err: cell.ErrNotBOC},
		{name: "damaged", in: both[:len(both)-4], err: cell.ErrMalformedBOC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cell.DecodeBOCRoots([]byte(tt.in))
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.NotContains(t, err.Error(), "root:x", "an error never quotes the data")
				return
			}
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i := range got {
				assert.Equal(t, hex.EncodeToString(tt.want[i].Hash()), hex.EncodeToString(got[i].Hash()))
			}
		})
	}
}

// FuzzDecodeBOCRoots feeds arbitrary bytes: each decodes to roots or fails
// as a BOC error, never panics.
func FuzzDecodeBOCRoots(f *testing.F) {
	a := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	b := tvmcell.BeginCell().MustStoreUInt(2, 8).MustStoreRef(a).EndCell()
	f.Add([]byte(cell.HexRoots([]*tvmcell.Cell{a, b})))
	f.Add(mustHex(f, cell.HexRoots([]*tvmcell.Cell{a, b})))
	f.Add([]byte("te6c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		roots, err := cell.DecodeBOCRoots(data)
		if err != nil {
			if !errors.Is(err, cell.ErrNotBOC) && !errors.Is(err, cell.ErrMalformedBOC) {
				t.Fatalf("not a BOC error: %v", err)
			}
			return
		}
		for _, r := range roots {
			if r == nil {
				t.Fatal("a nil root")
			}
		}
	})
}
