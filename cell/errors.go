package cell

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error the package returns wraps one of them (test with
// [errors.Is]); errors about one field of a layout are also a [*FieldError]
// naming the field's path.
var (
	// ErrNotBOC means a text is neither hex nor base64, so it cannot hold a BOC.
	ErrNotBOC = errors.New("not a hex or base64 BOC")

	// ErrMalformedBOC means bytes were decoded but are not a valid bag of cells.
	ErrMalformedBOC = errors.New("malformed BOC")

	// ErrInvalidPackage means a Tact .pkg file is not well formed.
	ErrInvalidPackage = errors.New("invalid Tact package")

	// ErrInvalidABI means a Tact ABI is not well formed or uses a type this
	// package cannot serialize.
	ErrInvalidABI = errors.New("invalid Tact ABI")

	// ErrInvalidTolkABI means a Tolk compiler's ABI file is not well formed or
	// uses a type this package cannot serialize.
	ErrInvalidTolkABI = errors.New("invalid Tolk ABI")

	// ErrUnknownType means the ABI has no struct or message of that name.
	ErrUnknownType = errors.New("unknown type")

	// ErrUnknownOpcode means the ABI has no message with that opcode.
	ErrUnknownOpcode = errors.New("unknown opcode")

	// ErrUnknownGetter means the ABI has no getter of that name.
	ErrUnknownGetter = errors.New("unknown getter")

	// ErrUnknownField means a struct has no field of that name.
	ErrUnknownField = errors.New("unknown field")

	// ErrMissingField means a value for a required field was not given.
	ErrMissingField = errors.New("missing field")

	// ErrInvalidValue means a value, given by the caller or read from a cell or
	// a TVM stack, is not a valid value of its type.
	ErrInvalidValue = errors.New("invalid value")

	// ErrOutOfRange means an integer does not fit its serialization format.
	ErrOutOfRange = errors.New("value out of range")

	// ErrWrongOpcode means a message cell starts with another message's opcode.
	ErrWrongOpcode = errors.New("wrong opcode")

	// ErrCellUnderflow means a cell ended before the layout did.
	ErrCellUnderflow = errors.New("cell underflow")

	// ErrCellOverflow means a value does not fit in the cell the layout puts it in.
	ErrCellOverflow = errors.New("cell overflow")

	// ErrTrailingData means bits or refs are left over after the last field of a
	// layout: the cell does not hold that type.
	ErrTrailingData = errors.New("trailing data")

	// ErrNonCanonical means a cell holds the value in a form Tact never writes
	// (a string chunked differently, a variable-length integer with leading zero
	// bytes, a dictionary with non-shortest labels), so encoding the decoded
	// value would give a different cell.
	ErrNonCanonical = errors.New("non-canonical serialization")
)

// FieldError is an error about the value at one path of a layout, such as
// "Sink.inner.x" or "Sink.small[3]". It wraps one of the package's sentinels.
type FieldError struct {
	// Path names the value: the type, then field names and map keys.
	Path string
	// Err says what is wrong.
	Err error
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *FieldError) Unwrap() error { return e.Err }

// kindError is a message that wraps a sentinel without repeating its text.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Unwrap() error { return e.kind }

// fieldErr returns a [*FieldError] at path whose message is the formatted
// text and which wraps kind.
func fieldErr(path string, kind error, format string, args ...any) error {
	return &FieldError{Path: path, Err: &kindError{msg: fmt.Sprintf(format, args...), kind: kind}}
}
