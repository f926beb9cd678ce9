package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/conformance"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// initParamsWorld deploys initparams.v1 owned by a new wallet, with a
// Step, and stages initparams.v2's code by hand.
type initParamsWorld struct {
	w              *actor.World
	owner, counter *address.Address
}

func deployInitParams(t *testing.T) *initParamsWorld {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	v1 := contracts.Builtins()["initparams.v1"]
	data, err := v1.InitData(map[string]any{"owner": owner})
	require.NoError(t, err)
	step, err := v1.ABI.Encode("Step", map[string]any{"queryId": 0})
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: step,
		StateInit: &tlb.StateInit{Code: v1.Code, Data: data}})
	require.NoError(t, err)
	require.True(t, tr.Transactions[1].Success, "deploy: %v", tr.Transactions[1].Err())
	return &initParamsWorld{w: w, owner: owner, counter: tr.Transactions[1].To}
}

// send has the owner send a message of the family and returns the
// counter's transaction, which must succeed.
func (f *initParamsWorld) send(t *testing.T, message string, fields map[string]any) *actor.Transaction {
	t.Helper()
	body, err := contracts.Builtins()["initparams.v1"].ABI.Encode(message, fields)
	require.NoError(t, err)
	tr, err := f.w.Send(actor.Message{From: f.owner, To: f.counter, Value: tlb.MustFromTON("0.05"), Body: body})
	require.NoError(t, err)
	tx := tr.Transactions[1]
	require.True(t, tx.Success, "%s: %v", message, tx.Err())
	return tx
}

func (f *initParamsWorld) data(t *testing.T) *tvmcell.Cell {
	t.Helper()
	acc, err := f.w.Account(f.counter)
	require.NoError(t, err)
	return acc.Data
}

// TestInitParamsCommitLeavesEnvelope upgrades by hand and checks what
// CommitUpgrade leaves: exactly the data v2's init(initParams) is deployed
// with, InitParams { header: { owner }, stateToBeMigrated: v1's data },
// which package upgradable opens as a pending migration and package
// describe calls one; the next message migrates it.
func TestInitParamsCommitLeavesEnvelope(t *testing.T) {
	b := contracts.Builtins()
	f := deployInitParams(t)
	f.send(t, "Upgrade", map[string]any{"code": b["initparams.v2"].Code})
	staged := f.data(t)
	commit := f.send(t, "CommitUpgrade", nil)

	envelope := f.data(t)
	want, err := b["initparams.v2"].InitData(map[string]any{"initParams": map[string]any{
		"header": map[string]any{"owner": f.owner}, "stateToBeMigrated": staged}})
	require.NoError(t, err)
	assert.Equal(t, want.Hash(), envelope.Hash(), "the envelope is v2's init data")
	old, err := upgradable.Envelope(envelope)
	require.NoError(t, err)
	assert.Equal(t, staged.Hash(), old.Hash(), "the envelope holds v1's data")

	cat := catalog.New()
	for _, name := range []string{"initparams.v1", "initparams.v2"} {
		require.NoError(t, cat.Add(name, b[name]))
	}
	d := describe.Describe(cat, commit)
	assert.True(t, d.Pending, "the commit leaves a pending migration")
	assert.True(t, d.CodeChanged)
	assert.Empty(t, d.Changes, "nothing migrated yet")

	migration := describe.Describe(cat, f.send(t, "Step", map[string]any{"queryId": 1}))
	assert.False(t, migration.Pending)
	require.NotNil(t, migration.After)
	count, err := migration.After.Fields.Get("count")
	require.NoError(t, err)
	assert.Equal(t, "0", fmt.Sprint(count), "v1's 1, migrated, minus v2's step")
	_, err = upgradable.Envelope(f.data(t))
	assert.ErrorIs(t, err, upgradable.ErrNoEnvelope)
}

// TestInitParamsPendingLayout dry-runs an upgrade while a migration is
// pending: the Upgrade that starts it is an ordinary message, which runs
// the pending migration first, so nothing nests, the layout compares v2's
// own storage, and it agrees with the dry run.
func TestInitParamsPendingLayout(t *testing.T) {
	b := contracts.Builtins()
	_, codes := packages()
	for _, tc := range []struct {
		to      string
		verdict upgradable.Verdict
		match   string
	}{
		// v2bad's struct is v2's layout: wrong for v1's data, right for v2's.
		{"initparams.v2bad", upgradable.Safe, "InitParamsV1Layout"},
		{"initparams.v1", upgradable.Bricked, ""},
	} {
		t.Run(tc.to, func(t *testing.T) {
			f := deployInitParams(t)
			f.send(t, "Upgrade", map[string]any{"code": b["initparams.v2"].Code})
			f.send(t, "CommitUpgrade", nil)
			r, err := upgradable.Preflight(f.w, upgradable.Request{Contract: f.counter, Code: b[tc.to].Code, Next: b[tc.to], Packages: codes})
			require.NoError(t, err)
			assert.Equal(t, upgradable.ProtocolInitParams, r.Protocol.Name)
			assert.Equal(t, tc.verdict, r.Verdict)
			require.NotNil(t, r.Layout)
			assert.False(t, r.Layout.Pending)
			assert.Equal(t, tc.match != "", r.Layout.Reads, "reader %s", r.Layout.Reader)
			if tc.match != "" {
				assert.Equal(t, tc.match, r.Layout.Reader)
			}
			assert.Empty(t, r.Layout.DryRun, "the layout agrees with the dry run")
		})
	}
}

// TestDetectProtocolOfEveryBuiltin finds each example's protocol from its
// ABI alone. The InitParams family and the staged one receive the same
// two messages; only the InitParams struct the former declares tells
// them apart, so InitParams is tried first and takes nothing of staged's.
func TestDetectProtocolOfEveryBuiltin(t *testing.T) {
	want := map[string]string{
		"vault.v1": "chainlink-tact", "vault.v1debug": "chainlink-tact", "vault.v2": "chainlink-tact", "vault.v2bad": "chainlink-tact", "vault.v2recount": "chainlink-tact",
		"direct.v1": "direct", "direct.v2": "direct",
		"staged.v1": "staged", "staged.v2": "staged",
		"twostep.v1": "", "twostep.v2": "", // its messages have names of their own: a scenario describes its protocol
		"delayed.v1": "delayed", "delayed.v1open": "delayed", "delayed.v2": "delayed",
		"proxy.proxy": "proxy", "proxy.child.v1": "", "proxy.child.v2": "", // a child upgrades through its proxy
		"initparams.v1": "initparams", "initparams.v2": "initparams", "initparams.v2bad": "initparams",
		"tolk.v1": "chainlink-tolk", "tolk.v2": "chainlink-tolk", "tolk.v2fail": "chainlink-tolk",
		"hooks.v1": "eager-tact", "hooks.v1stuck": "eager-tact", "hooks.v2": "eager-tact", "hooks.v2trap": "eager-tact",
		"hooks.lazy.v1": "chainlink-tact", "hooks.lazy.v2": "chainlink-tact", "hooks.lazy.v2trap": "chainlink-tact",
		"versioned.v1": "chainlink-tact", "versioned.v2": "chainlink-tact", "versioned.v3": "chainlink-tact",
		"units.v1": "set-code", "units.v2": "set-code",
		"layout.v1": "staged", "layout.v2": "staged", "layout.v2swap": "staged",
		// a facet's code changes no account's: no protocol applies
		"diamond.diamond": "", "diamond.counter.v1": "", "diamond.counter.v2": "", "diamond.notes": "",
	}
	named, _ := packages()
	for name, pkg := range named {
		t.Run(name, func(t *testing.T) {
			p, err := upgradable.DetectProtocol(pkg.ABI)
			if want[name] == "" {
				require.ErrorIs(t, err, upgradable.ErrNoProtocol)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want[name], p.Name)
		})
	}
}

// TestInitParamsVectorDeploysTactsInitData checks the recording script
// against the compiler: the StateInits the vector deploys hold the
// package's code and the data its init layout builds from the same
// arguments, InitParams with an empty stateToBeMigrated for the fresh v2.
func TestInitParamsVectorDeploysTactsInitData(t *testing.T) {
	v, err := conformance.Load("initparams/testdata/initparams.json")
	require.NoError(t, err)
	var deploys []*conformance.Send
	for _, s := range v.Steps {
		if s.Send != nil && s.Send.StateInit != "" {
			deploys = append(deploys, s.Send)
		}
	}
	require.Len(t, deploys, 3)
	wallet := func(name string) *address.Address { return address.MustParseRawAddr(v.Wallets[name]) }
	empty := tvmcell.BeginCell().EndCell()
	for i, tc := range []struct {
		pkg  string
		args map[string]any
	}{
		{"initparams.v1", map[string]any{"owner": wallet("owner")}},
		{"initparams.v1", map[string]any{"owner": wallet("owner2")}},
		{"initparams.v2", map[string]any{"initParams": map[string]any{
			"header": map[string]any{"owner": wallet("fresh")}, "stateToBeMigrated": empty}}},
	} {
		pkg := contracts.Builtins()[tc.pkg]
		si, err := cell.ParseBOC(deploys[i].StateInit)
		require.NoError(t, err)
		var init tlb.StateInit
		require.NoError(t, tlb.LoadFromCell(&init, si.MustBeginParse()))
		want, err := pkg.InitData(tc.args)
		require.NoError(t, err)
		assert.Equal(t, want.Hash(), init.Data.Hash(), "deploy %d: %s's init data", i+1, tc.pkg)
		assert.Equal(t, pkg.Code.Hash(), init.Code.Hash(), "deploy %d: %s's code", i+1, tc.pkg)
	}
}
