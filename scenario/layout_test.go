package scenario_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
)

func TestParseLayoutOptions(t *testing.T) {
	s, err := scenario.Parse("s.yaml", []byte(header+
		"  - preflight: { on: counter, to: v2, layout: { renamed: { value: count }, allow: [reorder, retype] } }\n"+
		"  - upgrade: { on: counter, to: v2, layout: {} }\n"+
		"  - upgrade: { on: counter, to: v2, layout: }\n"))
	require.NoError(t, err)
	pf := s.Steps[1].Action.(*scenario.Preflight)
	require.NotNil(t, pf.Layout)
	assert.Equal(t, map[string]string{"value": "count"}, pf.Layout.Renamed)
	assert.Equal(t, []upgradable.FindingKind{upgradable.FindingReorder, upgradable.FindingRetype}, pf.Layout.Allow)
	assert.Equal(t, scenario.Pos{Line: 10, Col: 47}, pf.Layout.Pos)
	for _, i := range []int{2, 3} {
		u := s.Steps[i].Action.(*scenario.Upgrade)
		require.NotNil(t, u.Layout, "layout: {} or empty asks for the check, waiving nothing")
		assert.Empty(t, u.Layout.Allow)
	}
	assert.Nil(t, s.Steps[0].Action.(*scenario.Deploy).Init.Entries[0].Value.Entries, "the header parses as usual")

	tests := []struct{ name, step, want string }{
		{"an unknown key", "  - preflight: { on: counter, to: v2, layout: { allows: [reorder] } }\n",
			`s.yaml:10:49: unknown key "allows" in layout, did you mean "allow"? (want renamed, allow)`},
		{"a misspelt kind", "  - preflight: { on: counter, to: v2, layout: { allow: [reorderd] } }\n",
			`s.yaml:10:57: "reorderd" is no kind of layout change (kinds: insert, remove, retype, reorder, rename, move, unit, reserved, init), did you mean "reorder"?`},
		{"allow not a list", "  - preflight: { on: counter, to: v2, layout: { allow: reorder } }\n",
			`s.yaml:10:56: allow must list kinds of layout change (insert, remove, retype, reorder, rename, move, unit, reserved, init), not "reorder"`},
		{"renamed not a mapping", "  - upgrade: { on: counter, to: v2, layout: { renamed: [a] } }\n",
			`s.yaml:10:56: renamed (old field: new field) must be a mapping, not a list`},
		{"layout not a mapping", "  - upgrade: { on: counter, to: v2, layout: [reorder] }\n",
			`s.yaml:10:45: layout must be a mapping (keys: renamed, allow), not a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte(header+tt.step))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestLayoutGate checks layout: on a preflight and an upgrade: an
// incompatible layout fails the step at its layout key, and an upgrade
// refused so changes nothing; a compatible one passes.
func TestLayoutGate(t *testing.T) {
	r, err := load(t, header+
		"  - preflight: { on: counter, to: v3, layout: {} }\n"+
		"  - upgrade: { on: counter, to: v3, layout: {} }\n"+
		"  - preflight: { on: counter, to: v2, layout: {} }\n"+
		"  - upgrade: { on: counter, to: v2, layout: {} }\n"+
		"    expect: { code_changed: true }\n")
	require.NoError(t, err)
	_, err = r.Next()
	require.NoError(t, err)

	res, err := r.Next()
	require.NoError(t, err)
	require.Len(t, res.Failures, 1)
	f := res.Failures[0]
	assert.Equal(t, "layout", f.Key)
	assert.Equal(t, scenario.Pos{Line: 10, Col: 47}, f.Pos)
	assert.Contains(t, f.Got, "incompatible: CounterV2Layout does not read the current storage")
	assert.Equal(t, "bricked", res.Preflight.Verdict.Key(), "the dry run agrees")

	root, txs := r.World.StateRoot(), len(r.World.Transactions())
	res, err = r.Next()
	require.NoError(t, err)
	require.Len(t, res.Failures, 1)
	assert.Equal(t, "layout", res.Failures[0].Key)
	assert.Nil(t, res.Upgraded, "refused before anything is sent")
	assert.Equal(t, root, r.World.StateRoot(), "a refused upgrade changes nothing")
	assert.Len(t, r.World.Transactions(), txs)

	for range 2 {
		res, err = r.Next()
		require.NoError(t, err)
		assert.Empty(t, res.Failures)
	}
	assert.True(t, res.Upgraded.CodeChanged)
}

// TestUpgradePoint checks that an upgrade point is skipped as written and
// performed, as an upgrade step, in the upgraded pass.
func TestUpgradePoint(t *testing.T) {
	src := header + "  - upgrade_point: { on: counter, to: v2 }\n" +
		"  - get: { on: counter, method: type_and_version }\n"
	for _, tt := range []struct {
		pass    scenario.Pass
		version string
	}{
		{scenario.PassAsWritten, "com.example.upgrades.Counter v1.0.0"},
		{scenario.PassUpgraded, "com.example.upgrades.Counter v2.0.0"},
	} {
		t.Run(tt.pass.String(), func(t *testing.T) {
			r, err := load(t, src)
			require.NoError(t, err)
			require.Len(t, r.Scenario.UpgradePoints(), 1)
			assert.Equal(t, "upgrade point: counter to v2", scenario.Describe(r.Scenario.Steps[1].Action))
			r.Pass = tt.pass
			results, err := r.Run()
			require.NoError(t, err)
			point := results[1]
			assert.Equal(t, tt.pass == scenario.PassAsWritten, point.Skipped)
			assert.Equal(t, tt.pass == scenario.PassUpgraded, point.Upgraded != nil)
			assert.Equal(t, tt.version, scenario.Format(results[2].Get.Value))
		})
	}

	_, err := load(t, header+"  - upgrade_point: { on: counter, to: v9 }\n")
	require.Error(t, err)
	assert.Equal(t, `s.yaml:10:39: unknown contract "v9" (known: v1, v2, v3)`, position(err), "names are checked before either pass")
	_, err = scenario.Parse("s.yaml", []byte(header+"  - upgrade_point: { on: counter, to: v2 }\n    expect: { success: true }\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "upgrade_point has nothing to expect")
}

// hooksBuiltins are the hooks family's packages, eager and lazy.
func hooksBuiltins() scenario.Builtins {
	b := contracts.Loaders()
	out := scenario.Builtins{}
	for _, n := range []string{"hooks.v1", "hooks.v2", "hooks.v2trap", "hooks.lazy.v1", "hooks.lazy.v2trap"} {
		out[n] = b[n]
	}
	return out
}

// TestLayoutGateFollowsTheDryRun checks that an upgrade's layout: gate
// follows a dry run of the upgrade where it disagrees with the layout:
// hooks.v2trap reads hooks.v2's storage exactly, yet its post-upgrade
// hook refuses version 2 (exit 57875), so the gate fails and nothing is
// sent; and that the lazy trap, which reads version 1's storage with
// version 2's layout, never passes the gate to brick the pot.
func TestLayoutGateFollowsTheDryRun(t *testing.T) {
	s, cat, err := scenario.Load(write(t, `contracts:
  v1: hooks.v1
  v2: hooks.v2
  v2trap: hooks.v2trap
  lazy1: hooks.lazy.v1
  lazytrap: hooks.lazy.v2trap
wallets:
  owner: {}
steps:
  - deploy: { name: pot, contract: v1, from: owner, init: { owner: owner } }
  - upgrade: { on: pot, to: v2, layout: {} }
  - upgrade: { on: pot, to: v2trap, layout: {} }
  - deploy: { name: lazy, contract: lazy1, from: owner, init: { owner: owner } }
  - upgrade: { on: lazy, to: lazytrap, layout: {} }
`), hooksBuiltins())
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	for range 2 {
		res, err := r.Next()
		require.NoError(t, err)
		require.Empty(t, res.Failures)
	}

	root := r.World.StateRoot()
	res, err := r.Next()
	require.NoError(t, err)
	require.Len(t, res.Failures, 1)
	f := res.Failures[0]
	assert.Equal(t, "layout", f.Key)
	assert.Equal(t, scenario.Pos{Line: 12, Col: 45}, f.Pos)
	assert.Contains(t, f.Got, "incompatible: the dry run fails with exit 57875 (No migration from this version), and it wins over the layout, which lines up")
	assert.Nil(t, res.Upgraded, "refused before anything is sent")
	assert.Equal(t, root, r.World.StateRoot())

	_, err = r.Next()
	require.NoError(t, err)
	root = r.World.StateRoot()
	res, err = r.Next()
	require.NoError(t, err)
	require.Len(t, res.Failures, 1)
	assert.Contains(t, res.Failures[0].Got, "HooksV2Layout (after 1 bit skipped")
	assert.Contains(t, res.Failures[0].Got, "breaks the read")
	assert.Nil(t, res.Upgraded, "the lazy trap never bricks the pot")
	assert.Equal(t, root, r.World.StateRoot())
}

// TestLayoutRenamedUnknownField checks that renamed: names fields of the
// old storage: one it does not have is an error at the name's place,
// naming the fields there are, on a preflight and an upgrade alike.
func TestLayoutRenamedUnknownField(t *testing.T) {
	for _, step := range []string{
		"  - preflight: { on: counter, to: v2, layout: { renamed: { nosuch: other } } }\n",
		"  - upgrade: { on: counter, to: v2, layout: { renamed: { nosuch: other } } }\n",
	} {
		r, err := load(t, header+step)
		require.NoError(t, err)
		_, err = r.Run()
		require.Error(t, err)
		col := strings.Index(step, "nosuch") + 1
		assert.Equal(t, fmt.Sprintf("s.yaml:10:%d: renamed: the storage of CounterV1 has no field nosuch to rename (its fields: owner, id, value)", col), position(err))
	}
	r, err := load(t, header+"  - preflight: { on: counter, to: v2, layout: { renamed: { value: count } } }\n")
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err, "a field the storage has")
}

// TestUpgradePointRefused checks that an upgrade point the contract
// refuses fails the upgraded pass at the point, with the exit code and its
// meaning, and that the pass as written skips it and passes.
func TestUpgradePointRefused(t *testing.T) {
	src := header + "  - upgrade_point: { on: counter, to: v2, from: alice }\n" +
		"  - get: { on: counter, method: value }\n    expect: { result: 5 }\n"
	for _, pass := range []scenario.Pass{scenario.PassAsWritten, scenario.PassUpgraded} {
		t.Run(pass.String(), func(t *testing.T) {
			r, err := load(t, src)
			require.NoError(t, err)
			r.Pass = pass
			results, err := r.Run()
			require.NoError(t, err)
			point := results[1]
			if pass == scenario.PassAsWritten {
				assert.Empty(t, point.Failures)
				return
			}
			require.Len(t, point.Failures, 1)
			f := point.Failures[0]
			assert.Equal(t, "upgrade_point", f.Key)
			assert.Equal(t, 10, f.Pos.Line)
			assert.Equal(t, "the upgrade refused: exit 132 (Access denied); counter still runs its old code, so this pass never upgraded", f.Got)
			assert.False(t, point.Upgraded.CodeChanged)
		})
	}
}
