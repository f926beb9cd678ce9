package upgradable_test

import (
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/upgradable"
)

// Preflight tells, before the Upgrade is sent, that V3's init cannot read
// V1's storage: the contract would be bricked.
func ExamplePreflight() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner, Value: 5})

	safe, _ := upgradable.Preflight(w, upgradable.Request{Contract: c.Address, Code: counter.V2().Code, Current: counter.V1(), Next: counter.V2()})
	fmt.Println("v1 → v2:", safe.Verdict, safe.After)

	brick, _ := upgradable.Preflight(w, upgradable.Request{Contract: c.Address, Code: counter.V3().Code, Current: counter.V1(), Next: counter.V3()})
	fmt.Printf("v1 → v3: %s, exit %d (%s)\n", brick.Verdict, brick.ExitCode, brick.Meaning)

	now, _ := upgradable.TypeAndVersion(w, c.Address)
	fmt.Println("still running:", now)
	// Output:
	// v1 → v2: safe com.example.upgrades.Counter v2.0.0
	// v1 → v3: bricked, exit 9 (Cell underflow)
	// still running: com.example.upgrades.Counter v1.0.0
}

// Envelope recognises the storage an upgrade leaves before the new code's
// init has migrated it.
func ExampleEnvelope() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, _ := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner})
	c.Upgrade(owner, counter.V2().Code)

	acc, _ := w.Account(c.Address)
	old, err := upgradable.Envelope(acc.Data)
	fmt.Println(err == nil, old.BitsSize(), "bits of V1 data inside")
	// Output:
	// true 332 bits of V1 data inside
}
