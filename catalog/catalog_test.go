package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func counters(t *testing.T) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	for name, pkg := range map[string]*cell.Package{"v1": counter.V1(), "v2": counter.V2(), "v3": counter.V3()} {
		require.NoError(t, c.Add(name, pkg))
	}
	return c
}

func TestLookups(t *testing.T) {
	c := counters(t)
	ct, err := c.ByName("v2")
	require.NoError(t, err)
	assert.Same(t, counter.V2(), ct.Package)
	got, err := c.ByCode(counter.V2().Code)
	require.NoError(t, err)
	assert.Same(t, ct, got)

	_, err = c.ByName("v9")
	require.ErrorIs(t, err, catalog.ErrUnknownContract)
	assert.ErrorContains(t, err, "known: v1, v2, v3")
	_, err = c.ByCode(tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell())
	require.ErrorIs(t, err, catalog.ErrUnknownCode)
	wallet, err := c.ByCode(actor.WalletCode())
	require.NoError(t, err)
	assert.Same(t, catalog.Wallet, wallet, "every catalog knows the world's wallet")
	assert.NotContains(t, names(c.Contracts()), "wallet", "without listing it")
	require.ErrorIs(t, c.Add("v1", counter.V1()), catalog.ErrDuplicate)

	require.NoError(t, c.AddCode("raw", tvmcell.BeginCell().MustStoreUInt(2, 8).EndCell()))
	raw, err := c.ByName("raw")
	require.NoError(t, err)
	assert.Nil(t, raw.ABI())
	assert.Equal(t, []string{"raw", "v1", "v2", "v3"}, names(c.Contracts()))
}

func names(cs []*catalog.Contract) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestDescribe(t *testing.T) {
	cat := counters(t)
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	stranger, err := w.NewWallet("stranger")
	require.NoError(t, err)
	c, deploy, err := counter.Deploy(w, stranger, counter.Init{ID: 7, Owner: owner, Value: 3})
	require.NoError(t, err)
	require.NoError(t, w.SetName("counter", c.Address))

	// on describes the counter's transaction in a trace.
	on := func(tr *actor.Trace) *catalog.Tx {
		for _, tx := range tr.Transactions {
			if tx.To.Equals(c.Address) {
				return cat.Describe(w, tx)
			}
		}
		t.Fatal("no transaction on the counter")
		return nil
	}
	t.Run("deploy", func(t *testing.T) {
		d := on(deploy)
		assert.Equal(t, "stranger", d.From)
		assert.Equal(t, "counter", d.To)
		assert.Equal(t, "empty", d.Message)
		assert.Equal(t, "0 (Success)", d.Exit)
		assert.Equal(t, "v1", d.Contract.Name)
		require.NotNil(t, d.After)
		assert.True(t, d.After.Initialized)
		assert.Nil(t, d.Before)
		assert.True(t, d.Initialized, "deployed with init arguments, init ran")
		assert.Empty(t, d.Changes)

		root := cat.Describe(w, deploy.Transactions[0])
		assert.Equal(t, "wallet", root.Contract.Name)
		assert.True(t, root.Initialized, "the wallet's first message runs its init")
		assert.Empty(t, root.Changes, "an init is not a change to list")
	})
	t.Run("step", func(t *testing.T) {
		tr, err := c.Step(stranger, 5)
		require.NoError(t, err)
		d := on(tr)
		assert.Equal(t, "Step", d.Message)
		require.NotNil(t, d.Body)
		q, err := d.Body.Get("queryId")
		require.NoError(t, err)
		assert.Equal(t, "5", cell.FormatValue(q))
		assert.Equal(t, []string{"value: 3 → 4"}, changes(d))
		for _, tx := range tr.Transactions {
			if tx.To.Equals(stranger) && !tx.External {
				assert.Equal(t, "empty", cat.Describe(w, tx).Message, "the cashback")
			}
		}
	})
	t.Run("a stranger's upgrade", func(t *testing.T) {
		tr, err := c.Upgrade(stranger, counter.V2().Code)
		require.NoError(t, err)
		d := on(tr)
		assert.Equal(t, "Upgrade", d.Message)
		assert.Equal(t, "132 (Access denied)", d.Exit)
		assert.False(t, d.CodeChanged)
		assert.Empty(t, d.Changes)
		bounce := tr.Transactions[len(tr.Transactions)-1]
		require.True(t, bounce.Bounced)
		assert.Equal(t, "bounced Upgrade", cat.Describe(w, bounce).Message)
	})
	t.Run("unknown opcode", func(t *testing.T) {
		body, err := cell.ParseBOC("b5ee9c7201010101000600000800000063")
		require.NoError(t, err)
		tr, err := w.Send(actor.Message{From: stranger, To: c.Address, Value: counter.DefaultValue, Body: body})
		require.NoError(t, err)
		d := on(tr)
		assert.Equal(t, "0x00000063", d.Message)
		assert.Equal(t, "130 (Invalid incoming message)", d.Exit)
	})
	t.Run("upgrade leaves a pending migration", func(t *testing.T) {
		tr, err := c.Upgrade(owner, counter.V2().Code)
		require.NoError(t, err)
		d := on(tr)
		assert.True(t, d.CodeChanged)
		assert.Equal(t, "v2", d.Upgraded.Name)
		assert.True(t, d.Pending)
		require.NotNil(t, d.After)
		assert.False(t, d.After.Initialized, "V2 reads the envelope as its init argument")
		assert.Empty(t, d.Changes)
	})
	t.Run("the next message migrates", func(t *testing.T) {
		tr, err := c.Step(stranger, 6)
		require.NoError(t, err)
		d := on(tr)
		assert.Equal(t, "v2", d.Contract.Name)
		assert.False(t, d.Pending)
		assert.Equal(t, []string{"value: 4 → 3"}, changes(d), "V1's fields against V2's, after one step down")
	})
	t.Run("a comment", func(t *testing.T) {
		body := tvmcell.BeginCell().MustStoreUInt(0, 32).MustStoreStringSnake("hi").EndCell()
		tr, err := w.Send(actor.Message{From: stranger, To: owner, Value: counter.DefaultValue, Body: body})
		require.NoError(t, err)
		assert.Equal(t, `comment "hi"`, cat.Describe(w, tr.Transactions[1]).Message)
		assert.Equal(t, "external", cat.Describe(w, tr.Transactions[0]).Message)
		assert.Equal(t, "external", cat.Describe(w, tr.Transactions[0]).From)
	})
}

func changes(d *catalog.Tx) []string {
	var out []string
	for _, c := range d.Changes {
		out = append(out, c.String())
	}
	return out
}
