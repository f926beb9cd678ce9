package cell_test

import (
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// The Tolk counter family's hand-written ABI files, beside its code.
const tolkCounterBuild = "../examples/contracts/tolk-counter/build"

var tolkAddr = address.MustParseRawAddr("0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31")

// tolkABIFile parses a Tolk ABI file.
func tolkABIFile(t testing.TB, path string) *cell.ABI {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	a, err := cell.ParseTolkABI(data)
	require.NoError(t, err)
	return a
}

func kindsABI(t testing.TB) *cell.ABI {
	return tolkABIFile(t, "testdata/tolk/kinds.abi.json")
}

// TestParseTolkABI reads the two files Tolk 1.4.2 wrote and the counter
// family's: names, messages, storage, events, getters and errors.
func TestParseTolkABI(t *testing.T) {
	type getter struct {
		id  int64
		ret string // "" for none
	}
	tests := []struct {
		file      string
		name      string
		storage   string // "" when the ABI declares none
		messages  map[string]uint32
		receivers []string
		events    []string
		getters   map[string]getter
		errors    map[int]string
	}{
		{
			file: "testdata/tolk/sample-counter-storage.abi.json", name: "Counter", storage: "Storage",
			messages: map[string]uint32{"Increment": 1}, receivers: []string{"Increment"},
			getters: map[string]getter{}, errors: map[int]string{},
		},
		{
			file: "testdata/tolk/sample-getter.abi.json", name: "Precompiled",
			messages: map[string]uint32{"Increment": 1}, receivers: []string{"Increment"},
			getters: map[string]getter{"currentCounter": {117456, "int"}}, errors: map[int]string{},
		},
		{
			file: filepath.Join(tolkCounterBuild, "counter_v1.abi.json"), name: "CounterV1", storage: "StorageV1",
			messages:  map[string]uint32{"Upgradeable_Upgrade": 0x0aa811ed, "Step": 1},
			receivers: []string{"Upgradeable_Upgrade", "Step"}, events: []string{"UpgradedEvent"},
			getters: map[string]getter{"value": {121536, "int"}, "version": {76407, "string"}, "owner": {83229, "address"}},
			errors: map[int]string{
				132: "only the owner may upgrade", 28700: "migrate does not know the version it is asked to migrate from",
				0xFFFF: "an unknown message body",
			},
		},
		{
			file: filepath.Join(tolkCounterBuild, "counter_v2.abi.json"), name: "CounterV2", storage: "StorageV2",
			messages:  map[string]uint32{"Upgradeable_Upgrade": 0x0aa811ed, "Step": 1},
			receivers: []string{"Upgradeable_Upgrade", "Step"}, events: []string{"UpgradedEvent"},
			getters: map[string]getter{"value": {121536, "int"}, "version": {76407, "string"}, "owner": {83229, "address"}},
			errors: map[int]string{
				132: "only the owner may upgrade", 28700: "migrate does not know the version it is asked to migrate from",
				0xFFFF: "an unknown message body",
			},
		},
		{
			file: "testdata/tolk/kinds.abi.json", name: "Kinds", storage: "Named",
			messages:  map[string]uint32{"Inc": 0x7e8764ef, "Reset": 0x3a752f06},
			receivers: []string{"Inc", "Reset", "Tagged"}, events: []string{"Left", "Right"},
			getters: map[string]getter{
				"point": {100001, "Point"}, "cellPoint": {100002, "Cell<Point>"}, "label": {100003, "string"},
				"maybe": {100004, "int8?"}, "sum": {100005, "int"}, "named": {100006, "Named"}, "nothing": {100007, ""},
			},
			errors: map[int]string{401: "ERR_NOT_OWNER"},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			a := tolkABIFile(t, tt.file)
			assert.Equal(t, tt.name, a.Name)

			st, err := a.StorageType()
			if tt.storage == "" {
				assert.ErrorIs(t, err, cell.ErrUnknownType)
			} else if assert.NoError(t, err) {
				assert.Equal(t, tt.storage, st.Name)
			}

			for name, op := range tt.messages {
				m, err := a.Message(op)
				if assert.NoError(t, err, name) {
					assert.Equal(t, name, m.Name)
				}
			}
			var receivers []string
			for _, r := range a.Receivers {
				receivers = append(receivers, r.Message.Type)
			}
			assert.Equal(t, tt.receivers, receivers)
			assert.Equal(t, tt.events, a.Events)

			got := map[string]getter{}
			for _, g := range a.Getters {
				ret := ""
				if g.ReturnType != nil {
					ret = g.ReturnType.String()
				}
				got[g.Name] = getter{g.MethodID, ret}
			}
			assert.Equal(t, tt.getters, got)
			assert.Equal(t, tt.errors, a.Errors)
		})
	}
}

// TestTolkTypes checks how Tolk types read in tonsim's model: Tact's terms
// where Tact has the value, Tolk's text for printing.
func TestTolkTypes(t *testing.T) {
	a := kindsABI(t)
	tests := []struct {
		typ, field string
		want       cell.Type
	}{
		{"Scalars", "a", cell.Type{Kind: cell.KindSimple, Type: "int", Format: "8", Tolk: "int8"}},
		{"Scalars", "b", cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "16", Tolk: "uint16"}},
		{"Scalars", "c", cell.Type{Kind: cell.KindSimple, Type: "int", Format: "varint16", Tolk: "varint16"}},
		{"Scalars", "e", cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "coins", Tolk: "coins"}},
		{"Scalars", "h", cell.Type{Kind: cell.KindSimple, Type: "bits", Format: "16", Tolk: "bits16"}},
		{"Scalars", "rest", cell.Type{Kind: cell.KindSimple, Type: "slice", Format: "remainder", Tolk: "RemainingBitsAndRefs"}},
		{"Optionals", "p", cell.Type{Kind: cell.KindSimple, Type: "Point", Optional: true, Tolk: "Point?"}},
		{"Optionals", "o", cell.Type{Kind: cell.KindSimple, Type: "address", Optional: true, Tolk: "address?"}},
		{"Refs", "p", cell.Type{Kind: cell.KindSimple, Type: "Point", Format: "ref", Tolk: "Cell<Point>"}},
		{"Refs", "m", cell.Type{Kind: cell.KindDict, Key: "uint", KeyFormat: "8", Value: "Point", Tolk: "map<uint8, Point>"}},
		{"Unions", "op", cell.Type{Kind: cell.KindSimple, Type: "Inc | Reset", Tolk: "Op"}},
		{"Named", "amount", cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "coins", Tolk: "Amount"}},
		{"Named", "color", cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "8", Tolk: "Color"}},
		{"Named", "w", cell.Type{Kind: cell.KindSimple, Type: "Wrapper<uint32>", Tolk: "Wrapper<uint32>"}},
	}
	for _, tt := range tests {
		t.Run(tt.typ+"."+tt.field, func(t *testing.T) {
			def, err := a.Type(tt.typ)
			require.NoError(t, err)
			for _, f := range def.Fields {
				if f.Name == tt.field {
					assert.Equal(t, tt.want, f.Type)
					assert.Equal(t, tt.want.Tolk, f.Type.String())
					return
				}
			}
			t.Fatalf("%s has no field %s", tt.typ, tt.field)
		})
	}
}

// dictOf builds a dictionary with keyBits-bit keys, as the TVM does.
func dictOf(t *testing.T, keyBits uint, entries map[*tvmcell.Cell]*tvmcell.Builder) *tvmcell.Cell {
	t.Helper()
	d := tvmcell.NewDict(keyBits)
	for k, v := range entries {
		require.NoError(t, d.SetBuilder(k, v))
	}
	return d.AsCell()
}

// TestTolkCodec encodes values of every supported kind and compares the
// cells with ones built bit by bit as Tolk lays them out: fields one after
// another, a Maybe bit before a nullable value, addr_none for a null
// address?, a ref for cell, string and Cell<T>, a Maybe bit and a ref for a
// map with its values inline, a union's variant after its implicit prefix.
// Each cell decodes back to the same values.
func TestTolkCodec(t *testing.T) {
	a := kindsABI(t)
	empty := tvmcell.BeginCell().EndCell()
	rest := tvmcell.BeginCell().MustStoreUInt(5, 3).MustStoreRef(empty).EndCell()
	point := func(x, y int64) *tvmcell.Builder {
		return tvmcell.BeginCell().MustStoreInt(x, 8).MustStoreInt(y, 8)
	}
	key8 := func(k uint64) *tvmcell.Cell { return tvmcell.BeginCell().MustStoreUInt(k, 8).EndCell() }
	keyAddr := tvmcell.BeginCell().MustStoreAddr(tolkAddr).EndCell()

	tests := []struct {
		name, typ string
		values    map[string]any
		want      *tvmcell.Builder
	}{
		{"scalars", "Scalars", map[string]any{
			"a": -5, "b": 65535, "c": -300, "d": uint64(1) << 40, "e": 1_000_000_000, "f": true,
			"g": tolkAddr, "h": []byte{0xAB, 0xCD}, "rest": rest,
		}, tvmcell.BeginCell().MustStoreInt(-5, 8).MustStoreUInt(65535, 16).
			MustStoreUInt(2, 4).MustStoreInt(-300, 16).
			MustStoreUInt(6, 5).MustStoreUInt(1<<40, 48).
			MustStoreUInt(4, 4).MustStoreUInt(1_000_000_000, 32).
			MustStoreBoolBit(true).MustStoreAddr(tolkAddr).MustStoreSlice([]byte{0xAB, 0xCD}, 16).
			MustStoreUInt(5, 3).MustStoreRef(empty)},
		{"nulls", "Optionals", map[string]any{"a": nil, "p": nil, "o": nil},
			tvmcell.BeginCell().MustStoreBoolBit(false).MustStoreBoolBit(false).MustStoreUInt(0, 2)},
		{"values", "Optionals", map[string]any{"a": 7, "p": map[string]any{"x": 1, "y": -1}, "o": tolkAddr},
			tvmcell.BeginCell().MustStoreBoolBit(true).MustStoreInt(7, 8).
				MustStoreBoolBit(true).MustStoreBuilder(point(1, -1)).MustStoreAddr(tolkAddr)},
		{"refs", "Refs", map[string]any{
			"c": rest, "s": "hello", "p": map[string]any{"x": 2, "y": 3},
			"m": map[string]any{"1": map[string]any{"x": 1, "y": 2}, "2": map[string]any{"x": 3, "y": 4}},
		}, tvmcell.BeginCell().MustStoreRef(rest).
			MustStoreRef(tvmcell.BeginCell().MustStoreSlice([]byte("hello"), 40).EndCell()).
			MustStoreRef(point(2, 3).EndCell()).
			MustStoreMaybeRef(dictOf(t, 8, map[*tvmcell.Cell]*tvmcell.Builder{key8(1): point(1, 2), key8(2): point(3, 4)}))},
		{"explicit and implicit prefixes", "Unions", map[string]any{
			"op": map[string]any{"Inc": map[string]any{"by": 5}}, "side": map[string]any{"Right": map[string]any{"v": true}},
			"t": map[string]any{"v": 9},
		}, tvmcell.BeginCell().MustStoreUInt(0x7e8764ef, 32).MustStoreUInt(5, 32).
			MustStoreUInt(1, 1).MustStoreBoolBit(true).
			MustStoreUInt(0x0f, 8).MustStoreUInt(9, 8).
			MustStoreBoolBit(false)},
		{"other variants", "Unions", map[string]any{
			"op": map[string]any{"Reset": map[string]any{}}, "side": map[string]any{"Left": map[string]any{"v": 200}},
			"t": map[string]any{"v": 0}, "d": map[string]any{tolkAddr.StringRaw(): rest},
		}, tvmcell.BeginCell().MustStoreUInt(0x3a752f06, 32).
			MustStoreUInt(0, 1).MustStoreUInt(200, 8).
			MustStoreUInt(0x0f, 8).MustStoreUInt(0, 8).
			MustStoreMaybeRef(dictOf(t, 267, map[*tvmcell.Cell]*tvmcell.Builder{keyAddr: tvmcell.BeginCell().MustStoreRef(rest)}))},
		{"aliases, enums, generics", "Named", map[string]any{"amount": 5, "color": 1, "w": map[string]any{"value": 77}},
			tvmcell.BeginCell().MustStoreUInt(1, 4).MustStoreUInt(5, 8).MustStoreUInt(1, 8).MustStoreUInt(77, 32)},
		{"a message", "Inc", map[string]any{"by": 3}, tvmcell.BeginCell().MustStoreUInt(0x7e8764ef, 32).MustStoreUInt(3, 32)},
		{"a short prefix", "Tagged", map[string]any{"v": 1}, tvmcell.BeginCell().MustStoreUInt(0x0f, 8).MustStoreUInt(1, 8)},
		{"bits inside a byte", "Bits", map[string]any{"b": "abc0"}, tvmcell.BeginCell().MustStoreUInt(0xabc, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want.EndCell()
			got, err := a.Encode(tt.typ, tt.values)
			require.NoError(t, err)
			require.Equal(t, cell.Print(want), cell.Print(got))

			s, err := a.Decode(tt.typ, want)
			require.NoError(t, err)
			again, err := a.EncodeStruct(s)
			require.NoError(t, err)
			assert.Equal(t, want.Hash(), again.Hash(), "decode, then encode")
		})
	}
}

// TestTolkBitsPadding: the bits of a bitsN's last byte past N are 0.
func TestTolkBitsPadding(t *testing.T) {
	_, err := kindsABI(t).Encode("Bits", map[string]any{"b": []byte{0xab, 0xc1}})
	require.ErrorIs(t, err, cell.ErrInvalidValue)
	assert.EqualError(t, err, "Bits.b: bits12: the bits after the first 12 must be 0")
}

// TestTolkUnionValue: a union decodes as the struct of its variant, and
// takes that struct back.
func TestTolkUnionValue(t *testing.T) {
	a := kindsABI(t)
	c, err := a.Encode("Unions", map[string]any{
		"op": map[string]any{"Inc": map[string]any{"by": 5}}, "side": map[string]any{"Left": map[string]any{"v": 1}},
		"t": map[string]any{"v": 2},
	})
	require.NoError(t, err)
	s, err := a.Decode("Unions", c)
	require.NoError(t, err)

	op, err := s.Get("op")
	require.NoError(t, err)
	require.IsType(t, &cell.Struct{}, op)
	assert.Equal(t, "Inc", op.(*cell.Struct).Type)
	assert.Equal(t, "{op: {by: 5}, side: {v: 1}, t: {v: 2}, d: {}}", cell.FormatValue(s))

	again, err := a.Encode("Unions", map[string]any{"op": op, "side": map[string]any{"Right": map[string]any{"v": false}}, "t": map[string]any{"v": 2}})
	require.NoError(t, err)
	back, err := a.Decode("Unions", again)
	require.NoError(t, err)
	side, _ := back.Get("side")
	assert.Equal(t, "Right", side.(*cell.Struct).Type)
}

// TestTolkDecodeErrors: a Tolk cell is read as strictly as a Tact one.
func TestTolkDecodeErrors(t *testing.T) {
	a := kindsABI(t)
	tests := []struct {
		name, typ string
		cell      *tvmcell.Builder
		kind      error
		msg       string
	}{
		{"a prefix no variant has", "Unions", tvmcell.BeginCell().MustStoreUInt(0xdeadbeef, 32), cell.ErrWrongOpcode,
			"Unions.op: the cell starts with no prefix of Inc | Reset (Inc 0x7e8764ef, Reset 0x3a752f06)"},
		{"another struct's prefix", "Tagged", tvmcell.BeginCell().MustStoreUInt(0x0e, 8).MustStoreUInt(1, 8), cell.ErrWrongOpcode,
			"Tagged: prefix 0x0e is not Tagged (0x0f)"},
		{"a short prefix cut", "Tagged", tvmcell.BeginCell().MustStoreUInt(1, 3), cell.ErrCellUnderflow,
			"Tagged: need a 8-bit prefix, 3 bits left"},
		{"bits after the last field", "Inc", tvmcell.BeginCell().MustStoreUInt(0x7e8764ef, 32).MustStoreUInt(3, 33), cell.ErrTrailingData,
			"Inc: 1 bits and 0 refs left over after by"},
		{"a nullable's value missing", "Optionals", tvmcell.BeginCell().MustStoreBoolBit(true), cell.ErrCellUnderflow,
			"Optionals.a: need 8 bits for int8?, 0 left"},
		{"bits cut", "Bits", tvmcell.BeginCell().MustStoreUInt(1, 11), cell.ErrCellUnderflow,
			"Bits.b: need 12 bits for bits12, 11 left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Decode(tt.typ, tt.cell.EndCell())
			require.ErrorIs(t, err, tt.kind)
			assert.EqualError(t, err, tt.msg)
		})
	}
}

// TestTolkGetterStack decodes what Tolk getters leave on the stack: a
// struct spread into its fields, Cell<T> and string as cells, a version
// slice as a string.
func TestTolkGetterStack(t *testing.T) {
	a := kindsABI(t)
	pointCell := tvmcell.BeginCell().MustStoreInt(2, 8).MustStoreInt(3, 8).EndCell()
	abc := tvmcell.BeginCell().MustStoreSlice([]byte("abc"), 24).EndCell()
	tests := []struct {
		getter string
		stack  []any
		want   string
	}{
		{"point", []any{big.NewInt(1), big.NewInt(-1)}, "{x: 1, y: -1}"},
		{"cellPoint", []any{pointCell}, "{x: 2, y: 3}"},
		{"label", []any{abc}, `"abc"`},
		{"label", []any{abc.MustBeginParse()}, `"abc"`},
		{"maybe", []any{nil}, "null"},
		{"maybe", []any{big.NewInt(7)}, "7"},
		{"named", []any{big.NewInt(5), big.NewInt(1), big.NewInt(77)}, "{amount: 5, color: 1, w: {value: 77}}"},
	}
	for _, tt := range tests {
		t.Run(tt.getter+" "+tt.want, func(t *testing.T) {
			g, err := a.Getter(tt.getter)
			require.NoError(t, err)
			got, err := a.FromGetterStack(*g.ReturnType, tt.stack)
			require.NoError(t, err)
			assert.Equal(t, tt.want, cell.FormatValue(got))
		})
	}

	t.Run("arguments", func(t *testing.T) {
		args, err := a.GetterArgs("sum", map[string]any{"a": 1, "b": "2"})
		require.NoError(t, err)
		assert.Equal(t, []any{big.NewInt(1), big.NewInt(2)}, args)
	})
	t.Run("a field's type reads by Tolk's rules too", func(t *testing.T) {
		def, err := a.Type("Refs")
		require.NoError(t, err)
		v, err := a.FromStack(def.Fields[2].Type, pointCell) // p: Cell<Point>
		require.NoError(t, err)
		assert.Equal(t, "{x: 2, y: 3}", cell.FormatValue(v))
	})
	t.Run("Cell<T> and string go on the stack as cells", func(t *testing.T) {
		g, err := a.Getter("cellPoint")
		require.NoError(t, err)
		v, err := a.ToStack(*g.ReturnType, map[string]any{"x": 2, "y": 3})
		require.NoError(t, err)
		assert.Equal(t, pointCell.Hash(), v.(*tvmcell.Cell).Hash())

		g, err = a.Getter("label")
		require.NoError(t, err)
		v, err = a.ToStack(*g.ReturnType, "abc")
		require.NoError(t, err)
		assert.Equal(t, abc.Hash(), v.(*tvmcell.Cell).Hash())
	})
}

// TestLoadTolkPackage: a Tolk contract's data is its storage struct.
func TestLoadTolkPackage(t *testing.T) {
	code := tvmcell.BeginCell().MustStoreUInt(0xFF00, 16).EndCell()
	data, err := os.ReadFile("testdata/tolk/sample-counter-storage.abi.json")
	require.NoError(t, err)
	p, err := cell.LoadTolkPackage(code, data)
	require.NoError(t, err)
	assert.Equal(t, "Counter", p.Name)
	assert.Equal(t, cell.Compiler{Name: "tolk", Version: "1.4.2"}, p.Compiler)
	assert.Nil(t, p.Init.Prefix)

	init, err := p.InitData(map[string]any{"counter": -3})
	require.NoError(t, err)
	assert.Equal(t, tvmcell.BeginCell().MustStoreInt(-3, 32).EndCell().Hash(), init.Hash())
	st, err := p.DecodeStorage(init)
	require.NoError(t, err)
	assert.True(t, st.Initialized)
	assert.Equal(t, "{counter: -3}", cell.FormatValue(st.Fields))

	t.Run("no storage", func(t *testing.T) {
		data, err := os.ReadFile("testdata/tolk/sample-getter.abi.json")
		require.NoError(t, err)
		p, err := cell.LoadTolkPackage(code, data)
		require.NoError(t, err)
		_, err = p.InitData(nil)
		assert.ErrorIs(t, err, cell.ErrUnknownType)
		_, err = p.DecodeStorage(init)
		assert.ErrorIs(t, err, cell.ErrUnknownType)
	})
}
