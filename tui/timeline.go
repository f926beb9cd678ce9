package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
)

// timeline is the world's history as the UI can travel it. Transactions from
// before the UI opened carry no snapshot: the earliest point is the world
// as the UI found it.
type timeline struct {
	origin *actor.Snapshot
	// base is how many transactions happened before the UI opened.
	base int
	// txs is the history as last seen at its newest point; at how many of
	// them the world holds now (len(txs) when not travelling).
	txs []*actor.Transaction
	at  int
}

func newTimeline(w *actor.World) timeline {
	txs := w.Transactions()
	return timeline{origin: w.Snapshot(), base: len(txs), txs: txs, at: len(txs)}
}

func (t *timeline) len() int { return len(t.txs) }

// travelling reports whether the world is at a past point.
func (t *timeline) travelling() bool { return t.at < len(t.txs) }

// reset makes the world's history the timeline's, at its newest point.
func (t *timeline) reset(w *actor.World) {
	t.txs = w.Transactions()
	t.at = len(t.txs)
	if t.base > len(t.txs) {
		// The world went back past the UI's start (a walkthrough's
		// previous step): that point is the new start.
		t.base = len(t.txs)
		t.origin = w.Snapshot()
	}
}

// point returns the snapshot of the world after the to-th transaction.
func (t *timeline) point(to int) (*actor.Snapshot, error) {
	switch {
	case to < t.base || to > len(t.txs):
		return nil, fmt.Errorf("%w: transaction %d is outside the %d to %d this session can travel", errNoSnapshot, to, t.base, len(t.txs))
	case to == t.base:
		return t.origin, nil
	}
	snap := t.txs[to-1].After
	if snap == nil {
		return nil, fmt.Errorf("%w: transaction lt %d kept none", errNoSnapshot, t.txs[to-1].LT)
	}
	return snap, nil
}

// travel puts the world as it was after the to-th transaction of the
// timeline.
func (s *session) travel(to int) error {
	snap, err := s.tl.point(to)
	if err != nil {
		return err
	}
	s.world.Restore(snap)
	s.tl.at = to
	return nil
}

// travelMsg says the world now shows point to of its timeline, or why it
// could not.
type travelMsg struct {
	to  int
	err error
}

// travelOp puts the world as it was after the to-th transaction.
func travelOp(to int) worldOp {
	return worldOp{
		label: "travelling",
		run: func(s *session) tea.Msg {
			return travelMsg{to: to, err: s.travel(to)}
		},
	}
}
