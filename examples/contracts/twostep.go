package contracts

// TwoStepType is what every two-step version reports in type_and_version.
const TwoStepType = "com.example.upgrades.TwoStep"

// Opcodes of the two-step family (twostep/twostep.tact): a staged upgrade
// under names no built-in protocol knows.
const (
	// OpTwoStepStageCode is message(0x54530001) StageCode { code: Cell },
	// which only stages the code; owner only.
	OpTwoStepStageCode = 0x54530001
	// OpTwoStepApplyCode is message(0x54530002) ApplyCode {}, which applies
	// it; owner only.
	OpTwoStepApplyCode = 0x54530002
	// OpTwoStepBump is message(0x54530003) Bump { queryId: Int as uint64 }.
	OpTwoStepBump = 0x54530003
)
