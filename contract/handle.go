package contract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Handle is a contract account of a world and the contracts it may run.
// Every message is encoded, and every getter and storage read decoded, by
// the ABI of the code the account runs at that moment, found by its hash
// among Contracts: the same handle works before and after an upgrade and
// says which version answered.
type Handle struct {
	World   *actor.World
	Address *address.Address
	// Contracts are the contracts the handle was given: the versions the
	// account may run, and the other contracts its sends reach. The
	// handle knows those of the other handles on its world too (see
	// [Handle.Known]).
	Contracts *catalog.Catalog
}

// Deploy has wallet from deploy pkg with init, its init arguments (a
// struct, or a map by name, see [Input]; nil when it takes none): a
// message carrying the StateInit, with an empty body unless [WithMessage]
// or [WithBody] says otherwise, and [DefaultValue] unless [WithValue]
// does. It returns the handle and what the send did; a deployment the
// contract refuses is a result whose Tx failed, not an error.
func Deploy(w *actor.World, from *address.Address, pkg *cell.Package, init any, opts ...Option) (*Handle, *Result, error) {
	s, err := newSettings(forDeploy, opts)
	if err != nil {
		return nil, nil, err
	}
	if pkg == nil {
		return nil, nil, errors.New("deploy: no package")
	}
	cat, err := s.contracts(pkg)
	if err != nil {
		return nil, nil, fmt.Errorf("deploy %s: %w", pkg.Name, err)
	}
	args, err := Input(init)
	if err != nil {
		return nil, nil, fmt.Errorf("deploy %s: init: %w", pkg.Name, err)
	}
	if args == nil {
		args = map[string]any{}
	}
	fields, ok := args.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("deploy %s: %w: init arguments are a struct or a map by name, not a %T", pkg.Name, ErrGoType, init)
	}
	data, err := pkg.InitData(fields)
	if err != nil {
		return nil, nil, fmt.Errorf("deploy %s: init: %w", pkg.Name, err)
	}
	body := s.body
	if s.message != "" {
		if body, err = encode(pkg.ABI, pkg.Name, s.message, s.fields); err != nil {
			return nil, nil, fmt.Errorf("deploy %s: %w", pkg.Name, err)
		}
	}
	si := &tlb.StateInit{Code: pkg.Code, Data: data}
	addr, err := actor.StateInitAddress(si)
	if err != nil {
		return nil, nil, fmt.Errorf("deploy %s: %w", pkg.Name, err)
	}

	start := w.Snapshot()
	if s.name != "" {
		if err := w.SetName(s.name, addr); err != nil {
			return nil, nil, fmt.Errorf("deploy %s: %w", pkg.Name, err)
		}
	}
	tr, err := w.Send(actor.Message{From: from, StateInit: si, Value: s.value, NoBounce: s.noBounce, Body: body})
	if err != nil {
		w.Restore(start)
		return nil, nil, fmt.Errorf("deploy %s: %w", pkg.Name, err)
	}
	h := &Handle{World: w, Address: addr, Contracts: cat}
	learn(w, cat)
	return h, h.result(tr), nil
}

// Open returns a handle on the contract account at addr, which must exist
// and run code the handle knows: from the options (see [WithCatalog]), or
// known on the world already (see [Handle.Known]).
func Open(w *actor.World, addr *address.Address, opts ...Option) (*Handle, error) {
	s, err := newSettings(forOpen, opts)
	if err != nil {
		return nil, err
	}
	cat, err := s.contracts(nil)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", addr.StringRaw(), err)
	}
	h := &Handle{World: w, Address: addr, Contracts: cat}
	if _, err := h.Contract(); err != nil {
		return nil, err
	}
	if s.name != "" && w.NameOf(addr) != s.name {
		if err := w.SetName(s.name, addr); err != nil {
			return nil, fmt.Errorf("open %s: %w", addr.StringRaw(), err)
		}
	}
	learn(w, cat)
	return h, nil
}

// On returns the same account in another world, a fork of this one say;
// the handle's contracts become known on w (see [Handle.Known]).
func (h *Handle) On(w *actor.World) *Handle {
	learn(w, h.Contracts)
	return &Handle{World: w, Address: h.Address, Contracts: h.Contracts}
}

// String names the account: its name in the world, else its address.
func (h *Handle) String() string { return h.Printer().Address(h.Address) }

// Printer writes values with the names of the handle's world.
func (h *Handle) Printer() describe.Printer { return describe.Printer{Names: h.World} }

// Contract returns the contract whose code the account runs now, an error
// wrapping [ErrUnknownVersion] that lists the contracts the handle knows
// when it knows none with that code (see [Handle.Known]).
func (h *Handle) Contract() (*catalog.Contract, error) {
	acc, err := h.World.Account(h.Address)
	if err != nil {
		return nil, err
	}
	if acc.Code == nil {
		return nil, fmt.Errorf("%s is %s: %w", h, acc.Status, actor.ErrNoCode)
	}
	known := h.Known()
	ct, err := known.ByCode(acc.Code)
	if err != nil {
		return nil, fmt.Errorf("%s %w #%x (known: %s)", h, ErrUnknownVersion, acc.Code.Hash()[:8], names(known))
	}
	return ct, nil
}

// abi returns the running contract and its ABI.
func (h *Handle) abi() (*catalog.Contract, *cell.ABI, error) {
	ct, err := h.Contract()
	if err != nil {
		return nil, nil, err
	}
	if ct.ABI() == nil {
		return nil, nil, fmt.Errorf("%s runs %s, bare code without an ABI: %w", h, ct.Name, ErrUnknownVersion)
	}
	return ct, ct.ABI(), nil
}

// Send has wallet from send the message type message with fields (a
// struct, or a map by name; see [Input]), encoded by the ABI of the code
// the account runs now, carrying [DefaultValue] unless [WithValue] says
// otherwise. A message the contract refuses is a result whose Tx failed,
// not an error.
func (h *Handle) Send(from *address.Address, message string, fields any, opts ...Option) (*Result, error) {
	ct, abi, err := h.abi()
	if err != nil {
		return nil, fmt.Errorf("send %s: %w", message, err)
	}
	body, err := encode(abi, ct.Name, message, fields)
	if err != nil {
		return nil, fmt.Errorf("send to %s: %w", h, err)
	}
	return h.SendBody(from, body, opts...)
}

// SendBody has wallet from send body as it is (nil for an empty message).
func (h *Handle) SendBody(from *address.Address, body *tvmcell.Cell, opts ...Option) (*Result, error) {
	s, err := newSettings(forSend, opts)
	if err != nil {
		return nil, err
	}
	tr, err := h.World.Send(actor.Message{From: from, To: h.Address, Value: s.value, NoBounce: s.noBounce, Body: body})
	if err != nil {
		return nil, fmt.Errorf("send to %s: %w", h, err)
	}
	return h.result(tr), nil
}

// SendComment has wallet from send a text comment (opcode 0, then text),
// which a Tact receive("text") takes.
func (h *Handle) SendComment(from *address.Address, text string, opts ...Option) (*Result, error) {
	b := tvmcell.BeginCell()
	if err := errors.Join(b.StoreUInt(0, 32), b.StoreStringSnake(text)); err != nil {
		return nil, fmt.Errorf("comment of %d bytes: %w", len(text), err)
	}
	return h.SendBody(from, b.EndCell(), opts...)
}

// SendExternal delivers an external message of type message with fields
// to the account, encoded by the ABI of the code it runs now. A message
// the contract does not accept is an error wrapping [actor.ErrNotAccepted].
func (h *Handle) SendExternal(message string, fields any) (*Result, error) {
	ct, abi, err := h.abi()
	if err != nil {
		return nil, fmt.Errorf("send %s: %w", message, err)
	}
	body, err := encode(abi, ct.Name, message, fields)
	if err != nil {
		return nil, fmt.Errorf("send to %s: %w", h, err)
	}
	tr, err := h.World.SendExternal(h.Address, body)
	if err != nil {
		return nil, fmt.Errorf("send %s to %s: %w", message, h, err)
	}
	return h.result(tr), nil
}

// encode builds a message body of abi's type typ.
func encode(abi *cell.ABI, contract, typ string, fields any) (*tvmcell.Cell, error) {
	t, err := abi.Type(typ)
	if err != nil || t.Header == nil {
		return nil, fmt.Errorf("%s has no message %s (messages: %s): %w", contract, typ, messageNames(abi), cell.ErrUnknownType)
	}
	in, err := Input(fields)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", typ, err)
	}
	if in == nil {
		in = map[string]any{}
	}
	m, ok := in.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: %w: fields are a struct or a map by name, not a %T", typ, ErrGoType, fields)
	}
	return abi.Encode(typ, m)
}

func messageNames(abi *cell.ABI) string {
	var out []string
	for _, t := range abi.Types {
		if t.Header != nil {
			out = append(out, t.Name)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

func names(cat *catalog.Catalog) string {
	var out []string
	for _, ct := range cat.Contracts() {
		out = append(out, ct.Name)
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// Account returns the account as it stands.
func (h *Handle) Account() (*actor.Account, error) { return h.World.Account(h.Address) }

// runs reports whether the account runs pkg's code now.
func (h *Handle) runs(pkg *cell.Package) (bool, *catalog.Contract, error) {
	acc, err := h.World.Account(h.Address)
	if err != nil {
		return false, nil, err
	}
	if acc.Code != nil && bytes.Equal(acc.Code.Hash(), pkg.Code.Hash()) {
		return true, nil, nil
	}
	ct, _ := h.Contract()
	return false, ct, nil
}
