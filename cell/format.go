package cell

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// cellDataShown is how many hex digits of a cell's data [FormatValue] shows.
const cellDataShown = 32

// FormatStack writes the values of a TVM stack (a getter's result, say)
// with [FormatValue], separated by spaces.
func FormatStack(stack []any) string {
	parts := make([]string, len(stack))
	for i, v := range stack {
		parts[i] = FormatValue(v)
	}
	return strings.Join(parts, " ")
}

// FormatValue writes a value on one line, the same way every time: integers
// in decimal, bools as true/false, addresses raw ("0:…"), strings quoted as
// Go does, bytes as 0x-hex, cells as "x{DEAD} (16 bits, 1 ref, #1a2b3c4d)"
// (data cut after 32 hex digits), structs as "{a: 1, b: 2}", maps as
// "{1: 2, 3: 4}" and nil as null. Go maps are written with sorted keys.
func FormatValue(v any) string {
	var sb strings.Builder
	writeValue(&sb, v)
	return sb.String()
}

func writeValue(sb *strings.Builder, v any) {
	if isNil(v) {
		sb.WriteString("null")
		return
	}

	switch x := v.(type) {
	case *big.Int:
		sb.WriteString(x.String())
	case bool:
		fmt.Fprint(sb, x)
	case *address.Address:
		sb.WriteString(formatAddress(x))
	case string:
		fmt.Fprintf(sb, "%q", x)
	case []byte:
		sb.WriteString("0x" + hex.EncodeToString(x))
	case *tvmcell.Cell:
		sb.WriteString(formatCell(x))
	case *tvmcell.Slice:
		if c, err := x.ToCell(); err == nil {
			sb.WriteString(formatCell(c))
		} else {
			sb.WriteString("<bad slice>")
		}
	case *tvmcell.Builder:
		sb.WriteString(formatCell(x.EndCell()))
	case *Struct:
		sb.WriteString("{")
		for i, f := range x.Fields {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(f.Name + ": ")
			writeValue(sb, f.Value)
		}
		sb.WriteString("}")
	case *Map:
		sb.WriteString("{")
		for i, e := range x.Entries {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeValue(sb, e.Key)
			sb.WriteString(": ")
			writeValue(sb, e.Value)
		}
		sb.WriteString("}")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sb.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(k + ": ")
			writeValue(sb, x[k])
		}
		sb.WriteString("}")
	case []any:
		sb.WriteString("[")
		for i, e := range x {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeValue(sb, e)
		}
		sb.WriteString("]")
	default:
		fmt.Fprint(sb, v)
	}
}

// formatAddress writes an address raw, "0:<64 hex digits>"; addr_none is null.
func formatAddress(a *address.Address) string {
	switch a.Type() {
	case address.NoneAddress:
		return "null"
	case address.StdAddress:
		return a.StringRaw()
	}
	return a.String()
}

// formatCell writes a cell's data (cut), size and hash prefix.
func formatCell(c *tvmcell.Cell) string {
	data := fiftHex(c)
	if len(data) > cellDataShown {
		data = data[:cellDataShown] + "…"
	}
	refs := "refs"
	if c.RefsNum() == 1 {
		refs = "ref"
	}
	return fmt.Sprintf("x{%s} (%d bits, %d %s, #%s)", data, c.BitsSize(), c.RefsNum(), refs, hex.EncodeToString(c.Hash()[:4]))
}

// fiftHex writes a cell's data as Fift does inside x{…}: hex digits, and
// when the length is not a multiple of 4 bits, a 1 bit, zero padding to the
// next digit and a trailing "_".
func fiftHex(c *tvmcell.Cell) string {
	bits := c.BitsSize()
	s, err := c.BeginParseWithoutTrace()
	if err != nil {
		return "?"
	}
	data, err := s.PreloadSlice(bits)
	if err != nil {
		return "?"
	}

	full := hex.EncodeToString(data)
	if bits%4 == 0 {
		return strings.ToUpper(full[:bits/4])
	}

	// Append the completion bit after the last data bit.
	padded := make([]byte, (bits+4)/8+1)
	copy(padded, data)
	padded[bits/8] |= 0x80 >> (bits % 8)
	digits := (bits + 3) / 4
	return strings.ToUpper(hex.EncodeToString(padded)[:digits]) + "_"
}
