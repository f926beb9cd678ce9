package conformance

import "errors"

var (
	// ErrUnknownConfig is returned for a vector recorded with a config
	// this package does not know.
	ErrUnknownConfig = errors.New("unknown config")

	// ErrMalformed is returned for a vector that does not follow the format.
	ErrMalformed = errors.New("malformed vector")
)
