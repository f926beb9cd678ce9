package cell

import (
	"sort"
	"strings"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// readUnion reads the variant of a Tolk union whose prefix s starts with.
func (a *ABI) readUnion(s *tvmcell.Slice, o *op, path string) (any, error) {
	for _, v := range o.variants {
		if int(s.BitsLeft()) < v.prefix.bits {
			continue
		}
		got, err := s.PreloadUInt(uint(v.prefix.bits))
		if err != nil || got != v.prefix.value {
			continue
		}
		if v.implicit {
			if _, err := s.LoadUInt(uint(v.prefix.bits)); err != nil {
				return nil, fieldErr(path, ErrCellUnderflow, "%v", err)
			}
		}
		return a.readValue(s, v.op, path)
	}
	return nil, fieldErr(path, ErrWrongOpcode, "the cell starts with no prefix of %s (%s)", o.name, variantPrefixes(o))
}

// writeUnion writes the variant s is, after the union's own prefix when
// the variant's is implicit.
func (a *ABI) writeUnion(b *tvmcell.Builder, o *op, s *Struct, path string) error {
	v, err := unionVariantOf(o, s.Type, path)
	if err != nil {
		return err
	}
	if v.implicit {
		if err := b.StoreUInt(v.prefix.value, uint(v.prefix.bits)); err != nil {
			return fieldErr(path, ErrCellOverflow, "no room for the prefix of %s: %v", s.Type, err)
		}
	}
	return a.writeValue(b, v.op, s, path)
}

// normalizeUnion takes a union's value as the *Struct of one of its
// variants, or a map[string]any with one key, the variant's name, holding
// its fields: {"Step": {"queryId": 1}}.
func (a *ABI) normalizeUnion(o *op, v any, path string) (*Struct, error) {
	var name string
	var fields any
	switch x := v.(type) {
	case *Struct:
		name, fields = x.Type, x
	case map[string]any:
		if len(x) != 1 {
			return nil, fieldErr(path, ErrInvalidValue, "want one of %s as a map with one key, the variant's name, got %d keys", o.name, len(x))
		}
		for k, f := range x {
			name, fields = k, f
		}
	default:
		return nil, fieldErr(path, ErrInvalidValue, "want one of %s as a *cell.Struct or {\"<variant>\": fields}, got %s", o.name, describe(v))
	}
	variant, err := unionVariantOf(o, name, path)
	if err != nil {
		return nil, err
	}
	return a.normalizeStruct(variant.op.name, fields, path)
}

// unionVariantOf returns the variant of o that is the struct name.
func unionVariantOf(o *op, name, path string) (*unionVariant, error) {
	for i := range o.variants {
		if o.variants[i].op.name == name {
			return &o.variants[i], nil
		}
	}
	names := make([]string, len(o.variants))
	for i, v := range o.variants {
		names[i] = v.op.name
	}
	sort.Strings(names)
	return nil, fieldErr(path, ErrInvalidValue, "%s is not a variant of %s (variants: %s)", Quote(name), o.name, strings.Join(names, ", "))
}

// variantPrefixes lists the prefixes of a union, for errors.
func variantPrefixes(o *op) string {
	parts := make([]string, len(o.variants))
	for i, v := range o.variants {
		parts[i] = v.op.name + " " + prefixText(v.prefix.value, v.prefix.bits)
	}
	return strings.Join(parts, ", ")
}
