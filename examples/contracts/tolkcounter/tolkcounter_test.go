package tolkcounter_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
)

const counterID = 7

var value = tlb.MustFromTON("0.05")

// world is a world with an owner and a stranger, and version 1 deployed by
// the owner and stepped up twice.
type world struct {
	w               *actor.World
	owner, stranger *address.Address
	counter         *address.Address
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	stranger, err := w.NewWallet("stranger")
	require.NoError(t, err)

	si, err := tolkcounter.StateInit(owner, counterID)
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, StateInit: si, Value: value})
	require.NoError(t, err)
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	actortest.RequireTransaction(t, tr.Transactions, actortest.To(addr), actortest.Deployed(), actortest.Success())

	tw := &world{w: w, owner: owner, stranger: stranger, counter: addr}
	for i := range 2 {
		tx := tw.send(t, owner, step(t, uint64(i)))
		require.True(t, tx.Success, "step %d", i)
	}
	return tw
}

// send sends body from a wallet to the counter and returns the counter's
// transaction.
func (tw *world) send(t *testing.T, from *address.Address, body *tvmcell.Cell) *actor.Transaction {
	t.Helper()
	tr, err := tw.w.Send(actor.Message{From: from, To: tw.counter, Value: value, Body: body})
	require.NoError(t, err)
	return actortest.RequireTransaction(t, tr.Transactions, actortest.From(from), actortest.To(tw.counter))
}

// get runs a getter as pkg's ABI declares it.
func (tw *world) get(t *testing.T, pkg *cell.Package, method string) any {
	t.Helper()
	v, err := tw.w.GetTyped(tw.counter, pkg.ABI, method, nil)
	require.NoError(t, err)
	return v
}

func step(t *testing.T, queryID uint64) *tvmcell.Cell {
	t.Helper()
	body, err := tolkcounter.StepBody(queryID)
	require.NoError(t, err)
	return body
}

func upgrade(t *testing.T, code *tvmcell.Cell) *tvmcell.Cell {
	t.Helper()
	body, err := tolkcounter.UpgradeBody(1, code)
	require.NoError(t, err)
	return body
}

// storage decodes the counter's data with pkg's ABI.
func storage(t *testing.T, pkg *cell.Package, data *tvmcell.Cell) string {
	t.Helper()
	st, err := pkg.DecodeStorage(data)
	require.NoError(t, err)
	return cell.FormatValue(st.Fields)
}

// TestDeployAndStep: version 1's storage, as the ABI reads the data the
// compiled contract wrote, and its getters.
func TestDeployAndStep(t *testing.T) {
	tw := newWorld(t)
	acc, err := tw.w.Account(tw.counter)
	require.NoError(t, err)
	assert.Equal(t, "{owner: "+tw.owner.StringRaw()+", id: 7, value: 2}", storage(t, tolkcounter.V1(), acc.Data))

	assert.Equal(t, big.NewInt(2), tw.get(t, tolkcounter.V1(), "value"))
	assert.Equal(t, "1.0.0", tw.get(t, tolkcounter.V1(), "version"))
	assert.Equal(t, tw.owner.StringRaw(), tw.get(t, tolkcounter.V1(), "owner").(*address.Address).StringRaw())
}

// TestEagerUpgrade: v1 → v2 migrates the storage inside the upgrade
// transaction and emits UpgradedEvent; v2 then counts down.
func TestEagerUpgrade(t *testing.T) {
	tw := newWorld(t)
	v2 := tolkcounter.V2()
	tx := tw.send(t, tw.owner, upgrade(t, v2.Code))

	require.True(t, tx.Success, "exit %d", tx.ExitCode)
	assert.Equal(t, v2.Code.Hash(), tx.CodeAfter.Hash(), "the new code is set")
	assert.Equal(t, "{owner: "+tw.owner.StringRaw()+", value: 2, id: 7}", storage(t, v2, tx.DataAfter), "migrated in the same transaction")

	require.Len(t, tx.Out, 1)
	out := tx.Out[0]
	require.Nil(t, out.To, "an external message")
	var msg tlb.ExternalMessageOut
	require.NoError(t, tlb.LoadFromCell(&msg, out.Cell.MustBeginParse()))
	topic := tvmcell.BeginCell().MustStoreUInt(0, 8).MustStoreUInt(tolkcounter.EventTopic, 248).EndCell()
	assert.Equal(t, topic.MustBeginParse().MustLoadSlice(256), msg.DstAddr.Data(), "to ExtOutLogBucket { topic }")

	require.Equal(t, []string{"UpgradedEvent"}, v2.ABI.Events)
	ev, err := v2.ABI.Decode(v2.ABI.Events[0], out.Body)
	require.NoError(t, err)
	code, _ := ev.Get("code")
	assert.Equal(t, v2.Code.Hash(), code.(*tvmcell.Cell).Hash())
	hash, _ := ev.Get("codeHash")
	assert.Equal(t, new(big.Int).SetBytes(v2.Code.Hash()), hash)
	version, _ := ev.Get("version")
	assert.Equal(t, "2.0.0", version, "the new code's version, called in the upgrade")

	assert.Equal(t, "2.0.0", tw.get(t, v2, "version"))
	assert.Equal(t, big.NewInt(2), tw.get(t, v2, "value"))
	after := tw.send(t, tw.owner, step(t, 9))
	require.True(t, after.Success)
	assert.Equal(t, big.NewInt(1), tw.get(t, v2, "value"), "v2 counts down")
}

// TestFailedUpgrades: every refused or failing upgrade leaves code and data
// exactly as they were and bounces.
func TestFailedUpgrades(t *testing.T) {
	tests := []struct {
		name    string
		first   *cell.Package // upgraded to before, nil for none
		from    func(*world) *address.Address
		to      *cell.Package
		exit    int32
		meaning string
	}{
		{"a stranger's upgrade", nil, func(tw *world) *address.Address { return tw.stranger }, tolkcounter.V2(),
			tolkcounter.ExitNotOwner, "only the owner may upgrade"},
		{"v1 → v2fail: migrate reads v1's storage as v2's", nil, func(tw *world) *address.Address { return tw.owner }, tolkcounter.V2Fail(),
			9, ""},
		{"v2 → v2fail: migrate knows only 1.0.0", tolkcounter.V2(), func(tw *world) *address.Address { return tw.owner }, tolkcounter.V2Fail(),
			tolkcounter.ExitVersionMismatch, "migrate does not know the version it is asked to migrate from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tw := newWorld(t)
			running := tolkcounter.V1()
			if tt.first != nil {
				require.True(t, tw.send(t, tw.owner, upgrade(t, tt.first.Code)).Success)
				running = tt.first
			}
			before, err := tw.w.Account(tw.counter)
			require.NoError(t, err)

			tx := tw.send(t, tt.from(tw), upgrade(t, tt.to.Code))
			assert.Equal(t, tt.exit, tx.ExitCode)
			assert.Equal(t, tt.meaning, running.ABI.ErrorMessage(int(tx.ExitCode)))
			assert.True(t, tx.Aborted, "aborted")
			assert.Equal(t, before.Code.Hash(), tx.CodeAfter.Hash(), "code unchanged")
			assert.Equal(t, before.Data.Hash(), tx.DataAfter.Hash(), "data unchanged")
			for _, o := range tx.Out {
				assert.NotNil(t, o.To, "no event")
			}
			bounce := actortest.RequireTransaction(t, tx.Children, actortest.Bounced())
			assert.True(t, bytes.Equal(bounce.To.Data(), tt.from(tw).Data()), "bounced to the sender")
		})
	}
}
