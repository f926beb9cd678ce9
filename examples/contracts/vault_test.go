package contracts_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// deployVault deploys vault.v1 owned by a new wallet, with a deposit of 1 TON.
func deployVault(t *testing.T) (*actor.World, *address.Address) {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	v1 := contracts.Builtins()["vault.v1"]
	data, err := v1.InitData(map[string]any{"owner": owner, "name": "Example vault"})
	require.NoError(t, err)
	deposit, err := v1.ABI.Encode("Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1").Nano()})
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1.1"), Body: deposit,
		StateInit: &tlb.StateInit{Code: v1.Code, Data: data}})
	require.NoError(t, err)
	tx := tr.Transactions[1]
	require.True(t, tx.Success, "deploy with a deposit: %v", tx.Err())
	return w, tx.To
}

// TestVaultPreflight runs package upgradable's dry run on the vault: the
// Chainlink protocol it speaks lets a tool tell the safe upgrade to
// vault.v2 from the one to vault.v2bad, which bricks it with exit 9.
func TestVaultPreflight(t *testing.T) {
	b := contracts.Builtins()
	for _, tc := range []struct {
		next    string
		verdict upgradable.Verdict
		exit    int64
	}{
		{"vault.v2", upgradable.Safe, 0},
		{"vault.v2bad", upgradable.Bricked, actor.ExitCellUnderflow},
	} {
		t.Run(tc.next, func(t *testing.T) {
			w, vault := deployVault(t)
			r, err := upgradable.Preflight(w, upgradable.Request{
				Contract: vault, Code: b[tc.next].Code, Current: b["vault.v1"], Next: b[tc.next]})
			require.NoError(t, err)
			assert.Equal(t, tc.verdict, r.Verdict)
			assert.Equal(t, tc.exit, r.ExitCode)
			assert.Equal(t, upgradable.Version{Type: contracts.VaultType, Version: "1.0.0"}, r.Before)
			if tc.verdict == upgradable.Safe {
				assert.Equal(t, "2.0.0", r.After.Version)
			}
		})
	}
}

// TestVaultStorageSpillsIntoSecondCell checks the storage Tact 1.6 writes
// for vault.v1 after a deposit: owner, balances, total and depositCount in
// the root with the map's reference and one to a continuation cell holding
// the rest, which package cell decodes.
func TestVaultStorageSpillsIntoSecondCell(t *testing.T) {
	w, vault := deployVault(t)
	acc, err := w.Account(vault)
	require.NoError(t, err)
	root := acc.Data
	assert.Equal(t, uint(2), root.RefsNum(), "the balances map and the continuation")
	assert.Equal(t, uint(1+267+1+(4+4*8)+32), root.BitsSize(), "lazy bit, owner, map bit, total (1 TON: a 4-bit length and 4 bytes), depositCount")
	next, err := root.PeekRef(1)
	require.NoError(t, err)
	name, err := next.PeekRef(0)
	require.NoError(t, err)
	assert.Equal(t, "Example vault", string(name.MustBeginParse().MustLoadSlice(name.BitsSize())))

	st, err := contracts.Builtins()["vault.v1"].DecodeStorage(root)
	require.NoError(t, err)
	require.True(t, st.Initialized)
	got, err := st.Fields.Get("name")
	require.NoError(t, err)
	assert.Equal(t, "Example vault", got)
}

// TestVaultMigrationGas measures the vault's lazy migration on states of
// growing size: v2's init moves the balances map whole, so its gas is the
// same at 1 and at 100 depositors while the state grows, and the report says
// both.
func TestVaultMigrationGas(t *testing.T) {
	b := contracts.Builtins()
	v1, v2 := b["vault.v1"], b["vault.v2"]
	deposit, err := v1.ABI.Encode("Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1").Nano()})
	require.NoError(t, err)
	var gas []int64
	var cells []int64
	for _, depositors := range []int{1, 100} {
		w, vault := deployVault(t)
		for i := range depositors {
			wallet, err := w.NewWallet(fmt.Sprintf("depositor%d", i))
			require.NoError(t, err)
			tr, err := w.Send(actor.Message{From: wallet, To: vault, Value: tlb.MustFromTON("1.1"), Body: deposit})
			require.NoError(t, err)
			require.True(t, tr.Transactions[1].Success)
		}
		r, err := upgradable.Preflight(w, upgradable.Request{Contract: vault, Code: v2.Code, Current: v1, Next: v2})
		require.NoError(t, err)
		require.Equal(t, upgradable.Safe, r.Verdict)
		require.Positive(t, r.MaxGas, "config param 21")
		assert.Contains(t, describe.Gas(r), fmt.Sprintf("the migration uses %d of the %d gas a transaction may", r.MigrationGas, r.MaxGas))
		gas, cells = append(gas, r.MigrationGas), append(cells, r.StateCells)
	}
	assert.Positive(t, gas[0])
	assert.Equal(t, gas[0], gas[1], "the map moves whole: the same gas at any size")
	assert.Greater(t, cells[1], 10*cells[0], "while the state grows with the depositors")
}
