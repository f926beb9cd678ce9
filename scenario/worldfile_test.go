package scenario_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/scenario"
)

func TestWorldFile(t *testing.T) {
	dir := t.TempDir()
	pkg, err := os.ReadFile("../counter/build/CounterV2_CounterV2.pkg")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "v2.pkg"), pkg, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "v3.boc"), counter.V3().Code.ToBOC(), 0o644))
	first := filepath.Join(dir, "first.yaml")
	require.NoError(t, os.WriteFile(first, []byte(`contracts:
  v1: counter.v1
  v2: v2.pkg
  v3: v3.boc
wallets:
  owner: {}
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 9, owner: owner, value: 1 } }
  - send: { from: owner, to: counter, message: Upgrade, fields: { code: v2 } }
  - wait: 30
`), 0o644))
	s, cat, err := scenario.Load(first, builtins)
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)

	saved := filepath.Join(dir, "world.json")
	require.NoError(t, scenario.SaveWorld(saved, r.World, r.Catalog))
	bytes1, err := os.ReadFile(saved)
	require.NoError(t, err)

	w, loadedCat, err := scenario.LoadWorld(saved, builtins)
	require.NoError(t, err)
	assert.Equal(t, r.World.StateRoot(), w.StateRoot())
	assert.Equal(t, r.World.Names(), w.Names())
	assert.Equal(t, r.World.Now(), w.Now())
	for _, name := range []string{"v1", "v2", "v3"} {
		a, err := r.Catalog.ByName(name)
		require.NoError(t, err)
		b, err := loadedCat.ByName(name)
		require.NoError(t, err)
		assert.Equal(t, a.Code.Hash(), b.Code.Hash(), name)
		assert.Equal(t, a.Package != nil, b.Package != nil, name)
	}

	require.NoError(t, scenario.SaveWorld(saved, w, loadedCat))
	bytes2, err := os.ReadFile(saved)
	require.NoError(t, err)
	assert.Equal(t, string(bytes1), string(bytes2), "the same world gives the same bytes")

	// A second scenario goes on where the first stopped: the counter is
	// known by name and its package by code.
	second := filepath.Join(dir, "second.yaml")
	require.NoError(t, os.WriteFile(second, []byte(`wallets:
  owner: {}
steps:
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
    expect: { exit_code: 0, storage: { value: 0, id: 9 } }
`), 0o644))
	s2, err := scenario.Parse(second, mustRead(t, second))
	require.NoError(t, err)
	require.NoError(t, s2.LoadContracts(loadedCat, builtins))
	r2, err := scenario.NewRunner(s2, loadedCat, w)
	require.NoError(t, err)
	results, err := r2.Run()
	require.NoError(t, err)
	assert.Empty(t, results[0].Failures)
}

func mustRead(t *testing.T, path string) []byte {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

func TestWorldFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"not JSON", "hello", "not a tonsim world file: invalid character"},
		{"other format", `{"format": "x"}`, `format is "x"`},
		{"bad seed", `{"format": "tonsim world 1", "seed": "zz"}`, `seed "zz" is not 32 bytes of hex`},
		{"bad accounts", `{"format": "tonsim world 1", "seed": "` + zeros + `", "accounts": "zz!"}`, "accounts: not a hex or base64 BOC"},
		{"bad name", `{"format": "tonsim world 1", "seed": "` + zeros + `", "names": {"a": "0:1"}}`, "name a:"},
		{"no config", `{"format": "tonsim world 1", "seed": "` + zeros + `"}`, "it names no config"},
		{"unknown profile", `{"format": "tonsim world 1", "seed": "` + zeros + `", "config": "mainnet-1999"}`, `unknown config profile "mainnet-1999"`},
		{"unknown builtin", `{"format": "tonsim world 1", "seed": "` + zeros + `", "config": "sandbox-0.41", "contracts": [{"name": "x", "builtin": "nope"}]}`, `contract x: no built-in "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".json")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))
			_, _, err := scenario.LoadWorld(path, builtins)
			require.ErrorIs(t, err, scenario.ErrWorldFile)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, _, err := scenario.LoadWorld(filepath.Join(dir, "missing.json"), builtins)
	require.ErrorContains(t, err, "no such file")
}

const zeros = "0000000000000000000000000000000000000000000000000000000000000000"
