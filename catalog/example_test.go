package catalog_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
)

// Describe explains a transaction by the contracts the catalog knows: the
// message by its ABI name, the exit code by its meaning, and the storage
// change as decoded fields.
func ExampleCatalog_Describe() {
	cat := catalog.New()
	cat.Add("v1", counter.V1())
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	c, _, _ := counter.Deploy(w, alice, counter.Init{ID: 1, Owner: alice})
	w.SetName("counter", c.Address)

	tr, _ := c.Step(alice, 1)
	for _, tx := range tr.Transactions {
		d := cat.Describe(w, tx)
		fmt.Println(d.From, "→", d.To, d.Message, d.Exit, d.Changes)
	}
	// Output:
	// external → alice external 0 (Success) []
	// alice → counter Step 0 (Success) [value: 0 → 1]
	// counter → alice empty 0 (Success) []
}
