package describe_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func counters(t testing.TB) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	for name, pkg := range map[string]*cell.Package{"v1": counter.V1(), "v2": counter.V2(), "v3": counter.V3()} {
		require.NoError(t, c.Add(name, pkg))
	}
	return c
}

// fixture is a world with wallets owner and stranger and a V1 counter
// named "counter" before its deployment; opts configure the world.
type fixture struct {
	w               *actor.World
	cat             *catalog.Catalog
	owner, stranger *address.Address
	c               *counter.Counter
	deploy          *actor.Trace
}

func newFixture(t testing.TB, opts ...actor.Option) *fixture {
	t.Helper()
	f := &fixture{cat: counters(t)}
	var err error
	f.w, err = actor.NewWorld(opts...)
	require.NoError(t, err)
	f.owner, err = f.w.NewWallet("owner")
	require.NoError(t, err)
	f.stranger, err = f.w.NewWallet("stranger")
	require.NoError(t, err)
	init := counter.Init{ID: 7, Owner: f.owner, Value: 3}
	si, err := counter.StateInit(init)
	require.NoError(t, err)
	addr, err := actor.StateInitAddress(si)
	require.NoError(t, err)
	require.NoError(t, f.w.SetName("counter", addr))
	var res *contract.Result
	f.c, res, err = counter.Deploy(f.w, f.stranger, init)
	require.NoError(t, err)
	f.deploy = res.Trace
	return f
}

// trace is the record of a send made through the counter's handle.
func trace(res *contract.Result, err error) (*actor.Trace, error) {
	if err != nil {
		return nil, err
	}
	return res.Trace, nil
}

// on describes the counter's transaction in a trace.
func (f *fixture) on(t *testing.T, tr *actor.Trace) *describe.Tx {
	t.Helper()
	for _, tx := range tr.Transactions {
		if tx.To.Equals(f.c.Address) {
			return describe.Describe(f.cat, tx)
		}
	}
	t.Fatal("no transaction on the counter")
	return nil
}

func TestDescribe(t *testing.T) {
	f := newFixture(t)
	p := describe.Printer{}

	t.Run("deploy", func(t *testing.T) {
		d := f.on(t, f.deploy)
		assert.Equal(t, "stranger", d.From.String())
		assert.Equal(t, "counter", d.To.String(), "named before the deploy, so its own transactions carry the name")
		assert.Equal(t, "empty", d.Message.String())
		assert.Equal(t, "0 (Success)", d.Exit.String())
		assert.Equal(t, "v1", d.Contract.Name)
		require.NotNil(t, d.After)
		assert.True(t, d.After.Initialized)
		assert.Nil(t, d.Before)
		assert.True(t, d.Initialized, "deployed with init arguments, init ran")
		assert.Empty(t, d.Changes)
		assert.Equal(t, "deployed v1 {owner: owner, id: 7, value: 3}", d.Effect(describe.Printer{Names: d.Tx}))
		root := describe.Describe(f.cat, f.deploy.Transactions[0])
		assert.Equal(t, "wallet", root.Contract.Name)
		assert.True(t, root.Initialized, "the wallet's first message runs its init")
		assert.Equal(t, "external", root.From.String())
		assert.Equal(t, "external", root.Message.String())
	})
	t.Run("step", func(t *testing.T) {
		tr, err := trace(f.c.Step(f.stranger, 5))
		require.NoError(t, err)
		d := f.on(t, tr)
		assert.Equal(t, "Step", d.Message.String())
		assert.Equal(t, "Step {queryId: 5}", d.Message.Text(p))
		require.NotNil(t, d.Message.Body)
		assert.Equal(t, []string{"value: 3 → 4"}, d.Effects(p))
		assert.True(t, d.Action.Ran)
		assert.Equal(t, 1, d.Action.Sent, "the cashback")
		assert.Equal(t, "", d.Action.String(), "nothing to say about an action phase that did everything")
		assert.Equal(t, 0, d.Fees.Total.Cmp(d.Tx.Fees.Nano()))
		assert.Positive(t, d.Fees.Gas.Sign())
		require.Len(t, d.Out, 1)
		assert.Equal(t, "stranger", d.Out[0].To.String())
		cashback := describe.Describe(f.cat, tr.Transactions[2])
		assert.Equal(t, "empty", cashback.Message.String())
		assert.Equal(t, "counter", cashback.From.String())
		assert.Equal(t, "v1", cashback.From.Contract.Name, "the sender's code, from the record")
	})
	t.Run("a stranger's upgrade", func(t *testing.T) {
		tr, err := trace(f.c.Upgrade(f.stranger, counter.V2().Code))
		require.NoError(t, err)
		d := f.on(t, tr)
		assert.Equal(t, "Upgrade", d.Message.String())
		assert.Equal(t, "132 (Access denied)", d.Exit.String())
		assert.False(t, d.CodeChanged)
		assert.Empty(t, d.Changes)
		assert.True(t, d.BouncedBack())
		bounce := describe.Describe(f.cat, tr.Transactions[len(tr.Transactions)-1])
		require.True(t, bounce.Tx.Bounced)
		assert.Equal(t, "bounced Upgrade", bounce.Message.String())
	})
	t.Run("unknown opcode", func(t *testing.T) {
		body, err := cell.ParseBOC("b5ee9c7201010101000600000800000063")
		require.NoError(t, err)
		tr, err := f.w.Send(actor.Message{From: f.stranger, To: f.c.Address, Value: contract.DefaultValue, Body: body})
		require.NoError(t, err)
		d := f.on(t, tr)
		assert.Equal(t, "0x00000063", d.Message.String())
		assert.Equal(t, "130 (Invalid incoming message)", d.Exit.String())
	})
	t.Run("upgrade leaves a pending migration", func(t *testing.T) {
		tr, err := trace(f.c.Upgrade(f.owner, counter.V2().Code))
		require.NoError(t, err)
		d := f.on(t, tr)
		assert.True(t, d.CodeChanged)
		assert.Equal(t, "v2", d.Upgraded.Name)
		assert.True(t, d.Pending)
		require.NotNil(t, d.After)
		assert.False(t, d.After.Initialized, "V2 reads the envelope as its init argument")
		assert.Equal(t, []string{"code v1 → v2", "migration pending"}, d.Effects(p))
	})
	t.Run("the next message migrates", func(t *testing.T) {
		tr, err := trace(f.c.Step(f.stranger, 6))
		require.NoError(t, err)
		d := f.on(t, tr)
		assert.Equal(t, "v2", d.Contract.Name)
		assert.False(t, d.Pending)
		assert.Equal(t, []string{"value: 4 → 3"}, d.Effects(p), "V1's fields against V2's, after one step down")
	})
	t.Run("a comment", func(t *testing.T) {
		body := tvmcell.BeginCell().MustStoreUInt(0, 32).MustStoreStringSnake("hi").EndCell()
		tr, err := f.w.Send(actor.Message{From: f.stranger, To: f.owner, Value: contract.DefaultValue, Body: body})
		require.NoError(t, err)
		assert.Equal(t, `comment "hi"`, describe.Describe(f.cat, tr.Transactions[1]).Message.String())
	})
}

// TestDescribeReadsTheRecord describes old transactions after the world
// moved on: a rename and an upgrade later, they read as when they ran.
func TestDescribeReadsTheRecord(t *testing.T) {
	f := newFixture(t)
	tr, err := trace(f.c.Upgrade(f.stranger, counter.V2().Code))
	require.NoError(t, err)
	bounceTx := tr.Transactions[len(tr.Transactions)-1]
	before := describe.Describe(f.cat, bounceTx)

	_, err = f.c.Upgrade(f.owner, counter.V3().Code) // the bouncer runs other code now
	require.NoError(t, err)
	after := describe.Describe(f.cat, bounceTx)
	assert.Equal(t, before.Message.String(), after.Message.String())
	assert.Equal(t, "bounced Upgrade", after.Message.String())
	assert.Equal(t, "counter", after.From.String())
	assert.Equal(t, "v1", after.From.Contract.Name, "the code the bouncer ran then")
}

// TestPhasesAsParsed: the action phase and fees read off a transaction's
// summary are those of its description parsed whole, for transactions that
// succeed, throw, bounce, send and change code.
func TestPhasesAsParsed(t *testing.T) {
	f := newFixture(t)
	_, err := f.c.Step(f.stranger, 1)
	require.NoError(t, err)
	_, err = f.c.Upgrade(f.stranger, counter.V2().Code)
	require.NoError(t, err)
	_, err = f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	_, err = f.w.Send(actor.Message{From: f.stranger, To: f.owner, Value: contract.DefaultValue})
	require.NoError(t, err)
	nanos := func(f describe.Fees) []string {
		return []string{fmt.Sprint(f.Total), fmt.Sprint(f.Storage), fmt.Sprint(f.StorageDue), fmt.Sprint(f.Gas),
			fmt.Sprint(f.Forward), fmt.Sprint(f.Action), fmt.Sprint(f.InForward)}
	}
	for _, tx := range f.w.Transactions() {
		t.Run(fmt.Sprint("lt ", tx.LT), func(t *testing.T) {
			action, fees := describe.Phases(tx)
			wantAction, wantFees := describe.ParsedPhases(tx)
			assert.Equal(t, wantAction, action)
			assert.Equal(t, nanos(wantFees), nanos(fees))
		})
	}
}

func TestExit(t *testing.T) {
	tests := []struct {
		exit describe.Exit
		want string
	}{
		{describe.Exit{Code: 0, Meaning: "Success"}, "0 (Success)"},
		{describe.Exit{Code: 777}, "777"},
		{describe.Exit{Code: -14, Meaning: actor.ExitCodeMeaning(-14)}, "-14 (Out of gas)"},
		{describe.Exit{Phase: describe.PhaseAction, Code: 37, Meaning: actor.ExitCodeMeaning(37)}, "action 37 (Not enough Toncoin)"},
		{describe.Exit{Phase: describe.PhaseSkipped, Skipped: "NO_STATE"}, "skipped (no state)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.exit.String())
		})
	}
}

// TestMeaning covers every exit code TVM defines, and a package's own.
func TestMeaning(t *testing.T) {
	tvm := map[int64]string{
		0: "Success", 1: "Alternative success", 2: "Stack underflow", 3: "Stack overflow", 4: "Integer overflow",
		5: "Integer out of expected range", 6: "Invalid opcode", 7: "Type check error", 8: "Cell overflow",
		9: "Cell underflow", 10: "Dictionary error", 11: "Unknown error", 12: "Fatal error", 13: "Out of gas",
		-14: "Out of gas", 14: "Virtualization error", 32: "Action list is invalid", 33: "Action list is too long",
		34: "Action is invalid or not supported", 35: "Invalid source address in outbound message",
		36: "Invalid destination address in outbound message", 37: "Not enough Toncoin",
		38: "Not enough extra currencies", 39: "Outbound message does not fit into a cell after rewriting",
		40: "Cannot process a message", 41: "Library reference is null", 42: "Library change action error",
		43: "Exceeded maximum number of cells in the library or the maximum depth of the Merkle tree",
		50: "Account state size exceeded limits",
	}
	for code, want := range tvm {
		assert.Equal(t, want, describe.Meaning(code), "exit %d", code)
	}
	assert.Equal(t, "", describe.Meaning(777))
	assert.Equal(t, "", describe.Meaning(-13), "-13 is no code of TVM's")
	assert.Equal(t, "Access denied", describe.Meaning(132, counter.V1().ABI), "a package's own errors")
	assert.Equal(t, "Cell underflow", describe.Meaning(9, counter.V1().ABI), "then TVM's")
}

func TestStatus(t *testing.T) {
	for st, want := range map[tlb.AccountStatus]string{
		tlb.AccountStatusActive:   "active",
		tlb.AccountStatusUninit:   "uninit",
		tlb.AccountStatusFrozen:   "frozen",
		tlb.AccountStatusNonExist: "nonexist",
	} {
		assert.Equal(t, want, describe.Status(st), st)
	}
}

// TestRewrapped: a second upgrade before any message wraps the pending
// migration again, which the effect says; the first says it is pending.
func TestRewrapped(t *testing.T) {
	f := newFixture(t)
	first, err := f.c.Upgrade(f.owner, counter.V2().Code)
	require.NoError(t, err)
	second, err := f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	effect := func(res *contract.Result) string {
		for _, tx := range res.Transactions() {
			if d := describe.Describe(f.cat, tx); d.CodeChanged {
				return d.Effect(d.Printer())
			}
		}
		return ""
	}
	assert.Equal(t, "code v1 → v2, migration pending", effect(first))
	assert.Equal(t, "code v2 → v3, pending migration wrapped again: no init reads it", effect(second))
}
