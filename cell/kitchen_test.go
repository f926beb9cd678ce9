package cell_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// The kitchen contract (testdata/kitchen/kitchen.tact) builds example values
// of every kind of field on-chain; these tests check the codec against the
// cells and stacks the real compiled code produces.

const (
	ownerAddr    = "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31"
	strangerAddr = "0:addb8938e3b803327480722c3e422548c70b7dfcbf69f272253ebb5505f7fc82"
	deployerAddr = "0:4686a2c066c784a915f3e01c853d3195ed254c948e21adbb3e4a9b3f5f3c74d7"
	masterAddr   = "-1:3333333333333333333333333333333333333333333333333333333333333333"
	oneAddr      = "0:0000000000000000000000000000000000000000000000000000000000000001"

	lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation."
)

func kitchenPackage(t testing.TB) *cell.Package {
	t.Helper()
	p, err := cell.LoadPackage("testdata/kitchen/Kitchen_Kitchen.pkg")
	require.NoError(t, err)
	return p
}

// kitchenInit are init arguments of the Kitchen contract.
func kitchenInit() map[string]any {
	return map[string]any{
		"seed":  7,
		"owner": ownerAddr,
		"label": "hi",
		"memo":  "memo",
		"extra": build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xe, 4) }),
	}
}

// kitchen is the Kitchen contract before init() ran.
func kitchen(t testing.TB) *contract {
	t.Helper()
	p := kitchenPackage(t)
	data, err := p.InitData(kitchenInit())
	require.NoError(t, err)
	return newContract(t, p, data)
}

// build makes a cell with tonutils-go's builder.
func build(f func(b *tvmcell.Builder)) *tvmcell.Cell {
	b := tvmcell.BeginCell()
	f(b)
	return b.EndCell()
}

func sinkValues() map[string]any {
	return map[string]any{
		"i8":         -128,
		"big":        "-123456789012345678901234567890",
		"u32":        uint32(4000000000),
		"optInt":     513,
		"amount":     "1500000000",
		"vi16":       -77777,
		"vu32":       "123456789012345678901234567890",
		"flag":       true,
		"optFlag":    false,
		"owner":      ownerAddr,
		"maybeOwner": nil,
		"payload": build(func(b *tvmcell.Builder) {
			b.MustStoreUInt(0xdead, 16).MustStoreRef(build(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 3) }))
		}),
		"name":      "kitchen sink",
		"maybeName": lorem,
		"inner":     map[string]any{"x": 200, "y": true},
		"small":     map[string]any{"1": 100, "2": 200, "255": "4294967295"},
		"allowed":   map[string]any{ownerAddr: true, strangerAddr: false},
		"points": map[string]any{
			"-5": map[string]any{"a": -300, "b": 65535},
			"7":  map[string]any{"a": 12, "b": 0},
		},
		"tail": build(func(b *tvmcell.Builder) { b.MustStoreUInt(5, 7) }),
	}
}

func bytesValues() map[string]any {
	hash := make([]byte, 32)
	for i := range hash {
		hash[i] = byte(i + 1)
	}
	sig := make([]byte, 64)
	sig[31], sig[63] = 1, 2
	return map[string]any{
		"hash":      hash,
		"sig":       "0x" + strings.Repeat("00", 31) + "01" + strings.Repeat("00", 31) + "02",
		"maybeHash": nil,
		"data":      build(func(b *tvmcell.Builder) { b.MustStoreUInt(3, 5) }),
		"maybeData": build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xff, 8) }),
		"build":     build(func(b *tvmcell.Builder) { b.MustStoreBoolBit(true) }),
		"coinsMap":  map[string]any{"-1": 1_000_000, "300": 0},
		"addrMap":   map[string]any{"77": strangerAddr},
		"cellMap":   map[string]any{ownerAddr: build(func(b *tvmcell.Builder) { b.MustStoreUInt(42, 8) })},
		"rest": build(func(b *tvmcell.Builder) {
			b.MustStoreUInt(0xabc, 12).MustStoreRef(build(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 1) }))
		}),
	}
}

func spillValues() map[string]any {
	return map[string]any{
		"a1": ownerAddr, "a2": strangerAddr, "a3": deployerAddr, "a4": masterAddr, "a5": oneAddr,
		"n1": 1, "n2": -2, "n3": 3, "n4": new(big.Int).Lsh(big.NewInt(1), 255),
	}
}

func pingValues() map[string]any {
	return map[string]any{
		"queryId": "0xffffffffffffffff",
		"inner":   map[string]any{"x": 1, "y": false},
		"note":    "pong",
		"body":    build(func(b *tvmcell.Builder) { b.MustStoreUInt(9, 4) }),
	}
}

// tightValues fill 1023 bits: the last field goes to a second cell.
func tightValues() map[string]any {
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	max255 := new(big.Int).Rsh(max256, 1)
	return map[string]any{"a": max256, "b": 1, "c": 2, "d": max255}
}

// refs4Values take four refs: the last goes to a second cell.
func refs4Values() map[string]any {
	out := map[string]any{}
	for i, name := range []string{"a", "b", "c", "d"} {
		out[name] = build(func(b *tvmcell.Builder) { b.MustStoreUInt(uint64(i+1), 8) })
	}
	return out
}

// fullValues take 991 bits after the opcode: the last field goes to a second cell.
func fullValues() map[string]any {
	return map[string]any{"a": 1, "b": 2, "c": 3, "d": new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 223), big.NewInt(1))}
}

func outerValues() map[string]any {
	return map[string]any{
		"a":     -1,
		"inner": map[string]any{"x": 5, "y": true},
		"mi":    map[string]any{"x": 6, "y": false},
		"deep":  map[string]any{"p": map[string]any{"a": -2, "b": 3}, "q": 4},
	}
}

// TestKitchenCells checks, for every kitchen type, that Encode gives the
// cell Tact's toCell() builds on-chain, and that Decode reads it back to the
// same values and cell.
func TestKitchenCells(t *testing.T) {
	k := kitchen(t)
	tests := []struct {
		getter string
		args   map[string]any
		typ    string
		values map[string]any
	}{
		{getter: "sinkCell", typ: "Sink", values: sinkValues()},
		{getter: "bytesCell", typ: "Bytes", values: bytesValues()},
		{getter: "spillCell", typ: "Spill", values: spillValues()},
		{getter: "pingCell", typ: "Ping", values: pingValues()},
		{getter: "envelopeCell", typ: "Envelope", values: map[string]any{"seq": 3, "ping": pingValues()}},
		{getter: "innerCell", args: map[string]any{"x": 200, "y": true}, typ: "Inner", values: map[string]any{"x": 200, "y": true}},
		{getter: "outerCell", args: map[string]any{"o": outerValues()}, typ: "Outer", values: outerValues()},
		{getter: "sinkCellOf", args: map[string]any{"s": sinkValues()}, typ: "Sink", values: sinkValues()},
		{getter: "tightCell", typ: "Tight", values: tightValues()},
		{getter: "refs4Cell", typ: "Refs4", values: refs4Values()},
		{getter: "fullCell", typ: "Full", values: fullValues()},
	}
	for _, tt := range tests {
		t.Run(tt.getter, func(t *testing.T) {
			tact := k.runCell(t, tt.getter, tt.args)

			ours, err := k.pkg.ABI.Encode(tt.typ, tt.values)
			require.NoError(t, err)
			assert.Equal(t, cell.Print(tact), cell.Print(ours), "Encode differs from Tact's toCell()")
			require.Equal(t, tact.Hash(), ours.Hash())

			decoded, err := k.pkg.ABI.Decode(tt.typ, tact)
			require.NoError(t, err)
			again, err := k.pkg.ABI.EncodeStruct(decoded)
			require.NoError(t, err)
			assert.Equal(t, tact.Hash(), again.Hash(), "EncodeStruct(Decode(c)) differs from c")

			goldenFile(t, "kitchen_"+tt.getter+".txt", cell.PrintStruct(decoded)+"\n"+cell.Print(tact))
		})
	}
}

// TestKitchenDecodedValues spot-checks decoded values of every kind.
func TestKitchenDecodedValues(t *testing.T) {
	k := kitchen(t)
	sink, err := k.pkg.ABI.Decode("Sink", k.runCell(t, "sinkCell", nil))
	require.NoError(t, err)
	bytesStruct, err := k.pkg.ABI.Decode("Bytes", k.runCell(t, "bytesCell", nil))
	require.NoError(t, err)
	spill, err := k.pkg.ABI.Decode("Spill", k.runCell(t, "spillCell", nil))
	require.NoError(t, err)

	tests := []struct {
		s    *cell.Struct
		path string
		want string
	}{
		{sink, "i8", "-128"},
		{sink, "big", "-123456789012345678901234567890"},
		{sink, "u32", "4000000000"},
		{sink, "optInt", "513"},
		{sink, "amount", "1500000000"},
		{sink, "vi16", "-77777"},
		{sink, "vu32", "123456789012345678901234567890"},
		{sink, "flag", "true"},
		{sink, "optFlag", "false"},
		{sink, "owner", ownerAddr},
		{sink, "maybeOwner", "null"},
		{sink, "maybePayload", "null"},
		{sink, "name", `"kitchen sink"`},
		{sink, "maybeName", `"` + lorem + `"`},
		{sink, "inner", "{x: 200, y: true}"},
		{sink, "maybeInner", "null"},
		{sink, "small", "{1: 100, 2: 200, 255: 4294967295}"},
		{sink, "allowed", "{" + ownerAddr + ": true, " + strangerAddr + ": false}"},
		{sink, "points", "{-5: {a: -300, b: 65535}, 7: {a: 12, b: 0}}"},
		{bytesStruct, "sig", "0x" + strings.Repeat("00", 31) + "01" + strings.Repeat("00", 31) + "02"},
		{bytesStruct, "maybeHash", "null"},
		{bytesStruct, "coinsMap", "{-1: 1000000, 300: 0}"},
		{bytesStruct, "addrMap", "{77: " + strangerAddr + "}"},
		{spill, "a4", masterAddr},
		{spill, "n4", new(big.Int).Lsh(big.NewInt(1), 255).String()},
	}
	for _, tt := range tests {
		t.Run(tt.s.Type+"."+tt.path, func(t *testing.T) {
			v, err := tt.s.Get(tt.path)
			require.NoError(t, err)
			assert.Equal(t, tt.want, cell.FormatValue(v))
		})
	}

	t.Run("Sink.payload", func(t *testing.T) {
		v, err := sink.Get("payload")
		require.NoError(t, err)
		assert.Equal(t, sinkValues()["payload"].(*tvmcell.Cell).Hash(), v.(*tvmcell.Cell).Hash())
	})
	t.Run("Sink.tail", func(t *testing.T) {
		v, err := sink.Get("tail")
		require.NoError(t, err)
		assert.Equal(t, "7 bits x{0B_}\n", cell.Print(v.(*tvmcell.Cell)))
	})
}

// TestKitchenVarInts checks the variable-length integers, zero and sign
// edges included, against the TVM's STVARINT/STVARUINT.
func TestKitchenVarInts(t *testing.T) {
	k := kitchen(t)
	maxVarUint16 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 120), big.NewInt(1))
	minVarInt32 := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 247))
	tests := []map[string]any{
		{"a": 0, "b": 0, "c": 0, "d": 0, "e": 0},
		{"a": -1, "b": 1, "c": 127, "d": 255, "e": 256},
		{"a": -128, "b": 128, "c": -129, "d": 65535, "e": 1},
		{"a": 128, "b": maxVarUint16, "c": minVarInt32, "d": "0x" + strings.Repeat("ff", 31), "e": maxVarUint16},
	}
	for _, vals := range tests {
		t.Run(cell.FormatValue(vals), func(t *testing.T) {
			tact := k.runCell(t, "varsCell", vals)
			ours, err := k.pkg.ABI.Encode("Vars", vals)
			require.NoError(t, err)
			assert.Equal(t, tact.Hash(), ours.Hash(), "tact %s\nours %s", cell.Print(tact), cell.Print(ours))

			decoded, err := k.pkg.ABI.Decode("Vars", tact)
			require.NoError(t, err)
			for name, v := range vals {
				got, err := decoded.Get(name)
				require.NoError(t, err)
				want, _ := new(big.Int).SetString(cell.FormatValue(v), 0)
				if s, ok := v.(string); ok {
					want, _ = new(big.Int).SetString(s, 0)
				}
				assert.Equalf(t, want.String(), cell.FormatValue(got), "field %s", name)
			}
		})
	}
}

// TestKitchenGetterStacks checks that struct results and arguments go
// through the stack as Tact puts them there: spread-out fields for a
// struct result, tuples (chained past 15 values) for arguments and optional
// results.
func TestKitchenGetterStacks(t *testing.T) {
	k := kitchen(t)
	abi := k.pkg.ABI
	decoded := func(typ string, values map[string]any) string {
		c, err := abi.Encode(typ, values)
		require.NoError(t, err)
		s, err := abi.Decode(typ, c)
		require.NoError(t, err)
		return cell.FormatValue(s)
	}
	wrap := map[string]any{"o": outerValues(), "n": 9}
	inner := map[string]any{"x": 77, "y": true}

	tests := []struct {
		getter string
		args   map[string]any
		want   string
	}{
		{"sink", nil, decoded("Sink", sinkValues())},
		{"maybeSink", nil, decoded("Sink", sinkValues())},
		{"spill", nil, decoded("Spill", spillValues())},
		{"outer", nil, decoded("Outer", outerValues())},
		{"maybeOuter", nil, decoded("Outer", outerValues())},
		{"wrap", nil, decoded("Wrap", wrap)},
		{"echoWrap", map[string]any{"w": wrap}, decoded("Wrap", wrap)},
		{"echoWrap", map[string]any{"w": map[string]any{"n": 1}}, "{o: null, n: 1}"},
		{"echoOuter", map[string]any{"o": outerValues()}, decoded("Outer", outerValues())},
		{"echoInner", map[string]any{"i": inner}, "{x: 77, y: true}"},
		{"echoInner", map[string]any{"i": inner, "maybe": map[string]any{"x": 1, "y": false}}, "{x: 1, y: false}"},
		{"maybeNothing", nil, "null"},
		{"seed", nil, "7"},
		{"owner", nil, ownerAddr},
		{"label", nil, `"hi"`},
		{"memo", nil, `"memo"`},
		{"extra", nil, cell.FormatValue(kitchenInit()["extra"])},
		{"count", map[string]any{"k": 1}, "10"},
		{"count", map[string]any{"k": 2}, "null"},
		{"last", nil, "null"},
	}
	for _, tt := range tests {
		t.Run(tt.getter+" "+cell.FormatValue(tt.args), func(t *testing.T) {
			assert.Equal(t, tt.want, cell.FormatValue(k.result(t, tt.getter, tt.args)))
		})
	}
}

// TestKitchenDescribe passes every kind of scalar argument to a getter that
// serializes them, and reads the cell back with tonutils-go.
func TestKitchenDescribe(t *testing.T) {
	k := kitchen(t)
	name := strings.Repeat("snake ", 50) // 300 bytes: three cells
	payload := build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xbeef, 16) })
	out := k.runCell(t, "describe", map[string]any{
		"owner":   strangerAddr,
		"name":    name,
		"amount":  "123456789",
		"payload": cell.Hex(payload),
		"m":       map[string]any{"3": 30, "4": 40},
	})

	s := out.MustBeginParse()
	assert.Equal(t, strangerAddr, s.MustLoadAddr().StringRaw())
	assert.Equal(t, name, s.MustLoadRef().MustLoadStringSnake())
	assert.Equal(t, "123456789", s.MustLoadBigCoins().String())
	assert.Equal(t, payload.Hash(), s.MustLoadRef().MustToCell().Hash())
	dict := s.MustLoadDict(8)
	v, err := dict.LoadValueByIntKey(big.NewInt(4))
	require.NoError(t, err)
	assert.Equal(t, uint64(40), v.MustLoadUInt(32))
}

// TestKitchenStorage checks the contract data layouts: the init arguments
// Tact reads in init(), and the fields ($Data, which keeps a ref for the
// system cell) it reads once initialized.
func TestKitchenStorage(t *testing.T) {
	p := kitchenPackage(t)

	extra := build(func(b *tvmcell.Builder) { b.MustStoreUInt(0xabc, 12) })

	t.Run("init arguments", func(t *testing.T) {
		// Three refs: the init layout keeps one for the system cell, so the
		// third goes to a second cell.
		data, err := p.InitData(map[string]any{"seed": 65535, "owner": strangerAddr, "label": lorem, "memo": "m", "extra": extra})
		require.NoError(t, err)
		c := newContract(t, p, data)
		assert.Equal(t, "65535", cell.FormatValue(c.result(t, "seed", nil)))
		assert.Equal(t, strangerAddr, cell.FormatValue(c.result(t, "owner", nil)))
		assert.Equal(t, `"`+lorem+`"`, cell.FormatValue(c.result(t, "label", nil)))
		assert.Equal(t, `"m"`, cell.FormatValue(c.result(t, "memo", nil)))
		assert.Equal(t, cell.FormatValue(extra), cell.FormatValue(c.result(t, "extra", nil)))

		st, err := p.DecodeStorage(data)
		require.NoError(t, err)
		assert.False(t, st.Initialized)
		assert.Equal(t, "Kitchen_init_args", st.Fields.Type)
		assert.Equal(t, `{seed: 65535, owner: `+strangerAddr+`, label: "`+lorem+`", memo: "m", extra: `+cell.FormatValue(extra)+`}`, cell.FormatValue(st.Fields))
		again, err := p.EncodeStorage(st)
		require.NoError(t, err)
		assert.Equal(t, data.Hash(), again.Hash())
	})

	t.Run("fields", func(t *testing.T) {
		data, err := p.EncodeStorage(&cell.Storage{Initialized: true, Fields: mustStruct(t, p.ABI, "Kitchen$Data", map[string]any{
			"seed":   42,
			"owner":  ownerAddr,
			"label":  "stored",
			"counts": map[string]any{"1": 10, "200": 7},
			"last":   map[string]any{"x": 3, "y": true},
			"memo":   "note",
			"extra":  extra,
		})})
		require.NoError(t, err)
		c := newContract(t, p, data)
		assert.Equal(t, "42", cell.FormatValue(c.result(t, "seed", nil)))
		assert.Equal(t, `"stored"`, cell.FormatValue(c.result(t, "label", nil)))
		assert.Equal(t, "7", cell.FormatValue(c.result(t, "count", map[string]any{"k": 200})))
		assert.Equal(t, "{x: 3, y: true}", cell.FormatValue(c.result(t, "last", nil)))
		assert.Equal(t, `"note"`, cell.FormatValue(c.result(t, "memo", nil)))
		assert.Equal(t, cell.FormatValue(extra), cell.FormatValue(c.result(t, "extra", nil)))

		st, err := p.DecodeStorage(data)
		require.NoError(t, err)
		assert.True(t, st.Initialized)
		assert.Equal(t, `{seed: 42, owner: `+ownerAddr+`, label: "stored", counts: {1: 10, 200: 7}, last: {x: 3, y: true}, memo: "note", extra: `+cell.FormatValue(extra)+`}`, cell.FormatValue(st.Fields))
	})
}

// TestParamsContract checks a contract with contract parameters: no
// lazy-deployment bit, its data is its fields.
func TestParamsContract(t *testing.T) {
	p, err := cell.LoadPackage("testdata/kitchen/Kitchen_Params.pkg")
	require.NoError(t, err)
	require.Nil(t, p.Init.Prefix)

	data, err := p.InitData(map[string]any{"id": 5, "owner": ownerAddr})
	require.NoError(t, err)
	assert.Equal(t, "5", cell.FormatValue(newContract(t, p, data).result(t, "id", nil)))

	st, err := p.DecodeStorage(data)
	require.NoError(t, err)
	assert.True(t, st.Initialized)
	assert.Equal(t, "{id: 5, owner: "+ownerAddr+"}", cell.FormatValue(st.Fields))

	_, err = p.EncodeStorage(&cell.Storage{Initialized: false, Fields: st.Fields})
	assert.ErrorIs(t, err, cell.ErrInvalidValue)
}

func mustStruct(t testing.TB, abi *cell.ABI, typ string, values map[string]any) *cell.Struct {
	t.Helper()
	c, err := abi.Encode(typ, values)
	require.NoError(t, err)
	s, err := abi.Decode(typ, c)
	require.NoError(t, err)
	return s
}

// TestWideContract checks the bit reserves of the init layout (the prefix
// bit and the allocator's bit) and of a contract's fields (the allocator's
// bit only) with 1022 bits of init arguments and fields.
func TestWideContract(t *testing.T) {
	p, err := cell.LoadPackage("testdata/kitchen/Kitchen_Wide.pkg")
	require.NoError(t, err)
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	max254 := new(big.Int).Rsh(max256, 2)
	args := map[string]any{"a": max256, "b": 1, "c": 2, "d": max254}

	t.Run("init arguments", func(t *testing.T) {
		data, err := p.InitData(args)
		require.NoError(t, err)
		assert.Equal(t, 1, int(data.RefsNum()), "d goes to a second cell")
		c := newContract(t, p, data)
		assert.Equal(t, max256.String(), cell.FormatValue(c.result(t, "a", nil)))
		assert.Equal(t, max254.String(), cell.FormatValue(c.result(t, "d", nil)))
	})

	t.Run("fields", func(t *testing.T) {
		data, err := p.EncodeStorage(&cell.Storage{Initialized: true, Fields: mustStruct(t, p.ABI, "Wide$Data", args)})
		require.NoError(t, err)
		assert.Equal(t, 0, int(data.RefsNum()), "1 + 1022 bits fill one cell")
		c := newContract(t, p, data)
		assert.Equal(t, max256.String(), cell.FormatValue(c.result(t, "a", nil)))
		assert.Equal(t, max254.String(), cell.FormatValue(c.result(t, "d", nil)))
	})
}
