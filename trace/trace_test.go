package trace_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
	_ "github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/trace"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// brick is the example counter's v1 → v3 brick: deployed at v1 with value
// 42, upgraded straight to v3, then sent a Step, which runs v3's init on
// v1's storage.
type brick struct {
	w       *actor.World
	cat     *catalog.Catalog
	c       *counter.Counter
	upgrade *actor.Transaction // the Upgrade, run by v1's code
	step    *actor.Transaction // the Step, v3's init failing
}

func newBrick(t *testing.T) *brick {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	cat := catalog.New()
	require.NoError(t, cat.Add("counter.v1", counter.V1()))
	require.NoError(t, cat.Add("counter.v3", counter.V3()))
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	init := counter.Init{ID: 1, Owner: owner, Value: 42}
	si, err := counter.StateInit(init)
	require.NoError(t, err)
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	require.NoError(t, w.SetName("counter", addr))
	c, _, err := counter.Deploy(w, owner, init)
	require.NoError(t, err)
	up, err := c.Upgrade(owner, counter.V3().Code)
	require.NoError(t, err)
	st, err := c.Step(owner, 1)
	require.NoError(t, err)
	return &brick{w: w, cat: cat, c: c, upgrade: up.Trace.Transactions[1], step: st.Trace.Transactions[1]}
}

func TestTheBrickShowsTheLoadThatRanOutOfBits(t *testing.T) {
	b := newBrick(t)
	tr, err := trace.Transaction(b.w, b.cat, b.step)
	require.NoError(t, err)
	require.NoError(t, tr.Check)
	assert.Equal(t, "recv_internal", tr.Entry)
	assert.Equal(t, "Step", tr.Receiver)
	assert.Equal(t, "exit 9 (Cell underflow)", tr.Exit.Short())

	f := tr.Failure()
	require.NotNil(t, f)
	s := tr.Steps[f.Step]
	assert.Equal(t, "32 LDU", s.Op, "the load of v2's id, after value took v1's id and value")
	assert.Equal(t, "exit 9 (Cell underflow): not enough data in reader, need 32, has 0", f.String())
	assert.Equal(t, "recv_internal (receiver Step)", tr.Where(f.Step))
	assert.True(t, s.Pos.Valid(), "placed in the code")

	top := tr.Value(s.Stack[len(s.Stack)-1])
	require.NotNil(t, top.Origin, "the slice it read is recognised")
	assert.Equal(t, trace.RoleStorage, top.Origin.Role)
	assert.Equal(t, "storage ^0", top.Origin.Name(), "v1's data, inside the migration envelope")
	assert.Equal(t, uint(332), top.From)
	assert.Equal(t, uint(332), top.Of)
	assert.Equal(t, "storage ^0, all 332 bits read: CounterV1$Data {owner: owner, id: 1, value: 42}", top.Note())
	assert.Equal(t, "slice storage ^0[332:332]", top.Short())

	before := tr.Steps[f.Step-1]
	assert.Equal(t, "64 LDU", before.Op, "v2's value: 64 bits, v1's id and value together")
	c := tr.Change(f.Step - 1)
	require.Len(t, c.Popped, 1)
	assert.Equal(t, "slice storage ^0[268:332]", tr.Value(c.Popped[0]).Short())
	require.Len(t, c.Pushed, 2)
	assert.Equal(t, "4294967338", tr.Value(c.Pushed[0]).Short(), "id 1 and value 42 read as one uint64")
}

func TestGasPerStep(t *testing.T) {
	b := newBrick(t)
	tr, err := trace.Transaction(b.w, b.cat, b.upgrade)
	require.NoError(t, err)
	// Each instruction pays 10 plus its length in bits, and what it does:
	// a cell loaded (100), built (500).
	want := map[string]int64{
		"SETCP 0":      26,
		"2 PUSHINT":    18,
		"CTOS":         118,
		"SETCODE":      526,
		"ENDC":         518,
		"c4 POP":       26,
		"implicit RET": 5,
	}
	seen := map[string]bool{}
	for _, s := range tr.Steps {
		if g, ok := want[s.Op]; ok && !seen[s.Op] {
			assert.Equal(t, g, s.Gas, s.Op)
			seen[s.Op] = true
		}
	}
	assert.Len(t, seen, len(want))
}

func TestMarksSearchAndAround(t *testing.T) {
	b := newBrick(t)
	up, err := trace.Transaction(b.w, b.cat, b.upgrade)
	require.NoError(t, err)
	code := up.Next(-1, trace.MarkSetCode, 1)
	require.NotEqual(t, -1, code)
	assert.Equal(t, "SETCODE", up.Steps[code].Op)
	c4 := up.Next(code, trace.MarkC4, 1)
	require.NotEqual(t, -1, c4)
	assert.Equal(t, "c4 POP", up.Steps[c4].Op)
	assert.Equal(t, code, up.Next(c4, trace.MarkSetCode, -1), "and back")
	assert.Equal(t, -1, up.Next(c4, trace.MarkSetCode, 1), "nothing after")
	assert.Equal(t, -1, up.Next(-1, trace.MarkAccept, 1), "an internal message needs no ACCEPT")
	assert.Equal(t, []trace.Mark{trace.MarkC4}, up.Marks(c4))

	ldu := up.Search(-1, "ldu", 1)
	require.NotEqual(t, -1, ldu)
	assert.True(t, strings.HasSuffix(up.Steps[ldu].Op, "LDU"))
	assert.Equal(t, ldu, up.Search(ldu+1, "LDU", -1))
	assert.Equal(t, -1, up.Search(0, "  ", 1), "an empty query finds nothing")

	step, err := trace.Transaction(b.w, b.cat, b.step)
	require.NoError(t, err)
	f := step.Failure().Step
	assert.Equal(t, f, step.Next(-1, trace.MarkException, 1))
	from, to := step.Around(3)
	assert.Equal(t, [2]int{f - 3, f + 1}, [2]int{from, to})
	from, to = up.Around(3)
	assert.Equal(t, [2]int{len(up.Steps) - 4, len(up.Steps)}, [2]int{from, to}, "no exception: the end of the run")
	from, to = up.Around(-1)
	assert.Equal(t, [2]int{0, len(up.Steps)}, [2]int{from, to}, "no bound: everything")
	from, to = up.Around(len(up.Steps) + 5)
	assert.Equal(t, [2]int{0, len(up.Steps)}, [2]int{from, to}, "more than there is")
}

func TestGetterRunsTheMigrationToo(t *testing.T) {
	b := newBrick(t)
	tr, err := trace.Getter(b.w, b.cat, b.c.Address, "value")
	require.NoError(t, err)
	require.NoError(t, tr.Check)
	assert.Equal(t, "get value on counter", tr.Title())
	assert.Equal(t, "get value", tr.Entry)
	f := tr.Failure()
	require.NotNil(t, f)
	assert.Equal(t, "32 LDU", tr.Steps[f.Step].Op)
	assert.Equal(t, "get value", tr.Where(f.Step))
	top := tr.Value(tr.Steps[f.Step].Stack[len(tr.Steps[f.Step].Stack)-1])
	assert.Equal(t, "storage ^0", top.Origin.Name())
}

func TestChange(t *testing.T) {
	b := newBrick(t)
	tr, err := trace.Transaction(b.w, b.cat, b.upgrade)
	require.NoError(t, err)
	for i, s := range tr.Steps {
		c := tr.Change(i)
		switch {
		case i == len(tr.Steps)-1:
			assert.Zero(t, c, "the last step has no after")
		case s.Op == "1 XCHG0" && len(s.Stack) >= 2:
			assert.Empty(t, c.Popped, "a swap takes nothing off")
			assert.Empty(t, c.Pushed)
			assert.True(t, c.Moved)
		case s.Op == "DUP":
			assert.Empty(t, c.Popped)
			assert.Len(t, c.Pushed, 1, "a copy")
		}
	}
}

func TestStepText(t *testing.T) {
	for _, c := range []struct{ op, want string }{
		{"32 LDU", "32 LDU"},
		{"<96[FA40D33FD31FD30755306C14]> SMALL PUSHCONT", "<96[FA40D33FD31FD30755306…> SMALL PUSHCONT"},
		{"<6[60] -> {\n  880[D001]\n}> 19 DICTPUSHCONST", "<6[60] -> {…> 19 DICTPUSHCONST"},
		{"<16[5F04]> SMALL PUSHCONT", "<16[5F04]> SMALL PUSHCONT"},
	} {
		assert.Equal(t, c.want, trace.Step{Op: c.op}.Text())
	}
}

func TestPosString(t *testing.T) {
	c := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	assert.Equal(t, "?", trace.Pos{}.String())
	assert.Regexp(t, `^#[0-9a-f]{8}\+8\^1$`, trace.Pos{Cell: c, Bit: 8, Ref: 1}.String())
}

func TestStorageReads(t *testing.T) {
	b := newBrick(t)
	var reads []string
	for _, tx := range []*actor.Transaction{b.upgrade, b.step} {
		tr, err := trace.Transaction(b.w, b.cat, tx)
		require.NoError(t, err)
		var ops []string
		for i := tr.Next(-1, trace.MarkRead, 1); i >= 0; i = tr.Next(i, trace.MarkRead, 1) {
			ops = append(ops, tr.Steps[i].Op)
		}
		reads = append(reads, strings.Join(ops, ", "))
	}
	assert.Equal(t, []string{
		"1 LDI, LDMSGADDR, 32 LDU, 32 LDU",               // v1 reads its own layout
		"1 LDI, LDREF, 1 LDI, LDMSGADDR, 64 LDU, 32 LDU", // v3 reads v1's as v2's, in the envelope
	}, reads)
}
