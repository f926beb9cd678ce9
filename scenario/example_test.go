package scenario_test

import (
	"fmt"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/scenario"
)

// Parse a scenario, load its contracts, and play it step by step.
func Example() {
	src := `
contracts: { v1: counter.v1 }
wallets: { owner: {} }
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 1, owner: owner, value: 41 } }
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
    expect: { exit_code: 0, storage: { value: 42 } }
  - get: { on: counter, method: value }
    expect: { result: 43 }
`
	s, err := scenario.Parse("example.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	cat := catalog.New()
	s.LoadContracts(cat, scenario.Builtins{"counter.v1": counter.V1})
	r, _ := scenario.NewRunner(s, cat, nil)
	results, _ := r.Run()
	for _, res := range results {
		fmt.Printf("step %d: %s, %d failure(s)\n", res.Step.Index, res.Step.Action.Kind(), len(res.Failures))
		for _, f := range res.Failures {
			fmt.Println(" ", f)
		}
	}
	// Output:
	// step 1: deploy, 0 failure(s)
	// step 2: send, 0 failure(s)
	// step 3: get, 1 failure(s)
	//   example.yaml:9: result: want 43, got 42
}

// A mistake says where it is.
func ExampleParse_error() {
	_, err := scenario.Parse("example.yaml", []byte("steps:\n  - sned: { from: a, to: b }\n"))
	fmt.Println(err)
	// Output:
	// example.yaml:2:5: unknown key "sned" in step 1, did you mean "send"? (want note, expect, deploy, send, get, preflight, upgrade, upgrades, upgrade_point, wait, commit, session, reinstall, migrate)
}
