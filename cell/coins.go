package cell

import (
	"fmt"
	"math/big"
	"strings"
)

// CoinsDecimals is how many decimals a TON amount has: 1 TON is 10⁹
// nanotons.
const CoinsDecimals = 9

// maxCoins is the largest amount a Grams field (VarUInteger 16) holds:
// 2¹²⁰ − 1 nanotons.
var maxCoins = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 120), big.NewInt(1))

// ParseCoins reads an amount of Toncoin the one way every tonsim input
// writes it (scenario files, the UI's forms, the command line): TON as a
// decimal number, "1.5", "0.05", "3", optionally with a " TON" unit; or
// nanotons as an integer with an n suffix, "1500000000n". Underscores may
// group digits as in every number tonsim reads (see [ParseInt]): "1_000" is
// a thousand TON, "1__000" and "1000_" are errors. More than nine
// decimals, a negative amount or one past what a Grams field holds
// (2¹²⁰ − 1 nanotons) is an error, never rounded. It returns nanotons.
func ParseCoins(s string) (*big.Int, error) {
	text := strings.TrimSpace(s)
	if t, ok := strings.CutSuffix(text, "TON"); ok {
		text = strings.TrimSpace(t)
	}
	if text == "" {
		return nil, coinsErr(ErrInvalidValue, "an amount of TON is empty")
	}
	if strings.HasPrefix(text, "-") {
		return nil, coinsErr(ErrOutOfRange, "%s is negative", Quote(s))
	}
	var n *big.Int
	if nano, ok := strings.CutSuffix(text, "n"); ok {
		nano, grouped := ungroup(nano)
		if !grouped || !isDigits(nano) {
			return nil, coinsErr(ErrInvalidValue, `%s is not a whole number of nanotons (write "1500000000n")`, Quote(s))
		}
		n, _ = new(big.Int).SetString(nano, 10)
	} else {
		whole, frac, _ := strings.Cut(text, ".")
		if whole == "" {
			whole = "0"
		}
		whole, wholeOK := ungroup(whole)
		frac, fracOK := ungroup(frac)
		if !wholeOK || !fracOK || !isDigits(whole) || (strings.Contains(text, ".") && !isDigits(frac)) {
			return nil, coinsErr(ErrInvalidValue, `%s is not an amount of TON (write "1.5", or nanotons as "1500000000n")`, Quote(s))
		}
		if len(frac) > CoinsDecimals {
			return nil, coinsErr(ErrOutOfRange, "%s has %d decimals; TON has %d (1 nanoton is 0.000000001)", Quote(s), len(frac), CoinsDecimals)
		}
		n, _ = new(big.Int).SetString(whole+frac+strings.Repeat("0", CoinsDecimals-len(frac)), 10)
	}
	if err := CheckCoins(s, n); err != nil {
		return nil, err
	}
	return n, nil
}

// CheckCoins returns an error wrapping [ErrOutOfRange] unless a Grams
// field holds nano (0 to 2¹²⁰ − 1 nanotons); text is how the amount was
// written, quoted bounded in the error.
func CheckCoins(text string, nano *big.Int) error {
	switch {
	case nano.Sign() < 0:
		return coinsErr(ErrOutOfRange, "%s is negative", Quote(text))
	case nano.Cmp(maxCoins) > 0:
		return coinsErr(ErrOutOfRange, "%s is more than a Grams field holds (2^120 - 1 nanotons)", Quote(text))
	}
	return nil
}

// coinsError is a bad amount: its message alone, matching kind with
// errors.Is.
type coinsError struct {
	msg  string
	kind error
}

func (e *coinsError) Error() string { return e.msg }
func (e *coinsError) Unwrap() error { return e.kind }

func coinsErr(kind error, format string, args ...any) error {
	return &coinsError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// ungroup removes the underscores that group digits ("1_000"), which
// stand each between two digits, as in Go; false for one elsewhere.
func ungroup(s string) (string, bool) {
	if !strings.Contains(s, "_") {
		return s, true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && (i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1])) {
			return "", false
		}
	}
	return strings.ReplaceAll(s, "_", ""), true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
