package contracts

// DelayedType is what every delayed version reports in type_and_version.
const DelayedType = "com.example.upgrades.Delayed"

// Opcodes of the delayed family (delayed/delayed.tact).
const (
	// OpDelayedUpgrade is message(0x444c0001) Upgrade { code: Cell;
	// data: Cell?; timeout: Int as uint32 }, which records the request;
	// owner only.
	OpDelayedUpgrade = 0x444c0001
	// OpDelayedConfirm is message(0x444c0002) Confirm {}, which applies it
	// once the timeout has passed; owner only, except in delayed.v1open.
	OpDelayedConfirm = 0x444c0002
	// OpDelayedBump is message(0x444c0003) Bump { queryId: Int as uint64 }.
	OpDelayedBump = 0x444c0003
)
