package contracts_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/actor"
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
	// direct.v1
	// direct.v2
	// initparams.v1
	// initparams.v2
	// initparams.v2bad
	// proxy.child.v1
	// proxy.child.v2
	// proxy.proxy
	// staged.v1
	// staged.v2
	// vault.v1
	// vault.v1debug
	// vault.v2
	// vault.v2bad
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
