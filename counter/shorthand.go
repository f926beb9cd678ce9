package counter

import (
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// The shorthands below are written by hand over the generated wrappers
// (counter_gen.go): V1's init with the counter's own integer types, and
// the four calls the repository's tests make most, Step, Upgrade, Value
// and ID, plus the trait's type_and_version parsed.

// Init is V1's init(id: Int, owner: Address, value: Int), with the id and
// value as the uint32 the storage keeps them as.
type Init struct {
	ID    uint32
	Owner *address.Address
	Value uint32
}

func (i Init) args() CounterInit {
	return CounterInit{ID: new(big.Int).SetUint64(uint64(i.ID)), Owner: i.Owner, Value: new(big.Int).SetUint64(uint64(i.Value))}
}

// StateInit returns the StateInit that deploys a V1 counter with init.
func StateInit(init Init) (*tlb.StateInit, error) {
	in, err := contract.Input(init.args())
	if err != nil {
		return nil, err
	}
	data, err := V1().InitData(in.(map[string]any))
	if err != nil {
		return nil, err
	}
	return &tlb.StateInit{Code: V1().Code, Data: data}, nil
}

// Deploy has wallet from deploy a V1 counter: [DeployCounter] with init.
func Deploy(w *actor.World, from *address.Address, init Init, opts ...contract.Option) (*Counter, *contract.Result, error) {
	return DeployCounter(w, from, init.args(), opts...)
}

// Step sends Step { queryId } from wallet from, carrying
// contract.DefaultValue.
func (c *Counter) Step(from *address.Address, queryID uint64) (*contract.Result, error) {
	return c.SendStep(from, Step{QueryID: queryID}, contract.DefaultValue)
}

// Upgrade sends Upgrade { code } from wallet from, carrying
// contract.DefaultValue; only the owner's succeeds.
func (c *Counter) Upgrade(from *address.Address, code *tvmcell.Cell) (*contract.Result, error) {
	return c.SendUpgrade(from, Upgrade{Code: code}, contract.DefaultValue)
}

// Value returns the getter value of the version that runs.
func (c *Counter) Value() (*big.Int, error) { return c.GetValue() }

// ID returns the getter id of the version that runs.
func (c *Counter) ID() (*big.Int, error) { return c.GetID() }

// TypeAndVersion returns what the running version reports, parsed.
func (c *Counter) TypeAndVersion() (upgradable.Version, error) {
	return upgradable.TypeAndVersion(c.World, c.Address)
}
