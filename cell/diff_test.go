package cell_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

func changeLines(changes []cell.Change) string {
	var sb strings.Builder
	for _, c := range changes {
		sb.WriteString(c.String() + "\n")
	}
	return sb.String()
}

func TestDiffStructs(t *testing.T) {
	abi := kitchenPackage(t).ABI
	sink := func(edit func(v map[string]any)) *cell.Struct {
		v := sinkValues()
		edit(v)
		return mustStruct(t, abi, "Sink", v)
	}
	base := sink(func(map[string]any) {})

	tests := []struct {
		name string
		new  *cell.Struct
		want string
	}{
		{"same", sink(func(map[string]any) {}), ""},
		{"scalar", sink(func(v map[string]any) { v["u32"] = 1 }), "u32: 4000000000 → 1\n"},
		{"nested struct field", sink(func(v map[string]any) { v["inner"] = map[string]any{"x": 1, "y": true} }), "inner.x: 200 → 1\n"},
		{"optional set", sink(func(v map[string]any) {
			v["maybeInner"] = map[string]any{"x": 1, "y": true}
			v["maybeOwner"] = strangerAddr
		}),
			"maybeOwner: null → " + strangerAddr + "\nmaybeInner: null → {x: 1, y: true}\n"},
		{"map entries", sink(func(v map[string]any) {
			v["small"] = map[string]any{"1": 100, "2": 201, "3": 300}
			v["points"] = map[string]any{"-5": map[string]any{"a": -301, "b": 65535}}
		}), "small[2]: 200 → 201\nsmall[3]: 300 (added)\nsmall[255]: 4294967295 (removed)\npoints[-5].a: -300 → -301\npoints[7]: {a: 12, b: 0} (removed)\n"},
		{"address key", sink(func(v map[string]any) { v["allowed"] = map[string]any{ownerAddr: false, strangerAddr: false} }),
			"allowed[" + ownerAddr + "]: true → false\n"},
		{"cell", sink(func(v map[string]any) { v["tail"] = build(func(b *tvmcell.Builder) { b.MustStoreUInt(6, 7) }) }), "tail: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changeLines(cell.DiffStructs(base, tt.new))
			if tt.name == "cell" {
				assert.True(t, strings.HasPrefix(got, tt.want), got)
				assert.Equal(t, 1, strings.Count(got, "\n"))
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}

	t.Run("counter step", func(t *testing.T) {
		p := counter(t, "V1")
		before, err := p.DecodeStorage(mustParse(t, "b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000028"))
		require.NoError(t, err)
		after, err := p.DecodeStorage(mustParse(t, counterV1Data))
		require.NoError(t, err)
		changes := cell.DiffStructs(before.Fields, after.Fields)
		require.Len(t, changes, 1)
		assert.Equal(t, "value", changes[0].Path)
		assert.Equal(t, "value: 2 → 3", changes[0].String())
	})

	t.Run("addresses", func(t *testing.T) {
		fields := func(addrs ...*address.Address) *cell.Struct {
			s := &cell.Struct{Type: "A"}
			for i, a := range addrs {
				s.Fields = append(s.Fields, cell.FieldValue{Name: fmt.Sprint("a", i), Value: a})
			}
			return s
		}
		owner, stranger := address.MustParseRawAddr(ownerAddr), address.MustParseRawAddr(strangerAddr)
		ext := func(b byte) *address.Address { return address.NewAddressExt(0, 8, []byte{b}) }
		old := fields(owner, address.NewAddressNone(), ext(1), owner, owner, ext(1))
		new := fields(address.MustParseRawAddr(ownerAddr), address.NewAddressNone(), ext(1), stranger, address.NewAddressNone(), ext(2))
		assert.Equal(t, "a3: "+ownerAddr+" → "+strangerAddr+"\na4: "+ownerAddr+" → null\na5: "+ext(1).String()+" → "+ext(2).String()+"\n",
			changeLines(cell.DiffStructs(old, new)), "equal addresses, other objects, are no change")
	})

	t.Run("different types", func(t *testing.T) {
		a := &cell.Struct{Type: "A", Fields: []cell.FieldValue{{Name: "x", Value: true}, {Name: "gone", Value: "old"}}}
		b := &cell.Struct{Type: "B", Fields: []cell.FieldValue{{Name: "x", Value: true}, {Name: "new", Value: "fresh"}}}
		assert.Equal(t, "gone: \"old\" (removed)\nnew: \"fresh\" (added)\n", changeLines(cell.DiffStructs(a, b)))
	})
}

func TestDiffCells(t *testing.T) {
	leaf := func(v uint64) *tvmcell.Cell { return build(func(b *tvmcell.Builder) { b.MustStoreUInt(v, 8) }) }
	node := func(v uint64, refs ...*tvmcell.Cell) *tvmcell.Cell {
		return build(func(b *tvmcell.Builder) {
			b.MustStoreUInt(v, 4)
			for _, r := range refs {
				b.MustStoreRef(r)
			}
		})
	}

	tests := []struct {
		name     string
		old, new *tvmcell.Cell
		paths    []string
	}{
		{"same", node(1, leaf(1)), node(1, leaf(1)), nil},
		{"root bits", node(1, leaf(1)), node(2, leaf(1)), []string{"root"}},
		{"deep change", node(1, node(1, leaf(1), leaf(2))), node(1, node(1, leaf(1), leaf(3))), []string{"root.ref[0].ref[1]"}},
		{"ref added", node(1, leaf(1)), node(1, leaf(1), leaf(2)), []string{"root", "root.ref[1]"}},
		{"ref removed", node(1, leaf(1), leaf(2)), node(1, leaf(2)), []string{"root", "root.ref[0]", "root.ref[1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paths []string
			for _, c := range cell.DiffCells(tt.old, tt.new) {
				paths = append(paths, c.Path)
			}
			assert.Equal(t, tt.paths, paths)
		})
	}

	t.Run("golden", func(t *testing.T) {
		old := mustParse(t, counterV1Data)
		goldenFile(t, "diff_cells.txt", changeLines(cell.DiffCells(old, mustParse(t, counterV2Lazy))))
	})
	t.Run("sides", func(t *testing.T) {
		changes := cell.DiffCells(node(1, leaf(1)), node(1, leaf(1), leaf(2)))
		require.Len(t, changes, 2)
		assert.Nil(t, changes[1].Old)
		assert.Equal(t, leaf(2).Hash(), changes[1].New.(*tvmcell.Cell).Hash())
	})
}
