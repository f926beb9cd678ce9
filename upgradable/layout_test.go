package upgradable_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// A small Tact package built in a test: a contract's fields, a struct or
// two, an init, and a source declaring them one field a line, so findings
// name real lines.
type tactPkg struct {
	name    string
	storage []string            // "owner: address", "count: uint32"
	structs map[string][]string // struct name → fields
	order   []string            // the structs, in source order
	init    []string            // init arguments; nil: init(stateToBeMigrated: Cell)
	body    string              // the init's body, for the sources
	extra   string              // more source after the contract
}

// abiType writes a field type of the test's shorthand as Tact's ABI does.
func abiType(t *testing.T, s string) map[string]any {
	t.Helper()
	opt := strings.HasSuffix(s, "?")
	s = strings.TrimSuffix(s, "?")
	out := map[string]any{"kind": "simple", "optional": opt}
	switch {
	case strings.HasPrefix(s, "uint"):
		out["type"], out["format"] = "uint", json.Number(s[4:])
	case strings.HasPrefix(s, "int"):
		out["type"], out["format"] = "int", json.Number(s[3:])
	case s == "coins":
		out["type"], out["format"] = "uint", "coins"
	case s == "map32cell":
		return map[string]any{"kind": "dict", "key": "uint", "keyFormat": 32, "value": "cell", "valueFormat": "ref"}
	case s == "address", s == "cell", s == "bool", s == "string":
		out["type"] = s
	default:
		out["type"] = s // a struct
	}
	return out
}

func tactFields(t *testing.T, fields []string) []map[string]any {
	out := []map[string]any{}
	for _, f := range fields {
		name, typ, ok := strings.Cut(f, ": ")
		require.True(t, ok, f)
		out = append(out, map[string]any{"name": name, "type": abiType(t, typ)})
	}
	return out
}

// tactSource writes the package's source: structs, then the contract.
func (p tactPkg) source() string {
	var b strings.Builder
	for _, s := range p.order {
		fmt.Fprintf(&b, "struct %s {\n", s)
		for _, f := range p.structs[s] {
			fmt.Fprintf(&b, "    %s;\n", f)
		}
		b.WriteString("}\n\n")
	}
	fmt.Fprintf(&b, "contract %s {\n", p.name)
	for _, f := range p.storage {
		fmt.Fprintf(&b, "    %s;\n", f)
	}
	if p.init == nil {
		fmt.Fprintf(&b, "\n    init(stateToBeMigrated: Cell) {\n        %s\n    }\n", p.body)
	} else {
		fmt.Fprintf(&b, "\n    init(%s) {\n        %s\n    }\n", strings.Join(p.init, ", "), p.body)
	}
	b.WriteString("}\n")
	b.WriteString(p.extra)
	return b.String()
}

// build makes the .pkg and parses it as tonsim does.
func (p tactPkg) build(t *testing.T) *cell.Package {
	t.Helper()
	types := []map[string]any{{"name": p.name + "$Data", "header": nil, "fields": tactFields(t, p.storage)}}
	for _, s := range p.order {
		types = append(types, map[string]any{"name": s, "header": nil, "fields": tactFields(t, p.structs[s])})
	}
	abi, err := json.Marshal(map[string]any{"name": p.name, "types": types, "receivers": []any{}, "getters": []any{}, "errors": map[string]any{}})
	require.NoError(t, err)
	args := tactFields(t, []string{"stateToBeMigrated: cell"})
	if p.init != nil {
		args = tactFields(t, p.init)
	}
	code := tvmcell.BeginCell().EndCell().ToBOC()
	pkg, err := json.Marshal(map[string]any{
		"name": p.name, "code": base64.StdEncoding.EncodeToString(code), "abi": string(abi),
		"init":     map[string]any{"kind": "direct", "args": args, "prefix": map[string]any{"bits": 1, "value": 0}, "deployment": map[string]any{"kind": "system-cell"}},
		"sources":  map[string]string{strings.ToLower(p.name) + ".tact": base64.StdEncoding.EncodeToString([]byte(p.source()))},
		"compiler": map[string]any{"name": "tact", "version": "1.6.13", "parameters": "{}"},
	})
	require.NoError(t, err)
	out, err := cell.ParsePackage(pkg)
	require.NoError(t, err)
	return out
}

var v1 = tactPkg{name: "V1", storage: []string{"owner: address", "a: uint32", "b: uint32"}, init: []string{"owner: address"}}

// migrating is a V2 whose init parses the old storage with layout.
func migrating(layout ...string) tactPkg {
	return tactPkg{name: "V2", storage: []string{"owner: address", "a: uint32", "b: uint32"},
		structs: map[string][]string{"V1Layout": layout}, order: []string{"V1Layout"},
		body: "let v1 = V1Layout.fromCell(stateToBeMigrated);"}
}

// kept is a V2 read from the same data: its own storage.
func kept(storage ...string) tactPkg {
	return tactPkg{name: "V2", storage: storage, init: []string{"owner: address"}}
}

// found writes findings as "kind field effect", "+ allowed" when waived.
func found(l *upgradable.LayoutCheck) []string {
	effects := map[upgradable.Effect]string{upgradable.EffectNone: "none", upgradable.EffectSilent: "silent", upgradable.EffectBreaks: "breaks", upgradable.EffectRefused: "refused"}
	var out []string
	for _, f := range l.Findings {
		name := ""
		switch {
		case f.New != nil:
			name = f.New.Name
		case f.Old != nil:
			name = f.Old.Name
		}
		s := strings.Join(strings.Fields(f.Kind.Key()+" "+name+" "+effects[f.Effect]), " ")
		if f.Waived {
			s += " allowed"
		}
		out = append(out, s)
	}
	return out
}

// TestCompareLayouts checks every kind of change, under each way the new
// code reads the old data: a migration struct (strict: nothing missing,
// nothing left over), its own storage (Tact's lenient load), and data the
// upgrade carries, written by name.
func TestCompareLayouts(t *testing.T) {
	lazy, _ := upgradable.ProtocolByName(upgradable.ProtocolChainlinkTact)
	staged, _ := upgradable.ProtocolByName(upgradable.ProtocolStaged)
	direct, _ := upgradable.ProtocolByName(upgradable.ProtocolDirect)
	tests := []struct {
		name       string
		old, next  tactPkg
		proto      *upgradable.Protocol
		opts       upgradable.LayoutOptions
		want       []string
		reads      bool
		compatible bool
	}{
		{name: "a migration struct laid out as the storage", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint32"),
			proto: lazy, reads: true, compatible: true},
		{name: "inserted in the middle", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "x: uint8", "b: uint32"),
			proto: lazy, want: []string{"insert x breaks"}},
		{name: "removed: a struct fails on what is left over", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32"),
			proto: lazy, want: []string{"remove b breaks"}},
		{name: "retyped", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint64"),
			proto: lazy, want: []string{"retype b breaks"}},
		{name: "reordered alike: the bits line up, the values swap", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "b: uint32", "a: uint32"),
			proto: lazy, reads: true, want: []string{"reorder b silent"}},
		{name: "reordered, allowed", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "b: uint32", "a: uint32"),
			proto: lazy, opts: upgradable.LayoutOptions{Allow: []upgradable.FindingKind{upgradable.FindingReorder}},
			reads: true, compatible: true, want: []string{"reorder b silent allowed"}},
		{name: "renamed", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "c: uint32"),
			proto: lazy, reads: true, want: []string{"rename c silent"}},
		{name: "renamed on purpose", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "c: uint32"),
			proto: lazy, opts: upgradable.LayoutOptions{Renamed: map[string]string{"b": "c"}},
			reads: true, compatible: true, want: []string{"rename c silent allowed"}},
		{name: "renamed and retyped", old: v1, next: migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "c: uint64"),
			proto: lazy, opts: upgradable.LayoutOptions{Renamed: map[string]string{"b": "c"}},
			want: []string{"rename c silent allowed", "retype c breaks"}},
		{name: "no lazy-deployment bit", old: v1, next: migrating("owner: address", "a: uint32", "b: uint32"),
			proto: lazy, want: []string{"remove lazyDeploymentBit breaks"}},
		{name: "an init with arguments reads the envelope", old: v1, next: kept("owner: address", "a: uint32", "b: uint32"),
			proto: lazy, want: []string{"init breaks"}},
		{name: "an init without arguments starts afresh", old: v1, next: tactPkg{name: "V2", storage: []string{"owner: address"}, init: []string{}},
			proto: lazy, reads: true, want: []string{"init silent"}},
		{name: "kept: the same storage", old: v1, next: kept("owner: address", "a: uint32", "b: uint32"),
			proto: staged, reads: true, compatible: true},
		{name: "kept: a field dropped at the end still loads", old: v1, next: kept("owner: address", "a: uint32"),
			proto: staged, reads: true, want: []string{"remove b silent"}},
		{name: "kept: a field added at the end is read past the data", old: v1, next: kept("owner: address", "a: uint32", "b: uint32", "c: uint8"),
			proto: staged, want: []string{"insert c breaks"}},
		{name: "kept: a reserved ref filled", old: tactPkg{name: "V1", storage: []string{"owner: address", "_reserved: cell?"}, init: []string{"owner: address"}},
			next: kept("owner: address", "ext: cell?"), proto: staged, reads: true, compatible: true, want: []string{"reserved ext none"}},
		{name: "kept: a reserved ref read inline", old: tactPkg{name: "V1", storage: []string{"owner: address", "_reserved: cell?"}, init: []string{"owner: address"}},
			next: kept("owner: address", "ext: uint8?"), proto: staged, want: []string{"remove _reserved breaks", "insert ext breaks"}},
		{name: "carried: reordered, widened and added by name", old: v1, next: kept("b: uint64", "owner: address", "a: uint32", "c: uint8"),
			proto: direct, reads: true, compatible: true, want: []string{"retype b none", "insert c none"}},
		{name: "carried: narrowed", old: v1, next: kept("owner: address", "a: uint32", "b: uint8"),
			proto: direct, reads: true, want: []string{"retype b silent"}},
		{name: "carried: narrowed, allowed", old: v1, next: kept("owner: address", "a: uint32", "b: uint8"),
			proto: direct, opts: upgradable.LayoutOptions{Allow: []upgradable.FindingKind{upgradable.FindingRetype}},
			reads: true, compatible: true, want: []string{"retype b silent allowed"}},
		{name: "carried: a field dropped", old: v1, next: kept("owner: address", "a: uint32"),
			proto: direct, reads: true, want: []string{"remove b silent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := upgradable.CompareLayouts(tt.old.build(t), tt.next.build(t), tt.proto, tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, found(l), describe.Layout(l))
			assert.Equal(t, tt.reads, l.Reads, "reads")
			assert.Equal(t, tt.compatible, l.Compatible(), "compatible")
		})
	}
}

// TestLayoutSources checks that findings name the lines declaring the
// fields, in the package's own sources.
func TestLayoutSources(t *testing.T) {
	lazy, _ := upgradable.ProtocolByName(upgradable.ProtocolChainlinkTact)
	next := migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint64")
	l, err := upgradable.CompareLayouts(v1.build(t), next.build(t), lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	require.Len(t, l.Findings, 1)
	f := l.Findings[0]
	// v1.tact: "contract V1 {" on line 1, b on line 4; v2.tact: the struct's b on line 5.
	assert.Equal(t, upgradable.Source{File: "v1.tact", Line: 4}, f.Old.Source)
	assert.Equal(t, upgradable.Source{File: "v2.tact", Line: 5}, f.New.Source)
	assert.Equal(t, upgradable.ReaderSources, l.ReaderFrom, "found by init's V1Layout.fromCell(stateToBeMigrated)")
	assert.Equal(t, "retyped b: Int as uint32 → Int as uint64 (v1.tact:4 → v2.tact:5): breaks the read",
		describe.LayoutFinding(l, f))
}

// TestLayoutReaderFound checks how the reader is found: by the sources;
// for a package with sources whose init reads the state with no struct,
// none (a struct laid out like the storage that the code never reads
// with does not make it compatible); for a package without sources, the
// struct laid out as the storage, else the closest; and a continuation
// cell parsed by a struct of its own.
func TestLayoutReaderFound(t *testing.T) {
	lazy, _ := upgradable.ProtocolByName(upgradable.ProtocolChainlinkTact)
	silent := migrating("lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint32")
	silent.body = "// the sources name no struct here"
	l, err := upgradable.CompareLayouts(v1.build(t), silent.build(t), lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	assert.Equal(t, upgradable.ReaderNone, l.ReaderFrom, describe.Layout(l))
	assert.False(t, l.Compatible(), "a struct the code never reads with is no reader: %s", describe.Layout(l))
	assert.Contains(t, describe.Layout(l), "the sources of V2's init show no fromCell or fromSlice of stateToBeMigrated")

	bare := silent.build(t)
	bare.Sources = nil
	l, err = upgradable.CompareLayouts(v1.build(t), bare, lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	assert.Equal(t, upgradable.ReaderMatch, l.ReaderFrom, "without sources, the struct laid out as the storage")
	assert.Equal(t, "V1Layout", l.Reader)

	silent.structs["V1Layout"] = []string{"lazyDeploymentBit: bool", "owner: address", "a: uint64"}
	bare = silent.build(t)
	bare.Sources = nil
	l, err = upgradable.CompareLayouts(v1.build(t), bare, lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	assert.Equal(t, upgradable.ReaderClosest, l.ReaderFrom)
	assert.False(t, l.Compatible())

	vaults := contracts.Builtins()
	l, err = upgradable.CompareLayouts(vaults["vault.v1"], vaults["vault.v2"], lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	assert.True(t, l.Compatible(), describe.Layout(l))
	assert.Equal(t, "VaultV1Rest", l.Read[len(l.Read)-1].Struct, "v1.rest read as VaultV1Rest, in the second cell")
	l, err = upgradable.CompareLayouts(vaults["vault.v1"], vaults["vault.v2bad"], lazy, upgradable.LayoutOptions{})
	require.NoError(t, err)
	assert.Equal(t, upgradable.FindingMove, l.Findings[0].Kind, describe.Layout(l))
}

func TestParseFindingKind(t *testing.T) {
	for _, key := range upgradable.FindingKeys() {
		k, err := upgradable.ParseFindingKind(key)
		require.NoError(t, err)
		assert.Equal(t, key, k.Key())
	}
	_, err := upgradable.ParseFindingKind("reorderd")
	assert.ErrorContains(t, err, `"reorderd" is no kind of layout change`)
}

// unitsV is a version of a family keeping storage units in a map of
// cells, each read by a function of the source.
func unitsV(name string, structs map[string][]string, order []string, extra string) tactPkg {
	return tactPkg{name: name, storage: []string{"owner: address", "units: map32cell"}, init: []string{"owner: address"},
		structs: structs, order: order, extra: extra}
}

const counterUnit = `
const CounterUnit: Int = 0x434e5452;

fun counter(): CounterData {
    let c = self.units.get(CounterUnit);
    return CounterData.fromCell(c!!);
}
`

var (
	counterData = []string{"value: uint64", "bumps: uint32", "reserved: cell?"}
	unitsV1     = unitsV("U1", map[string][]string{"CounterData": counterData}, []string{"CounterData"}, counterUnit)
	// unitsV2 adds a unit and fills the counter's reserved ref.
	unitsV2 = unitsV("U2", map[string][]string{"CounterData": counterData, "LimitData": {"max: uint64", "reserved: cell?"},
		"CounterExtension": {"lastBumper: address?", "reserved: cell?"}},
		[]string{"CounterData", "LimitData", "CounterExtension"}, counterUnit+`
const LimitUnit: Int = 0x4c494d54;

fun limit(): LimitData {
    let c = self.units.get(LimitUnit);
    return LimitData.fromCell(c!!);
}

fun extension(c: CounterData): CounterExtension {
    return CounterExtension.fromCell(c.reserved!!);
}
`)
	// unitsReused keeps its limit under the counter's key.
	unitsReused = unitsV("U3", map[string][]string{"LimitData": {"max: uint64", "reserved: cell?"}}, []string{"LimitData"}, `
const LimitUnit: Int = 0x434e5452;

fun limit(): LimitData {
    let c = self.units.get(LimitUnit);
    return LimitData.fromCell(c!!);
}
`)
	// unitsTwice reads one key as two units.
	unitsTwice = unitsV("U4", map[string][]string{"CounterData": counterData, "LimitData": {"max: uint64", "reserved: cell?"}},
		[]string{"CounterData", "LimitData"}, counterUnit+`
const LimitUnit: Int = 0x434e5452;

fun limit(): LimitData {
    let c = self.units.get(LimitUnit);
    return LimitData.fromCell(c!!);
}
`)
	// unitsWidened widens the counter unit's bumps.
	unitsWidened = unitsV("U5", map[string][]string{"CounterData": {"value: uint64", "bumps: uint64", "reserved: cell?"}}, []string{"CounterData"}, counterUnit)
)

// TestLayoutUnits checks storage units: a new unit under a key of its own
// and a reserved ref filled are compatible with no migration at all; a key
// reused for another unit, a key read as two units and a unit's struct
// changed are not.
func TestLayoutUnits(t *testing.T) {
	setCode, _ := upgradable.ProtocolByName(upgradable.ProtocolStaged)
	tests := []struct {
		name       string
		old, next  tactPkg
		want       []string
		compatible bool
		text       string
	}{
		{name: "a unit added, the reserved ref filled", old: unitsV1, next: unitsV2, compatible: true,
			want: []string{"reserved reserved none", "unit LimitUnit none"},
			text: "a new unit LimitData under LimitUnit (0x4c494d54), a key of its own: nothing else moves (u2.tact:"},
		{name: "the way back: a unit no longer read", old: unitsV2, next: unitsV1, compatible: true,
			want: []string{"unit LimitUnit none"}},
		{name: "a key reused for another unit", old: unitsV1, next: unitsReused,
			want: []string{"unit LimitUnit breaks"},
			text: "unit key CounterUnit (0x434e5452) held CounterData, and the new code reads LimitData under it"},
		{name: "one key, two units", old: unitsV1, next: unitsTwice,
			want: []string{"unit LimitUnit breaks"}},
		{name: "a unit's struct changed", old: unitsV1, next: unitsWidened,
			want: []string{"retype bumps breaks"},
			text: "unit CounterUnit (0x434e5452): retyped bumps: Int as uint32 → Int as uint64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := upgradable.CompareLayouts(tt.old.build(t), tt.next.build(t), setCode, upgradable.LayoutOptions{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, found(l), describe.Layout(l))
			assert.Equal(t, tt.compatible, l.Compatible())
			assert.True(t, l.Reads, "the storage itself is the same")
			if tt.text != "" {
				var texts []string
				for _, f := range l.Findings {
					texts = append(texts, describe.LayoutFinding(l, f))
				}
				assert.Contains(t, strings.Join(texts, "\n"), tt.text)
			}
		})
	}
}

// TestLayoutUnitData checks the account's own entries against the units
// the new code reads: an entry that does not parse as the unit breaks it,
// even where the sources agree.
func TestLayoutUnitData(t *testing.T) {
	setCode, _ := upgradable.ProtocolByName(upgradable.ProtocolStaged)
	old, next := unitsV1.build(t), unitsV2.build(t)
	data := func(t *testing.T, entry *tvmcell.Cell) *tvmcell.Cell {
		t.Helper()
		units := &cell.Map{Entries: []cell.MapEntry{{Key: big.NewInt(0x434e5452), Value: entry}}}
		c, err := old.EncodeStorage(&cell.Storage{Initialized: true, Fields: &cell.Struct{Type: "U1$Data", Fields: []cell.FieldValue{
			{Name: "owner", Value: actor.WalletAddress("owner")}, {Name: "units", Value: units}}}})
		require.NoError(t, err)
		return c
	}
	good, err := old.ABI.Encode("CounterData", map[string]any{"value": 1, "bumps": 1})
	require.NoError(t, err)
	l := upgradable.CheckLayout(old, next, data(t, good), setCode, upgradable.LayoutOptions{})
	require.NotNil(t, l)
	assert.True(t, l.Compatible(), describe.Layout(l))

	bad, err := old.ABI.Encode("U1$Data", map[string]any{"owner": actor.WalletAddress("owner")})
	require.NoError(t, err)
	l = upgradable.CheckLayout(old, next, data(t, bad), setCode, upgradable.LayoutOptions{})
	require.NotNil(t, l)
	assert.False(t, l.Compatible())
	assert.Contains(t, describe.Layout(l), "unit CounterUnit (0x434e5452): its entry in the account's data does not parse as CounterData")
}

// TestLayoutReadsOfInit checks that every read the new code's init makes
// of the migrated state is found: fromCell in every branch (a version
// byte choosing one reader per old layout), fromSlice after bits skipped
// by hand, a read inside a function the init hands the state to; that a
// struct laid out like the storage but never read with counts for
// nothing; and that a require on the state before the reads refuses,
// rather than breaks, storage no reader reads.
func TestLayoutReadsOfInit(t *testing.T) {
	lazy, _ := upgradable.ProtocolByName(upgradable.ProtocolChainlinkTact)
	storage := []string{"lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint32"}
	pkg := func(body, extra string, structs map[string][]string, order ...string) *cell.Package {
		p := tactPkg{name: "V2", storage: []string{"owner: address", "a: uint32", "b: uint32"}, structs: structs, order: order, body: body, extra: extra}
		return p.build(t)
	}
	// Laid out like the storage, and read with by no code.
	decoy := []string{"lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint32"}
	tests := []struct {
		name       string
		next       *cell.Package
		compatible bool
		reader     string
		readers    []string
		found      []string
	}{
		{"branches: the second reads it", pkg(`if (peek(stateToBeMigrated) == 2) { let x = Other.fromCell(stateToBeMigrated); } else { let y = Old.fromCell(stateToBeMigrated); }`, "",
			map[string][]string{"Other": {"lazyDeploymentBit: bool", "owner: address", "a: uint64"}, "Old": storage}, "Other", "Old"),
			true, "Old", []string{"Other", "Old"}, nil},
		{"branches: none reads it", pkg(`let x = from == 1 ? A.fromCell(stateToBeMigrated) : B.fromCell(stateToBeMigrated);`, "",
			map[string][]string{"A": {"lazyDeploymentBit: bool", "owner: address", "a: uint64"}, "B": {"lazyDeploymentBit: bool", "owner: address", "a: uint32"}, "Decoy": decoy}, "A", "B", "Decoy"),
			false, "B", []string{"A", "B"}, []string{"remove b breaks"}},
		{"fromSlice after a skipped bit", pkg("let s = stateToBeMigrated.beginParse();\n        s.skipBits(1);\n        let v = Rest.fromSlice(s);", "",
			map[string][]string{"Rest": {"owner: address", "a: uint32", "b: uint32"}}, "Rest"),
			true, "Rest", nil, nil},
		{"fromSlice misread, a decoy beside it", pkg("let s = stateToBeMigrated.beginParse();\n        s.skipBits(1);\n        let v = Rest.fromSlice(s);", "",
			map[string][]string{"Rest": {"owner: address", "a: uint64", "b: uint32"}, "Decoy": decoy}, "Rest", "Decoy"),
			false, "Rest", nil, []string{"retype a breaks"}},
		{"inside a function the init calls", pkg("let v = load(stateToBeMigrated);", "\nfun load(c: Cell): Old {\n    return Old.fromCell(c);\n}\n",
			map[string][]string{"Old": storage}, "Old"),
			true, "Old", nil, nil},
		{"refused by a check on the state", pkg(`let from = peek(stateToBeMigrated); require(from <= 1, "Storage is in a newer layout"); let v = New.fromCell(stateToBeMigrated);`, "",
			map[string][]string{"New": {"lazyDeploymentBit: bool", "owner: address", "a: uint32", "b: uint32", "c: uint8"}}, "New"),
			false, "New", nil, []string{"insert c refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := upgradable.CompareLayouts(v1.build(t), tt.next, lazy, upgradable.LayoutOptions{})
			require.NoError(t, err)
			assert.Equal(t, tt.compatible, l.Compatible(), describe.Layout(l))
			assert.Equal(t, upgradable.ReaderSources, l.ReaderFrom, describe.Layout(l))
			assert.Equal(t, tt.reader, l.Reader)
			assert.Equal(t, tt.readers, l.Readers)
			assert.Equal(t, tt.found, found(l), describe.Layout(l))
			if strings.Contains(tt.name, "refused") {
				assert.Equal(t, `require(from <= 1, "Storage is in a newer layout")`, l.Guard)
				assert.NotContains(t, describe.Layout(l), "breaks the read")
				assert.Equal(t, "incompatible, refused by its check", describe.LayoutVerdict(l))
			}
		})
	}
}
