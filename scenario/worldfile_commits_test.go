package scenario_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/scenario"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// commitFact is what a test compares of a commit.
type commitFact struct {
	Name    string
	Root    actor.StateRoot
	Now     uint32
	LT      uint64
	Names   []string
	Session actor.StateRoot
}

// commitFacts lists w's commits, each with the state root a session from
// it has.
func commitFacts(w *actor.World) []commitFact {
	var out []commitFact
	for _, c := range w.Commits() {
		f := commitFact{Name: c.Name, Root: c.Root, Now: c.Now(), LT: c.LT(), Names: c.Names()}
		if s, err := w.Session(c); err == nil {
			f.Session = s.StateRoot()
		}
		out = append(out, f)
	}
	return out
}

// TestWorldFileCommits: a saved world keeps its commits, each state once
// and each shared cell once, and a session from a loaded commit is the
// committed state, root exactly.
func TestWorldFileCommits(t *testing.T) {
	dir := t.TempDir()
	path := savedWorld(t, dir)
	data := mustRead(t, path)
	w, cat, err := scenario.LoadWorld(path, builtins)
	require.NoError(t, err)

	facts := commitFacts(w)
	require.Len(t, facts, 2)
	assert.Equal(t, []string{"deployed", "stepped"}, []string{facts[0].Name, facts[1].Name})
	for _, f := range facts {
		assert.Equal(t, f.Root, f.Session, "a session from %s reproduces its state root", f.Name)
	}
	assert.Equal(t, w.StateRoot(), facts[1].Root, "the world stands at its last commit")

	var file map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &file))
	var accounts string
	require.NoError(t, json.Unmarshal(file["accounts"], &accounts))
	roots, err := cell.DecodeBOCRoots([]byte(accounts))
	require.NoError(t, err)
	assert.Len(t, roots, 2, "two dictionaries: the deployed one, and the stepped one the world shares")
	apart := 0
	for _, r := range roots {
		apart += len(cell.Hex(r))
	}
	assert.Less(t, len(accounts), apart, "the cells the dictionaries share are stored once")

	// Saved again, the same bytes: the commits keep their order and
	// states.
	again := filepath.Join(dir, "again.json")
	require.NoError(t, scenario.SaveWorld(again, w, cat))
	assert.Equal(t, string(data), string(mustRead(t, again)))
}

// TestWorldFileSharedStates: two commits of one state store it once.
func TestWorldFileSharedStates(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	_, err = w.NewWallet("alice")
	require.NoError(t, err)
	for _, name := range []string{"a", "b"} {
		_, err := w.CommitAs(name)
		require.NoError(t, err)
	}
	path := filepath.Join(t.TempDir(), "w.json")
	require.NoError(t, scenario.SaveWorld(path, w, catalog.New()))
	var file struct {
		States  []json.RawMessage `json:"states"`
		Commits []struct {
			Name  string `json:"name"`
			State int    `json:"state"`
		} `json:"commits"`
	}
	require.NoError(t, json.Unmarshal(mustRead(t, path), &file))
	assert.Len(t, file.States, 1)
	assert.Equal(t, []int{0, 0}, []int{file.Commits[0].State, file.Commits[1].State})

	loaded, _, err := scenario.LoadWorld(path, builtins)
	require.NoError(t, err)
	assert.Equal(t, commitFacts(w), commitFacts(loaded))
}

// TestWorldFileCommitErrors: sealed files (the checksum matches) whose
// commits are wrong in one way each.
func TestWorldFileCommitErrors(t *testing.T) {
	dir := t.TempDir()
	goodJSON := mustRead(t, savedWorld(t, dir))
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
	state := func(m map[string]any, i int) map[string]any { return m["states"].([]any)[i].(map[string]any) }
	commit := func(m map[string]any, i int) map[string]any { return m["commits"].([]any)[i].(map[string]any) }
	accounts := func(m map[string]any) []*tvmcell.Cell {
		roots, err := cell.DecodeBOCRoots([]byte(m["accounts"].(string)))
		require.NoError(t, err)
		return roots
	}

	tests := []struct {
		name, content, want string
		changed             bool
	}{
		{name: "a state root of no dictionary", content: edit(func(m map[string]any) { state(m, 0)["state_root"] = zeros }),
			want: "states[0]: state root \"" + zeros + "\" is none of the account dictionaries'", changed: true},
		{name: "a state no commit has", content: edit(func(m map[string]any) { commit(m, 1)["state"] = 0 }), want: "states[1] is no commit's"},
		{name: "a state out of range", content: edit(func(m map[string]any) { commit(m, 0)["state"] = 9 }), want: "commits[0]: state 9 is out of range: the file has 2"},
		{name: "a dictionary no state has", content: edit(func(m map[string]any) {
			extra := tvmcell.BeginCell().MustStoreUInt(1, 1).EndCell()
			m["accounts"] = cell.HexRoots(append(accounts(m), extra))
		}), want: "accounts: root 3 (state root "},
		{name: "a dictionary twice", content: edit(func(m map[string]any) {
			roots := accounts(m)
			m["accounts"] = cell.HexRoots(append(roots, tvmcell.BeginCell().MustStoreBuilder(roots[0].ToBuilder()).EndCell()))
		}), want: "accounts: roots 1 and 3 are the same dictionary"},
		{name: "a name twice", content: edit(func(m map[string]any) { commit(m, 1)["name"] = "deployed" }), want: `saved commit "deployed": the name is given to two commits`},
		{name: "a bad name", content: edit(func(m map[string]any) { commit(m, 1)["name"] = "\x1b[2J" }), want: "not a usable name"},
		{name: "lt out of range", content: edit(func(m map[string]any) { state(m, 0)["lt"] = 0 }), want: "states[0]: lt 0 is out of range"},
		{name: "now out of range", content: edit(func(m map[string]any) { state(m, 1)["now"] = json.Number("4294967296") }), want: "states[1]: now 4294967296 is out of range"},
		{name: "a bad address", content: edit(func(m map[string]any) { state(m, 0)["names"] = map[string]any{"x": "0:1"} }), want: `states[0]: name "x":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.json")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))
			_, _, err := scenario.LoadWorld(path, builtins)
			require.ErrorIs(t, err, scenario.ErrWorldFile)
			assert.Equal(t, tt.changed, errors.Is(err, scenario.ErrWorldChanged), "ErrWorldChanged")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
