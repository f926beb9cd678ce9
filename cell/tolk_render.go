package cell

import (
	"strconv"
	"strings"
)

// name writes type idx as Tolk source does.
func (r *tolkResolver) name(idx int) string {
	budget := 4 * tolkMaxNesting
	return r.render(idx, 0, &budget)
}

func (r *tolkResolver) render(idx, depth int, budget *int) string {
	*budget--
	if idx < 0 || idx >= len(r.f.UniqueTypes) || depth > tolkMaxNesting || *budget < 0 {
		return "type#" + strconv.Itoa(idx)
	}
	t := &r.f.UniqueTypes[idx]
	sub := func(i *int) string {
		if i == nil {
			return "?"
		}
		return r.render(*i, depth+1, budget)
	}
	list := func(items []int, sep string) string {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = r.render(it, depth+1, budget)
		}
		return strings.Join(parts, sep)
	}
	n := func() string {
		if t.N == nil {
			return "?"
		}
		return strconv.Itoa(*t.N)
	}

	switch t.Kind {
	case "intN":
		return "int" + n()
	case "uintN":
		return "uint" + n()
	case "varintN":
		return "varint" + n()
	case "varuintN":
		return "varuint" + n()
	case "bitsN":
		return "bits" + n()
	case "addressOpt":
		return "address?"
	case "addressExt":
		return "ext_address"
	case "addressAny":
		return "any_address"
	case "remaining":
		return "RemainingBitsAndRefs"
	case "nullLiteral":
		return "null"
	case "genericT":
		return t.NameT
	case "nullable":
		return sub(t.InnerTyIdx) + "?"
	case "cellOf":
		return "Cell<" + sub(t.InnerTyIdx) + ">"
	case "arrayOf":
		return "array<" + sub(t.InnerTyIdx) + ">"
	case "lispListOf":
		return "lisp_list<" + sub(t.InnerTyIdx) + ">"
	case "tensor":
		return "(" + list(t.ItemsTyIdx, ", ") + ")"
	case "shapedTuple":
		return "[" + list(t.ItemsTyIdx, ", ") + "]"
	case "mapKV":
		return "map<" + sub(t.KeyTyIdx) + ", " + sub(t.ValueTyIdx) + ">"
	case "union":
		parts := make([]string, len(t.Variants))
		for i, v := range t.Variants {
			parts[i] = sub(v.VariantTyIdx)
		}
		return strings.Join(parts, " | ")
	case "StructRef", "AliasRef", "EnumRef":
		name := t.StructName + t.AliasName + t.EnumName
		if len(t.TypeArgsTyIdx) > 0 {
			name += "<" + list(t.TypeArgsTyIdx, ", ") + ">"
		}
		return name
	}
	return t.Kind
}
