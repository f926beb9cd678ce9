package upgradable

import (
	"errors"
	"fmt"
	"strings"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// OpUpgrade is the opcode of the trait's Upgrade message:
//
//	message(10) Upgrade { code: Cell; }
const OpUpgrade = 10

// Getters the trait provides.
const (
	GetterIsUpgradable   = "isUpgradable"
	GetterTypeAndVersion = "type_and_version"
)

// UpgradeBody builds the body of Upgrade { code }: the opcode, then the new
// code as a reference.
func UpgradeBody(code *tvmcell.Cell) *tvmcell.Cell {
	return tvmcell.BeginCell().MustStoreUInt(OpUpgrade, 32).MustStoreRef(code).EndCell()
}

// ErrNoEnvelope is returned by [Envelope] for data that is not a pending
// lazy migration.
var ErrNoEnvelope = errors.New("data is not a lazy-migration envelope")

// Envelope returns the old data inside a pending lazy migration: the data
// an upgrade leaves in one of the built-in protocols' envelope layouts
// (Chainlink's Tact trait leaves one cleared lazy-deployment bit and a
// reference to the previous data,
//
//	struct LazyDeploymentLayout { lazyDeploymentBit: Bool; data: Cell; }
//
// ). The new code's init(stateToBeMigrated) has not run on it yet. Any
// other data gives [ErrNoEnvelope].
func Envelope(data *tvmcell.Cell) (*tvmcell.Cell, error) {
	for _, p := range builtins {
		if old, err := p.PendingData(data); err == nil {
			return old, nil
		}
	}
	return nil, ErrNoEnvelope
}

// Version is what type_and_version reports: the contract's reverse-DNS type,
// which stays the same across versions, and its semantic version.
type Version struct {
	Type    string
	Version string
}

func (v Version) String() string {
	if v.Type == "" {
		return "v" + v.Version
	}
	return v.Type + " v" + v.Version
}

// ErrBadTypeAndVersion is returned for a type_and_version string that is
// not "<type> v<version>".
var ErrBadTypeAndVersion = errors.New(`type_and_version is not "<type> v<version>"`)

// ParseTypeAndVersion splits "com.example.upgrades.Counter v1.0.0" into its
// type and version; the version starts with a digit.
func ParseTypeAndVersion(s string) (Version, error) {
	i := strings.LastIndex(s, " v")
	if i <= 0 || i+2 == len(s) || s[i+2] < '0' || s[i+2] > '9' {
		return Version{}, fmt.Errorf("%w: %q", ErrBadTypeAndVersion, s)
	}
	return Version{Type: s[:i], Version: s[i+2:]}, nil
}
