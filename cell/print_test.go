package cell_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

func TestPrintFiftHex(t *testing.T) {
	tests := []struct {
		bits uint
		val  uint64
		want string
	}{
		{0, 0, "0 bits x{}\n"},
		{1, 1, "1 bits x{C_}\n"},
		{1, 0, "1 bits x{4_}\n"},
		{2, 1, "2 bits x{6_}\n"},
		{3, 1, "3 bits x{3_}\n"},
		{4, 0xa, "4 bits x{A}\n"},
		{7, 5, "7 bits x{0B_}\n"},
		{12, 0xabc, "12 bits x{ABC}\n"},
		{16, 0xdead, "16 bits x{DEAD}\n"},
		{17, 1, "17 bits x{0000C_}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			c := tvmcell.BeginCell().MustStoreUInt(tt.val, tt.bits).EndCell()
			assert.Equal(t, tt.want, cell.Print(c))
		})
	}
}

func TestPrint(t *testing.T) {
	leaf := build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xf, 4) })
	shared := build(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 8).MustStoreRef(leaf).MustStoreRef(leaf) })

	// A chain deeper than the printer goes.
	deep := leaf
	for i := 0; i < 100; i++ {
		deep = build(func(b *tvmcell.Builder) { b.MustStoreUInt(uint64(i), 8).MustStoreRef(deep) })
	}
	// A small DAG that unfolds into 2^13 cells.
	wide := leaf
	for i := 0; i < 12; i++ {
		wide = build(func(b *tvmcell.Builder) { b.MustStoreRef(wide).MustStoreRef(wide) })
	}

	tests := []struct {
		name string
		c    *tvmcell.Cell
	}{
		{"counter_lazy", mustParse(t, counterV2Lazy)},
		{"shared", build(func(b *tvmcell.Builder) { b.MustStoreRef(shared).MustStoreRef(shared).MustStoreRef(leaf) })},
		{"exotic", libraryCell(t)},
		{"deep", deep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			goldenFile(t, "print_"+tt.name+".txt", cell.Print(tt.c))
		})
	}

	t.Run("limits", func(t *testing.T) {
		assert.Equal(t, 64, strings.Count(cell.Print(deep), "bits"), "64 levels of cells are printed")
		assert.Contains(t, cell.Print(deep), "… 1 refs deeper than 64 levels not shown")
		assert.LessOrEqual(t, strings.Count(cell.Print(wide), "bits"), 2000)
		assert.Contains(t, cell.Print(wide), "not shown (over 2000 cells)")
	})
}

func TestPrintStruct(t *testing.T) {
	k := kitchenPackage(t)
	wrap := mustStruct(t, k.ABI, "Wrap", map[string]any{"o": outerValues(), "n": 9})
	bytesStruct := mustStruct(t, k.ABI, "Bytes", bytesValues())
	storage, err := counter(t, "V2").DecodeStorage(mustParse(t, counterV2Lazy))
	require.NoError(t, err)

	tests := []struct {
		name string
		s    *cell.Struct
	}{
		{"wrap", wrap},
		{"bytes", bytesStruct},
		{"counter_lazy", storage.Fields},
		{"empty", &cell.Struct{Type: "Empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			goldenFile(t, "struct_"+tt.name+".txt", cell.PrintStruct(tt.s))
		})
	}
}

func TestFormatValue(t *testing.T) {
	c := build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xdead, 16).MustStoreRef(tvmcell.BeginCell().EndCell()) })
	long := build(func(b *tvmcell.Builder) { b.MustStoreSlice(make([]byte, 40), 320) })
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, "null"},
		{"int", mustStruct(t, kitchenPackage(t).ABI, "Point", map[string]any{"a": -3, "b": 4}), "{a: -3, b: 4}"},
		{"string", "a\"b\n", `"a\"b\n"`},
		{"bytes", []byte{1, 0xab}, "0x01ab"},
		{"cell", c, "x{DEAD} (16 bits, 1 ref, #" + cell.Hex(c)[0:0] + hashPrefix(c) + ")"},
		{"long cell", long, "x{" + strings.Repeat("0", 32) + "…} (320 bits, 0 refs, #" + hashPrefix(long) + ")"},
		{"go map", map[string]any{"b": 2, "a": "x"}, `{a: "x", b: 2}`},
		{"empty map", &cell.Map{}, "{}"},
		{"bool", true, "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cell.FormatValue(tt.v))
		})
	}
}

func hashPrefix(c *tvmcell.Cell) string {
	const digits = "0123456789abcdef"
	h := c.Hash()[:4]
	out := make([]byte, 0, 8)
	for _, b := range h {
		out = append(out, digits[b>>4], digits[b&0xf])
	}
	return string(out)
}
