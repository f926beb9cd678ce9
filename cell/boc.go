package cell

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/internal/atomicfile"
	"github.com/tonsim/tonsim/internal/inputfile"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// ParseBOC reads a single-root BOC written as hex (optionally "0x"-prefixed,
// either case) or base64 (standard or URL alphabet, padded or not).
// Surrounding whitespace is ignored.
func ParseBOC(s string) (*tvmcell.Cell, error) {
	data, err := decodeText(s)
	if err != nil {
		return nil, err
	}
	return fromBOC(data)
}

// decodeText turns hex or base64 text into bytes. Hex is tried first: a
// string of hex digits of even length is also valid base64, but a BOC in
// base64 never is all hex digits ("te6c…").
func decodeText(s string) ([]byte, error) {
	t := strings.TrimSpace(s)
	h := t
	if strings.HasPrefix(h, "0x") || strings.HasPrefix(h, "0X") {
		h = h[2:]
	}
	if data, err := hex.DecodeString(h); err == nil && h != "" {
		return data, nil
	}

	b := strings.TrimRight(t, "=")
	if strings.ContainsAny(b, "-_") {
		if data, err := base64.RawURLEncoding.DecodeString(b); err == nil && b != "" {
			return data, nil
		}
	} else if data, err := base64.RawStdEncoding.DecodeString(b); err == nil && b != "" {
		return data, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrNotBOC, shorten(t, 32))
}

func fromBOC(data []byte) (*tvmcell.Cell, error) {
	c, err := tvmcell.FromBOC(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedBOC, err)
	}
	return c, nil
}

// ReadBOCFile reads a file holding a BOC, either binary or as hex or base64
// text. It reads only a regular file of at most 4 MiB (see
// internal/inputfile) and, like [DecodeBOC], never quotes the file in an
// error.
func ReadBOCFile(path string) (*tvmcell.Cell, error) {
	data, err := inputfile.Policy{}.Read(inputfile.BOC, path)
	if err != nil {
		return nil, fmt.Errorf("read BOC: %w", err)
	}
	c, err := DecodeBOC(data)
	if err != nil {
		return nil, fmt.Errorf("read BOC %s: %w", path, err)
	}
	return c, nil
}

// DecodeBOC reads a BOC from a file's bytes: a binary BOC, or one written as
// hex or base64 text. Unlike [ParseBOC], its errors never quote the data, so
// reading a file that is no BOC (a key, /etc/passwd) tells nothing of it.
func DecodeBOC(data []byte) (*tvmcell.Cell, error) {
	if isBinaryBOC(data) {
		return fromBOC(data)
	}
	raw, err := decodeText(string(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %d bytes that are neither a binary BOC nor hex or base64 text", ErrNotBOC, len(data))
	}
	return fromBOC(raw)
}

// bocMagics are the first bytes of the binary BOC formats: serialized_boc,
// serialized_boc_idx and serialized_boc_idx_crc32c.
var bocMagics = [][]byte{
	{0xb5, 0xee, 0x9c, 0x72},
	{0x68, 0xff, 0x65, 0xf3},
	{0xac, 0xc3, 0xa7, 0x28},
}

func isBinaryBOC(data []byte) bool {
	for _, m := range bocMagics {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return false
}

// WriteBOCFile writes c to path as a binary BOC, atomically: readers see the
// old file or the whole new one.
func WriteBOCFile(path string, c *tvmcell.Cell) error {
	if err := atomicfile.Write(path, c.ToBOC(), 0o644); err != nil {
		return fmt.Errorf("write BOC: %w", err)
	}
	return nil
}

// Hex returns c's BOC in lowercase hex, without a CRC: the compact form
// people paste and compare (@ton/core's toBoc without crc32 writes the same
// bytes). Files written by [WriteBOCFile] carry the CRC.
func Hex(c *tvmcell.Cell) string {
	return hex.EncodeToString(textBOC(c))
}

// Base64 returns c's BOC in standard, padded base64, without a CRC like
// [Hex].
func Base64(c *tvmcell.Cell) string {
	return base64.StdEncoding.EncodeToString(textBOC(c))
}

func textBOC(c *tvmcell.Cell) []byte {
	return c.ToBOCWithOptions(tvmcell.BOCSerializeOptions{})
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
