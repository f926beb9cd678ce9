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
	// play is the scenario the UI plays in the background as it opens,
	// nil once it has ended (or when there is none).
	play *player
	// undo holds the branches forks left, the last one last; redo the
	// branches undoing left.
	undo, redo []branch
	// chunk is about how many transactions one loading operation
	// describes (describeChunk; tests make it small).
	chunk int
	// described counts the descriptions computed, for tests of what a key
	// costs.
	described int
}

func newSession(w *actor.World, cat *catalog.Catalog, start *actor.Snapshot, walk, play *scenario.Runner) *session {
	w.SetTransactionSnapshots(true)
	s := &session{world: w, cat: cat, chunk: describeChunk}
	s.tl = newTimeline(w, start)
	if walk != nil {
		s.walk = newWalkthrough(walk)
	}
	if play != nil {
		s.play = &player{run: play}
	}
	return s
}

// describe describes tx from its record: the same whenever it is asked.
func (s *session) describe(tx *actor.Transaction) *describe.Tx {
	s.described++
	return describe.Describe(s.cat, tx)
}

// load describes about a chunk more transactions of the timeline.
func (s *session) load() {
	s.tl.hist = s.tl.hist.extend(s.describe, s.tl.txs, s.chunk)
}

// changed records that the world moved on from where the timeline stood:
// the history becomes the world's, and it returns how many transactions
// of a left future were dropped. A fork keeps the branch it left, for
// undo.
func (s *session) changed() (dropped int) {
	dropped = s.tl.len() - s.tl.at
	if dropped > 0 {
		s.undo = append(s.undo, s.branch())
		s.redo = nil
	}
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
