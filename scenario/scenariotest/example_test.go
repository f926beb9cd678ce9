package scenariotest_test

import (
	"fmt"
	"testing"

	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario/scenariotest"
)

// Check plays one file and says which expectations did not hold, where;
// Run does it for every file of a glob, each a subtest, in a Go test.
func ExampleCheck() {
	failures, err := scenariotest.Check("testdata/fail.yaml", scenariotest.WithBuiltins(examples.Builtins()))
	fmt.Println(err)
	for _, f := range failures {
		fmt.Println(f)
	}
	// Output:
	// <nil>
	// testdata/fail.yaml:7: exit_code: want 0, got 132 (step 2: send Upgrade from stranger to counter)
	// testdata/fail.yaml:7: storage.value: want 9, got 5 (step 2: send Upgrade from stranger to counter)
}

// In a Go test, Run plays every scenario file of a glob as a subtest, in
// parallel if asked, with the contracts the files name. (Not run here: it
// needs the test's *testing.T.)
func ExampleRun() {
	var t *testing.T // the test's own: func TestScenarios(t *testing.T)
	scenariotest.Run(t, "testdata/*.yaml", scenariotest.WithBuiltins(examples.Builtins()), scenariotest.Parallel())
}
