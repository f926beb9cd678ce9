package upgradable

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// reader is what the new code reads the old data with.
type reader struct {
	name   string
	from   ReaderSource
	mode   ReadMode
	fields []LayoutField
	// at is where the sources read the data with it (ReaderSources).
	at Source
	// initArgs is set when a lazy migration hands the new code's init
	// arguments the envelope: init writes them (see [LayoutCheck.Init]),
	// args is how many.
	initArgs bool
	init     string
	args     int
}

// readers are what next may read the old data with: one reader, or, for a
// migration whose sources read the state in several branches (one per
// old layout, by a version byte), every one of them; guard is the init's
// check of the data before it reads it ([LayoutCheck.Guard]).
type readers struct {
	list  []*reader
	guard string
}

// findReaders finds what next reads the old data with under proto: its
// own storage when the data is kept or carried; else, when next has
// sources, every struct its init parses the migrated state with, in every
// branch and in the functions it hands the state to (none found: a reader
// of none, which no layout reads); only for a package without sources,
// the declared struct laid out like old, or closest to it.
func findReaders(next *cell.Package, proto *Protocol, old []LayoutField) (readers, error) {
	one := func(r *reader, err error) (readers, error) {
		if err != nil {
			return readers{}, err
		}
		return readers{list: []*reader{r}}, nil
	}
	switch {
	case proto.CarriesData():
		return one(ownStorage(next, ReadByName))
	case proto.Migration == MigrationNone:
		if next.Compiler.Name == "tact" {
			return one(ownStorage(next, ReadLenient))
		}
		return one(ownStorage(next, ReadStrict))
	}
	var exprs []string
	if next.Init.Prefix != nil {
		args := next.Init.Args
		switch {
		case len(args) == 1 && args[0].Type.Kind == cell.KindSimple && args[0].Type.Type == "cell" && !args[0].Type.Optional:
			exprs = []string{args[0].Name}
		default:
			// Init arguments: a lazy envelope hands them the old storage
			// (Chainlink's InitParams carries it in a cell), and so does an
			// eager upgrade's call of the new code's post-upgrade hook.
			if exprs = wrappedExprs(next, args); len(exprs) == 0 || len(next.Sources) == 0 {
				return one(&reader{name: next.Name, initArgs: true, init: initArgs(args), args: len(args)}, nil)
			}
		}
	}
	if len(next.Sources) == 0 {
		return one(closest(next, old), nil)
	}
	found := readsOfInit(next, exprs)
	out := readers{guard: found.Guard}
	for _, rd := range found.Reads {
		fields, err := layoutFields(next, rd.Struct)
		if err != nil {
			continue // a type of Tact's library, not a struct of the package
		}
		if !rd.slice {
			fields = expandBySource(next, rd.Struct, rd.Expr, fields)
		}
		r := &reader{name: rd.Struct, from: ReaderSources, mode: ReadStrict, fields: append(skipped(rd.Skip), fields...), at: rd.Source}
		if !slices.ContainsFunc(out.list, func(o *reader) bool { return o.name == r.name && len(o.fields) == len(r.fields) }) {
			out.list = append(out.list, r)
		}
	}
	if len(out.list) == 0 {
		out.list = []*reader{{name: strings.Join(exprs, ", "), from: ReaderNone, mode: ReadStrict}}
	}
	return out, nil
}

// skipped are the places a slice's read skips (or loads by hand) before
// the struct: one of bits each.
func skipped(bits []int) []LayoutField {
	out := make([]LayoutField, len(bits))
	for i, n := range bits {
		out[i] = LayoutField{Place: cell.Place{Name: "(skipped)", Type: cell.Type{Kind: cell.KindSimple, Type: "bits", Tolk: fmt.Sprintf("%d bits", n)},
			Index: i, Stored: fmt.Sprintf("%d bits", n)}, Skipped: n}
	}
	return out
}

// wrappedExprs are the cells of the struct a lazy envelope hands init
// (Chainlink's init(initParams: InitParams) with InitParams { header;
// stateToBeMigrated: Cell }) as the sources name them:
// "initParams.stateToBeMigrated".
func wrappedExprs(next *cell.Package, args []cell.Field) []string {
	if len(args) != 1 || args[0].Type.Kind != cell.KindSimple {
		return nil
	}
	t, err := next.ABI.Type(args[0].Type.Type)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range t.Fields {
		if f.Type.Kind == cell.KindSimple && f.Type.Type == "cell" {
			out = append(out, args[0].Name+"."+f.Name)
		}
	}
	return out
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
