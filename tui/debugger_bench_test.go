package tui

import (
	"math/big"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/trace"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/op/exec"
	"github.com/xssnick/tonutils-go/tvm/op/math"
	"github.com/xssnick/tonutils-go/tvm/op/stack"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// loopCode is a contract that counts to n and leaves: PUSHINT n, PUSHCONT
// { INC DEC }, REPEAT; each round is three steps (INC, DEC, the implicit
// RET), so a message to it runs about 3n.
func loopCode(t testing.TB, n int64) *tvmcell.Cell {
	t.Helper()
	body := tvmcell.BeginCell()
	for _, op := range []vm.OP{math.INC(), math.DEC()} {
		require.NoError(t, body.StoreBuilder(op.Serialize()))
	}
	code := tvmcell.BeginCell()
	for _, op := range []vm.OP{stack.PUSHINT(big.NewInt(0)), stack.PUSHINT(big.NewInt(n)), stack.PUSHCONT(body.EndCell()), exec.REPEAT()} {
		require.NoError(t, code.StoreBuilder(op.Serialize()))
	}
	return code.EndCell()
}

// longTrace is a real 10,000-step trace: a deployment of loopCode.
func longTrace(t testing.TB) *trace.Trace {
	t.Helper()
	w, tx := longTx(t)
	long, err := trace.Transaction(w, catalog.New(), tx)
	require.NoError(t, err)
	require.NoError(t, long.Check)
	require.GreaterOrEqual(t, len(long.Steps), 10_000)
	return long
}

// longTx deploys loopCode: a transaction of 10,000 steps.
func longTx(t testing.TB) (*actor.World, *actor.Transaction) {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	wallet, err := w.NewWallet("wallet")
	require.NoError(t, err)
	si := &tlb.StateInit{Code: loopCode(t, 3332), Data: tvmcell.BeginCell().EndCell()}
	tr, err := w.Send(actor.Message{From: wallet, StateInit: si, Value: tlb.MustFromTON("1")})
	require.NoError(t, err)
	require.Len(t, tr.Transactions, 2)
	return w, tr.Transactions[1]
}

// BenchmarkTraceLong is what opening the debugger on a 10,000-step
// transaction costs: the rerun with the hook and the trace built from it.
func BenchmarkTraceLong(b *testing.B) {
	w, tx := longTx(b)
	cat := catalog.New()
	for b.Loop() {
		if _, err := trace.Transaction(w, cat, tx); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLongTrace(t *testing.T) {
	long := longTrace(t)
	placed := 0
	for _, s := range long.Steps {
		if s.Pos.Valid() {
			placed++
		}
	}
	require.Equal(t, len(long.Steps), placed, "every step of the loop is placed in its code")
}

// BenchmarkDebuggerStep steps through a 10,000-step trace in the
// debugger as a user does, one key and one frame at a time: Update and
// View of the whole UI per key. A key must cost well under 16 ms.
func BenchmarkDebuggerStep(b *testing.B) {
	long := longTrace(b)
	m := New(Options{World: mustWorld(b), Catalog: catalog.New()})
	m.animate = false
	m.Update(tea.WindowSizeMsg{Width: testWidth, Height: testHeight})
	m.traced(tracedMsg{sides: []traceSide{newTraceSide(long)}})
	keys := []tea.KeyPressMsg{{Code: 'j', Text: "j"}, {Code: tea.KeyPgDown}, {Code: 'k', Text: "k"}, {Code: 'n', Text: "n"}}
	d := m.dialog.(*debugger)
	d.query = "DEC"
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if d.sides[0].cur >= len(long.Steps)-2 {
			d.sides[0].cur = 0
		}
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

// BenchmarkDebuggerJump jumps across the whole 10,000-step trace: from
// the start to the last step, to the next write of c4 (there is none, so
// the search scans every step) and back.
func BenchmarkDebuggerJump(b *testing.B) {
	long := longTrace(b)
	m := New(Options{World: mustWorld(b), Catalog: catalog.New()})
	m.animate = false
	m.Update(tea.WindowSizeMsg{Width: testWidth, Height: testHeight})
	m.traced(tracedMsg{sides: []traceSide{newTraceSide(long)}})
	keys := []tea.KeyPressMsg{{Code: 'G', Text: "G"}, {Code: 'g', Text: "g"}, {Code: '4', Text: "4"}, {Code: 'e', Text: "e"}}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

func mustWorld(b *testing.B) *actor.World {
	w, err := actor.NewWorld()
	require.NoError(b, err)
	return w
}
