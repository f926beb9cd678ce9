package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples/contracts"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/xssnick/tonutils-go/tlb"
)

func TestBuiltinsNameTheirContracts(t *testing.T) {
	for name, contract := range map[string]string{
		"vault.v1": "VaultV1", "vault.v1debug": "VaultV1", "vault.v2": "VaultV2", "vault.v2bad": "VaultV2Bad",
		"direct.v1": "DirectV1", "direct.v2": "DirectV2",
		"staged.v1": "StagedV1", "staged.v2": "StagedV2",
		"delayed.v1": "DelayedV1", "delayed.v1open": "DelayedV1Open", "delayed.v2": "DelayedV2",
		"proxy.proxy": "Proxy", "proxy.child.v1": "ChildV1", "proxy.child.v2": "ChildV2",
	} {
		t.Run(name, func(t *testing.T) {
			pkg := contracts.Builtins()[name]
			require.NotNil(t, pkg)
			assert.Equal(t, contract, pkg.ABI.Name)
			_, err := pkg.ABI.Getter("type_and_version")
			assert.NoError(t, err, "every example tells its version")
		})
	}
	assert.Len(t, contracts.Builtins(), 14)
}

func TestBuiltinsHaveDistinctCode(t *testing.T) {
	seen := map[string]string{}
	for name, pkg := range contracts.Builtins() {
		h := fmt.Sprintf("%x", pkg.Code.Hash())
		assert.Empty(t, seen[h], "%s has the code of %s", name, seen[h])
		seen[h] = name
	}
}

// TestOpcodes checks each opcode constant against the message of that
// name in the ABI of the package that declares it.
func TestOpcodes(t *testing.T) {
	for _, tc := range []struct {
		pkg, message string
		op           uint32
	}{
		{"vault.v1", "Upgrade", contracts.OpVaultUpgrade},
		{"vault.v1", "Deposit", contracts.OpVaultDeposit},
		{"vault.v1", "Deposited", contracts.OpVaultDeposited},
		{"vault.v1", "Withdraw", contracts.OpVaultWithdraw},
		{"vault.v1", "Sweep", contracts.OpVaultSweep},
		{"vault.v1", "Query", contracts.OpVaultQuery},
		{"vault.v1", "Reply", contracts.OpVaultReply},
		{"vault.v2", "Withdrawn", contracts.OpVaultWithdrawn},
		{"direct.v1", "Upgrade", contracts.OpDirectUpgrade},
		{"direct.v1", "Bump", contracts.OpDirectBump},
		{"staged.v1", "Upgrade", contracts.OpStagedUpgrade},
		{"staged.v1", "CommitUpgrade", contracts.OpStagedCommitUpgrade},
		{"staged.v1", "Bump", contracts.OpStagedBump},
		{"delayed.v1", "Upgrade", contracts.OpDelayedUpgrade},
		{"delayed.v1", "Confirm", contracts.OpDelayedConfirm},
		{"delayed.v1", "Bump", contracts.OpDelayedBump},
		{"proxy.proxy", "Increment", contracts.OpProxyIncrement},
		{"proxy.proxy", "ChildIncrement", contracts.OpProxyChildIncrement},
		{"proxy.proxy", "UpgradeChild", contracts.OpProxyUpgradeChild},
		{"proxy.proxy", "UpgradeCode", contracts.OpProxyUpgradeCode},
		{"proxy.proxy", "SpawnChild", contracts.OpProxySpawnChild},
	} {
		t.Run(tc.pkg+" "+tc.message, func(t *testing.T) {
			typ, err := contracts.Builtins()[tc.pkg].ABI.Type(tc.message)
			require.NoError(t, err)
			require.NotNil(t, typ.Header, "%s is a message", tc.message)
			assert.Equal(t, tc.op, *typ.Header)
		})
	}
}

// TestVaultSharesAnOpcode pins down the ambiguity the vault is built to
// show: Query and Reply have one opcode, and only the direction (the
// vault receives Query, sends Reply) tells them apart.
func TestVaultSharesAnOpcode(t *testing.T) {
	abi := contracts.Builtins()["vault.v1"].ABI
	var shared, received []string
	for _, typ := range abi.Types {
		if typ.Header != nil && *typ.Header == contracts.OpVaultQuery {
			shared = append(shared, typ.Name)
		}
	}
	for _, typ := range abi.InternalMessages() {
		received = append(received, typ.Name)
	}
	assert.ElementsMatch(t, []string{"Query", "Reply"}, shared)
	assert.Contains(t, received, "Query")
	assert.NotContains(t, received, "Reply")
}

// TestVaultStorageSpillsIntoSecondCell deploys vault.v1, deposits, and
// checks the storage Tact 1.6 writes: owner, balances, total and
// depositCount in the root with the map's reference and one to a
// continuation cell holding the rest, which package cell decodes.
func TestVaultStorageSpillsIntoSecondCell(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	v1 := contracts.Builtins()["vault.v1"]
	data, err := v1.InitData(map[string]any{"owner": owner, "name": "Example vault"})
	require.NoError(t, err)
	deposit, err := v1.ABI.Encode("Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1").Nano()})
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1.1"), Body: deposit,
		StateInit: &tlb.StateInit{Code: v1.Code, Data: data}})
	require.NoError(t, err)
	tx := tr.Transactions[1]
	require.True(t, tx.Success, "deploy with a deposit: %v", tx.Err())

	root := tx.DataAfter
	assert.Equal(t, 2, int(root.RefsNum()), "the balances map and the continuation")
	assert.Equal(t, uint(1+267+1+(4+4*8)+32), root.BitsSize(), "lazy bit, owner, map bit, total (1 TON: a 4-bit length and 4 bytes), depositCount")
	next, err := root.PeekRef(1)
	require.NoError(t, err)
	name, err := next.PeekRef(0)
	require.NoError(t, err)
	assert.Equal(t, "Example vault", string(name.MustBeginParse().MustLoadSlice(name.BitsSize())))

	st, err := v1.DecodeStorage(root)
	require.NoError(t, err)
	require.True(t, st.Initialized)
	got, err := st.Fields.Get("name")
	require.NoError(t, err)
	assert.Equal(t, "Example vault", got)
}
