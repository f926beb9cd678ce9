package trace

import (
	"sync"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/vm"

	// The instruction set: tonutils-go's packages register their opcodes
	// in vm.List when imported, as the tvm package does.
	_ "github.com/xssnick/tonutils-go/tvm/op/cellslice"
	_ "github.com/xssnick/tonutils-go/tvm/op/dict"
	_ "github.com/xssnick/tonutils-go/tvm/op/exec"
	_ "github.com/xssnick/tonutils-go/tvm/op/funcs"
	_ "github.com/xssnick/tonutils-go/tvm/op/math"
	_ "github.com/xssnick/tonutils-go/tvm/op/stack"
	_ "github.com/xssnick/tonutils-go/tvm/op/tuple"
)

// The steps that are no instruction of the code, as tonutils-go's VM
// names them: an implicit JMPREF when a cell's bits run out and a ref is
// left, an implicit RET when nothing is left.
const (
	opImplicitJmpref = "implicit JMPREF"
	opImplicitRet    = "implicit RET"
)

// Pos is a place in a contract's code: a cell, by its hash, and how many
// of its bits and refs come before the place.
type Pos struct {
	Cell *tvmcell.Cell
	Bit  uint
	Ref  int
}

// Valid reports whether the position is known.
func (p Pos) Valid() bool { return p.Cell != nil }

// key identifies a position whatever cell object carries it.
func (p Pos) key() posKey {
	var k posKey
	copy(k.hash[:], p.Cell.Hash())
	k.bit, k.ref = uint16(p.Bit), uint8(p.Ref)
	return k
}

type posKey struct {
	hash [32]byte
	bit  uint16
	ref  uint8
}

// instr is one instruction of the code, decoded at a position: its text as
// tonutils-go's trace writes it, where the next one starts, the refs it
// takes (a CALLREF's, a PUSHREFCONT's…) and the gas it pays before it runs.
type instr struct {
	text string
	next Pos
	refs []*tvmcell.Cell
	base int64
	// end is set at the end of a cell: the step there is an implicit
	// JMPREF (to the first ref left) or RET.
	end bool
}

// opTrie finds instructions by their bit prefix, as tonutils-go's
// dispatch does: the longest prefix wins, and bits past the code read as 0.
type opTrie struct {
	root   *trieNode
	maxLen uint
}

type trieNode struct {
	next [2]*trieNode
	op   vm.OPGetter
}

// instructions is the trie of every opcode registered with tonutils-go's
// vm; built once, read only after.
var instructions = sync.OnceValue(func() *opTrie {
	t := &opTrie{root: &trieNode{}}
	for _, get := range vm.List {
		for _, prefix := range get().GetPrefixes() {
			t.add(prefix, get)
		}
	}
	return t
})

func (t *opTrie) add(prefix *tvmcell.Slice, get vm.OPGetter) {
	p := prefix.Copy()
	n := t.root
	bits := p.BitsLeft()
	t.maxLen = max(t.maxLen, bits)
	for i := uint(0); i < bits; i++ {
		b, err := p.BitAt(i)
		if err != nil {
			return
		}
		if n.next[b] == nil {
			n.next[b] = &trieNode{}
		}
		n = n.next[b]
	}
	n.op = get
}

func (t *opTrie) match(code *tvmcell.Slice) vm.OPGetter {
	n, avail := t.root, code.BitsLeft()
	var matched vm.OPGetter
	for i := uint(0); i < t.maxLen; i++ {
		var b uint8
		if i < avail {
			var err error
			if b, err = code.BitAt(i); err != nil {
				break
			}
		}
		if n = n.next[b]; n == nil {
			break
		}
		if n.op != nil {
			matched = n.op
		}
	}
	return matched
}

// decoder decodes the instructions of code at positions, each once.
type decoder struct {
	seen map[posKey]*instr
}

func newDecoder() *decoder { return &decoder{seen: map[posKey]*instr{}} }

// at decodes the instruction at p; nil when none decodes there.
func (d *decoder) at(p Pos) *instr {
	if !p.Valid() {
		return nil
	}
	k := p.key()
	if in, ok := d.seen[k]; ok {
		return in
	}
	in := decodeAt(p)
	d.seen[k] = in
	return in
}

func decodeAt(p Pos) *instr {
	s, err := p.Cell.BeginParseWithoutTrace()
	if err != nil || s.SkipBits(p.Bit) != nil {
		return nil
	}
	for range p.Ref {
		if _, err := s.LoadRefCell(); err != nil {
			return nil
		}
	}
	if s.BitsLeft() == 0 {
		in := &instr{end: true, text: opImplicitRet}
		if s.RefsNum() > 0 {
			ref, err := s.PeekRefCell()
			if err != nil {
				return nil
			}
			in.text, in.base = opImplicitJmpref, vm.ImplicitJmprefGasPrice
			in.refs = []*tvmcell.Cell{ref}
		}
		return in
	}
	get := instructions().match(s)
	if get == nil {
		return nil
	}
	op := get()
	code := s.Copy()
	bits, refs := code.BitsLeft(), code.RefsNum()
	var refCells []*tvmcell.Cell
	if err := op.Deserialize(code); err != nil {
		return nil
	}
	takenRefs := refs - code.RefsNum()
	if takenRefs > 0 {
		rs := s.Copy()
		for range takenRefs {
			c, err := rs.LoadRefCell()
			if err != nil {
				return nil
			}
			refCells = append(refCells, c)
		}
	}
	in := &instr{
		text: op.SerializeText(),
		next: Pos{Cell: p.Cell, Bit: p.Bit + (bits - code.BitsLeft()), Ref: p.Ref + takenRefs},
		refs: refCells,
	}
	if priced, ok := op.(vm.GasPricedOp); ok {
		in.base = vm.InstructionBaseGasPrice + priced.InstructionBits()
	}
	return in
}
