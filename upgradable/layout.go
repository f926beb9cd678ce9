package upgradable

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// LayoutCheck compares, statically, the storage an upgrade hands the new
// code with what the new code reads it as, in the manner of OpenZeppelin's
// validateUpgrade. The seed's pattern parses the old storage with a struct
// that repeats its layout, lazy-deployment bit first (CounterV2's
// CounterV1Layout); an eager migration parses it the same way (the Tolk
// counter's StorageV1); an upgrade that does not migrate reads it as the
// new code's own storage; one whose message carries the new data (direct)
// rebuilds it field by field, by name. Places come from Tact's exact
// serialization (cell.Package.StoragePlaces): which fields Tact moves to a
// continuation cell, and when. Package describe puts a check into words.
type LayoutCheck struct {
	// Storage is where each field of the old storage sits.
	Storage []cell.Place
	// Owner names whose storage it is ("CounterV1"), Next the code
	// upgraded to ("CounterV2").
	Owner, Next string
	// Protocol names the upgrade protocol the check assumed; "" when the
	// old code's ABI declares none, and the upgrade is taken to swap the
	// code and keep the data (a proxy's child, upgraded by its proxy).
	Protocol string
	// Old are the old storage's fields and Read what the new code reads,
	// with the source line of each.
	Old, Read []LayoutField
	// Reader is the struct the new code reads the old data with:
	// "CounterV1Layout", or the new storage's type ("StagedV2$Data").
	// ReaderFrom says how it was found, Mode how it reads.
	Reader     string
	ReaderFrom ReaderSource
	Mode       ReadMode
	// ReadAt is where the sources read the old data with Reader
	// (ReaderSources): "versioned_v3.tact:21".
	ReadAt Source
	// Readers are, when the new code's init reads the old data with more
	// than one struct (one per old layout, chosen by a version byte),
	// every one of them in the order of the sources; Reader is the one
	// that reads the storage, or the closest.
	Readers []string
	// Guard is the require with which the new code's init checks the
	// data before reading it, as the sources write it (`require(from <= 2,
	// "Storage is in a newer layout")`): storage none of the readers reads
	// is refused there, so findings that would break the read refuse it
	// instead ([EffectRefused]).
	Guard string
	// Init is set, for a lazy migration, when the new code's init takes
	// init arguments rather than the old storage as one cell: it then
	// reads the envelope an upgrade leaves as those arguments. It is the
	// arguments as Tact writes them ("id: Int, owner: Address").
	Init string
	// Reads reports whether the new code's read of the old data goes
	// through: every place it reads lines up with the storage's, in the
	// same cell and stored alike (and, for a struct, nothing is left over).
	// Agree is how many leading places line up.
	Reads bool
	Agree int
	// Findings are the changes between the old storage and the reader, in
	// the order of the fields.
	Findings []Finding
	// Pending is set when the data is itself a pending migration (an
	// upgrade whose migration no message has run yet) and the protocol's
	// upgrade is one message: it now hands the new code an envelope inside
	// an envelope, which no layout of the old storage reads. There are no
	// findings then.
	Pending bool
	// DryRun is set by [Preflight] when the dry run and the layout
	// disagree: the dry run ran the real code, so it wins, and
	// [LayoutCheck.Compatible] follows it.
	DryRun DryRunNote
	// ExitCode is the dry run's when it failed.
	ExitCode int64
	// Ran is the dry run that judged the check ([Preflight], the upgrade
	// matrix); nil for a check of packages alone ([CompareLayouts]).
	Ran *DryRunResult
}

// DryRunResult is the verdict of the dry run a [LayoutCheck] was judged
// by.
type DryRunResult struct {
	Verdict Verdict
	// RolledBack is set when an eager upgrade's migration threw and the
	// whole upgrade was undone.
	RolledBack bool
	// ExitCode and Meaning explain a verdict other than Safe.
	ExitCode int64
	Meaning  string
}

// Failed reports whether the new code failed on the data: it bricked, or
// its eager migration threw and was rolled back.
func (d *DryRunResult) Failed() bool {
	return d != nil && (d.Verdict == Bricked || d.RolledBack)
}

// LayoutField is one field of a layout and where the sources declare it.
type LayoutField struct {
	cell.Place
	// Struct is the struct, message or contract storage declaring it.
	Struct string
	Source Source
	// Skipped is, for a place the new code skips or loads by hand before a
	// struct's fromSlice ("s.skipBits(1)"), how many bits: it lines up with
	// any field of the storage stored in as many bits.
	Skipped int
}

// alike reports whether read r takes the bits and refs of old field o as
// they are stored: the same serialization, or a skip of as many bits.
func alike(o, r LayoutField) bool {
	if r.Skipped > 0 {
		return fixedBits(o.Stored) == r.Skipped
	}
	return o.Stored == r.Stored
}

// fixedBits is how many bits a field stored so always takes, 0 when that
// varies or it holds refs.
func fixedBits(stored string) int {
	if stored == "bool" {
		return 1
	}
	if strings.HasPrefix(stored, "uint") || strings.HasPrefix(stored, "int") {
		if _, bits, ok := intStored(stored); ok {
			return bits
		}
	}
	return 0
}

// ReaderSource says how a [LayoutCheck] found the reader.
type ReaderSource int

const (
	// ReaderStorage: the upgrade keeps the data, so the new code reads it
	// as its own storage.
	ReaderStorage ReaderSource = iota
	// ReaderSources: the package's sources parse the old data with it
	// (Tact's "CounterV1Layout.fromCell(stateToBeMigrated)").
	ReaderSources
	// ReaderMatch: among the structs the package declares, it is the one
	// laid out exactly as the old storage.
	ReaderMatch
	// ReaderClosest: no declared struct is laid out as the old storage;
	// it is the one that agrees with it longest.
	ReaderClosest
	// ReaderNone: the new package declares no struct that could read it.
	ReaderNone
)

// ReadMode says how the new code reads the old data.
type ReadMode int

const (
	// ReadStrict: a struct's fromCell, which fails on a bit or ref left
	// over as well as on one missing (Tact and Tolk alike); a Tolk
	// contract reads its storage this way.
	ReadStrict ReadMode = iota
	// ReadLenient: a Tact contract loading its own storage, which reads
	// its fields from the start and ignores what follows.
	ReadLenient
	// ReadByName: the upgrade's message carries the new data, made from the
	// old field by field by name, so places do not matter.
	ReadByName
)

// DryRunNote is how a dry run's verdict disagrees with the layout.
type DryRunNote int

const (
	// DryRunAgrees: no disagreement.
	DryRunAgrees DryRunNote = iota
	// DryRunFails: the layout lines up, yet the new code fails on the data.
	DryRunFails
	// DryRunReads: the layout does not line up, yet the new code reads the
	// data: it migrates it some other way.
	DryRunReads
	// DryRunRefuses: the layout lines up, and the new code fails on the
	// data all the same, with an exit code of its own: its migration
	// refuses the data (a check, a trap), which no layout shows.
	DryRunRefuses
)

// ReadFailure reports whether a TVM exit code is what a read of data that
// does not line up fails with: a cell underflow (9), a type check (7) or a
// dictionary error (10). Any other code is the code's own choice.
func ReadFailure(exit int64) bool {
	switch exit {
	case actor.ExitCellUnderflow, actor.ExitTypeCheck, actor.ExitDictionary:
		return true
	}
	return false
}

var (
	readerKeys = map[ReaderSource]string{ReaderStorage: "storage", ReaderSources: "sources", ReaderMatch: "match", ReaderClosest: "closest", ReaderNone: "none"}
	modeKeys   = map[ReadMode]string{ReadStrict: "strict", ReadLenient: "lenient", ReadByName: "by_name"}
	effectKeys = map[Effect]string{EffectNone: "none", EffectSilent: "silent", EffectBreaks: "breaks", EffectRefused: "refused"}
)

// Key names how the reader was found, as JSON does: storage, sources,
// match, closest, none.
func (r ReaderSource) Key() string { return readerKeys[r] }

// Key names the read, as JSON does: strict, lenient, by_name.
func (m ReadMode) Key() string { return modeKeys[m] }

// Key names the effect, as JSON does: none, silent, breaks, refused.
func (e Effect) Key() string { return effectKeys[e] }

// EffectKeys returns every effect's key, in order.
func EffectKeys() []string {
	return []string{EffectNone.Key(), EffectSilent.Key(), EffectBreaks.Key(), EffectRefused.Key()}
}

// LayoutOptions waive findings on purpose, as OpenZeppelin's unsafeAllow
// and renamed-from annotations do.
type LayoutOptions struct {
	// Renamed maps an old field's name to the new name it is read under:
	// the two are the same field, and the rename is intended.
	Renamed map[string]string
	// Allow are kinds of findings that are intended.
	Allow []FindingKind
}

// Compatible reports whether the upgrade keeps the old data readable as it
// was meant. When a dry run judged the check and disagreed, it is the dry
// run's verdict: the new code failed on the data ([DryRunFails],
// [DryRunRefuses]), or read it ([DryRunReads]). Otherwise it is
// [LayoutCheck.StaticCompatible].
func (l *LayoutCheck) Compatible() bool {
	switch l.DryRun {
	case DryRunFails, DryRunRefuses:
		return false
	case DryRunReads:
		return true
	}
	return l.StaticCompatible()
}

// StaticCompatible is the layout's own verdict, whatever a dry run found:
// no finding that loses, misreads, refuses or breaks the data, except
// those the options waived; a reader was found; and the data is no
// pending migration.
func (l *LayoutCheck) StaticCompatible() bool {
	if l.Pending || l.ReaderFrom == ReaderNone && !l.Reads {
		return false
	}
	for _, f := range l.Findings {
		if f.Effect != EffectNone && !f.Waived {
			return false
		}
	}
	return true
}

// Blocking returns the findings that make the layout incompatible.
func (l *LayoutCheck) Blocking() []Finding {
	var out []Finding
	for _, f := range l.Findings {
		if f.Effect != EffectNone && !f.Waived {
			out = append(out, f)
		}
	}
	return out
}

// keptData is the upgrade [CompareLayouts] assumes for code that declares
// no protocol of its own: the code changes, the data stays.
var keptData = &Protocol{Migration: MigrationNone}

// ErrNoLayout is returned by [CompareLayouts] when a package's storage
// layout is unknown.
var ErrNoLayout = errors.New("no storage layout")

// CompareLayouts is the static check of an upgrade from current to next by
// proto (nil: the protocol current's ABI declares, else the Chainlink
// Tact trait's lazy migration): it needs no world and no data.
func CompareLayouts(current, next *cell.Package, proto *Protocol, opts LayoutOptions) (*LayoutCheck, error) {
	if current == nil || next == nil {
		return nil, fmt.Errorf("%w: a layout check needs both packages", ErrNoLayout)
	}
	if proto == nil {
		var err error
		if proto, err = DetectProtocol(current.ABI); err != nil {
			proto = keptData
		}
	}
	storage, err := current.StoragePlaces()
	if err != nil {
		return nil, fmt.Errorf("%w of %s: %w", ErrNoLayout, current.Name, err)
	}
	storageType := current.Name
	if def, err := current.ABI.StorageType(); err == nil {
		storageType = def.Name
	}
	if err := checkRenamed(current.Name, storage, opts); err != nil {
		return nil, err
	}
	check := &LayoutCheck{Storage: storage, Owner: current.Name, Next: next.Name, Protocol: proto.Name, Old: withSources(current, storageType, storage)}
	rs, err := findReaders(next, proto, check.Old)
	if err != nil {
		return nil, err
	}
	check.Guard = rs.guard
	if len(rs.list) > 1 {
		for _, rd := range rs.list {
			check.Readers = append(check.Readers, rd.name)
		}
	}
	if rd := rs.list[0]; rd.initArgs {
		check.Reader, check.ReaderFrom, check.Mode, check.Init = rd.name, rd.from, rd.mode, rd.init
		// An init without arguments ignores the envelope and starts afresh:
		// the read goes through and every old value is lost. One with
		// arguments reads them from the envelope, and fails.
		f := Finding{Kind: FindingInit, Effect: EffectBreaks, Waived: opts.allows(FindingInit)}
		if rd.args == 0 {
			f.Effect, check.Reads = EffectSilent, true
		}
		check.Findings = []Finding{f}
		return check, nil
	}
	// Of several readers (a version-dispatching init has one per old
	// layout), the one that reads the storage exactly, else the one that
	// reads it, else the one that agrees with it longest.
	var best *LayoutCheck
	for _, rd := range rs.list {
		c := *check
		c.Reader, c.ReaderFrom, c.Mode, c.Read, c.ReadAt = rd.name, rd.from, rd.mode, rd.fields, rd.at
		ext := func(field string) string { return parsedFromField(next, field) }
		c.Findings, c.Reads, c.Agree = diff(c.Old, c.Read, c.Mode, opts, ext)
		c.Findings = append(c.Findings, unitFindings(current, next, c.Old, c.Read, opts)...)
		if rd.from == ReaderNone {
			c.Reads, c.Findings = false, nil
		}
		if best == nil || rank(&c) > rank(best) {
			best = &c
		}
	}
	if !best.Reads && best.Guard != "" {
		for i := range best.Findings {
			if best.Findings[i].Effect == EffectBreaks {
				best.Findings[i].Effect = EffectRefused
			}
		}
	}
	return best, nil
}

// rank orders a check's readers: one that reads the storage exactly
// first, then one whose read goes through, then by the places that line
// up.
func rank(c *LayoutCheck) int {
	r := c.Agree
	if c.Reads {
		r += 1 << 20
		if c.StaticCompatible() {
			r += 1 << 21
		}
	}
	return r
}

// UnknownFieldError is returned when [LayoutOptions] rename a field the
// old storage does not have.
type UnknownFieldError struct {
	// Field is the name renamed, Owner whose storage it is not in, and
	// Fields the names that storage has, in order.
	Field, Owner string
	Fields       []string
}

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("the storage of %s has no field %s to rename (its fields: %s)", e.Owner, e.Field, strings.Join(e.Fields, ", "))
}

// checkRenamed checks that every field opts renames is one of storage's.
func checkRenamed(owner string, storage []cell.Place, opts LayoutOptions) error {
	var names []string
	for i, p := range storage {
		if i > 0 || p.Name != "lazyDeploymentBit" {
			names = append(names, p.Name)
		}
	}
	for _, from := range slices.Sorted(maps.Keys(opts.Renamed)) {
		if !slices.Contains(names, from) {
			return &UnknownFieldError{Field: from, Owner: owner, Fields: names}
		}
	}
	return nil
}

// CheckRenamed checks, as [Preflight] would resolve it, that every field
// req.Layout renames is a field of the storage of the account the upgrade
// changes: an [*UnknownFieldError] when one is not. It checks nothing when
// that storage is unknown.
func CheckRenamed(w *actor.World, req Request) error {
	if len(req.Layout.Renamed) == 0 {
		return nil
	}
	p, err := newPlan(w, req)
	if err != nil || p.current == nil {
		return nil
	}
	storage, err := p.current.StoragePlaces()
	if err != nil {
		return nil
	}
	return checkRenamed(p.current.Name, storage, req.Layout)
}

// CheckLayout compares current's storage, as data holds it, with what next
// reads under protocol proto (nil: the Chainlink Tact trait's lazy
// migration). It returns nil when a layout is unknown.
func CheckLayout(current, next *cell.Package, data *tvmcell.Cell, proto *Protocol, opts LayoutOptions) *LayoutCheck {
	if proto == nil {
		proto, _ = ProtocolByName(ProtocolChainlinkTact)
	}
	// A protocol of several messages sends an ordinary one first, which
	// runs the pending migration and stores its result: the data the new
	// code meets is then current's own storage, compared below.
	if _, err := proto.PendingData(data); err == nil && len(proto.Steps) == 1 {
		return &LayoutCheck{Pending: true, Owner: current.Name}
	}
	check, err := CompareLayouts(current, next, proto, opts)
	if err != nil {
		return nil
	}
	check.Findings = append(check.Findings, unitData(current, next, data, check.Old, check.Read, opts)...)
	return check
}

func (o LayoutOptions) allows(k FindingKind) bool {
	for _, a := range o.Allow {
		if a == k {
			return true
		}
	}
	return false
}

// withSources gives each place of owner's layout its declaration.
func withSources(pkg *cell.Package, owner string, places []cell.Place) []LayoutField {
	out := make([]LayoutField, len(places))
	for i, p := range places {
		out[i] = LayoutField{Place: p, Struct: owner}
		if i > 0 || p.Name != "lazyDeploymentBit" || owner != storageName(pkg) {
			out[i].Source = fieldSource(pkg, owner, p.Name)
		}
	}
	return out
}

// storageName is the name of pkg's storage type, "" when unknown.
func storageName(pkg *cell.Package) string {
	if def, err := pkg.ABI.StorageType(); err == nil {
		return def.Name
	}
	return ""
}

// declared reports whether the package's own sources declare struct name,
// as opposed to Tact's standard library or the compiler's generated types.
// A package without sources (a Tolk ABI) declares all its types.
func declared(pkg *cell.Package, name string) bool {
	if len(pkg.Sources) == 0 {
		return true
	}
	decl := regexp.MustCompile(`(?m)^\s*struct\s+` + regexp.QuoteMeta(name) + `\b`)
	for _, src := range pkg.Sources {
		if decl.Match(src) {
			return true
		}
	}
	return false
}

// agree counts the leading places of a and b stored alike in the same cell.
func agree(a, b []LayoutField) int {
	n := 0
	for n < len(a) && n < len(b) && a[n].Cell == b[n].Cell && alike(a[n], b[n]) {
		n++
	}
	return n
}

// judge notes where the dry run's verdict and the layout disagree: the
// dry run ran the real code, so it wins. A migration that throws inside an
// eager upgrade fails as a bricked lazy one does; with an exit code no
// misaligned read throws (a version check, a trap), the failure is the
// code's choice, not the layout's.
func (l *LayoutCheck) judge(r *Report) {
	if l == nil {
		return
	}
	l.Ran = &DryRunResult{Verdict: r.Verdict, RolledBack: r.RolledBack, ExitCode: r.ExitCode, Meaning: r.Meaning}
	if l.Pending {
		return
	}
	fails := l.Ran.Failed()
	if fails && ReadFailure(r.ExitCode) {
		// The guard did not refuse the data: the read broke on it.
		for i := range l.Findings {
			if l.Findings[i].Effect == EffectRefused {
				l.Findings[i].Effect = EffectBreaks
			}
		}
	}
	switch {
	case l.Reads && fails && ReadFailure(r.ExitCode):
		l.DryRun, l.ExitCode = DryRunFails, r.ExitCode
	case l.Reads && fails:
		l.DryRun, l.ExitCode = DryRunRefuses, r.ExitCode
	case !l.Reads && r.Verdict == Safe && len(l.Storage) > 0:
		l.DryRun = DryRunReads
	}
}

// LayoutOf checks the layout of the upgrade req asks for, on w as it
// stands, as [Preflight] would, without sending anything: the account the
// upgrade changes, its package and data, and the protocol are resolved
// the same way. It fails when the account's package or req.Next is
// unknown.
func LayoutOf(w *actor.World, req Request) (*LayoutCheck, error) {
	p, err := newPlan(w, req)
	if err != nil {
		return nil, err
	}
	if p.current == nil || req.Next == nil {
		return nil, fmt.Errorf("%w: the code the account runs, or the code upgraded to, has no package", ErrNoLayout)
	}
	l := CheckLayout(p.current, req.Next, p.data, p.proto, req.Layout)
	if l == nil {
		return nil, fmt.Errorf("%w of %s or %s", ErrNoLayout, p.current.Name, req.Next.Name)
	}
	return l, nil
}
