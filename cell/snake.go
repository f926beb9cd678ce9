package cell

import (
	"fmt"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// snakeChunk is how many bytes of a string Tact puts in each cell: 127 bytes
// fill 1016 of a cell's 1023 bits.
const snakeChunk = 127

// snakeCell writes s as Tact writes a String: 127 bytes per cell from the
// front, each cell's tail in its only ref. The empty string is an empty cell.
func snakeCell(s string) (*tvmcell.Cell, error) {
	data := []byte(s)
	n := max(1, (len(data)+snakeChunk-1)/snakeChunk)

	var next *tvmcell.Cell
	for i := n - 1; i >= 0; i-- {
		start, end := i*snakeChunk, min(len(data), (i+1)*snakeChunk)
		b := tvmcell.BeginCell()
		if err := b.StoreSlice(data[start:end], uint(end-start)*8); err != nil {
			return nil, err
		}
		if next != nil {
			if err := b.StoreRef(next); err != nil {
				return nil, fmt.Errorf("a string of %d bytes is too long: %w", len(data), err)
			}
		}
		next = b.EndCell()
	}
	return next, nil
}

// readSnake reads a string from a chain of cells, each holding whole bytes
// and at most one ref. With canonical set, the chain must be the one
// [snakeCell] writes.
func readSnake(c *tvmcell.Cell, canonical bool, path string) (string, error) {
	var data []byte
	for depth := 0; ; depth++ {
		s, err := beginParse(c, path)
		if err != nil {
			return "", err
		}
		bits, refs := s.BitsLeft(), s.RefsNum()
		if bits%8 != 0 {
			return "", fieldErr(path, ErrInvalidValue, "string cell %d holds %d bits, not whole bytes", depth, bits)
		}
		if refs > 1 {
			return "", fieldErr(path, ErrInvalidValue, "string cell %d has %d refs, a string has at most one", depth, refs)
		}
		if canonical {
			switch {
			case refs == 1 && bits != snakeChunk*8:
				return "", fieldErr(path, ErrNonCanonical, "string cell %d holds %d bytes before its tail, Tact writes %d", depth, bits/8, snakeChunk)
			case refs == 0 && bits == 0 && depth > 0:
				return "", fieldErr(path, ErrNonCanonical, "string ends with an empty cell")
			}
		}

		chunk, err := s.LoadSlice(bits)
		if err != nil {
			return "", fieldErr(path, ErrInvalidValue, "string cell %d: %v", depth, err)
		}
		data = append(data, chunk...)
		if refs == 0 {
			return string(data), nil
		}
		if c, err = s.LoadRefCell(); err != nil {
			return "", fieldErr(path, ErrInvalidValue, "string cell %d: %v", depth, err)
		}
	}
}
