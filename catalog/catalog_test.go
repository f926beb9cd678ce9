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
	assert.Same(t, catalog.Wallet(), wallet, "every catalog knows the world's wallet")
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
