package cell

import (
	"bytes"
	"math/big"
	"sort"
	"strconv"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Change is one difference between two values: at Path, Old became New. A
// map entry or ref that was added has a nil Old, one that was removed a nil
// New.
type Change struct {
	Path     string
	Old, New any
	// Type is the ABI type of the values, when the change comes from a
	// struct field or a map entry; nil for raw cells.
	Type *Type
	// Keys are the map keys along Path, in order: Path writes each as
	// "[" + FormatValue(key) + "]", and a printer may write them its own
	// way (an address by its name, say).
	Keys []any
	// Added is set when only the new value has the field or map entry,
	// Removed when only the old one does; Old or New is then nil.
	Added, Removed bool
}

// String writes the change as "value: 2 → 3", "step: 1 (added)" or
// "name: "x" (removed)".
func (c Change) String() string {
	switch {
	case c.Added:
		return c.Path + ": " + FormatValue(c.New) + " (added)"
	case c.Removed:
		return c.Path + ": " + FormatValue(c.Old) + " (removed)"
	}
	return c.Path + ": " + FormatValue(c.Old) + " → " + FormatValue(c.New)
}

// DiffStructs returns how new differs from old, field by field, in field
// order: paths like "value", "inner.x" and "balances[0:ab12…]". Nested
// structs and maps are compared entry by entry; other values as a whole.
func DiffStructs(old, new *Struct) []Change {
	var out []Change
	diffStruct("", nil, old, new, &out)
	return out
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func diffStruct(path string, keys []any, old, new *Struct, out *[]Change) {
	for _, f := range old.Fields {
		nv, err := new.Get(f.Name)
		if err != nil {
			*out = append(*out, Change{Path: join(path, f.Name), Old: f.Value, Type: typeOf(f), Keys: keys, Removed: true})
			continue
		}
		diffValue(join(path, f.Name), keys, typeOf(f), f.Value, nv, out)
	}
	for _, f := range new.Fields {
		if _, err := old.Get(f.Name); err != nil {
			*out = append(*out, Change{Path: join(path, f.Name), New: f.Value, Type: typeOf(f), Keys: keys, Added: true})
		}
	}
}

// typeOf is a field's type, nil when the field has none (a zero Type).
func typeOf(f FieldValue) *Type {
	if f.Type.Kind == "" {
		return nil
	}
	t := f.Type
	return &t
}

// valueType is the type of a map's values, nil when unknown.
func valueType(t *Type) *Type {
	if t == nil || t.Kind != KindDict {
		return nil
	}
	return &Type{Kind: KindSimple, Type: t.Value, Format: t.ValueFormat}
}

func diffValue(path string, keys []any, t *Type, old, new any, out *[]Change) {
	if isNil(old) && isNil(new) {
		return
	}
	if isNil(old) || isNil(new) {
		*out = append(*out, Change{Path: path, Old: nilIfNil(old), New: nilIfNil(new), Type: t, Keys: keys})
		return
	}

	switch o := old.(type) {
	case *Struct:
		if n, ok := new.(*Struct); ok && n.Type == o.Type {
			diffStruct(path, keys, o, n, out)
			return
		}
	case *Map:
		if n, ok := new.(*Map); ok {
			diffMap(path, keys, valueType(t), o, n, out)
			return
		}
	}
	if !equalValues(old, new) {
		*out = append(*out, Change{Path: path, Old: old, New: new, Type: t, Keys: keys})
	}
}

func nilIfNil(v any) any {
	if isNil(v) {
		return nil
	}
	return v
}

func diffMap(path string, keys []any, vt *Type, old, new *Map, out *[]Change) {
	type pair struct {
		key      any
		old, new any
		inOld    bool
		inNew    bool
	}
	pairs := map[string]*pair{}
	for _, e := range old.Entries {
		pairs[FormatValue(e.Key)] = &pair{key: e.Key, old: e.Value, inOld: true}
	}
	for _, e := range new.Entries {
		k := FormatValue(e.Key)
		if p, ok := pairs[k]; ok {
			p.new, p.inNew = e.Value, true
		} else {
			pairs[k] = &pair{key: e.Key, new: e.Value, inNew: true}
		}
	}

	list := make([]*pair, 0, len(pairs))
	for _, p := range pairs {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return keyLess(list[i].key, list[j].key) })

	for _, p := range list {
		kp := path + "[" + FormatValue(p.key) + "]"
		kk := append(append([]any{}, keys...), p.key)
		switch {
		case !p.inNew:
			*out = append(*out, Change{Path: kp, Old: p.old, Type: vt, Keys: kk, Removed: true})
		case !p.inOld:
			*out = append(*out, Change{Path: kp, New: p.new, Type: vt, Keys: kk, Added: true})
		default:
			diffValue(kp, kk, vt, p.old, p.new, out)
		}
	}
}

// keyLess orders map keys: as the map does for keys of one kind, by their
// text otherwise.
func keyLess(a, b any) bool {
	switch x := a.(type) {
	case *big.Int:
		if y, ok := b.(*big.Int); ok {
			return x.Cmp(y) < 0
		}
	case *address.Address:
		if y, ok := b.(*address.Address); ok {
			return keyCompare(x, y) < 0
		}
	}
	return FormatValue(a) < FormatValue(b)
}

// equalValues compares two decoded values.
func equalValues(a, b any) bool {
	switch x := a.(type) {
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	case *address.Address:
		y, ok := b.(*address.Address)
		return ok && sameAddress(x, y)
	case *tvmcell.Cell:
		y, ok := b.(*tvmcell.Cell)
		return ok && (x == y || x.HashKey() == y.HashKey())
	}
	return FormatValue(a) == FormatValue(b)
}

// sameAddress reports whether two addresses are written alike by
// formatAddress, without writing them when they are standard or none.
func sameAddress(a, b *address.Address) bool {
	switch at, bt := a.Type(), b.Type(); {
	case at == address.StdAddress && bt == address.StdAddress:
		return a.Workchain() == b.Workchain() && bytes.Equal(a.Data(), b.Data())
	case at == address.NoneAddress && bt == address.NoneAddress:
		return true
	}
	return formatAddress(a) == formatAddress(b)
}

// DiffCells compares two cell trees with no known layout. Each cell whose
// own bits or ref count differ is a change at its path ("root",
// "root.ref[0]", "root.ref[0].ref[2]"), with the two cells as Old and New;
// refs present on one side only are changes with a nil side. Subtrees with
// equal hashes are skipped.
func DiffCells(old, new *tvmcell.Cell) []Change {
	var out []Change
	diffCell("root", old, new, 0, &out)
	return out
}

func diffCell(path string, old, new *tvmcell.Cell, depth int, out *[]Change) {
	switch {
	case old == nil && new == nil:
		return
	case old == nil || new == nil:
		*out = append(*out, Change{Path: path, Old: nilIfNil(old), New: nilIfNil(new)})
		return
	case old == new || old.HashKey() == new.HashKey():
		return
	}

	if !sameOwnData(old, new) {
		*out = append(*out, Change{Path: path, Old: old, New: new})
	}
	if depth+1 >= maxPrintDepth {
		return
	}
	for i := 0; i < int(max(old.RefsNum(), new.RefsNum())); i++ {
		diffCell(path+".ref["+strconv.Itoa(i)+"]", refAt(old, i), refAt(new, i), depth+1, out)
	}
}

// sameOwnData tells whether two cells have the same bits and ref count.
func sameOwnData(a, b *tvmcell.Cell) bool {
	if a.BitsSize() != b.BitsSize() || a.RefsNum() != b.RefsNum() || a.IsSpecial() != b.IsSpecial() {
		return false
	}
	return fiftHex(a) == fiftHex(b)
}

func refAt(c *tvmcell.Cell, i int) *tvmcell.Cell {
	if i >= int(c.RefsNum()) {
		return nil
	}
	ref, err := c.PeekRef(i)
	if err != nil {
		return nil
	}
	return ref
}
