package cell

import "fmt"

// ShapeKind is what a value of an ABI type is, as [ABI.Decode] returns it
// and [ABI.Encode] takes it (see [Struct]).
type ShapeKind int

// Kinds of [Shape].
const (
	// ShapeInt and ShapeUint are fixed-width integers of Bits bits; a
	// getter's Tolk int has 257.
	ShapeInt ShapeKind = iota
	ShapeUint
	// ShapeVarInt and ShapeVarUint are variable-length integers whose
	// length field counts up to Bits/8 bytes (coins is a ShapeVarUint of
	// 120 bits).
	ShapeVarInt
	ShapeVarUint
	ShapeBool
	ShapeAddress
	// ShapeCell is a cell, slice or builder (Cell says which), held as a
	// *tvmcell.Cell.
	ShapeCell
	ShapeString
	// ShapeBytes is Bits bits of fixed bytes, a []byte.
	ShapeBytes
	// ShapeStruct is the struct Struct, a *Struct.
	ShapeStruct
	// ShapeMap maps Key to Value, a *Map.
	ShapeMap
	// ShapeUnion is one of the structs Variants (Tolk), the *Struct of the
	// one it holds.
	ShapeUnion
)

// Shape is the form of one ABI type: its kind, width and, for structs,
// maps and unions, what it holds. Code generators map it onto their own
// types; it is computed from the same serialization the codec uses.
type Shape struct {
	Kind ShapeKind
	// Optional is set for a value that may be absent (nil).
	Optional bool
	// Bits is the width of an integer or of fixed bytes; for a variable
	// integer, the most bits its value may have.
	Bits int
	// Coins marks a ShapeVarUint that is an amount of nanotons.
	Coins bool
	// Cell is "cell", "slice" or "builder" for ShapeCell; Remainder says
	// the value is the rest of its cell, not a reference.
	Cell      string
	Remainder bool
	// Struct names the struct of a ShapeStruct.
	Struct string
	// Key and Value are a map's.
	Key, Value *Shape
	// Variants name a union's structs, in the order they are tried.
	Variants []string
}

// Shape returns the form of values of t in this ABI.
func (a *ABI) Shape(t Type) (*Shape, error) {
	o, err := a.compile(t)
	if err != nil {
		return nil, fmt.Errorf("type %s: %w", t, err)
	}
	return shapeOf(o), nil
}

func shapeOf(o *op) *Shape {
	s := &Shape{Optional: o.optional, Bits: o.bits}
	switch o.kind {
	case opInt:
		s.Kind = ShapeInt
	case opUint:
		s.Kind = ShapeUint
	case opVarInt, opVarUint:
		s.Kind, s.Bits = ShapeVarInt, (o.varLen-1)*8
		if o.kind == opVarUint {
			s.Kind, s.Coins = ShapeVarUint, o.name == "coins"
		}
	case opBool:
		s.Kind = ShapeBool
	case opAddress:
		s.Kind = ShapeAddress
	case opCell:
		s.Kind, s.Cell, s.Remainder = ShapeCell, o.cellType, o.remainder
	case opString:
		s.Kind = ShapeString
	case opFixedBytes:
		s.Kind = ShapeBytes
	case opStruct:
		s.Kind, s.Struct = ShapeStruct, o.name
	case opMap:
		s.Kind, s.Key, s.Value = ShapeMap, shapeOf(o.key), shapeOf(o.value)
	case opUnion:
		s.Kind = ShapeUnion
		for _, v := range o.variants {
			s.Variants = append(s.Variants, v.op.name)
		}
	}
	return s
}
