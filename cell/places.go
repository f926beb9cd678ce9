package cell

import (
	"fmt"
	"strconv"
	"strings"
)

// Place is where one field of a layout sits: in which cell of the layout's
// chain (0 the root, 1 the continuation in the root's last ref, …) and at
// which position among that cell's fields, stored how.
type Place struct {
	Name string
	Type Type
	// Cell and Index locate the field; Stored writes how its bits and refs
	// are laid out ("uint32", "address", "coins", "^cell", "maybe ^cell",
	// "{uint32, address}"), the same text for the same serialization
	// whatever the names.
	Cell, Index int
	Stored      string
}

// String writes "name: Int as uint32 (cell 1, field 2)".
func (p Place) String() string {
	return fmt.Sprintf("%s: %s (cell %d, field %d)", p.Name, p.Type, p.Cell, p.Index)
}

// Places returns where the fields of the named struct or message sit when
// it is serialized on its own (fromCell in Tact, a Tolk struct): the
// message opcode, when it has one, is not a field.
func (a *ABI) Places(name string) ([]Place, error) {
	l, err := a.layout(name)
	if err != nil {
		return nil, err
	}
	return a.places(l, 0), nil
}

// StoragePlaces returns where the fields of the contract's initialized
// storage sit, as the contract writes it: for a Tact contract with a
// lazy-deployment bit, that bit first (a Bool named lazyDeploymentBit, as
// the seed's layout structs name it), then the contract's fields.
func (p *Package) StoragePlaces() ([]Place, error) {
	l, err := p.storageLayout()
	if err != nil {
		return nil, err
	}
	var out []Place
	shift := 0
	if pr := p.Init.Prefix; pr != nil {
		stored := "bool"
		if pr.Bits != 1 {
			stored = "uint" + strconv.Itoa(pr.Bits)
		}
		out = append(out, Place{Name: "lazyDeploymentBit", Type: Type{Kind: KindSimple, Type: "bool"}, Stored: stored})
		shift = 1
	}
	return append(out, p.ABI.places(l, shift)...), nil
}

// places lists a layout's fields cell by cell; shift is how many places
// the root cell holds before them.
func (a *ABI) places(l *layout, shift int) []Place {
	var out []Place
	for k, seg := 0, l.root; seg != nil; k, seg = k+1, seg.next {
		first := 0
		if k == 0 {
			first = shift
		}
		for i, fi := range seg.fields {
			f := l.fields[fi]
			out = append(out, Place{Name: f.name, Type: f.typ, Cell: k, Index: first + i, Stored: a.stored(f.op, 0)})
		}
	}
	return out
}

// stored writes how o lays out a value.
func (a *ABI) stored(o *op, depth int) string {
	s := a.storedBare(o, depth)
	if o.optional && o.kind != opAddress {
		return "maybe " + s
	}
	return s
}

func (a *ABI) storedBare(o *op, depth int) string {
	switch o.kind {
	case opInt:
		return "int" + strconv.Itoa(o.bits)
	case opUint:
		return "uint" + strconv.Itoa(o.bits)
	case opVarInt, opVarUint:
		return o.name
	case opBool:
		return "bool"
	case opAddress:
		if o.optional {
			return "address?"
		}
		return "address"
	case opCell:
		if o.remainder {
			return "rest"
		}
		return "^cell"
	case opString:
		return "^string"
	case opFixedBytes:
		return "bits" + strconv.Itoa(o.bits)
	case opMap:
		return "dict"
	case opUnion:
		return "union " + o.name
	}
	// opStruct
	l, err := a.layout(o.name)
	if err != nil || depth > 8 {
		return o.name
	}
	parts := make([]string, len(l.fields))
	for i, f := range l.fields {
		parts[i] = a.stored(f.op, depth+1)
	}
	s := "{" + strings.Join(parts, ", ") + "}"
	if l.prefix != nil {
		s = fmt.Sprintf("#%x%s", l.prefix.value, s)
	}
	if o.ref {
		return "^" + s
	}
	return s
}
