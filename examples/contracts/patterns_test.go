package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// byCode finds a built-in's package by its code, as a catalog would.
type byCode map[string]*cell.Package

func (b byCode) PackageOf(code *tvmcell.Cell) *cell.Package { return b[string(code.Hash())] }

func packages() (map[string]*cell.Package, byCode) {
	named := contracts.Builtins()
	named["tolk.v1"], named["tolk.v2"], named["tolk.v2fail"] = tolkcounter.V1(), tolkcounter.V2(), tolkcounter.V2Fail()
	codes := byCode{}
	for _, p := range named {
		codes[string(p.Code.Hash())] = p
	}
	return named, codes
}

// setupSend is a message the owner sends before a preflight.
type setupSend struct {
	message string
	fields  map[string]any
}

// TestPreflightPatterns dry-runs an upgrade of every example family by the
// protocol its ABI declares: the verdict, the protocol found, whether the
// new code stays upgradable and which probes failed.
func TestPreflightPatterns(t *testing.T) {
	tests := []struct {
		name         string
		from, to     string
		init         map[string]any // beside owner
		deploy       string         // the message deploying it ("" for an empty body)
		deployFields map[string]any
		fields       map[string]any         // the upgrade's
		setup        []setupSend            // sent by owner after the deploy
		use          string                 // the protocol to use ("": the one the ABI declares)
		define       *upgradable.Definition // a protocol of the test's own to use
		protocol     string                 // the protocol used
		verdict      upgradable.Verdict
		exit         int64
		rolledBack   bool
		after        string // the version after a safe upgrade ("": 2.0.0)
		upgradable   bool
		warnings     []upgradable.ProbeKind
		defaulted    []string
		tried        []string // the messages a rejected upgrade's preflight tried
		wayOut       []string // those after which it was not refused so
	}{
		{name: "direct", from: "direct.v1", to: "direct.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			protocol: "direct", verdict: upgradable.Safe, upgradable: true,
			// v2's step: Int = 1 is a default in its init, which an upgrade
			// does not run: the data carried over sets it to 0.
			defaulted: []string{"step"}},
		{name: "direct, with the new field given", from: "direct.v1", to: "direct.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			fields:   map[string]any{"data": map[string]any{"step": 1}},
			protocol: "direct", verdict: upgradable.Safe, upgradable: true},
		{name: "staged", from: "staged.v1", to: "staged.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			protocol: "staged", verdict: upgradable.Safe, upgradable: true},
		{name: "delayed", from: "delayed.v1", to: "delayed.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			protocol: "delayed", verdict: upgradable.Safe, upgradable: true},
		{name: "delayed, confirmed by anyone", from: "delayed.v1open", to: "delayed.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			protocol: "delayed", verdict: upgradable.Safe, upgradable: true,
			warnings: []upgradable.ProbeKind{upgradable.ProbeStranger, upgradable.ProbeReplay}},
		{name: "proxy", from: "proxy.proxy", to: "proxy.child.v2", deploy: "SpawnChild",
			protocol: "proxy", verdict: upgradable.Safe, upgradable: true},
		{name: "chainlink tact", from: "vault.v1", to: "vault.v2", init: map[string]any{"name": "v"},
			protocol: "chainlink-tact", verdict: upgradable.Safe, upgradable: true,
			// v1's init reads v2's data as its own; two upgrades in a row
			// nest the lazy envelope.
			warnings: []upgradable.ProbeKind{upgradable.ProbeRollback, upgradable.ProbeBackToBack}},
		{name: "chainlink tact, bricked", from: "vault.v1", to: "vault.v2bad", init: map[string]any{"name": "v"},
			protocol: "chainlink-tact", verdict: upgradable.Bricked, exit: actor.ExitCellUnderflow, upgradable: false},
		{name: "chainlink tolk", from: "tolk.v1", to: "tolk.v2", init: map[string]any{"id": 7, "value": 0},
			protocol: "chainlink-tolk", verdict: upgradable.Safe, upgradable: true,
			// v1's migrate takes only v1's own data: the way back is refused
			// inside the upgrade transaction, which v2 survives.
			warnings: []upgradable.ProbeKind{upgradable.ProbeUpgradeBack}},
		{name: "chainlink tolk, migration fails", from: "tolk.v1", to: "tolk.v2fail", init: map[string]any{"id": 7, "value": 0},
			protocol: "chainlink-tolk", verdict: upgradable.Rejected, exit: actor.ExitCellUnderflow, rolledBack: true, upgradable: true},
		{name: "initparams", from: "initparams.v1", to: "initparams.v2", deploy: "Step", deployFields: map[string]any{"queryId": 0},
			protocol: "initparams", verdict: upgradable.Safe, upgradable: true,
			// v1's init takes an owner, not InitParams: the envelope an
			// upgrade back leaves has a reference it does not read (exit 9).
			warnings: []upgradable.ProbeKind{upgradable.ProbeRollback}},
		{name: "initparams, bricked", from: "initparams.v1", to: "initparams.v2bad", deploy: "Step", deployFields: map[string]any{"queryId": 0},
			protocol: "initparams", verdict: upgradable.Bricked, exit: actor.ExitCellUnderflow, upgradable: false},
		{name: "eager tact: the post-upgrade migration runs in the upgrade", from: "hooks.v1", to: "hooks.v2",
			protocol: "eager-tact", verdict: upgradable.Safe, upgradable: true,
			// hooks.v1 has no postUpgrade: the way back is undone in its
			// own transaction (exit 11).
			warnings: []upgradable.ProbeKind{upgradable.ProbeUpgradeBack}},
		{name: "eager tact: a migration that traps rolls back", from: "hooks.v1", to: "hooks.v2trap",
			protocol: "eager-tact", verdict: upgradable.Rejected, exit: actor.ExitCellUnderflow, rolledBack: true, upgradable: true},
		{name: "eager tact: the pre-upgrade check refuses while funds are locked", from: "hooks.v1", to: "hooks.v2",
			setup:    []setupSend{{"Lock", map[string]any{"queryId": 1, "amount": 5}}},
			protocol: "eager-tact", verdict: upgradable.Rejected, exit: contracts.ExitFundsLocked, upgradable: true,
			tried: []string{"Bump", "Lock", "Unlock"}, wayOut: []string{"Unlock"}},
		{name: "eager tact: the check refuses before a trapping migration would run", from: "hooks.v1", to: "hooks.v2trap",
			setup:    []setupSend{{"Lock", map[string]any{"queryId": 1, "amount": 5}}},
			protocol: "eager-tact", verdict: upgradable.Rejected, exit: contracts.ExitFundsLocked, upgradable: true,
			tried: []string{"Bump", "Lock", "Unlock"}, wayOut: []string{"Unlock"}},
		{name: "eager tact: a check that always fails leaves no way out", from: "hooks.v1stuck", to: "hooks.v2",
			protocol: "eager-tact", verdict: upgradable.Rejected, exit: contracts.ExitFundsLocked, upgradable: false,
			tried: []string{"Bump", "Lock", "Unlock"}},
		{name: "eager tact: no way out, even after an Unlock", from: "hooks.v1stuck", to: "hooks.v2trap",
			setup:    []setupSend{{"Unlock", map[string]any{"queryId": 1}}},
			protocol: "eager-tact", verdict: upgradable.Rejected, exit: contracts.ExitFundsLocked, upgradable: false,
			tried: []string{"Bump", "Lock", "Unlock"}},
		{name: "lazy hooks: the migration waits for the next message", from: "hooks.lazy.v1", to: "hooks.lazy.v2",
			protocol: "chainlink-tact", verdict: upgradable.Safe, upgradable: true,
			warnings: []upgradable.ProbeKind{upgradable.ProbeRollback, upgradable.ProbeBackToBack}},
		{name: "lazy hooks: a migration that traps bricks", from: "hooks.lazy.v1", to: "hooks.lazy.v2trap",
			protocol: "chainlink-tact", verdict: upgradable.Bricked, exit: actor.ExitCellUnderflow, upgradable: false},
		{name: "lazy hooks: the same check refuses", from: "hooks.lazy.v1", to: "hooks.lazy.v2trap",
			setup:    []setupSend{{"Lock", map[string]any{"queryId": 1, "amount": 5}}},
			protocol: "chainlink-tact", verdict: upgradable.Rejected, exit: contracts.ExitFundsLocked, upgradable: true,
			tried: []string{"Bump", "Lock", "Unlock"}, wayOut: []string{"Unlock"}},
		{name: "versioned: v1 to v3 runs both migrations", from: "versioned.v1", to: "versioned.v3",
			protocol: "chainlink-tact", verdict: upgradable.Safe, upgradable: true, after: "3.0.0",
			warnings: []upgradable.ProbeKind{upgradable.ProbeRollback, upgradable.ProbeBackToBack}},
		{name: "units: set-code with no migration", from: "units.v1", to: "units.v2",
			setup:    []setupSend{{"Bump", map[string]any{"queryId": 1}}},
			protocol: "set-code", verdict: upgradable.Safe, upgradable: true},
		{name: "two-step, by a protocol defined like staged", from: "twostep.v1", to: "twostep.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			define:   &upgradable.Definition{Name: "two-step", Like: "staged", Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}},
			protocol: "two-step", verdict: upgradable.Safe, upgradable: true},
		{name: "two-step, its stage alone", from: "twostep.v1", to: "twostep.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			define:   &upgradable.Definition{Name: "stage-only", Like: "direct", Messages: map[string]string{"upgrade": "StageCode"}, Fields: map[string]string{"data": ""}},
			protocol: "stage-only", verdict: upgradable.NoOp, upgradable: true},
		{name: "a protocol the contract does not speak", from: "staged.v1", to: "staged.v2", deploy: "Bump", deployFields: map[string]any{"queryId": 0},
			use: "chainlink-tact", protocol: "chainlink-tact", verdict: upgradable.NoOp, upgradable: true},
	}
	named, codes := packages()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := actor.NewWorld()
			require.NoError(t, err)
			owner, err := w.NewWallet("owner")
			require.NoError(t, err)
			from := named[tc.from]
			init := map[string]any{"owner": owner}
			for k, v := range tc.init {
				init[k] = v
			}
			data, err := from.InitData(init)
			require.NoError(t, err)
			body := tvmcell.BeginCell().EndCell()
			if tc.deploy != "" {
				body, err = from.ABI.Encode(tc.deploy, tc.deployFields)
				require.NoError(t, err)
			}
			tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: body,
				StateInit: &tlb.StateInit{Code: from.Code, Data: data}})
			require.NoError(t, err)
			require.True(t, tr.Transactions[1].Success, "deploy: %v", tr.Transactions[1].Err())
			for _, s := range tc.setup {
				body, err := from.ABI.Encode(s.message, s.fields)
				require.NoError(t, err)
				tr, err := w.Send(actor.Message{From: owner, To: tr.Transactions[1].To, Value: tlb.MustFromTON("0.1"), Body: body})
				require.NoError(t, err)
				require.True(t, tr.Transactions[1].Success, "%s: %v", s.message, tr.Transactions[1].Err())
			}
			req := upgradable.Request{Contract: tr.Transactions[1].To, Code: named[tc.to].Code,
				Next: named[tc.to], Packages: codes, Fields: tc.fields}
			if tc.use != "" {
				req.Protocol, err = upgradable.ProtocolByName(tc.use)
				require.NoError(t, err)
			}
			if tc.define != nil {
				req.Protocol, err = tc.define.Protocol()
				require.NoError(t, err)
				require.NoError(t, req.Protocol.Check(from.ABI))
			}
			root := w.StateRoot()

			r, err := upgradable.Preflight(w, req)
			require.NoError(t, err)
			assert.Equal(t, root, w.StateRoot(), "a preflight changes nothing")
			assert.Equal(t, tc.protocol, r.Protocol.Name)
			assert.Equal(t, tc.verdict, r.Verdict, "exit %d %s", r.ExitCode, r.Meaning)
			assert.Equal(t, tc.exit, r.ExitCode)
			assert.Equal(t, tc.rolledBack, r.RolledBack)
			assert.Equal(t, tc.upgradable, r.Upgradable)
			var warnings []upgradable.ProbeKind
			for _, p := range r.Warnings() {
				if r.Verdict != upgradable.Bricked {
					warnings = append(warnings, p.Kind)
				}
			}
			assert.Equal(t, tc.warnings, warnings)
			assert.Equal(t, tc.defaulted, r.Defaulted)
			assert.Equal(t, tc.tried, r.Tried, "the messages tried for a way out")
			assert.Equal(t, tc.wayOut, r.WayOut)
			if tc.fields != nil {
				require.NotNil(t, r.StorageAfter)
				step, err := r.StorageAfter.Fields.Get("step")
				require.NoError(t, err)
				assert.Equal(t, "1", fmt.Sprint(step), "the given field, over the carried ones")
			}
			if tc.verdict == upgradable.Safe {
				assert.True(t, r.CodeChanged)
				after := tc.after
				if after == "" {
					after = "2.0.0"
				}
				assert.Equal(t, after, r.After.Version)
			}
		})
	}
}
