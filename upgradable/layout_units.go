package upgradable

import (
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Storage units, the seed's ink!/OpenBrush advice in cells: a storage field
// that maps a unit key to a cell, each logic unit a struct under a key of
// its own, so a version adds units without moving the others. A unit is
// known by the sources that read it: a constant key,
//
//	const CounterUnit: Int = 0x434e5452;
//
// and a function that gets it and parses it,
//
//	let c = self.units.get(CounterUnit); … CounterData.fromCell(c!!)

// unit is one storage unit of a package.
type unit struct {
	key    string // "0x434e5452"
	name   string // the constant naming it, "" for a literal key
	strukt string
	source Source // where the constant (or the read) is
}

// label is how a finding names the unit: "CounterUnit (0x434e5452)".
func (u unit) label() string {
	if u.name == "" {
		return u.key
	}
	return u.name + " (" + u.key + ")"
}

// field is the unit as a finding's field: the key's name, the struct.
func (u unit) field() *LayoutField {
	return &LayoutField{Place: cell.Place{Name: u.name}, Struct: u.strukt, Source: u.source}
}

// unitFields are the names of the storage fields, in old and read alike,
// that map keys to cells.
func unitFields(old, read []LayoutField) []string {
	var out []string
	for _, o := range old {
		if o.Type.Kind != cell.KindDict || o.Type.Value != "cell" {
			continue
		}
		for _, r := range read {
			if r.Name == o.Name && r.Type == o.Type {
				out = append(out, o.Name)
			}
		}
	}
	return out
}

// units finds the units pkg's sources read from map field: each key
// constant (or literal) got from it and the struct parsed after the get,
// in the same function. A key read as two structs is reported as a
// collision: the first unit, and the other.
func units(pkg *cell.Package, field string) (map[string]unit, [][2]unit) {
	out := map[string]unit{}
	var collisions [][2]unit
	if pkg == nil || len(pkg.Sources) == 0 {
		return out, nil
	}
	consts := constants(pkg)
	get, err := regexp.Compile(`\bself\s*\.\s*` + regexp.QuoteMeta(field) + `\s*\.\s*get\s*\(\s*(\w+)\s*\)`)
	if err != nil {
		return out, nil
	}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		src := stripComments(pkg.Sources[file])
		for _, b := range blocks(src) {
			for _, m := range get.FindAllSubmatchIndex(src[b[0]:b[1]], -1) {
				at := b[0] + m[0]
				ref := string(src[b[0]+m[2] : b[0]+m[3]])
				u, ok := consts[ref]
				if !ok {
					n, isNum := new(big.Int).SetString(strings.ReplaceAll(ref, "_", ""), 0)
					if !isNum {
						continue
					}
					u = unit{key: fmt.Sprintf("0x%x", n), source: Source{File: file, Line: lineOf(src, at)}}
				}
				if u.strukt = parsedAfter(pkg, src[at:b[1]]); u.strukt == "" {
					continue
				}
				if prev, seen := out[u.key]; seen && prev.strukt != u.strukt {
					collisions = append(collisions, [2]unit{prev, u})
					continue
				}
				if _, seen := out[u.key]; !seen {
					out[u.key] = u
				}
			}
		}
	}
	return out, collisions
}

// constants are the integer constants of pkg's sources, by name.
func constants(pkg *cell.Package) map[string]unit {
	re, err := regexp.Compile(`\bconst\s+(\w+)\s*:\s*Int\s*=\s*(0x[0-9a-fA-F_]+|[0-9][0-9_]*)\s*;`)
	if err != nil {
		return nil
	}
	out := map[string]unit{}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		src := stripComments(pkg.Sources[file])
		for _, m := range re.FindAllSubmatchIndex(src, -1) {
			n, ok := new(big.Int).SetString(strings.ReplaceAll(string(src[m[4]:m[5]]), "_", ""), 0)
			if !ok {
				continue
			}
			name := string(src[m[2]:m[3]])
			if _, dup := out[name]; !dup {
				out[name] = unit{key: fmt.Sprintf("0x%x", n), name: name, source: Source{File: file, Line: lineOf(src, m[0])}}
			}
		}
	}
	return out
}

// blocks splits a source at each function, receiver, init or getter: a
// unit's get and its parse sit in one of them.
func blocks(src []byte) [][2]int {
	re, err := regexp.Compile(`\b(?:fun|receive|init|external|bounced)\b`)
	if err != nil {
		return nil
	}
	starts := re.FindAllIndex(src, -1)
	out := make([][2]int, 0, len(starts))
	for i, s := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		out = append(out, [2]int{s[0], end})
	}
	return out
}

// parsedAfter is the first struct pkg declares that text parses a cell
// with ("S.fromCell(").
func parsedAfter(pkg *cell.Package, text []byte) string {
	re, err := regexp.Compile(`\b(\w+)\s*\.\s*fromCell\s*\(`)
	if err != nil {
		return ""
	}
	for _, m := range re.FindAllSubmatch(text, -1) {
		if t, err := pkg.ABI.Type(string(m[1])); err == nil && t.Header == nil {
			return string(m[1])
		}
	}
	return ""
}

func lineOf(src []byte, at int) int {
	return 1 + strings.Count(string(src[:at]), "\n")
}

// unitFindings compares the units current and next keep under each
// map-of-cells field both storages have: a key that holds another unit,
// a unit whose struct changed (its own findings, each with the unit), a
// new unit, a unit the new code no longer reads, and a key the new code
// reads as two units.
func unitFindings(current, next *cell.Package, old, read []LayoutField, opts LayoutOptions) []Finding {
	var out []Finding
	add := func(f Finding) {
		f.Waived = f.Waived || opts.allows(f.Kind)
		out = append(out, f)
	}
	for _, field := range unitFields(old, read) {
		before, _ := units(current, field)
		after, collisions := units(next, field)
		for _, c := range collisions {
			add(Finding{Kind: FindingUnit, Old: c[0].field(), New: c[1].field(), Unit: c[0].label(), Effect: EffectBreaks, Collision: true})
		}
		keys := slices.Sorted(maps.Keys(before))
		for k := range after {
			if _, ok := before[k]; !ok {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			b, inBefore := before[k]
			a, inAfter := after[k]
			switch {
			case !inAfter:
				add(Finding{Kind: FindingUnit, Old: b.field(), Unit: b.label()})
			case !inBefore:
				add(Finding{Kind: FindingUnit, New: a.field(), Unit: a.label()})
			default:
				out = append(out, unitChanges(current, next, b, a, opts)...)
			}
		}
	}
	return out
}

// unitChanges compares one unit's struct in both versions: another struct
// under the key is a unit finding; the same struct, changed, gives the
// findings of its fields.
func unitChanges(current, next *cell.Package, b, a unit, opts LayoutOptions) []Finding {
	oldFields, err1 := layoutFields(current, b.strukt)
	newFields, err2 := layoutFields(next, a.strukt)
	if err1 != nil || err2 != nil {
		return nil
	}
	if b.strukt != a.strukt {
		f := Finding{Kind: FindingUnit, Old: b.field(), New: a.field(), Unit: b.label(), Effect: EffectBreaks, Waived: opts.allows(FindingUnit)}
		if n := agree(oldFields, newFields); n == len(oldFields) && n == len(newFields) {
			f.Effect = EffectSilent // laid out alike: read, but as another unit
		}
		return []Finding{f}
	}
	ext := func(field string) string { return parsedFromField(next, field) }
	found, _, _ := diff(oldFields, newFields, ReadStrict, opts, ext)
	for i := range found {
		found[i].Unit = b.label()
	}
	return found
}

// unitData checks the entries of the old data's unit maps against the
// structs the new code reads them with: an entry that does not parse so
// breaks the unit, whatever the sources say.
func unitData(current, next *cell.Package, data *tvmcell.Cell, old, read []LayoutField, opts LayoutOptions) []Finding {
	st, err := current.DecodeStorage(data)
	if err != nil || !st.Initialized {
		return nil
	}
	var out []Finding
	for _, field := range unitFields(old, read) {
		after, _ := units(next, field)
		v, err := st.Fields.Get(field)
		if err != nil {
			continue
		}
		m, ok := v.(*cell.Map)
		if !ok {
			continue
		}
		for _, e := range m.Entries {
			key, isInt := e.Key.(*big.Int)
			c, isCell := e.Value.(*tvmcell.Cell)
			if !isInt || !isCell {
				continue
			}
			u, known := after[fmt.Sprintf("0x%x", key)]
			if !known {
				continue
			}
			if _, err := next.ABI.Decode(u.strukt, c); err != nil {
				out = append(out, Finding{Kind: FindingUnit, New: u.field(), Unit: u.label(), Effect: EffectBreaks, Err: err, Waived: opts.allows(FindingUnit)})
			}
		}
	}
	return out
}

// parsedFromField finds the struct pkg's sources parse a field's optional
// cell with: the S of "S.fromCell(self.field!!)" or "S.fromCell(c.field!!)".
func parsedFromField(pkg *cell.Package, field string) string {
	re, err := regexp.Compile(`\b(\w+)\s*\.\s*fromCell\s*\(\s*(?:\w+\s*\.\s*)*` + regexp.QuoteMeta(field) + `\s*!!\s*\)`)
	if err != nil {
		return ""
	}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		for _, m := range re.FindAllSubmatch(stripComments(pkg.Sources[file]), -1) {
			if _, err := pkg.ABI.Type(string(m[1])); err == nil {
				return string(m[1])
			}
		}
	}
	return ""
}
