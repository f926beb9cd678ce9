package upgradable

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Getter is what reading the trait's getters needs of a world.
type Getter interface {
	Get(addr *address.Address, method string, args ...any) (*actor.GetResult, error)
}

// exitUnknownMethod is what a Tact (or FunC) method selector throws for a
// method id it does not know.
const exitUnknownMethod = 11

// IsUpgradable reports whether the contract at addr says it implements the
// trait. A contract without the isUpgradable getter is not upgradable; any
// other failure is an error.
func IsUpgradable(w Getter, addr *address.Address) (bool, error) {
	res, err := w.Get(addr, GetterIsUpgradable)
	var exit *actor.ExitError
	if errors.As(err, &exit) && exit.Code == exitUnknownMethod {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	v, err := single[*big.Int](res, GetterIsUpgradable)
	if err != nil {
		return false, err
	}
	return v.Sign() != 0, nil
}

// TypeAndVersion reads and parses the contract's type_and_version getter.
// On a contract whose new code's init cannot migrate the data, the getter
// fails with the init's exit code, as every getter does.
func TypeAndVersion(w Getter, addr *address.Address) (Version, error) {
	res, err := w.Get(addr, GetterTypeAndVersion)
	if err != nil {
		return Version{}, err
	}
	s, err := single[*tvmcell.Slice](res, GetterTypeAndVersion)
	if err != nil {
		return Version{}, err
	}
	text, err := s.LoadStringSnake()
	if err != nil {
		return Version{}, fmt.Errorf("%s: %w", GetterTypeAndVersion, err)
	}
	return ParseTypeAndVersion(text)
}

func single[T any](res *actor.GetResult, method string) (T, error) {
	var zero T
	if len(res.Stack) != 1 {
		return zero, fmt.Errorf("%s returned %d values, want 1", method, len(res.Stack))
	}
	v, ok := res.Stack[0].(T)
	if !ok {
		return zero, fmt.Errorf("%s returned %T, want %T", method, res.Stack[0], zero)
	}
	return v, nil
}
