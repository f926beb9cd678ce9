package scenario

import (
	"errors"
	"fmt"
)

// Pos is a position in a scenario file, 1-based.
type Pos struct {
	Line, Col int
}

// Error is a mistake in a scenario: bad YAML, an unknown key, contract,
// wallet or account, a value of the wrong type, an address that does not
// parse. It says where, as file:line:col.
type Error struct {
	File string
	Pos  Pos
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrScenario matches every [*Error] with errors.Is.
var ErrScenario = errors.New("scenario error")

// Is makes errors.Is(err, ErrScenario) true for every scenario error.
func (e *Error) Is(target error) bool { return target == ErrScenario }
