package upgradable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func TestUpgradeBody(t *testing.T) {
	code := tvmcell.BeginCell().MustStoreUInt(0xabcd, 16).EndCell()
	s := upgradable.UpgradeBody(code).MustBeginParse()
	assert.Equal(t, uint64(upgradable.OpUpgrade), s.MustLoadUInt(32))
	assert.Equal(t, code.Hash(), s.MustLoadRef().MustToCell().Hash())
	assert.Zero(t, s.BitsLeft())
	assert.Zero(t, s.RefsNum())
}

func TestEnvelope(t *testing.T) {
	old := tvmcell.BeginCell().MustStoreUInt(7, 32).EndCell()
	owner := address.MustParseRawAddr("0:4f0d2e6ffe8a0b0b6d1ec6b10bd1e3d48dd4bdf8e3c2c8a8b7a8d2f9f7f0c8e1")
	// InitParams { header: HeaderUpgradable { owner }; stateToBeMigrated }
	// after the lazy-deployment bit.
	initParams := func(lazyBit bool, header func(*tvmcell.Builder)) *tvmcell.Cell {
		b := tvmcell.BeginCell().MustStoreBoolBit(lazyBit)
		header(b)
		return b.MustStoreRef(old).EndCell()
	}
	stdOwner := func(b *tvmcell.Builder) { b.MustStoreAddr(owner) }
	tests := []struct {
		name string
		data *tvmcell.Cell
		want *tvmcell.Cell
	}{
		{"pending migration", tvmcell.BeginCell().MustStoreBoolBit(false).MustStoreRef(old).EndCell(), old},
		{"initialised storage", tvmcell.BeginCell().MustStoreBoolBit(true).MustStoreRef(old).EndCell(), nil},
		{"more bits", tvmcell.BeginCell().MustStoreUInt(0, 2).MustStoreRef(old).EndCell(), nil},
		{"no ref", tvmcell.BeginCell().MustStoreBoolBit(false).EndCell(), nil},
		{"two refs", tvmcell.BeginCell().MustStoreBoolBit(false).MustStoreRef(old).MustStoreRef(old).EndCell(), nil},
		{"nil", nil, nil},
		{"InitParams pending", initParams(false, stdOwner), old},
		{"InitParams, init ran", initParams(true, stdOwner), nil},
		{"InitParams of an owner not addr_std", initParams(false, func(b *tvmcell.Builder) { b.MustStoreUInt(0b11, 2).MustStoreSlice(make([]byte, 34), 265) }), nil},
		{"InitParams one bit short", initParams(false, func(b *tvmcell.Builder) { b.MustStoreUInt(0b100, 3).MustStoreSlice(make([]byte, 33), 263) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := upgradable.Envelope(tt.data)
			if tt.want == nil {
				require.ErrorIs(t, err, upgradable.ErrNoEnvelope)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want.Hash(), got.Hash())
		})
	}
}

func TestParseTypeAndVersion(t *testing.T) {
	tests := []struct {
		in      string
		want    upgradable.Version
		wantErr bool
	}{
		{"com.example.upgrades.Counter v1.0.0", upgradable.Version{Type: "com.example.upgrades.Counter", Version: "1.0.0"}, false},
		{"com.chainlink.ton.ccip.Router v1.6.0-dev", upgradable.Version{Type: "com.chainlink.ton.ccip.Router", Version: "1.6.0-dev"}, false},
		{"a vb v2", upgradable.Version{Type: "a vb", Version: "2"}, false},
		{"no version", upgradable.Version{}, true},
		{" v1.0.0", upgradable.Version{}, true},
		{"type v", upgradable.Version{}, true},
		{"", upgradable.Version{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := upgradable.ParseTypeAndVersion(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, upgradable.ErrBadTypeAndVersion)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, got.String())
		})
	}
}

// stagedABI is an ABI receiving Upgrade { code } and CommitUpgrade {},
// declaring besides the struct types given as JSON.
func stagedABI(t *testing.T, types string) *cell.ABI {
	t.Helper()
	abi, err := cell.ParseABI([]byte(`{"name": "C", "types": [
		{"name": "Upgrade", "header": 1, "fields": [{"name": "code", "type": {"kind": "simple", "type": "cell", "optional": false}}]},
		{"name": "CommitUpgrade", "header": 2, "fields": []},
		{"name": "HeaderUpgradable", "header": null, "fields": [{"name": "owner", "type": {"kind": "simple", "type": "address", "optional": false}}]}` + types + `],
		"receivers": [
			{"receiver": "internal", "message": {"kind": "typed", "type": "Upgrade"}},
			{"receiver": "internal", "message": {"kind": "typed", "type": "CommitUpgrade"}}]}`))
	require.NoError(t, err)
	return abi
}

// TestDetectInitParams tells the InitParams protocol from the staged one,
// whose messages it shares, by the InitParams struct the ABI declares.
func TestDetectInitParams(t *testing.T) {
	header := `{"name": "header", "type": {"kind": "simple", "type": "HeaderUpgradable", "optional": false}}`
	state := `{"name": "stateToBeMigrated", "type": {"kind": "simple", "type": "cell", "optional": false}}`
	tests := []struct {
		name, types, want string
	}{
		{"no InitParams", ``, upgradable.ProtocolStaged},
		{"InitParams", `, {"name": "InitParams", "header": null, "fields": [` + header + `, ` + state + `]}`, upgradable.ProtocolInitParams},
		{"InitParams without the old state", `, {"name": "InitParams", "header": null, "fields": [` + header + `]}`, upgradable.ProtocolStaged},
		{"the fields under another name", `, {"name": "Params", "header": null, "fields": [` + header + `, ` + state + `]}`, upgradable.ProtocolStaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := upgradable.DetectProtocol(stagedABI(t, tt.types))
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Name)
		})
	}
}
