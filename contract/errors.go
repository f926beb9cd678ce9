package contract

import "errors"

var (
	// ErrUnknownVersion is returned when an account runs code none of the
	// handle's contracts has, so there is no ABI to encode or decode by.
	ErrUnknownVersion = errors.New("runs code of no known contract")

	// ErrOtherVersion is returned when storage is asked as one version's
	// while the account runs another.
	ErrOtherVersion = errors.New("runs another version")

	// ErrNotInitialized is returned for storage that holds init arguments
	// or a lazy-migration envelope: the contract's init has not run on it
	// yet (a getter or any message runs it).
	ErrNotInitialized = errors.New("storage not initialized")

	// ErrNoTransaction is returned when a send ran no transaction on the
	// handle's account: the message went elsewhere or was dropped.
	ErrNoTransaction = errors.New("no transaction on the account")

	// ErrGoType is returned when a Go value has no ABI form or a decoded
	// value does not fit the Go value it is stored in.
	ErrGoType = errors.New("go type mismatch")

	// ErrOption is returned for an option given to a call it does not
	// apply to.
	ErrOption = errors.New("option does not apply")
)
