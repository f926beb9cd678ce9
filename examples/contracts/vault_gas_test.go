package contracts_test

import (
	"bytes"
	"crypto/sha256"
	"math/big"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// vaultWithDepositors deploys vault.v1 whose storage already holds n
// balances of 1 TON each, written by the package's own encoder (as n
// deposits would leave it, without the n transactions).
func vaultWithDepositors(t *testing.T, n int) (*actor.World, *address.Address) {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	v1 := contracts.Builtins()["vault.v1"]
	data, err := v1.InitData(map[string]any{"owner": owner, "name": "Gas vault"})
	require.NoError(t, err)
	// Run init once to get the storage, then fill its map.
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: tvmcell.BeginCell().EndCell(),
		StateInit: &tlb.StateInit{Code: v1.Code, Data: data}})
	require.NoError(t, err)
	fresh := tr.Transactions[1]
	require.True(t, fresh.Success)
	acc, err := w.Account(fresh.To)
	require.NoError(t, err)
	st, err := v1.DecodeStorage(acc.Data)
	require.NoError(t, err)
	balances := &cell.Map{}
	one := tlb.MustFromTON("1").Nano()
	for i := range n {
		sum := sha256.Sum256([]byte{byte(i >> 8), byte(i)})
		hash := sum[:]
		balances.Entries = append(balances.Entries, cell.MapEntry{Key: address.NewAddress(0, 0, hash), Value: new(big.Int).Set(one)})
	}
	for i := range st.Fields.Fields {
		switch f := &st.Fields.Fields[i]; f.Name {
		case "balances":
			f.Value = balances
		case "total":
			f.Value = new(big.Int).Mul(one, big.NewInt(int64(n)))
		case "depositCount":
			f.Value = big.NewInt(int64(n))
		}
	}
	sort.Slice(balances.Entries, func(i, j int) bool {
		return bytes.Compare(balances.Entries[i].Key.(*address.Address).Data(), balances.Entries[j].Key.(*address.Address).Data()) < 0
	})
	full, err := v1.EncodeStorage(st)
	require.NoError(t, err)
	// A second vault deployed with that storage: Tact sees the
	// lazy-deployment bit set and loads it as it is.
	tr, err = w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: tvmcell.BeginCell().EndCell(),
		StateInit: &tlb.StateInit{Code: v1.Code, Data: full}})
	require.NoError(t, err)
	require.True(t, tr.Transactions[1].Success, "deploy: %v", tr.Transactions[1].Err())
	return w, tr.Transactions[1].To
}

// TestMigrationGasGrowsWithTheMap measures the real migration of the map-
// heavy example, vault.v1 → vault.v2recount (whose init walks every
// balance), at 1, 100 and 400 depositors: its gas grows in step with the
// map, and the headroom the preflight states at 100 holds at 400, on the
// safe side. At 1000 depositors the migration no longer fits in a
// transaction, as that headroom said: the vault would brick, out of gas.
func TestMigrationGasGrowsWithTheMap(t *testing.T) {
	b := contracts.Builtins()
	preflight := func(n int) *upgradable.Report {
		w, vault := vaultWithDepositors(t, n)
		// 1 TON buys the most gas a transaction may (config param 21).
		r, err := upgradable.Preflight(w, upgradable.Request{Contract: vault, Code: b["vault.v2recount"].Code,
			Current: b["vault.v1"], Next: b["vault.v2recount"], Value: tlb.MustFromTON("1")})
		require.NoError(t, err)
		return r
	}
	reports := map[int]*upgradable.Report{}
	for _, n := range []int{1, 100, 400} {
		r := preflight(n)
		require.Equal(t, upgradable.Safe, r.Verdict, "%d depositors: %s", n, describe.Verdict(r))
		total, err := r.StorageAfter.Fields.Get("total")
		require.NoError(t, err)
		assert.Equal(t, 0, new(big.Int).Mul(tlb.MustFromTON("1").Nano(), big.NewInt(int64(n))).Cmp(total.(*big.Int)), "the recount")
		reports[n] = r
		t.Logf("%4d depositors: %s", n, describe.Gas(r))
	}
	g1, g100, g400 := float64(reports[1].MigrationGas), float64(reports[100].MigrationGas), float64(reports[400].MigrationGas)
	// The cost per depositor is nearly the same from 1 to 100 as from 100
	// to 400: the migration's work grows with the map, a little faster
	// than linearly (each step of the walk goes down a deeper dictionary):
	// within 10%.
	per1, per2 := (g100-g1)/99, (g400-g100)/300
	assert.Greater(t, per1, 1000.0, "the walk costs gas per depositor")
	assert.InEpsilon(t, per1, per2, 0.10, "gas per depositor: %.1f then %.1f", per1, per2)

	// The preflight's estimate at 100 depositors scales the measured gas
	// by the state's cells. At 400 depositors it predicts the measured
	// gas within 5% (the fixed part of the cost errs on the safe side, the
	// deeper walk on the other).
	r100, r400 := reports[100], reports[400]
	predicted := g100 * float64(r400.StateCells) / float64(r100.StateCells)
	assert.InEpsilon(t, g400, predicted, 0.05, "predicted %.0f, measured %.0f", predicted, g400)
	// The cells it says still fit are, within 5%, where the line through
	// the measurements at 100 and 400 reaches the limit.
	perCell := (g400 - g100) / float64(r400.StateCells-r100.StateCells)
	fitCells := float64(r100.StateCells) + (float64(r100.MaxGas)-g100)/perCell
	assert.InEpsilon(t, fitCells, float64(describe.GrowthCells(r100)), 0.05)
	t.Logf("%.1f gas per depositor; at 100 the preflight says about %d cells fit; the measured line reaches the limit at %.0f cells",
		per2, describe.GrowthCells(r100), fitCells)

	// 1000 depositors are past both (a map of n entries takes about 2n
	// cells): the migration runs out of gas in every transaction, so the
	// vault would brick.
	assert.Greater(t, int64(2*1000), describe.GrowthCells(r100))
	r := preflight(1000)
	assert.Equal(t, upgradable.Bricked, r.Verdict)
	assert.Equal(t, int64(actor.ExitOutOfGasNegative), r.ExitCode, describe.Verdict(r))
}
