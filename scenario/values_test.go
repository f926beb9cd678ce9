package scenario_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

// recursiveHeader declares testdata/recursive/recursive-pkg.json, a Tact
// package with an ABI written by hand (Tact refuses self-referencing
// structs, so no compiler builds it; it is not named .pkg, so that
// cell.TestPackagesMatchSources leaves it alone):
//
//	struct Step { value: Int as uint32; next: Step? as reference; kids: map<Int as uint8, Step> }
//	message Chain { first: Step }
//	init(first: Step?)
const recursiveHeader = `contracts: { rec: rec.pkg }
wallets: { owner: {} }
steps:
`

// loadRecursive writes a scenario beside a copy of the recursive package
// and loads it.
func loadRecursive(t *testing.T, steps string) (*scenario.Runner, error) {
	t.Helper()
	dir := t.TempDir()
	pkg, err := os.ReadFile("testdata/recursive/recursive-pkg.json")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "rec.pkg"), pkg, 0o644))
	path := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(recursiveHeader+steps), 0o644))
	s, cat, err := scenario.Load(path, builtins)
	if err != nil {
		return nil, err
	}
	return scenario.NewRunner(s, cat, nil)
}

// nested writes a Step literal n levels deep.
func nested(n int) string {
	return strings.Repeat("{ value: 1, next: ", n) + "null" + strings.Repeat(" }", n)
}

// laughs writes a Step whose kids repeat an alias ten times, levels deep:
// 10^levels values from a few lines.
func laughs(levels int) string {
	kid := "&k0 { value: 0 }"
	for i := 1; i <= levels; i++ {
		var kids []string
		kids = append(kids, fmt.Sprintf("0: %s", kid))
		for j := 1; j < 10; j++ {
			kids = append(kids, fmt.Sprintf("%d: *k%d", j, i-1))
		}
		kid = fmt.Sprintf("&k%d { value: %d, kids: { %s } }", i, i, strings.Join(kids, ", "))
	}
	return kid
}

func TestValueBounds(t *testing.T) {
	deploy := "  - deploy: { name: r, contract: rec, from: owner, init: { first: %s } }\n"
	tests := []struct {
		name, steps, want string
	}{
		{
			name:  "an alias that holds itself",
			steps: fmt.Sprintf(deploy, "&s { value: 1, next: *s }"),
			want:  "s.yaml:4:79: values nest deeper than 256 levels, the most a value may, through the alias *s at 4:88 (does it hold itself?)",
		},
		{
			name:  "the same in a message",
			steps: fmt.Sprintf(deploy, "null") + "  - send: { from: owner, to: r, message: Chain, fields: { first: &s { value: 1, next: *s } } }\n",
			want:  "s.yaml:5:78: values nest deeper than 256 levels, the most a value may, through the alias *s at 5:87",
		},
		{
			name:  "9,000 levels written out",
			steps: fmt.Sprintf(deploy, nested(9000)),
			want:  "s.yaml:4:4666: values nest deeper than 256 levels, the most a value may",
		},
		{
			name:  "a billion laughs",
			steps: fmt.Sprintf(deploy, laughs(7)),
			want:  "more than 10000 values, the most one value may hold (YAML aliases count each time they are used)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			// The parser refuses such values before anything runs; a
			// runner, if one gets made, must refuse them as a step.
			r, err := loadRecursive(t, tt.steps)
			for err == nil && !r.Done() {
				root := r.World.StateRoot()
				_, err = r.Next()
				if err != nil {
					assert.Equal(t, root, r.World.StateRoot(), "the failed step changed nothing")
					break
				}
			}
			runtime.ReadMemStats(&after)
			require.ErrorIs(t, err, scenario.ErrScenario)
			assert.Contains(t, position(err), tt.want)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(256<<20), "memory stays bounded")
		})
	}
}

func TestRecursiveValues(t *testing.T) {
	r, err := loadRecursive(t, "  - deploy: { name: r, contract: rec, from: owner, init: { first: "+nested(3)+" } }\n"+
		"  - send: { from: owner, to: r, message: Chain, fields: { first: "+laughs(2)+" } }\n")
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err, "values within the bounds encode, aliases included")
	require.Len(t, results, 2)
	require.NotNil(t, results[1].Tx)
}
