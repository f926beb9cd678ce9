package cell

import (
	"fmt"
	"strings"
)

// Struct is a decoded struct or message: its fields in declaration order.
//
// Field values have these Go types: integers *big.Int, Bool bool, Address
// *address.Address, Cell, Slice and Builder *tvmcell.Cell, String string,
// fixed bytes []byte, structs *Struct, maps *Map, and nil for an absent
// optional value.
type Struct struct {
	Type   string
	Fields []FieldValue
}

// FieldValue is one field of a [Struct].
type FieldValue struct {
	Name  string
	Type  Type
	Value any
}

// Get returns the value of the named field.
func (s *Struct) Get(name string) (any, error) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f.Value, nil
		}
	}
	return nil, fmt.Errorf("%w %s in %s (fields: %s)", ErrUnknownField, Quote(name), s.Type, strings.Join(s.fieldNames(), ", "))
}

func (s *Struct) fieldNames() []string {
	names := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		names[i] = f.Name
	}
	return names
}

// Map is a decoded Tact map: its entries in ascending key order (integers by
// value, addresses by their bits).
type Map struct {
	Entries []MapEntry
}

// MapEntry is one key and value of a [Map]. Keys are *big.Int or
// *address.Address; values have the Go types listed at [Struct].
type MapEntry struct {
	Key   any
	Value any
}

// Len returns the number of entries.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return len(m.Entries)
}
