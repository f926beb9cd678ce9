package tolkcounter_test

import (
	"testing"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/tonsim/tonsim/internal/conformance"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

// TestConformance replays what internal/conformance/record/tolk-counter.mjs
// recorded in @ton/sandbox 0.41.0: every data hash, exit code, gas figure,
// fee, event and getter result of the compiled Tolk counters.
func TestConformance(t *testing.T) {
	conformance.Replay(t, "../tolk-counter/testdata/tolk-counter.json", conformance.WithPackages(map[string]*cell.Package{
		"tolk-counter.v1": tolkcounter.V1(), "tolk-counter.v2": tolkcounter.V2(), "tolk-counter.v2fail": tolkcounter.V2Fail(),
	}))
}
