package cell

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// normalize checks an input value against its serialization and converts it
// to the form Decode returns (see [Struct]). path names the value in errors.
func (a *ABI) normalize(o *op, v any, path string) (any, error) {
	if isNil(v) {
		if o.optional {
			return nil, nil
		}
		if o.kind == opMap {
			return &Map{}, nil // a null map is the empty map
		}
		return nil, fieldErr(path, ErrMissingField, "want %s, got null", o.name)
	}

	switch o.kind {
	case opInt, opUint, opVarInt, opVarUint:
		n, err := toBigInt(v)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "want an integer, got %s", describe(v))
		}
		if !fits(o, n) {
			return nil, fieldErr(path, ErrOutOfRange, "%s does not fit %s", n, o.name)
		}
		return n, nil
	case opBool:
		switch b := v.(type) {
		case bool:
			return b, nil
		case string:
			switch strings.TrimSpace(b) {
			case "true":
				return true, nil
			case "false":
				return false, nil
			}
		}
		return nil, fieldErr(path, ErrInvalidValue, "want a bool, got %s", describe(v))
	case opAddress:
		addr, err := toAddress(v)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "want an address, got %s: %v", describe(v), err)
		}
		if addr == nil {
			if !o.optional {
				return nil, fieldErr(path, ErrInvalidValue, "want an address, got addr_none")
			}
			return nil, nil // not a typed nil: null, like every absent value
		}
		return addr, nil
	case opCell:
		c, err := toCell(v)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "want a %s, got %s: %v", o.cellType, describe(v), err)
		}
		return c, nil
	case opString:
		s, ok := v.(string)
		if !ok {
			return nil, fieldErr(path, ErrInvalidValue, "want a string, got %s", describe(v))
		}
		return s, nil
	case opFixedBytes:
		n := (o.bits + 7) / 8 // a Tolk bitsN may end inside a byte
		b, err := toBytes(v)
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "want %d bytes, got %s: %v", n, describe(v), err)
		}
		if len(b) != n {
			return nil, fieldErr(path, ErrInvalidValue, "want %d bytes, got %d", n, len(b))
		}
		if pad := o.bits % 8; pad != 0 && b[n-1]&(0xff>>pad) != 0 {
			return nil, fieldErr(path, ErrInvalidValue, "%s: the bits after the first %d must be 0", o.name, o.bits)
		}
		return b, nil
	case opStruct:
		return a.normalizeStruct(o.name, v, path)
	case opUnion:
		return a.normalizeUnion(o, v, path)
	default: // opMap
		return a.normalizeMap(o, v, path)
	}
}

// normalizeStruct converts a map[string]any or a *Struct to a *Struct of the
// named type with every field normalized.
func (a *ABI) normalizeStruct(name string, v any, path string) (*Struct, error) {
	l, err := a.layout(name)
	if err != nil {
		return nil, err
	}
	return a.normalizeFields(l, v, path)
}

// normalizeFields converts a map[string]any or a *Struct to a *Struct with
// the fields of l.
func (a *ABI) normalizeFields(l *layout, v any, path string) (*Struct, error) {
	name := l.name
	var get func(string) (any, bool)
	var given []string
	switch s := v.(type) {
	case map[string]any:
		get = func(f string) (any, bool) { x, ok := s[f]; return x, ok }
		for k := range s {
			given = append(given, k)
		}
	case *Struct:
		if s.Type != "" && s.Type != name {
			return nil, fieldErr(path, ErrInvalidValue, "want %s, got a %s", name, s.Type)
		}
		get = func(f string) (any, bool) {
			for _, fv := range s.Fields {
				if fv.Name == f {
					return fv.Value, true
				}
			}
			return nil, false
		}
		for _, fv := range s.Fields {
			given = append(given, fv.Name)
		}
	default:
		return nil, fieldErr(path, ErrInvalidValue, "want %s as map[string]any or *cell.Struct, got %s", name, describe(v))
	}

	known := make(map[string]bool, len(l.fields))
	names := make([]string, len(l.fields))
	for i, f := range l.fields {
		known[f.name] = true
		names[i] = f.name
	}
	sort.Strings(given)
	for _, g := range given {
		if !known[g] {
			return nil, fieldErr(path, ErrUnknownField, "%s has no field %s (fields: %s)", name, Quote(g), strings.Join(names, ", "))
		}
	}

	out := &Struct{Type: name, Fields: make([]FieldValue, len(l.fields))}
	for i, f := range l.fields {
		x, ok := get(f.name)
		if !ok && !f.op.optional && f.op.kind != opMap {
			return nil, fieldErr(path+"."+f.name, ErrMissingField, "missing %s", f.typ)
		}
		nv, err := a.normalize(f.op, x, path+"."+f.name)
		if err != nil {
			return nil, err
		}
		out.Fields[i] = FieldValue{Name: f.name, Type: f.typ, Value: nv}
	}
	return out, nil
}

// normalizeMap converts a *Map or a map[string]any (keys written as
// [FormatValue] writes them) to a *Map sorted by key.
func (a *ABI) normalizeMap(o *op, v any, path string) (*Map, error) {
	var entries []MapEntry
	switch m := v.(type) {
	case *Map:
		entries = m.Entries
	case map[string]any:
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the first bad key reported is always the same
		for _, k := range keys {
			entries = append(entries, MapEntry{Key: k, Value: m[k]})
		}
	default:
		return nil, fieldErr(path, ErrInvalidValue, "want a map as map[string]any or *cell.Map, got %s", describe(v))
	}

	out := &Map{Entries: make([]MapEntry, 0, len(entries))}
	for _, e := range entries {
		key, err := a.normalize(o.key, e.Key, path+"["+keyText(e.Key)+"]")
		if err != nil {
			return nil, err
		}
		kp := path + "[" + FormatValue(key) + "]"
		value, err := a.normalize(o.value, e.Value, kp)
		if err != nil {
			return nil, err
		}
		out.Entries = append(out.Entries, MapEntry{Key: key, Value: value})
	}

	sortEntries(out.Entries)
	for i := 1; i < len(out.Entries); i++ {
		if keyCompare(out.Entries[i-1].Key, out.Entries[i].Key) == 0 {
			return nil, fieldErr(path+"["+FormatValue(out.Entries[i].Key)+"]", ErrInvalidValue, "key given twice")
		}
	}
	return out, nil
}

func keyText(k any) string {
	if s, ok := k.(string); ok {
		return s
	}
	return FormatValue(k)
}

// sortEntries sorts map entries by key: integers by value, addresses by
// workchain (as the unsigned byte stored in the key) and then account id.
func sortEntries(entries []MapEntry) {
	sort.SliceStable(entries, func(i, j int) bool {
		return keyCompare(entries[i].Key, entries[j].Key) < 0
	})
}

func keyCompare(a, b any) int {
	switch x := a.(type) {
	case *big.Int:
		return x.Cmp(b.(*big.Int))
	case *address.Address:
		y := b.(*address.Address)
		if wa, wb := byte(x.Workchain()), byte(y.Workchain()); wa != wb {
			if wa < wb {
				return -1
			}
			return 1
		}
		return bytes.Compare(x.Data(), y.Data())
	}
	return 0
}

// isNil tells whether v is nil or a nil pointer, map or slice.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch r := reflect.ValueOf(v); r.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return r.IsNil()
	}
	return false
}

// describe writes an input value for an error message.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case *Struct:
		return "a " + x.Type
	case map[string]any:
		return "a map"
	}
	return fmt.Sprintf("%v (%T)", v, v)
}

// BigInt converts an integer in any form [ABI.Encode] takes for an Int
// field to a new *big.Int: Go integers, *big.Int, an integral float64,
// json.Number, or a string (decimal or 0x hex, optionally negative).
func BigInt(v any) (*big.Int, error) {
	return toBigInt(v)
}

func toBigInt(v any) (*big.Int, error) {
	switch x := v.(type) {
	case *big.Int:
		return new(big.Int).Set(x), nil
	case big.Int:
		return new(big.Int).Set(&x), nil
	case int:
		return big.NewInt(int64(x)), nil
	case int8:
		return big.NewInt(int64(x)), nil
	case int16:
		return big.NewInt(int64(x)), nil
	case int32:
		return big.NewInt(int64(x)), nil
	case int64:
		return big.NewInt(x), nil
	case uint:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint8:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint16:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint32:
		return new(big.Int).SetUint64(uint64(x)), nil
	case uint64:
		return new(big.Int).SetUint64(x), nil
	case float64:
		// JSON numbers: only integers below 2^53 are exact.
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			return nil, fmt.Errorf("%v is not an exact integer", x)
		}
		return big.NewInt(int64(x)), nil
	case json.Number:
		return ParseInt(string(x))
	case string:
		return ParseInt(x)
	}
	return nil, fmt.Errorf("%T is not an integer", v)
}

// ParseInt reads an integer as YAML and Go write one, with an optional
// sign: decimal (a leading zero is still decimal, as in YAML 1.2), or
// 0x, 0o, 0b, with underscores between digits ("1_000", "0x0F_05") as Go
// places them. It is the one integer syntax of tonsim's inputs: fields,
// expectations, waits and the command line's counts read it, and
// [ParseCoins] groups digits the same way.
func ParseInt(s string) (*big.Int, error) {
	t, ok := strings.TrimSpace(s), true
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	if t == "" || t[0] == '-' || t[0] == '+' {
		return nil, fmt.Errorf("%s is not an integer", Quote(s))
	}
	base := 0
	if len(t) > 1 && t[0] == '0' && (isDigit(t[1]) || t[1] == '_') {
		base = 10 // "010" and "0_10" are ten, not octal
		if t, ok = ungroup(t); !ok {
			return nil, fmt.Errorf("%s is not an integer", Quote(s))
		}
	}
	n, ok := new(big.Int).SetString(t, base)
	if !ok {
		return nil, fmt.Errorf("%s is not an integer", Quote(s))
	}
	if neg {
		n.Neg(n)
	}
	return n, nil
}

var one = big.NewInt(1)

// fits tells whether n can be stored by o.
func fits(o *op, n *big.Int) bool {
	switch o.kind {
	case opUint:
		return n.Sign() >= 0 && n.BitLen() <= o.bits
	case opInt:
		return fitsSigned(n, o.bits)
	case opVarUint:
		return n.Sign() >= 0 && n.BitLen() <= (o.varLen-1)*8
	default: // opVarInt
		return fitsSigned(n, (o.varLen-1)*8)
	}
}

// fitsSigned tells whether -2^(bits-1) <= n < 2^(bits-1).
func fitsSigned(n *big.Int, bits int) bool {
	if n.Sign() >= 0 {
		return n.BitLen() <= bits-1
	}
	// -n - 1 must fit bits-1 bits
	m := new(big.Int).Neg(n)
	m.Sub(m, one)
	return m.BitLen() <= bits-1
}

// toAddress converts an *address.Address or a raw ("0:…") or user-friendly
// string to a standard address; addr_none gives nil.
func toAddress(v any) (*address.Address, error) {
	switch x := v.(type) {
	case *address.Address:
		switch x.Type() {
		case address.NoneAddress:
			return nil, nil
		case address.StdAddress:
			if x.Anycast() != nil {
				return nil, fmt.Errorf("anycast addresses are not supported")
			}
			return address.NewAddress(0, byte(x.Workchain()), bytes.Clone(x.Data())), nil
		default:
			return nil, fmt.Errorf("only standard addresses are supported")
		}
	case string:
		return parseAddress(x)
	}
	return nil, fmt.Errorf("%T is not an address", v)
}

// ParseAddress reads a standard address, raw ("0:<64 hex digits>",
// "-1:…") or user-friendly (base64, either alphabet, padded or not).
func ParseAddress(s string) (*address.Address, error) {
	addr, err := parseAddress(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not an address: %v", ErrInvalidValue, Quote(s), err)
	}
	return addr, nil
}

func parseAddress(s string) (*address.Address, error) {
	t := strings.TrimSpace(s)
	if strings.Contains(t, ":") {
		return address.ParseRawAddr(t)
	}

	t = strings.TrimRight(strings.NewReplacer("+", "-", "/", "_").Replace(t), "=")
	addr, err := address.ParseAddr(t)
	if err != nil {
		// tonutils-go's message ends with the text it was given, which
		// [ParseAddress] quotes bounded.
		return nil, errors.New(strings.TrimSuffix(err.Error(), " "+t))
	}
	return address.NewAddress(0, byte(addr.Workchain()), addr.Data()), nil
}

// toCell converts a *tvmcell.Cell, Slice or Builder, or a hex or base64 BOC,
// to a cell.
func toCell(v any) (*tvmcell.Cell, error) {
	switch x := v.(type) {
	case *tvmcell.Cell:
		return x, nil
	case *tvmcell.Slice:
		return x.ToCell()
	case *tvmcell.Builder:
		return x.EndCell(), nil
	case string:
		return ParseBOC(x)
	}
	return nil, fmt.Errorf("%T is not a cell", v)
}

// toBytes converts a []byte or a hex string (optionally 0x-prefixed).
func toBytes(v any) ([]byte, error) {
	switch x := v.(type) {
	case []byte:
		return bytes.Clone(x), nil
	case string:
		t := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(x), "0x"), "0X")
		return hex.DecodeString(t)
	}
	return nil, fmt.Errorf("%T is not bytes", v)
}

// Zero returns a valid value of type t, the simplest there is: 0, false,
// an empty cell, "", the zero address, null for an optional or a map, and
// a struct of zero fields. It stands in for a value nobody gave.
func (a *ABI) Zero(t Type) any { return a.zero(t, 0) }

func (a *ABI) zero(t Type, depth int) any {
	if t.Optional || t.Kind == KindDict {
		return nil
	}
	switch t.Type {
	case "int", "uint":
		return big.NewInt(0)
	case "bool":
		return false
	case "address":
		return address.NewAddress(0, 0, make([]byte, 32))
	case "cell", "slice", "builder":
		return tvmcell.BeginCell().EndCell()
	case "string":
		return ""
	case "fixed-bytes":
		n := 32
		if t.Format == "64" {
			n = 64
		}
		return make([]byte, n)
	}
	td, err := a.Type(t.Type)
	if err != nil || depth > 8 {
		return nil
	}
	m := map[string]any{}
	for _, f := range td.Fields {
		m[f.Name] = a.zero(f.Type, depth+1)
	}
	return m
}

// StructOf builds a struct of the named type from field values by name, in
// the forms [ABI.Encode] takes, checking each against its type.
func (a *ABI) StructOf(name string, fields map[string]any) (*Struct, error) {
	return a.normalizeStruct(name, fields, name)
}
