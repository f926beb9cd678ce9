package conformance_test

import (
	"fmt"

	"github.com/tonsim/tonsim/internal/conformance"
)

func ExampleLoad() {
	v, err := conformance.Load("testdata/harness.json")
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Config, v.Now, len(v.Steps), "steps")
	for _, s := range v.Steps[:4] {
		switch {
		case s.Send != nil:
			tx := s.Transactions[0]
			fmt.Printf("send from %s: exit %d, gas %d, deployed %v\n", s.Send.From, *tx.ExitCode, tx.GasUsed, tx.Deployed)
		case s.Get != nil:
			fmt.Printf("get %s: %s %s\n", s.Get.Method, s.Result[0].Type, s.Result[0].Value)
		}
	}
	// Output:
	// sandbox-0.41 1735689600 10 steps
	// send from owner: exit 0, gas 3845, deployed true
	// send from owner: exit 0, gas 3745, deployed false
	// get value: int 1
	// get type_and_version: slice
}
