package upgradable_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
)

type world struct {
	w               *actor.World
	owner, stranger *address.Address
	c               *counter.Counter
}

func deploy(t *testing.T) *world {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	stranger, err := w.NewWallet("stranger")
	require.NoError(t, err)
	c, _, err := counter.Deploy(w, stranger, counter.Init{ID: 7, Owner: owner, Value: 3})
	require.NoError(t, err)
	return &world{w: w, owner: owner, stranger: stranger, c: c}
}

func TestIsUpgradable(t *testing.T) {
	x := deploy(t)
	ok, err := upgradable.IsUpgradable(x.w, x.c.Address)
	require.NoError(t, err)
	assert.True(t, ok)

	ok, err = upgradable.IsUpgradable(x.w, x.owner)
	require.NoError(t, err)
	assert.False(t, ok, "a wallet has no isUpgradable getter")

	_, err = upgradable.IsUpgradable(x.w, actor.WalletAddress("nobody"))
	require.ErrorIs(t, err, actor.ErrAccountNotFound)
}

func TestPreflight(t *testing.T) {
	tests := []struct {
		name string
		// prepare runs before the preflight; from is who upgrades.
		prepare     func(t *testing.T, x *world)
		stranger    bool
		current     *cell.Package
		next        *cell.Package
		wantVerdict upgradable.Verdict
		wantExit    int64
		wantMeaning string
		wantAfter   string
		wantValue   [2]int64 // getter value before → after
		wantLayout  string
	}{
		{
			name: "v1 to v2", current: counter.V1(), next: counter.V2(),
			wantVerdict: upgradable.Safe, wantAfter: "2.0.0", wantValue: [2]int64{3, 3},
			wantLayout: "CounterV1Layout reads the current storage",
		},
		{
			name: "v1 to v3", current: counter.V1(), next: counter.V3(),
			wantVerdict: upgradable.Bricked, wantExit: 9, wantMeaning: "Cell underflow",
			wantLayout: "CounterV2Layout does not read the current storage {lazyDeploymentBit: Bool; owner: Address; id: Int as uint32; value: Int as uint32}: it reads value: Int as uint64 where the storage holds id: Int as uint32",
		},
		{
			name: "v2 to v3 right after v1 to v2", current: counter.V2(), next: counter.V3(),
			prepare: func(t *testing.T, x *world) {
				_, err := x.c.Upgrade(x.owner, counter.V2().Code)
				require.NoError(t, err)
			},
			wantVerdict: upgradable.Bricked, wantExit: 9, wantMeaning: "Cell underflow",
			wantLayout: "the data is a pending migration",
		},
		{
			name: "v2 to v3 after a step", current: counter.V2(), next: counter.V3(),
			prepare: func(t *testing.T, x *world) {
				_, err := x.c.Upgrade(x.owner, counter.V2().Code)
				require.NoError(t, err)
				_, err = x.c.Step(x.stranger, 1)
				require.NoError(t, err)
			},
			wantVerdict: upgradable.Safe, wantAfter: "3.0.0", wantValue: [2]int64{2, 2},
		},
		{
			name: "a stranger's upgrade", current: counter.V1(), next: counter.V2(), stranger: true,
			wantVerdict: upgradable.Rejected, wantExit: 132, wantMeaning: "Access denied",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := deploy(t)
			if tt.prepare != nil {
				tt.prepare(t, x)
			}
			root, history := x.w.StateRoot(), len(x.w.Transactions())
			req := upgradable.Request{Contract: x.c.Address, Code: tt.next.Code, Current: tt.current, Next: tt.next}
			if tt.stranger {
				req.Sender = x.stranger
			}

			r, err := upgradable.Preflight(x.w, req)
			require.NoError(t, err)
			assert.Equal(t, root, x.w.StateRoot(), "a preflight leaves the world alone")
			assert.Len(t, x.w.Transactions(), history)

			assert.Equal(t, tt.wantVerdict, r.Verdict)
			assert.Equal(t, tt.wantExit, r.ExitCode)
			assert.Equal(t, tt.wantMeaning, r.Meaning)
			assert.Equal(t, tt.wantAfter, r.After.Version)
			if tt.stranger {
				assert.True(t, r.Sender.Equals(x.stranger))
			} else {
				assert.True(t, r.Sender.Equals(x.owner), "the owner getter names the sender")
			}
			if tt.wantLayout != "" {
				require.NotNil(t, r.Layout)
				assert.Contains(t, describe.Layout(r.Layout), tt.wantLayout)
			}

			if tt.wantVerdict != upgradable.Safe {
				return
			}
			assert.True(t, r.Upgradable)
			value := getter(t, r, "value")
			assert.Equal(t, tt.wantValue[0], value.Before.(*big.Int).Int64())
			assert.Equal(t, tt.wantValue[1], value.After.(*big.Int).Int64())
			tv := getter(t, r, "type_and_version")
			assert.Equal(t, counter.Type+" v"+tt.wantAfter, tv.After)
			require.NotNil(t, r.StorageAfter, "the migrated storage, read by the new package")
			assert.True(t, r.StorageAfter.Initialized)
			v, err := r.StorageAfter.Fields.Get("value")
			require.NoError(t, err)
			assert.Equal(t, tt.wantValue[1], v.(*big.Int).Int64())
		})
	}
}

func TestPreflightBrickedGetters(t *testing.T) {
	x := deploy(t)
	r, err := upgradable.Preflight(x.w, upgradable.Request{Contract: x.c.Address, Code: counter.V3().Code, Current: counter.V1(), Next: counter.V3()})
	require.NoError(t, err)
	require.Equal(t, upgradable.Bricked, r.Verdict)
	require.NotEmpty(t, r.Getters)
	for _, g := range r.Getters {
		if g.Name == "step" {
			assert.ErrorIs(t, g.BeforeErr, upgradable.ErrNewGetter, "v1 has no step getter")
		} else {
			assert.NoError(t, g.BeforeErr, g.Name)
		}
		var exit *actor.ExitError
		require.ErrorAs(t, g.AfterErr, &exit, g.Name)
		assert.Equal(t, int64(9), exit.Code, g.Name)
	}
	require.NotEmpty(t, r.Probes)
	assert.Equal(t, upgradable.ProbeUpgradeBack, r.Probes[0].Kind)
	assert.False(t, r.Probes[0].OK)
	assert.Equal(t, int64(9), r.Probes[0].ExitCode, "the rescue Upgrade fails too")
	assert.False(t, r.Upgradable)
	assert.Equal(t, upgradable.Version{}, r.After)
}

func TestPreflightErrors(t *testing.T) {
	x := deploy(t)
	tests := []struct {
		name    string
		req     upgradable.Request
		wantErr error
		wantMsg string
	}{
		{"no contract", upgradable.Request{Code: counter.V2().Code}, nil, "needs a contract"},
		{"missing contract", upgradable.Request{Contract: actor.WalletAddress("ghost"), Code: counter.V2().Code}, actor.ErrAccountNotFound, ""},
		{"a wallet", upgradable.Request{Contract: x.owner, Code: counter.V2().Code}, nil, "owner is a wallet, not an upgradable contract"},
		{"sender not a wallet", upgradable.Request{Contract: x.c.Address, Code: counter.V2().Code, Current: counter.V1(), Sender: x.c.Address}, actor.ErrUnknownWallet, ""},
		{"no ABI to find the protocol by", upgradable.Request{Contract: x.c.Address, Code: counter.V2().Code}, upgradable.ErrNoProtocol, "its code has no ABI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := x.w.StateRoot()
			_, err := upgradable.Preflight(x.w, tt.req)
			require.Error(t, err)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.ErrorContains(t, err, tt.wantMsg)
			assert.Equal(t, root, x.w.StateRoot())
		})
	}
}

func getter(t *testing.T, r *upgradable.Report, name string) upgradable.GetterChange {
	t.Helper()
	for _, g := range r.Getters {
		if g.Name == name {
			require.NoError(t, g.BeforeErr)
			require.NoError(t, g.AfterErr)
			return g
		}
	}
	t.Fatalf("no getter %s in %v", name, r.Getters)
	return upgradable.GetterChange{}
}

// TestPreflightToTheRunningCode: an upgrade to the code the account runs
// already is said so, and is judged as any other.
func TestPreflightToTheRunningCode(t *testing.T) {
	x := deploy(t)
	r, err := upgradable.Preflight(x.w, upgradable.Request{Contract: x.c.Address, Code: counter.V1().Code, Current: counter.V1(), Next: counter.V1()})
	require.NoError(t, err)
	assert.True(t, r.SameCode)
	assert.Contains(t, describe.Warnings(r, "v1", describe.Printer{}), "v1 is the code the account runs already: the upgrade replaces the code with itself, and still wraps the data for a migration, which the code's init reads as the data of the version before")

	r, err = upgradable.Preflight(x.w, upgradable.Request{Contract: x.c.Address, Code: counter.V2().Code, Current: counter.V1(), Next: counter.V2()})
	require.NoError(t, err)
	assert.False(t, r.SameCode)
}
