package scenario_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/scenario"
)

// tolkDir copies the Tolk counter's v1 (its ABI beside its code) and v2
// (its ABI under another name) into a new directory.
func tolkDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	build := "../examples/contracts/tolk-counter/build/"
	for from, to := range map[string]string{
		"counter_v1.boc": "v1.boc", "counter_v1.abi.json": "v1.abi.json",
		"counter_v2.boc": "v2code.boc", "counter_v2.abi.json": "v2iface.json",
	} {
		data, err := os.ReadFile(build + from)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o644))
	}
	return dir
}

// TestTolkContractFiles loads Tolk contracts as code and ABI files: one by
// the ABI beside its code, one by {code, abi}. Both decode storage, name
// messages and getters, and a saved world carries the ABI.
func TestTolkContractFiles(t *testing.T) {
	dir := tolkDir(t)
	path := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(`contracts:
  v1: v1.boc
  v2: { code: v2code.boc, abi: v2iface.json }
wallets: { owner: {} }
steps:
  - deploy: { name: c, contract: v1, from: owner, init: { owner: owner, id: 1, value: 5 } }
    expect: { storage: { value: 5, id: 1 } }
  - upgrade: { on: c, to: v2 }
    expect: { version: 2.0.0, storage: { value: 5 }, events: [ UpgradedEvent ] }
  - get: { on: c, method: version }
    expect: { result: 2.0.0 }
`), 0o644))
	s, cat, err := scenario.Load(path, nil)
	require.NoError(t, err)
	for _, name := range []string{"v1", "v2"} {
		ct, err := cat.ByName(name)
		require.NoError(t, err)
		require.NotNil(t, ct.Package, "%s has its ABI", name)
	}
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	for _, res := range results {
		assert.Empty(t, res.Failures)
	}

	world := filepath.Join(dir, "w.json")
	require.NoError(t, scenario.SaveWorld(world, r.World, r.Catalog))
	_, cat2, err := scenario.LoadWorld(world, nil)
	require.NoError(t, err)
	v2, err := cat2.ByName("v2")
	require.NoError(t, err)
	require.NotNil(t, v2.Package, "the saved world keeps the ABI")
	assert.Equal(t, []string{"UpgradedEvent"}, v2.Package.ABI.Events, "read from the saved ABI")
}

func TestTolkContractFileErrors(t *testing.T) {
	tests := []struct{ name, decl, want string }{
		{"no code", "{ abi: v1.abi.json }", `s.yaml:2:7: contract v1 needs code`},
		{"an unknown key", "{ code: v1.boc, abi: v1.abi.json, tact: x }", `s.yaml:2:41: unknown key "tact" in contract v1`},
		{"a missing ABI", "{ code: v1.boc, abi: nope.json }", `s.yaml:2:7: contract v1: its ABI:`},
		{"an ABI that is not one", "{ code: v1.boc, abi: v1.boc }", `s.yaml:2:7: contract v1: v1.boc:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tolkDir(t)
			path := filepath.Join(dir, "s.yaml")
			require.NoError(t, os.WriteFile(path, []byte("contracts:\n  v1: "+tt.decl+"\nsteps:\n  - wait: 1\n"), 0o644))
			_, _, err := scenario.Load(path, nil)
			require.Error(t, err)
			assert.Contains(t, position(err), tt.want)
		})
	}
}
