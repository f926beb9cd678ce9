package actortest_test

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// trace has alice send bob 1 TON, and returns both and what happened.
func trace(t *testing.T) (alice, bob *actor.Transaction, txs []*actor.Transaction) {
	w, err := actor.NewWorld()
	require.NoError(t, err)
	a, err := w.NewWallet("alice")
	require.NoError(t, err)
	b, err := w.NewWallet("bob")
	require.NoError(t, err)
	tr, err := w.Send(actor.Message{From: a, To: b, Value: tlb.MustFromTON("1")})
	require.NoError(t, err)
	require.Len(t, tr.Transactions, 2)
	return tr.Transactions[0], tr.Transactions[1], tr.Transactions
}

// vaultWorld is vault.v1 deployed as "vault" by owner, and alice.
type vaultWorld struct {
	w            *actor.World
	owner, alice *address.Address
	vault        *contract.Handle
}

func newVault(t *testing.T) *vaultWorld {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	vw := &vaultWorld{w: w}
	vw.owner, err = w.NewWallet("owner")
	require.NoError(t, err)
	vw.alice, err = w.NewWallet("alice")
	require.NoError(t, err)
	vw.vault, _, err = contract.Deploy(w, vw.owner, contracts.Builtins()["vault.v1"], map[string]any{"owner": vw.owner, "name": "savings"},
		contract.WithName("vault"), contract.WithPackage("vault.v2", contracts.Builtins()["vault.v2"]))
	require.NoError(t, err)
	return vw
}

// deposit has alice deposit amount with value.
func (vw *vaultWorld) deposit(t *testing.T, amount, value string) *contract.Result {
	t.Helper()
	res, err := vw.vault.Send(vw.alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON(amount)},
		contract.WithValue(tlb.MustFromTON(value)))
	require.NoError(t, err)
	return res
}

func TestFind(t *testing.T) {
	alice, bob, txs := trace(t)
	tests := []struct {
		name string
		ms   []actortest.Matcher
		want *actor.Transaction
	}{
		{"external root", []actortest.Matcher{actortest.External()}, alice},
		{"by sender and receiver", []actortest.Matcher{actortest.From(alice.To), actortest.To(bob.To)}, bob},
		{"empty body and success", []actortest.Matcher{actortest.EmptyBody(), actortest.Success(), actortest.ExitCode(0)}, bob},
		{"custom", []actortest.Matcher{actortest.Where("carries 1 TON", func(tx *actor.Transaction) bool { return tx.Value.String() == "1" })}, bob},
		{"value", []actortest.Matcher{actortest.Value(tlb.MustFromTON("1"))}, bob},
		{"fees", []actortest.Matcher{actortest.To(bob.To), actortest.FeesAtMost(tlb.MustFromTON("0.001"))}, bob},
		{"no match", []actortest.Matcher{actortest.Bounced()}, nil},
		{"all must hold", []actortest.Matcher{actortest.External(), actortest.To(bob.To)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := actortest.FindTransaction(txs, tt.ms...)
			if tt.want == nil {
				require.ErrorIs(t, err, actortest.ErrNoMatch)
				assert.Contains(t, err.Error(), "lt ", "draws what it looked at")
				return
			}
			require.NoError(t, err)
			assert.Same(t, tt.want, got)
		})
	}
	assert.Len(t, actortest.FilterTransactions(txs, actortest.Success()), 2)
}

// TestMatchers runs each matcher on a vault deposit: alice → vault
// Deposit (an event, the rest sent back) and its cashback.
func TestMatchers(t *testing.T) {
	vw := newVault(t)
	res := vw.deposit(t, "1", "1.5")
	tests := []struct {
		name string
		m    actortest.Matcher
		want []string // the transactions it holds for, as from → to
	}{
		{"message type", actortest.Message("Deposit"), []string{"alice → vault"}},
		{"opcode", actortest.Op(contracts.OpVaultDeposit), []string{"alice → vault"}},
		{"event by type", actortest.Event("Deposited", nil), []string{"alice → vault"}},
		{"event by fields", actortest.Event("Deposited", actortest.Fields{"amount": tlb.MustFromTON("1"), "depositor": vw.alice}), []string{"alice → vault"}},
		{"event with other fields", actortest.Event("Deposited", actortest.Fields{"amount": tlb.MustFromTON("2")}), nil},
		{"value between", actortest.ValueBetween(tlb.MustFromTON("0.4"), tlb.MustFromTON("0.5")), []string{"vault → alice"}},
		{"fees between", actortest.FeesBetween(tlb.MustFromTON("0.0005"), tlb.MustFromTON("0.01")), []string{"alice → vault"}},
		{"from", actortest.From(vw.vault.Address), []string{"vault → alice"}},
		{"deployed", actortest.Deployed(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range actortest.Filter(res, tt.m) {
				got = append(got, d.From.String()+" → "+d.To.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// recorder is a testing.TB that records a fatal failure instead of failing.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatal(args ...any) {
	r.msg = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func run(f func(tb testing.TB)) string {
	r := &recorder{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f(r)
	}()
	wg.Wait()
	return r.msg
}

func TestRequire(t *testing.T) {
	_, bob, txs := trace(t)
	assert.Empty(t, run(func(tb testing.TB) { actortest.RequireTransaction(tb, txs, actortest.Success()) }))
	assert.Equal(t, "to "+bob.To.StringRaw(), actortest.To(bob.To).String(), "alone, a matcher writes the address raw")
	assert.Equal(t, "  (no transactions)\n", actortest.Table(nil))
	assert.Equal(t, "  lt 1  external → alice  external  0 (Success)  success\n  lt 3  alice → bob  empty  0 (Success)  success\n", actortest.Table(txs))
}

// TestFailures pins down what failed requirements print: the whole send as
// a tree by name, the closest candidate marked, what it fails.
func TestFailures(t *testing.T) {
	vw := newVault(t)
	refused := vw.deposit(t, "1", "0.5") // the value does not cover the deposit
	fine := vw.deposit(t, "1", "1.5")
	_, _, txs := trace(t)

	tests := []struct {
		name string
		f    func(tb testing.TB)
	}{
		{"closest", func(tb testing.TB) {
			actortest.Require(tb, refused, actortest.From(vw.alice), actortest.To(vw.vault.Address), actortest.Message("Deposit"), actortest.Success(), actortest.Event("Deposited", nil))
		}},
		{"none holds", func(tb testing.TB) { actortest.Require(tb, fine, actortest.Deployed(), actortest.Bounced()) }},
		{"require no", func(tb testing.TB) { actortest.RequireNo(tb, fine, actortest.Event("Deposited", nil)) }},
		{"event fields", func(tb testing.TB) {
			actortest.Require(tb, fine, actortest.To(vw.vault.Address), actortest.Event("Deposited", actortest.Fields{"amount": tlb.MustFromTON("2")}))
		}},
		{"records", func(tb testing.TB) {
			actortest.RequireTransaction(tb, txs, actortest.To(txs[1].To), actortest.Bounced(), actortest.ValueBetween(tlb.MustFromTON("2"), tlb.MustFromTON("3")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := run(tt.f)
			require.NotEmpty(t, msg)
			golden.Equal(t, "testdata/"+t.Name()[len("TestFailures/"):]+".golden", msg+"\n")
		})
	}
}

func contractValue(ton string) contract.Option { return contract.WithValue(tlb.MustFromTON(ton)) }
