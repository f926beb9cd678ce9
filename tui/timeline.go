package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
)

// timeline is the world's history as the UI can travel it: point p is the
// world after its p-th transaction. The earliest point, base, is where the
// unbroken run of transactions that kept a snapshot (Transaction.After)
// begins, or the start the caller gave; a world that kept none starts
// where the UI found it.
type timeline struct {
	origin *actor.Snapshot
	// base is the earliest point: how many transactions came before it.
	base int
	// txs is the history as last seen at its newest point; at how many of
	// them the world holds now (len(txs) when not travelling).
	txs []*actor.Transaction
	at  int
	// head is the world at the newest point, kept from the moment travel
	// leaves it: going back to now restores it whole (the clock and names
	// too), and a fork keeps it as the old branch.
	head *actor.Snapshot
	// hist is the log of txs as described so far: the first hist.len().
	hist history
}

// newTimeline returns w's timeline. start, when not nil, is a snapshot of
// w taken when it began keeping transaction snapshots, before any of them.
// Nothing is described yet: see [session.load].
func newTimeline(w *actor.World, start *actor.Snapshot) timeline {
	txs := w.Transactions()
	t := timeline{origin: w.Snapshot(), base: len(txs), txs: txs, at: len(txs)}
	b := len(txs)
	for b > 0 && txs[b-1].After != nil {
		b--
	}
	switch {
	case start != nil && startsAt(start, txs, b):
		t.base, t.origin = b, start
	case b < len(txs):
		t.base, t.origin = b+1, txs[b].After
	}
	return t
}

// startsAt reports whether start is the world after the first b of txs.
func startsAt(start *actor.Snapshot, txs []*actor.Transaction, b int) bool {
	before := start.Transactions()
	return len(before) == b && (b == 0 || before[b-1] == txs[b-1])
}

func (t *timeline) len() int { return len(t.txs) }

// travelling reports whether the world is at a past point.
func (t *timeline) travelling() bool { return t.at < len(t.txs) }

// loaded reports whether every transaction is described.
func (t *timeline) loaded() bool { return t.hist.len() >= len(t.txs) }

// reset makes the world's history the timeline's, at its newest point:
// the log keeps the lines of the transactions both share.
func (t *timeline) reset(w *actor.World) {
	txs := w.Transactions()
	t.hist = t.hist.cut(commonPrefix(t.txs, txs))
	t.txs, t.at, t.head = txs, len(txs), nil
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
	case to == len(t.txs) && t.head != nil:
		return t.head, nil
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
	if !s.tl.travelling() && s.tl.head == nil {
		s.tl.head = s.world.Snapshot()
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
