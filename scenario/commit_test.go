package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/scenario"
)

// TestSessionReproducesCommit: a session from a commit is the committed
// state, root exactly (checked by the world and by state_root), with its
// names, clock and history; the steps after it see that state.
func TestSessionReproducesCommit(t *testing.T) {
	r, err := load(t, header+`  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
  - commit: stepped
    expect: { state_root: stepped }
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 2 } }
  - wait: 60
  - deploy: { name: later, contract: v1, from: owner, init: { id: 2, owner: owner, value: 0 } }
  - session: { base: stepped }
    expect: { state_root: stepped }
  - get: { on: counter, method: value }
    expect: { result: 6 }
  - deploy: { name: later, contract: v1, from: alice, init: { id: 3, owner: owner, value: 0 } }
`)
	require.NoError(t, err)
	var committed, session *scenario.Result
	var committedTxs int
	for !r.Done() {
		res, err := r.Next()
		require.NoError(t, err)
		assert.Empty(t, res.Failures, "step %d", res.Step.Index)
		switch res.Step.Action.(type) {
		case *scenario.Commit:
			committed, committedTxs = res, len(r.World.Transactions())
			assert.Equal(t, r.World.StateRoot(), res.Commit.Root)
		case *scenario.Session:
			session = res
			assert.Equal(t, committed.Commit.Root, r.World.StateRoot(), "the committed state root, exactly")
			assert.Equal(t, committed.Commit.Now(), r.World.Now(), "the committed clock")
			assert.Equal(t, committed.Commit.LT(), r.World.LT())
			assert.Len(t, r.World.Transactions(), committedTxs, "the history as it was")
			assert.NotContains(t, r.World.Names(), "later", "the names as they were")
		}
	}
	require.NotNil(t, session)
	assert.Equal(t, "stepped", session.Commit.Name)
	assert.Equal(t, "session from stepped", scenario.Describe(session.Step.Action))
	assert.Equal(t, "commit stepped", scenario.Describe(committed.Step.Action))
}

// TestStateRootFails: state_root that does not hold is a failure, with
// the roots.
func TestStateRootFails(t *testing.T) {
	r, err := load(t, header+`  - commit: deployed
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
    expect: { state_root: deployed }
  - session: { base: deployed }
    expect: { state_root: "`+zeros+`" }
`)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	require.Len(t, results[2].Failures, 1)
	f := results[2].Failures[0]
	assert.Equal(t, "state_root", f.Key)
	assert.Contains(t, f.Want, "commit deployed (")
	assert.Equal(t, r.World.StateRoot().String(), results[3].Failures[0].Got)
	assert.Equal(t, zeros, results[3].Failures[0].Want)
}

// TestCommitNamesCheckedBeforeRunning: what a session starts from is known
// before anything runs, and so are the names after it.
func TestCommitNamesCheckedBeforeRunning(t *testing.T) {
	tests := []struct {
		name, steps, want string
	}{
		{"unknown commit", "  - session: { base: nowhere }\n", `s.yaml:10:22: session from an unknown commit "nowhere" (commits: none yet)`},
		{"misspelt commit", "  - commit: deployed\n  - session: { base: deploy }\n", `s.yaml:11:22: session from an unknown commit "deploy", did you mean "deployed"? (commits: deployed)`},
		{"committed later", "  - session: { base: later }\n  - commit: later\n", `s.yaml:10:22: session from an unknown commit "later" (commits: none yet)`},
		{"a name deployed after the commit", "  - commit: c\n  - deploy: { name: other, contract: v1, from: owner }\n  - session: { base: c }\n  - get: { on: other, method: value }\n",
			`s.yaml:13:16: unknown wallet or account "other", did you mean "owner"?`},
		{"state_root of an unknown commit", "  - send: { from: owner, to: counter }\n    expect: { state_root: nope }\n", `s.yaml:11:15: state_root of an unknown commit "nope" (commits: none yet)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, header+tt.steps)
			require.Error(t, err)
			assert.Equal(t, tt.want, position(err))
		})
	}
}

func TestCommitParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"commit not a name", "steps:\n  - commit: { name: a }\n", "s.yaml:2:13: commit (the commit's name) must be a text, not a mapping"},
		{"commit empty", "steps:\n  - commit: \"\"\n", "s.yaml:2:13: commit (the commit's name) is empty"},
		{"commit bad name", "steps:\n  - commit: \"a\\u001b[2J\"\n", "s.yaml:2:13: commit: not a usable name"},
		{"session not a mapping", "steps:\n  - session: a\n", `s.yaml:2:14: session must be a mapping (keys: base), not "a"`},
		{"session without base", "steps:\n  - session: {}\n", "s.yaml:2:14: session needs base"},
		{"session unknown key", "steps:\n  - session: { bsae: a }\n", `s.yaml:2:16: unknown key "bsae" in session, did you mean "base"? (want base)`},
		{"state_root not a root", "steps:\n  - commit: a\n    expect: { state_root: [1] }\n", "s.yaml:3:27: state_root must be 64 hex digits or a commit's name, not a list"},
		{"commit expects no exit code", "steps:\n  - commit: a\n    expect: { exit_code: 0 }\n", `unknown key "exit_code" in expect of commit (want state_root)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, errors.Is(err, scenario.ErrScenario), "a scenario error")
		})
	}
}

// TestSessionFromSavedWorld: a scenario run on a saved world starts a
// session from one of its commits; the names and wallets are the
// commit's, known before anything runs.
func TestSessionFromSavedWorld(t *testing.T) {
	dir := t.TempDir()
	w, cat, err := scenario.LoadWorld(savedWorld(t, dir), builtins)
	require.NoError(t, err)
	deployed, err := w.FindCommit(actor.CommitName("deployed"))
	require.NoError(t, err)

	src := filepath.Join(dir, "more.yaml")
	require.NoError(t, os.WriteFile(src, []byte(`steps:
  - session: { base: deployed }
    expect: { state_root: deployed }
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 7 } }
    expect: { storage: { value: 1 } }
  - commit: again
`), 0o644))
	s, err := scenario.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, s.LoadContracts(cat, builtins))
	r, err := scenario.NewRunner(s, cat, w)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	for _, res := range results {
		assert.Empty(t, res.Failures)
	}
	assert.Equal(t, deployed.Root, results[0].Commit.Root)
	assert.Len(t, w.Commits(), 3, "the saved commits and the new one")

	_, err = scenario.NewRunner(mustParse(t, "steps:\n  - session: { base: deployd }\n"), cat, w)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `s.yaml:2:22: session from an unknown commit "deployd", did you mean "deployed"? (commits: again, deployed, stepped)`)
}

func mustParse(t *testing.T, src string) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Parse("s.yaml", []byte(src))
	require.NoError(t, err)
	return s
}
