// Package gotest is a complete upgrade test of a contract of one's own,
// written the way a Go engineer would in their repository: copy this
// folder next to your contract, put your compiled packages in build/, and
// run `go generate` to write the typed wrappers.
//
// Its contract is the example vault of examples/contracts (build/ holds
// copies of vault.v1, vault.v2 and the broken vault.v2bad): a map of
// balances, a struct getter, an optional address, events. vault_test.go
// deploys version 1, uses it, asks upgradable.Preflight about both
// upgrades, upgrades to version 2, asserts the migrated storage and the
// new event, and runs one body both ways with upgradabletest.BothWays;
// scenarios_test.go plays the scenario files of testdata/ as subtests.
//
// vault_gen.go is generated (see the go:generate line below) and checked
// fresh by TestGeneratedFileIsFresh.
package gotest

//go:generate go run github.com/tonsim/tonsim/cmd/tonsim gen -package gotest -family Vault -o vault_gen.go build/VaultV1_VaultV1.pkg build/VaultV2_VaultV2.pkg build/VaultV2Bad_VaultV2Bad.pkg
