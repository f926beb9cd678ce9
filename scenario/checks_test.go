package scenario_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckForms plays one check per row after a Step that takes the
// counter from 5 to 6, and requires it to pass or to fail as written: every
// form a value takes (hex, underscores, TON, nanotons, ranges, versions).
func TestCheckForms(t *testing.T) {
	step := "  - send: { from: alice, to: counter, message: Step, fields: { queryId: 1 } }\n    expect: "
	get := "  - get: { on: counter, method: value }\n    expect: "
	preflight := "  - preflight: { on: counter, to: v2 }\n    expect: "
	fieldForms := "  - send: { from: alice, to: counter, message: Step, fields: { queryId: 0x1_000 } }\n    expect: "
	tests := []struct {
		name, step, expect string
		fail               string // "" when the check holds
	}{
		{"exit code in decimal", step, "{ exit_code: 0 }", ""},
		{"exit code in hex", step, "{ exit_code: 0x0 }", ""},
		{"gas in hex", step, "{ gas_used: 0x0EA1 }", ""},
		{"gas with underscores", step, "{ gas_used: 3_745 }", ""},
		{"gas range", step, "{ gas_used: { min: 3000, max: 4000 } }", ""},
		{"gas range missed", step, "{ gas_used: { max: 100 } }", "gas_used: want at most 100, got 3745"},
		{"transactions in hex", step, "{ transactions: 0x3 }", ""},
		{"op by number", step, "{ op: 1 }", ""},
		{"op in hex", step, "{ op: 0x00000001 }", ""},
		{"op by type", step, "{ op: Step }", ""},
		{"op by another type", step, "{ op: Upgrade }", "op: want Upgrade, got 0x00000001 (Step)"},
		{"value in, TON", step, `{ value_in: "0.05" }`, ""},
		{"value in, a number", step, "{ value_in: 0.05 }", ""},
		{"value in, nanotons", step, "{ value_in: 50000000n }", ""},
		{"value in, nano mapping", step, "{ value_in: { nano: 50_000_000 } }", ""},
		{"value in, wrong", step, `{ value_in: "1" }`, "value_in: want 1 TON, got 0.05 TON"},
		{"fees range", step, `{ fees: { min: "0.0001", max: "0.01" } }`, ""},
		{"value out range", step, `{ value_out: { min: "0.04" } }`, ""},
		{"balance", step, `{ balance: "0" }`, ""},
		{"out messages", step, "{ out_messages: 1 }", ""},
		{"skipped actions", step, "{ skipped_actions: 0 }", ""},
		{"action code", step, "{ action_code: 0 }", ""},
		{"a field in hex with underscores", fieldForms, "{ exit_code: 0 }", ""},
		{"status", step, "{ status: active }", ""},
		{"status, capitals", step, "{ status: ACTIVE }", ""},
		{"status nonexist", step, "{ status: nonexist }", "status: want nonexist, got active"},
		{"storage", step, "{ storage: { value: 6, owner: owner } }", ""},
		{"no events", step, "{ events: [] }", ""},
		{"an event that is not", step, "{ events: [ Deposited ] }", "events: want 1 event(s) [Deposited], got []"},
		{"has the cashback", step, "{ has_transaction: [ { from: counter, to: alice, success: true, value_in: { min: \"0.04\" } } ] }", ""},
		{"has the step", step, "{ has_transaction: { from: alice, to: counter, op: Step, exit_code: 0 } }", ""},
		{"has no bounce", step, "{ has_transaction: [ { to: alice, bounced: true } ] }", "has_transaction: want a transaction {to: alice, bounced: true}, got none of 3; closest lt"},
		{"result", get, "{ result: 5 }", ""},
		{"result in hex", get, "{ result: 0x5 }", ""},
		{"getter gas", get, "{ gas_used: { min: 1 } }", ""},
		{"version without v", preflight, "{ version: 2.0.0 }", ""},
		{"version with v", preflight, "{ version: v2.0.0 }", ""},
		{"verdict", preflight, "{ verdict: safe, exit_code: 0 }", ""},
		{"protocol", preflight, "{ protocol: chainlink-tact }", ""},
		{"another protocol", preflight, "{ protocol: direct }", "protocol: want direct, got chainlink-tact"},
		{"code changed", preflight, "{ code_changed: true, stays_upgradable: true, rolled_back: false }", ""},
		{"migration gas", preflight, "{ migration_gas: { min: 1000, max: 100000 } }", ""},
		{"warnings", preflight, "{ warnings: [rollback, back_to_back] }", ""},
		{"no warnings", preflight, "{ warnings: [] }", "warnings: want [], got [rollback, back_to_back]"},
		{"nothing defaulted", preflight, "{ defaulted: [] }", ""},
		{"a field defaulted", preflight, "{ defaulted: [step] }", "defaulted: want [step], got []"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := load(t, header+tt.step+tt.expect+"\n")
			require.NoError(t, err)
			results, err := r.Run()
			require.NoError(t, err)
			var got []string
			for _, f := range results[len(results)-1].Failures {
				got = append(got, strings.TrimPrefix(f.String(), filepath.Dir(f.File)+"/"))
			}
			if tt.fail == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Contains(t, got[0], tt.fail)
		})
	}
}

// TestCheckParseErrors refuses bad check values before anything runs.
func TestCheckParseErrors(t *testing.T) {
	step := "steps:\n  - send: { from: a, to: b }\n    expect: "
	tests := []struct{ expect, want string }{
		{"{ value_in: \"0.0000000001\" }", `value_in "0.0000000001" has 10 decimals; TON has 9`},
		{"{ value_in: -1 }", `value_in "-1" is negative`},
		{"{ value_in: 1.5n }", `not a whole number of nanotons`},
		{"{ fees: { min: 2, max: 1 } }", "fees: min 2000000000 is more than max 1000000000"},
		{"{ fees: { least: 1 } }", `fees: unknown key "least" in a range`},
		{"{ gas_used: -1 }", "gas_used -1 is out of range"},
		{"{ op: 0x1ffffffff }", "op opcode 0x1ffffffff does not fit 32 bits"},
		{"{ data_hash: abc }", `data_hash must be 64 hex digits, not "abc"`},
		{"{ events: Deposited }", "events must be a list of events"},
		{"{ events: [ { fields: {} } ] }", "an event needs its type"},
		{"{ has_transaction: [ { from: a, colour: red } ] }", `unknown key "colour" in a matcher`},
		{"{ has_transaction: [ { storage: {} } ] }", `unknown key "storage" in a matcher`},
		{"{ success: yes }", `success must be true or false, not "yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.expect, func(t *testing.T) {
			_, err := load(t, step+tt.expect+"\n")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
