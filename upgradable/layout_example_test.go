package upgradable_test

import (
	"fmt"

	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
)

// CompareLayouts is OpenZeppelin's validateUpgrade for TON: no world, no
// data, only the two packages. v3's init reads v2's layout, so v1's
// storage does not line up with it: the dry run would brick.
func ExampleCompareLayouts() {
	l, err := upgradable.CompareLayouts(counter.V1(), counter.V3(), nil, upgradable.LayoutOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(describe.LayoutVerdict(l), "by", l.Protocol+":", l.Reader, "read as the migration struct")
	for _, f := range l.Findings {
		fmt.Println("-", describe.LayoutFinding(l, f))
	}
	// Output:
	// incompatible by chainlink-tact: CounterV2Layout read as the migration struct
	// - reordered value: field 4 of the storage, read as field 3 (counter/contracts/counter_v1.tact:7 → counter/contracts/counter_v3.tact:14): breaks the read
	// - retyped value: Int as uint32 → Int as uint64 (counter/contracts/counter_v1.tact:7 → counter/contracts/counter_v3.tact:14): breaks the read
}

// Renamed and Allow waive findings on purpose, as OpenZeppelin's
// renamed-from and unsafeAllow do: going back from direct v2 to v1 loses
// step and narrows count, which no dry run sees.
func ExampleLayoutOptions() {
	b := contracts.Builtins()
	opts := upgradable.LayoutOptions{Allow: []upgradable.FindingKind{upgradable.FindingRemove, upgradable.FindingRetype}}
	for _, o := range []upgradable.LayoutOptions{{}, opts} {
		l, err := upgradable.CompareLayouts(b["direct.v2"], b["direct.v1"], nil, o)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(describe.LayoutVerdict(l), len(l.Blocking()))
	}
	// Output:
	// incompatible 2
	// compatible, changes allowed 0
}
