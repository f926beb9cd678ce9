package counter

import (
	"bytes"
	"errors"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

//go:generate go run ../cmd/tonsim gen -package counter -family Counter -o counter_gen.go build/CounterV1_CounterV1.pkg build/CounterV2_CounterV2.pkg build/CounterV3_CounterV3.pkg

// Type is the reverse-DNS type every version reports in type_and_version.
const Type = "com.example.upgrades.Counter"

// V1 returns the package of version 1.0.0.
func V1() *cell.Package { return CounterV1Package() }

// V2 returns the package of version 2.0.0.
func V2() *cell.Package { return CounterV2Package() }

// V3 returns the package of version 3.0.0.
func V3() *cell.Package { return CounterV3Package() }

// Versions returns the packages of every version, oldest first.
func Versions() []*cell.Package { return CounterPackages() }

// ErrUnknownCode is returned by [ByCode] for code that is no counter version.
var ErrUnknownCode = errors.New("code is not a counter version")

// ByCode returns the package whose code is code.
func ByCode(code *tvmcell.Cell) (*cell.Package, error) {
	for _, pkg := range Versions() {
		if bytes.Equal(pkg.Code.Hash(), code.Hash()) {
			return pkg, nil
		}
	}
	return nil, ErrUnknownCode
}
