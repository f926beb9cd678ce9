package contracts

// DirectType is what every direct version reports in type_and_version.
const DirectType = "com.example.upgrades.Direct"

// Opcodes of the direct family (direct/direct.tact).
const (
	// OpDirectUpgrade is message(0x44520001) Upgrade { code: Cell?;
	// data: Cell? }; owner only.
	OpDirectUpgrade = 0x44520001
	// OpDirectBump is message(0x44520002) Bump { queryId: Int as uint64 }.
	OpDirectBump = 0x44520002
)
