package scenario_test

import (
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/scenario"
)

var builtins = scenario.Builtins{"counter.v1": counter.V1, "counter.v2": counter.V2, "counter.v3": counter.V3}

const header = `contracts:
  v1: counter.v1
  v2: counter.v2
  v3: counter.v3
wallets:
  owner: {}
  alice: {}
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 1, owner: owner, value: 5 } }
`

// write puts src into a scenario file in a temporary directory.
func write(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return path
}

func load(t *testing.T, src string) (*scenario.Runner, error) {
	t.Helper()
	s, cat, err := scenario.Load(write(t, src), builtins)
	if err != nil {
		return nil, err
	}
	return scenario.NewRunner(s, cat, nil)
}

// position strips the temporary directory from an error.
func position(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "s.yaml:"); i >= 0 {
		return msg[i:]
	}
	return msg
}

func TestNamesCheckedBeforeRunning(t *testing.T) {
	tests := []struct {
		name, steps, want string
	}{
		{"unknown wallet", "  - send: { from: bob, to: counter }\n", `s.yaml:10:19: unknown wallet "bob"`},
		{"misspelt wallet", "  - send: { from: ownr, to: counter }\n", `s.yaml:10:19: unknown wallet "ownr", did you mean "owner"?`},
		{"not a wallet", "  - send: { from: counter, to: owner }\n", `s.yaml:10:19: "counter" is not a wallet: only wallets send`},
		{"unknown account", "  - get: { on: countr, method: value }\n", `s.yaml:10:16: unknown wallet or account "countr", did you mean "counter"?`},
		{"bad address", "  - send: { from: owner, to: \"0:12\" }\n", `s.yaml:10:30: unknown wallet or account "0:12"`},
		{"used before deployed", "  - get: { on: later, method: value }\n  - deploy: { name: later, contract: v1, from: owner }\n", `s.yaml:10:16: unknown wallet or account "later"`},
		{"unknown contract", "  - deploy: { name: c2, contract: v9, from: owner }\n", `s.yaml:10:35: unknown contract "v9" (known: v1, v2, v3)`},
		{"name taken", "  - deploy: { name: owner, contract: v1, from: owner }\n", `s.yaml:10:21: the name "owner" is taken`},
		{"upgrade to an unknown contract", "  - upgrade: { on: counter, to: v9 }\n", `s.yaml:10:33: unknown contract "v9" (known: v1, v2, v3)`},
		{"upgrade from an account", "  - upgrade: { on: counter, to: v2, from: counter }\n", `s.yaml:10:43: "counter" is not a wallet: only wallets send`},
		{"preflight to an unknown contract", "  - preflight: { on: counter, to: v9 }\n", `s.yaml:10:35: unknown contract "v9" (known: v1, v2, v3)`},
		{"get names a taken name", "  - get: { on: counter, method: owner, name: alice }\n", `s.yaml:10:46: the name "alice" is taken`},
		{"get names no name", "  - get: { on: counter, method: owner, name: \"a\\ab\" }\n", `s.yaml:10:46: not a usable name: "a\ab" holds a control character at byte 1`},
		{"used before a get names it", "  - send: { from: owner, to: chief }\n  - get: { on: counter, method: owner, name: chief }\n", `s.yaml:10:30: unknown wallet or account "chief"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, header+tt.steps)
			require.Error(t, err)
			assert.Equal(t, tt.want, position(err))
		})
	}
}

func TestLoadErrors(t *testing.T) {
	_, _, err := scenario.Load(write(t, "contracts:\n  v1: nope.pkg\nsteps:\n  - wait: 1\n"), builtins)
	require.Error(t, err)
	assert.Equal(t, `s.yaml:2:7: contract v1: no built-in contract or file "nope.pkg" (built-ins: counter.v1, counter.v2, counter.v3)`, position(err))

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.pkg"), []byte("{}"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("contracts:\n  v1: bad.pkg\nsteps:\n  - wait: 1\n"), 0o644))
	_, _, err = scenario.Load(filepath.Join(dir, "s.yaml"), builtins)
	require.Error(t, err)
	assert.Contains(t, position(err), "s.yaml:2:7: contract v1: bad.pkg:")
}

func TestContractFiles(t *testing.T) {
	dir := t.TempDir()
	pkg, err := os.ReadFile("../counter/build/CounterV1_CounterV1.pkg")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "build"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "build", "v1.pkg"), pkg, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "v2.boc"), counter.V2().Code.ToBOC(), 0o644))
	path := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(`contracts:
  v1: build/v1.pkg
  v2: v2.boc
wallets:
  owner: {}
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 1, owner: owner, value: 2 } }
  - send: { from: owner, to: counter, message: Upgrade, fields: { code: v2 } }
    expect: { success: true }
  - get: { on: counter, method: value }
`), 0o644))

	s, cat, err := scenario.Load(path, builtins)
	require.NoError(t, err)
	v2, err := cat.ByName("v2")
	require.NoError(t, err)
	assert.Nil(t, v2.Package, "a code BOC has no package")
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	assert.Empty(t, results[1].Failures)
	get := results[2].Get
	require.NoError(t, get.Err)
	assert.Nil(t, get.Value, "no package: the raw stack")
	assert.Equal(t, "2", scenario.Format(get.Stack[0]))
}

func TestRunErrorsLeaveTheWorld(t *testing.T) {
	tests := []struct {
		name, step, want string
	}{
		{"wrong field type", "  - send: { from: owner, to: counter, message: Step, fields: { queryId: lots } }\n",
			`s.yaml:10:73: Step.queryId: want an integer, got "lots"`},
		{"out of range", "  - send: { from: owner, to: counter, message: Step, fields: { queryId: -1 } }\n",
			`s.yaml:10:73: Step.queryId: -1 does not fit uint64`},
		{"unknown field", "  - send: { from: owner, to: counter, message: Step, fields: { queryID: 1 } }\n",
			`s.yaml:10:64: Step has no field "queryID", did you mean "queryId"? (fields: queryId)`},
		{"unknown message", "  - send: { from: owner, to: counter, message: Stop }\n",
			`s.yaml:10:48: v1 has no message "Stop", did you mean "Step"? (messages: Step, Upgrade)`},
		{"message to a wallet", "  - send: { from: owner, to: alice, message: Step }\n",
			`s.yaml:10:46: wallet has no message "Step" (messages: none)`},
		{"cell field", "  - send: { from: owner, to: counter, message: Upgrade, fields: { code: v7 } }\n",
			`s.yaml:10:73: "v7" is neither a contract of the scenario (v1, v2, v3) nor a BOC`},
		{"address field", "  - deploy: { name: c2, contract: v1, from: owner, init: { id: 2, owner: nobody, value: 0 } }\n",
			`s.yaml:10:74: "nobody" is neither a wallet or account of the scenario nor an address`},
		{"unknown getter", "  - get: { on: counter, method: valeu }\n",
			`s.yaml:10:33: v1 has no getter "valeu", did you mean "value"?`},
		{"getter argument", "  - get: { on: counter, method: value, args: { x: 1 } }\n",
			`s.yaml:10:48: the arguments of value: there are none, so "x" is unknown`},
		{"too poor", "  - send: { from: alice, to: counter, value: \"2000000\" }\n",
			`s.yaml:10:19: send: insufficient balance: wallet "alice" holds 1000000 TON, cannot send 2000000 TON`},
		{"name of no address", "  - get: { on: counter, method: value, name: five }\n",
			`s.yaml:10:46: name "five": get value returns Int, not an address`},
		{"name of a named address", "  - get: { on: counter, method: owner, name: chief }\n",
			`s.yaml:10:46: name "chief": name already taken: 0:44139b2aae9df342dd0a1d3e6fa3682f1a3653b98071c064655ed65d7bfa33f7 is already called "owner"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := load(t, header+tt.step)
			require.NoError(t, err)
			_, err = r.Next()
			require.NoError(t, err)
			root, history, names := r.World.StateRoot(), len(r.World.Transactions()), r.World.Names()

			_, err = r.Next()
			require.Error(t, err)
			assert.Contains(t, position(err), tt.want)
			assert.Equal(t, root, r.World.StateRoot(), "a rejected step changes nothing")
			assert.Len(t, r.World.Transactions(), history)
			assert.Equal(t, names, r.World.Names())
			assert.False(t, r.Done(), "the failed step can be fixed and run again")
		})
	}
}

func TestExpectFailures(t *testing.T) {
	src := header + `  - send: { from: alice, to: counter, message: Upgrade, fields: { code: v2 } }
    expect: { exit_code: 0, success: true, bounced: false, storage: { value: 6, owner: alice } }
  - get: { on: counter, method: value }
    expect: { result: 7 }
  - get: { on: counter, method: owner }
    expect: { result: alice }
  - preflight: { on: counter, to: v3 }
    expect: { verdict: safe, exit_code: 0 }
  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
    expect: { transactions: 2, gas_used: 1 }
`
	r, err := load(t, src)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	var got []string
	for _, res := range results {
		for _, f := range res.Failures {
			got = append(got, strings.TrimPrefix(f.String(), filepath.Dir(f.File)+"/"))
		}
	}
	gas := results[5].Tx.GasUsed
	assert.Equal(t, []string{
		"s.yaml:11: exit_code: want 0, got 132",
		"s.yaml:11: success: want true, got false",
		"s.yaml:11: bounced: want false, got true",
		"s.yaml:11: storage.value: want 6, got 5",
		"s.yaml:11: storage.owner: want alice, got owner",
		"s.yaml:13: result: want 7, got 5",
		"s.yaml:15: result: want alice, got owner",
		"s.yaml:17: verdict: want safe, got bricked",
		"s.yaml:17: exit_code: want 0, got 9",
		"s.yaml:19: transactions: want 2, got 3",
		"s.yaml:19: gas_used: want 1, got " + itoa(gas),
	}, got)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestExistingWorld(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	s, cat, err := scenario.Load(write(t, header), builtins)
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, w)
	require.NoError(t, err, "the world's owner is the scenario's owner")
	got, err := r.World.Lookup("owner")
	require.NoError(t, err)
	assert.True(t, got.Equals(owner))

	w2, err := actor.NewWorld()
	require.NoError(t, err)
	_, err = w2.NewWallet("owner", actor.WithAddress(actor.WalletAddress("someone else")))
	require.NoError(t, err)
	src := strings.Replace(header, "owner: {}", `owner: { address: "`+owner.StringRaw()+`" }`, 1)
	s, cat, err = scenario.Load(write(t, src), builtins)
	require.NoError(t, err)
	_, err = scenario.NewRunner(s, cat, w2)
	require.Error(t, err)
	assert.Contains(t, position(err), "s.yaml:6:3: wallet owner: the world already has wallet owner at 0:")
}

func TestSeek(t *testing.T) {
	r, err := load(t, header+"  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }\n    expect: { storage: { value: 6 } }\n")
	require.NoError(t, err)
	_, err = r.Next()
	require.NoError(t, err)
	before := r.World.Snapshot()
	assert.Equal(t, 1, r.Position())
	res, err := r.Next()
	require.NoError(t, err)
	assert.Empty(t, res.Failures)
	assert.True(t, r.Done())

	r.World.Restore(before)
	require.NoError(t, r.Seek(1))
	res, err = r.Next()
	require.NoError(t, err)
	assert.Empty(t, res.Failures, "the step runs again on the world as it was")
	require.Error(t, r.Seek(5))
}

func TestExpectTransactionFields(t *testing.T) {
	r, err := load(t, header+`  - send: { from: owner, to: counter, message: Step, fields: { queryId: 1 } }
    expect: { op: 0x00000001, lt: 8, data_hash: "`+strings.Repeat("ab", 32)+`", code_hash: "`+hexHash(counter.V1().Code.Hash())+`" }
`)
	require.NoError(t, err)
	results, err := r.Run()
	require.NoError(t, err)
	tx := results[1].Tx
	var got []string
	for _, f := range results[1].Failures {
		got = append(got, f.Key+": want "+f.Want+", got "+f.Got)
	}
	assert.Equal(t, []string{"data_hash: want " + strings.Repeat("ab", 32) + ", got " + hexHash(tx.DataAfter.Hash())}, got,
		"op 0x00000001 is 1, lt and code_hash hold")
	assert.Equal(t, uint64(8), tx.LT)

	_, err = scenario.Parse("s.yaml", []byte("steps:\n  - send: { from: a, to: b }\n    expect: { data_hash: abc }\n"))
	require.ErrorContains(t, err, `s.yaml:3:26: data_hash must be 64 hex digits, not "abc"`)
}

func hexHash(b []byte) string { return hex.EncodeToString(b) }

// TestUpgradesStep runs the counter's matrix from v1: each version to the
// next is safe, and a supported v1 → v3 fails the step where it is written.
func TestUpgradesStep(t *testing.T) {
	r, err := load(t, header+`  - upgrades: { on: counter, versions: [v1, v2, v3], supported: ["v1 → v2", "v1 -> v3"] }
`)
	require.NoError(t, err)
	for r.Position() < len(r.Scenario.Steps)-1 {
		_, err := r.Next()
		require.NoError(t, err)
	}
	root := r.World.StateRoot()
	res, err := r.Next()
	require.NoError(t, err)
	require.NotNil(t, res.Matrix)
	assert.Equal(t, root, r.World.StateRoot(), "the matrix runs on forks")
	require.Len(t, res.Failures, 1)
	assert.Equal(t, "s.yaml:10: supported: want v1 → v3 safe, got bricked: exit 9", position(errors.New(res.Failures[0].String())))
}

func TestUpgradesStepErrors(t *testing.T) {
	tests := []struct{ name, step, want string }{
		{"one version", "  - upgrades: { on: counter, versions: [v1] }\n", `s.yaml:10:40: versions must list at least two contracts, oldest first`},
		{"an unknown version", "  - upgrades: { on: counter, versions: [v1, v9] }\n", `s.yaml:10:45: unknown contract "v9"`},
		{"a pair without an arrow", "  - upgrades: { on: counter, versions: [v1, v2], supported: [v1] }\n", `s.yaml:10:62: supported upgrade "v1": want "FROM → TO" (or FROM -> TO)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, header+tt.step)
			require.Error(t, err)
			assert.Contains(t, position(err), tt.want)
		})
	}
	r, err := load(t, header+"  - upgrades: { on: counter, versions: [v1, v2], supported: [\"v1 → v3\"] }\n")
	require.NoError(t, err)
	_, err = r.Run()
	require.Error(t, err)
	assert.Contains(t, position(err), `s.yaml:10:62: supported upgrade v1 → v3: want two different versions of the list (v1, v2)`)
}

// TestGetNames: a get step's name: stands for the address the getter
// returns from the next step on (its mistakes are in
// TestNamesCheckedBeforeRunning and TestRunErrorsLeaveTheWorld).
func TestGetNames(t *testing.T) {
	const boss = "0:1111111111111111111111111111111111111111111111111111111111111111"
	src := `contracts:
  v1: counter.v1
wallets:
  owner: {}
  alice: {}
steps:
  - deploy: { name: counter, contract: v1, from: owner, init: { id: 1, owner: "` + boss + `", value: 5 } }
  - get: { on: counter, method: owner, name: boss }
  - send: { from: alice, to: boss, value: "1" }
`
	r, err := load(t, src)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	addr, err := r.World.Lookup("boss")
	require.NoError(t, err)
	assert.Equal(t, boss, addr.StringRaw())
	assert.Equal(t, "get owner on counter, named boss", scenario.Describe(r.Scenario.Steps[1].Action))
}
