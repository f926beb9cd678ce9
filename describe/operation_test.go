package describe_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

func TestDescribeReinstall(t *testing.T) {
	f := newFixture(t)
	fresh, err := counter.StateInit(counter.Init{ID: 8, Owner: f.stranger, Value: 0})
	require.NoError(t, err)
	op, err := f.w.Reinstall(f.c.Address, fresh.Code, fresh.Data)
	require.NoError(t, err)

	d := describe.DescribeOp(f.cat, op)
	assert.Equal(t, "counter reinstalled with v1", d.Title())
	require.NotNil(t, d.Lost)
	assert.Equal(t, []string{
		"a world operation, no transaction: the address and the balance (" + describe.TON(op.BalanceAfter.Nano()) + ") are kept, the state is discarded",
		"lost: v1 {owner: owner, id: 7, value: 3}",
		"now: init arguments v1 {id: 8, owner: stranger, value: 0}; init() runs on the next message",
	}, d.Lines(d.Printer()))
}

// TestDescribeReinstallPending: what a reinstall of an account holding a
// pending migration loses is the storage inside the envelope, decoded by
// the layout that reads it, not the envelope as the new code's init
// arguments.
func TestDescribeReinstallPending(t *testing.T) {
	f := newFixture(t)
	_, err := f.c.Upgrade(f.owner, counter.V3().Code)
	require.NoError(t, err)
	fresh, err := counter.StateInit(counter.Init{ID: 8, Owner: f.stranger, Value: 0})
	require.NoError(t, err)
	op, err := f.w.Reinstall(f.c.Address, fresh.Code, fresh.Data)
	require.NoError(t, err)

	d := describe.DescribeOp(f.cat, op)
	require.NotNil(t, d.LostPending)
	assert.Equal(t, "lost: v3's pending migration, the envelope holding CounterV1$Data {owner: owner, id: 7, value: 3}", d.Lines(d.Printer())[1])
	assert.Nil(t, describe.LostPending(f.cat, op.DataAfter), "fresh data is no envelope")
}

func TestDescribeMigrate(t *testing.T) {
	f := newFixture(t)
	next, err := counter.StateInit(counter.Init{ID: 7, Owner: f.owner, Value: 0})
	require.NoError(t, err)
	op, err := f.w.Migrate(f.c.Address, next.Code, next.Data, func(m actor.Migration) error {
		c, err := counter.OpenCounter(m.World, m.New)
		if err != nil {
			return err
		}
		_, err = c.Step(f.stranger, 1)
		return err
	})
	require.NoError(t, err)

	d := describe.DescribeOp(f.cat, op)
	assert.Equal(t, "counter migrated to v1", d.Title())
	assert.Equal(t, "counter (new)", d.Temporary.String())
	require.Len(t, d.Transactions, 3)
	assert.Equal(t, "counter (new)", d.Transactions[1].To.String(), "the migration's transactions read as they ran")
	lines := d.Lines(d.Printer())
	require.Len(t, lines, 4)
	assert.Contains(t, lines[0], "v1 ran beside the old code at "+describe.Short(op.Temporary)+" (counter (new)) for 3 transactions, then moved under counter's address")
	assert.Equal(t, "replaced: v1 {owner: owner, id: 7, value: 3}", lines[2])
	assert.Equal(t, "now: v1 {owner: owner, id: 7, value: 1}", lines[3])
}

func TestUndone(t *testing.T) {
	f := newFixture(t)
	next, err := counter.StateInit(counter.Init{ID: 7, Owner: f.owner, Value: 0})
	require.NoError(t, err)
	_, err = f.w.Migrate(f.c.Address, next.Code, next.Data, func(m actor.Migration) error {
		c, err := counter.OpenCounter(m.World, m.New)
		if err != nil {
			return err
		}
		_, _ = c.Upgrade(f.stranger, next.Code) // refused: the migration finds the failed transaction
		return nil
	})
	var me *actor.MigrationError
	require.ErrorAs(t, err, &me)
	require.NotNil(t, me.Tx)
	assert.Contains(t, describe.Undone(f.cat, me), "on counter (new) (Upgrade) failed: exit 132 (Access denied); nothing changed")

	plain := &actor.MigrationError{Account: f.c.Address, Err: errors.New("boom")}
	assert.Equal(t, "undone: boom; nothing changed", describe.Undone(f.cat, plain))
}

func TestReinstallWords(t *testing.T) {
	tests := []struct {
		name string
		r    *upgradable.Report
		want string
	}{
		{"not bricked", &upgradable.Report{Verdict: upgradable.Safe}, ""},
		{"bricked for good", &upgradable.Report{Verdict: upgradable.Bricked, Reinstall: true}, "only a reinstall (the same address and balance, fresh data) would make the account usable again; it would lose its data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe.Reinstall(tt.r, describe.Printer{}))
		})
	}
}
