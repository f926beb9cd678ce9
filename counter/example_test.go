package counter_test

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
)

// Deploy a V1 counter, step it, upgrade it to V2 as its owner: the value
// survives and steps now count down.
func Example() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner})

	c.Step(owner, 1)
	c.Step(owner, 2)
	v, _ := c.Value()
	tv, _ := c.TypeAndVersion()
	fmt.Println(tv, "value", v)

	res, _ := c.Upgrade(owner, counter.V2().Code)
	fmt.Println("upgrade succeeded:", res.Err() == nil)

	c.Step(owner, 3)
	v, _ = c.Value()
	tv, _ = c.TypeAndVersion()
	fmt.Println(tv, "value", v)
	// Output:
	// com.example.upgrades.Counter v1.0.0 value 2
	// upgrade succeeded: true
	// com.example.upgrades.Counter v2.0.0 value 1
}

// The generated wrappers: typed messages, getters and each version's
// storage, encoded and decoded by the version that runs.
func ExampleDeployCounter() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.DeployCounter(w, owner, counter.CounterInit{ID: big.NewInt(1), Owner: owner, Value: big.NewInt(0)})

	res, _ := c.SendStep(owner, counter.Step{QueryID: 1}, contract.DefaultValue)
	fmt.Println(res.Tx.Message, res.Tx.Exit, "by", res.Tx.Contract.Name)
	st, _ := c.StorageCounterV1()
	fmt.Printf("%+v\n", st.Value)

	c.SendUpgrade(owner, counter.Upgrade{Code: counter.V2().Code}, contract.DefaultValue)
	v, _ := c.GetValue()
	ct, _ := c.Contract()
	fmt.Println("value", v, "by", ct.Name)
	// Output:
	// Step 0 (Success) by CounterV1
	// 1
	// value 1 by CounterV2
}
