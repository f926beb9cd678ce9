package cell

import (
	"fmt"
	"math/big"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
)

// maxTupleSize is the most values Tact puts in one tuple; longer structs
// continue in a tuple in the last element (chainVars in Tact's
// generator/writers/writeAccessors.ts).
const maxTupleSize = 15

// How Tact puts values on the TVM stack (the Go types are those of
// tonutils-go's vm.Stack):
//
//	Int          *big.Int
//	Bool         *big.Int, -1 or 0
//	Address      *tvmcell.Slice holding the address
//	Cell         *tvmcell.Cell
//	Slice        *tvmcell.Slice
//	Builder      *tvmcell.Builder
//	String       *tvmcell.Slice holding the snake string
//	bytes32/64   *tvmcell.Slice
//	map          *tvmcell.Cell, the dictionary root, or nil when empty
//	struct       tuple.Tuple of its fields, nested structs as tuples
//	null         nil
//
// A getter that returns a struct (not an optional one) is different: it
// leaves the fields on the stack one by one, nested structs spread out too
// and optional nested structs as tuples of their spread-out fields. See
// [ABI.FromGetterStack].

// ToStack converts an input value (any form [ABI.Encode] accepts) of type t
// to the stack value a Tact getter takes as an argument of that type.
func (a *ABI) ToStack(t Type, v any) (any, error) {
	return a.toStackPath(t, v, t.String())
}

func (a *ABI) toStackPath(t Type, v any, path string) (any, error) {
	o, err := a.compile(t)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidABI, path, err)
	}
	nv, err := a.normalize(o, v, path)
	if err != nil {
		return nil, err
	}
	return a.toStack(o, nv, path)
}

// toStack converts a normalized value to its stack form.
func (a *ABI) toStack(o *op, v any, path string) (any, error) {
	if v == nil {
		return nil, nil
	}

	switch o.kind {
	case opInt, opUint, opVarInt, opVarUint:
		return v, nil
	case opBool:
		if v.(bool) {
			return big.NewInt(-1), nil
		}
		return big.NewInt(0), nil
	case opAddress:
		b := tvmcell.BeginCell()
		if err := b.StoreAddr(v.(*address.Address)); err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "%v", err)
		}
		return b.ToSlice(), nil
	case opCell:
		c := v.(*tvmcell.Cell)
		switch o.cellType {
		case "slice":
			return sliceOf(c, path)
		case "builder":
			return c.ToBuilder(), nil
		}
		return c, nil
	case opString:
		c, err := snakeCell(v.(string))
		if err != nil {
			return nil, fieldErr(path, ErrCellOverflow, "%v", err)
		}
		if o.tolk {
			return c, nil // a Tolk string is a cell on the stack
		}
		return sliceOf(c, path)
	case opFixedBytes:
		b := tvmcell.BeginCell()
		if err := b.StoreSlice(v.([]byte), uint(o.bits)); err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "%v", err)
		}
		return b.ToSlice(), nil
	case opStruct:
		l, err := a.layout(o.name)
		if err != nil {
			return nil, err
		}
		s := v.(*Struct)
		if o.ref && o.tolk {
			return a.encodeLayout(l, s, path) // Cell<T> is a cell on the stack
		}
		vals := make([]any, len(l.fields))
		for i, f := range l.fields {
			if vals[i], err = a.toStack(f.op, s.Fields[i].Value, path+"."+f.name); err != nil {
				return nil, err
			}
		}
		return chain(vals), nil
	case opUnion:
		return nil, fieldErr(path, ErrInvalidValue, "a union on the stack is not supported")
	default: // opMap
		root, err := a.encodeMap(o, v.(*Map), path)
		if err != nil || root == nil {
			return nil, err
		}
		return root, nil
	}
}

func sliceOf(c *tvmcell.Cell, path string) (*tvmcell.Slice, error) {
	s, err := c.BeginParseWithoutTrace()
	if err != nil {
		return nil, fieldErr(path, ErrInvalidValue, "%v", err)
	}
	return s, nil
}

// chain packs values into a tuple as Tact does: up to 15 in one tuple,
// more as 14 values and a tuple holding the rest, chunked the same way.
func chain(vals []any) tuple.Tuple {
	if len(vals) <= maxTupleSize {
		return tuple.NewTupleValue(vals...)
	}
	return chainChunks(vals)
}

func chainChunks(vals []any) tuple.Tuple {
	if len(vals) <= maxTupleSize-1 {
		return tuple.NewTupleValue(vals...)
	}
	head := append(vals[:maxTupleSize-1:maxTupleSize-1], chainChunks(vals[maxTupleSize-1:]))
	return tuple.NewTupleValue(head...)
}

// unchain unpacks n values packed by [chain].
func unchain(v any, n int, path string) ([]any, error) {
	if n <= maxTupleSize {
		return tupleItems(v, n, path)
	}
	return unchainChunks(v, n, path)
}

func unchainChunks(v any, n int, path string) ([]any, error) {
	if n <= maxTupleSize-1 {
		return tupleItems(v, n, path)
	}
	items, err := tupleItems(v, maxTupleSize, path)
	if err != nil {
		return nil, err
	}
	rest, err := unchainChunks(items[maxTupleSize-1], n-(maxTupleSize-1), path)
	if err != nil {
		return nil, err
	}
	return append(items[:maxTupleSize-1:maxTupleSize-1], rest...), nil
}

// tupleItems returns the n items of a tuple.
func tupleItems(v any, n int, path string) ([]any, error) {
	t, ok := v.(tuple.Tuple)
	if !ok {
		if p, isPtr := v.(*tuple.Tuple); isPtr && p != nil {
			t, ok = *p, true
		}
	}
	if !ok {
		return nil, fieldErr(path, ErrInvalidValue, "want a tuple of %d values, got %s", n, stackType(v))
	}
	if t.Len() != n {
		return nil, fieldErr(path, ErrInvalidValue, "want a tuple of %d values, got %d", n, t.Len())
	}
	items := make([]any, n)
	for i := range items {
		x, err := t.Index(i)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "%v", err)
		}
		items[i] = x
	}
	return items, nil
}

// stackType names the type of a stack value for error messages.
func stackType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case *big.Int:
		return "an integer"
	case *tvmcell.Cell:
		return "a cell"
	case *tvmcell.Slice:
		return "a slice"
	case *tvmcell.Builder:
		return "a builder"
	case tuple.Tuple, *tuple.Tuple:
		return "a tuple"
	}
	return fmt.Sprintf("a %T", v)
}

// FromStack decodes one stack value of type t, in the form [ABI.ToStack]
// produces: what a getter returns for any type but a non-optional struct,
// and what Tact passes around as a struct's tuple.
func (a *ABI) FromStack(t Type, v any) (any, error) {
	o, err := a.compile(t)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidABI, t, err)
	}
	return a.fromStack(o, v, t.String())
}

func (a *ABI) fromStack(o *op, v any, path string) (any, error) {
	if v == nil {
		switch {
		case o.optional:
			return nil, nil
		case o.kind == opMap:
			return &Map{}, nil
		}
		return nil, fieldErr(path, ErrInvalidValue, "want %s, got null", o.name)
	}
	wrong := func() error {
		return fieldErr(path, ErrInvalidValue, "want %s, got %s", o.name, stackType(v))
	}

	switch o.kind {
	case opInt, opUint, opVarInt, opVarUint:
		n, ok := v.(*big.Int)
		if !ok {
			return nil, wrong()
		}
		return new(big.Int).Set(n), nil
	case opBool:
		n, ok := v.(*big.Int)
		if !ok {
			return nil, wrong()
		}
		switch {
		case n.Sign() == 0:
			return false, nil
		case n.IsInt64() && n.Int64() == -1:
			return true, nil
		}
		return nil, fieldErr(path, ErrInvalidValue, "want a bool (-1 or 0), got %s", n)
	case opAddress:
		s, ok := v.(*tvmcell.Slice)
		if !ok {
			return nil, wrong()
		}
		s = s.Copy()
		addr, err := readAddress(s, path)
		if err != nil {
			return nil, err
		}
		if err := checkEmpty(s, path, "the address"); err != nil {
			return nil, err
		}
		if addr == nil {
			if o.optional {
				return nil, nil
			}
			return nil, fieldErr(path, ErrInvalidValue, "want an address, got addr_none")
		}
		return addr, nil
	case opCell:
		c, err := stackCell(v)
		if err != nil {
			return nil, wrong()
		}
		return c, nil
	case opString:
		if c, ok := v.(*tvmcell.Cell); ok && o.tolk {
			return readSnake(c, false, path) // a Tolk string is a cell on the stack
		}
		s, ok := v.(*tvmcell.Slice)
		if !ok {
			return nil, wrong()
		}
		c, err := s.ToCell()
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "%v", err)
		}
		return readSnake(c, false, path)
	case opFixedBytes:
		s, ok := v.(*tvmcell.Slice)
		if !ok {
			return nil, wrong()
		}
		if int(s.BitsLeft()) != o.bits || s.RefsNum() != 0 {
			return nil, fieldErr(path, ErrInvalidValue, "want %d bits, got %d bits and %d refs", o.bits, s.BitsLeft(), s.RefsNum())
		}
		return s.Copy().LoadSlice(uint(o.bits))
	case opStruct:
		l, err := a.layout(o.name)
		if err != nil {
			return nil, err
		}
		if o.ref && o.tolk {
			c, ok := v.(*tvmcell.Cell)
			if !ok {
				return nil, wrong()
			}
			return a.decodeLayout(l, c, path) // Cell<T> is a cell on the stack
		}
		items, err := unchain(v, len(l.fields), path)
		if err != nil {
			return nil, err
		}
		st := &Struct{Type: l.name, Fields: make([]FieldValue, len(l.fields))}
		for i, f := range l.fields {
			fv, err := a.fromStack(f.op, items[i], path+"."+f.name)
			if err != nil {
				return nil, err
			}
			st.Fields[i] = FieldValue{Name: f.name, Type: f.typ, Value: fv}
		}
		return st, nil
	case opUnion:
		return nil, fieldErr(path, ErrInvalidValue, "a union on the stack is not supported")
	default: // opMap
		c, ok := v.(*tvmcell.Cell)
		if !ok {
			return nil, wrong()
		}
		return a.decodeMap(o, c, path)
	}
}

// stackCell turns a cell, slice or builder into a cell; a stack holds no
// BOC text.
func stackCell(v any) (*tvmcell.Cell, error) {
	if _, ok := v.(string); ok {
		return nil, fmt.Errorf("%T is not a cell", v)
	}
	return toCell(v)
}
