package contracts

// UnitsType is what every units version reports in type_and_version.
const UnitsType = "com.example.upgrades.Units"

// Opcodes of the units family (units/units.tact, units/units_v2.tact).
const (
	// OpUnitsSetCode is message(0x554e0001) SetCode { code: Cell }, ink!'s
	// set_code_hash; owner only.
	OpUnitsSetCode = 0x554e0001
	// OpUnitsBump is message(0x554e0002) Bump { queryId: Int as uint64 }.
	OpUnitsBump = 0x554e0002
	// OpUnitsSetLimit is version 2's message(0x554e0003) SetLimit {
	// queryId: Int as uint64; max: Int as uint64 }; owner only.
	OpUnitsSetLimit = 0x554e0003
)

// Keys of the units family's storage units.
const (
	// UnitCounter is the counter unit's key, "CNTR", in every version.
	UnitCounter = 0x434e5452
	// UnitLimit is the limit unit's key, "LIMT", new in version 2.
	UnitLimit = 0x4c494d54
)

// ExitLimitReached is what version 2's Bump throws past the limit,
// require(…, "Limit reached").
const ExitLimitReached = 9169
