package actor

import "github.com/tonsim/tonsim/cell"

// Exit codes of the TVM compute phase and of the action phase, named as the
// TON documentation (and Tact's ABI) name them. Contracts add their own (Tact's come with the
// package's ABI).
const (
	ExitSuccess         = 0
	ExitAltSuccess      = 1
	ExitStackUnderflow  = 2
	ExitStackOverflow   = 3
	ExitIntegerOverflow = 4
	ExitRangeCheck      = 5
	ExitInvalidOpcode   = 6
	ExitTypeCheck       = 7
	ExitCellOverflow    = 8
	ExitCellUnderflow   = 9
	ExitDictionary      = 10
	ExitUnknown         = 11
	ExitFatal           = 12
	ExitOutOfGas        = 13
	// ExitOutOfGasNegative is what the compute phase records when a
	// contract runs out of gas: -14, so that no contract can throw it.
	ExitOutOfGasNegative   = -14
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
	ExitSuccess:            "Success",
	ExitAltSuccess:         "Alternative success",
	ExitStackUnderflow:     "Stack underflow",
	ExitStackOverflow:      "Stack overflow",
	ExitIntegerOverflow:    "Integer overflow",
	ExitRangeCheck:         "Integer out of expected range",
	ExitInvalidOpcode:      "Invalid opcode",
	ExitTypeCheck:          "Type check error",
	ExitCellOverflow:       "Cell overflow",
	ExitCellUnderflow:      "Cell underflow",
	ExitDictionary:         "Dictionary error",
	ExitUnknown:            "Unknown error",
	ExitFatal:              "Fatal error",
	ExitOutOfGas:           "Out of gas",
	ExitOutOfGasNegative:   "Out of gas",
	ExitVirtualization:     "Virtualization error",
	ExitActionListInvalid:  "Action list is invalid",
	ExitActionListTooLong:  "Action list is too long",
	ExitActionInvalid:      "Action is invalid or not supported",
	ExitInvalidSource:      "Invalid source address in outbound message",
	ExitInvalidDestination: "Invalid destination address in outbound message",
	ExitNotEnoughTON:       "Not enough Toncoin",
	ExitNotEnoughExtra:     "Not enough extra currencies",
	ExitMessageTooBig:      "Outbound message does not fit into a cell after rewriting",
	ExitCannotProcess:      "Cannot process a message",
	ExitLibraryNull:        "Library reference is null",
	ExitLibraryChange:      "Library change action error",
	ExitLibraryLimits:      "Exceeded maximum number of cells in the library or the maximum depth of the Merkle tree",
	ExitAccountStateTooBig: "Account state size exceeded limits",
}

// ExitCodeMeaning explains a TVM or action-phase exit code; it returns ""
// for codes the TVM does not define (a contract's own).
func ExitCodeMeaning(code int64) string {
	return exitCodeMeanings[code]
}

// ExitMeaning explains an exit code by the first of abis that declares it
// (a Tact package's errors: 130 Invalid incoming message, 132 Access
// denied, the contract's require() messages), then by TVM's table; "" when
// none knows it. Nil ABIs are skipped.
func ExitMeaning(code int64, abis ...*cell.ABI) string {
	for _, abi := range abis {
		if abi == nil {
			continue
		}
		if m := abi.ErrorMessage(int(code)); m != "" {
			return m
		}
	}
	return ExitCodeMeaning(code)
}
