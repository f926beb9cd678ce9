package actortest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/xssnick/tonutils-go/tlb"
)

func TestStorage(t *testing.T) {
	vw := newVault(t)
	vw.deposit(t, "1", "1.5")
	require.NoError(t, actortest.CheckStorage(vw.vault, actortest.Fields{
		"total":         tlb.MustFromTON("1"),
		"depositCount":  1,
		"lastDepositor": vw.alice,
		"balances":      map[string]tlb.Coins{vw.alice.StringRaw(): tlb.MustFromTON("1")},
		"name":          "savings",
	}))

	err := actortest.CheckStorage(vw.vault, actortest.Fields{"total": tlb.MustFromTON("2"), "depositCount": 1, "lastDepositor": vw.owner})
	require.ErrorIs(t, err, actortest.ErrStorage)
	golden.Equal(t, "testdata/storage.golden", err.Error()+"\n")

	assert.ErrorContains(t, actortest.CheckStorage(vw.vault, actortest.Fields{"nope": 1}), `storage of vault (VaultV1): unknown field "nope" in VaultV1$Data`)
	msg := run(func(tb testing.TB) { actortest.RequireStorage(tb, vw.vault, actortest.Fields{"withdrawCount": 5}) })
	assert.Contains(t, msg, "withdrawCount: want 5, got 0")

	_, err = vw.vault.Send(vw.owner, "Upgrade", map[string]any{"code": contracts.Builtins()["vault.v2"].Code})
	require.NoError(t, err)
	err = actortest.CheckStorage(vw.vault, actortest.Fields{"total": tlb.MustFromTON("1")})
	require.ErrorIs(t, err, contract.ErrNotInitialized)
	assert.Regexp(t, `^storage of vault \(vault.v2\): storage not initialized: it holds VaultV2_init_args \{stateToBeMigrated: x\{.*\} until the contract's init runs on it \(after an upgrade, on the next message; getters see the migrated state already\)$`, err.Error())
}

func TestPrint(t *testing.T) {
	vw := newVault(t)
	golden.Equal(t, "testdata/print.golden", actortest.Text(vw.deposit(t, "1", "1.5")))
}

// TestFork runs subtests in parallel, each on its own fork of one world.
func TestFork(t *testing.T) {
	vw := newVault(t)
	for _, amount := range []string{"1", "2", "3"} {
		t.Run(amount, func(t *testing.T) {
			w := actortest.Fork(t, vw.w)
			v := vw.vault.On(w)
			for range 2 {
				res, err := v.Send(vw.alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON(amount)}, contractValue("5"))
				require.NoError(t, err)
				actortest.Require(t, res, actortest.To(v.Address), actortest.Success())
			}
			got, err := v.Get("balanceOf", vw.alice)
			require.NoError(t, err)
			want := tlb.MustFromTON(amount).Nano()
			assert.Equal(t, want.Add(want, want).String(), got.String(), "two deposits in this fork alone")
		})
	}
	got, err := vw.vault.Get("balanceOf", vw.alice)
	require.NoError(t, err)
	assert.Equal(t, "0", got.String(), "the forks' sends did not reach the world they came from")
}
