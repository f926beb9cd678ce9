package cell

import (
	"fmt"
	"math/big"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Decode reads c as the named struct or message, exactly as Tact's
// fromCell() does, but strictly: a message must start with its own opcode,
// and bits or refs left over after the last field are an error
// ([ErrTrailingData]), as is any value Tact would not have written that way
// ([ErrNonCanonical]). So [ABI.EncodeStruct] of the result gives c back.
func (a *ABI) Decode(typeName string, c *tvmcell.Cell) (*Struct, error) {
	l, err := a.layout(typeName)
	if err != nil {
		return nil, err
	}
	return a.decodeLayout(l, c, typeName)
}

// decodeLayout reads a whole cell as l.
func (a *ABI) decodeLayout(l *layout, c *tvmcell.Cell, path string) (*Struct, error) {
	s, err := beginParse(c, path)
	if err != nil {
		return nil, err
	}
	st, err := a.readStruct(s, l, path)
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(s, path, lastField(l, l.root)); err != nil {
		return nil, err
	}
	return st, nil
}

// readStruct reads the prefix and fields of l from s, following the refs
// that hold its other segments.
func (a *ABI) readStruct(s *tvmcell.Slice, l *layout, path string) (*Struct, error) {
	if l.prefix != nil {
		if err := readPrefix(s, l, path); err != nil {
			return nil, err
		}
	}

	st := &Struct{Type: l.name, Fields: make([]FieldValue, len(l.fields))}
	if err := a.readSegment(s, l, l.root, st, path); err != nil {
		return nil, err
	}
	return st, nil
}

// readPrefix reads l's opcode or Tolk prefix and checks it is l's.
func readPrefix(s *tvmcell.Slice, l *layout, path string) error {
	p := l.prefix
	if p.bits != headerBits {
		if int(s.BitsLeft()) < p.bits {
			return fieldErr(path, ErrCellUnderflow, "need a %d-bit prefix, %d bits left", p.bits, s.BitsLeft())
		}
		got, err := s.LoadUInt(uint(p.bits))
		if err != nil {
			return fieldErr(path, ErrCellUnderflow, "cannot read the prefix: %v", err)
		}
		if got != p.value {
			return fieldErr(path, ErrWrongOpcode, "prefix %s is not %s (%s)", prefixText(got, p.bits), l.name, prefixText(p.value, p.bits))
		}
		return nil
	}

	if s.BitsLeft() < headerBits {
		return fieldErr(path, ErrCellUnderflow, "need a 32-bit opcode, %d bits left", s.BitsLeft())
	}
	got, err := s.LoadUInt(headerBits)
	if err != nil {
		return fieldErr(path, ErrCellUnderflow, "cannot read the opcode: %v", err)
	}
	if got != p.value {
		return fieldErr(path, ErrWrongOpcode, "opcode 0x%08x is not %s (0x%08x)", got, l.name, p.value)
	}
	return nil
}

// prefixText writes a prefix as Tolk source does: 0x hex when its length is
// whole hex digits, else 0b binary.
func prefixText(v uint64, bits int) string {
	if bits%4 == 0 {
		return fmt.Sprintf("0x%0*x", bits/4, v)
	}
	return fmt.Sprintf("0b%0*b", bits, v)
}

func (a *ABI) readSegment(s *tvmcell.Slice, l *layout, seg *segment, st *Struct, path string) error {
	for _, i := range seg.fields {
		f := l.fields[i]
		v, err := a.readValue(s, f.op, path+"."+f.name)
		if err != nil {
			return err
		}
		st.Fields[i] = FieldValue{Name: f.name, Type: f.typ, Value: v}
	}
	if seg.next == nil {
		return nil
	}

	first := l.fields[seg.next.fields[0]].name
	if s.RefsNum() == 0 {
		return fieldErr(path, ErrCellUnderflow, "no ref left for the cell that starts with %s", first)
	}
	ref, err := s.LoadRefCell()
	if err != nil {
		return fieldErr(path, ErrCellUnderflow, "cannot load the cell that starts with %s: %v", first, err)
	}
	ns, err := beginParse(ref, path)
	if err != nil {
		return err
	}
	if err := a.readSegment(ns, l, seg.next, st, path); err != nil {
		return err
	}
	return checkEmpty(ns, path, lastField(l, seg.next))
}

// lastField names what a segment chain ends with, for trailing-data errors.
func lastField(l *layout, seg *segment) string {
	for seg.next != nil {
		seg = seg.next
	}
	if len(seg.fields) == 0 {
		switch {
		case l.prefix != nil && l.prefix.bits == headerBits:
			return "the opcode"
		case l.prefix != nil:
			return "the prefix"
		}
		return "the (empty) fields"
	}
	return l.fields[seg.fields[len(seg.fields)-1]].name
}

// readValue reads one value of o from s.
func (a *ABI) readValue(s *tvmcell.Slice, o *op, path string) (any, error) {
	if o.stackOnly {
		return nil, fieldErr(path, ErrInvalidValue, "%s is never serialized: it only lives on the stack", o.name)
	}
	if o.optional && o.kind != opAddress {
		if s.BitsLeft() < 1 {
			return nil, fieldErr(path, ErrCellUnderflow, "need the presence bit of %s, no bits left", o.name)
		}
		present, err := s.LoadBoolBit()
		if err != nil {
			return nil, fieldErr(path, ErrCellUnderflow, "%v", err)
		}
		if !present {
			return nil, nil
		}
	}

	switch o.kind {
	case opInt, opUint:
		if err := need(s, o.bits, o.name, path); err != nil {
			return nil, err
		}
		if o.kind == opInt {
			return s.LoadBigInt(uint(o.bits))
		}
		return s.LoadBigUInt(uint(o.bits))
	case opVarInt, opVarUint:
		return readVarInt(s, o, path)
	case opBool:
		if err := need(s, 1, o.name, path); err != nil {
			return nil, err
		}
		return s.LoadBoolBit()
	case opAddress:
		addr, err := readAddress(s, path)
		if err != nil {
			return nil, err
		}
		if addr == nil && !o.optional {
			return nil, fieldErr(path, ErrInvalidValue, "want an address, got addr_none")
		}
		if addr == nil {
			return nil, nil // a nil *address.Address would not compare equal to nil
		}
		return addr, nil
	case opCell:
		if o.remainder {
			c, err := s.ToCell()
			if err != nil {
				return nil, fieldErr(path, ErrInvalidValue, "cannot take the rest of the cell: %v", err)
			}
			if err := s.SkipBitsAndRefs(s.BitsLeft(), s.RefsNum()); err != nil {
				return nil, fieldErr(path, ErrInvalidValue, "%v", err)
			}
			return c, nil
		}
		return loadRef(s, o.name, path)
	case opString:
		c, err := loadRef(s, o.name, path)
		if err != nil {
			return nil, err
		}
		return readSnake(c, !o.tolk, path)
	case opFixedBytes:
		if err := need(s, o.bits, o.name, path); err != nil {
			return nil, err
		}
		return s.LoadSlice(uint(o.bits))
	case opStruct:
		l, err := a.layout(o.name)
		if err != nil {
			return nil, err
		}
		if !o.ref {
			return a.readStruct(s, l, path)
		}
		c, err := loadRef(s, o.name, path)
		if err != nil {
			return nil, err
		}
		return a.decodeLayout(l, c, path)
	case opUnion:
		return a.readUnion(s, o, path)
	default: // opMap
		if err := need(s, 1, "map", path); err != nil {
			return nil, err
		}
		present, err := s.LoadBoolBit()
		if err != nil {
			return nil, fieldErr(path, ErrCellUnderflow, "%v", err)
		}
		if !present {
			return &Map{}, nil
		}
		root, err := loadRef(s, "map", path)
		if err != nil {
			return nil, err
		}
		return a.decodeMap(o, root, path)
	}
}

// readVarInt reads a var(u)int16 or var(u)int32 and checks it is in the
// shortest form, as the TVM writes it.
func readVarInt(s *tvmcell.Slice, o *op, path string) (any, error) {
	lenBits := varLenBits(o.varLen)
	if err := need(s, lenBits, o.name, path); err != nil {
		return nil, err
	}
	ln, err := s.LoadUInt(uint(lenBits))
	if err != nil {
		return nil, fieldErr(path, ErrCellUnderflow, "%v", err)
	}
	if err := need(s, int(ln)*8, o.name, path); err != nil {
		return nil, err
	}

	signed := o.kind == opVarInt
	var n *big.Int
	if signed {
		n, err = s.LoadBigInt(uint(ln * 8))
	} else {
		n, err = s.LoadBigUInt(uint(ln * 8))
	}
	if err != nil {
		return nil, fieldErr(path, ErrInvalidValue, "%v", err)
	}
	if shortest := varIntLen(n, signed); shortest != int(ln) {
		return nil, fieldErr(path, ErrNonCanonical, "%s %s takes %d bytes, the TVM writes %d", o.name, n, ln, shortest)
	}
	return n, nil
}

// readAddress reads a standard address or addr_none (nil). Other address
// forms are an error: Tact's Address is always a standard one.
func readAddress(s *tvmcell.Slice, path string) (*address.Address, error) {
	if s.BitsLeft() < 2 {
		return nil, fieldErr(path, ErrCellUnderflow, "need an address, %d bits left", s.BitsLeft())
	}
	tag, err := s.PreloadUInt(2)
	if err != nil {
		return nil, fieldErr(path, ErrCellUnderflow, "%v", err)
	}
	switch tag {
	case 0b00:
		_, _ = s.LoadUInt(2)
		return nil, nil
	case 0b10:
	default:
		return nil, fieldErr(path, ErrInvalidValue, "want a standard address, got %s", addrTagName(tag))
	}

	if s.BitsLeft() < addressBits {
		return nil, fieldErr(path, ErrCellUnderflow, "need %d bits for an address, %d left", addressBits, s.BitsLeft())
	}
	addr, err := s.LoadAddr()
	if err != nil {
		return nil, fieldErr(path, ErrInvalidValue, "malformed address: %v", err)
	}
	if addr.Anycast() != nil {
		return nil, fieldErr(path, ErrInvalidValue, "want a standard address, got an anycast one")
	}
	return addr, nil
}

func addrTagName(tag uint64) string {
	switch tag {
	case 0b01:
		return "addr_extern"
	case 0b11:
		return "addr_var"
	}
	return fmt.Sprintf("address tag %02b", tag)
}

// loadRef loads the next ref of s for a value called what.
func loadRef(s *tvmcell.Slice, what, path string) (*tvmcell.Cell, error) {
	if s.RefsNum() == 0 {
		return nil, fieldErr(path, ErrCellUnderflow, "need a ref for %s, none left", what)
	}
	c, err := s.LoadRefCell()
	if err != nil {
		return nil, fieldErr(path, ErrCellUnderflow, "cannot load the ref of %s: %v", what, err)
	}
	return c, nil
}

// need checks that s has bits left for a value called what.
func need(s *tvmcell.Slice, bits int, what, path string) error {
	if int(s.BitsLeft()) < bits {
		return fieldErr(path, ErrCellUnderflow, "need %d bits for %s, %d left", bits, what, s.BitsLeft())
	}
	return nil
}

// beginParse opens an ordinary cell; exotic cells hold no Tact values.
func beginParse(c *tvmcell.Cell, path string) (*tvmcell.Slice, error) {
	if c.IsSpecial() {
		return nil, fieldErr(path, ErrInvalidValue, "exotic cell (%s) where data was expected", exoticName(c))
	}
	// tonutils-go accepts an ordinary cell whose BOC descriptor claims a
	// level its refs do not give it; its hash then differs from the same
	// bits and refs written anew.
	var mask byte
	for i := 0; i < int(c.RefsNum()); i++ {
		ref, err := c.PeekRef(i)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "cannot read ref %d: %v", i, err)
		}
		mask |= ref.LevelMask().Mask
	}
	if got := c.LevelMask().Mask; got != mask {
		return nil, fieldErr(path, ErrInvalidValue, "ordinary cell with level mask %d, its refs give %d", got, mask)
	}

	s, err := c.BeginParseWithoutTrace()
	if err != nil {
		return nil, fieldErr(path, ErrInvalidValue, "cannot read the cell: %v", err)
	}
	return s, nil
}

// checkEmpty fails when s has bits or refs left after the value called after.
func checkEmpty(s *tvmcell.Slice, path, after string) error {
	if s.BitsLeft() == 0 && s.RefsNum() == 0 {
		return nil
	}
	return fieldErr(path, ErrTrailingData, "%d bits and %d refs left over after %s", s.BitsLeft(), s.RefsNum(), after)
}
