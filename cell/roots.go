package cell

import (
	"encoding/hex"
	"fmt"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DecodeBOCRoots reads a BOC of one or more roots from a file's bytes, as
// [DecodeBOC] reads a BOC of one: binary, hex or base64, and its errors
// never quote the data.
func DecodeBOCRoots(data []byte) ([]*tvmcell.Cell, error) {
	if !isBinaryBOC(data) {
		raw, err := decodeText(string(data))
		if err != nil {
			return nil, fmt.Errorf("%w: %d bytes that are neither a binary BOC nor hex or base64 text", ErrNotBOC, len(data))
		}
		data = raw
	}
	roots, err := tvmcell.FromBOCMultiRoot(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedBOC, err)
	}
	return roots, nil
}

// HexRoots returns one BOC of several roots in lowercase hex, without a CRC
// as [Hex] writes one: a cell the roots share is stored once. No roots
// give "".
func HexRoots(roots []*tvmcell.Cell) string {
	if len(roots) == 0 {
		return ""
	}
	return hex.EncodeToString(tvmcell.ToBOCWithOptions(roots, tvmcell.BOCSerializeOptions{}))
}
