package trace

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/describe"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// maxSameDepth bounds how deep two tuples are compared.
const maxSameDepth = 4

// Change is what step i did to the stack: the values it took off the top
// (popped) and those it left there that were not there before (pushed),
// deepest first; values it only moved or copied within the top count once
// (a copy as pushed), so a swap pops and pushes nothing and Moved is set.
// Zero for the last step.
func (t *Trace) Change(i int) Change {
	if i+1 >= len(t.Steps) {
		return Change{}
	}
	before, after := t.Steps[i].Stack, t.After(i)
	k := 0
	for k < len(before) && k < len(after) && same(before[k], after[k], 0) {
		k++
	}
	top := before[k:]
	used := make([]bool, len(top))
	var c Change
	for _, v := range after[k:] {
		found := false
		for j, w := range top {
			if !used[j] && same(v, w, 0) {
				used[j], found = true, true
				break
			}
		}
		if found {
			c.Moved = true
		} else {
			c.Pushed = append(c.Pushed, v)
		}
	}
	for j, w := range top {
		if !used[j] {
			c.Popped = append(c.Popped, w)
		}
	}
	return c
}

// Change is what one step did to the stack; see [Trace.Change].
type Change struct {
	Popped, Pushed []any
	// Moved is set when values stayed on the stack in another place.
	Moved bool
}

// same reports whether two stack values are the same value.
func same(a, b any, depth int) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && (x == nil) == (y == nil) && (x == nil || x.Cmp(y) == 0)
	case vm.NaN:
		_, ok := b.(vm.NaN)
		return ok
	case *tvmcell.Cell:
		y, ok := b.(*tvmcell.Cell)
		return ok && sameCell(x, y)
	case *tvmcell.Slice:
		y, ok := b.(*tvmcell.Slice)
		if !ok || x == nil || y == nil {
			return ok && x == y
		}
		xb, xe := x.BitRange()
		yb, ye := y.BitRange()
		xr, xre := x.RefRange()
		yr, yre := y.RefRange()
		return xb == yb && xe == ye && xr == yr && xre == yre && sameCell(x.BaseCell(), y.BaseCell())
	case *tvmcell.Builder:
		y, ok := b.(*tvmcell.Builder)
		if !ok || x == nil || y == nil {
			return ok && x == y
		}
		return x.BitsUsed() == y.BitsUsed() && x.RefsUsed() == y.RefsUsed() && sameCell(x.Copy().EndCell(), y.Copy().EndCell())
	case tuple.Tuple:
		y, ok := b.(tuple.Tuple)
		if !ok || x.Len() != y.Len() || depth >= maxSameDepth {
			return ok && x.Len() == y.Len() && depth >= maxSameDepth
		}
		for i := range x.Len() {
			xv, err1 := x.Index(i)
			yv, err2 := y.Index(i)
			if err1 != nil || err2 != nil || !same(xv, yv, depth+1) {
				return false
			}
		}
		return true
	}
	if p, ok := contPos(a); ok {
		q, ok := contPos(b)
		return ok && p.key() == q.key()
	}
	return fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b)
}

func sameCell(a, b *tvmcell.Cell) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || string(a.Hash()) == string(b.Hash())
}

// Value is a stack value as a trace shows it.
type Value struct {
	V any
	// Text is the value on one line (see [describe.Printer.StackValue]).
	Text string
	// Origin is the cell the value is, or the slice reads, when the trace
	// recognises it; nil otherwise.
	Origin *Origin
	// From and To are the bits of Origin's cell a slice has left to read
	// (From is how many were read); Of is the cell's size.
	From, To, Of uint
	slice        bool
	p            describe.Printer
}

// Value describes v, a value on one of the trace's stacks.
func (t *Trace) Value(v any) Value {
	out := Value{V: v, Text: t.printer.StackValue(v), Origin: t.known.origin(v), p: t.printer}
	if s, ok := v.(*tvmcell.Slice); ok && s != nil && out.Origin != nil {
		out.slice = true
		out.From, out.To = s.BitRange()
		out.Of = out.Origin.Cell.BitsSize()
	}
	return out
}

// Short writes the value briefly, for a list of changes: a recognised
// cell or slice by its origin, a slice with the bits it has left ("slice
// storage ^0[268:332]"), anything else as [describe.Printer.StackShort].
func (v Value) Short() string {
	p := v.p
	if v.Origin == nil {
		if at, ok := contPos(v.V); ok {
			return "cont " + at.String()
		}
		return p.StackShort(v.V)
	}
	if s, ok := v.V.(*tvmcell.Slice); ok && s.BitsLeft() == addressBits && s.RefsNum() == 0 {
		return p.StackShort(v.V) // an address reads better by its name
	}
	if v.slice {
		s := fmt.Sprintf("slice %s[%d:%d]", v.Origin.Name(), v.From, v.To)
		if r, _ := v.V.(*tvmcell.Slice).RefRange(); r == 1 {
			s += " (1 ref read)"
		} else if r > 1 {
			s += fmt.Sprintf(" (%d refs read)", r)
		}
		return s
	}
	return "cell " + v.Origin.Name()
}

// addressBits is the size of a standard address in a slice.
const addressBits = 267

// Note says what a recognised value is: "storage ^0, all 332 bits read:
// CounterV1$Data {…}", "message body, unread: Step {queryId: 1}",
// "storage, bits 1–268 of 332: …"; "" for a value the trace does not
// recognise.
func (v Value) Note() string {
	if v.Origin == nil {
		return ""
	}
	s := v.Origin.Name()
	if v.slice {
		switch {
		case v.From == 0 && v.To == v.Of:
			s += ", unread"
		case v.From == v.Of:
			s += fmt.Sprintf(", all %d bits read", v.Of)
		case v.To == v.Of:
			s += fmt.Sprintf(", read to bit %d of %d", v.From, v.Of)
		default:
			s += fmt.Sprintf(", bits %d–%d of %d", v.From, v.To, v.Of)
		}
	}
	if v.Origin.Decoded != "" {
		s += ": " + v.Origin.Decoded
	}
	return s
}
