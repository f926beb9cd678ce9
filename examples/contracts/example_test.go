package contracts_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/tlb"
)

func ExampleBuiltins() {
	names := slices.Sorted(maps.Keys(contracts.Builtins()))
	fmt.Println(strings.Join(names, "\n"))
	// Output:
	// delayed.v1
	// delayed.v1open
	// delayed.v2
	// diamond.counter.v1
	// diamond.counter.v2
	// diamond.diamond
	// diamond.notes
	// direct.v1
	// direct.v2
	// hooks.lazy.v1
	// hooks.lazy.v2
	// hooks.lazy.v2trap
	// hooks.v1
	// hooks.v1stuck
	// hooks.v2
	// hooks.v2trap
	// initparams.v1
	// initparams.v2
	// initparams.v2bad
	// layout.v1
	// layout.v2
	// layout.v2swap
	// proxy.child.v1
	// proxy.child.v2
	// proxy.proxy
	// staged.v1
	// staged.v2
	// twostep.v1
	// twostep.v2
	// units.v1
	// units.v2
	// vault.v1
	// vault.v1debug
	// vault.v2
	// vault.v2bad
	// vault.v2recount
	// versioned.v1
	// versioned.v2
	// versioned.v3
}

// Deploy vault.v1 and ask it which version it runs.
func ExampleBuiltins_deploy() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	vault := contracts.Builtins()["vault.v1"]
	data, _ := vault.InitData(map[string]any{"owner": owner, "name": "Example vault"})
	tr, _ := w.Send(actor.Message{
		From:      owner,
		Value:     tlb.MustFromTON("0.05"),
		StateInit: &tlb.StateInit{Code: vault.Code, Data: data},
	})
	deployed := tr.Transactions[1]
	v, _ := upgradable.TypeAndVersion(w, deployed.To)
	fmt.Println(deployed.Deployed, v.Type == contracts.VaultType, v.Version)
	// Output: true true 1.0.0
}

// The seed's difference, dry-run: the same trapping migration rolls the
// eager upgrade back and bricks the lazy one.
func ExampleBuiltins_hooks() {
	b := contracts.Builtins()
	for _, pair := range [][2]string{{"hooks.v1", "hooks.v2trap"}, {"hooks.lazy.v1", "hooks.lazy.v2trap"}} {
		w, _ := actor.NewWorld()
		owner, _ := w.NewWallet("owner")
		from, to := b[pair[0]], b[pair[1]]
		data, _ := from.InitData(map[string]any{"owner": owner})
		tr, _ := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("0.05"), StateInit: &tlb.StateInit{Code: from.Code, Data: data}})
		r, _ := upgradable.Preflight(w, upgradable.Request{Contract: tr.Transactions[1].To, Code: to.Code, Current: from, Next: to})
		fmt.Printf("%s → %s: %s, %s\n", pair[0], pair[1], r.Protocol.Name, describe.Verdict(r))
	}
	// Output:
	// hooks.v1 → hooks.v2trap: eager-tact, rolled back, nothing changed: exit 9 (Cell underflow)
	// hooks.lazy.v1 → hooks.lazy.v2trap: chainlink-tact, would brick: exit 9 (Cell underflow)
}
