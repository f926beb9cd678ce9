package cell

import (
	"math/big"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Encode serializes values as the named struct or message, exactly as Tact's
// toCell() does. values maps field names to values in any form listed in the
// package documentation; optional fields and maps may be left out.
func (a *ABI) Encode(typeName string, values map[string]any) (*tvmcell.Cell, error) {
	if values == nil {
		values = map[string]any{}
	}
	return a.encode(typeName, values)
}

// EncodeStruct serializes a struct, typically one [ABI.Decode] returned, as
// its type s.Type.
func (a *ABI) EncodeStruct(s *Struct) (*tvmcell.Cell, error) {
	return a.encode(s.Type, s)
}

func (a *ABI) encode(typeName string, v any) (*tvmcell.Cell, error) {
	l, err := a.layout(typeName)
	if err != nil {
		return nil, err
	}
	s, err := a.normalizeStruct(typeName, v, typeName)
	if err != nil {
		return nil, err
	}
	return a.encodeLayout(l, s, typeName)
}

// encodeLayout writes a normalized struct as the root of a new cell.
func (a *ABI) encodeLayout(l *layout, s *Struct, path string) (*tvmcell.Cell, error) {
	b := tvmcell.BeginCell()
	if err := a.writeStruct(b, l, s, path); err != nil {
		return nil, err
	}
	return b.EndCell(), nil
}

// writeStruct writes the prefix and the root segment of s into b, and the
// other segments into refs.
func (a *ABI) writeStruct(b *tvmcell.Builder, l *layout, s *Struct, path string) error {
	if p := l.prefix; p != nil {
		if err := b.StoreUInt(p.value, uint(p.bits)); err != nil {
			what := "the prefix"
			if p.bits == headerBits {
				what = "the opcode"
			}
			return fieldErr(path, ErrCellOverflow, "no room for %s: %v", what, err)
		}
	}
	return a.writeSegment(b, l, l.root, s, path)
}

func (a *ABI) writeSegment(b *tvmcell.Builder, l *layout, seg *segment, s *Struct, path string) error {
	for _, i := range seg.fields {
		if err := a.writeValue(b, l.fields[i].op, s.Fields[i].Value, path+"."+l.fields[i].name); err != nil {
			return err
		}
	}
	if seg.next == nil {
		return nil
	}

	nb := tvmcell.BeginCell()
	if err := a.writeSegment(nb, l, seg.next, s, path); err != nil {
		return err
	}
	return storeRef(b, nb.EndCell(), path)
}

// writeValue writes one normalized value.
func (a *ABI) writeValue(b *tvmcell.Builder, o *op, v any, path string) error {
	if o.stackOnly {
		return fieldErr(path, ErrInvalidValue, "%s is never serialized: it only lives on the stack", o.name)
	}
	if o.optional && o.kind != opAddress {
		if err := b.StoreBoolBit(v != nil); err != nil {
			return fieldErr(path, ErrCellOverflow, "no room for the presence bit: %v", err)
		}
		if v == nil {
			return nil
		}
	}

	var err error
	switch o.kind {
	case opInt:
		err = b.StoreBigInt(v.(*big.Int), uint(o.bits))
	case opUint:
		err = b.StoreBigUInt(v.(*big.Int), uint(o.bits))
	case opVarInt, opVarUint:
		err = storeVarInt(b, v.(*big.Int), o)
	case opBool:
		err = b.StoreBoolBit(v.(bool))
	case opAddress:
		addr, _ := v.(*address.Address) // nil stores addr_none
		err = b.StoreAddr(addr)
	case opCell:
		c := v.(*tvmcell.Cell)
		if !o.remainder {
			return storeRef(b, c, path)
		}
		if !b.CanExtendBy(c.BitsSize(), c.RefsNum()) {
			return fieldErr(path, ErrCellOverflow, "the rest of the cell holds %d bits and %d refs, only %d bits and %d refs are left",
				c.BitsSize(), c.RefsNum(), b.BitsLeft(), b.RefsLeft())
		}
		err = b.StoreBuilder(c.ToBuilder())
	case opString:
		c, serr := snakeCell(v.(string))
		if serr != nil {
			return fieldErr(path, ErrCellOverflow, "%v", serr)
		}
		return storeRef(b, c, path)
	case opFixedBytes:
		err = b.StoreSlice(v.([]byte), uint(o.bits))
	case opStruct:
		l, lerr := a.layout(o.name)
		if lerr != nil {
			return lerr
		}
		if !o.ref {
			return a.writeStruct(b, l, v.(*Struct), path)
		}
		c, serr := a.encodeLayout(l, v.(*Struct), path)
		if serr != nil {
			return serr
		}
		return storeRef(b, c, path)
	case opUnion:
		return a.writeUnion(b, o, v.(*Struct), path)
	case opMap:
		root, merr := a.encodeMap(o, v.(*Map), path)
		if merr != nil {
			return merr
		}
		err = b.StoreMaybeRef(root)
	}
	if err != nil {
		return fieldErr(path, ErrCellOverflow, "cannot store %s: %v", o.name, err)
	}
	return nil
}

func storeRef(b *tvmcell.Builder, c *tvmcell.Cell, path string) error {
	if err := b.StoreRef(c); err != nil {
		return fieldErr(path, ErrCellOverflow, "cannot store a ref: %v", err)
	}
	return nil
}

// storeVarInt writes a var(u)int16 or var(u)int32 as the TVM's STVARINT and
// STVARUINT do: the length in bytes of the shortest form, then the value.
func storeVarInt(b *tvmcell.Builder, n *big.Int, o *op) error {
	ln := varIntLen(n, o.kind == opVarInt)
	if err := b.StoreUInt(uint64(ln), uint(varLenBits(o.varLen))); err != nil {
		return err
	}
	if o.kind == opVarInt {
		return b.StoreBigInt(n, uint(ln*8))
	}
	return b.StoreBigUInt(n, uint(ln*8))
}

// varIntLen is the number of bytes the TVM uses for n: zero takes none.
func varIntLen(n *big.Int, signed bool) int {
	if n.Sign() == 0 {
		return 0
	}
	bits := n.BitLen()
	if signed {
		if n.Sign() < 0 {
			bits = new(big.Int).Sub(new(big.Int).Neg(n), one).BitLen()
		}
		bits++ // the sign bit
	}
	return (bits + 7) / 8
}
