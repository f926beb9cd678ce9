package contract

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
)

// Got is what a getter returned, decoded by the ABI of the version that
// answered.
type Got struct {
	Method string
	// Value is the result as package cell decodes it (see [cell.Struct]);
	// nil for a getter that returns nothing. Type is its ABI type.
	Value any
	Type  *cell.Type
	// Contract is the version whose code answered.
	Contract *catalog.Contract
	GasUsed  int64
}

// String writes the value as package describe does: "1.5 TON", "{total:
// 3, …}".
func (g *Got) String() string { return describe.Printer{}.Typed(g.Value, g.Type) }

// Get runs the getter method of the code the account runs now, with args
// in the order the getter declares them (each in any form [Input] takes),
// and decodes its result by that code's ABI. A getter that throws is an
// error wrapping [*actor.ExitError].
func (h *Handle) Get(method string, args ...any) (*Got, error) {
	ct, abi, err := h.abi()
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", method, err)
	}
	g, err := abi.Getter(method)
	if err != nil {
		return nil, fmt.Errorf("get %s on %s: %s has no getter %s (getters: %s): %w", method, h, ct.Name, method, getterNames(abi), cell.ErrUnknownGetter)
	}
	if len(args) != len(g.Arguments) {
		return nil, fmt.Errorf("get %s on %s: %s's %s takes %d arguments (%s), got %d", method, h, ct.Name, method, len(g.Arguments), arguments(g), len(args))
	}
	named := make(map[string]any, len(args))
	for i, a := range args {
		v, err := Input(a)
		if err != nil {
			return nil, fmt.Errorf("get %s: argument %s: %w", method, g.Arguments[i].Name, err)
		}
		named[g.Arguments[i].Name] = v
	}
	stack, err := abi.GetterArgs(method, named)
	if err != nil {
		return nil, fmt.Errorf("get %s on %s: %w", method, h, err)
	}
	res, err := h.World.Get(h.Address, method, stack...)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): %w", h, ct.Name, err)
	}
	out := &Got{Method: method, Contract: ct, GasUsed: res.GasUsed, Type: g.ReturnType}
	if g.ReturnType != nil {
		if out.Value, err = abi.FromGetterStack(*g.ReturnType, res.Stack); err != nil {
			return nil, fmt.Errorf("get %s on %s (%s): %w", method, h, ct.Name, err)
		}
	}
	return out, nil
}

// GetInto runs [Handle.Get] and stores the result in the Go value out
// points to (see [Unpack]).
func (h *Handle) GetInto(out any, method string, args ...any) error {
	g, err := h.Get(method, args...)
	if err != nil {
		return err
	}
	if err := Unpack(g.Value, out); err != nil {
		return fmt.Errorf("get %s on %s (%s): %w", method, h, g.Contract.Name, err)
	}
	return nil
}

func getterNames(abi *cell.ABI) string {
	out := make([]string, len(abi.Getters))
	for i, g := range abi.Getters {
		out[i] = g.Name
	}
	return strings.Join(out, ", ")
}

func arguments(g *cell.Getter) string {
	if len(g.Arguments) == 0 {
		return "none"
	}
	out := make([]string, len(g.Arguments))
	for i, a := range g.Arguments {
		out[i] = a.Name + ": " + a.Type.String()
	}
	return strings.Join(out, ", ")
}

// Storage is an account's data decoded by the package of the code it runs.
type Storage struct {
	// Contract is the version the data was decoded by.
	Contract *catalog.Contract
	// Storage holds the fields, or the init arguments while the contract's
	// init has not run (Initialized false): before the first message, or
	// after an upgrade whose migration is still pending.
	*cell.Storage
}

// Storage decodes the account's data by the package of the code it runs.
func (h *Handle) Storage() (*Storage, error) {
	ct, err := h.Contract()
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	if ct.Package == nil {
		return nil, fmt.Errorf("storage of %s: it runs %s, bare code without a package: %w", h, ct.Name, ErrUnknownVersion)
	}
	acc, err := h.World.Account(h.Address)
	if err != nil {
		return nil, err
	}
	st, err := ct.Package.DecodeStorage(acc.Data)
	if err != nil {
		return nil, fmt.Errorf("storage of %s (%s): %w", h, ct.Name, err)
	}
	return &Storage{Contract: ct, Storage: st}, nil
}

// StorageInto decodes the account's data as version's storage into the
// Go struct out points to (see [Unpack]). It fails with
// [ErrOtherVersion] when the account runs other code, and with
// [ErrNotInitialized] while the data holds init arguments or a pending
// migration.
func (h *Handle) StorageInto(out any, version *cell.Package) error {
	ok, running, err := h.runs(version)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("storage of %s as %s: it %w: %s", h, version.Name, ErrOtherVersion, describe.ContractName(running))
	}
	st, err := h.Storage()
	if err != nil {
		return err
	}
	if !st.Initialized {
		return fmt.Errorf("storage of %s (%s): %w: it holds %s", h, st.Contract.Name, ErrNotInitialized, st.Fields.Type)
	}
	if err := Unpack(st.Fields, out); err != nil {
		return fmt.Errorf("storage of %s (%s): %w", h, st.Contract.Name, err)
	}
	return nil
}
