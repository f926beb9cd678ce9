package actor_test

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// A reinstall keeps the address and the balance and discards the state:
// the probe forgets the messages it has seen and gets a new id; the record
// keeps the data it lost.
func ExampleWorld_Reinstall() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	probe, _ := actor.StateInitAddress(probeInit(1))
	_ = w.SetName("probe", probe)
	for range 2 {
		if _, err := w.Send(actor.Message{From: alice, StateInit: probeInit(1), Value: tlb.MustFromTON("0.5")}); err != nil {
			fmt.Println(err)
			return
		}
	}
	seen, _ := w.Get(probe, "seen")
	fmt.Println("seen before:", seen.Stack[0])

	fresh := probeInit(2)
	op, err := w.Reinstall(probe, fresh.Code, fresh.Data)
	if err != nil {
		fmt.Println(err)
		return
	}
	seen, _ = w.Get(probe, "seen")
	id, _ := w.Get(probe, "id")
	fmt.Println(op.NameOf(op.Account), op.Kind, "at lt", op.LT)
	fmt.Println("seen after:", seen.Stack[0], "id:", id.Stack[0])
	fmt.Println("balance kept:", op.BalanceAfter.String() == op.BalanceBefore.String())
	fmt.Println("lost data kept:", op.DataBefore != nil)
	// Output:
	// seen before: 2
	// probe reinstalled at lt 7
	// seen after: 0 id: 2
	// balance kept: true
	// lost data kept: true
}

// A migration runs the new code beside the old, lets the function replay
// the old state into it, and moves it under the old address; a failed
// transaction in the function undoes all of it.
func ExampleWorld_Migrate() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	probe, _ := actor.StateInitAddress(probeInit(1))
	_ = w.SetName("probe", probe)
	ping := func(w *actor.World, to *address.Address) error {
		_, err := w.Send(actor.Message{From: alice, To: to, Value: tlb.MustFromTON("0.1")})
		return err
	}
	if _, err := w.Send(actor.Message{From: alice, StateInit: probeInit(1), Value: tlb.MustFromTON("0.5")}); err != nil {
		fmt.Println(err)
		return
	}
	_ = ping(w, probe)

	next := probeInit(2)
	op, err := w.Migrate(probe, next.Code, next.Data, func(m actor.Migration) error {
		old, err := m.World.Get(m.Old, "seen")
		if err != nil {
			return err
		}
		fmt.Println("during:", m.World.NameOf(m.New), "replays", old.Stack[0])
		for i := int64(0); i < old.Stack[0].(interface{ Int64() int64 }).Int64(); i++ {
			if err := ping(m.World, m.New); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	seen, _ := w.Get(probe, "seen")
	id, _ := w.Get(probe, "id")
	fmt.Println(w.NameOf(op.Account), op.Kind, "with", len(op.Transactions), "transactions: seen", seen.Stack[0], "id", id.Stack[0])
	fmt.Println("temporary account left:", w.NameOf(op.Temporary) != "")

	root := w.StateRoot()
	_, err = w.Migrate(probe, probeInit(3).Code, probeInit(3).Data, func(m actor.Migration) error {
		_, err := m.World.Send(actor.Message{From: alice, To: m.New, Value: tlb.MustFromTON("0.1"), Body: body(opThrow, nil)})
		return err
	})
	fmt.Println("undone:", errors.Is(err, actor.ErrMigrationUndone), "state root kept:", w.StateRoot() == root)
	// Output:
	// during: probe (new) replays 2
	// probe migrated with 4 transactions: seen 2 id 2
	// temporary account left: false
	// undone: true state root kept: true
}
