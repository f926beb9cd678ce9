package actor

import (
	"fmt"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
)

// GetTyped runs a getter as the contract's ABI declares it: args, by name,
// are converted to the argument types (they take the forms [cell.ABI.Encode]
// accepts, strings included) and the result is decoded by the return type
// ([cell.ABI.FromGetterStack]). A getter that returns nothing gives nil.
func (w *World) GetTyped(addr *address.Address, abi *cell.ABI, method string, args map[string]any) (any, error) {
	g, err := abi.Getter(method)
	if err != nil {
		return nil, err
	}
	stack, err := abi.GetterArgs(method, args)
	if err != nil {
		return nil, err
	}
	res, err := w.Get(addr, method, stack...)
	if err != nil {
		return nil, err
	}
	if g.ReturnType == nil {
		return nil, nil
	}
	v, err := abi.FromGetterStack(*g.ReturnType, res.Stack)
	if err != nil {
		return nil, fmt.Errorf("get %s on %s: %w", method, addr.StringRaw(), err)
	}
	return v, nil
}
