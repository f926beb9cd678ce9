package actor_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/tlb"
)

// A commit returns the state root and keeps the state reachable: a session
// from it is a new world at exactly that state, as Piecrust's
// vm.session(SessionData::builder().base(root)) is, while the world goes
// on.
func ExampleWorld_Commit() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")

	root := w.Commit()
	if _, err := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("moved on:", w.StateRoot() != root)

	session, err := w.Session(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("session at the commit:", session.StateRoot() == root, len(session.Transactions()))
	fmt.Println("the world stays:", w.StateRoot() != root, len(w.Transactions()))
	// Output:
	// moved on: true
	// session at the commit: true 0
	// the world stays: true 2
}

// A named commit is found by its name; Checkout moves the world itself
// back to it, and forward again to a later commit.
func ExampleWorld_CommitAs() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")

	if _, err := w.CommitAs("before"); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")}); err != nil {
		fmt.Println(err)
		return
	}
	after, _ := w.CommitAs("after")

	if err := w.Checkout(actor.CommitName("before")); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("before:", len(w.Transactions()), "transactions")
	_ = w.Checkout(actor.CommitName("after"))
	fmt.Println("after:", len(w.Transactions()), "transactions, root kept:", w.StateRoot() == after)
	for _, c := range w.Commits() {
		fmt.Println("commit", c.Name, "at lt", c.LT())
	}
	// Output:
	// before: 0 transactions
	// after: 2 transactions, root kept: true
	// commit before at lt 1
	// commit after at lt 4
}
