package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples/contracts"
	_ "github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/upgradable" // so go test ./... -update runs here too
)

func TestBuiltinsNameTheirContracts(t *testing.T) {
	for name, contract := range map[string]string{
		"vault.v1": "VaultV1", "vault.v1debug": "VaultV1", "vault.v2": "VaultV2", "vault.v2bad": "VaultV2Bad", "vault.v2recount": "VaultV2Recount",
		"direct.v1": "DirectV1", "direct.v2": "DirectV2",
		"staged.v1": "StagedV1", "staged.v2": "StagedV2", "twostep.v1": "TwoStepV1", "twostep.v2": "TwoStepV2",
		"delayed.v1": "DelayedV1", "delayed.v1open": "DelayedV1Open", "delayed.v2": "DelayedV2",
		"proxy.proxy": "Proxy", "proxy.child.v1": "ChildV1", "proxy.child.v2": "ChildV2",
		"initparams.v1": "InitParamsV1", "initparams.v2": "InitParamsV2", "initparams.v2bad": "InitParamsV2Bad",
		"hooks.v1": "HooksV1", "hooks.v1stuck": "HooksV1Stuck", "hooks.v2": "HooksV2", "hooks.v2trap": "HooksV2Trap",
		"hooks.lazy.v1": "HooksLazyV1", "hooks.lazy.v2": "HooksLazyV2", "hooks.lazy.v2trap": "HooksLazyV2Trap",
		"versioned.v1": "VersionedV1", "versioned.v2": "VersionedV2", "versioned.v3": "VersionedV3",
		"units.v1": "UnitsV1", "units.v2": "UnitsV2",
		"diamond.diamond": "Diamond",
		"layout.v1":       "LayoutV1", "layout.v2": "LayoutV2", "layout.v2swap": "LayoutV2Swap",
	} {
		t.Run(name, func(t *testing.T) {
			pkg := contracts.Builtins()[name]
			require.NotNil(t, pkg)
			assert.Equal(t, contract, pkg.ABI.Name)
			_, err := pkg.ABI.Getter("type_and_version")
			assert.NoError(t, err, "every example tells its version")
		})
	}
	assert.Len(t, contracts.Builtins(), 39)
}

// TestFacetsAreWholeContracts checks the diamond's facets: Tact contracts
// of their own, with no owner and no version (the diamond has both), whose
// storage is their unit.
func TestFacetsAreWholeContracts(t *testing.T) {
	for name, contract := range map[string]string{
		"diamond.counter.v1": "CounterFacetV1", "diamond.counter.v2": "CounterFacetV2", "diamond.notes": "NotesFacet",
	} {
		t.Run(name, func(t *testing.T) {
			pkg := contracts.Builtins()[name]
			require.NotNil(t, pkg)
			assert.Equal(t, contract, pkg.ABI.Name)
			st, err := pkg.ABI.StorageType()
			require.NoError(t, err)
			assert.NotEmpty(t, st.Fields, "its unit's fields")
		})
	}
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
		{"hooks.v1", "Upgrade", contracts.OpHooksUpgrade},
		{"hooks.lazy.v1", "Upgrade", contracts.OpHooksLazyUpgrade},
		{"hooks.v1", "Lock", contracts.OpHooksLock},
		{"hooks.v1", "Unlock", contracts.OpHooksUnlock},
		{"hooks.v1", "Bump", contracts.OpHooksBump},
		{"versioned.v1", "Bump", contracts.OpVersionedBump},
		{"units.v1", "SetCode", contracts.OpUnitsSetCode},
		{"units.v1", "Bump", contracts.OpUnitsBump},
		{"units.v2", "SetLimit", contracts.OpUnitsSetLimit},
		{"diamond.diamond", "SetFacet", contracts.OpDiamondSetFacet},
		{"diamond.diamond", "Increment", contracts.OpDiamondIncrement},
		{"diamond.diamond", "Reset", contracts.OpDiamondReset},
		{"diamond.diamond", "Note", contracts.OpDiamondNote},
		{"diamond.counter.v1", "Increment", contracts.OpDiamondIncrement},
		{"diamond.counter.v2", "Reset", contracts.OpDiamondReset},
		{"diamond.notes", "Note", contracts.OpDiamondNote},
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

// TestExitCodes checks each exit code constant against the message the
// package's ABI gives it.
func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		pkg     string
		code    int
		message string
	}{
		{"hooks.v1", contracts.ExitFundsLocked, "Funds are locked"},
		{"hooks.v1stuck", contracts.ExitFundsLocked, "Funds are locked"},
		{"hooks.lazy.v1", contracts.ExitFundsLocked, "Funds are locked"},
		{"versioned.v2", contracts.ExitNewerLayout, "Storage is in a newer layout"},
		{"versioned.v3", contracts.ExitNewerLayout, "Storage is in a newer layout"},
		{"units.v2", contracts.ExitLimitReached, "Limit reached"},
		{"diamond.diamond", contracts.ExitNoFacet, "No facet for this opcode"},
	} {
		t.Run(tc.pkg+" "+tc.message, func(t *testing.T) {
			assert.Equal(t, tc.message, contracts.Builtins()[tc.pkg].ABI.Errors[tc.code])
		})
	}
}

// TestMethodIds checks the method ids the families call across code: the
// eager hooks' postUpgrade, and the facets' getters the diamond's read
// runs.
func TestMethodIds(t *testing.T) {
	for _, tc := range []struct {
		pkg, getter string
		id          int64
	}{
		{"hooks.v2", "postUpgrade", upgradable.MethodPostUpgrade},
		{"hooks.v2trap", "postUpgrade", upgradable.MethodPostUpgrade},
		{"diamond.counter.v1", "count", contracts.MethodFacetCount},
		{"diamond.counter.v2", "count", contracts.MethodFacetCount},
		{"diamond.notes", "notes", contracts.MethodFacetNotes},
	} {
		t.Run(tc.pkg+" "+tc.getter, func(t *testing.T) {
			g, err := contracts.Builtins()[tc.pkg].ABI.Getter(tc.getter)
			require.NoError(t, err)
			assert.Equal(t, tc.id, g.MethodID)
		})
	}
}
