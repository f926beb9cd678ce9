package describe

// Phases and ParsedPhases are the action phase and fees as [Describe] reads
// them, off the transaction's summary, and as it reads them when a fee is
// too wide for one, off the description parsed whole.
var Phases, ParsedPhases = phases, parsedPhases
