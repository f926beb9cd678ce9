package trace_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/trace"
)

// The example counter upgraded from v1 straight to v3: v3's init reads
// v1's storage as v2's and runs out of bits. The trace shows the load that
// did, and the storage cell it was reading.
func ExampleTransaction() {
	w, _ := actor.NewWorld()
	cat := catalog.New()
	_ = cat.Add("counter.v1", counter.V1()) // to read the storage v3 fails on
	_ = cat.Add("counter.v3", counter.V3())
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner, Value: 42})
	_, _ = c.Upgrade(owner, counter.V3().Code)
	sent, _ := c.Step(owner, 1)

	tr, err := trace.Transaction(w, cat, sent.Trace.Transactions[1])
	if err != nil {
		fmt.Println(err)
		return
	}
	f := tr.Failure()
	s := tr.Steps[f.Step]
	fmt.Printf("step %d of %d, %s: %s\n", f.Step+1, len(tr.Steps), s.Op, f)
	fmt.Println("in", tr.Where(f.Step))
	fmt.Println("s0:", tr.Value(s.Stack[len(s.Stack)-1]).Note())
	// Output:
	// step 33 of 33, 32 LDU: exit 9 (Cell underflow): not enough data in reader, need 32, has 0
	// in recv_internal (receiver Step)
	// s0: storage ^0, all 332 bits read: CounterV1$Data {owner: owner, id: 1, value: 42}
}
