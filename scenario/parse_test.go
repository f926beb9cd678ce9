package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/scenario"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "s.yaml:1:1: the file is empty: a scenario needs steps"},
		{"yaml syntax", "name: x\n  bad: indent\n", "s.yaml:2:6: YAML: mapping values are not allowed in this context"},
		{"unclosed flow", "steps:\n  - send: { from: a, to: b\n", "s.yaml:3:1: YAML: did not find expected ',' or '}'"},
		{"not a mapping", "- 1\n", "s.yaml:1:1: a scenario must be a mapping, not a list"},
		{"unknown key", "stepz: []\n", `s.yaml:1:1: unknown key "stepz" in a scenario, did you mean "steps"? (want name, description, config, contracts, protocols, wallets, steps)`},
		{"no steps", "name: x\n", "s.yaml:1:1: a scenario needs steps"},
		{"steps empty", "steps: []\n", "s.yaml:1:8: steps is empty"},
		{"duplicate key", "name: a\nname: b\nsteps: []\n", `s.yaml:2:1: a scenario has "name" twice`},
		{"step not a mapping", "steps:\n  - hello\n", `s.yaml:2:5: step 1 must be a mapping (keys: note, expect, deploy, send, get, preflight, upgrade, upgrades, upgrade_point, wait, commit, session, reinstall, migrate), not "hello"`},
		{"unknown step key", "steps:\n  - sned: {}\n", `s.yaml:2:5: unknown key "sned" in step 1, did you mean "send"? (want note, expect, deploy, send, get, preflight, upgrade, upgrades, upgrade_point, wait, commit, session, reinstall, migrate)`},
		{"two actions", "steps:\n  - get: { on: a, method: b }\n    wait: 1\n", "s.yaml:3:5: step 1 has both get and wait: one action per step"},
		{"nothing to do", "steps:\n  - {}\n", "s.yaml:2:5: step 1 needs an action (deploy, send, get, preflight, upgrade, upgrades, upgrade_point, wait, commit, session, reinstall, migrate) or a note"},
		{"expect alone", "steps:\n  - expect: { exit_code: 0 }\n", "s.yaml:2:5: expect needs an action to check (deploy, send, get, preflight, upgrade, upgrades, upgrade_point, wait, commit, session, reinstall, migrate)"},
		{"missing key", "steps:\n  - send: { from: a }\n", "s.yaml:2:11: send needs to"},
		{"unknown action key", "steps:\n  - send: { from: a, to: b, vaule: 1 }\n", `s.yaml:2:29: unknown key "vaule" in send, did you mean "value"? (want from, to, message, fields, body, comment, value, bounce)`},
		{"bad value", "steps:\n  - send: { from: a, to: b, value: lots }\n", `s.yaml:2:36: value "lots" is not an amount of TON (write "1.5", or nanotons as "1500000000n")`},
		{"negative value", "steps:\n  - send: { from: a, to: b, value: \"-1\" }\n", `s.yaml:2:36: value "-1" is negative`},
		{"bad bounce", "steps:\n  - send: { from: a, to: b, bounce: maybe }\n", `s.yaml:2:37: bounce must be true or false, not "maybe"`},
		{"body not a BOC", "steps:\n  - send: { from: a, to: b, body: \"zz!\" }\n", `s.yaml:2:35: body: not a hex or base64 BOC: "zz!"`},
		{"body malformed", "steps:\n  - send: { from: a, to: b, body: zz }\n", "s.yaml:2:35: body: malformed BOC"},
		{"two bodies", "steps:\n  - send: { from: a, to: b, body: \"00\", comment: hi }\n", "s.yaml:2:11: give the body one way: message (with fields), body or comment"},
		{"fields without message", "steps:\n  - send: { from: a, to: b, fields: { x: 1 } }\n", "s.yaml:2:37: fields need a message type (message: Name)"},
		{"wallet address", "wallets:\n  w: { address: \"0:zz\" }\nsteps:\n  - wait: 1\n", `s.yaml:2:17: address "0:zz" does not parse`},
		{"wallet key", "wallets:\n  w: { adress: x }\nsteps:\n  - wait: 1\n", `s.yaml:2:8: unknown key "adress" in wallet w, did you mean "address"? (want address, balance)`},
		{"contract not text", "contracts:\n  v1: [a]\nsteps:\n  - wait: 1\n", "s.yaml:2:7: contract v1 must be a text, not a list"},
		{"wait not a number", "steps:\n  - wait: soon\n", `s.yaml:2:11: wait (seconds) must be an integer, not "soon"`},
		{"expect key for action", "steps:\n  - get: { on: a, method: b }\n    expect: { success: true }\n", `s.yaml:3:15: unknown key "success" in expect of get (want exit_code, gas_used, result)`},
		{"expect wrong type", "steps:\n  - send: { from: a, to: b }\n    expect: { exit_code: zero }\n", `s.yaml:3:26: exit_code must be an integer (42, 0x2a, 1_000), not "zero"`},
		{"verdict", "steps:\n  - preflight: { on: a, to: b }\n    expect: { verdict: fine }\n", `s.yaml:3:24: verdict "fine" is not one of safe, rejected, bricked`},
		{"warning", "steps:\n  - preflight: { on: a, to: b }\n    expect: { warnings: [rollbak] }\n", `s.yaml:3:26: warnings: "rollbak" is not a probe, did you mean "rollback"? (probes: upgrade_back, rollback, again, back_to_back, stranger, replay)`},
		{"defaulted", "steps:\n  - preflight: { on: a, to: b }\n    expect: { defaulted: step }\n", `s.yaml:3:26: defaulted must be a list of names, not "step"`},
		{"nothing to expect of wait", "steps:\n  - wait: 1\n    expect: {}\n", "s.yaml:3:5: wait has nothing to expect"},
		// Every form of an amount holds in a Grams field: 2^120 - 1 nanotons at most.
		{"nano balance past 2^120", "wallets:\n  a: { balance: {nano: 1329227995784915872903807060280344576} }\nsteps:\n  - wait: 1\n", `s.yaml:2:24: balance: nano "1329227995784915872903807060280344576" is more than a Grams field holds (2^120 - 1 nanotons)`},
		{"nano value past 2^120", "steps:\n  - send: { from: a, to: b, value: {nano: 99999999999999999999999999999999999999999999} }\n", `s.yaml:2:43: value: nano "99999999999999999999999999999999999999999999" is more than a Grams field holds`},
		{"nano value_in past 2^120", "steps:\n  - send: { from: a, to: b }\n    expect: { value_in: {nano: 1329227995784915872903807060280344576} }\n", `s.yaml:3:32: value_in: nano "1329227995784915872903807060280344576" is more than a Grams field holds`},
		{"nano value_in range past 2^120", "steps:\n  - send: { from: a, to: b }\n    expect: { value_in: { min: 0, max: {nano: 1329227995784915872903807060280344576} } }\n", `value_in: nano "1329227995784915872903807060280344576" is more than a Grams field holds`},
		{"text balance past 2^120", "wallets:\n  a: { balance: \"1329227995784915872903807060280344576n\" }\nsteps:\n  - wait: 1\n", `s.yaml:2:17: balance "1329227995784915872903807060280344576n" is more than a Grams field holds (2^120 - 1 nanotons)`},
		// A file that is no scenario (a token, /etc/passwd) is described, never quoted.
		{"a token, not quoted", "https://audit:ghp_SECRET@github.com\n", "s.yaml:1:1: a scenario must be a mapping, not a string of 35 bytes"},
		{"passwd, not quoted", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n", "s.yaml:1:1: a scenario must be a mapping, not a string of 55 bytes"},
		{"a long line, not quoted", strings.Repeat("x", 100_000), "s.yaml:1:1: a scenario must be a mapping, not a string of 100000 bytes"},
		// Inside a scenario a short text is quoted, a long one described.
		{"a long key", strings.Repeat("k", 1000) + ": 1\nsteps: []\n", "s.yaml:1:1: unknown key a string of 1000 bytes in a scenario (want "},
		{"a long value", "steps:\n  - send: { from: a, to: b, value: " + strings.Repeat("9", 300) + "x }\n", "s.yaml:2:36: value a string of 301 bytes is not an amount of TON"},
		{"a long bounce", "steps:\n  - send: { from: a, to: b, bounce: " + strings.Repeat("m", 300) + " }\n", "s.yaml:2:37: bounce must be true or false, not a string of 300 bytes"},
		{"a long address", "wallets:\n  w: { address: \"0:" + strings.Repeat("z", 300) + "\" }\nsteps:\n  - wait: 1\n", "s.yaml:2:17: address a string of 302 bytes does not parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Less(t, len(err.Error()), 400, "an error quotes no long text")
			assert.True(t, errors.Is(err, scenario.ErrScenario), "a scenario error")
			var se *scenario.Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, "s.yaml", se.File)
		})
	}
}

func TestParse(t *testing.T) {
	src := `name: Demo
contracts:
  v1: counter.v1
wallets:
  owner: { address: "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31" }
  alice: { balance: "10" }
  bob:
steps:
  - note: Deploy.
    deploy: { name: counter, contract: v1, from: alice, value: "0.5", init: { id: 7, owner: owner, value: 0 } }
    expect: { exit_code: 0 }
  - send: { from: alice, to: counter, message: Step, fields: { queryId: 42 }, bounce: false }
  - send: { from: alice, to: counter, comment: hello }
  - get: { on: counter, method: value }
    expect: { result: "1" }
  - wait: 60
  - note: Just words.
`
	s, err := scenario.Parse("demo.yaml", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, "Demo", s.Name)
	require.Len(t, s.Contracts, 1)
	assert.Equal(t, "counter.v1", s.Contracts[0].Source)
	require.Len(t, s.Wallets, 3)
	assert.Equal(t, "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31", s.Wallets[0].Address.StringRaw())
	assert.Equal(t, "10", s.Wallets[1].Balance.String())
	assert.Nil(t, s.Wallets[2].Address)
	assert.Nil(t, s.Wallets[2].Balance)
	require.Len(t, s.Steps, 6)

	d := s.Steps[0].Action.(*scenario.Deploy)
	assert.Equal(t, "Deploy.", s.Steps[0].Note)
	assert.Equal(t, "counter", d.Name.Name)
	assert.Equal(t, scenario.Pos{Line: 10, Col: 21}, d.Name.Pos)
	assert.Equal(t, "0.5", d.Value.String())
	assert.False(t, d.NoBounce)

	send := s.Steps[1].Action.(*scenario.Send)
	assert.Equal(t, "Step", send.Message.Name)
	assert.True(t, send.NoBounce)
	assert.Equal(t, scenario.DefaultValue.String(), send.Value.String())
	assert.Equal(t, "hello", *s.Steps[2].Action.(*scenario.Send).Comment)
	assert.Equal(t, "result", s.Steps[3].Expect.Checks[0].Key)
	assert.Equal(t, uint32(60), s.Steps[4].Action.(*scenario.Wait).Seconds)
	assert.Nil(t, s.Steps[5].Action)
	assert.Equal(t, 6, s.Steps[5].Index)
}
