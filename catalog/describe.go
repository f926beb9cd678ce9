package catalog

import (
	"bytes"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// World is what describing needs of a world: names, and the code of a
// bounce's sender.
type World interface {
	NameOf(addr *address.Address) string
	Account(addr *address.Address) (*actor.Account, error)
}

// Tx is a transaction described in the catalog's terms.
type Tx struct {
	Tx *actor.Transaction
	// From and To are names, short addresses ("0:4686a2…74d7") or
	// "external".
	From, To string
	// Contract is the contract whose code handled the message (the deployed
	// one for a deployment); nil when the catalog does not know the code.
	Contract *Contract
	// Message names the inbound message: its ABI type ("Step"), "empty",
	// a comment, "external", "bounced Upgrade", or its opcode in hex.
	Message string
	// Body is the decoded message when its type is known.
	Body *cell.Struct
	// Exit explains the outcome: "0 (Success)", "132 (Access denied)",
	// "action 37 (not enough Toncoin)", "skipped (no state)".
	Exit string
	// CodeChanged is set when the transaction replaced the code; Upgraded
	// names the contract it runs now, when known.
	CodeChanged bool
	Upgraded    *Contract
	// Before and After are the storage decoded by the package of the code
	// before and after; nil when unknown.
	Before, After *cell.Storage
	// Pending is set when the storage after is a lazy-migration envelope
	// that the new code's init has not migrated yet.
	Pending bool
	// Initialized is set when the contract's init() ran in this
	// transaction: the storage went from init arguments to fields. A
	// migration (init on a pending envelope) sets it too.
	Initialized bool
	// Changes lists what changed in the storage: decoded fields when the
	// layouts are known (a migration compares the old fields with the new),
	// raw cells otherwise.
	Changes []cell.Change
}

// Describe explains one transaction.
func (c *Catalog) Describe(w World, tx *actor.Transaction) *Tx {
	d := &Tx{Tx: tx, From: c.name(w, tx.From), To: c.name(w, tx.To)}
	if tx.External {
		d.From = "external"
	}

	code := tx.CodeBefore
	if code == nil {
		code = tx.CodeAfter
	}
	d.Contract, _ = c.ByCode(code)
	d.Message, d.Body = c.message(w, tx, d.Contract)
	d.Exit = exit(tx, d.Contract)

	d.CodeChanged = tx.CodeBefore != nil && tx.CodeAfter != nil && !bytes.Equal(tx.CodeBefore.Hash(), tx.CodeAfter.Hash())
	after := d.Contract
	if d.CodeChanged {
		d.Upgraded, _ = c.ByCode(tx.CodeAfter)
		after = d.Upgraded
	}
	if tx.DataBefore != nil && tx.CodeBefore != nil {
		d.Before = decode(c.contractOf(tx.CodeBefore), tx.DataBefore)
	}
	if tx.DataAfter != nil {
		d.After = decode(after, tx.DataAfter)
		_, err := upgradable.Envelope(tx.DataAfter)
		d.Pending = err == nil
	}
	d.Initialized = d.After != nil && d.After.Initialized && (tx.DataBefore == nil || (d.Before != nil && !d.Before.Initialized))
	d.Changes = c.changes(tx, d)
	return d
}

func (c *Catalog) contractOf(code *tvmcell.Cell) *Contract {
	ct, _ := c.ByCode(code)
	return ct
}

// name is addr's name in w, or its short form.
func (c *Catalog) name(w World, addr *address.Address) string {
	if addr == nil {
		return ""
	}
	if n := w.NameOf(addr); n != "" {
		return n
	}
	return Short(addr)
}

// Short writes an address as "0:4686a2…74d7".
func Short(addr *address.Address) string {
	raw := addr.StringRaw()
	if len(raw) < 16 {
		return raw
	}
	return raw[:8] + "…" + raw[len(raw)-4:]
}

func (c *Catalog) message(w World, tx *actor.Transaction, ct *Contract) (string, *cell.Struct) {
	switch {
	case tx.External:
		return "external", nil
	case tx.Bounced:
		return c.bounced(w, tx), nil
	case tx.Body.BitsSize() == 0 && tx.Body.RefsNum() == 0:
		return "empty", nil
	case !tx.HasOpcode:
		return fmt.Sprintf("%d-bit body", tx.Body.BitsSize()), nil
	case tx.Opcode == 0:
		s, err := afterOp(tx.Body)
		if err != nil {
			return "comment", nil
		}
		text, err := s.LoadStringSnake()
		if err != nil {
			return "comment", nil
		}
		return fmt.Sprintf("comment %q", text), nil
	}
	if ct != nil && ct.ABI() != nil {
		if t, err := ct.ABI().Message(tx.Opcode); err == nil {
			body, err := ct.ABI().Decode(t.Name, tx.Body)
			if err != nil {
				return t.Name + " (malformed)", nil
			}
			return t.Name, body
		}
	}
	return fmt.Sprintf("0x%08x", tx.Opcode), nil
}

// afterOp returns c's bits past its 32-bit opcode; an error for a body too
// short or a cell that cannot be read (one a BOC made exotic).
func afterOp(c *tvmcell.Cell) (*tvmcell.Slice, error) {
	s, err := c.BeginParse()
	if err != nil {
		return nil, err
	}
	if err := s.SkipBits(32); err != nil {
		return nil, err
	}
	return s, nil
}

// bounced names a bounce by the message that bounced: its opcode follows
// 0xffffffff, and the contract that bounced it (the bounce's sender) knows
// its type.
func (c *Catalog) bounced(w World, tx *actor.Transaction) string {
	s, err := afterOp(tx.Body)
	if err != nil {
		return "bounced"
	}
	raw, err := s.LoadUInt(32)
	if err != nil {
		return "bounced"
	}
	op := uint32(raw)
	if acc, err := w.Account(tx.From); err == nil && acc.Code != nil {
		if ct, err := c.ByCode(acc.Code); err == nil && ct.ABI() != nil {
			if t, err := ct.ABI().Message(op); err == nil {
				return "bounced " + t.Name
			}
		}
	}
	return fmt.Sprintf("bounced 0x%08x", op)
}

func exit(tx *actor.Transaction, ct *Contract) string {
	var pkg *cell.Package
	if ct != nil {
		pkg = ct.Package
	}
	switch {
	case tx.ComputeSkipped != "":
		return "skipped (" + string(tx.ComputeSkipped) + ")"
	case tx.ExitCode != actor.ExitSuccess && tx.ExitCode != actor.ExitAltSuccess:
		return meaning(int64(tx.ExitCode), pkg)
	case tx.ActionCode != 0:
		return "action " + meaning(int64(tx.ActionCode), nil)
	}
	return meaning(int64(tx.ExitCode), pkg)
}

func meaning(code int64, pkg *cell.Package) string {
	if m := upgradable.Meaning(code, pkg); m != "" {
		return fmt.Sprintf("%d (%s)", code, m)
	}
	return fmt.Sprint(code)
}

// ExitMeaning explains an exit code by ct's errors, then the TVM's.
func ExitMeaning(code int64, ct *Contract) string {
	var pkg *cell.Package
	if ct != nil {
		pkg = ct.Package
	}
	return upgradable.Meaning(code, pkg)
}

func decode(ct *Contract, data *tvmcell.Cell) *cell.Storage {
	if ct == nil || ct.Package == nil {
		return nil
	}
	st, err := ct.Package.DecodeStorage(data)
	if err != nil {
		return nil
	}
	return st
}

// changes compares the storage before and after.
func (c *Catalog) changes(tx *actor.Transaction, d *Tx) []cell.Change {
	if tx.DataBefore == nil || tx.DataAfter == nil || bytes.Equal(tx.DataBefore.Hash(), tx.DataAfter.Hash()) {
		return nil
	}
	if d.Pending {
		return nil // an upgrade wrapped the old data: nothing changed yet
	}
	before := d.Before
	if old, err := upgradable.Envelope(tx.DataBefore); err == nil {
		// This transaction ran the migration: compare the old version's
		// fields with the new ones.
		before = c.DecodeAny(old)
	}
	if before != nil && d.After != nil && before.Initialized && d.After.Initialized {
		return cell.DiffStructs(before.Fields, d.After.Fields)
	}
	if d.Initialized {
		return nil // init turned the arguments into fields: nothing to compare
	}
	return cell.DiffCells(tx.DataBefore, tx.DataAfter)
}

// DecodeAny decodes data as the initialized storage of the first contract
// (by name) whose layout reads it exactly, nil when none does. It names the
// version inside a lazy-migration envelope.
func (c *Catalog) DecodeAny(data *tvmcell.Cell) *cell.Storage {
	for _, ct := range c.Contracts() {
		if st := decode(ct, data); st != nil && st.Initialized {
			return st
		}
	}
	return nil
}
