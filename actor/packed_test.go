package actor

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// TestPackedCell checks that a record keeps its transaction cell packed,
// that the cell built again is the one the emulator made (its hash), and
// that it shares the message cells the record holds instead of copies.
func TestPackedCell(t *testing.T) {
	for i, tx := range variedTransactions(t) {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			require.Nil(t, tx.cell.whole, "an ordinary tree is packed")
			c, err := tx.Cell()
			require.NoError(t, err)
			assert.Equal(t, tx.Hash(), c.Hash())

			io, err := c.PeekRef(0)
			require.NoError(t, err)
			in, err := io.PeekRef(0)
			require.NoError(t, err)
			assert.Same(t, tx.InCell, in, "the inbound message is the record's own cell")

			// One ref alone, as Phases reads the description.
			for i := range int(c.RefsNum()) {
				want, err := c.PeekRef(i)
				require.NoError(t, err)
				got, err := tx.cell.unpackRef(tx.sharedCells(), i)
				require.NoError(t, err)
				assert.Equal(t, want.Hash(), got.Hash(), "ref %d", i)
			}
			_, err = tx.cell.unpackRef(tx.sharedCells(), int(c.RefsNum()))
			assert.ErrorContains(t, err, "no ref")

			// The forward fee kept off the parsed message is the one the
			// message cell holds.
			var m tlb.Message
			require.NoError(t, tlb.Parse(&m, tx.InCell))
			want := tlb.ZeroCoins
			if in, ok := m.Msg.(*tlb.InternalMessage); ok {
				want = in.FwdFee
			}
			assert.Equal(t, want.Nano().String(), tx.InForwardFee().Nano().String())
			assert.Less(t, len(tx.cell.data), 300, "no message is copied into the packed bytes")
		})
	}
}

func TestUnpackDamaged(t *testing.T) {
	shared := []*tvmcell.Cell{tvmcell.BeginCell().MustStoreUInt(7, 8).EndCell()}
	root := tvmcell.BeginCell().MustStoreUInt(0xabcdef, 24).MustStoreRef(shared[0]).
		MustStoreRef(tvmcell.BeginCell().MustStoreUInt(1, 3).EndCell()).EndCell()
	var scratch []byte
	p := wholeCell(root)
	p.pack(shared, &scratch)
	require.Nil(t, p.whole)
	c, err := p.unpack(shared)
	require.NoError(t, err)
	assert.Equal(t, root.Hash(), c.Hash())

	tests := []struct {
		name   string
		damage func(p packedCell) packedCell
		want   string
	}{
		{"truncated", func(p packedCell) packedCell { p.data = p.data[:len(p.data)-1]; return p }, "truncated"},
		{"left over", func(p packedCell) packedCell { p.data = append(p.data, 0, 0); return p }, "left over"},
		{"refs", func(p packedCell) packedCell { p.data[0] = 9; return p }, "9 refs"},
		{"other hash", func(p packedCell) packedCell { p.hash[0] ^= 1; return p }, "hash differs"},
		{"shared index", func(p packedCell) packedCell { return p }, "shared cell 0 of 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.damage(packedCell{hash: p.hash, data: append([]byte(nil), p.data...)})
			with := shared
			if tt.name == "shared index" {
				with = nil
			}
			_, err := d.unpack(with)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestRuns(t *testing.T) {
	long := make([]byte, 128)
	long[5], long[127] = 7, 9
	tests := []struct {
		name string
		data []byte
		max  int // the most bytes the runs may take
	}{
		{"empty", []byte{}, 0},
		{"one zero", []byte{0}, 1},
		{"one byte", []byte{5}, 2},
		{"zeros", make([]byte, 100), 1},
		{"mixed", []byte{1, 0, 2, 0, 0, 0, 3, 4, 0}, 9},
		{"hash then zeros", append(bytes.Repeat([]byte{0xab}, 32), make([]byte, 32)...), 34},
		{"a cell full", long, 8},
		{"no zeros", bytes.Repeat([]byte{0xff}, 128), 129},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := appendRuns(nil, tt.data)
			assert.LessOrEqual(t, len(enc), tt.max)
			r := packReader{data: enc}
			got := make([]byte, len(tt.data))
			require.NoError(t, r.runs(len(tt.data), got))
			assert.Equal(t, len(enc), r.pos, "every byte read")
			assert.Equal(t, tt.data, got[:len(tt.data)])
		})
	}
	r := packReader{data: appendRuns(nil, make([]byte, 10))}
	assert.ErrorContains(t, r.runs(5, make([]byte, 5)), "past the cell")
}

// TestUnkeptRecordsStayWhole checks that a record the history does not keep
// is never packed, and reads the same.
func TestUnkeptRecordsStayWhole(t *testing.T) {
	w, err := NewWorld(WithHistory(0))
	require.NoError(t, err)
	a, err := w.NewWallet("a")
	require.NoError(t, err)
	b, err := w.NewWallet("b")
	require.NoError(t, err)
	tr, err := w.Send(Message{From: a, To: b, Value: tlb.FromNanoTONU(1e9)})
	require.NoError(t, err)
	for _, tx := range tr.Transactions {
		assert.NotNil(t, tx.cell.whole, "not packed: only the trace holds it")
		c, err := tx.Cell()
		require.NoError(t, err)
		assert.Equal(t, tx.Hash(), c.Hash())
		_, err = tx.Phases()
		assert.NoError(t, err)
	}
}
