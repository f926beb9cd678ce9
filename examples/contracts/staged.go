package contracts

// StagedType is what every staged version reports in type_and_version.
const StagedType = "com.example.upgrades.Staged"

// Opcodes of the staged family (staged/staged.tact).
const (
	// OpStagedUpgrade is message(0x53540001) Upgrade { code: Cell }, which
	// only stages the code; owner only.
	OpStagedUpgrade = 0x53540001
	// OpStagedCommitUpgrade is message(0x53540002) CommitUpgrade {}, which
	// applies it; owner only.
	OpStagedCommitUpgrade = 0x53540002
	// OpStagedBump is message(0x53540003) Bump { queryId: Int as uint64 }.
	OpStagedBump = 0x53540003
)
