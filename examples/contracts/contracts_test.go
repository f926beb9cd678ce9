package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples/contracts"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

func TestBuiltinsNameTheirContracts(t *testing.T) {
	for name, contract := range map[string]string{
		"vault.v1": "VaultV1", "vault.v1debug": "VaultV1", "vault.v2": "VaultV2", "vault.v2bad": "VaultV2Bad",
		"direct.v1": "DirectV1", "direct.v2": "DirectV2",
		"staged.v1": "StagedV1", "staged.v2": "StagedV2",
		"delayed.v1": "DelayedV1", "delayed.v1open": "DelayedV1Open", "delayed.v2": "DelayedV2",
		"proxy.proxy": "Proxy", "proxy.child.v1": "ChildV1", "proxy.child.v2": "ChildV2",
		"initparams.v1": "InitParamsV1", "initparams.v2": "InitParamsV2", "initparams.v2bad": "InitParamsV2Bad",
	} {
		t.Run(name, func(t *testing.T) {
			pkg := contracts.Builtins()[name]
			require.NotNil(t, pkg)
			assert.Equal(t, contract, pkg.ABI.Name)
			_, err := pkg.ABI.Getter("type_and_version")
			assert.NoError(t, err, "every example tells its version")
		})
	}
	assert.Len(t, contracts.Builtins(), 17)
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
		{"initparams.v1", "Upgrade", contracts.OpInitParamsUpgrade},
		{"initparams.v1", "CommitUpgrade", contracts.OpInitParamsCommitUpgrade},
		{"initparams.v1", "Step", contracts.OpInitParamsStep},
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
