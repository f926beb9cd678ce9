package actor_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// steps counts what a trace hook sees: instructions, and the first one.
type steps struct {
	n     int
	first string
	most  int64
}

func (s *steps) hook(step vm.TraceStep) {
	if step.Opcode == "" {
		return
	}
	if s.n == 0 {
		s.first = step.Opcode
	}
	s.n++
	s.most = max(s.most, step.GasRemaining)
}

// probeHistory deploys a probe and sends it what exercises a transaction's
// every input: a random draw and the clock (Remember), a throw that
// bounces, a ping that goes back and forth, an event.
func probeHistory(t *testing.T, w *actor.World) *actor.Trace {
	t.Helper()
	wallet := newWallet(t, w, "wallet")
	probe := deployProbe(t, w, wallet, 1)
	for _, b := range []*tvmcell.Cell{
		body(opRemember, nil),
		body(opThrow, func(b *tvmcell.Builder) { b.MustStoreUInt(777, 16) }),
		body(opLog, func(b *tvmcell.Builder) { b.MustStoreUInt(5, 32) }),
	} {
		_, err := w.Send(actor.Message{From: wallet, To: probe, Value: ton("0.5"), Body: b})
		require.NoError(t, err)
	}
	tr, err := w.Send(actor.Message{From: wallet, To: probe, Value: ton("0.5"), Body: body(opPing, func(b *tvmcell.Builder) { b.MustStoreUInt(2, 32) })})
	require.NoError(t, err)
	return tr
}

func TestRetraceReproducesEveryTransaction(t *testing.T) {
	w := newWorld(t)
	probeHistory(t, w)
	txs := w.Transactions()
	require.NotEmpty(t, txs)
	for _, tx := range txs {
		var s steps
		r, err := w.Retrace(tx, s.hook)
		require.NoError(t, err)
		require.NoError(t, r.Err(), "lt %d", tx.LT)
		assert.Equal(t, tx.Hash(), r.Cell.Hash(), "lt %d: the same transaction cell", tx.LT)
		assert.Equal(t, int64(tx.ExitCode), r.ExitCode)
		assert.Equal(t, tx.GasUsed, r.GasUsed)
		if tx.ComputeSkipped == "" {
			assert.Positive(t, s.n, "lt %d: the hook saw the compute phase", tx.LT)
			assert.Equal(t, "SETCP 0", s.first, "lt %d", tx.LT)
		}
	}
}

func TestRetraceOfAFork(t *testing.T) {
	w := newWorld(t)
	tr := probeHistory(t, w)
	fork := w.Fork()
	wallet, err := fork.Wallet("wallet")
	require.NoError(t, err)
	forked, err := fork.Send(actor.Message{From: wallet, To: tr.Transactions[1].To, Value: ton("0.5"), Body: body(opRemember, nil)})
	require.NoError(t, err)
	for _, tx := range forked.Transactions {
		r, err := w.Retrace(tx, nil)
		require.NoError(t, err)
		assert.NoError(t, r.Err(), "a fork's records run again on the world it came from")
	}
}

func TestRetraceSaysWhatDiffers(t *testing.T) {
	w := newWorld(t)
	tr := probeHistory(t, w)
	altered := *tr.Transactions[1]
	altered.GasUsed++
	altered.ExitCode = 5
	r, err := w.Retrace(&altered, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"exit code", "gas"}, r.Differs)
	assert.ErrorIs(t, r.Err(), actor.ErrRerunDiffers)
	assert.ErrorContains(t, r.Err(), "exit code, gas")
}

func TestRetraceNeedsARecordOfAWorld(t *testing.T) {
	w := newWorld(t)
	_, err := w.Retrace(&actor.Transaction{LT: 7}, nil)
	assert.ErrorIs(t, err, actor.ErrNoReplay)
}

func TestTraceGetIsTheGetter(t *testing.T) {
	w := newWorld(t)
	wallet := newWallet(t, w, "wallet")
	probe := deployProbe(t, w, wallet, 7)
	for _, c := range []struct {
		method string
		args   []any
		exit   int64
	}{
		{"id", nil, 0},
		{"sum", []any{big.NewInt(2), big.NewInt(40)}, 0},
		{"me", nil, 0},
		{"isMe", []any{probe, true}, 0},
		{"fail", []any{big.NewInt(777)}, 777},
	} {
		t.Run(c.method, func(t *testing.T) {
			var s steps
			r, err := w.TraceGet(s.hook, probe, c.method, c.args...)
			require.NoError(t, err)
			require.NoError(t, r.Err())
			assert.Equal(t, c.exit, r.ExitCode)
			assert.Equal(t, "SETCP 0", s.first, "the hook sees the getter's code from its first instruction")
			assert.LessOrEqual(t, s.most, int64(actor.DefaultGetterGasLimit), "and none of the wrapper's")
			plain, err := w.Get(probe, c.method, c.args...)
			if c.exit != 0 {
				var exit *actor.ExitError
				require.ErrorAs(t, err, &exit)
				assert.Equal(t, exit.GasUsed, r.GasUsed)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, plain.GasUsed, r.GasUsed)
			assert.Len(t, r.Stack, len(plain.Stack))
		})
	}
}

func TestTraceGetRefusesWhatGetRefuses(t *testing.T) {
	w := newWorld(t)
	wallet := newWallet(t, w, "wallet")
	_, err := w.TraceGet(nil, wallet, "seqno", make([]any, 300)...)
	assert.ErrorContains(t, err, "at most 254 can be traced")
	nobody, err := actor.StateInitAddress(probeInit(99))
	require.NoError(t, err)
	_, err = w.TraceGet(nil, nobody, "id")
	assert.ErrorIs(t, err, actor.ErrAccountNotFound)
}
