package counter_test

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	harness "github.com/tonsim/tonsim/internal/conformance"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
)

// conformance is testdata/tact-counter.json: what real Tact 1.6.13 counters
// with the seed's layouts did in @ton/sandbox for one message sequence.
type conformance struct {
	Wallets map[string]string `json:"wallets"`
	Init    struct {
		ID    uint32 `json:"id"`
		Owner string `json:"owner"`
		Value uint32 `json:"value"`
	} `json:"init"`
	InitDataHash string `json:"init_data_hash"`
	Steps        []struct {
		Send     string          `json:"send"`
		Get      string          `json:"get"`
		From     string          `json:"from"`
		QueryID  uint64          `json:"queryId"`
		Code     string          `json:"code"`
		BodyBOC  string          `json:"body_boc"`
		Deploys  bool            `json:"deploys"`
		ExitCode int32           `json:"exit_code"`
		Success  bool            `json:"success"`
		DataHash string          `json:"data_hash"`
		DataBOC  string          `json:"data_boc"`
		Result   json.RawMessage `json:"result"`
	} `json:"steps"`
}

// TestConformance replays the sandbox's sequence in a tonsim world with the
// same wallets and init, and requires every data hash, exit code and getter
// result to be the sandbox's.
func TestConformance(t *testing.T) {
	raw, err := os.ReadFile("testdata/tact-counter.json")
	require.NoError(t, err)
	var ref conformance
	require.NoError(t, json.Unmarshal(raw, &ref))

	// The vector was recorded in @ton/sandbox 0.41, with its config.
	w, err := actor.NewWorld(actor.WithProfile(actor.ProfileSandbox041))
	require.NoError(t, err)
	wallets := map[string]*address.Address{}
	for name, addr := range ref.Wallets {
		wallets[name], err = w.NewWallet(name, actor.WithAddress(address.MustParseRawAddr(addr)))
		require.NoError(t, err)
	}
	init := counter.Init{ID: ref.Init.ID, Owner: address.MustParseRawAddr(ref.Init.Owner), Value: ref.Init.Value}
	si, err := counter.StateInit(init)
	require.NoError(t, err)
	require.Equal(t, ref.InitDataHash, hex.EncodeToString(si.Data.Hash()), "init data")
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	c := &counter.Counter{World: w, Address: addr}
	codes := map[string]*cell.Package{"v1": counter.V1(), "v2": counter.V2(), "v3": counter.V3()}

	for i, step := range ref.Steps {
		name := fmt.Sprintf("%02d %s%s", i, step.Send, step.Get)
		t.Run(name, func(t *testing.T) {
			if step.Get != "" {
				got, err := w.GetTyped(addr, counter.V2().ABI, step.Get, nil)
				require.NoError(t, err)
				var want any
				require.NoError(t, json.Unmarshal(step.Result, &want))
				assert.Equal(t, fmt.Sprint(want), plain(got))
				return
			}

			var tr *actor.Trace
			from := wallets[step.From]
			switch step.Send {
			case "empty":
				tr, err = w.Send(actor.Message{From: from, StateInit: si, Value: counter.DefaultValue})
			case "Step":
				tr, err = c.Step(from, step.QueryID)
			case "Upgrade":
				tr, err = c.Upgrade(from, codes[step.Code].Code)
			case "raw":
				body, perr := cell.ParseBOC(step.BodyBOC)
				require.NoError(t, perr)
				tr, err = w.Send(actor.Message{From: from, To: addr, Value: counter.DefaultValue, Body: body})
			default:
				t.Fatalf("unknown step %q", step.Send)
			}
			require.NoError(t, err)

			tx := actortest.RequireTransaction(t, tr.Transactions, actortest.From(from), actortest.To(addr))
			assert.Equal(t, step.ExitCode, tx.ExitCode, "exit code")
			assert.Equal(t, step.Success, tx.Success, "success")
			assert.Equal(t, step.Deploys, tx.Deployed, "deployed")
			assert.Equal(t, step.DataHash, hex.EncodeToString(tx.DataAfter.Hash()), "data hash")
			want, err := cell.ParseBOC(step.DataBOC)
			require.NoError(t, err)
			assert.Equal(t, cell.Print(want), cell.Print(tx.DataAfter), "data")
		})
	}

	v, err := upgradable.TypeAndVersion(w, addr)
	require.NoError(t, err)
	assert.Equal(t, upgradable.Version{Type: counter.Type, Version: "2.0.0"}, v)
}

// plain writes a getter result as the conformance record does: strings
// bare, everything else as cell.FormatValue writes it.
func plain(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return cell.FormatValue(v)
}

// TestConformanceVector replays testdata/counter.json, the same sequence
// re-recorded in the vector format of package internal/conformance: every
// contract transaction's exit and action codes, flags, gas, fees, out
// messages and data and code hashes, and every getter's exit code, gas and
// stack.
func TestConformanceVector(t *testing.T) {
	harness.Replay(t, "testdata/counter.json", harness.WithPackages(map[string]*cell.Package{
		"counter.v1": counter.V1(), "counter.v2": counter.V2(), "counter.v3": counter.V3(),
	}))
}
