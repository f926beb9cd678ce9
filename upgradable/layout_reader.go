package upgradable

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// reader is what the new code reads the old data with.
type reader struct {
	name   string
	from   ReaderSource
	mode   ReadMode
	fields []LayoutField
	// initArgs is set when a lazy migration hands the new code's init
	// arguments the envelope: init writes them (see [LayoutCheck.Init]),
	// args is how many.
	initArgs bool
	init     string
	args     int
}

// findReader finds what next reads the old data with under proto: its own
// storage when the data is kept or carried, else the struct its migration
// parses the old storage with, by its sources when they say, else the
// declared struct laid out like old (or closest to it).
func findReader(next *cell.Package, proto *Protocol, old []LayoutField) (*reader, error) {
	switch {
	case proto.CarriesData():
		return ownStorage(next, ReadByName)
	case proto.Migration == MigrationNone:
		if next.Compiler.Name == "tact" {
			return ownStorage(next, ReadLenient)
		}
		return ownStorage(next, ReadStrict)
	}
	if proto.Migration == MigrationLazy && next.Init.Prefix != nil {
		args := next.Init.Args
		if len(args) != 1 || args[0].Type.Kind != cell.KindSimple || args[0].Type.Type != "cell" || args[0].Type.Optional {
			if r := wrappedReader(next, args); r != nil {
				return r, nil
			}
			return &reader{name: next.Name, initArgs: true, init: initArgs(args), args: len(args)}, nil
		}
		param := args[0].Name
		if s := parsedWith(next, param); s != "" {
			fields, err := layoutFields(next, s)
			if err != nil {
				return nil, err
			}
			return &reader{name: s, from: ReaderSources, mode: ReadStrict, fields: expandBySource(next, s, param, fields)}, nil
		}
	}
	return closest(next, old), nil
}

// wrappedReader finds the reader of an envelope that hands init a struct
// carrying the old data in a cell field (Chainlink's init(initParams:
// InitParams) with InitParams { header; stateToBeMigrated: Cell }): the
// struct the sources parse that field with ("InitParamsV1Layout.fromCell(
// initParams.stateToBeMigrated)"). nil when there is none.
func wrappedReader(next *cell.Package, args []cell.Field) *reader {
	if len(args) != 1 || args[0].Type.Kind != cell.KindSimple {
		return nil
	}
	t, err := next.ABI.Type(args[0].Type.Type)
	if err != nil {
		return nil
	}
	for _, f := range t.Fields {
		if f.Type.Kind != cell.KindSimple || f.Type.Type != "cell" {
			continue
		}
		param := args[0].Name + "." + f.Name
		s := parsedWith(next, param)
		if s == "" {
			continue
		}
		fields, err := layoutFields(next, s)
		if err != nil {
			return nil
		}
		return &reader{name: s, from: ReaderSources, mode: ReadStrict, fields: expandBySource(next, s, param, fields)}
	}
	return nil
}

// ownStorage is next's storage as the reader.
func ownStorage(next *cell.Package, mode ReadMode) (*reader, error) {
	places, err := next.StoragePlaces()
	if err != nil {
		return nil, fmt.Errorf("%w of %s: %w", ErrNoLayout, next.Name, err)
	}
	name := storageName(next)
	return &reader{name: name, from: ReaderStorage, mode: mode, fields: withSources(next, name, places)}, nil
}

// layoutFields are the places of next's struct name with their sources.
func layoutFields(next *cell.Package, name string) ([]LayoutField, error) {
	places, err := next.ABI.Places(name)
	if err != nil {
		return nil, fmt.Errorf("%w of %s: %w", ErrNoLayout, name, err)
	}
	return withSources(next, name, places), nil
}

// closest tries every struct next declares, without an opcode: the one laid
// out exactly as old, else the one agreeing with it longest. A struct
// ending in a cell that holds the rest of the old storage is tried with
// each struct that could parse that cell.
func closest(next *cell.Package, old []LayoutField) *reader {
	var names []string
	for _, t := range next.ABI.Types {
		if t.Header == nil && declared(next, t.Name) {
			names = append(names, t.Name)
		}
	}
	best := &reader{from: ReaderNone, mode: ReadStrict}
	score := -1
	for _, name := range names {
		fields, err := layoutFields(next, name)
		if err != nil {
			continue
		}
		fields = expandByMatch(next, names, old, fields)
		n := agree(old, fields)
		if n == len(old) && n == len(fields) {
			return &reader{name: name, from: ReaderMatch, mode: ReadStrict, fields: fields}
		}
		if n > score {
			score = n
			best = &reader{name: name, from: ReaderClosest, mode: ReadStrict, fields: fields}
		}
	}
	return best
}

// rest returns the index of the field of fields that holds the rest of the
// data in a cell of its own (a ^cell last in its cell, where old goes on
// in the next cell), -1 when none does.
func rest(old, fields []LayoutField) int {
	for i, f := range fields {
		last := i+1 == len(fields) || fields[i+1].Cell != f.Cell
		if f.Stored == "^cell" && last && hasCell(old, f.Cell+1) {
			return i
		}
	}
	return -1
}

func hasCell(fields []LayoutField, c int) bool {
	for _, f := range fields {
		if f.Cell == c {
			return true
		}
	}
	return false
}

// expandBySource replaces the field holding the rest of the data with the
// places of the struct the sources parse it with: "let v1 =
// VaultV1Layout.fromCell(stateToBeMigrated); VaultV1Rest.fromCell(v1.rest)".
func expandBySource(next *cell.Package, s, param string, fields []LayoutField) []LayoutField {
	v := boundTo(next, s, param)
	if v == "" {
		return fields
	}
	for i, f := range fields {
		last := i+1 == len(fields) || fields[i+1].Cell != f.Cell
		if f.Stored != "^cell" || !last {
			continue
		}
		t := parsedWith(next, v+"."+f.Name)
		if t == "" {
			continue
		}
		inner, err := layoutFields(next, t)
		if err != nil {
			continue
		}
		return splice(fields, i, inner)
	}
	return fields
}

// expandByMatch replaces the field holding the rest of the data with the
// struct among names that reads old's rest exactly, when one does.
func expandByMatch(next *cell.Package, names []string, old, fields []LayoutField) []LayoutField {
	i := rest(old, fields)
	if i < 0 {
		return fields
	}
	for _, t := range names {
		inner, err := layoutFields(next, t)
		if err != nil {
			continue
		}
		spliced := splice(fields, i, inner)
		if n := agree(old, spliced); n == len(old) && n == len(spliced) {
			return spliced
		}
	}
	return fields
}

// splice puts inner's places in the cell after field i's, in its stead.
func splice(fields []LayoutField, i int, inner []LayoutField) []LayoutField {
	out := append([]LayoutField(nil), fields[:i]...)
	for _, f := range inner {
		f.Cell += fields[i].Cell + 1
		out = append(out, f)
	}
	return append(out, fields[i+1:]...)
}

// initArgs writes init arguments as Tact declares them.
func initArgs(args []cell.Field) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Name + ": " + a.Type.String()
	}
	return strings.Join(parts, ", ")
}
