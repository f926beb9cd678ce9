package describe

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// Bounds of a stack value written on one line.
const (
	stackTupleShown = 8 // elements of a tuple
	stackDepthShown = 3 // tuples inside tuples
)

// StackValue writes a value of a TVM stack, as tonutils-go's VM holds it,
// on one line: an integer in decimal, a cell, slice or builder as
// [cell.FormatValue] writes it (a slice by the bits it has left), a slice
// that holds exactly an address as "slice owner" (the Printer's names), a
// tuple as "[1 2 null]" (eight elements at most), a continuation as "cont"
// and its code, NaN and null.
func (p Printer) StackValue(v any) string { return p.stackValue(v, 0) }

func (p Printer) stackValue(v any, depth int) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case *big.Int:
		if x == nil {
			return "null"
		}
		return x.String()
	case vm.NaN:
		return "NaN"
	case *tvmcell.Slice:
		if x == nil {
			return "null"
		}
		if addr, ok := sliceAddress(x); ok {
			return "slice " + p.Address(addr)
		}
		return "slice " + cell.FormatValue(x)
	case *tvmcell.Cell:
		if x == nil {
			return "null"
		}
		return "cell " + cell.FormatValue(x)
	case *tvmcell.Builder:
		if x == nil {
			return "null"
		}
		return "builder " + cell.FormatValue(x.Copy())
	case tuple.Tuple:
		return p.tuple(x, depth)
	case *vm.OrdinaryContinuation:
		if x == nil || x.Code == nil {
			return "cont"
		}
		return "cont " + cell.FormatValue(x.Code)
	case vm.Continuation:
		return "cont (" + strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", x), "*vm."), "Continuation") + ")"
	}
	return fmt.Sprint(v)
}

func (p Printer) tuple(t tuple.Tuple, depth int) string {
	if depth >= stackDepthShown {
		return fmt.Sprintf("tuple of %d", t.Len())
	}
	parts := make([]string, 0, min(t.Len(), stackTupleShown)+1)
	for i := range min(t.Len(), stackTupleShown) {
		v, err := t.Index(i)
		if err != nil {
			break
		}
		parts = append(parts, p.stackValue(v, depth+1))
	}
	if t.Len() > stackTupleShown {
		parts = append(parts, fmt.Sprintf("… %d more", t.Len()-stackTupleShown))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// sliceAddress reads a slice that holds a standard address and nothing
// else.
func sliceAddress(s *tvmcell.Slice) (*address.Address, bool) {
	const stdAddrBits = 267
	if s.BitsLeft() != stdAddrBits || s.RefsNum() != 0 {
		return nil, false
	}
	a, err := s.Copy().LoadAddr()
	if err != nil {
		return nil, false
	}
	return a, true
}

// maxDigitsShort bounds the digits of an integer [Printer.StackShort]
// writes.
const maxDigitsShort = 24

// StackShort writes a stack value shorter than [Printer.StackValue] does,
// for lists of what an instruction changed: an integer in decimal (long
// ones cut), "slice owner" for an address, "slice 331 bits", "cell 0 bits,
// 1 ref", "builder 64 bits", "tuple of 4", "cont", "null", "NaN".
func (p Printer) StackShort(v any) string {
	switch x := v.(type) {
	case *big.Int:
		if x == nil {
			return "null"
		}
		s := x.String()
		if len(s) > maxDigitsShort {
			s = s[:maxDigitsShort] + "…"
		}
		return s
	case *tvmcell.Slice:
		if x == nil {
			return "null"
		}
		if addr, ok := sliceAddress(x); ok {
			return "slice " + p.Address(addr)
		}
		return "slice " + Size(x.BitsLeft(), x.RefsNum())
	case *tvmcell.Cell:
		if x == nil {
			return "null"
		}
		return "cell " + Size(x.BitsSize(), int(x.RefsNum()))
	case *tvmcell.Builder:
		if x == nil {
			return "null"
		}
		return "builder " + Size(uint(x.BitsUsed()), int(x.RefsUsed()))
	case tuple.Tuple:
		return fmt.Sprintf("tuple of %d", x.Len())
	case vm.Continuation:
		return "cont"
	}
	return p.StackValue(v)
}

// Size writes the size of a cell or slice: "331 bits", "1 bit", "0 bits,
// 1 ref", "8 bits, 2 refs".
func Size(bits uint, refs int) string {
	s := plural(int(bits), "%d bit", "%d bits")
	if refs > 0 {
		s += ", " + plural(refs, "%d ref", "%d refs")
	}
	return s
}
