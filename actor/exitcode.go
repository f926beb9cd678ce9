package actor

// Exit codes of the TVM compute phase and of the action phase, as the TON
// documentation lists them. Contracts add their own (Tact's come with the
// package's ABI).
const (
	ExitSuccess            = 0
	ExitAltSuccess         = 1
	ExitStackUnderflow     = 2
	ExitStackOverflow      = 3
	ExitIntegerOverflow    = 4
	ExitRangeCheck         = 5
	ExitInvalidOpcode      = 6
	ExitTypeCheck          = 7
	ExitCellOverflow       = 8
	ExitCellUnderflow      = 9
	ExitDictionary         = 10
	ExitUnknown            = 11
	ExitFatal              = 12
	ExitOutOfGas           = 13
	ExitVirtualization     = 14
	ExitActionListInvalid  = 32
	ExitActionListTooLong  = 33
	ExitActionInvalid      = 34
	ExitInvalidSource      = 35
	ExitInvalidDestination = 36
	ExitNotEnoughTON       = 37
	ExitNotEnoughExtra     = 38
	ExitMessageTooBig      = 39
	ExitCannotProcess      = 40
	ExitLibraryNull        = 41
	ExitLibraryChange      = 42
	ExitLibraryLimits      = 43
	ExitAccountStateTooBig = 50
)

var exitCodeMeanings = map[int64]string{
	ExitSuccess:            "success",
	ExitAltSuccess:         "alternative success",
	ExitStackUnderflow:     "stack underflow",
	ExitStackOverflow:      "stack overflow",
	ExitIntegerOverflow:    "integer overflow",
	ExitRangeCheck:         "integer out of expected range",
	ExitInvalidOpcode:      "invalid opcode",
	ExitTypeCheck:          "type check error",
	ExitCellOverflow:       "cell overflow",
	ExitCellUnderflow:      "cell underflow",
	ExitDictionary:         "dictionary error",
	ExitUnknown:            "unknown error",
	ExitFatal:              "fatal error",
	ExitOutOfGas:           "out of gas",
	-ExitOutOfGas:          "out of gas",
	ExitVirtualization:     "virtualization error",
	ExitActionListInvalid:  "action list is invalid",
	ExitActionListTooLong:  "action list is too long",
	ExitActionInvalid:      "action is invalid or not supported",
	ExitInvalidSource:      "invalid source address in outbound message",
	ExitInvalidDestination: "invalid destination address in outbound message",
	ExitNotEnoughTON:       "not enough Toncoin",
	ExitNotEnoughExtra:     "not enough extra currencies",
	ExitMessageTooBig:      "outbound message does not fit into a cell after rewriting",
	ExitCannotProcess:      "cannot process a message",
	ExitLibraryNull:        "library reference is null",
	ExitLibraryChange:      "library change action error",
	ExitLibraryLimits:      "exceeded maximum number of cells in the library or the maximum depth of the Merkle tree",
	ExitAccountStateTooBig: "account state size exceeded limits",
}

// ExitCodeMeaning explains a TVM or action-phase exit code; it returns ""
// for codes the TVM does not define (a contract's own).
func ExitCodeMeaning(code int64) string {
	return exitCodeMeanings[code]
}
