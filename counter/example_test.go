package counter_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
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
