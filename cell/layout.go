package cell

import (
	"fmt"
)

// Cell limits.
const (
	maxCellBits = 1023
	maxCellRefs = 4
)

// The allocator keeps one bit and one ref of the root cell free, as Tact's
// ALLOCATOR_RESERVE_BIT and ALLOCATOR_RESERVE_REF.
const (
	allocatorReserveBits = 1
	allocatorReserveRefs = 1
)

// headerBits is the size of a message opcode.
const headerBits = 32

// layout is how a struct, a message, a contract's fields or a contract's init
// arguments are laid out in cells: Tact's StorageAllocation, or Tolk's
// fields one after another ([sequential]).
type layout struct {
	name   string
	prefix *prefix // message opcode or Tolk struct prefix, stored first
	fields []layoutField
	root   *segment
	size   opSize // room the root cell takes when the struct is nested inline (Tact)
}

// prefix is what a struct's cell starts with: a message's 32-bit opcode, or
// a Tolk struct's prefix of 1 to 64 bits.
type prefix struct {
	value uint64
	bits  int
}

// opcodePrefix is the prefix of a message with opcode op.
func opcodePrefix(op uint32) *prefix {
	return &prefix{value: uint64(op), bits: headerBits}
}

// layoutField is one field of a layout.
type layoutField struct {
	name string
	typ  Type
	op   *op
}

// segment is the fields stored in one cell; the rest go to a cell in the
// segment's last ref.
type segment struct {
	fields []int // indexes into layout.fields
	used   opSize
	next   *segment
}

// reserved is the room a layout keeps at the start of its root cell.
type reserved struct {
	bits, refs int
}

// allocate splits fields into cells exactly as allocate and allocateSegment in
// Tact's storage/allocator.ts.
func allocate(name string, fields []layoutField, res reserved, structSize func(string) opSize) (*segment, error) {
	sizes := make([]opSize, len(fields))
	for i, f := range fields {
		sizes[i] = f.op.size(structSize)
	}

	idx := make([]int, len(fields))
	for i := range idx {
		idx[i] = i
	}
	return allocateSegment(name, fields, idx, sizes,
		maxCellBits-res.bits-allocatorReserveBits, maxCellRefs-res.refs-allocatorReserveRefs, true)
}

func allocateSegment(name string, fields []layoutField, idx []int, sizes []opSize, bits, refs int, root bool) (*segment, error) {
	total := opSize{}
	for _, i := range idx {
		total.bits += sizes[i].bits
		total.refs += sizes[i].refs
	}
	// A segment that cannot hold everything keeps a ref for the next one.
	if total.bits > bits || total.refs > refs {
		refs--
	}

	seg := &segment{}
	for n, i := range idx {
		s := sizes[i]
		if s.bits > bits || s.refs > refs {
			if n == 0 && !root {
				// Tact recurses forever here; no compiled contract has such a field.
				return nil, fmt.Errorf("%s.%s takes %d bits and %d refs: more than a cell holds", name, fields[i].name, s.bits, s.refs)
			}
			next, err := allocateSegment(name, fields, idx[n:], sizes, maxCellBits, maxCellRefs, false)
			if err != nil {
				return nil, err
			}
			seg.used.refs++
			seg.next = next
			break
		}
		bits -= s.bits
		refs -= s.refs
		seg.used.bits += s.bits
		seg.used.refs += s.refs
		seg.fields = append(seg.fields, i)
	}
	return seg, nil
}

// sequential lays out fields as Tolk does: one after another in one cell,
// with nothing kept free and nothing moved to another cell. A struct that
// does not fit fails when it is written, as it does in Tolk. This is the
// only other layout beside Tact's [allocate].
func sequential(fields []layoutField) *segment {
	seg := &segment{fields: make([]int, len(fields))}
	for i := range fields {
		seg.fields[i] = i
	}
	return seg
}
