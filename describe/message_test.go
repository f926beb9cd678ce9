package describe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// proxyABI declares Get and Step both at opcode 1, as Chainlink's
// ProxyCounter does: it receives Step and sends Get to its child.
const proxyABI = `{"name":"Proxy","types":[
 {"name":"Get","header":1,"fields":[{"name":"queryId","type":{"kind":"simple","type":"uint","optional":false,"format":64}}]},
 {"name":"Step","header":1,"fields":[{"name":"queryId","type":{"kind":"simple","type":"uint","optional":false,"format":64}},{"name":"by","type":{"kind":"simple","type":"uint","optional":false,"format":8}}]},
 {"name":"Reply","header":2222,"fields":[{"name":"value","type":{"kind":"simple","type":"uint","optional":false,"format":32}}]}],
 "receivers":[{"receiver":"internal","message":{"kind":"typed","type":"Step"}}],"getters":[],"errors":{}}`

// childABI receives Get at opcode 1.
const childABI = `{"name":"Child","types":[
 {"name":"Get","header":1,"fields":[{"name":"queryId","type":{"kind":"simple","type":"uint","optional":false,"format":64}}]}],
 "receivers":[{"receiver":"internal","message":{"kind":"typed","type":"Get"}}],"getters":[],"errors":{}}`

func abiContract(t *testing.T, name, abiJSON string) *catalog.Contract {
	t.Helper()
	abi, err := cell.ParseABI([]byte(abiJSON))
	require.NoError(t, err)
	return &catalog.Contract{Name: name, Package: &cell.Package{Name: name, ABI: abi}}
}

func TestNameSharedOpcodes(t *testing.T) {
	proxy, child := abiContract(t, "proxy", proxyABI), abiContract(t, "child", childABI)
	get := tvmcell.BeginCell().MustStoreUInt(1, 32).MustStoreUInt(7, 64).EndCell()
	step := tvmcell.BeginCell().MustStoreUInt(1, 32).MustStoreUInt(7, 64).MustStoreUInt(2, 8).EndCell()
	reply := tvmcell.BeginCell().MustStoreUInt(2222, 32).MustStoreUInt(5, 32).EndCell()
	bouncedStep := tvmcell.BeginCell().MustStoreUInt(0xffffffff, 32).MustStoreUInt(1, 32).MustStoreUInt(7, 64).EndCell()
	tests := []struct {
		name string
		body *tvmcell.Cell
		by   []*catalog.Contract
		want string
	}{
		{"the proxy receives Step, not Get", step, []*catalog.Contract{proxy, child}, "Step"},
		{"a Get body to the proxy decodes as Get", get, []*catalog.Contract{proxy}, "Get"},
		{"the child receives Get", get, []*catalog.Contract{child, proxy}, "Get"},
		{"a reply to a wallet, by the sender's ABI", reply, []*catalog.Contract{nil, proxy}, "Reply"},
		{"a body no type reads is malformed", tvmcell.BeginCell().MustStoreUInt(1, 32).EndCell(), []*catalog.Contract{proxy}, "Step (malformed)"},
		{"an opcode nobody declares", tvmcell.BeginCell().MustStoreUInt(99, 32).EndCell(), []*catalog.Contract{proxy, child}, "0x00000063"},
		{"a bounce, by the bouncer's receivers", bouncedStep, []*catalog.Contract{proxy}, "bounced Step"},
		{"a bounce no ABI names", bouncedStep, nil, "bounced 0x00000001"},
		{"empty", tvmcell.BeginCell().EndCell(), nil, "empty"},
		{"short", tvmcell.BeginCell().MustStoreUInt(1, 12).EndCell(), nil, "12-bit body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe.Name(tt.body, tt.by...).String())
		})
	}
}

// TestEventNameByTopic runs the Tolk counter's eager upgrade: v2 logs an
// UpgradedEvent, a struct with no prefix, to ExtOutLogBucket { topic:
// crc32("UpgradedEvent") }, and the event is named by that topic.
func TestEventNameByTopic(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	si, err := tolkcounter.StateInit(owner, 7)
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), StateInit: si})
	require.NoError(t, err)
	body, err := tolkcounter.UpgradeBody(1, tolkcounter.V2().Code)
	require.NoError(t, err)
	tr, err = w.Send(actor.Message{From: owner, To: tr.Transactions[1].To, Value: tlb.MustFromTON("1"), Body: body})
	require.NoError(t, err)
	tx := tr.Transactions[1]
	require.True(t, tx.Success, "%v", tx.Err())
	require.Len(t, tx.Out, 1)

	v2 := &catalog.Contract{Name: "v2", Package: tolkcounter.V2()}
	tests := []struct {
		name string
		m    actor.OutMessage
		want string
	}{
		{"by its topic", tx.Out[0], "UpgradedEvent"},
		{"no topic, but only one event reads it", actor.OutMessage{Body: tx.Out[0].Body}, "UpgradedEvent"},
		{"a body no event reads", actor.OutMessage{Cell: tx.Out[0].Cell, Body: tvmcell.BeginCell().MustStoreUInt(7, 40).EndCell()}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe.EventName(tt.m, v2)
			assert.Equal(t, tt.want, got.Type)
			if tt.want != "" {
				v, err := got.Body.Get("version")
				require.NoError(t, err)
				assert.Equal(t, "2.0.0", v)
			}
		})
	}
}
