package upgradable

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// LayoutCheck compares, statically, the storage an upgrade hands the new
// code with what the new code reads it as. The seed's pattern parses the old
// storage with a struct that repeats its layout, lazy-deployment bit first
// (CounterV2's CounterV1Layout); an eager migration parses it the same way;
// an upgrade that does not migrate reads it as the new code's own storage.
// Places come from Tact's exact serialization (cell.Package.StoragePlaces):
// which fields Tact moves to a continuation cell, and when.
type LayoutCheck struct {
	// Storage is where each field of the data sits.
	Storage []cell.Place
	// Owner names whose storage it is ("CounterV1").
	Owner string
	// Match is the struct of the new package laid out exactly as Storage,
	// "" if none is.
	Match string
	// Closest is, when nothing matches, the struct that agrees with Storage
	// longest, and Diff says where it stops agreeing.
	Closest string
	Diff    string
	// Pending is set when the data is itself a pending migration (an
	// upgrade whose migration no message has run yet) and the protocol's
	// upgrade is one message: it now hands the new code an envelope inside
	// an envelope, which no layout of the old storage reads. Match and
	// Closest are then empty.
	Pending bool
	// DryRun is set by [Preflight] when the dry run and the layouts
	// disagree: it says why the dry run, which ran the real code, wins.
	DryRun string
}

func (l *LayoutCheck) String() string {
	var s string
	switch {
	case l.Pending:
		s = "the data is a pending migration (an envelope no message has migrated yet): an upgrade now nests it in a second envelope, which the new code cannot read as the old storage; send any message first"
	case l.Match != "":
		s = fmt.Sprintf("%s reads the current storage %s", l.Match, places(l.Storage))
	case l.Closest != "":
		s = fmt.Sprintf("no struct reads the current storage %s; the closest, %s, %s", places(l.Storage), l.Closest, l.Diff)
	default:
		s = fmt.Sprintf("no struct reads the current storage %s", places(l.Storage))
	}
	if l.DryRun != "" {
		s += "; " + l.DryRun
	}
	return s
}

// CheckLayout compares current's storage, as data holds it, with what next
// reads under protocol proto (nil: the Chainlink Tact trait's lazy
// migration). It returns nil when a layout is unknown.
func CheckLayout(current, next *cell.Package, data *tvmcell.Cell, proto *Protocol) *LayoutCheck {
	if proto == nil {
		proto, _ = ProtocolByName(ProtocolChainlinkTact)
	}
	// A protocol of several messages sends an ordinary one first, which
	// runs the pending migration and stores its result: the data the new
	// code meets is then current's own storage, compared below.
	if _, err := proto.PendingData(data); err == nil && len(proto.Steps) == 1 {
		return &LayoutCheck{Pending: true, Owner: current.Name}
	}
	storage, err := current.StoragePlaces()
	if err != nil {
		return nil
	}
	check := &LayoutCheck{Storage: storage, Owner: current.Name}
	var readers []string
	if proto.Migration == MigrationNone {
		if def, err := next.ABI.StorageType(); err == nil {
			readers = []string{def.Name}
		}
	} else {
		for _, t := range next.ABI.Types {
			if t.Header == nil && declared(next, t.Name) {
				readers = append(readers, t.Name)
			}
		}
	}
	best := -1
	for _, name := range readers {
		var read []cell.Place
		if proto.Migration == MigrationNone {
			read, err = next.StoragePlaces()
		} else {
			read, err = next.ABI.Places(name)
		}
		if err != nil {
			continue
		}
		n := agree(storage, read)
		if n == len(storage) && n == len(read) {
			check.Match = name
			return check
		}
		if n > best {
			best, check.Closest = n, name
			check.Diff = differ(current.Name, storage, name, read, n)
		}
	}
	return check
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
func agree(a, b []cell.Place) int {
	n := 0
	for n < len(a) && n < len(b) && a[n].Cell == b[n].Cell && a[n].Stored == b[n].Stored {
		n++
	}
	return n
}

// differ says where reader's places part from the storage's, at place n.
func differ(owner string, storage []cell.Place, reader string, read []cell.Place, n int) string {
	switch {
	case n < len(storage) && n < len(read) && storage[n].Stored == read[n].Stored:
		return fmt.Sprintf("reads %s from the %s cell, where %s's storage has it in the %s (a contract's root cell keeps one more ref free than a struct's, so Tact splits them apart)",
			read[n].Name, ordinal(read[n].Cell), owner, ordinal(storage[n].Cell))
	case n < len(storage) && n < len(read):
		return fmt.Sprintf("reads %s: %s where the storage holds %s: %s", read[n].Name, read[n].Type, storage[n].Name, storage[n].Type)
	case n < len(read):
		return fmt.Sprintf("reads %s: %s past the end of the storage", read[n].Name, read[n].Type)
	}
	return fmt.Sprintf("stops before the storage's %s: %s", storage[n].Name, storage[n].Type)
}

func ordinal(cell int) string {
	names := []string{"first", "second", "third", "fourth", "fifth"}
	if cell < len(names) {
		return names[cell]
	}
	return fmt.Sprintf("%dth", cell+1)
}

func places(ps []cell.Place) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name + ": " + p.Type.String()
		if p.Cell > 0 && (i == 0 || ps[i-1].Cell != p.Cell) {
			parts[i] = "| " + parts[i]
		}
	}
	return "{" + strings.Join(parts, "; ") + "}"
}

// judge notes where the dry run's verdict and the layouts disagree: the
// dry run ran the real code, so it wins.
func (l *LayoutCheck) judge(r *Report) {
	if l == nil || l.Pending {
		return
	}
	switch {
	case l.Match != "" && r.Verdict == Bricked:
		l.DryRun = fmt.Sprintf("yet the dry run fails with exit %d, and it wins: the new code reads the data some other way than %s", r.ExitCode, l.Match)
	case l.Match == "" && r.Verdict == Safe && len(l.Storage) > 0:
		l.DryRun = "yet the dry run reads the data, and it wins: the new code migrates it some other way than a struct of its own"
	}
}
