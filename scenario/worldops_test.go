package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/scenario"
)

func TestWorldOpParseErrors(t *testing.T) {
	tests := []struct {
		name, step, want string
	}{
		{"reinstall without contract", "  - reinstall: { on: c }\n", "s.yaml:2:16: reinstall needs contract"},
		{"reinstall init and data", "  - reinstall: { on: c, contract: v1, init: {}, data: x }\n", "s.yaml:2:45: give init arguments or raw data, not both"},
		{"migrate steps not a list", "  - migrate: { on: c, contract: v1, steps: 3 }\n", `s.yaml:2:44: steps must be a list, not "3"`},
		{"migrate inside migrate", "  - migrate:\n      on: c\n      contract: v1\n      steps:\n        - migrate: { on: old, contract: v1 }\n",
			"s.yaml:6:11: a migration's step 1 cannot migrate: its steps may send, get, wait"},
		{"reinstall inside migrate", "  - migrate:\n      on: c\n      contract: v1\n      steps:\n        - reinstall: { on: old, contract: v1 }\n",
			"s.yaml:6:11: a migration's step 1 cannot reinstall"},
		{"unknown key", "  - reinstall: { on: c, contract: v1, int: {} }\n", `s.yaml:2:39: unknown key "int" in reinstall, did you mean "init"?`},
		{"migrated on a reinstall", "  - reinstall: { on: c, contract: v1 }\n    expect: { migrated: true }\n", `s.yaml:3:15: unknown key "migrated" in expect of reinstall`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte("steps:\n"+tt.step))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReinstallStep(t *testing.T) {
	r, err := load(t, header+
		"  - send: { from: alice, to: counter, message: Step, fields: { queryId: 1 } }\n"+
		"  - reinstall: { on: counter, contract: v1, init: { id: 2, owner: alice, value: 0 } }\n"+
		"    expect: { lost: { value: 6, id: 1 }, storage: { value: 0, id: 2, owner: alice } }\n"+
		"  - reinstall: { on: counter, contract: v1, init: { id: 3, owner: alice, value: 9 } }\n"+
		"    expect: { lost: { value: 1 }, storage: { value: 8 } }\n")
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	require.Len(t, results, 4)
	assert.Empty(t, results[2].Failures)
	require.NotNil(t, results[2].Operation)
	assert.Equal(t, actor.OpReinstall, results[2].Operation.Kind)
	got := make([]string, len(results[3].Failures))
	for i, f := range results[3].Failures {
		got[i] = f.Key + ": want " + f.Want + ", got " + f.Got
	}
	assert.Equal(t, []string{"lost.value: want 1, got 0", "storage.value: want 8, got 9"}, got,
		"the second reinstall lost the first one's fresh data; a check can fail")
	assert.Len(t, r.World.Operations(), 2)
}

func TestMigrateUndoneLeavesNothing(t *testing.T) {
	r, err := load(t, header+
		"  - migrate:\n"+
		"      on: counter\n"+
		"      contract: v1\n"+
		"      init: { id: 1, owner: owner, value: 0 }\n"+
		"      steps:\n"+
		"        - send: { from: alice, to: new, message: Step, fields: { queryId: 1 } }\n"+
		"        - wait: 60\n"+
		"        - send: { from: alice, to: old, message: Upgrade, fields: { code: v2 } }\n"+
		"    expect: { migrated: false }\n")
	require.NoError(t, err)
	_, err = r.Next()
	require.NoError(t, err)
	root, lt, now, names, history := r.World.StateRoot(), r.World.LT(), r.World.Now(), r.World.Names(), r.World.Transactions()

	res, err := r.Next()
	require.NoError(t, err)
	assert.Empty(t, res.Failures, "the step expects the migration undone")
	require.NotNil(t, res.Undone)
	assert.Nil(t, res.Operation)
	require.NotNil(t, res.Undone.Tx)
	assert.Equal(t, int32(132), res.Undone.Tx.ExitCode)
	assert.Len(t, res.Inner, 3, "the steps up to the failed one")

	assert.Equal(t, root, r.World.StateRoot())
	assert.Equal(t, lt, r.World.LT())
	assert.Equal(t, now, r.World.Now(), "the wait inside is undone too")
	assert.Equal(t, names, r.World.Names())
	assert.Equal(t, history, r.World.Transactions())
	assert.Empty(t, r.World.Operations())
}

func TestMigrateStepErrorLeavesTheWorld(t *testing.T) {
	r, err := load(t, header+
		"  - migrate:\n"+
		"      on: counter\n"+
		"      contract: v1\n"+
		"      init: { id: 1, owner: owner, value: 0 }\n"+
		"      steps:\n"+
		"        - send: { from: alice, to: new, message: Step, fields: { queryId: 1 } }\n"+
		"        - send: { from: alice, to: new, message: Stop }\n")
	require.NoError(t, err)
	_, err = r.Next()
	require.NoError(t, err)
	root, history := r.World.StateRoot(), len(r.World.Transactions())

	_, err = r.Next()
	require.Error(t, err)
	assert.Contains(t, position(err), `s.yaml:16:50: v1 has no message "Stop"`)
	assert.Equal(t, root, r.World.StateRoot())
	assert.Len(t, r.World.Transactions(), history)
	assert.Equal(t, []string{"alice", "counter", "owner"}, r.World.Names(), "no name of the temporary account is left")
	assert.False(t, r.Done())
}

func TestMigrateNames(t *testing.T) {
	r, err := load(t, header+
		"  - migrate:\n"+
		"      on: counter\n"+
		"      contract: v1\n"+
		"      init: { id: 1, owner: alice, value: 0 }\n"+
		"      steps:\n"+
		"        - send: { from: alice, to: new, message: Step, fields: { queryId: 1 } }\n"+
		"          expect: { has_transaction: [ { from: alice, to: new, success: true } ], storage: { owner: alice } }\n"+
		"        - get: { on: old, method: value }\n"+
		"          expect: { result: 5 }\n"+
		"    expect: { migrated: true, transactions: 3, storage: { value: 1, owner: alice }, lost: { value: 5, owner: owner } }\n"+
		"  - get: { on: counter, method: value }\n"+
		"    expect: { result: 1 }\n")
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	for _, res := range results {
		assert.Empty(t, res.Failures)
	}
	op := results[1].Operation
	require.NotNil(t, op)
	assert.Equal(t, "counter (new)", op.NameOf(op.Temporary))
	assert.Equal(t, []string{"alice", "counter", "owner"}, r.World.Names())
}
