package trace

import (
	"math/big"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// opSetC3 is the instruction that points c3, where CALLDICT goes, at the
// continuation on top of the stack: an eager upgrade's old code sets it to
// the new code, then calls the new code's migrate.
const opSetC3 = "c3 POP"

// NewCode is another code the run went on in: an eager upgrade's old code
// pointed c3 at the code it installs, so its CALLDICTs ran the new code's
// procedures (migrate) in the same transaction.
type NewCode struct {
	// Step is the index of the instruction that set c3, First of the
	// first instruction that ran in the new code (-1 when none did).
	Step, First int
	// Code is the code c3 was set to; Contract the contract it is, nil
	// when the catalog does not know it.
	Code     *tvmcell.Cell
	Contract *catalog.Contract
}

// dispatch is a code the run enters by method id: its root dictionary's
// procedures, named by its ABI and the upgrade protocol it follows.
type dispatch struct {
	code  *tvmcell.Cell
	abi   *cell.ABI
	proto *upgradable.Protocol
	// of names whose code it is, for another code than the account's
	// ("v2"); "" for the account's own.
	of string
}

func ownDispatch(code *tvmcell.Cell, ct *catalog.Contract) *dispatch {
	if code == nil {
		return nil
	}
	d := &dispatch{code: code}
	if ct != nil {
		d.abi = ct.ABI()
		d.proto, _ = upgradable.DetectProtocol(d.abi)
	}
	return d
}

// name names the procedure of key id: a function the upgrade protocol
// calls by method id ("migrate (method 1000)"), else as [procName] does;
// in another code than the account's, with whose code it is ("v2's
// migrate (method 1000)").
func (d *dispatch) name(id *big.Int) string {
	n := procName(id, d.abi)
	if id.IsUint64() {
		if call := d.proto.Call(id.Uint64()); call != "" {
			n = call + " (method " + id.String() + ")"
		}
	}
	if d.of != "" {
		return d.of + "'s " + n
	}
	return n
}

// setsC3 follows step k when it points c3 at a code other than the
// account's: from then on a dictionary call runs that code, whose
// procedures are named by its own package (or the protocol of the code
// that installs it), and whose cells the trace calls "new code".
func (tr *tracker) setsC3(k int) {
	s := tr.t.Steps[k]
	if s.Op != opSetC3 || len(s.Stack) == 0 {
		return
	}
	p, ok := contPos(s.Stack[len(s.Stack)-1])
	if !ok || p.Bit != 0 || p.Ref != 0 {
		return
	}
	if tr.root != nil && bytesEqual(p.Cell.Hash(), tr.root.Hash()) {
		tr.c3 = nil // back to the account's own code
		return
	}
	ct := byCode(tr.t.known.cat, p.Cell)
	d := ownDispatch(p.Cell, ct)
	if d.proto == nil && tr.own != nil {
		d.proto = tr.own.proto
	}
	d.of = describe.ContractName(ct)
	if ct == nil {
		d.of = "the new code"
	}
	tr.c3, tr.index = d, nil
	if tr.depth > 0 {
		return // a child VM's code (a facet), no upgrade's new code
	}
	if tr.t.NewCode == nil {
		tr.t.NewCode = &NewCode{Step: k, First: -1, Code: p.Cell, Contract: ct}
	}
	tr.t.known.claim(RoleNewCode, p.Cell, ct)
}

// ranIn finds the first step placed in the new code, once every step is.
func (t *Trace) ranIn() {
	nc := t.NewCode
	if nc == nil {
		return
	}
	for k := nc.Step + 1; k < len(t.Steps); k++ {
		if o := t.known.origin(t.Steps[k].Pos.Cell); o != nil && o.Role == RoleNewCode {
			nc.First = k
			return
		}
	}
}
