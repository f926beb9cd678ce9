package gen_test

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/gen"
)

// Generate writes the wrapper of a package: here the counter's version 1,
// of which the example prints the functions.
func ExampleGenerate() {
	src, err := gen.Generate(gen.Config{Package: "counter", Sources: []gen.Source{
		{Path: "build/CounterV1_CounterV1.pkg", Package: counter.V1()},
	}})
	fmt.Println(err)
	for _, line := range strings.Split(string(src), "\n") {
		if name, ok := strings.CutPrefix(line, "func (c *CounterV1) "); ok {
			fmt.Println("method", name[:strings.Index(name, ")")+1])
		} else if name, ok := strings.CutPrefix(line, "func "); ok {
			fmt.Println("func", name[:strings.Index(name, "(")])
		}
	}
	// Output:
	// <nil>
	// func CounterV1Package
	// func counterV1Known
	// func DeployCounterV1
	// func OpenCounterV1
	// method On(w *actor.World)
	// method SendEmpty(from *address.Address, value tlb.Coins, opts ...contract.Option)
	// method SendStep(from *address.Address, msg Step, value tlb.Coins, opts ...contract.Option)
	// method SendUpgrade(from *address.Address, msg Upgrade, value tlb.Coins, opts ...contract.Option)
	// method GetValue()
	// method GetID()
	// method GetIsUpgradable()
	// method GetTypeAndVersion()
	// method GetOwner()
	// method StorageCounterV1()
}
