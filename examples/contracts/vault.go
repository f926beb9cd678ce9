package contracts

// VaultType is what every vault version reports in type_and_version.
const VaultType = "com.example.upgrades.Vault"

// Opcodes of the vault family (vault/vault.tact, vault/vault_two.tact,
// vault/upgradable.tact).
const (
	// OpVaultUpgrade is message(10) Upgrade { code: Cell }, the Chainlink
	// protocol's; owner only.
	OpVaultUpgrade = 10
	// OpVaultDeposit is message(0x56410001) Deposit { queryId: Int as
	// uint64; amount: Int as coins }.
	OpVaultDeposit = 0x56410001
	// OpVaultDeposited is the event message(0x56410002) Deposited {
	// queryId: Int as uint64; depositor: Address; amount: Int as coins;
	// balance: Int as coins }, the body of an external message.
	OpVaultDeposited = 0x56410002
	// OpVaultWithdraw is message(0x56410003) Withdraw { queryId: Int as
	// uint64; amount: Int as coins }.
	OpVaultWithdraw = 0x56410003
	// OpVaultSweep is message(0x56410004) Sweep { queryId: Int as uint64;
	// amount: Int as coins }; owner only, sent on with SendIgnoreErrors.
	OpVaultSweep = 0x56410004
	// OpVaultQuery is message(0x56410005) Query { queryId: Int as uint64 },
	// which the vault receives.
	OpVaultQuery = 0x56410005
	// OpVaultReply is message(0x56410005) Reply { queryId: Int as uint64;
	// total: Int as coins; deposits: Int as uint32 }, which the vault sends
	// in answer: the same opcode as Query.
	OpVaultReply = OpVaultQuery
	// OpVaultWithdrawn is version 2's event message(0x56410006) Withdrawn {
	// queryId: Int as uint64; who: Address; amount: Int as coins; balance:
	// Int as coins }.
	OpVaultWithdrawn = 0x56410006
)
