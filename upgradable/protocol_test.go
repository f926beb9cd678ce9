package upgradable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/upgradable"
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
