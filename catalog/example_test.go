package catalog_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
)

// A catalog names code: the contract a deployed account runs, found by the
// hash of its code.
func ExampleCatalog_ByCode() {
	cat := catalog.New()
	cat.Add("v1", counter.V1())
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	c, _, _ := counter.Deploy(w, alice, counter.Init{ID: 1, Owner: alice})
	acc, _ := w.Account(c.Address)
	ct, _ := cat.ByCode(acc.Code)
	wallet, _ := cat.ByCode(actor.WalletCode())
	fmt.Println(ct.Name, ct.Package.Name, wallet.Name)
	// Output:
	// v1 CounterV1 wallet
}
