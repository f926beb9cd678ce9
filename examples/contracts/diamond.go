package contracts

// DiamondType is what the diamond reports in type_and_version.
const DiamondType = "com.example.upgrades.Diamond"

// Opcodes of the diamond family (diamond/diamond.tact, diamond/facets.tact).
// A message's top byte is the selector of the facet that handles it.
const (
	// OpDiamondSetFacet is message(0x00d1a001) SetFacet { queryId: Int as
	// uint64; selector: Int as uint8; code: Cell? }; owner only.
	OpDiamondSetFacet = 0x00d1a001
	// OpDiamondIncrement is the counter facet's message(0x01000001)
	// Increment { queryId: Int as uint64; by: Int as uint32 }.
	OpDiamondIncrement = 0x01000001
	// OpDiamondReset is counter facet version 2's message(0x01000002)
	// Reset { queryId: Int as uint64 }.
	OpDiamondReset = 0x01000002
	// OpDiamondNote is the notes facet's message(0x02000001) Note {
	// queryId: Int as uint64; text: String }.
	OpDiamondNote = 0x02000001
)

// Selectors of the diamond's facets: the top byte of their opcodes, and
// the key of the storage unit each owns.
const (
	SelectorCounter = 0x01
	SelectorNotes   = 0x02
)

// Get method ids of the facets, for the diamond's read(selector, method):
// crc16(name) | 0x10000.
const (
	MethodFacetCount = 90108  // the counter facets' count
	MethodFacetNotes = 124331 // the notes facet's notes
)

// ExitNoFacet is what the diamond throws for a message, or a read, whose
// selector has no facet: require(…, "No facet for this opcode").
const ExitNoFacet = 14911
