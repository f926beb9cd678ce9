package describe_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
)

func TestPackage(t *testing.T) {
	v1 := counter.V1()
	noABI := &cell.Package{Name: "Bare", Code: v1.Code}
	tests := []struct {
		name string
		pkg  *cell.Package
		want []string
	}{
		{"a Tact package", v1, []string{
			"code      #316eebe909ee1562773e227b30148bd74e3d2a60a0c50f2655bc44568f04766c",
			"storage   CounterV1$Data {owner: Address; id: Int as uint32; value: Int as uint32}",
			"init      (id: Int, owner: Address, value: Int)",
			"receives  an empty body",
			"          Upgrade (0x0000000a) {code: Cell}",
			"getters   value(): Int",
			"          owner(): Address",
		}},
		{"code alone", noABI, []string{
			"contract  Bare",
			"abi       none: its messages and getters are unknown",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe.Package(tt.pkg)
			for _, line := range tt.want {
				assert.Contains(t, got, line)
			}
		})
	}
	last := describe.Package(v1)
	assert.True(t, strings.HasPrefix(last[len(last)-1], "upgrade   chainlink-tact (the Upgrade): Chainlink's Tact Upgradable trait"), last[len(last)-1])
}
