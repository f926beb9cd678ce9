package actor_test

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/tlb"
)

// A wallet deploys a contract by sending its StateInit; the trace shows the
// wallet's own transaction, then the deployment.
func ExampleWorld_Send() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")

	tr, err := w.Send(actor.Message{From: alice, StateInit: probeInit(1), Value: tlb.MustFromTON("0.5")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, tx := range tr.Transactions {
		fmt.Printf("to %s: exit %d, success %t, deployed %t\n", w.NameOf(tx.To), tx.ExitCode, tx.Success, tx.Deployed)
	}
	// Output:
	// to alice: exit 0, success true, deployed false
	// to : exit 0, success true, deployed true
}

// A get-method by name, with arguments; a throwing one is an *ExitError.
func ExampleWorld_Get() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	probe, _ := actor.StateInitAddress(probeInit(1))
	if _, err := w.Send(actor.Message{From: alice, StateInit: probeInit(1), Value: tlb.MustFromTON("0.5")}); err != nil {
		fmt.Println(err)
		return
	}

	res, _ := w.Get(probe, "sum", 2, 3)
	fmt.Println("sum:", res.Stack[0])

	_, err := w.Get(probe, "fail", 77)
	var exit *actor.ExitError
	if errors.As(err, &exit) {
		fmt.Println("fail: exit code", exit.Code)
	}
	// Output:
	// sum: 5
	// fail: exit code 77
}

// A snapshot costs nothing to take and puts the world back exactly.
func ExampleWorld_Snapshot() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")

	snap := w.Snapshot()
	if _, err := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("changed:", w.StateRoot() != snap.Root())

	w.Restore(snap)
	fmt.Println("restored:", w.StateRoot() == snap.Root(), len(w.Transactions()))
	// Output:
	// changed: true
	// restored: true 0
}
