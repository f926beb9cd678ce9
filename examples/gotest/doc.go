// Package vault is a complete upgrade test of a contract of one's own,
// written the way a Go engineer would in their repository. The folder is a
// Go module of its own (example.com/vault) that requires tonsim: copy it
// next to your contract, drop the replace line of go.mod (it points at
// the tonsim checkout around it) and run `go mod tidy`, put your compiled
// packages in build/, and run `go generate` to write the typed wrappers
// (go.mod declares tonsim's command a tool, so `go tool tonsim` runs the
// version the module requires).
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
package vault

//go:generate go tool tonsim gen -package vault -family Vault -o vault_gen.go build/VaultV1_VaultV1.pkg build/VaultV2_VaultV2.pkg build/VaultV2Bad_VaultV2Bad.pkg
