package contracts

// HooksType is what every hooks version reports in type_and_version.
const HooksType = "com.example.upgrades.Hooks"

// Opcodes of the hooks family (hooks/hooks.tact, hooks/eager.tact,
// hooks/lazy.tact).
const (
	// OpHooksUpgrade is the eager versions' message(0x484b0001) Upgrade {
	// queryId: Int as uint64; code: Cell }; owner only.
	OpHooksUpgrade = 0x484b0001
	// OpHooksLazyUpgrade is the lazy versions' message(10) Upgrade { code:
	// Cell }, the Chainlink protocol's; owner only.
	OpHooksLazyUpgrade = 10
	// OpHooksLock is message(0x484b0002) Lock { queryId: Int as uint64;
	// amount: Int as coins }; owner only.
	OpHooksLock = 0x484b0002
	// OpHooksUnlock is message(0x484b0003) Unlock { queryId: Int as
	// uint64 }; owner only.
	OpHooksUnlock = 0x484b0003
	// OpHooksBump is message(0x484b0004) Bump { queryId: Int as uint64 }.
	OpHooksBump = 0x484b0004
)

// ExitFundsLocked is what the pre-upgrade check throws, require(…, "Funds
// are locked"): hooks.v1's while funds are locked, hooks.v1stuck's always.
const ExitFundsLocked = 53617
