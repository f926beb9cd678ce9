package vault_test

import (
	"testing"

	"example.com/vault"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/tonsim/tonsim/upgradable/upgradabletest"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

var (
	ton   = tlb.MustFromTON
	value = ton("0.1") // what each message carries on top of a deposit
)

// setup is a world with an owner and two depositors, and version 1 of the
// vault deployed by the owner and named "vault".
type setup struct {
	w                 *actor.World
	owner, alice, bob *address.Address
	v                 *vault.Vault
}

func newSetup(t *testing.T) *setup {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	s := &setup{w: w}
	for name, addr := range map[string]**address.Address{"owner": &s.owner, "alice": &s.alice, "bob": &s.bob} {
		*addr, err = w.NewWallet(name)
		require.NoError(t, err)
	}
	var res *contract.Result
	s.v, res, err = vault.DeployVault(w, s.owner, vault.VaultInit{Owner: s.owner, Name: "savings"}, contract.WithName("vault"))
	require.NoError(t, err)
	actortest.Require(t, res, actortest.To(s.v.Address), actortest.Deployed(), actortest.Success())
	return s
}

// deposit has from deposit amount TON, and requires it to succeed.
func (s *setup) deposit(t *testing.T, from *address.Address, amount string) *contract.Result {
	t.Helper()
	a := ton(amount)
	res, err := s.v.SendDeposit(from, vault.Deposit{QueryID: 1, Amount: a}, tlb.FromNanoTON(a.Nano().Add(a.Nano(), value.Nano())))
	require.NoError(t, err)
	actortest.Require(t, res, actortest.From(from), actortest.To(s.v.Address), actortest.Message("Deposit"), actortest.Success(),
		actortest.Event("Deposited", actortest.Fields{"depositor": from, "amount": a}))
	return res
}

// TestUpgradeToV2 is the whole story of an upgrade: use version 1, ask the
// preflight, upgrade, and check that the state came through and that
// version 2's additions work.
func TestUpgradeToV2(t *testing.T) {
	s := newSetup(t)

	// Use version 1.
	res := s.deposit(t, s.alice, "2")
	actortest.Print(t, res) // the send as a tree, with fees
	events, err := contract.Events[vault.Deposited](res, "Deposited")
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, ton("2"), events[0].Balance)
	s.deposit(t, s.bob, "1")
	res, err = s.v.SendWithdraw(s.alice, vault.Withdraw{QueryID: 2, Amount: ton("0.5")}, value)
	require.NoError(t, err)
	actortest.Require(t, res, actortest.From(s.v.Address), actortest.To(s.alice), actortest.ValueBetween(ton("0.5"), ton("0.6")))
	actortest.RequireNo(t, res, actortest.Event("Withdrawn", nil)) // version 1 emits no Withdrawn

	v1, err := s.v.StorageVaultV1()
	require.NoError(t, err)
	assert.Equal(t, map[string]tlb.Coins{s.alice.StringRaw(): ton("1.5"), s.bob.StringRaw(): ton("1")}, v1.Balances)
	assert.Equal(t, uint32(2), v1.DepositCount)

	// Ask before sending: version 2 migrates the storage, version 2bad
	// would brick the vault.
	safe, err := upgradable.Preflight(s.w, upgradable.Request{Contract: s.v.Address, Code: vault.VaultV2Package().Code, Current: vault.VaultV1Package(), Next: vault.VaultV2Package()})
	require.NoError(t, err)
	assert.Equal(t, upgradable.Safe, safe.Verdict)
	bad, err := upgradable.Preflight(s.w, upgradable.Request{Contract: s.v.Address, Code: vault.VaultV2BadPackage().Code, Current: vault.VaultV1Package(), Next: vault.VaultV2BadPackage()})
	require.NoError(t, err)
	assert.Equal(t, upgradable.Bricked, bad.Verdict)
	assert.Equal(t, int64(actor.ExitCellUnderflow), bad.ExitCode)

	// A stranger cannot upgrade; the owner can.
	res, err = s.v.SendUpgrade(s.bob, vault.Upgrade{Code: vault.VaultV2Package().Code}, value)
	require.NoError(t, err)
	actortest.Require(t, res, actortest.To(s.v.Address), actortest.ExitCode(vault.ExitAccessDenied))
	res, err = s.v.SendUpgrade(s.owner, vault.Upgrade{Code: vault.VaultV2Package().Code}, value)
	require.NoError(t, err)
	actortest.Require(t, res, actortest.To(s.v.Address), actortest.Message("Upgrade"), actortest.Success())
	assert.Equal(t, "VaultV2", res.Tx.Upgraded.Name)

	// The same handle answers by version 2 now.
	tv, err := s.v.GetTypeAndVersion()
	require.NoError(t, err)
	assert.Equal(t, "com.example.upgrades.Vault v2.0.0", tv)
	stats, err := s.v.GetStats()
	require.NoError(t, err)
	assert.Equal(t, vault.Stats{Total: ton("2.5"), Deposits: 2, Withdrawals: 1}, stats)

	// Version 2 emits Withdrawn, and its first message migrates the storage.
	res, err = s.v.SendWithdraw(s.bob, vault.Withdraw{QueryID: 3, Amount: ton("1")}, value)
	require.NoError(t, err)
	actortest.Require(t, res, actortest.To(s.v.Address), actortest.Success(),
		actortest.Event("Withdrawn", actortest.Fields{"who": s.bob, "amount": ton("1"), "balance": 0}))
	v2, err := s.v.StorageVaultV2()
	require.NoError(t, err)
	assert.Equal(t, map[string]tlb.Coins{s.alice.StringRaw(): ton("1.5")}, v2.Balances, "bob withdrew everything")
	assert.Equal(t, "savings", v2.Name)
	assert.Equal(t, s.w.Now(), v2.MigratedAt)
	actortest.RequireStorage(t, s.v, actortest.Fields{"total": ton("1.5"), "withdrawCount": 2, "lastDepositor": s.bob})
}

// TestStateSurvivesTheUpgrade runs one body twice, as written and with
// the upgrade to version 2 at the marked point: the same assertions hold
// both ways.
func TestStateSurvivesTheUpgrade(t *testing.T) {
	upgradabletest.BothWays(t, func(t *testing.T, u *upgradabletest.Upgrader) {
		s := newSetup(t)
		s.deposit(t, s.alice, "1")

		u.Upgrade(s.w, s.v.Address, s.owner, vault.VaultV2Package().Code)

		s.deposit(t, s.alice, "2")
		balance, err := s.v.GetBalanceOf(s.alice)
		require.NoError(t, err)
		assert.Equal(t, ton("3").Nano(), balance)
		history, err := s.v.GetHistory()
		require.NoError(t, err)
		assert.Equal(t, map[uint32]tlb.Coins{0: ton("1"), 1: ton("2")}, history)
		last, err := s.v.GetLastDepositor()
		require.NoError(t, err)
		assert.True(t, last.Equals(s.alice))
		actortest.RequireStorage(t, s.v, actortest.Fields{"total": ton("3"), "depositCount": 2, "name": "savings"})

		ct, err := s.v.Contract()
		require.NoError(t, err)
		assert.Equal(t, map[bool]string{false: "VaultV1", true: "VaultV2"}[u.Upgraded()], ct.Name)
	})
}

// TestRefusals checks what the vault refuses, each case on its own fork of
// one prepared world, in parallel.
func TestRefusals(t *testing.T) {
	s := newSetup(t)
	s.deposit(t, s.alice, "1")
	tests := []struct {
		name string
		send func(v *vault.Vault) (*contract.Result, error)
		exit int32
	}{
		{"a deposit of nothing", func(v *vault.Vault) (*contract.Result, error) {
			return v.SendDeposit(s.alice, vault.Deposit{QueryID: 1}, value)
		}, vault.ExitDepositMustBePositive},
		{"a deposit the value does not cover", func(v *vault.Vault) (*contract.Result, error) {
			return v.SendDeposit(s.alice, vault.Deposit{QueryID: 1, Amount: ton("5")}, value)
		}, vault.ExitValueMustCoverTheDeposit},
		{"a withdrawal past the balance", func(v *vault.Vault) (*contract.Result, error) {
			return v.SendWithdraw(s.bob, vault.Withdraw{QueryID: 1, Amount: ton("1")}, value)
		}, vault.ExitInsufficientBalance},
		{"a stranger's sweep", func(v *vault.Vault) (*contract.Result, error) {
			return v.SendSweep(s.bob, vault.Sweep{QueryID: 1, Amount: ton("1")}, value)
		}, vault.ExitAccessDenied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := s.v.On(actortest.Fork(t, s.w))
			res, err := tt.send(v)
			require.NoError(t, err)
			actortest.Require(t, res, actortest.To(v.Address), actortest.ExitCode(tt.exit), actortest.Aborted())
			actortest.Require(t, res, actortest.From(v.Address), actortest.Bounced())
			actortest.RequireStorage(t, v, actortest.Fields{"total": ton("1"), "depositCount": 1})
		})
	}
}
