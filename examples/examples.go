// Package examples holds tonsim's example scenarios (the *.yaml files here,
// played by `tonsim test examples` and by this package's test) and the
// built-in demo world the tonsim command opens when run without arguments.
package examples

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/tonsim/tonsim/scenario"
)

// builtins names each built-in contract and says where its package comes
// from. The packages are parsed on first use, so [BuiltinNames] (all that
// `tonsim help` needs) costs nothing at start-up.
var builtins = []struct {
	name string
	pkg  func() *cell.Package
}{
	{"counter.v1", counter.V1},
	{"counter.v2", counter.V2},
	{"counter.v3", counter.V3},
	{"tolk-counter.v1", tolkcounter.V1},
	{"tolk-counter.v2", tolkcounter.V2},
	{"tolk-counter.v2fail", tolkcounter.V2Fail},
}

// Builtins are the contracts every scenario may name without a file: the
// example counter's versions (counter.v1, counter.v2, counter.v3), the
// families of examples/contracts (vault.v1, direct.v1, staged.v1,
// delayed.v1, proxy.proxy, proxy.child.v1, … see [contracts.Builtins]) and
// the eager Tolk counter (tolk-counter.v1, tolk-counter.v2,
// tolk-counter.v2fail). Each is parsed when first named.
func Builtins() scenario.Builtins {
	out := scenario.Builtins(contracts.Loaders())
	for _, b := range builtins {
		out[b.name] = b.pkg
	}
	return out
}

// BuiltinNames returns the names of [Builtins], sorted, without parsing a
// package.
func BuiltinNames() []string {
	out := make([]string, 0, len(builtins))
	for _, b := range builtins {
		out = append(out, b.name)
	}
	out = append(out, contracts.Names()...)
	slices.Sort(out)
	return out
}

//go:embed demo/demo.yaml
var demo []byte

// DemoPath names the demo scenario in errors and walkthroughs.
const DemoPath = "demo/demo.yaml"

// DemoRunner returns the demo scenario ready to play on a new world made
// with opts, for callers that watch it being built (the tonsim command
// keeps a snapshot of every transaction, so the UI can travel back to the
// start).
func DemoRunner(opts ...actor.Option) (*scenario.Runner, error) {
	s, err := scenario.Parse(DemoPath, demo)
	if err != nil {
		return nil, err
	}
	cat := catalog.New()
	if err := s.LoadContracts(cat, Builtins()); err != nil {
		return nil, err
	}
	w, err := actor.NewWorld(opts...)
	if err != nil {
		return nil, err
	}
	return scenario.NewRunner(s, cat, w)
}

// Demo builds the demo world: the counter's version 1 deployed and owned by
// owner, wallets owner, alice and bob, and v1, v2 and v3 in the catalog.
func Demo() (*actor.World, *catalog.Catalog, error) {
	r, err := DemoRunner()
	if err != nil {
		return nil, nil, err
	}
	results, err := r.Run()
	if err != nil {
		return nil, nil, err
	}
	for _, res := range results {
		if len(res.Failures) > 0 {
			return nil, nil, fmt.Errorf("demo: %s", res.Failures[0])
		}
	}
	return r.World, r.Catalog, nil
}
