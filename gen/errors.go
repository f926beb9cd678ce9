package gen

import "errors"

var (
	// ErrNotGenerated is returned by [Regenerate] for a file tonsim gen did
	// not write.
	ErrNotGenerated = errors.New("not a file tonsim gen wrote")

	// ErrName is returned for a name of an ABI (a field, a getter, an
	// argument) that is no identifier, so no Go code can carry it.
	ErrName = errors.New("not an identifier")
)
