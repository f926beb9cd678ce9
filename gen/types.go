package gen

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

func (w *writer) structType(name, doc string, v *version, fields []cell.Field) error {
	w.p("%s\ntype %s struct {\n", comment(doc), name)
	used := map[string]bool{}
	for _, f := range fields {
		t, err := w.goTypeOf(v, f.Type)
		if err != nil {
			return fmt.Errorf("%s: %s.%s: %w", v.src.Path, name, f.Name, err)
		}
		field := exported(f.Name)
		for i := 2; used[field]; i++ {
			field = fmt.Sprintf("%s%d", exported(f.Name), i)
		}
		used[field] = true
		w.p("\t%s %s `abi:%q` // %s\n", field, t, f.Name, oneLine(f.Type.String()))
	}
	w.p("}\n\n")
	return nil
}

// comment wraps doc into // lines of about 76 columns.
func comment(doc string) string {
	var lines []string
	line := "//"
	for _, word := range strings.Fields(doc) {
		if len(line)+1+len(word) > 78 && line != "//" {
			lines = append(lines, line)
			line = "//"
		}
		line += " " + word
	}
	return strings.Join(append(lines, line), "\n")
}

// goTypeOf is the Go type of values of t in v's ABI.
func (w *writer) goTypeOf(v *version, t cell.Type) (string, error) {
	sh, err := v.abi.Shape(t)
	if err != nil {
		return "", err
	}
	return goShape(v, sh), nil
}

func goShape(v *version, sh *cell.Shape) string {
	base, nilable := "", true
	switch sh.Kind {
	case cell.ShapeInt, cell.ShapeUint:
		if sh.Bits <= 64 {
			base, nilable = intType(sh), false
		} else {
			base = "*big.Int"
		}
	case cell.ShapeVarInt:
		base = "*big.Int"
	case cell.ShapeVarUint:
		base = "*big.Int"
		if sh.Coins {
			base, nilable = "tlb.Coins", false
		}
	case cell.ShapeBool:
		base, nilable = "bool", false
	case cell.ShapeAddress:
		base = "*address.Address"
	case cell.ShapeCell:
		base = "*tvmcell.Cell"
	case cell.ShapeString:
		base, nilable = "string", false
	case cell.ShapeBytes:
		base = "[]byte"
	case cell.ShapeStruct:
		base, nilable = v.goName[sh.Struct], false
	case cell.ShapeMap:
		base = "map[" + keyType(sh.Key) + "]" + goShape(v, sh.Value)
	default: // cell.ShapeUnion
		base = "*cell.Struct"
	}
	if sh.Optional && !nilable {
		return "*" + base
	}
	return base
}

// intType is the smallest Go integer that holds sh's bits.
func intType(sh *cell.Shape) string {
	kind := "int"
	if sh.Kind == cell.ShapeUint {
		kind = "uint"
	}
	for _, n := range []int{8, 16, 32} {
		if sh.Bits <= n {
			return fmt.Sprintf("%s%d", kind, n)
		}
	}
	return kind + "64"
}

// keyType is a map key's Go type: an integer (int64 or uint64 past 64
// bits: a Go map cannot be keyed by a *big.Int) or, for an address, its
// raw text "0:…".
func keyType(sh *cell.Shape) string {
	switch sh.Kind {
	case cell.ShapeAddress:
		return "string"
	case cell.ShapeUint:
		if sh.Bits > 64 {
			return "uint64"
		}
	case cell.ShapeInt:
		if sh.Bits > 64 {
			return "int64"
		}
	}
	return intType(sh)
}

// oneLine keeps text that goes into a line comment on its line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
