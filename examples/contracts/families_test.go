package contracts_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// deployed is a built-in deployed by owner with an empty body.
type deployed struct {
	w     *actor.World
	owner *address.Address
	addr  *address.Address
	pkg   *cell.Package
}

func deployBuiltin(t *testing.T, name string) deployed {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	pkg := contracts.Builtins()[name]
	data, err := pkg.InitData(map[string]any{"owner": owner})
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: tvmcell.BeginCell().EndCell(),
		StateInit: &tlb.StateInit{Code: pkg.Code, Data: data}})
	require.NoError(t, err)
	require.True(t, tr.Transactions[1].Success, "deploy %s: %v", name, tr.Transactions[1].Err())
	return deployed{w: w, owner: owner, addr: tr.Transactions[1].To, pkg: pkg}
}

func (d deployed) send(t *testing.T, message string, fields map[string]any) *actor.Transaction {
	t.Helper()
	body, err := d.pkg.ABI.Encode(message, fields)
	require.NoError(t, err)
	tr, err := d.w.Send(actor.Message{From: d.owner, To: d.addr, Value: tlb.MustFromTON("0.1"), Body: body})
	require.NoError(t, err)
	return tr.Transactions[1]
}

// TestDetectProtocol finds each family's protocol in the ABI of the code
// an account of it runs first.
func TestDetectProtocol(t *testing.T) {
	for name, want := range map[string]string{
		"vault.v1": upgradable.ProtocolChainlinkTact, "direct.v1": upgradable.ProtocolDirect,
		"staged.v1": upgradable.ProtocolStaged, "delayed.v1": upgradable.ProtocolDelayed,
		"proxy.proxy": upgradable.ProtocolProxy, "hooks.v1": upgradable.ProtocolEagerTact,
		"hooks.v1stuck": upgradable.ProtocolEagerTact, "hooks.v2": upgradable.ProtocolEagerTact,
		"hooks.lazy.v1": upgradable.ProtocolChainlinkTact, "versioned.v1": upgradable.ProtocolChainlinkTact,
		"units.v1": upgradable.ProtocolSetCode, "units.v2": upgradable.ProtocolSetCode,
	} {
		t.Run(name, func(t *testing.T) {
			p, err := upgradable.DetectProtocol(contracts.Builtins()[name].ABI)
			require.NoError(t, err)
			assert.Equal(t, want, p.Name)
		})
	}
	t.Run("the diamond", func(t *testing.T) {
		// Its own code never changes: a facet's code is data.
		_, err := upgradable.DetectProtocol(contracts.Builtins()["diamond.diamond"].ABI)
		require.ErrorIs(t, err, upgradable.ErrNoProtocol)
	})
}

// TestFamilyMatrices runs the upgrade matrix of each new family from its
// first version: versioned's forward upgrades are all safe (v1 → v3
// included, unlike the counter's), units is safe both ways, and the eager
// and the lazy hooks differ on the way back.
func TestFamilyMatrices(t *testing.T) {
	const none = upgradable.Verdict(-1)
	tests := []struct {
		name     string
		versions []string
		want     [][]upgradable.Verdict
	}{
		{"versioned", []string{"versioned.v1", "versioned.v2", "versioned.v3"}, [][]upgradable.Verdict{
			{none, upgradable.Safe, upgradable.Safe},
			// versioned.v1's init(owner) reads no envelope; versioned.v2
			// refuses layout 3 by name.
			{upgradable.Bricked, none, upgradable.Safe},
			{upgradable.Bricked, upgradable.Bricked, none},
		}},
		{"units", []string{"units.v1", "units.v2"}, [][]upgradable.Verdict{
			{none, upgradable.Safe},
			{upgradable.Safe, none},
		}},
		{"hooks, eager", []string{"hooks.v1", "hooks.v2"}, [][]upgradable.Verdict{
			{none, upgradable.Safe},
			// hooks.v1 has no postUpgrade: undone in its own transaction.
			{upgradable.Rejected, none},
		}},
		{"hooks, lazy", []string{"hooks.lazy.v1", "hooks.lazy.v2"}, [][]upgradable.Verdict{
			{none, upgradable.Safe},
			{upgradable.Bricked, none},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deployBuiltin(t, tc.versions[0])
			var family []upgradable.Member
			for _, v := range tc.versions {
				family = append(family, upgradable.Member{Name: v, Package: contracts.Builtins()[v]})
			}
			root := d.w.StateRoot()
			m, err := upgradable.UpgradeMatrix(d.w, upgradable.MatrixRequest{Contract: d.addr, Versions: family})
			require.NoError(t, err)
			assert.Equal(t, root, d.w.StateRoot(), "the world is not touched")
			for i := range tc.want {
				for j, want := range tc.want[i] {
					r := m.Report(upgradable.Pair{From: i, To: j})
					if want == none {
						assert.Nil(t, r)
						continue
					}
					require.NotNil(t, r, "%s → %s", tc.versions[i], tc.versions[j])
					assert.Equal(t, want, r.Verdict, "%s → %s: exit %d", tc.versions[i], tc.versions[j], r.ExitCode)
				}
			}
			assert.Empty(t, m.Failing(), "each version to the next is safe")
		})
	}
	t.Run("versioned, every forward pair supported", func(t *testing.T) {
		d := deployBuiltin(t, "versioned.v1")
		var family []upgradable.Member
		for _, v := range []string{"versioned.v1", "versioned.v2", "versioned.v3"} {
			family = append(family, upgradable.Member{Name: v, Package: contracts.Builtins()[v]})
		}
		m, err := upgradable.UpgradeMatrix(d.w, upgradable.MatrixRequest{Contract: d.addr, Versions: family,
			Supported: []upgradable.Pair{{From: 0, To: 1}, {From: 0, To: 2}, {From: 1, To: 2}}})
		require.NoError(t, err)
		assert.Empty(t, m.Failing())
	})
}

// TestEagerTrapChangesNothing performs the upgrades a preflight dries: the
// eager migration that traps leaves the pot's code and data exactly as
// they were, and its balance too: the failed Upgrade's value comes in and
// goes back in the bounce less exactly the transaction's fees and the
// bounce's forwarding fee, so the owner pays for the failure, not the pot;
// the lazy one commits the code and bricks the pot. The preflight of each, on a fork, leaves the
// world's state root exactly as it was.
func TestEagerTrapChangesNothing(t *testing.T) {
	tests := []struct {
		from, to    string
		codeChanged bool
		exit        int64 // of the upgrade transaction
		nextExit    int64 // of the Bump after it
	}{
		{"hooks.v1", "hooks.v2trap", false, actor.ExitCellUnderflow, 0},
		{"hooks.lazy.v1", "hooks.lazy.v2trap", true, 0, actor.ExitCellUnderflow},
	}
	for _, tc := range tests {
		t.Run(tc.to, func(t *testing.T) {
			d := deployBuiltin(t, tc.from)
			d.send(t, "Bump", map[string]any{"queryId": 1})
			before, err := d.w.Account(d.addr)
			require.NoError(t, err)
			next := contracts.Builtins()[tc.to]
			req := upgradable.Request{Contract: d.addr, Code: next.Code, Next: next, Current: d.pkg}

			root := d.w.StateRoot()
			_, err = upgradable.Preflight(d.w, req)
			require.NoError(t, err)
			assert.Equal(t, root, d.w.StateRoot(), "the preflight leaves the world exactly as it was")

			up, err := upgradable.Upgrade(d.w, req)
			require.NoError(t, err)
			assert.Equal(t, tc.codeChanged, up.CodeChanged)
			tx := up.Steps[0]
			assert.Equal(t, tc.exit, int64(tx.ExitCode))
			after, err := d.w.Account(d.addr)
			require.NoError(t, err)
			if !tc.codeChanged {
				assert.False(t, tx.Success)
				assert.Equal(t, before.Code.ToBOC(), after.Code.ToBOC(), "the code exactly as it was")
				assert.Equal(t, before.Data.ToBOC(), after.Data.ToBOC(), "the data exactly as it was")
				assert.Equal(t, before.Balance.Nano(), tx.BalanceBefore.Nano(), "nothing ran on the pot between")
				// The value comes in and goes back in the bounce, less the
				// bounce's forwarding fee; the pot keeps paying only the
				// transaction's fees.
				require.Len(t, tx.Out, 1, "the bounce")
				assert.True(t, tx.Out[0].To.Equals(d.owner), "the bounce goes back to the owner")
				require.Len(t, tx.Children, 1)
				bounce := tx.Children[0]
				assert.True(t, bounce.Bounced)
				in := new(big.Int).Add(before.Balance.Nano(), tx.Value.Nano())
				out := new(big.Int).Add(after.Balance.Nano(), tx.Fees.Nano())
				out.Add(out, tx.Out[0].Value.Nano())
				out.Add(out, bounce.InForwardFee().Nano())
				assert.Equal(t, in.String(), out.String(), "balance before + value in = balance after + fees + bounce's value + its forwarding fee")
				// The bounce phase pays the fees out of the inbound value, so
				// the pot's own balance is exactly as it was (no time passed:
				// no storage fee).
				assert.Equal(t, before.Balance.Nano().String(), after.Balance.Nano().String(), "the pot's balance exactly as it was")
				bounced := new(big.Int).Sub(tx.Value.Nano(), tx.Fees.Nano())
				bounced.Sub(bounced, bounce.InForwardFee().Nano())
				assert.Equal(t, bounced.String(), tx.Out[0].Value.Nano().String(), "the bounce returns the value less the fees and its forwarding")
				assert.Positive(t, tx.Fees.Nano().Sign(), "the failed transaction costs something")
			}
			bump := d.send(t, "Bump", map[string]any{"queryId": 2})
			assert.Equal(t, tc.nextExit, int64(bump.ExitCode), "the next message")
		})
	}
}

// TestStuckNeverUpgrades sends the upgrade for real to hooks.v1stuck
// after every message it takes: its pre-upgrade check refuses each time.
func TestStuckNeverUpgrades(t *testing.T) {
	d := deployBuiltin(t, "hooks.v1stuck")
	v2 := contracts.Builtins()["hooks.v2"]
	for _, msg := range []struct {
		name   string
		fields map[string]any
	}{
		{"Unlock", map[string]any{"queryId": 1}},
		{"Lock", map[string]any{"queryId": 2, "amount": 0}},
		{"Bump", map[string]any{"queryId": 3}},
	} {
		require.True(t, d.send(t, msg.name, msg.fields).Success)
		up, err := upgradable.Upgrade(d.w, upgradable.Request{Contract: d.addr, Code: v2.Code, Next: v2, Current: d.pkg})
		require.NoError(t, err)
		assert.False(t, up.CodeChanged, "after %s", msg.name)
		assert.Equal(t, int64(contracts.ExitFundsLocked), int64(up.Steps[0].ExitCode), "after %s", msg.name)
	}
}

// TestDiamondReplacesAFacetNotItsCode replaces the diamond's counter facet:
// the diamond's code stays the same, the counter unit is read by the new
// facet as the old one wrote it, and the notes facet's unit is untouched.
func TestDiamondReplacesAFacetNotItsCode(t *testing.T) {
	d := deployBuiltin(t, "diamond.diamond")
	b := contracts.Builtins()
	count := func() int64 {
		t.Helper()
		res, err := d.w.GetTyped(d.addr, d.pkg.ABI, "read", map[string]any{"selector": contracts.SelectorCounter, "method": contracts.MethodFacetCount})
		require.NoError(t, err)
		return res.(interface{ Int64() int64 }).Int64()
	}
	unit := func(selector int) []byte {
		t.Helper()
		res, err := d.w.GetTyped(d.addr, d.pkg.ABI, "unit", map[string]any{"selector": selector})
		require.NoError(t, err)
		return res.(*tvmcell.Cell).Hash()
	}
	require.True(t, d.send(t, "SetFacet", map[string]any{"queryId": 1, "selector": contracts.SelectorCounter, "code": b["diamond.counter.v1"].Code}).Success)
	require.True(t, d.send(t, "SetFacet", map[string]any{"queryId": 2, "selector": contracts.SelectorNotes, "code": b["diamond.notes"].Code}).Success)
	require.True(t, d.send(t, "Increment", map[string]any{"queryId": 3, "by": 5}).Success)
	require.True(t, d.send(t, "Note", map[string]any{"queryId": 4, "text": "kept"}).Success)
	reset := d.send(t, "Reset", map[string]any{"queryId": 5})
	assert.Equal(t, int64(130), int64(reset.ExitCode), "counter v1 takes no Reset: the facet's exit is the diamond's")
	code, notes := d.addrCode(t), unit(contracts.SelectorNotes)

	require.True(t, d.send(t, "SetFacet", map[string]any{"queryId": 6, "selector": contracts.SelectorCounter, "code": b["diamond.counter.v2"].Code}).Success)
	assert.Equal(t, code, d.addrCode(t), "the diamond's own code never changes")
	assert.Equal(t, int64(5), count(), "version 2 reads the unit version 1 wrote")
	require.True(t, d.send(t, "Reset", map[string]any{"queryId": 7}).Success)
	require.True(t, d.send(t, "Increment", map[string]any{"queryId": 8, "by": 3}).Success)
	assert.Equal(t, int64(3), count())
	assert.Equal(t, notes, unit(contracts.SelectorNotes), "the notes unit is the notes facet's alone")

	require.True(t, d.send(t, "SetFacet", map[string]any{"queryId": 9, "selector": contracts.SelectorCounter, "code": nil}).Success)
	gone := d.send(t, "Increment", map[string]any{"queryId": 10, "by": 1})
	assert.Equal(t, int64(contracts.ExitNoFacet), int64(gone.ExitCode))
}

func (d deployed) addrCode(t *testing.T) []byte {
	t.Helper()
	acc, err := d.w.Account(d.addr)
	require.NoError(t, err)
	return acc.Code.Hash()
}
