package trace

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// Procedures every contract has by id, as the TVM calls them: the
// selector the run starts with, then a Tact or FunC dictionary's key.
const (
	procRecvInternal = "recv_internal"
	procRecvExternal = "recv_external"
	procTickTock     = "run_ticktock"
	selInternal      = 0
	selExternal      = -1
	selTickTock      = -2
)

// builtinGetters are get-methods Tact adds to every contract, named by
// their method ids.
var builtinGetters = []string{"supported_interfaces", "get_abi_ipfs", "lazy_deployment_completed"}

// Bounds of the search for where a run goes after a jump.
const (
	maxCodeCells = 4096 // cells of a contract's code indexed for a search
	maxSeen      = 256  // continuations remembered from the stacks
)

// procName names the procedure of a code dictionary's key: a selector,
// a getter of the ABI, one of Tact's, or "procedure N".
func procName(id *big.Int, abi *cell.ABI) string {
	if !id.IsInt64() {
		return "procedure " + id.String()
	}
	switch n := id.Int64(); n {
	case selInternal:
		return procRecvInternal
	case selExternal:
		return procRecvExternal
	case selTickTock:
		return procTickTock
	}
	if abi != nil {
		for _, g := range abi.Getters {
			if actor.MethodID(g.Name) == id.Uint64() {
				return "get " + g.Name
			}
		}
	}
	for _, name := range builtinGetters {
		if actor.MethodID(name) == id.Uint64() {
			return "get " + name
		}
	}
	return "procedure " + id.String()
}

// frame is a return address the code called from: where the run goes on
// when the callee returns, and the procedure it is in.
type frame struct {
	at   Pos
	proc string
	// child is set for the frame a RUNVM leaves: the parent goes on there
	// when the child VM ends, with c3 as it was (parentC3).
	child    bool
	parentC3 *dispatch
}

// candidate is a place a jump may lead to; ret, when set, says it is the
// frame that many below the top of the return stack.
type candidate struct {
	at  Pos
	ret int // 0: not a return; k: the k-th frame from the top, from 1
}

// tracker follows a run through its code. The VM reports a jump after
// every transfer of control, so between two jumps the steps are the
// instructions that follow one another in the code; after a jump, the run
// went to one of a few places (a ref the instruction holds, a continuation
// on the stack, a dictionary entry, a return address, the code's start),
// and the one whose instructions are the next steps is it.
type tracker struct {
	t    *Trace
	dec  *decoder
	root *tvmcell.Cell
	// own is the account's code as a dispatch; c3 the code an eager
	// upgrade pointed c3 at, nil until it does.
	own, c3 *dispatch
	ret     []frame
	proc    string
	seen    []Pos
	known   map[posKey]bool
	index   []Pos
	// loaded holds the cells the run loaded, for the price of an implicit
	// JMPREF (a cell loaded before costs less).
	loaded map[[32]byte]bool
	// depth counts the child VMs (RUNVM) the run is inside.
	depth int
}

// follow places every step of t in its code and names its procedure; it
// returns what each step paid before it ran, for the gas per step.
func follow(t *Trace) []int64 {
	bases := make([]int64, len(t.Steps))
	code := t.known.code
	tr := &tracker{t: t, dec: newDecoder(), root: code, own: ownDispatch(code, t.Contract), proc: t.Entry, known: map[posKey]bool{}, loaded: map[[32]byte]bool{}}
	for i := range t.Steps {
		t.Steps[i].Proc = t.Entry
	}
	if code == nil {
		return bases
	}
	tr.loaded[[32]byte(code.Hash())] = true
	cands := []candidate{{at: Pos{Cell: code}}}
	for i := 0; i < len(t.Steps); {
		j := tr.runEnd(i)
		start, ok := tr.pick(cands, i, j)
		if !ok {
			start, ok = tr.search(i, j)
		}
		var last *instr
		if ok {
			p := start
			for k := i; k <= j; k++ {
				in := tr.dec.at(p)
				t.Steps[k].Pos = p
				bases[k] = tr.base(in)
				last = in
				if k < j {
					p = in.next
				}
			}
		}
		for k := i; k <= j; k++ {
			t.Steps[k].Proc = tr.proc
			tr.remember(t.Steps[k].Stack)
			tr.setsC3(k)
		}
		cands = tr.after(j, last)
		i = j + 1
	}
	return bases
}

// runEnd is the last step of the run of straight-line steps from i: the
// first that jumped.
func (tr *tracker) runEnd(i int) int {
	for j := i; j < len(tr.t.Steps); j++ {
		if tr.t.Steps[j].Jumped || runsVM(mnemonic(tr.t.Steps[j].Op)) {
			return j
		}
	}
	return len(tr.t.Steps) - 1
}

// matches reports whether the code from p holds steps i to j in order.
func (tr *tracker) matches(p Pos, i, j int) bool {
	for k := i; k <= j; k++ {
		in := tr.dec.at(p)
		if in == nil || in.text != tr.t.Steps[k].Op {
			return false
		}
		if k < j {
			if in.end {
				return false
			}
			p = in.next
		}
	}
	return true
}

// pick takes the first candidate the steps i to j match, and keeps the
// return stack and procedure in step with it.
func (tr *tracker) pick(cands []candidate, i, j int) (Pos, bool) {
	for _, c := range cands {
		if !tr.matches(c.at, i, j) {
			continue
		}
		if c.ret > 0 {
			tr.leaveChildren(tr.ret[len(tr.ret)-c.ret:])
			f := tr.ret[len(tr.ret)-c.ret]
			tr.ret = tr.ret[:len(tr.ret)-c.ret]
			tr.proc = f.proc
		}
		return c.at, true
	}
	return Pos{}, false
}

// search looks for steps i to j anywhere in the code: at the start of
// every cell, and wherever a continuation seen on the stack starts.
func (tr *tracker) search(i, j int) (Pos, bool) {
	if tr.index == nil {
		tr.index = codeCells(tr.root)
		if tr.c3 != nil {
			tr.index = append(tr.index, codeCells(tr.c3.code)...)
		}
	}
	for _, p := range tr.seen {
		if tr.matches(p, i, j) {
			return p, true
		}
	}
	for _, p := range tr.index {
		if tr.matches(p, i, j) {
			return p, true
		}
	}
	return Pos{}, false
}

// after lists where the run may go after step j, whose instruction is in
// (nil when unknown), most likely first.
func (tr *tracker) after(j int, in *instr) []candidate {
	s := &tr.t.Steps[j]
	if mn := mnemonic(s.Op); runsVM(mn) {
		return tr.enterChild(s, in)
	}
	if !s.Jumped {
		if in == nil || in.end {
			return nil
		}
		return []candidate{{at: in.next}}
	}
	mn := mnemonic(s.Op)
	var cands []candidate
	rets := func() {
		for k := 1; k <= len(tr.ret); k++ {
			cands = append(cands, candidate{at: tr.ret[len(tr.ret)-k].at, ret: k})
		}
	}
	if returns(mn) {
		rets()
	}
	if in != nil {
		for _, r := range in.refs {
			cands = append(cands, candidate{at: Pos{Cell: r}})
			if s.Op == opImplicitJmpref {
				tr.loaded[[32]byte(r.Hash())] = true
			}
		}
	}
	if p, id, ok := dictTarget(mn, s.Stack); ok {
		cands = append(cands, candidate{at: p})
		if d := tr.dispatchAt(j); p.Cell != nil && d != nil {
			tr.proc = d.name(id)
		}
	}
	for k := len(s.Stack) - 1; k >= 0 && k >= len(s.Stack)-8; k-- {
		if p, ok := contPos(s.Stack[k]); ok {
			cands = append(cands, candidate{at: p})
		}
	}
	if tr.c3 != nil {
		cands = append(cands, candidate{at: Pos{Cell: tr.c3.code}})
	}
	cands = append(cands, candidate{at: Pos{Cell: tr.root}})
	if !returns(mn) {
		rets()
	}
	if in != nil && !in.end && calls(mn) {
		tr.ret = append(tr.ret, frame{at: in.next, proc: tr.proc})
		// The callee returns to in.next: a candidate of the return it
		// ends with, not of this jump.
	}
	return cands
}

// dispatchAt is the code whose root step j is in, when step j is the
// dictionary jump a code's root makes (the third instruction of its
// start: SETCP 0, DICTPUSHCONST, DICTIGETJMPZ): the account's, or the code
// c3 holds; nil for a jump elsewhere.
func (tr *tracker) dispatchAt(j int) *dispatch {
	p := tr.t.Steps[j].Pos
	if !p.Valid() {
		return nil
	}
	for _, d := range []*dispatch{tr.own, tr.c3} {
		if d != nil && bytesEqual(p.Cell.Hash(), d.code.Hash()) {
			return d
		}
	}
	return nil
}

// remember keeps the positions of the continuations on a stack, for a
// search.
func (tr *tracker) remember(stack []any) {
	for _, v := range stack {
		p, ok := contPos(v)
		if !ok {
			continue
		}
		k := p.key()
		if tr.known[k] {
			continue
		}
		tr.known[k] = true
		if len(tr.seen) < maxSeen {
			tr.seen = append(tr.seen, p)
		}
	}
}

// base is what an instruction pays before its step is reported: its
// price, and for an implicit JMPREF the load of the cell it enters.
func (tr *tracker) base(in *instr) int64 {
	if in == nil {
		return 0
	}
	if in.text == opImplicitJmpref && len(in.refs) > 0 {
		if tr.loaded[[32]byte(in.refs[0].Hash())] {
			return in.base + vm.CellReloadGasPrice
		}
		return in.base + vm.CellLoadGasPrice
	}
	return in.base
}

// contPos is where a continuation on the stack starts, for the ordinary
// continuations PUSHCONT and friends make.
func contPos(v any) (Pos, bool) {
	c, ok := v.(*vm.OrdinaryContinuation)
	if !ok || c == nil || c.Code == nil {
		return Pos{}, false
	}
	base := c.Code.BaseCell()
	if base == nil {
		return Pos{}, false
	}
	bit, _ := c.Code.BitRange()
	ref, _ := c.Code.RefRange()
	return Pos{Cell: base, Bit: bit, Ref: ref}, true
}

// dictTarget is where a dictionary jump or call goes: the entry for the
// key under the dictionary and its key length on the stack.
func dictTarget(mn string, stack []any) (Pos, *big.Int, bool) {
	if !strings.HasPrefix(mn, "DICT") || !(strings.Contains(mn, "GETJMP") || strings.Contains(mn, "GETEXEC")) || len(stack) < 3 {
		return Pos{}, nil, false
	}
	n, ok1 := stack[len(stack)-1].(*big.Int)
	dict, ok2 := stack[len(stack)-2].(*tvmcell.Cell)
	key, ok3 := stack[len(stack)-3].(*big.Int)
	if !ok1 || !ok2 || !ok3 || !n.IsUint64() || n.Uint64() > 1023 || dict == nil {
		return Pos{}, key, false
	}
	d := dict.AsDict(uint(n.Uint64()))
	var s *tvmcell.Slice
	var err error
	if strings.Contains(mn, "DICTU") {
		s, err = d.LoadValueByIntKey(key)
	} else {
		k := tvmcell.BeginCell()
		if err = k.StoreBigInt(key, uint(n.Uint64())); err == nil {
			s, err = d.LoadValue(k.EndCell())
		}
	}
	if err != nil || s == nil {
		return Pos{}, key, false
	}
	bit, _ := s.BitRange()
	ref, _ := s.RefRange()
	return Pos{Cell: s.BaseCell(), Bit: bit, Ref: ref}, key, true
}

// codeCells lists the start of every cell of code, breadth first.
func codeCells(root *tvmcell.Cell) []Pos {
	var out []Pos
	seen := map[[32]byte]bool{}
	queue := []*tvmcell.Cell{root}
	for len(queue) > 0 && len(out) < maxCodeCells {
		c := queue[0]
		queue = queue[1:]
		h := [32]byte(c.Hash())
		if seen[h] {
			continue
		}
		seen[h] = true
		out = append(out, Pos{Cell: c})
		for i := range c.RefsNum() {
			if r, err := c.PeekRef(int(i)); err == nil {
				queue = append(queue, r)
			}
		}
	}
	return out
}

// mnemonic is an instruction's name: the last word of capitals and
// digits in what tonutils-go writes, which puts arguments before the name
// ("32 LDU", "s3,s4 XCHG", "<…> SMALL PUSHCONT") or after it ("CALLDICT
// 1001", "SDBEGINSQ 32[…]").
func mnemonic(op string) string {
	words := strings.Fields(op)
	for i := len(words) - 1; i >= 0; i-- {
		if isMnemonic(words[i]) {
			return words[i]
		}
	}
	return op
}

func isMnemonic(w string) bool {
	for i, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return w != ""
}

// calls reports whether the instruction calls what it jumps to: the
// callee returns to the instruction after it.
func calls(mn string) bool {
	switch mn {
	case "CALLX", "CALLREF", "CALLDICT", "CALLXARGS", "CALLXVARARGS", "EXECUTE",
		"IF", "IFNOT", "IFELSE", "IFREF", "IFNOTREF", "IFELSEREF", "IFREFELSE", "IFREFELSEREF",
		"REPEAT", "UNTIL", "WHILE", "REPEATBRK", "UNTILBRK", "WHILEBRK", "TRY", "TRYARGS",
		"DICTIGETEXEC", "DICTUGETEXEC", "DICTIGETEXECZ", "DICTUGETEXECZ", "CALLCC", "CALLCCARGS":
		return true
	}
	return strings.HasPrefix(mn, "CALLXARGS")
}

// returns reports whether the instruction returns to its caller.
func returns(mn string) bool {
	switch mn {
	case "RET", "RETALT", "RETBOOL", "RETARGS", "RETVARARGS", "RETDATA", "RETTRUE", "RETFALSE",
		"IFRET", "IFNOTRET", "IFRETALT", "IFNOTRETALT":
		return true
	}
	return false
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// String writes a position as "#1a2b3c4d+300": the cell's hash prefix and
// the bits before the instruction (and refs, when some were taken).
func (p Pos) String() string {
	if !p.Valid() {
		return "?"
	}
	s := fmt.Sprintf("#%x+%d", p.Cell.Hash()[:4], p.Bit)
	if p.Ref > 0 {
		s += fmt.Sprintf("^%d", p.Ref)
	}
	return s
}
