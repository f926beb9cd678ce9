package contract

import (
	"bytes"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// tagName is the struct tag that names a field in the ABI: `abi:"queryId"`.
const tagName = "abi"

var (
	bigIntType  = reflect.TypeOf((*big.Int)(nil))
	coinsType   = reflect.TypeOf(tlb.Coins{})
	addressType = reflect.TypeOf((*address.Address)(nil))
	cellType    = reflect.TypeOf((*tvmcell.Cell)(nil))
	structType  = reflect.TypeOf((*cell.Struct)(nil))
	mapType     = reflect.TypeOf((*cell.Map)(nil))
	bytesType   = reflect.TypeOf([]byte(nil))
)

// Input converts a Go value to the form package cell encodes (see
// [cell.Struct]), so typed values can be sent by the ABI:
//
//   - a struct becomes map[string]any by its fields' `abi:"name"` tags (a
//     field without one is named by its Go name with a lower-case first
//     letter; `abi:"-"` leaves it out); tlb.Coins becomes its nanotons;
//   - a nil pointer is an absent optional value, any other pointer its
//     value; *big.Int, *address.Address, *tvmcell.Cell, *cell.Struct and
//     *cell.Map are kept;
//   - a map with string keys becomes map[string]any (the keys as
//     [cell.FormatValue] writes them: raw addresses, decimals), any other
//     map a *cell.Map;
//   - integers, bools, strings and []byte are kept.
func Input(v any) (any, error) {
	return input(reflect.ValueOf(v), "value")
}

func input(v reflect.Value, path string) (any, error) {
	if !v.IsValid() {
		return nil, nil
	}
	switch v.Type() {
	case bigIntType, addressType, cellType, structType, mapType:
		if v.IsNil() {
			return nil, nil
		}
		return v.Interface(), nil
	case coinsType:
		return v.Interface().(tlb.Coins).Nano(), nil
	case bytesType:
		if v.IsNil() {
			return nil, nil
		}
		return bytes.Clone(v.Bytes()), nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return input(v.Elem(), path)
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint(), nil
	case reflect.Struct:
		out := map[string]any{}
		for i, f := range fields(v.Type()) {
			if f.name == "" {
				continue
			}
			x, err := input(v.Field(i), path+"."+f.name)
			if err != nil {
				return nil, err
			}
			out[f.name] = x
		}
		return out, nil
	case reflect.Map:
		if v.Type().Key().Kind() == reflect.String {
			out := make(map[string]any, v.Len())
			for it := v.MapRange(); it.Next(); {
				k := it.Key().String()
				x, err := input(it.Value(), path+"["+k+"]")
				if err != nil {
					return nil, err
				}
				out[k] = x
			}
			return out, nil
		}
		m := &cell.Map{}
		for it := v.MapRange(); it.Next(); {
			k, err := input(it.Key(), path+"[key]")
			if err != nil {
				return nil, err
			}
			x, err := input(it.Value(), path+"["+fmt.Sprint(k)+"]")
			if err != nil {
				return nil, err
			}
			m.Entries = append(m.Entries, cell.MapEntry{Key: k, Value: x})
		}
		return m, nil
	}
	return nil, fmt.Errorf("%s: %w: a %s has no ABI form", path, ErrGoType, v.Type())
}

// field is a struct field as the ABI names it; "" for a field left out.
type field struct{ name string }

func fields(t reflect.Type) []field {
	out := make([]field, t.NumField())
	for i := range out {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, ok := f.Tag.Lookup(tagName)
		switch {
		case name == "-":
			continue
		case !ok || name == "":
			r, size := utf8.DecodeRuneInString(f.Name)
			name = string(unicode.ToLower(r)) + f.Name[size:]
		}
		out[i] = field{name: name}
	}
	return out
}

// Unpack stores a value decoded by package cell (a field, a getter's
// result, a struct) in the Go value out points to, the inverse of
// [Input]: a *cell.Struct fills a struct by its fields' tags, a *big.Int
// any Go integer it fits (an error otherwise), tlb.Coins or *big.Int, a
// *cell.Map a Go map (integer keys into integers, address keys into raw
// strings "0:…" when the map's keys are strings), nil a pointer, map or
// slice as nil. An `any` takes the decoded value as it is.
func Unpack(decoded any, out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("%w: Unpack needs a non-nil pointer, got %T", ErrGoType, out)
	}
	return assign(v.Elem(), decoded, "value")
}

func assign(dst reflect.Value, v any, path string) error {
	t := dst.Type()
	if t.Kind() == reflect.Interface {
		if v == nil {
			dst.SetZero()
			return nil
		}
		rv := reflect.ValueOf(v)
		if !rv.Type().AssignableTo(t) {
			return mismatch(path, v, t)
		}
		dst.Set(rv)
		return nil
	}
	if v == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice:
			dst.SetZero()
			return nil
		}
		return fmt.Errorf("%s: %w: null cannot be a %s (make it a pointer)", path, ErrGoType, t)
	}
	switch t {
	case bigIntType:
		n, ok := v.(*big.Int)
		if !ok {
			return mismatch(path, v, t)
		}
		dst.Set(reflect.ValueOf(new(big.Int).Set(n)))
		return nil
	case coinsType:
		n, ok := v.(*big.Int)
		if !ok {
			return mismatch(path, v, t)
		}
		dst.Set(reflect.ValueOf(tlb.FromNanoTON(n)))
		return nil
	case addressType, cellType, structType, mapType, bytesType:
		rv := reflect.ValueOf(v)
		if rv.Type() != t {
			return mismatch(path, v, t)
		}
		dst.Set(rv)
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		if err := assign(elem.Elem(), v, path); err != nil {
			return err
		}
		dst.Set(elem)
		return nil
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return mismatch(path, v, t)
		}
		dst.SetBool(b)
		return nil
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return mismatch(path, v, t)
		}
		dst.SetString(s)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(*big.Int)
		if !ok {
			return mismatch(path, v, t)
		}
		if !n.IsInt64() || dst.OverflowInt(n.Int64()) {
			return fmt.Errorf("%s: %w: %s does not fit a %s", path, ErrGoType, n, t)
		}
		dst.SetInt(n.Int64())
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(*big.Int)
		if !ok {
			return mismatch(path, v, t)
		}
		if n.Sign() < 0 || !n.IsUint64() || dst.OverflowUint(n.Uint64()) {
			return fmt.Errorf("%s: %w: %s does not fit a %s", path, ErrGoType, n, t)
		}
		dst.SetUint(n.Uint64())
		return nil
	case reflect.Struct:
		s, ok := v.(*cell.Struct)
		if !ok {
			return mismatch(path, v, t)
		}
		for i, f := range fields(t) {
			if f.name == "" {
				continue
			}
			x, err := s.Get(f.name)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if err := assign(dst.Field(i), x, path+"."+f.name); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		m, ok := v.(*cell.Map)
		if !ok {
			return mismatch(path, v, t)
		}
		out := reflect.MakeMapWithSize(t, m.Len())
		for _, e := range m.Entries {
			k := reflect.New(t.Key()).Elem()
			if err := assignKey(k, e.Key, path); err != nil {
				return err
			}
			x := reflect.New(t.Elem()).Elem()
			if err := assign(x, e.Value, path+"["+cell.FormatValue(e.Key)+"]"); err != nil {
				return err
			}
			out.SetMapIndex(k, x)
		}
		dst.Set(out)
		return nil
	}
	return mismatch(path, v, t)
}

// assignKey stores a map key: as a Go integer, or written out when the Go
// map's keys are strings (a raw address, a decimal).
func assignKey(dst reflect.Value, key any, path string) error {
	if dst.Kind() == reflect.String {
		if a, ok := key.(*address.Address); ok {
			dst.SetString(a.StringRaw())
			return nil
		}
		dst.SetString(cell.FormatValue(key))
		return nil
	}
	return assign(dst, key, path+" key")
}

func mismatch(path string, v any, t reflect.Type) error {
	return fmt.Errorf("%s: %w: cannot put a %T in a %s", path, ErrGoType, v, t)
}

// Matches reports whether a decoded value (as package cell returns it)
// holds what want says, want being in any form [Input] takes or package
// cell encodes: integers of any Go type, *big.Int, tlb.Coins or decimal
// strings for an Int; an *address.Address or its text for an Address; a
// *tvmcell.Cell or its BOC for a cell (compared by hash); a map of
// field names, or a Go struct, for a struct, which must hold those
// fields (others are not compared); a Go map for a map, which must hold
// exactly those entries.
func Matches(decoded, want any) bool {
	w, err := Input(want)
	if err != nil {
		return false
	}
	return matches(decoded, w)
}

func matches(got, want any) bool {
	if want == nil {
		switch g := got.(type) {
		case nil:
			return true
		case *cell.Map:
			return g.Len() == 0
		}
		return false
	}
	switch g := got.(type) {
	case nil:
		return false
	case *big.Int:
		n, err := cell.BigInt(want)
		return err == nil && n.Cmp(g) == 0
	case bool:
		b, ok := want.(bool)
		return ok && b == g
	case string:
		s, ok := want.(string)
		return ok && s == g
	case []byte:
		b, ok := want.([]byte)
		return ok && bytes.Equal(b, g)
	case *address.Address:
		switch w := want.(type) {
		case *address.Address:
			return w.StringRaw() == g.StringRaw()
		case string:
			a, err := cell.ParseAddress(w)
			return err == nil && a.StringRaw() == g.StringRaw()
		}
		return false
	case *tvmcell.Cell:
		switch w := want.(type) {
		case *tvmcell.Cell:
			return bytes.Equal(w.Hash(), g.Hash())
		case string:
			c, err := cell.ParseBOC(w)
			return err == nil && bytes.Equal(c.Hash(), g.Hash())
		}
		return false
	case *cell.Struct:
		switch w := want.(type) {
		case map[string]any:
			for k, wv := range w {
				gv, err := g.Get(k)
				if err != nil || !matches(gv, wv) {
					return false
				}
			}
			return true
		case *cell.Struct:
			for _, f := range w.Fields {
				gv, err := g.Get(f.Name)
				if err != nil || !matches(gv, f.Value) {
					return false
				}
			}
			return len(w.Fields) == len(g.Fields)
		}
		return false
	case *cell.Map:
		return matchesMap(g, want)
	}
	return false
}

func matchesMap(g *cell.Map, want any) bool {
	var entries []cell.MapEntry
	switch w := want.(type) {
	case *cell.Map:
		entries = w.Entries
	case map[string]any:
		for k, v := range w {
			entries = append(entries, cell.MapEntry{Key: k, Value: v})
		}
	default:
		return false
	}
	if len(entries) != g.Len() {
		return false
	}
	for _, e := range entries {
		found := false
		for _, ge := range g.Entries {
			if keyMatches(ge.Key, e.Key) {
				found = matches(ge.Value, e.Value)
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// keyMatches compares a decoded key with a wanted one, which may be
// written out as text.
func keyMatches(got, want any) bool {
	if s, ok := want.(string); ok && strings.TrimSpace(s) == cell.FormatValue(got) {
		return true
	}
	return matches(got, want)
}
