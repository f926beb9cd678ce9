package contract_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

var (
	vaultV1 = contracts.Builtins()["vault.v1"]
	vaultV2 = contracts.Builtins()["vault.v2"]
)

// Deposit, Stats and VaultV1Data are the vault's types as Go structs, the
// way generated wrappers write them.
type Deposit struct {
	QueryID uint64    `abi:"queryId"`
	Amount  tlb.Coins `abi:"amount"`
}

type Stats struct {
	Total       tlb.Coins `abi:"total"`
	Deposits    uint32    `abi:"deposits"`
	Withdrawals uint32    `abi:"withdrawals"`
}

type VaultV1Data struct {
	Owner         *address.Address     `abi:"owner"`
	Balances      map[string]tlb.Coins `abi:"balances"`
	Total         tlb.Coins            `abi:"total"`
	DepositCount  uint32               `abi:"depositCount"`
	Name          string               `abi:"name"`
	LastDepositor *address.Address     `abi:"lastDepositor"`
	WithdrawCount uint32               `abi:"withdrawCount"`
	History       map[uint32]tlb.Coins `abi:"history"`
}

type Deposited struct {
	QueryID   uint64           `abi:"queryId"`
	Depositor *address.Address `abi:"depositor"`
	Amount    tlb.Coins        `abi:"amount"`
	Balance   tlb.Coins        `abi:"balance"`
}

type fixture struct {
	w            *actor.World
	owner, alice *address.Address
	vault        *contract.Handle
}

func deployVault(t *testing.T) *fixture {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	f := &fixture{w: w}
	f.owner, err = w.NewWallet("owner")
	require.NoError(t, err)
	f.alice, err = w.NewWallet("alice")
	require.NoError(t, err)
	var res *contract.Result
	f.vault, res, err = contract.Deploy(w, f.owner, vaultV1, map[string]any{"owner": f.owner, "name": "savings"},
		contract.WithName("vault"), contract.WithPackage("v2", vaultV2))
	require.NoError(t, err)
	require.NotNil(t, res.Tx)
	require.True(t, res.Tx.Tx.Deployed, "the deployment: %v", res.Err())
	assert.Equal(t, "vault", res.Tx.To.String(), "named before it was sent")
	assert.Equal(t, "VaultV1", res.Tx.Contract.Name, "the deployed package under its own name")
	return f
}

func (f *fixture) deposit(t *testing.T, from *address.Address, ton string) *contract.Result {
	t.Helper()
	amount := tlb.MustFromTON(ton)
	value := tlb.FromNanoTON(new(big.Int).Add(amount.Nano(), tlb.MustFromTON("0.5").Nano()))
	res, err := f.vault.Send(from, "Deposit", Deposit{QueryID: 1, Amount: amount}, contract.WithValue(value))
	require.NoError(t, err)
	require.NoError(t, res.Err())
	return res
}

func TestDeploySendGet(t *testing.T) {
	f := deployVault(t)
	res := f.deposit(t, f.alice, "1.5")
	assert.Equal(t, "Deposit", res.Tx.Message.Type, "the message, named by the vault's ABI")
	assert.Equal(t, "alice", res.Tx.From.String())

	got, err := f.vault.Get("balanceOf", f.alice)
	require.NoError(t, err)
	assert.Equal(t, "VaultV1", got.Contract.Name)
	assert.Equal(t, "1500000000", got.String())

	var stats Stats
	require.NoError(t, f.vault.GetInto(&stats, "stats"))
	assert.Equal(t, Stats{Total: tlb.MustFromTON("1.5"), Deposits: 1}, stats)

	events, err := contract.Events[Deposited](res, "Deposited")
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.True(t, events[0].Depositor.Equals(f.alice))
	assert.Equal(t, "1.5", events[0].Balance.String())

	var st VaultV1Data
	require.NoError(t, f.vault.StorageInto(&st, vaultV1))
	assert.Equal(t, map[string]tlb.Coins{f.alice.StringRaw(): tlb.MustFromTON("1.5")}, st.Balances)
	assert.Equal(t, map[uint32]tlb.Coins{0: tlb.MustFromTON("1.5")}, st.History)
	assert.True(t, st.LastDepositor.Equals(f.alice))
	assert.Equal(t, "savings", st.Name)
}

// TestAcrossAnUpgrade sends and reads through one handle before and after
// the upgrade to v2: each answer comes from the version that runs.
func TestAcrossAnUpgrade(t *testing.T) {
	f := deployVault(t)
	f.deposit(t, f.alice, "1")

	_, err := f.vault.Get("migratedAt")
	require.ErrorIs(t, err, cell.ErrUnknownGetter, "v1 has no migratedAt")
	assert.ErrorContains(t, err, "VaultV1 has no getter migratedAt")

	res, err := f.vault.Send(f.owner, "Upgrade", map[string]any{"code": vaultV2.Code})
	require.NoError(t, err)
	require.NoError(t, res.Err())
	assert.Equal(t, "VaultV1", res.Tx.Contract.Name, "v1 handled the Upgrade")
	assert.Equal(t, "v2", res.Tx.Upgraded.Name)

	ct, err := f.vault.Contract()
	require.NoError(t, err)
	assert.Equal(t, "v2", ct.Name)
	st, err := f.vault.Storage()
	require.NoError(t, err)
	assert.False(t, st.Initialized, "the migration is pending until a message runs v2's init")
	require.ErrorIs(t, f.vault.StorageInto(&VaultV1Data{}, vaultV2), contract.ErrNotInitialized)
	require.ErrorIs(t, f.vault.StorageInto(&VaultV1Data{}, vaultV1), contract.ErrOtherVersion)

	got, err := f.vault.Get("balanceOf", f.alice.StringRaw())
	require.NoError(t, err)
	assert.Equal(t, "v2", got.Contract.Name, "v2 answers, through its init")
	assert.Equal(t, "1000000000", got.String())

	res = f.deposit(t, f.alice, "2")
	assert.Equal(t, "v2", res.Tx.Contract.Name)
	var at uint32
	require.NoError(t, f.vault.GetInto(&at, "migratedAt"))
	assert.Equal(t, f.w.Now(), at)
}

func TestErrors(t *testing.T) {
	f := deployVault(t)
	_, err := f.vault.Send(f.alice, "Deposited", map[string]any{})
	require.ErrorIs(t, err, cell.ErrMissingField, "a message the ABI declares, with a field missing")
	_, err = f.vault.Send(f.alice, "Nope", nil)
	require.ErrorIs(t, err, cell.ErrUnknownType)
	assert.ErrorContains(t, err, "VaultV1 has no message Nope (messages: Deposit, Deposited")
	_, err = f.vault.Send(f.alice, "Deposit", Deposit{}, contract.WithName("x"))
	require.ErrorIs(t, err, contract.ErrOption)
	assert.ErrorContains(t, err, "WithName is not an option of Send")
	_, err = f.vault.Get("balanceOf")
	assert.ErrorContains(t, err, "VaultV1's balanceOf takes 1 arguments (who: Address), got 0")

	stranger := deployRaw(t, f.w, f.owner)
	_, err = contract.Open(f.w, stranger)
	require.ErrorIs(t, err, contract.ErrUnknownVersion, "code no handle on the world was told about")
	assert.ErrorContains(t, err, "(known: VaultV1, v2)", "the error lists what the handle knows")
	v, err := contract.Open(f.w, f.vault.Address, contract.WithCatalog(f.vault.Contracts))
	require.NoError(t, err)
	assert.Equal(t, "vault", v.String())
	_, err = contract.Open(f.w, actor.WalletAddress("nobody"))
	require.ErrorIs(t, err, actor.ErrAccountNotFound)

	res, err := v.Send(f.alice, "Deposit", Deposit{QueryID: 1, Amount: tlb.MustFromTON("1")})
	require.NoError(t, err, "a refused message is a result, not an error")
	var txErr *contract.TxError
	require.ErrorAs(t, res.Err(), &txErr)
	assert.Equal(t, "Deposit on vault: 34393 (Value must cover the deposit)", res.Err().Error())
	var exit *actor.ExitError
	require.ErrorAs(t, res.Err(), &exit)
	assert.Equal(t, int64(34393), exit.Code)
}

func TestTolk(t *testing.T) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	c, res, err := contract.Deploy(w, owner, tolkcounter.V1(), map[string]any{"owner": owner, "id": 7, "value": 0},
		contract.WithPackages(tolkcounter.Versions()...))
	require.NoError(t, err)
	require.NoError(t, res.Err())
	res, err = c.Send(owner, "Step", map[string]any{"queryId": 1})
	require.NoError(t, err)
	require.NoError(t, res.Err())
	var v *big.Int
	require.NoError(t, c.GetInto(&v, "value"))
	assert.Equal(t, int64(1), v.Int64())

	res, err = c.Send(owner, "Upgradeable_Upgrade", map[string]any{"queryId": 2, "code": tolkcounter.V2().Code})
	require.NoError(t, err)
	require.NoError(t, res.Err())
	got, err := c.Get("version")
	require.NoError(t, err)
	assert.Equal(t, "2.0.0", got.Value)
	assert.Equal(t, tolkcounter.V2().Name, got.Contract.Name)
	_ = tvmcell.BeginCell
}

// deployRaw deploys Tolk counter v1 on w with a bare send, as code no
// handle was told about.
func deployRaw(t *testing.T, w *actor.World, owner *address.Address) *address.Address {
	t.Helper()
	si, err := tolkcounter.StateInit(owner, 7)
	require.NoError(t, err)
	_, err = w.Send(actor.Message{From: owner, StateInit: si, Value: contract.DefaultValue})
	require.NoError(t, err)
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	return addr
}

// TestKnownOnTheWorld: what one handle or deployment was told about, every
// handle on that world knows, and on the forks made from it afterwards;
// nothing passes back from a fork or to another world.
func TestKnownOnTheWorld(t *testing.T) {
	f := deployVault(t)
	counter := deployRaw(t, f.w, f.owner)
	before := f.w.Fork() // before anything knows the counter
	_, err := contract.Open(f.w, counter, contract.WithPackages(tolkcounter.V1()))
	require.NoError(t, err)
	fork := f.w.Fork()
	side := before.Fork()
	_, err = contract.Open(side, counter, contract.WithPackage("sideV1", tolkcounter.V1()))
	require.NoError(t, err)

	other, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := other.NewWallet("owner")
	require.NoError(t, err)
	otherCounter := deployRaw(t, other, owner)
	require.True(t, otherCounter.Equals(counter), "the same account on another world")

	tests := []struct {
		name  string
		world *actor.World
		addr  *address.Address
		want  string // the contract it runs, or the error
	}{
		{"a handle opened with no options knows the deployment's packages", f.w, f.vault.Address, "VaultV1"},
		{"and what an Open was told", f.w, counter, "CounterV1"},
		{"a fork knows its parent's", fork, counter, "CounterV1"},
		{"a fork of a fork too", fork.Fork(), f.vault.Address, "VaultV1"},
		{"a fork made before knows what it was told itself", side, counter, "sideV1"},
		{"a fork made before does not learn its parent's later", before, counter, "runs code of no known contract"},
		{"another world knows nothing of this one", other, counter, "runs code of no known contract"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := contract.Open(tt.world, tt.addr)
			if err != nil {
				assert.ErrorContains(t, err, tt.want)
				return
			}
			ct, err := h.Contract()
			require.NoError(t, err)
			assert.Equal(t, tt.want, ct.Name)
		})
	}

	t.Run("an upgrade to a version another handle knows", func(t *testing.T) {
		w := f.w.Fork()
		bare := &contract.Handle{World: w, Address: f.vault.Address} // told nothing itself
		res, err := f.vault.On(w).Send(f.owner, "Upgrade", map[string]any{"code": vaultV2.Code})
		require.NoError(t, err)
		require.NoError(t, res.Err())
		got, err := bare.Get("migratedAt")
		require.NoError(t, err)
		assert.Equal(t, "v2", got.Contract.Name, "the name the deployment gave v2")
	})
}
