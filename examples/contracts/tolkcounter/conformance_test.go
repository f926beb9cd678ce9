package tolkcounter_test

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
)

// vectorFile is what internal/conformance/record/tolk-counter.mjs recorded
// in @ton/sandbox 0.41.0.
const vectorFile = "../tolk-counter/testdata/tolk-counter.json"

// vector is a conformance vector, in the format every family shares.
type vector struct {
	Now     uint32            `json:"now"`
	Wallets map[string]string `json:"wallets"`
	Steps   []struct {
		Note string `json:"note"`
		Send *struct {
			From      string `json:"from"`
			To        string `json:"to"`
			Value     string `json:"value"`
			Bounce    bool   `json:"bounce"`
			Body      string `json:"body"`
			StateInit string `json:"state_init"`
		} `json:"send"`
		Transactions []vectorTx `json:"transactions"`
		Get          *struct {
			On     string `json:"on"`
			Method string `json:"method"`
		} `json:"get"`
		ExitCode int32        `json:"exit_code"`
		GasUsed  int64        `json:"gas_used"`
		Result   []vectorItem `json:"result"`
		Wait     uint32       `json:"wait"`
	} `json:"steps"`
}

type vectorTx struct {
	On             string   `json:"on"`
	From           *string  `json:"from"`
	ExitCode       int32    `json:"exit_code"`
	ComputeSkipped string   `json:"compute_skipped"`
	ActionCode     int32    `json:"action_code"`
	Success        bool     `json:"success"`
	Aborted        bool     `json:"aborted"`
	Bounced        bool     `json:"bounced"`
	Deployed       bool     `json:"deployed"`
	GasUsed        int64    `json:"gas_used"`
	TotalFees      string   `json:"total_fees"`
	SkippedActions int      `json:"skipped_actions"`
	OutMessages    int      `json:"out_messages"`
	DataHash       string   `json:"data_hash"`
	CodeHash       string   `json:"code_hash"`
	Events         []string `json:"events"`
}

type vectorItem struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	BOC   string `json:"boc"`
}

// TestConformance replays the sandbox's sequence in a tonsim world (a
// local loop until the shared replay harness takes the vector): wallets at
// the recorded addresses, each send through the named wallet, and every
// recorded field of every contract transaction, and every getter's exit
// code, gas and result, must be the sandbox's.
func TestConformance(t *testing.T) {
	raw, err := os.ReadFile(vectorFile)
	require.NoError(t, err)
	var v vector
	require.NoError(t, json.Unmarshal(raw, &v))

	w, err := actor.NewWorld(actor.WithNow(v.Now))
	require.NoError(t, err)
	wallets := map[string]*address.Address{}
	for name, addr := range v.Wallets {
		wallets[name], err = w.NewWallet(name, actor.WithAddress(address.MustParseRawAddr(addr)))
		require.NoError(t, err)
	}
	now := v.Now

	for i, step := range v.Steps {
		t.Run(fmt.Sprintf("%02d %s", i, step.Note), func(t *testing.T) {
			switch {
			case step.Wait > 0:
				now += step.Wait
				require.NoError(t, w.SetNow(now))
			case step.Get != nil:
				res, err := w.Get(address.MustParseRawAddr(step.Get.On), step.Get.Method)
				require.NoError(t, err)
				assert.Equal(t, step.GasUsed, res.GasUsed, "gas")
				require.Len(t, res.Stack, len(step.Result))
				for j, want := range step.Result {
					assert.Equal(t, itemText(t, want), cell.FormatValue(res.Stack[j]), "result %d", j)
				}
			case step.Send != nil:
				replaySend(t, w, wallets, step.Send.From, step.Send.To, step.Send.Value, step.Send.Bounce, step.Send.Body, step.Send.StateInit, step.Transactions)
			default:
				t.Fatal("a step that is neither send, get nor wait")
			}
		})
	}

	got, err := w.GetTyped(address.MustParseRawAddr(v.Steps[0].Send.To), tolkcounter.V2().ABI, "version", nil)
	require.NoError(t, err)
	assert.Equal(t, "2.0.0", got, "the sequence ends on version 2")
}

func replaySend(t *testing.T, w *actor.World, wallets map[string]*address.Address,
	from, to, value string, bounce bool, body, stateInit string, want []vectorTx) {
	t.Helper()
	m := actor.Message{From: wallets[from], To: address.MustParseRawAddr(to), NoBounce: !bounce}
	m.Value = tlb.FromNanoTON(mustBig(t, value))
	if body != "" {
		m.Body = mustBOC(t, body)
	}
	if stateInit != "" {
		var si tlb.StateInit
		require.NoError(t, tlb.LoadFromCell(&si, mustBOC(t, stateInit).MustBeginParse()))
		m.StateInit = &si
	}
	tr, err := w.Send(m)
	require.NoError(t, err)

	var got []*actor.Transaction
	for _, tx := range tr.Transactions {
		if !w.IsWallet(tx.To) {
			got = append(got, tx)
		}
	}
	require.Len(t, got, len(want), "contract transactions")
	for j, wt := range want {
		tx := got[j]
		assert.Equal(t, wt.On, tx.To.StringRaw(), "on")
		if wt.From == nil {
			assert.Nil(t, tx.From, "from")
		} else {
			assert.Equal(t, *wt.From, tx.From.StringRaw(), "from")
		}
		assert.Equal(t, wt.ComputeSkipped, string(tx.ComputeSkipped), "compute skipped")
		assert.Equal(t, wt.ExitCode, tx.ExitCode, "exit code")
		assert.Equal(t, wt.ActionCode, tx.ActionCode, "action code")
		assert.Equal(t, wt.Success, tx.Success, "success")
		assert.Equal(t, wt.Aborted, tx.Aborted, "aborted")
		assert.Equal(t, wt.Bounced, tx.Bounced, "bounced")
		assert.Equal(t, wt.Deployed, tx.Deployed, "deployed")
		assert.Equal(t, wt.GasUsed, tx.GasUsed, "gas")
		assert.Equal(t, wt.TotalFees, tx.Fees.Nano().String(), "total fees")
		assert.Equal(t, wt.SkippedActions, skippedActions(t, tx), "skipped actions")
		assert.Equal(t, wt.OutMessages, len(tx.Out), "out messages")
		assert.Equal(t, wt.DataHash, hex.EncodeToString(tx.DataAfter.Hash()), "data hash")
		assert.Equal(t, wt.CodeHash, hex.EncodeToString(tx.CodeAfter.Hash()), "code hash")
		var events []string
		for _, o := range tx.Out {
			if o.To == nil {
				events = append(events, hex.EncodeToString(o.Body.Hash()))
			}
		}
		var wantEvents []string
		for _, e := range wt.Events {
			wantEvents = append(wantEvents, hex.EncodeToString(mustBOC(t, e).Hash()))
		}
		assert.Equal(t, wantEvents, events, "events")
	}
}

// skippedActions reads the action phase's skipped count from the
// transaction cell.
func skippedActions(t *testing.T, tx *actor.Transaction) int {
	t.Helper()
	var parsed tlb.Transaction
	require.NoError(t, tlb.LoadFromCell(&parsed, tx.Cell.MustBeginParse()))
	d, ok := parsed.Description.(tlb.TransactionDescriptionOrdinary)
	require.True(t, ok, "an ordinary transaction")
	if d.ActionPhase == nil {
		return 0
	}
	return int(d.ActionPhase.SkippedActions)
}

// itemText writes a recorded stack item as cell.FormatValue writes the
// value tonsim's getter returns.
func itemText(t *testing.T, it vectorItem) string {
	t.Helper()
	switch it.Type {
	case "int":
		return mustBig(t, it.Value).String()
	case "null":
		return "null"
	case "cell", "slice", "builder":
		return cell.FormatValue(mustBOC(t, it.BOC))
	}
	t.Fatalf("stack item %q", it.Type)
	return ""
}

func mustBOC(t *testing.T, s string) *tvmcell.Cell {
	t.Helper()
	c, err := cell.ParseBOC(s)
	require.NoError(t, err)
	return c
}

func mustBig(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok, "%q is not an integer", s)
	return n
}

// TestSandboxEvent decodes the UpgradedEvent the sandbox recorded with
// version 2's hand-written ABI.
func TestSandboxEvent(t *testing.T) {
	raw, err := os.ReadFile(vectorFile)
	require.NoError(t, err)
	var v vector
	require.NoError(t, json.Unmarshal(raw, &v))

	var bodies []string
	for _, step := range v.Steps {
		for _, tx := range step.Transactions {
			bodies = append(bodies, tx.Events...)
		}
	}
	require.Len(t, bodies, 1, "one upgrade went through")
	v2 := tolkcounter.V2()
	ev, err := v2.ABI.Decode("UpgradedEvent", mustBOC(t, bodies[0]))
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("{code: %s, codeHash: %s, version: \"2.0.0\"}",
		cell.FormatValue(v2.Code), new(big.Int).SetBytes(v2.Code.Hash())), cell.FormatValue(ev))
}
