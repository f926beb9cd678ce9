package actortest_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/xssnick/tonutils-go/tlb"
)

// FindTransaction picks a transaction out of a trace by what it must be;
// RequireTransaction does the same and fails the test when none matches.
func ExampleFindTransaction() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")
	tr, _ := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")})

	tx, err := actortest.FindTransaction(tr.Transactions, actortest.From(alice), actortest.To(bob), actortest.Success())
	fmt.Println(err, tx.Value)

	_, err = actortest.FindTransaction(tr.Transactions, actortest.Bounced())
	fmt.Println(err != nil)
	// Output:
	// <nil> 1
	// true
}
