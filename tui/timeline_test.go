package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples"
)

// TestTimelineBase checks how far back the UI can travel in a world it did
// not build: as far as its transactions kept snapshots, and to the start
// when it is given.
func TestTimelineBase(t *testing.T) {
	tests := []struct {
		name      string
		snapshots bool // the world keeps a snapshot per transaction
		start     bool // the caller gives the snapshot from before them
		wrong     bool // the start given is another world's
		want      int
	}{
		{name: "no snapshots: where the UI opened", want: 3},
		{name: "snapshots: after the first transaction", snapshots: true, want: 1},
		{name: "snapshots and start: before any transaction", snapshots: true, start: true, want: 0},
		{name: "start without snapshots is no use", start: true, want: 3},
		{name: "a start from elsewhere is ignored", snapshots: true, start: true, wrong: true, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := examples.DemoRunner()
			require.NoError(t, err)
			r.World.SetTransactionSnapshots(tt.snapshots)
			var start *actor.Snapshot
			if tt.start {
				start = r.World.Snapshot()
			}
			_, err = r.Run()
			require.NoError(t, err)
			if tt.wrong {
				start = r.World.Snapshot()
			}
			tl := newTimeline(r.World, start)
			require.Equal(t, 3, tl.len(), "the demo deploys its counter in 3 transactions")
			assert.Equal(t, tt.want, tl.base)
			for p := tl.base; p <= tl.len(); p++ {
				snap, err := tl.point(p)
				require.NoError(t, err, "point %d", p)
				assert.Len(t, snap.Transactions(), p, "point %d is the world after %d transactions", p, p)
			}
			_, err = tl.point(tl.base - 1)
			assert.ErrorIs(t, err, errNoSnapshot)
		})
	}
}

func TestTimeTravelToStart(t *testing.T) {
	h := demoFromStart(t)
	h.press("{")
	assert.Equal(t, 0, h.m.st.at)
	v := h.view()
	assert.Contains(t, v, "◆ start · 0 of 3")
	assert.Contains(t, v, "Accounts (3)", "before the deployment: the wallets alone")
	assert.NotContains(t, v, "Counter v1.0.0", "no counter yet")
	assert.Contains(t, h.status(), "Before any transaction: a send forks history")
	h.press("]")
	assert.Contains(t, h.status(), "keeping 2 later transactions and 1 message in flight on a branch",
		"the wallet has sent the deployment, the counter has not had it yet")
	h.press("]", "]")
	assert.Contains(t, h.view(), "v1 · Counter v1.0.0", "the deployment, travelled forward to")
	assert.False(t, h.m.st.travelling())
}
