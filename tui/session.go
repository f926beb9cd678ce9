package tui

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// session is the world the UI drives and what the UI keeps of its history.
// Its methods run inside world operations (see [worldOp]): off the UI
// goroutine, never two at a time, so it needs no lock of its own.
type session struct {
	world *actor.World
	cat   *catalog.Catalog
	tl    timeline
	walk  *walkthrough
}

func newSession(w *actor.World, cat *catalog.Catalog, start *actor.Snapshot, run *scenario.Runner) *session {
	w.SetTransactionSnapshots(true)
	s := &session{world: w, cat: cat}
	s.tl = newTimeline(w, start)
	if run != nil {
		s.walk = newWalkthrough(run)
	}
	return s
}

// describe describes tx from its record: the same whenever it is asked.
func (s *session) describe(tx *actor.Transaction) *describe.Tx {
	return describe.Describe(s.cat, tx)
}

// changed records that the world moved on from where the timeline stood:
// the history becomes the world's, and it returns how many transactions
// of a left future were dropped.
func (s *session) changed() (dropped int) {
	dropped = s.tl.len() - s.tl.at
	s.tl.reset(s.world)
	return dropped
}

// send sends m from where the timeline stands.
func (s *session) send(m actor.Message) (*actor.Trace, int, error) {
	trace, err := s.world.Send(m)
	if err != nil {
		return nil, 0, err
	}
	return trace, s.changed(), nil
}
