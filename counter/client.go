package counter

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultValue is what the wrapper's messages carry; the counter returns
// what it does not spend.
var DefaultValue = tlb.MustFromTON("0.05")

// Init is V1's init(id: Int, owner: Address, value: Int).
type Init struct {
	ID    uint32
	Owner *address.Address
	Value uint32
}

// StateInit returns the StateInit that deploys a V1 counter with init.
func StateInit(init Init) (*tlb.StateInit, error) {
	data, err := V1().InitData(map[string]any{"id": init.ID, "owner": init.Owner, "value": init.Value})
	if err != nil {
		return nil, err
	}
	return &tlb.StateInit{Code: V1().Code, Data: data}, nil
}

// Counter is a deployed counter in a world.
type Counter struct {
	World   *actor.World
	Address *address.Address
}

// Deploy has wallet from deploy a V1 counter, as Tact contracts are
// deployed: a message carrying the StateInit and an empty body.
func Deploy(w *actor.World, from *address.Address, init Init) (*Counter, *actor.Trace, error) {
	si, err := StateInit(init)
	if err != nil {
		return nil, nil, err
	}
	tr, err := w.Send(actor.Message{From: from, StateInit: si, Value: DefaultValue})
	if err != nil {
		return nil, nil, err
	}
	addr, err := actor.StateInitAddress(si)
	if err != nil {
		return nil, nil, err
	}
	return &Counter{World: w, Address: addr}, tr, nil
}

// StepBody is Step { queryId }.
func StepBody(queryID uint64) *tvmcell.Cell {
	return mustEncode(V1(), "Step", map[string]any{"queryId": queryID})
}

// SetStepBody is V3's SetStep { step }.
func SetStepBody(step uint8) *tvmcell.Cell {
	return mustEncode(V3(), "SetStep", map[string]any{"step": step})
}

// mustEncode encodes a message whose values fit its fields by their Go
// types, so encoding cannot fail.
func mustEncode(pkg *cell.Package, typ string, values map[string]any) *tvmcell.Cell {
	c, err := pkg.ABI.Encode(typ, values)
	if err != nil {
		panic(fmt.Sprintf("counter: encoding %s: %v", typ, err))
	}
	return c
}

func (c *Counter) send(from *address.Address, body *tvmcell.Cell) (*actor.Trace, error) {
	return c.World.Send(actor.Message{From: from, To: c.Address, Value: DefaultValue, Body: body})
}

// Step sends Step { queryId } from wallet from.
func (c *Counter) Step(from *address.Address, queryID uint64) (*actor.Trace, error) {
	return c.send(from, StepBody(queryID))
}

// SetStep sends V3's SetStep { step } from wallet from.
func (c *Counter) SetStep(from *address.Address, step uint8) (*actor.Trace, error) {
	return c.send(from, SetStepBody(step))
}

// Upgrade sends Upgrade { code } from wallet from; only the owner's
// succeeds.
func (c *Counter) Upgrade(from *address.Address, code *tvmcell.Cell) (*actor.Trace, error) {
	return c.send(from, upgradable.UpgradeBody(code))
}

// Value returns the counter's value (getter value).
func (c *Counter) Value() (*big.Int, error) { return c.int("value") }

// ID returns the counter's id (getter id).
func (c *Counter) ID() (*big.Int, error) { return c.int("id") }

// StepSize returns V3's step (getter step).
func (c *Counter) StepSize() (*big.Int, error) { return c.int("step") }

// Owner returns the counter's owner (getter owner).
func (c *Counter) Owner() (*address.Address, error) {
	v, err := c.World.GetTyped(c.Address, V1().ABI, "owner", nil)
	if err != nil {
		return nil, err
	}
	addr, ok := v.(*address.Address)
	if !ok {
		return nil, fmt.Errorf("owner returned %T", v)
	}
	return addr, nil
}

// TypeAndVersion returns what the running version reports.
func (c *Counter) TypeAndVersion() (upgradable.Version, error) {
	return upgradable.TypeAndVersion(c.World, c.Address)
}

// IsUpgradable returns the isUpgradable getter.
func (c *Counter) IsUpgradable() (bool, error) {
	return upgradable.IsUpgradable(c.World, c.Address)
}

// Package returns the package of the version that runs now.
func (c *Counter) Package() (*cell.Package, error) {
	acc, err := c.World.Account(c.Address)
	if err != nil {
		return nil, err
	}
	return ByCode(acc.Code)
}

// int reads an Int getter; every version declares it the same way, so
// V3's ABI (the widest) reads them all.
func (c *Counter) int(method string) (*big.Int, error) {
	v, err := c.World.GetTyped(c.Address, V3().ABI, method, nil)
	if err != nil {
		return nil, err
	}
	n, ok := v.(*big.Int)
	if !ok {
		return nil, fmt.Errorf("%s returned %T", method, v)
	}
	return n, nil
}
