package actortest

import "errors"

var (
	// ErrNoMatch is returned by [Find] and [FindTransaction] when no
	// transaction matches.
	ErrNoMatch = errors.New("no transaction matches")

	// ErrStorage is returned by [CheckStorage] when a field does not hold
	// what it should.
	ErrStorage = errors.New("storage differs")
)
