package contracts

// VersionedType is what every versioned version reports in
// type_and_version.
const VersionedType = "com.example.upgrades.Versioned"

// OpVersionedBump is the versioned family's message(0x56450001) Bump {
// queryId: Int as uint64 } (versioned/versioned.tact); it upgrades by the
// Chainlink protocol, Upgrade { code } (message 10).
const OpVersionedBump = 0x56450001

// ExitNewerLayout is what versioned.v2 and versioned.v3 throw when the
// storage they are to migrate is in a layout newer than their own,
// require(…, "Storage is in a newer layout").
const ExitNewerLayout = 50072
