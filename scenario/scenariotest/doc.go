// Package scenariotest plays scenario files as Go subtests:
//
//	func TestScenarios(t *testing.T) {
//		scenariotest.Run(t, "testdata/*.yaml", scenariotest.WithBuiltins(examples.Builtins()))
//	}
//
// Each file is a subtest named after it. A mistake in a file fails it with
// file:line:col, an expectation that does not hold with file:line and the
// step it belongs to, and the log shows what that step's send did, drawn
// by package describe.
package scenariotest
