package cell

import (
	"fmt"
	"strconv"
)

// opKind is how one value is serialized, after Tact's storage/operation.ts.
type opKind int

const (
	opInt opKind = iota // fixed-width signed integer
	opUint
	opVarInt // varint16, varint32: length in bytes, then a signed value
	opVarUint
	opBool
	opAddress
	opCell // cell, slice or builder
	opString
	opFixedBytes
	opStruct
	opMap
	opUnion // Tolk: one of several structs, told apart by their prefixes
)

// op is one value's serialization: a compiled [Type].
type op struct {
	kind      opKind
	optional  bool
	bits      int    // opInt, opUint: width; opFixedBytes: 8 × bytes
	varLen    int    // opVarInt, opVarUint: 16 or 32
	remainder bool   // opCell: the rest of the cell inline, not a ref
	ref       bool   // opStruct: in a ref, not inline
	cellType  string // opCell: "cell", "slice" or "builder"
	name      string // opStruct: the struct; otherwise the format, for messages

	key   *op // opMap: opInt, opUint or opAddress
	value *op // opMap: never optional; in Tact cells and structs are refs

	// Set for the types of a Tolk ABI only:
	tolk      bool           // Tolk's rules: a string's cells may be chunked any way, a string is a cell on the stack, and so is a struct in a ref (Cell<T>)
	stackOnly bool           // int, slice or builder: a getter's value, never serialized
	variants  []unionVariant // opUnion
}

// unionVariant is one struct a Tolk union may hold, and how a cell tells it:
// the struct's own prefix, or one the union adds before it (implicit).
type unionVariant struct {
	prefix   prefix
	implicit bool
	op       *op // opStruct
}

// opSize is the room a value takes in its cell at most.
type opSize struct {
	bits, refs int
}

// size returns the bits and refs the allocator reserves for o, exactly as
// getOperationSize in Tact's storage/allocator.ts.
func (o *op) size(structSize func(name string) opSize) opSize {
	opt := 0
	if o.optional {
		opt = 1
	}

	switch o.kind {
	case opInt, opUint, opFixedBytes:
		return opSize{bits: o.bits + opt}
	case opVarInt, opVarUint:
		return opSize{bits: varBits(o.varLen) + opt}
	case opBool:
		return opSize{bits: 1 + opt}
	case opAddress:
		return opSize{bits: addressBits} // addr_none is shorter, so optional takes no extra bit
	case opCell:
		if o.remainder {
			return opSize{}
		}
		return opSize{bits: opt, refs: 1}
	case opString:
		return opSize{bits: opt, refs: 1}
	case opMap:
		return opSize{bits: 1, refs: 1}
	default: // opStruct
		if o.ref {
			return opSize{bits: opt, refs: 1}
		}
		s := structSize(o.name)
		return opSize{bits: s.bits + opt, refs: s.refs}
	}
}

// addressBits is the size of a standard address: addr_std$10, no anycast,
// an 8-bit workchain and a 256-bit account id.
const addressBits = 267

// varBits is the largest size of a var(u)int with n possible byte lengths:
// the length field, then n-1 bytes.
func varBits(n int) int {
	if n == 16 {
		return 4 + 15*8
	}
	return 5 + 31*8
}

// varLenBits is the size of the length field of a var(u)int16 or var(u)int32.
func varLenBits(n int) int {
	if n == 16 {
		return 4
	}
	return 5
}

// compileType turns an ABI type into its serialization, with the rules of
// getAllocationOperationFromField in Tact's storage/allocator.ts. isStruct
// tells whether a name is a struct of the ABI.
func compileType(t Type, isStruct func(string) bool) (*op, error) {
	switch t.Kind {
	case KindSimple:
		return compileSimple(t.Type, t.Format, t.Optional, isStruct)
	case KindDict:
		if t.Format != "" {
			return nil, fmt.Errorf("unsupported map format %q", t.Format)
		}
		key, err := compileKey(t.Key, t.KeyFormat)
		if err != nil {
			return nil, err
		}
		value, err := compileValue(t.Value, t.ValueFormat, isStruct)
		if err != nil {
			return nil, err
		}
		return &op{kind: opMap, key: key, value: value}, nil
	default:
		return nil, fmt.Errorf("unknown type kind %q", t.Kind)
	}
}

func compileSimple(typ, format string, optional bool, isStruct func(string) bool) (*op, error) {
	switch typ {
	case "int", "uint":
		return compileInt(typ, format, optional)
	case "bool":
		if format != "" {
			return nil, fmt.Errorf("unsupported bool format %q", format)
		}
		return &op{kind: opBool, optional: optional, name: "bool"}, nil
	case "address":
		return &op{kind: opAddress, optional: optional, name: "address"}, nil
	case "cell", "slice", "builder":
		switch format {
		case "":
			return &op{kind: opCell, optional: optional, cellType: typ, name: typ}, nil
		case "remainder":
			if optional {
				return nil, fmt.Errorf("an optional %s cannot be %q", typ, format)
			}
			return &op{kind: opCell, remainder: true, cellType: typ, name: typ}, nil
		default:
			return nil, fmt.Errorf("unsupported %s format %q", typ, format)
		}
	case "string":
		if format != "" {
			return nil, fmt.Errorf("unsupported string format %q", format)
		}
		return &op{kind: opString, optional: optional, name: "string"}, nil
	case "fixed-bytes":
		if format != "32" && format != "64" {
			return nil, fmt.Errorf("unsupported fixed-bytes format %q", format)
		}
		n, _ := strconv.Atoi(format)
		return &op{kind: opFixedBytes, optional: optional, bits: n * 8, name: "bytes" + format}, nil
	default:
		if !isStruct(typ) {
			return nil, fmt.Errorf("%w %q", ErrUnknownType, typ)
		}
		switch format {
		case "":
			return &op{kind: opStruct, optional: optional, name: typ}, nil
		case "ref":
			return &op{kind: opStruct, optional: optional, ref: true, name: typ}, nil
		default:
			return nil, fmt.Errorf("unsupported struct format %q", format)
		}
	}
}

func compileInt(typ, format string, optional bool) (*op, error) {
	kind, maxBits := opInt, 257
	if typ == "uint" {
		kind, maxBits = opUint, 256
	}

	switch format {
	case "":
		return &op{kind: kind, optional: optional, bits: maxBits, name: typ + strconv.Itoa(maxBits)}, nil
	case "coins":
		if typ == "uint" {
			return &op{kind: opVarUint, optional: optional, varLen: 16, name: "coins"}, nil
		}
	case "varint16", "varint32":
		if typ == "int" {
			return &op{kind: opVarInt, optional: optional, varLen: varLenOf(format), name: format}, nil
		}
	case "varuint16", "varuint32":
		if typ == "uint" {
			return &op{kind: opVarUint, optional: optional, varLen: varLenOf(format), name: format}, nil
		}
	default:
		n, err := strconv.Atoi(format)
		if err == nil && n >= 1 && n <= maxBits {
			return &op{kind: kind, optional: optional, bits: n, name: typ + format}, nil
		}
	}
	return nil, fmt.Errorf("unsupported %s format %q", typ, format)
}

func varLenOf(format string) int {
	if format[len(format)-2:] == "16" {
		return 16
	}
	return 32
}

// compileKey compiles a map key: a fixed-width integer or an address.
func compileKey(key, format string) (*op, error) {
	switch key {
	case "int", "uint":
		k, err := compileInt(key, format, false)
		if err != nil {
			return nil, fmt.Errorf("map key: %w", err)
		}
		if k.kind != opInt && k.kind != opUint {
			return nil, fmt.Errorf("map key: unsupported %s format %q", key, format)
		}
		return k, nil
	case "address":
		if format != "" {
			return nil, fmt.Errorf("map key: unsupported address format %q", format)
		}
		return &op{kind: opAddress, name: "address"}, nil
	default:
		return nil, fmt.Errorf("map key: unsupported type %q", key)
	}
}

// compileValue compiles a map value. Cells and structs are stored as refs.
func compileValue(value, format string, isStruct func(string) bool) (*op, error) {
	switch value {
	case "int", "uint":
		v, err := compileInt(value, format, false)
		if err != nil {
			return nil, fmt.Errorf("map value: %w", err)
		}
		return v, nil
	case "bool", "address":
		if format != "" {
			return nil, fmt.Errorf("map value: unsupported %s format %q", value, format)
		}
		return compileSimple(value, "", false, isStruct)
	case "cell":
		if format != "" && format != "ref" {
			return nil, fmt.Errorf("map value: unsupported cell format %q", format)
		}
		return &op{kind: opCell, cellType: "cell", name: "cell"}, nil
	default:
		if !isStruct(value) {
			return nil, fmt.Errorf("map value: %w %q", ErrUnknownType, value)
		}
		if format != "" && format != "ref" {
			return nil, fmt.Errorf("map value: unsupported struct format %q", format)
		}
		return &op{kind: opStruct, ref: true, name: value}, nil
	}
}
