package actor

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// packedCell is a cell tree kept as bytes, for the part of a transaction
// cell a record holds but seldom reads: the header, the state update, the
// description, the message dictionary. Cells the record keeps anyway (the
// inbound message, the outbound ones) are not copied but referred to, so
// a record holds each cell once, and the bytes hold no pointers for the
// collector to follow. [packedCell.unpack] builds the same tree again, and
// its hash is checked against the one kept.
//
// The bytes are the cells in preorder: a cell is a tag byte (its number of
// refs, 0 to 4), its bit length as a uvarint, its data bytes (as runs, see
// appendRuns), then its refs; a tag of tagShared, followed by a uvarint index into shared, stands
// for a shared cell.
type packedCell struct {
	hash tvmcell.Hash
	data []byte
	// whole is the cell itself until it is packed: a record the history
	// does not keep never is (see World.remember), and neither is a tree
	// with an exotic cell, which tonutils-go's transactions never hold.
	whole *tvmcell.Cell
}

const tagShared = 0xff

// maxPackedRefs is the most refs an ordinary cell has.
const maxPackedRefs = 4

// errNotPackable marks a tree pack keeps whole.
var errNotPackable = errors.New("exotic cell")

// wholeCell keeps root as it is; [packedCell.pack] packs it later.
func wholeCell(root *tvmcell.Cell) packedCell {
	return packedCell{hash: root.HashKey(), whole: root}
}

// pack packs the whole cell, referring to the cells of shared by their
// index; scratch is a buffer to reuse between calls. A tree it cannot pack
// stays whole.
func (p *packedCell) pack(shared []*tvmcell.Cell, scratch *[]byte) {
	if p.whole == nil {
		return
	}
	buf, err := appendPacked((*scratch)[:0], p.whole, shared)
	if err != nil {
		return
	}
	*scratch = buf
	p.data, p.whole = bytes.Clone(buf), nil // exactly sized: the record keeps it
}

func appendPacked(buf []byte, c *tvmcell.Cell, shared []*tvmcell.Cell) ([]byte, error) {
	for i, s := range shared {
		if s == c {
			buf = append(buf, tagShared)
			return binary.AppendUvarint(buf, uint64(i)), nil
		}
	}
	if c.IsSpecial() {
		return nil, errNotPackable
	}
	bits := c.BitsSize()
	buf = append(buf, byte(c.RefsNum()))
	buf = binary.AppendUvarint(buf, uint64(bits))
	var data [maxCellBytes]byte
	n := c.SerializeBOCBodyTo(data[:])
	if tail := bits % 8; tail != 0 {
		data[n-1] &^= 1 << (7 - tail) // the serialization's end-of-data bit
	}
	buf = appendRuns(buf, data[:n])
	for i := range int(c.RefsNum()) {
		ref, err := c.PeekRef(i)
		if err != nil {
			return nil, err
		}
		if buf, err = appendPacked(buf, ref, shared); err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// maxCellBytes is the most data a cell holds: 1023 bits.
const maxCellBytes = 128

// Data bytes are kept as runs: a control byte below runZeros is followed
// by that many plus one bytes as they are; runZeros+k stands for k+1 zero
// bytes. A transaction's cells are 40 % zeros (hashes of empty states,
// zero fees, unset fields), most of them in long runs.
const (
	runZeros = 0x80
	maxRun   = 0x80
)

func appendRuns(buf, data []byte) []byte {
	for len(data) > 0 {
		zeros := 0
		for zeros < len(data) && zeros < maxRun && data[zeros] == 0 {
			zeros++
		}
		if zeros >= 2 || zeros == len(data) {
			buf = append(buf, byte(runZeros+zeros-1))
			data = data[zeros:]
			continue
		}
		// Literal bytes up to the next run of two zeros.
		lit := 1
		for lit < len(data) && lit < maxRun && !(data[lit] == 0 && (lit+1 == len(data) || data[lit+1] == 0)) {
			lit++
		}
		buf = append(buf, byte(lit-1))
		buf = append(buf, data[:lit]...)
		data = data[lit:]
	}
	return buf
}

// runs decodes n data bytes into dst (nil to skip them).
func (r *packReader) runs(n int, dst []byte) error {
	for got := 0; got < n; {
		if r.pos >= len(r.data) {
			return errors.New("truncated")
		}
		c := int(r.data[r.pos])
		r.pos++
		k := c%runZeros + 1
		if got+k > n {
			return errors.New("data runs past the cell")
		}
		if c >= runZeros {
			if dst != nil {
				clear(dst[got : got+k])
			}
		} else {
			if k > len(r.data)-r.pos {
				return errors.New("truncated")
			}
			if dst != nil {
				copy(dst[got:], r.data[r.pos:r.pos+k])
			}
			r.pos += k
		}
		got += k
	}
	return nil
}

// unpack builds the packed tree again, over the same shared cells.
func (p *packedCell) unpack(shared []*tvmcell.Cell) (*tvmcell.Cell, error) {
	if p.whole != nil {
		return p.whole, nil
	}
	r := packReader{data: p.data, shared: shared}
	c, err := r.cell()
	if err == nil && r.pos != len(r.data) {
		err = fmt.Errorf("%d bytes left over", len(r.data)-r.pos)
	}
	if err == nil && c.HashKey() != p.hash {
		err = errors.New("hash differs from the one recorded")
	}
	if err != nil {
		return nil, fmt.Errorf("packed cell: %w", err)
	}
	return c, nil
}

// unpackRef builds only the root's i-th ref, skipping the rest of the
// tree: what reading one part of the cell takes. The hash is not checked
// (it is the root's); [packedCell.unpack] checks the whole.
func (p *packedCell) unpackRef(shared []*tvmcell.Cell, i int) (*tvmcell.Cell, error) {
	if p.whole != nil {
		return p.whole.PeekRef(i)
	}
	r := packReader{data: p.data, shared: shared}
	refs, err := r.header()
	if err != nil {
		return nil, fmt.Errorf("packed cell: %w", err)
	}
	if i >= refs {
		return nil, fmt.Errorf("packed cell: no ref %d of %d", i, refs)
	}
	for range i {
		if err := r.skip(); err != nil {
			return nil, fmt.Errorf("packed cell: %w", err)
		}
	}
	c, err := r.cell()
	if err != nil {
		return nil, fmt.Errorf("packed cell: %w", err)
	}
	return c, nil
}

type packReader struct {
	data   []byte
	pos    int
	shared []*tvmcell.Cell
}

func (r *packReader) uvarint() (uint64, error) {
	v, n := binary.Uvarint(r.data[r.pos:])
	if n <= 0 {
		return 0, errors.New("truncated")
	}
	r.pos += n
	return v, nil
}

// header reads an ordinary cell's tag and skips its data, returning its
// number of refs.
func (r *packReader) header() (int, error) {
	if r.pos >= len(r.data) {
		return 0, errors.New("truncated")
	}
	tag := r.data[r.pos]
	r.pos++
	if tag > maxPackedRefs {
		return 0, fmt.Errorf("cell with %d refs", tag)
	}
	bits, err := r.uvarint()
	if err != nil {
		return 0, err
	}
	if bits > 8*maxCellBytes {
		return 0, fmt.Errorf("cell of %d bits", bits)
	}
	if err := r.runs(int((bits+7)/8), nil); err != nil {
		return 0, err
	}
	return int(tag), nil
}

// skip passes over one cell and its refs without building them.
func (r *packReader) skip() error {
	if r.pos < len(r.data) && r.data[r.pos] == tagShared {
		r.pos++
		_, err := r.uvarint()
		return err
	}
	refs, err := r.header()
	for range refs {
		if err != nil {
			return err
		}
		err = r.skip()
	}
	return err
}

func (r *packReader) cell() (*tvmcell.Cell, error) {
	if r.pos >= len(r.data) {
		return nil, errors.New("truncated")
	}
	tag := r.data[r.pos]
	r.pos++
	if tag == tagShared {
		i, err := r.uvarint()
		if err != nil {
			return nil, err
		}
		if i >= uint64(len(r.shared)) {
			return nil, fmt.Errorf("shared cell %d of %d", i, len(r.shared))
		}
		return r.shared[i], nil
	}
	if tag > maxPackedRefs {
		return nil, fmt.Errorf("cell with %d refs", tag)
	}
	bits, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	if bits > 8*maxCellBytes {
		return nil, fmt.Errorf("cell of %d bits", bits)
	}
	n := int((bits + 7) / 8)
	var data [maxCellBytes]byte
	if err := r.runs(n, data[:n]); err != nil {
		return nil, err
	}
	b := tvmcell.BeginCell()
	if err := b.StoreSlice(data[:n], uint(bits)); err != nil {
		return nil, err
	}
	for range tag {
		ref, err := r.cell()
		if err != nil {
			return nil, err
		}
		if err := b.StoreRef(ref); err != nil {
			return nil, err
		}
	}
	return b.EndCell(), nil
}
