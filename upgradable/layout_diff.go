package upgradable

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// FindingKind is one kind of change between the old storage and what the
// new code reads.
type FindingKind int

const (
	// FindingInsert: the new code reads a field the old storage lacks.
	FindingInsert FindingKind = iota
	// FindingRemove: the old storage holds a field the new code does not read.
	FindingRemove
	// FindingRetype: a field is stored another way (uint32 → uint64).
	FindingRetype
	// FindingReorder: a field comes before or after others than it did.
	FindingReorder
	// FindingRename: the same place, stored alike, under another name.
	FindingRename
	// FindingMove: the same field, read from another cell of the chain.
	FindingMove
	// FindingUnit: a storage unit's key holds another unit in the new code.
	FindingUnit
	// FindingReserved: a reserved optional ref is filled with an extension,
	// compatibly: it is the seed's way to grow a struct.
	FindingReserved
	// FindingInit: the new code's init takes init arguments, not the old
	// storage: it reads the envelope a lazy upgrade leaves as arguments.
	FindingInit
)

// findingKeys are the kinds as scenarios, the command line and JSON name
// them.
var findingKeys = map[FindingKind]string{FindingInsert: "insert", FindingRemove: "remove", FindingRetype: "retype",
	FindingReorder: "reorder", FindingRename: "rename", FindingMove: "move", FindingUnit: "unit",
	FindingReserved: "reserved", FindingInit: "init"}

// Key is the kind as scenarios name it in allow: insert, remove, retype,
// reorder, rename, move, unit, reserved, init.
func (k FindingKind) Key() string { return findingKeys[k] }

// FindingKeys returns every kind's key, in order.
func FindingKeys() []string {
	out := make([]string, 0, len(findingKeys))
	for k := FindingInsert; int(k) < len(findingKeys); k++ {
		out = append(out, k.Key())
	}
	return out
}

// ParseFindingKind reads a kind's key.
func ParseFindingKind(s string) (FindingKind, error) {
	for k, key := range findingKeys {
		if key == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("%q is no kind of layout change (kinds: %s)", s, strings.Join(FindingKeys(), ", "))
}

// Effect is what a finding does to the old data.
type Effect int

const (
	// EffectNone: nothing is lost or misread.
	EffectNone Effect = iota
	// EffectSilent: the new code reads the data, but a value is lost or
	// read as something else; a dry run cannot see it.
	EffectSilent
	// EffectBreaks: the new code's read of the data fails, or reads the
	// bits from the wrong places.
	EffectBreaks
	// EffectRefused: none of the new code's readers reads the data, and
	// its init checks the data first ([LayoutCheck.Guard], a version
	// check): it refuses the data rather than misreading it.
	EffectRefused
)

// Finding is one change between the old storage and what the new code
// reads. Package describe puts it into words.
type Finding struct {
	Kind FindingKind
	// Old is the field in the old storage, New the one the new code reads;
	// nil where there is none (an inserted field has no Old).
	Old, New *LayoutField
	Effect   Effect
	// Waived is set when the options say the change is intended.
	Waived bool
	// Unit names the storage unit a finding is about, "CounterUnit
	// (0x434e5452)": the key's constant and value. For FindingUnit, Old and
	// New are the unit before and after (the key's constant as the name,
	// the unit's struct as Struct), nil for a unit only one version reads.
	Unit string
	// Extension names the struct a filled reserved ref holds
	// (FindingReserved), "" when the new code reads it as a bare cell.
	Extension string
	// Err is why an entry of the account's data does not parse as the
	// unit the new code reads under its key (FindingUnit).
	Err error
	// Collision is set when the new code reads one key as two units.
	Collision bool
}

// pair is a field of the old storage and the one the new code reads as it.
type pair struct {
	old, read int
	renamed   bool // by name through the options, or by place
	explicit  bool // renamed through the options
}

// diff compares the old storage's fields with the reader's: which are the
// same field (by name, through the options' renames, or by place and
// serialization), and what changed. It reports whether the read goes
// through and how many leading places line up.
func diff(old, read []LayoutField, mode ReadMode, opts LayoutOptions, ext func(field string) string) ([]Finding, bool, int) {
	pairs, lonelyOld, lonelyRead := match(old, read, opts)
	inOrder := longestIncreasing(pairs)

	var out []Finding
	add := func(f Finding) {
		f.Waived = f.Waived || opts.allows(f.Kind)
		out = append(out, f)
	}
	for k, p := range pairs {
		o, r := &old[p.old], &read[p.read]
		if r.Skipped > 0 && alike(*o, *r) {
			// The lazy deployment bit is the envelope's, not a value; any
			// other field skipped is a value the new code drops.
			if p.old != 0 || o.Name != "lazyDeploymentBit" {
				add(Finding{Kind: FindingRemove, Old: o, New: r})
			}
			continue
		}
		switch {
		case reserved(old, p.old) && o.Stored == r.Stored:
			if x := extension(r, ext); x != "" || p.renamed || o.Type.String() != r.Type.String() {
				add(Finding{Kind: FindingReserved, Old: o, New: r, Extension: x})
			}
			continue
		case p.renamed:
			add(Finding{Kind: FindingRename, Old: o, New: r, Waived: p.explicit})
		}
		if !inOrder[k] && mode != ReadByName {
			add(Finding{Kind: FindingReorder, Old: o, New: r})
		}
		switch {
		case !alike(*o, *r):
			add(Finding{Kind: FindingRetype, Old: o, New: r})
		case o.Cell != r.Cell && mode != ReadByName:
			add(Finding{Kind: FindingMove, Old: o, New: r})
		}
	}
	for _, i := range lonelyOld {
		add(Finding{Kind: FindingRemove, Old: &old[i]})
	}
	for _, j := range lonelyRead {
		add(Finding{Kind: FindingInsert, New: &read[j]})
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return position(old, read, a) - position(old, read, b) })

	n := agree(old, read)
	reads := true
	switch mode {
	case ReadStrict:
		reads = n == len(old) && n == len(read)
	case ReadLenient:
		reads = n == len(read)
	}
	for i := range out {
		out[i].Effect = effect(out[i], mode, reads, n, old, read)
	}
	return out, reads, n
}

// match pairs the old fields with the read ones: by name (an old name the
// options rename goes by its new name), then, among the fields left
// between two pairs, by place where they are stored alike (a rename).
func match(old, read []LayoutField, opts LayoutOptions) (pairs []pair, lonelyOld, lonelyRead []int) {
	byName := map[string]int{}
	for j, r := range read {
		byName[r.Name] = j
	}
	usedRead := make([]bool, len(read))
	pairOf := make([]int, len(old))
	for i, o := range old {
		pairOf[i] = -1
		name, explicit := o.Name, false
		if to, ok := opts.Renamed[o.Name]; ok {
			name, explicit = to, true
		}
		if j, ok := byName[name]; ok && !usedRead[j] {
			usedRead[j], pairOf[i] = true, len(pairs)
			pairs = append(pairs, pair{old: i, read: j, renamed: explicit, explicit: explicit})
		}
	}
	// Between two pairs, a lonely old field and a lonely read one at the
	// same offset, stored alike, are one field renamed.
	lastRead := -1
	for i := 0; i < len(old); i++ {
		if pairOf[i] >= 0 {
			lastRead = max(lastRead, pairs[pairOf[i]].read)
			continue
		}
		j := lastRead + 1
		for j < len(read) && usedRead[j] {
			j++
		}
		if j < len(read) && alike(old[i], read[j]) {
			usedRead[j], pairOf[i] = true, len(pairs)
			pairs = append(pairs, pair{old: i, read: j, renamed: read[j].Skipped == 0})
			lastRead = j
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.old - b.old })
	for i := range old {
		if !slices.ContainsFunc(pairs, func(p pair) bool { return p.old == i }) {
			lonelyOld = append(lonelyOld, i)
		}
	}
	for j := range read {
		if !usedRead[j] {
			lonelyRead = append(lonelyRead, j)
		}
	}
	return pairs, lonelyOld, lonelyRead
}

// longestIncreasing marks the pairs (in old order) that keep their order
// among the read fields: a longest increasing run of read positions. The
// others moved.
func longestIncreasing(pairs []pair) []bool {
	n := len(pairs)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range pairs {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if pairs[j].read < pairs[i].read && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// position orders findings by the old field's place, else the read one's.
func position(old, read []LayoutField, f Finding) int {
	switch {
	case f.Old != nil:
		return 2 * index(old, f.Old)
	case f.New != nil:
		return 2*index(read, f.New) + 1
	}
	return 0
}

func index(fields []LayoutField, f *LayoutField) int {
	for i := range fields {
		if &fields[i] == f {
			return i
		}
	}
	return len(fields)
}

// effect says what a finding does to the data. By name, the upgrade
// writes fresh data: only a lost value or a narrowed one matters. By
// place, when the read goes through every finding is silent; when it does
// not, those from the first place that does not line up break it.
func effect(f Finding, mode ReadMode, reads bool, n int, old, read []LayoutField) Effect {
	if f.Kind == FindingReserved {
		return EffectNone
	}
	if mode == ReadByName {
		switch f.Kind {
		case FindingInsert, FindingReorder, FindingMove:
			return EffectNone
		case FindingRetype:
			if widens(f.Old.Stored, f.New.Stored) {
				return EffectNone
			}
		}
		return EffectSilent
	}
	if reads || f.Kind == FindingRename {
		return EffectSilent // a name is never read: a rename alone breaks nothing
	}
	at := len(old) + len(read)
	if f.Old != nil {
		at = index(old, f.Old)
	}
	if f.New != nil {
		at = min(at, index(read, f.New))
	}
	if at >= n {
		return EffectBreaks
	}
	return EffectSilent
}

// reserved reports whether old field i is a reserved optional ref: a
// maybe-ref last in its struct, named as reserved ("_reserved",
// "reserved", "ext").
func reserved(old []LayoutField, i int) bool {
	f := old[i]
	if f.Stored != "maybe ^cell" || i+1 < len(old) && old[i+1].Struct == f.Struct {
		return false
	}
	name := strings.ToLower(strings.TrimLeft(f.Name, "_"))
	return strings.HasPrefix(name, "reserved") || strings.HasPrefix(name, "ext")
}

// extension names the struct a reserved ref is read as: Tolk's
// Cell<Ext>?, or the struct the new code's sources parse the field with
// (ext), "" for a bare cell.
func extension(f *LayoutField, ext func(field string) string) string {
	t := f.Type.String()
	if i, j := strings.Index(t, "<"), strings.LastIndex(t, ">"); i >= 0 && j > i {
		return t[i+1 : j]
	}
	if ext != nil {
		return ext(f.Name)
	}
	return ""
}

// widens reports whether a value stored as from always fits to: an
// integer widened, or the same.
func widens(from, to string) bool {
	if from == to {
		return true
	}
	fs, fb, ok1 := intStored(from)
	ts, tb, ok2 := intStored(to)
	if !ok1 || !ok2 {
		return false
	}
	switch {
	case !fs && !ts, fs && ts:
		return tb >= fb
	case !fs && ts:
		return tb > fb
	}
	return false // signed into unsigned
}

// intStored reads "uint32", "int257", "coins" (up to 120 bits unsigned)
// and "varuintN"/"varintN" (up to 8·(N−1) bits).
func intStored(s string) (signed bool, bits int, ok bool) {
	switch {
	case s == "coins":
		return false, 120, true
	case strings.HasPrefix(s, "varuint"):
		n, err := strconv.Atoi(s[len("varuint"):])
		return false, 8 * (n - 1), err == nil
	case strings.HasPrefix(s, "varint"):
		n, err := strconv.Atoi(s[len("varint"):])
		return true, 8 * (n - 1), err == nil
	case strings.HasPrefix(s, "uint"):
		n, err := strconv.Atoi(s[len("uint"):])
		return false, n, err == nil
	case strings.HasPrefix(s, "int"):
		n, err := strconv.Atoi(s[len("int"):])
		return true, n, err == nil
	}
	return false, 0, false
}
