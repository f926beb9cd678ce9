package cell_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
)

func TestParseCoins(t *testing.T) {
	tests := []struct {
		in      string
		want    string // nanotons
		wantErr string
	}{
		{in: "1.5", want: "1500000000"},
		{in: "0.05", want: "50000000"},
		{in: "3", want: "3000000000"},
		{in: "0", want: "0"},
		{in: ".5", want: "500000000"},
		{in: "1_000", want: "1000000000000"},
		{in: "2 TON", want: "2000000000"},
		{in: "0.000000001", want: "1"},
		{in: "1500000000n", want: "1500000000"},
		{in: "1_500_000_000n", want: "1500000000"},
		{in: "1_000.000_5", want: "1000000500000"},
		{in: "1__000", wantErr: "not an amount"},
		{in: "_1", wantErr: "not an amount"},
		{in: "1_", wantErr: "not an amount"},
		{in: "1_.5", wantErr: "not an amount"},
		{in: "1._5", wantErr: "not an amount"},
		{in: "1500_n", wantErr: "not a whole number of nanotons"},
		{in: "_1500n", wantErr: "not a whole number of nanotons"},
		{in: "_", wantErr: "not an amount"},
		{in: "0.0000000001", wantErr: "has 10 decimals"},
		{in: "-1", wantErr: "negative"},
		{in: "1.", wantErr: "not an amount"},
		{in: "abc", wantErr: "not an amount"},
		{in: "1.5n", wantErr: "not a whole number of nanotons"},
		{in: "0x10", wantErr: "not an amount"},
		{in: "", wantErr: "empty"},
		{in: "1329227995784915872903807060280344576n", wantErr: "more than a Grams field holds"},
		{in: "1329227995784915872903807060280344575n", want: "1329227995784915872903807060280344575"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := cell.ParseCoins(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
		})
	}
}
