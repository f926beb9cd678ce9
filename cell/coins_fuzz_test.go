package cell_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
)

// FuzzParseCoins feeds amounts as scenarios, the UI's forms and the command
// line write them: an error of kind ErrInvalidValue or ErrOutOfRange, or
// nanotons from 0 to 2^120 - 1 that read back the same written as TON
// ("1.5"), with the unit ("1.5 TON") and in nanotons ("1500000000n").
func FuzzParseCoins(f *testing.F) {
	for _, s := range []string{"1.5", "0.05", "3", "1 TON", "1500000000n", "1_000", "0.000000001", "0.0000000001", "-1", "-0",
		"1e9", ".5", "5.", "", " TON", "n", "1329227995784915872903807060280344575n", "1329227995784915872903807060280344576n",
		"1329227995784915872.903807060280344575", "0x10", "１", "1__0", "_", "1.5TON", "1.5 ton", "+1"} {
		f.Add(s)
	}
	maxCoins := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 120), big.NewInt(1))
	f.Fuzz(func(t *testing.T, s string) {
		n, err := cell.ParseCoins(s)
		if err != nil {
			if !errors.Is(err, cell.ErrInvalidValue) && !errors.Is(err, cell.ErrOutOfRange) {
				t.Fatalf("ParseCoins(%q): %v is neither ErrInvalidValue nor ErrOutOfRange", s, err)
			}
			return
		}
		if n.Sign() < 0 || n.Cmp(maxCoins) > 0 {
			t.Fatalf("ParseCoins(%q) = %s, outside 0 to 2^120 - 1", s, n)
		}
		for _, form := range []string{describe.Nano(n), describe.TON(n), n.String() + "n"} {
			back, err := cell.ParseCoins(form)
			if err != nil || back.Cmp(n) != 0 {
				t.Fatalf("ParseCoins(%q) = %s, but %q reads as %v (%v)", s, n, form, back, err)
			}
		}
	})
}
