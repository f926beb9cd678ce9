package vault_test

import (
	"testing"

	"example.com/vault"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/scenario/scenariotest"
)

// TestScenarios plays testdata/*.yaml as subtests: the same contracts,
// written as scenario files, which `tonsim run` and `tonsim test` play too.
func TestScenarios(t *testing.T) {
	scenariotest.Run(t, "testdata/*.yaml", scenariotest.Parallel(), scenariotest.WithBuiltins(scenario.Builtins{
		"vault.v1": vault.VaultV1Package, "vault.v2": vault.VaultV2Package, "vault.v2bad": vault.VaultV2BadPackage,
	}))
}
