package trace_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/trace"
)

// runTo runs an example scenario up to its step n (from 1) and returns
// that step's result.
func runTo(t *testing.T, path string, n int) (*scenario.Runner, *scenario.Result) {
	t.Helper()
	s, err := scenario.ReadFile(path)
	require.NoError(t, err)
	cat := catalog.New()
	require.NoError(t, s.LoadContracts(cat, examples.Builtins()))
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	var res *scenario.Result
	for range n {
		res, err = r.Next()
		require.NoError(t, err)
	}
	return r, res
}

// An eager upgrade's old code points c3 at the new code and calls its
// migrate: the trace places those steps in the new code and names the
// procedure by the protocol, as the new code's.
func TestEagerUpgradeRunsTheNewCode(t *testing.T) {
	tests := []struct {
		name, path string
		step       int
		proc       string // the procedure of the new code's first instruction after its dispatch
		contract   string
	}{
		{"tolk, migrated", "../examples/12-tolk-eager.yaml", 7, "v2's migrate (method 1000)", "v2"},
		{"tolk, rolled back", "../examples/12-tolk-eager.yaml", 4, "v2fail's migrate (method 1000)", "v2fail"},
		{"tact hooks, rolled back", "../examples/14-hooks.yaml", 8, "v2trap's postUpgrade (method 18512)", "v2trap"},
		{"tact hooks, migrated", "../examples/14-hooks.yaml", 12, "v2's postUpgrade (method 18512)", "v2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, res := runTo(t, tc.path, tc.step)
			require.NotNil(t, res.Tx, "the step's upgrade transaction")
			tr, err := trace.Transaction(r.World, r.Catalog, res.Tx)
			require.NoError(t, err)
			nc := tr.NewCode
			require.NotNil(t, nc, "the run went on in the new code")
			require.NotNil(t, nc.Contract)
			assert.Equal(t, tc.contract, nc.Contract.Name)
			assert.Equal(t, "c3 POP", tr.Steps[nc.Step].Op)
			require.Greater(t, nc.First, nc.Step)
			var procs []string
			for i := nc.First; i < len(tr.Steps); i++ {
				if o := tr.Value(tr.Steps[i].Pos.Cell).Origin; o == nil || o.Role != trace.RoleNewCode {
					continue
				}
				if w := tr.Where(i); len(procs) == 0 || procs[len(procs)-1] != w {
					procs = append(procs, w)
				}
			}
			assert.Contains(t, procs, tc.proc, "the steps placed in the new code")
		})
	}
}

// Without an eager upgrade no run goes on in another code.
func TestNoNewCode(t *testing.T) {
	b := newBrick(t)
	tr, err := trace.Transaction(b.w, b.cat, b.upgrade)
	require.NoError(t, err)
	assert.Nil(t, tr.NewCode, "a lazy upgrade's new code runs in the next transaction")
}

// A diamond runs its facet in a child VM: RUNVM with a trampoline slice of
// the diamond's code, which points c3 at the facet's code (a cell of the
// diamond's data) and jumps there. Every step is placed, the facet's by
// the facet's own procedures, and the diamond goes on after RUNVM in its
// own; a facet is no upgrade's new code.
func TestChildVMIsPlaced(t *testing.T) {
	r, res := runTo(t, "../examples/19-diamond.yaml", 4)
	require.NotNil(t, res.Tx)
	tr, err := trace.Transaction(r.World, r.Catalog, res.Tx)
	require.NoError(t, err)
	assert.Nil(t, tr.NewCode, "a facet run by RUNVM is no upgrade")
	runvm := -1
	for i, s := range tr.Steps {
		require.True(t, s.Pos.Valid(), "step %d %s placed", i+1, s.Op)
		if s.Op == "RUNVM 308" && runvm < 0 {
			runvm = i
		}
	}
	require.Positive(t, runvm, "the diamond runs its facet by RUNVM")
	var where []string
	for i := runvm; i < len(tr.Steps); i++ {
		if w := tr.Where(i); len(where) == 0 || where[len(where)-1] != w {
			where = append(where, w)
		}
	}
	require.GreaterOrEqual(t, len(where), 3)
	assert.Equal(t, []string{"recv_internal (receiver Increment)", "counter1's recv_internal", "recv_internal (receiver Increment)"}, where[:3],
		"into the facet and back")
}
