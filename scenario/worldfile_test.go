package scenario_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
	good := savedWorld(t, dir)
	goodJSON := mustRead(t, good)
	// edit changes a field of the good file and seals it again: the
	// checksum matches, so the error is about the field.
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(goodJSON))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&m))
		f(m)
		data, err := json.Marshal(m)
		require.NoError(t, err)
		sealed, err := scenario.SealWorld(data)
		require.NoError(t, err)
		return string(sealed)
	}
	set := func(key string, v any) string { return edit(func(m map[string]any) { m[key] = v }) }
	unsealed := func(f func(m map[string]any)) string {
		var m map[string]any
		require.NoError(t, json.Unmarshal(goodJSON, &m))
		f(m)
		data, err := json.Marshal(m)
		require.NoError(t, err)
		return string(data)
	}

	tests := []struct {
		name, content, want string
		changed             bool // wraps ErrWorldChanged
	}{
		{name: "not JSON, not quoted", content: "root:x:0:0:root:/root", want: "not a tonsim world file: not JSON (a syntax error at byte 1)"},
		{name: "cut short", content: string(goodJSON[:100]), want: "not JSON: unexpected end of the data"},
		{name: "trailing data", content: string(goodJSON) + "{}", want: "data after the world's JSON object"},
		{name: "unknown field", content: unsealed(func(m map[string]any) { m["extra"] = 1 }), want: "an unknown field"},
		{name: "other format", content: set("format", "x"), want: `the format field is not "tonsim world 3"`},
		{name: "version 1", content: set("format", "tonsim world 1"), want: "save the world again with this one (tonsim run --save)"},
		{name: "version 2", content: set("format", "tonsim world 2"), want: `(format "tonsim world 2", without commits): save the world again`},
		{name: "no checksum", content: unsealed(func(m map[string]any) { delete(m, "checksum") }), want: "saved world was changed after it was written: its checksum does not match", changed: true},
		{name: "edited after saving", content: unsealed(func(m map[string]any) { m["now"] = 1735689601 }), want: "saved world was changed after it was written: its checksum does not match", changed: true},
		{name: "state root does not match", content: set("state_root", zeros), want: "saved world was changed after it was written: state root: \"" + zeros + "\" is none of the account dictionaries' in accounts", changed: true},
		{name: "lt 2^63", content: set("lt", json.Number("9223372036854775808")), want: "lt 9223372036854775808 is out of range: want a whole number in [1, 9223372036854775807]"},
		{name: "lt 0", content: set("lt", 0), want: "lt 0 is out of range"},
		{name: "lt negative", content: set("lt", -1), want: "lt -1 is out of range"},
		{name: "lt fractional", content: set("lt", 1.5), want: "lt 1.5 is out of range"},
		{name: "now past 2^32", content: set("now", json.Number("4294967296")), want: "now 4294967296 is out of range: want a whole number in [0, 4294967295]"},
		{name: "lt not past the accounts'", content: set("lt", 5), want: "its last transaction's lt 10 is not before the world's lt 5"},
		{name: "now as text", content: unsealed(func(m map[string]any) { m["now"] = "soon" }), want: "a wrong value"},
		{name: "names as a list", content: unsealed(func(m map[string]any) { m["names"] = []any{} }), want: "field names holds a JSON array"},
		{name: "bad seed", content: set("seed", "zz"), want: "seed is not 32 bytes of hex"},
		{name: "bad accounts", content: set("accounts", "zz!"), want: "accounts: not a hex or base64 BOC"},
		{name: "bad name", content: edit(func(m map[string]any) { m["names"] = map[string]any{"a": "0:1"} }), want: `name "a":`},
		{name: "unknown builtin", content: set("contracts", []any{map[string]any{"name": "x", "builtin": "nope"}}), want: `contract "x": no built-in "nope"`},
		{name: "a long name, not quoted", content: edit(func(m map[string]any) {
			m["names"] = map[string]any{strings.Repeat("a", 5000): strings.Repeat("0", 5000)}
		}), want: "name a string of 5000 bytes: "},
		{name: "a long builtin, not quoted", content: set("contracts", []any{map[string]any{"name": strings.Repeat("x", 5000), "builtin": strings.Repeat("n", 5000)}}), want: "contract a string of 5000 bytes: no built-in a string of 5000 bytes"},
		{name: "a long number, not quoted", content: set("lt", json.Number(strings.Repeat("9", 5000))), want: "lt a string of 5000 bytes is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".json")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))
			_, _, err := scenario.LoadWorld(path, builtins)
			require.ErrorIs(t, err, scenario.ErrWorldFile)
			assert.Equal(t, tt.changed, errors.Is(err, scenario.ErrWorldChanged), "ErrWorldChanged")
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), path)
			assert.NotContains(t, err.Error(), "root:x", "an error never quotes the file")
			assert.Less(t, len(err.Error()), 400+len(path), "an error quotes no long text")
		})
	}

	t.Run("missing", func(t *testing.T) {
		_, _, err := scenario.LoadWorld(filepath.Join(dir, "missing.json"), builtins)
		require.ErrorContains(t, err, "no such file")
	})
	t.Run("a directory", func(t *testing.T) {
		_, _, err := scenario.LoadWorld(dir, builtins)
		require.ErrorContains(t, err, "not a regular file but a directory")
	})
	t.Run("over the size limit", func(t *testing.T) {
		_, _, err := scenario.LoadWorld(good, builtins, scenario.WithMaxFileSize(100))
		require.ErrorContains(t, err, "larger than the 100 bytes limit for a world file")
	})
}

// savedWorld plays a small scenario (a counter deployed, committed, stepped
// and committed again) and saves its world in dir.
func savedWorld(t *testing.T, dir string) string {
	t.Helper()
	return savedWorldF(t, dir)
}

func savedWorldF(t testing.TB, dir string) string {
	t.Helper()
	src := filepath.Join(dir, "small.yaml")
	require.NoError(t, os.WriteFile(src, []byte(`contracts: { v1: counter.v1 }
wallets: { owner: {} }
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 1, owner: owner, value: 0 } }
  - commit: deployed
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
  - commit: stepped
`), 0o644))
	s, cat, err := scenario.Load(src, builtins)
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	path := filepath.Join(dir, "small.json")
	require.NoError(t, scenario.SaveWorld(path, r.World, r.Catalog))
	return path
}

// TestWorldFileBitFlips flips every bit of a saved world, one at a time:
// each load must fail as a world file error or give the very same world.
// Without the checksum, some flips loaded silently with other values.
func TestWorldFileBitFlips(t *testing.T) {
	dir := t.TempDir()
	path := savedWorld(t, dir)
	orig := mustRead(t, path)
	want, wantCat, err := scenario.LoadWorld(path, builtins)
	require.NoError(t, err)
	wantV1, err := wantCat.ByName("v1")
	require.NoError(t, err)

	step := 1
	if testing.Short() {
		step = len(orig) * 8 / 300 // a few hundred flips spread over the file
	}
	loaded := 0
	for bit := 0; bit < len(orig)*8; bit += step {
		data := bytes.Clone(orig)
		data[bit/8] ^= 1 << (bit % 8)
		w, cat, err := scenario.LoadWorldData(path, data, builtins)
		if err != nil {
			require.ErrorIs(t, err, scenario.ErrWorldFile, "bit %d", bit)
			continue
		}
		loaded++
		require.Equal(t, want.StateRoot(), w.StateRoot(), "bit %d loaded another state", bit)
		require.Equal(t, want.Names(), w.Names(), "bit %d", bit)
		require.Equal(t, want.Now(), w.Now(), "bit %d", bit)
		require.Equal(t, want.LT(), w.LT(), "bit %d", bit)
		require.Equal(t, commitFacts(want), commitFacts(w), "bit %d loaded other commits", bit)
		v1, err := cat.ByName("v1")
		require.NoError(t, err, "bit %d", bit)
		require.Equal(t, wantV1.Code.Hash(), v1.Code.Hash(), "bit %d", bit)
	}
	t.Logf("%d of %d flips loaded, every one the same world", loaded, len(orig)*8/step)
}

func TestSaveWorldKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := savedWorld(t, dir)
	require.NoError(t, os.Chmod(path, 0o600))
	w, cat, err := scenario.LoadWorld(path, builtins)
	require.NoError(t, err)
	require.NoError(t, scenario.SaveWorld(path, w, cat))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "the scenario and the world, no temporary file")
}

const zeros = "0000000000000000000000000000000000000000000000000000000000000000"

// FuzzLoadWorld feeds world files: each loads or fails as a world file
// error, never panics, and what loads has the state root it says.
func FuzzLoadWorld(f *testing.F) {
	dir := f.TempDir()
	good, err := os.ReadFile(savedWorldF(f, dir))
	require.NoError(f, err)
	f.Add(good)
	f.Add(bytes.Replace(good, []byte("tonsim world 3"), []byte("tonsim world 2"), 1))
	f.Add(bytes.Replace(good, []byte("tonsim world 3"), []byte("tonsim world 1"), 1))
	f.Add([]byte(`{"format": "tonsim world 3", "lt": 18446744073709551615}`))
	f.Add([]byte(`{"format": "tonsim world 3", "states": [{"state_root": "", "now": 0, "lt": 1}], "commits": [{"state": 7}]}`))
	f.Add([]byte("root:x:0:0:root"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLoaded(t, data)
		// The same content sealed, so that what the checksum would stop
		// reaches the checks behind it.
		if sealed, err := scenario.SealWorld(data); err == nil {
			checkLoaded(t, sealed)
		}
	})
}

// checkLoaded loads a world file: it loads or fails as a world file error,
// and what loads has the state roots it says, the world's and each
// commit's, which a session reproduces or refuses with an error.
func checkLoaded(t *testing.T, data []byte) {
	w, _, err := scenario.LoadWorldData("f.json", data, builtins)
	if err != nil {
		if !errors.Is(err, scenario.ErrWorldFile) {
			t.Fatalf("not a world file error: %v", err)
		}
		return
	}
	var file struct {
		StateRoot string `json:"state_root"`
		States    []struct {
			StateRoot string `json:"state_root"`
		} `json:"states"`
		Commits []struct {
			State int `json:"state"`
		} `json:"commits"`
	}
	require.NoError(t, json.Unmarshal(data, &file))
	require.Equal(t, file.StateRoot, w.StateRoot().String())
	commits := w.Commits()
	require.Len(t, commits, len(file.Commits))
	for i, c := range commits {
		require.Equal(t, file.States[file.Commits[i].State].StateRoot, c.Root.String())
		if s, err := w.Session(c); err == nil {
			require.Equal(t, c.Root, s.StateRoot())
		}
	}
}
