package counter_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/internal/conformance"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

var versions = map[string]*cell.Package{"counter.v1": counter.V1(), "counter.v2": counter.V2(), "counter.v3": counter.V3()}

// TestConformance replays testdata/counter.json, what real Tact 1.6.13
// counters with the seed's layouts did in @ton/sandbox 0.41 for one message
// sequence (deploy, steps, a stranger's upgrade, an unknown opcode, the
// upgrade, steps down to exit 5): every contract transaction's exit and
// action codes, flags, gas, fees, out messages and data and code hashes,
// and every getter's exit code, gas and stack.
func TestConformance(t *testing.T) {
	conformance.Replay(t, "testdata/counter.json", conformance.WithPackages(versions))
}

// TestStateInit builds the vector's deployment with counter.StateInit, as
// tonsim's own users do, and requires the very StateInit the sandbox sent:
// the same code, and init data laid out as Tact's generated bindings lay it.
func TestStateInit(t *testing.T) {
	v, err := conformance.Load("testdata/counter.json")
	require.NoError(t, err)
	deploy := v.Steps[0].Send
	require.NotEmpty(t, deploy.StateInit)
	want, err := cell.ParseBOC(deploy.StateInit)
	require.NoError(t, err)

	si, err := counter.StateInit(counter.Init{ID: 7, Owner: address.MustParseRawAddr(v.Wallets["owner"]), Value: 0})
	require.NoError(t, err)
	got, err := tlb.ToCell(si)
	require.NoError(t, err)
	assert.Equal(t, want.Hash(), got.Hash())
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	assert.Equal(t, deploy.To, addr.StringRaw())
}

// TestStorageVector replays what time did to a counter that keeps no
// balance in @ton/sandbox 0.41: the storage fee it cannot pay becomes due,
// and past the freeze limit the account freezes.
func TestStorageVector(t *testing.T) {
	conformance.Replay(t, "testdata/storage.json", conformance.WithPackages(versions))
}
