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
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
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
		{"no match", []actortest.Matcher{actortest.Bounced()}, nil},
		{"all must hold", []actortest.Matcher{actortest.External(), actortest.To(bob.To)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := actortest.FindTransaction(txs, tt.ms...)
			if tt.want == nil {
				require.ErrorIs(t, err, actortest.ErrNoMatch)
				assert.Contains(t, err.Error(), "lt ", "lists what it looked at")
				return
			}
			require.NoError(t, err)
			assert.Same(t, tt.want, got)
		})
	}
	assert.Len(t, actortest.FilterTransactions(txs, actortest.Success()), 2)
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

	msg := run(func(tb testing.TB) { actortest.RequireTransaction(tb, txs, actortest.To(bob.To), actortest.Bounced()) })
	assert.Equal(t, "no transaction matches (to bob, bounced) among:\n"+
		"  lt 1  external → alice  external  0 (Success)  success\n"+
		"  lt 3  alice → bob  empty  0 (Success)  success\n", msg, "wallets by name, as the records knew them")

	msg = run(func(tb testing.TB) { actortest.RequireNoTransaction(tb, txs, actortest.To(bob.To)) })
	assert.Contains(t, msg, "want no transaction (to bob), found:")
	assert.Equal(t, "to "+bob.To.StringRaw(), actortest.To(bob.To).String(), "alone, a matcher writes the address raw")

	assert.Empty(t, run(func(tb testing.TB) { actortest.RequireTransaction(tb, txs, actortest.Success()) }))
	assert.Equal(t, "  (no transactions)\n", actortest.Table(nil))
}
