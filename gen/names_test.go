package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

func TestNames(t *testing.T) {
	tests := []struct {
		abi, exported, unexported string
	}{
		{"queryId", "QueryID", "queryID"},
		{"type_and_version", "TypeAndVersion", "typeAndVersion"},
		{"CounterV1$Data", "CounterV1Data", "counterV1Data"},
		{"Wrapper<int32>", "WrapperInt32", "wrapperInt32"},
		{"NFTItem", "NFTItem", "nftItem"},
		{"isUpgradable", "IsUpgradable", "isUpgradable"},
		{"id", "ID", "id"},
		{"url", "URL", "url"},
		{"Upgradeable_Upgrade", "UpgradeableUpgrade", "upgradeableUpgrade"},
		{"2fa", "X2fa", "x2fa"},
		{"type", "Type", "typeArg"},
		{"value", "Value", "valueArg"},
		{"address", "Address", "addressArg"},
		{"Deposit must be positive", "DepositMustBePositive", "depositMustBePositive"},
		{"", "X", "arg"},
	}
	for _, tt := range tests {
		t.Run(tt.abi, func(t *testing.T) {
			assert.Equal(t, tt.exported, exported(tt.abi))
			assert.Equal(t, tt.unexported, unexported(tt.abi))
		})
	}
}
