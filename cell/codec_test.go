package cell_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// TestEncodeInputForms checks that every accepted input form of a value
// encodes to the same cell.
func TestEncodeInputForms(t *testing.T) {
	abi := kitchenPackage(t).ABI
	encode := func(typ string, values map[string]any) string {
		c, err := abi.Encode(typ, values)
		require.NoError(t, err)
		return cell.Hex(c)
	}
	inner := func(x any) string { return encode("Inner", map[string]any{"x": x, "y": true}) }
	point := func(a any) string { return encode("Point", map[string]any{"a": a, "b": 1}) }

	t.Run("integers", func(t *testing.T) {
		want := inner(200)
		for _, x := range []any{uint8(200), int16(200), int32(200), int64(200), uint(200), uint16(200), uint32(200), uint64(200),
			big.NewInt(200), *big.NewInt(200), float64(200), json.Number("200"), "200", " 200 ", "0xc8", "0XC8", "+200"} {
			assert.Equalf(t, want, inner(x), "%T %v", x, x)
		}
		neg := point(-300)
		for _, x := range []any{"-300", "-0x12c", int16(-300), float64(-300), big.NewInt(-300)} {
			assert.Equalf(t, neg, point(x), "%T %v", x, x)
		}
	})

	t.Run("bools", func(t *testing.T) {
		want := encode("Inner", map[string]any{"x": 1, "y": false})
		assert.Equal(t, want, encode("Inner", map[string]any{"x": 1, "y": "false"}))
	})

	t.Run("addresses", func(t *testing.T) {
		raw := address.MustParseRawAddr(ownerAddr)
		want := encode("Spill", spillValues())
		forms := []any{raw, raw.String(), raw.Bounce(false).String(), raw.Testnet(true).String()}
		std := raw.String()
		forms = append(forms, toStdBase64(std), toStdBase64(std)+"") // the standard alphabet
		for _, a := range forms {
			v := spillValues()
			v["a1"] = a
			assert.Equalf(t, want, encode("Spill", v), "%v", a)
		}
	})

	t.Run("cells", func(t *testing.T) {
		values := pingValues()
		want := encode("Ping", values)
		body := values["body"].(*tvmcell.Cell)
		for _, b := range []any{body.BeginParse, cell.Hex(body), cell.Base64(body), body.ToBuilder()} {
			if f, ok := b.(func() (*tvmcell.Slice, error)); ok {
				s, err := f()
				require.NoError(t, err)
				b = s
			}
			values["body"] = b
			assert.Equalf(t, want, encode("Ping", values), "%T", b)
		}
	})

	t.Run("structs and maps", func(t *testing.T) {
		values := sinkValues()
		want := encode("Sink", values)
		inner, err := abi.Decode("Inner", mustEncode(t, abi, "Inner", map[string]any{"x": 200, "y": true}))
		require.NoError(t, err)
		values["inner"] = inner

		sink, err := abi.Decode("Sink", mustEncode(t, abi, "Sink", sinkValues()))
		require.NoError(t, err)
		small, err := sink.Get("small")
		require.NoError(t, err)
		values["small"] = small
		values["allowed"] = map[string]any{address.MustParseRawAddr(ownerAddr).String(): "true", strangerAddr: false}
		values["points"] = map[string]any{"-0x5": map[string]any{"a": -300, "b": 65535}, "7": map[string]any{"a": 12, "b": 0}}
		assert.Equal(t, want, encode("Sink", values))
	})

	t.Run("optional and map fields may be left out", func(t *testing.T) {
		values := sinkValues()
		values["maybeOwner"], values["maybeInner"] = nil, nil
		withNil := encode("Sink", values)
		delete(values, "maybeOwner")
		delete(values, "maybeInner")
		assert.Equal(t, withNil, encode("Sink", values))

		values["small"] = nil
		empty := encode("Sink", values)
		delete(values, "small")
		assert.Equal(t, empty, encode("Sink", values))
		values["small"] = map[string]any{}
		assert.Equal(t, empty, encode("Sink", values))
	})
}

func toStdBase64(s string) string {
	out := []byte(s)
	for i, c := range out {
		switch c {
		case '-':
			out[i] = '+'
		case '_':
			out[i] = '/'
		}
	}
	return string(out)
}

func mustEncode(t testing.TB, abi *cell.ABI, typ string, values map[string]any) *tvmcell.Cell {
	t.Helper()
	c, err := abi.Encode(typ, values)
	require.NoError(t, err)
	return c
}

// TestEncodeErrors checks that bad input names the field and what is wrong.
func TestEncodeErrors(t *testing.T) {
	abi := kitchenPackage(t).ABI
	with := func(base map[string]any, key string, v any) map[string]any {
		base[key] = v
		return base
	}
	without := func(base map[string]any, key string) map[string]any {
		delete(base, key)
		return base
	}
	big300 := new(big.Int).Lsh(big.NewInt(1), 300)

	tests := []struct {
		name   string
		typ    string
		values map[string]any
		want   error
		path   string
		msg    string
	}{
		{"uint8 overflow", "Sink", with(sinkValues(), "inner", map[string]any{"x": 300, "y": true}), cell.ErrOutOfRange, "Sink.inner.x", "Sink.inner.x: 300 does not fit uint8"},
		{"negative uint", "Inner", map[string]any{"x": -1, "y": true}, cell.ErrOutOfRange, "Inner.x", "Inner.x: -1 does not fit uint8"},
		{"int8 underflow", "Sink", with(sinkValues(), "i8", -129), cell.ErrOutOfRange, "Sink.i8", "-129 does not fit int8"},
		{"int257 overflow", "Sink", with(sinkValues(), "big", big300), cell.ErrOutOfRange, "Sink.big", "does not fit int257"},
		{"coins overflow", "Sink", with(sinkValues(), "amount", new(big.Int).Lsh(big.NewInt(1), 120)), cell.ErrOutOfRange, "Sink.amount", "does not fit coins"},
		{"negative coins", "Sink", with(sinkValues(), "amount", -1), cell.ErrOutOfRange, "Sink.amount", "-1 does not fit coins"},
		{"varint16 overflow", "Sink", with(sinkValues(), "vi16", new(big.Int).Lsh(big.NewInt(1), 119)), cell.ErrOutOfRange, "Sink.vi16", "does not fit varint16"},
		{"not an integer", "Ping", with(pingValues(), "queryId", "abc"), cell.ErrInvalidValue, "Ping.queryId", `Ping.queryId: want an integer, got "abc"`},
		{"fractional float", "Inner", map[string]any{"x": 1.5, "y": true}, cell.ErrInvalidValue, "Inner.x", "want an integer"},
		{"not a bool", "Inner", map[string]any{"x": 1, "y": 1}, cell.ErrInvalidValue, "Inner.y", "want a bool, got 1 (int)"},
		{"bad address", "Sink", with(sinkValues(), "owner", "0:12"), cell.ErrInvalidValue, "Sink.owner", "want an address"},
		{"addr_none where required", "Sink", with(sinkValues(), "owner", address.NewAddressNone()), cell.ErrInvalidValue, "Sink.owner", "addr_none"},
		{"bad cell", "Sink", with(sinkValues(), "payload", "zz"), cell.ErrInvalidValue, "Sink.payload", "want a cell"},
		{"string of wrong type", "Sink", with(sinkValues(), "name", 5), cell.ErrInvalidValue, "Sink.name", "want a string"},
		{"short fixed bytes", "Bytes", with(bytesValues(), "hash", []byte{1, 2}), cell.ErrInvalidValue, "Bytes.hash", "want 32 bytes, got 2"},
		{"bad map key", "Sink", with(sinkValues(), "small", map[string]any{"x": 1}), cell.ErrInvalidValue, "Sink.small[x]", "want an integer"},
		{"map key out of range", "Sink", with(sinkValues(), "small", map[string]any{"256": 1}), cell.ErrOutOfRange, "Sink.small[256]", "does not fit uint8"},
		{"map value out of range", "Sink", with(sinkValues(), "small", map[string]any{"1": -1}), cell.ErrOutOfRange, "Sink.small[1]", "does not fit uint32"},
		{"duplicate map key", "Sink", with(sinkValues(), "small", map[string]any{"1": 1, "0x1": 2}), cell.ErrInvalidValue, "Sink.small[1]", "key given twice"},
		{"struct map value", "Sink", with(sinkValues(), "points", map[string]any{"1": map[string]any{"a": 1}}), cell.ErrMissingField, "Sink.points[1].b", "missing Int as uint16"},
		{"missing field", "Sink", without(sinkValues(), "owner"), cell.ErrMissingField, "Sink.owner", "missing Address"},
		{"null required field", "Sink", with(sinkValues(), "inner", nil), cell.ErrMissingField, "Sink.inner", "want Inner, got null"},
		{"unknown field", "Inner", map[string]any{"x": 1, "y": true, "z": 3}, cell.ErrUnknownField, "Inner", `Inner has no field "z" (fields: x, y)`},
		{"struct of wrong type", "Sink", with(sinkValues(), "inner", &cell.Struct{Type: "Point"}), cell.ErrInvalidValue, "Sink.inner", "want Inner, got a Point"},
		{"struct as a number", "Sink", with(sinkValues(), "inner", 5), cell.ErrInvalidValue, "Sink.inner", "want Inner as map[string]any"},
		{"remainder with no room for its ref", "Sink", with(sinkValues(), "tail", build(func(b *tvmcell.Builder) { b.MustStoreUInt(0, 3).MustStoreRef(tvmcell.BeginCell().EndCell()) })), cell.ErrCellOverflow, "Sink.tail", "the rest of the cell holds 3 bits and 1 refs, only 1009 bits and 0 refs are left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := abi.Encode(tt.typ, tt.values)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var fe *cell.FieldError
			require.True(t, errors.As(err, &fe), "%v is not a *FieldError", err)
			assert.Equal(t, tt.path, fe.Path)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}

	t.Run("unknown type", func(t *testing.T) {
		_, err := abi.Encode("Nope", nil)
		assert.ErrorIs(t, err, cell.ErrUnknownType)
	})
}

// TestDecodeErrors checks that a cell that does not hold the type is
// refused, with what and where.
func TestDecodeErrors(t *testing.T) {
	abi := kitchenPackage(t).ABI
	counterABI := counter(t, "V1").ABI
	cellOf := func(f func(b *tvmcell.Builder)) *tvmcell.Cell { return build(f) }
	step := func(op uint64) *tvmcell.Cell {
		return cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(op, 32).MustStoreUInt(5, 64) })
	}
	inner := mustEncode(t, abi, "Inner", map[string]any{"x": 1, "y": true})
	vars := func(f func(b *tvmcell.Builder)) *tvmcell.Cell { return cellOf(f) }

	tests := []struct {
		name string
		abi  *cell.ABI
		typ  string
		c    *tvmcell.Cell
		want error
		msg  string
	}{
		{"wrong opcode", counterABI, "Step", step(2), cell.ErrWrongOpcode, "Step: opcode 0x00000002 is not Step (0x00000001)"},
		{"no opcode", counterABI, "Step", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 8) }), cell.ErrCellUnderflow, "need a 32-bit opcode, 8 bits left"},
		{"trailing bits", abi, "Inner", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 8).MustStoreBoolBit(true).MustStoreUInt(0, 3) }), cell.ErrTrailingData, "Inner: 3 bits and 0 refs left over after y"},
		{"trailing ref", abi, "Inner", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 8).MustStoreBoolBit(true).MustStoreRef(inner) }), cell.ErrTrailingData, "0 bits and 1 refs left over"},
		{"underflow", abi, "Inner", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 8) }), cell.ErrCellUnderflow, "Inner.y: need 1 bits for bool, 0 left"},
		{"missing ref", abi, "Ping", cellOf(func(b *tvmcell.Builder) {
			b.MustStoreUInt(0x7e57ab1e, 32).MustStoreUInt(1, 64).MustStoreUInt(1, 8).MustStoreBoolBit(true).MustStoreBoolBit(true)
		}), cell.ErrCellUnderflow, "Ping.note: need a ref for string, none left"},
		{"addr_none where required", abi, "Spill", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(0, 2) }), cell.ErrInvalidValue, "Spill.a1: want an address, got addr_none"},
		{"external address", abi, "Spill", cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 2).MustStoreUInt(0, 9) }), cell.ErrInvalidValue, "want a standard address, got addr_extern"},
		{"string of bits", abi, "Kitchen$Data", cellOf(func(b *tvmcell.Builder) {
			b.MustStoreUInt(1, 16).MustStoreAddr(address.MustParseRawAddr(ownerAddr)).MustStoreRef(cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 3) })).MustStoreUInt(0, 2)
		}), cell.ErrInvalidValue, "Kitchen$Data.label: string cell 0 holds 3 bits, not whole bytes"},
		{"string chunked unlike Tact", abi, "Kitchen$Data", cellOf(func(b *tvmcell.Builder) {
			tail := cellOf(func(b *tvmcell.Builder) { b.MustStoreSlice([]byte("b"), 8) })
			b.MustStoreUInt(1, 16).MustStoreAddr(address.MustParseRawAddr(ownerAddr)).MustStoreRef(cellOf(func(b *tvmcell.Builder) { b.MustStoreSlice([]byte("a"), 8).MustStoreRef(tail) })).MustStoreUInt(0, 2)
		}), cell.ErrNonCanonical, "holds 1 bytes before its tail, Tact writes 127"},
		{"varint with a leading zero byte", abi, "Vars", vars(func(b *tvmcell.Builder) {
			b.MustStoreUInt(2, 4).MustStoreUInt(5, 16) // a = 5 in two bytes
			b.MustStoreUInt(0, 4).MustStoreUInt(0, 5).MustStoreUInt(0, 5).MustStoreUInt(0, 4)
		}), cell.ErrNonCanonical, "Vars.a: varint16 5 takes 2 bytes, the TVM writes 1"},
		{"map with a value too long", mapABI(t), "M", cellOf(func(b *tvmcell.Builder) {
			d := tvmcell.NewDict(8)
			require.NoError(t, d.SetIntKey(big.NewInt(1), cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 33) })))
			b.MustStoreDict(d)
		}), cell.ErrTrailingData, "M.m[1]: 1 bits and 0 refs left over after the value"},
		{"map with a signed key", mapABI(t), "M", cellOf(func(b *tvmcell.Builder) {
			d := tvmcell.NewDict(8)
			require.NoError(t, d.SetIntKey(big.NewInt(-1), cellOf(func(b *tvmcell.Builder) { b.MustStoreUInt(1, 32) })))
			b.MustStoreDict(d)
		}), nil, ""},
		{"dictionary label not in its shortest form", mapABI(t), "M", cellOf(func(b *tvmcell.Builder) {
			// hml_short$0 (unary 8) s:8 for the single key 0x01: 18 bits where hml_long takes 14
			leaf := cellOf(func(b *tvmcell.Builder) {
				b.MustStoreUInt(0, 1).MustStoreUInt(0xff, 8).MustStoreUInt(0, 1).MustStoreUInt(1, 8).MustStoreUInt(5, 32)
			})
			b.MustStoreMaybeRef(leaf)
		}), cell.ErrNonCanonical, "M.m: the dictionary is not laid out as the TVM writes it"},
		{"exotic cell", abi, "Inner", libraryCell(t), cell.ErrInvalidValue, "Inner: exotic cell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.abi.Decode(tt.typ, tt.c)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// libraryCell is an exotic cell: a library reference.
func libraryCell(t testing.TB) *tvmcell.Cell {
	t.Helper()
	c, err := tvmcell.BeginCell().MustStoreUInt(2, 8).MustStoreSlice(make([]byte, 32), 256).EndCellSpecial(true)
	require.NoError(t, err)
	return c
}

func mustParse(t testing.TB, boc string) *tvmcell.Cell {
	t.Helper()
	c, err := cell.ParseBOC(boc)
	require.NoError(t, err)
	return c
}

// mapABI has one struct, M, holding a map<Int as uint8, Int as uint32>.
func mapABI(t testing.TB) *cell.ABI {
	t.Helper()
	abi, err := cell.ParseABI([]byte(`{"name":"T","types":[{"name":"M","header":null,"fields":[
		{"name":"m","type":{"kind":"dict","key":"uint","keyFormat":8,"value":"uint","valueFormat":32}}]}]}`))
	require.NoError(t, err)
	return abi
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when refused
	}{
		{"0", "0"},
		{"42", "42"},
		{" -42 ", "-42"},
		{"+7", "7"},
		{"010", "10"}, // decimal, as YAML 1.2 reads it: not octal
		{"-007", "-7"},
		{"00", "0"},
		{"0_10", "10"}, // decimal too, whatever Go says
		{"0_", ""},
		{"1_000", "1000"},
		{"0x0F05", "3845"},
		{"0X0f_05", "3845"},
		{"0o17", "15"},
		{"0b101", "5"},
		{"-0x10", "-16"},
		{"", ""},
		{"-", ""},
		{"--1", ""},
		{"1__0", ""},
		{"_1", ""},
		{"1_", ""},
		{"0x", ""},
		{"1.5", ""},
		{"lots", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := cell.ParseInt(tt.in)
			if tt.want == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
		})
	}
}
