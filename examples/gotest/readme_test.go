package vault_test

import (
	"testing"

	"example.com/vault"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/xssnick/tonutils-go/tlb"
)

// TestReadme is the example of the README's section "Go", kept here so it
// compiles and passes.
func TestReadme(t *testing.T) {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	alice, _ := w.NewWallet("alice")
	v, _, err := vault.DeployVault(w, owner, vault.VaultInit{Owner: owner, Name: "savings"}, contract.WithName("vault"))
	require.NoError(t, err)

	res, _ := v.SendDeposit(alice, vault.Deposit{QueryID: 1, Amount: tlb.MustFromTON("1")}, tlb.MustFromTON("1.1"))
	actortest.Require(t, res, actortest.From(alice), actortest.To(v.Address), actortest.Success(),
		actortest.Event("Deposited", actortest.Fields{"amount": tlb.MustFromTON("1")}))
	actortest.RequireStorage(t, v, actortest.Fields{"total": tlb.MustFromTON("1"), "lastDepositor": alice})
	actortest.Print(t, res)

	v.SendUpgrade(owner, vault.Upgrade{Code: vault.VaultV2Package().Code}, contract.DefaultValue)
	stats, _ := v.GetStats() // v2 answers now, through the same handle
	require.Equal(t, uint32(1), stats.Deposits)
}
