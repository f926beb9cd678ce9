package cell_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"

	"github.com/tonsim/tonsim/cell"
)

func simple(typ string, optional bool) cell.Type {
	return cell.Type{Kind: cell.KindSimple, Type: typ, Optional: optional}
}

// TestToStack checks the stack form of each kind of value, as Tact's
// getters take them.
func TestToStack(t *testing.T) {
	abi := kitchenPackage(t).ABI
	owner := address.MustParseRawAddr(ownerAddr)
	c := build(func(b *tvmcell.Builder) { b.MustStoreUInt(5, 3) })

	t.Run("scalars", func(t *testing.T) {
		tests := []struct {
			typ  cell.Type
			in   any
			want string // FormatValue of the stack value
		}{
			{simple("int", false), "-5", "-5"},
			{simple("int", true), nil, "null"},
			{simple("bool", false), true, "-1"},
			{simple("bool", false), false, "0"},
			{simple("address", false), ownerAddr, cell.FormatValue(tvmcell.BeginCell().MustStoreAddr(owner).EndCell())},
			{simple("address", true), nil, "null"},
			{simple("cell", false), c, cell.FormatValue(c)},
			{simple("slice", false), c, cell.FormatValue(c)},
			{simple("builder", false), c, cell.FormatValue(c)},
			{simple("string", false), "hi", cell.FormatValue(tvmcell.BeginCell().MustStoreSlice([]byte("hi"), 16).EndCell())},
			{cell.Type{Kind: cell.KindDict, Key: "int", Value: "bool"}, nil, "null"},
		}
		for _, tt := range tests {
			t.Run(tt.typ.String(), func(t *testing.T) {
				v, err := abi.ToStack(tt.typ, tt.in)
				require.NoError(t, err)
				assert.Equal(t, tt.want, cell.FormatValue(v))
			})
		}
	})

	t.Run("go types", func(t *testing.T) {
		v, err := abi.ToStack(simple("slice", false), c)
		require.NoError(t, err)
		assert.IsType(t, &tvmcell.Slice{}, v)
		v, err = abi.ToStack(simple("builder", false), c)
		require.NoError(t, err)
		assert.IsType(t, &tvmcell.Builder{}, v)
		v, err = abi.ToStack(simple("address", false), ownerAddr)
		require.NoError(t, err)
		assert.IsType(t, &tvmcell.Slice{}, v)
		v, err = abi.ToStack(simple("bool", false), true)
		require.NoError(t, err)
		assert.Equal(t, big.NewInt(-1), v)
	})

	t.Run("struct with more than 15 fields", func(t *testing.T) {
		v, err := abi.ToStack(simple("Sink", false), sinkValues())
		require.NoError(t, err)
		top := v.(tuple.Tuple)
		require.Equal(t, 15, top.Len(), "14 fields and a tuple of the rest")
		rest, err := top.Index(14)
		require.NoError(t, err)
		restTuple := rest.(tuple.Tuple)
		assert.Equal(t, 7, restTuple.Len())
		inner, err := restTuple.Index(1)
		require.NoError(t, err)
		assert.Equal(t, "[200, -1]", formatTuple(inner))

		back, err := abi.FromStack(simple("Sink", false), v)
		require.NoError(t, err)
		assert.Equal(t, cell.FormatValue(mustStruct(t, abi, "Sink", sinkValues())), cell.FormatValue(back))
	})

	t.Run("errors", func(t *testing.T) {
		_, err := abi.ToStack(simple("Inner", false), map[string]any{"x": 256, "y": true})
		assert.ErrorIs(t, err, cell.ErrOutOfRange)
		assert.Contains(t, err.Error(), "Inner.x: 256 does not fit uint8")
		_, err = abi.ToStack(simple("Nope", false), 1)
		assert.ErrorIs(t, err, cell.ErrInvalidABI)
	})
}

func formatTuple(v any) string {
	t, ok := v.(tuple.Tuple)
	if !ok {
		return cell.FormatValue(v)
	}
	out := "["
	for i := 0; i < t.Len(); i++ {
		x, _ := t.Index(i)
		if i > 0 {
			out += ", "
		}
		out += formatTuple(x)
	}
	return out + "]"
}

func TestFromStackErrors(t *testing.T) {
	abi := kitchenPackage(t).ABI
	tests := []struct {
		name string
		typ  cell.Type
		v    any
		msg  string
		want error // ErrInvalidValue when nil
	}{
		{"null for a required int", simple("int", false), nil, "want int257, got null", nil},
		{"cell for an int", simple("int", false), tvmcell.BeginCell().EndCell(), "want int257, got a cell", nil},
		{"bool out of range", simple("bool", false), big.NewInt(5), "want a bool (-1 or 0), got 5", nil},
		{"address with extra bits", simple("address", false), tvmcell.BeginCell().MustStoreAddr(address.MustParseRawAddr(ownerAddr)).MustStoreUInt(1, 1).ToSlice(), "1 bits and 0 refs left over after the address", cell.ErrTrailingData},
		{"tuple too short", simple("Inner", false), tuple.NewTupleValue(big.NewInt(1)), "want a tuple of 2 values, got 1", nil},
		{"int for a struct", simple("Inner", false), big.NewInt(1), "want a tuple of 2 values, got an integer", nil},
		{"wrong field", simple("Inner", false), tuple.NewTupleValue(big.NewInt(1), big.NewInt(2)), "Inner.y: want a bool (-1 or 0), got 2", nil},
		{"short bytes", simple("fixed-bytes", false), tvmcell.BeginCell().MustStoreUInt(1, 8).ToSlice(), "want 256 bits, got 8 bits and 0 refs", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.typ.Type == "fixed-bytes" {
				tt.typ.Format = "32"
			}
			want := tt.want
			if want == nil {
				want = cell.ErrInvalidValue
			}
			_, err := abi.FromStack(tt.typ, tt.v)
			assert.ErrorIs(t, err, want)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestFromGetterStackErrors(t *testing.T) {
	abi := kitchenPackage(t).ABI
	one, two := big.NewInt(1), big.NewInt(-1)

	_, err := abi.FromGetterStack(simple("Inner", false), []any{one})
	assert.ErrorIs(t, err, cell.ErrInvalidValue)
	assert.Contains(t, err.Error(), "Inner.y: no value left on the stack")

	_, err = abi.FromGetterStack(simple("Inner", false), []any{one, two, one})
	assert.ErrorIs(t, err, cell.ErrInvalidValue)
	assert.Contains(t, err.Error(), "1 values left over")

	_, err = abi.FromGetterStack(simple("int", false), []any{one, two})
	assert.ErrorIs(t, err, cell.ErrInvalidValue)
	assert.Contains(t, err.Error(), "want 1 value, got 2")

	v, err := abi.FromGetterStack(simple("Inner", false), []any{one, two})
	require.NoError(t, err)
	assert.Equal(t, "{x: 1, y: true}", cell.FormatValue(v))
}

func TestGetterArgsErrors(t *testing.T) {
	abi := kitchenPackage(t).ABI

	_, err := abi.GetterArgs("innerCell", map[string]any{"x": 1, "y": true, "z": 2})
	assert.ErrorIs(t, err, cell.ErrUnknownField)
	assert.Contains(t, err.Error(), `getter innerCell has no argument "z" (arguments: x, y)`)

	_, err = abi.GetterArgs("sinkCell", map[string]any{"x": 1})
	assert.ErrorIs(t, err, cell.ErrUnknownField)
	assert.Contains(t, err.Error(), `getter sinkCell takes no arguments, so not "x"`)

	_, err = abi.GetterArgs("innerCell", map[string]any{"x": 1})
	assert.ErrorIs(t, err, cell.ErrMissingField)
	assert.Contains(t, err.Error(), "innerCell.y")

	_, err = abi.GetterArgs("nope", nil)
	assert.ErrorIs(t, err, cell.ErrUnknownGetter)

	args, err := abi.GetterArgs("echoInner", map[string]any{"i": map[string]any{"x": 1, "y": false}})
	require.NoError(t, err)
	assert.Equal(t, "[[1, 0], null]", formatTuple(tuple.NewTupleValue(args...)))
}
