package cell_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
)

func TestShape(t *testing.T) {
	abi, err := cell.ParseABI([]byte(`{"name":"S","types":[
	 {"name":"P","header":null,"fields":[{"name":"x","type":{"kind":"simple","type":"int","optional":false,"format":8}}]}],
	 "receivers":[],"getters":[],"errors":{}}`))
	require.NoError(t, err)
	simple := func(typ string, optional bool, format string) cell.Type {
		return cell.Type{Kind: cell.KindSimple, Type: typ, Optional: optional, Format: format}
	}
	tests := []struct {
		name string
		t    cell.Type
		want cell.Shape
	}{
		{"Int", simple("int", false, "257"), cell.Shape{Kind: cell.ShapeInt, Bits: 257}},
		{"Int as uint32", simple("uint", false, "32"), cell.Shape{Kind: cell.ShapeUint, Bits: 32}},
		{"Int? as int8", simple("int", true, "8"), cell.Shape{Kind: cell.ShapeInt, Bits: 8, Optional: true}},
		{"Int as coins", simple("uint", false, "coins"), cell.Shape{Kind: cell.ShapeVarUint, Bits: 120, Coins: true}},
		{"Int as varint32", simple("int", false, "varint32"), cell.Shape{Kind: cell.ShapeVarInt, Bits: 248}},
		{"Bool", simple("bool", false, ""), cell.Shape{Kind: cell.ShapeBool}},
		{"Address?", simple("address", true, ""), cell.Shape{Kind: cell.ShapeAddress, Optional: true}},
		{"Cell", simple("cell", false, ""), cell.Shape{Kind: cell.ShapeCell, Cell: "cell"}},
		{"Slice as remaining", simple("slice", false, "remainder"), cell.Shape{Kind: cell.ShapeCell, Cell: "slice", Remainder: true}},
		{"String", simple("string", false, ""), cell.Shape{Kind: cell.ShapeString}},
		{"bytes32", simple("fixed-bytes", false, "32"), cell.Shape{Kind: cell.ShapeBytes, Bits: 256}},
		{"a struct", simple("P", true, ""), cell.Shape{Kind: cell.ShapeStruct, Struct: "P", Optional: true}},
		{"map<Address, Int as coins>", cell.Type{Kind: cell.KindDict, Key: "address", Value: "uint", ValueFormat: "coins"}, cell.Shape{
			Kind: cell.ShapeMap, Key: &cell.Shape{Kind: cell.ShapeAddress}, Value: &cell.Shape{Kind: cell.ShapeVarUint, Bits: 120, Coins: true}}},
		{"map<Int as uint8, P>", cell.Type{Kind: cell.KindDict, Key: "uint", KeyFormat: "8", Value: "P"}, cell.Shape{
			Kind: cell.ShapeMap, Key: &cell.Shape{Kind: cell.ShapeUint, Bits: 8}, Value: &cell.Shape{Kind: cell.ShapeStruct, Struct: "P"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := abi.Shape(tt.t)
			require.NoError(t, err)
			assert.Equal(t, tt.want, *got)
		})
	}
	_, err = abi.Shape(simple("Nope", false, ""))
	require.ErrorIs(t, err, cell.ErrUnknownType)
}
