package trace

import (
	"fmt"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Role says what a cell the run handles is to the account.
type Role int

const (
	// RoleStorage is the account's data as the run found it (c4), or a
	// cell under it.
	RoleStorage Role = iota + 1
	// RoleStorageAfter is the data the run left (what it wrote to c4).
	RoleStorageAfter
	// RoleBody is the inbound message's body, or a cell under it.
	RoleBody
	// RoleMessage is the inbound message itself.
	RoleMessage
	// RoleCode is the code that runs, or a cell of it.
	RoleCode
	// RoleNewCode is another code the run went on in (see [NewCode]), or
	// a cell of it: the code an eager upgrade installs, which came in the
	// message body.
	RoleNewCode
)

var roleNames = map[Role]string{RoleStorage: "storage", RoleStorageAfter: "new storage", RoleBody: "message body", RoleMessage: "inbound message", RoleCode: "code", RoleNewCode: "new code"}

func (r Role) String() string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return fmt.Sprintf("role(%d)", int(r))
}

// maxKnownCells bounds how many cells of a storage or body tree are
// recognised.
const maxKnownCells = 1024

// Origin is a cell the trace recognises: what it is, where it sits under
// its root ("" for the root, "^0" for its first ref, "^0^1"…), and what it
// holds, decoded by the contract's package when it can be.
type Origin struct {
	Role Role
	Path string
	Cell *tvmcell.Cell
	// Decoded is what the cell holds in words: "CounterV1 {owner: owner,
	// id: 1, value: 42}", "Step {queryId: 1}", "migration envelope"; ""
	// when no package reads it.
	Decoded string
}

// Name writes the origin: "storage", "storage ^0", "message body".
func (o *Origin) Name() string {
	if o.Path == "" {
		return o.Role.String()
	}
	return o.Role.String() + " " + o.Path
}

// known is what a trace recognises: the cells of the account's storage,
// the inbound message and its body, and the code that ran.
type known struct {
	cat   describe.Contracts
	code  *tvmcell.Cell
	cells map[[32]byte]*Origin
}

func newKnown(cat describe.Contracts, code *tvmcell.Cell) *known {
	return &known{cat: cat, code: code, cells: map[[32]byte]*Origin{}}
}

// add recognises root and the cells under it, decoding each that a
// package of the catalog reads.
func (k *known) add(role Role, root *tvmcell.Cell, decode func(c *tvmcell.Cell, path string) string) {
	if root == nil {
		return
	}
	type item struct {
		c    *tvmcell.Cell
		path string
	}
	queue := []item{{root, ""}}
	for n := 0; len(queue) > 0 && n < maxKnownCells; n++ {
		it := queue[0]
		queue = queue[1:]
		h := [32]byte(it.c.Hash())
		if _, ok := k.cells[h]; ok {
			continue
		}
		o := &Origin{Role: role, Path: it.path, Cell: it.c}
		if decode != nil {
			o.Decoded = decode(it.c, it.path)
		}
		k.cells[h] = o
		for i := range it.c.RefsNum() {
			if r, err := it.c.PeekRef(int(i)); err == nil {
				queue = append(queue, item{r, fmt.Sprintf("%s^%d", it.path, i)})
			}
		}
	}
}

// claim recognises root and the cells under it as code of ct that the
// run went on in, over what they were known as in the message: the new
// code an upgrade message carries is code, not just a body's ref. Cells
// of the storage or the account's own code stay what they were.
func (k *known) claim(role Role, root *tvmcell.Cell, ct *catalog.Contract) {
	type item struct {
		c    *tvmcell.Cell
		path string
	}
	queue := []item{{root, ""}}
	seen := map[[32]byte]bool{}
	for n := 0; len(queue) > 0 && n < maxKnownCells; n++ {
		it := queue[0]
		queue = queue[1:]
		h := [32]byte(it.c.Hash())
		if seen[h] {
			continue
		}
		seen[h] = true
		if o, ok := k.cells[h]; ok && o.Role != RoleBody && o.Role != RoleMessage {
			continue
		}
		o := &Origin{Role: role, Path: it.path, Cell: it.c}
		if it.path == "" && ct != nil {
			o.Decoded = describe.ContractName(ct)
		}
		k.cells[h] = o
		for i := range it.c.RefsNum() {
			if r, err := it.c.PeekRef(int(i)); err == nil {
				queue = append(queue, item{r, fmt.Sprintf("%s^%d", it.path, i)})
			}
		}
	}
}

// storage recognises an account's data: decoded by its contract's
// package, a migration envelope as such and the data in it by whichever
// package reads it.
func (k *known) storage(role Role, data *tvmcell.Cell, ct *catalog.Contract, p describe.Printer) {
	k.add(role, data, func(c *tvmcell.Cell, path string) string {
		if path == "" {
			if _, err := upgradable.Envelope(c); err == nil {
				return "migration envelope"
			}
			if ct != nil && ct.Package != nil {
				if st, err := ct.Package.DecodeStorage(c); err == nil {
					return storageText(st, p)
				}
			}
		}
		if k.cat != nil {
			if st := k.cat.DecodeAny(c); st != nil {
				return storageText(st, p)
			}
		}
		return ""
	})
}

// body recognises a message body, named and decoded by the ABIs of its
// receiver and sender.
func (k *known) body(body *tvmcell.Cell, p describe.Printer, by ...*catalog.Contract) {
	k.add(RoleBody, body, func(c *tvmcell.Cell, path string) string {
		if path != "" {
			return ""
		}
		m := describe.Name(c, by...)
		if m.Kind == describe.MessageEmpty {
			return ""
		}
		return m.Text(p)
	})
}

func storageText(st *cell.Storage, p describe.Printer) string {
	if st == nil || st.Fields == nil {
		return ""
	}
	return st.Fields.Type + " " + p.Value(st.Fields)
}

// origin is the origin of a stack value: a cell recognised, or a slice
// reading one.
func (k *known) origin(v any) *Origin {
	if k == nil {
		return nil
	}
	switch x := v.(type) {
	case *tvmcell.Cell:
		if x != nil {
			return k.cells[[32]byte(x.Hash())]
		}
	case *tvmcell.Slice:
		if x != nil && x.BaseCell() != nil {
			return k.cells[[32]byte(x.BaseCell().Hash())]
		}
	}
	return nil
}
