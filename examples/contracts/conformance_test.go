package contracts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/conformance"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// TestVectors replays every family's vectors, recorded in @ton/sandbox
// 0.41 by internal/conformance/record: each contract transaction's exit
// and action codes, flags, gas, fees, skipped actions, out messages,
// events and data and code hashes, and each getter's exit code, gas and
// stack must be the sandbox's.
func TestVectors(t *testing.T) {
	for _, vector := range []string{
		"vault/testdata/vault.json",
		"vault/testdata/vault-brick.json",
		"vault/testdata/vault-recount.json",
		"direct/testdata/direct.json",
		"staged/testdata/staged.json",
		"twostep/testdata/twostep.json",
		"delayed/testdata/delayed.json",
		"delayed/testdata/delayed-open.json",
		"proxy/testdata/proxy.json",
		"initparams/testdata/initparams.json",
		"hooks/testdata/hooks.json",
		"hooks/testdata/hooks-lazy.json",
		"versioned/testdata/versioned.json",
		"units/testdata/units.json",
		"diamond/testdata/diamond.json",
	} {
		t.Run(vector, func(t *testing.T) {
			conformance.Replay(t, vector, conformance.WithPackages(contracts.Builtins()))
		})
	}
}

// TestVaultVectorDeploysTactsInitData checks the recording script against
// the compiler: the StateInits the vault vector deploys (vault.v1, then
// vault.v1debug) hold the package's code and the data its init layout
// builds from the same arguments.
func TestVaultVectorDeploysTactsInitData(t *testing.T) {
	v, err := conformance.Load("vault/testdata/vault.json")
	require.NoError(t, err)
	var deploys []*conformance.Send
	for _, s := range v.Steps {
		if s.Send != nil && s.Send.StateInit != "" {
			deploys = append(deploys, s.Send)
		}
	}
	require.Len(t, deploys, 2)
	owner := address.MustParseRawAddr(v.Wallets["owner"])
	for i, tc := range []struct{ pkg, name string }{{"vault.v1", "Example vault"}, {"vault.v1debug", "Debug vault"}} {
		pkg := contracts.Builtins()[tc.pkg]
		si, err := cell.ParseBOC(deploys[i].StateInit)
		require.NoError(t, err)
		var init tlb.StateInit
		require.NoError(t, tlb.LoadFromCell(&init, si.MustBeginParse()))
		want, err := pkg.InitData(map[string]any{"owner": owner, "name": tc.name})
		require.NoError(t, err)
		assert.Equal(t, want.Hash(), init.Data.Hash(), "%s's init data", tc.pkg)
		assert.Equal(t, pkg.Code.Hash(), init.Code.Hash(), "%s's code", tc.pkg)
	}
}
