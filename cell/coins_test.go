package cell_test

import (
	"strings"
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
		{in: strings.Repeat("9", 300), wantErr: "a string of 300 bytes is more than a Grams field holds"},
		{in: strings.Repeat("x", 300), wantErr: "a string of 300 bytes is not an amount of TON"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := cell.ParseCoins(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.Less(t, len(err.Error()), 200, "an error quotes no long text")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
		})
	}
}

// TestQuote: an error quotes a short text and describes a long one, so a
// value read from a file never reaches an error whole.
func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "", want: `""`},
		{in: "alice", want: `"alice"`},
		{in: "a\x1b[31mb", want: `"a\x1b[31mb"`},
		{in: strings.Repeat("a", cell.MaxQuoted), want: `"` + strings.Repeat("a", cell.MaxQuoted) + `"`},
		{in: strings.Repeat("a", cell.MaxQuoted+1), want: "a string of 65 bytes"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cell.Quote(tt.in), tt.in)
	}
	_, err := cell.ParseAddress(strings.Repeat("A", 5000))
	require.Error(t, err)
	assert.Equal(t, "invalid value: a string of 5000 bytes is not an address: incorrect address data", err.Error())
}
