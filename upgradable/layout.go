package upgradable

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// LayoutCheck compares, statically, the storage an upgrade hands the new
// code's init(stateToBeMigrated) with the structs the new code declares. The
// seed's pattern parses the old storage with a struct that repeats it,
// lazy-deployment bit first (CounterV2's CounterV1Layout); a Next without
// such a struct is reading the storage with some other layout.
type LayoutCheck struct {
	// Storage is the layout of the data the new init receives: the
	// lazy-deployment bit, then Current's fields.
	Storage []cell.Field
	// Match is the struct of Next's ABI laid out exactly as Storage, "" if
	// none is.
	Match string
	// Closest is, when nothing matches, the struct that agrees with Storage
	// longest, and Diff says where it stops agreeing.
	Closest string
	Diff    string
	// Pending is set when the data is itself a lazy-migration envelope (an
	// upgrade whose migration no message has run yet): an upgrade now hands
	// the new init an envelope inside an envelope, which no layout of the
	// old storage reads. Match and Closest are then empty.
	Pending bool
}

func (l *LayoutCheck) String() string {
	switch {
	case l.Pending:
		return "the data is a pending migration (an envelope no message has migrated yet): an upgrade now nests it in a second envelope, which the new init cannot read as the old storage; send any message first"
	case l.Match != "":
		return fmt.Sprintf("%s reads the current storage %s", l.Match, fields(l.Storage))
	case l.Closest != "":
		return fmt.Sprintf("no struct reads the current storage %s; the closest, %s, %s", fields(l.Storage), l.Closest, l.Diff)
	}
	return fmt.Sprintf("no struct reads the current storage %s", fields(l.Storage))
}

// CheckLayout compares current's storage with next's structs, for a
// contract whose data is data. It returns nil when current's storage has no
// lazy-deployment bit or no known fields.
func CheckLayout(current, next *cell.Package, data *tvmcell.Cell) *LayoutCheck {
	if current.Init.Prefix == nil {
		return nil
	}
	if _, err := Envelope(data); err == nil {
		return &LayoutCheck{Pending: true, Storage: []cell.Field{
			{Name: "lazyDeploymentBit", Type: cell.Type{Kind: cell.KindSimple, Type: "bool"}},
			{Name: "data", Type: cell.Type{Kind: cell.KindSimple, Type: "cell"}},
		}}
	}
	fieldsType, err := current.ABI.StorageType()
	if err != nil {
		return nil
	}
	storage := append([]cell.Field{{Name: "lazyDeploymentBit", Type: cell.Type{Kind: cell.KindSimple, Type: "bool"}}}, fieldsType.Fields...)
	check := &LayoutCheck{Storage: storage}

	best := 0
	for _, t := range next.ABI.Types {
		if t.Header != nil || !declared(next, t.Name) {
			continue
		}
		n := agree(storage, t.Fields)
		if n == len(storage) && n == len(t.Fields) {
			check.Match = t.Name
			return check
		}
		if n > best {
			best, check.Closest = n, t.Name
			check.Diff = differ(storage, t, n)
		}
	}
	return check
}

// declared reports whether the package's own sources declare struct name,
// as opposed to Tact's standard library or the compiler's generated types.
func declared(pkg *cell.Package, name string) bool {
	decl := regexp.MustCompile(`(?m)^\s*struct\s+` + regexp.QuoteMeta(name) + `\b`)
	for _, src := range pkg.Sources {
		if decl.Match(src) {
			return true
		}
	}
	return false
}

// agree counts the leading fields of a and b with the same type.
func agree(a, b []cell.Field) int {
	n := 0
	for n < len(a) && n < len(b) && a[n].Type.String() == b[n].Type.String() {
		n++
	}
	return n
}

func differ(storage []cell.Field, t cell.TypeDef, n int) string {
	switch {
	case n < len(storage) && n < len(t.Fields):
		return fmt.Sprintf("reads %s: %s where the storage holds %s: %s",
			t.Fields[n].Name, t.Fields[n].Type, storage[n].Name, storage[n].Type)
	case n < len(t.Fields):
		return fmt.Sprintf("reads %s: %s past the end of the storage", t.Fields[n].Name, t.Fields[n].Type)
	default:
		return fmt.Sprintf("stops before the storage's %s: %s", storage[n].Name, storage[n].Type)
	}
}

func fields(fs []cell.Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Name + ": " + f.Type.String()
	}
	return "{" + strings.Join(parts, "; ") + "}"
}
