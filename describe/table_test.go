package describe_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/xssnick/tonutils-go/tlb"
)

// vaultSends deploys vault.v1 as "vault", then has alice deposit 1 TON
// (an event, the rest sent back) and withdraw more than she has (refused,
// bounced), and returns the catalog and each send's transactions.
func vaultSends(t *testing.T) (*catalog.Catalog, [][]*actor.Transaction) {
	t.Helper()
	cat := catalog.New()
	v1 := contracts.Builtins()["vault.v1"]
	require.NoError(t, cat.Add("vault.v1", v1))
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	alice, err := w.NewWallet("alice")
	require.NoError(t, err)
	data, err := v1.InitData(map[string]any{"owner": owner, "name": "savings"})
	require.NoError(t, err)
	si := &tlb.StateInit{Code: v1.Code, Data: data}
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	require.NoError(t, w.SetName("vault", addr))

	var sends [][]*actor.Transaction
	send := func(m actor.Message) {
		tr, err := w.Send(m)
		require.NoError(t, err)
		sends = append(sends, tr.Transactions)
	}
	send(actor.Message{From: owner, StateInit: si, Value: tlb.MustFromTON("0.05")})
	deposit, err := v1.ABI.Encode("Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1").Nano()})
	require.NoError(t, err)
	send(actor.Message{From: alice, To: addr, Value: tlb.MustFromTON("1.5"), Body: deposit})
	withdraw, err := v1.ABI.Encode("Withdraw", map[string]any{"queryId": 2, "amount": tlb.MustFromTON("5").Nano()})
	require.NoError(t, err)
	send(actor.Message{From: alice, To: addr, Value: tlb.MustFromTON("0.1"), Body: withdraw})
	return cat, sends
}

// TestTables pins down the tree and the fees table that the command line's
// run --tree and --fees and actortest.Print write.
func TestTables(t *testing.T) {
	cat, sends := vaultSends(t)
	var tree, fees strings.Builder
	for _, txs := range sends {
		ds := make([]*describe.Tx, len(txs))
		for i, tx := range txs {
			ds[i] = describe.Describe(cat, tx)
		}
		describe.WriteTree(&tree, "  ", ds)
		describe.FeesTable(&fees, "  ", ds)
	}
	golden.Equal(t, "testdata/tree.golden", tree.String())
	golden.Equal(t, "testdata/fees.golden", fees.String())
}
