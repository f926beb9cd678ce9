package upgradable_test

import (
	"testing"

	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/upgradable"
)

// FuzzLayoutSources feeds the layout checker packages whose sources are
// anything: a package comes from outside, and its sources are only read
// for field lines, the struct a migration parses and storage units. Every
// input ends in a check or an error, never a panic, and the storage's
// places stay the ABI's.
func FuzzLayoutSources(f *testing.F) {
	for _, src := range counter.V3().Sources {
		f.Add(src)
	}
	for _, seed := range []string{
		"", "struct", "contract CounterV3 {", "contract CounterV3 { value: ", "/* never closed", `"never closed`,
		"init(stateToBeMigrated: Cell) { CounterV2Layout.fromCell(stateToBeMigrated) }",
		"const K: Int = 0x; fun f() { self.units.get(K); X.fromCell(",
		"struct CounterV2Layout { value: Int; } // value:",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		next := *counter.V3()
		next.Sources = map[string][]byte{"counter/contracts/counter_v3.tact": src}
		old := *counter.V1()
		old.Sources = map[string][]byte{"counter/contracts/counter_v1.tact": src}
		l, err := upgradable.CompareLayouts(&old, &next, nil, upgradable.LayoutOptions{})
		if err != nil {
			return
		}
		if len(l.Old) != len(l.Storage) {
			t.Fatalf("%d fields for %d places", len(l.Old), len(l.Storage))
		}
		for _, f := range l.Old {
			if f.Source.File != "" && f.Source.Line < 1 {
				t.Fatalf("a line before the file: %v", f.Source)
			}
		}
	})
}
