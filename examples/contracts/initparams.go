package contracts

// InitParamsType is what every InitParams version reports in
// type_and_version.
const InitParamsType = "com.example.upgrades.InitParams"

// Opcodes of the InitParams family (initparams/initparams.tact).
const (
	// OpInitParamsUpgrade is message(0x49500001) Upgrade { code: Cell },
	// which only stages the code; owner only.
	OpInitParamsUpgrade = 0x49500001
	// OpInitParamsCommitUpgrade is message(0x49500002) CommitUpgrade {},
	// which applies it and leaves InitParams for the new code's init;
	// owner only.
	OpInitParamsCommitUpgrade = 0x49500002
	// OpInitParamsStep is message(0x49500003) Step { queryId: Int as
	// uint64 }: v1 adds 1, v2 subtracts 1.
	OpInitParamsStep = 0x49500003
)
