package tui

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/scenario"
)

// session is the world the UI drives and what the UI keeps of its history.
// Its methods run inside world operations (see [worldOp]): off the UI
// goroutine, never two at a time, so it needs no lock of its own.
type session struct {
	world *actor.World
	cat   *catalog.Catalog
	tl    timeline
	// described caches every transaction's description, made while the
	// transaction was the newest: a description made later, from a past
	// point, would not know the names given since.
	described map[*actor.Transaction]*catalog.Tx
	walk      *walkthrough
}

func newSession(w *actor.World, cat *catalog.Catalog, start *actor.Snapshot, run *scenario.Runner) *session {
	w.SetTransactionSnapshots(true)
	s := &session{world: w, cat: cat, described: map[*actor.Transaction]*catalog.Tx{}}
	s.tl = newTimeline(w, start)
	if run != nil {
		s.walk = newWalkthrough(run)
	}
	return s
}

// describe returns tx's description, cached.
func (s *session) describe(tx *actor.Transaction) *catalog.Tx {
	if d, ok := s.described[tx]; ok {
		return d
	}
	d := s.cat.Describe(s.world, tx)
	s.described[tx] = d
	return d
}

// changed records that the world moved on from where the timeline stood:
// the history becomes the world's, and it returns how many transactions
// of a left future were dropped.
func (s *session) changed() (dropped int) {
	dropped = s.tl.len() - s.tl.at
	s.tl.reset(s.world)
	s.forget()
	return dropped
}

// forget drops the descriptions of transactions no longer in the timeline.
func (s *session) forget() {
	in := make(map[*actor.Transaction]bool, len(s.tl.txs))
	for _, tx := range s.tl.txs {
		in[tx] = true
	}
	for tx := range s.described {
		if !in[tx] {
			delete(s.described, tx)
		}
	}
}

// send sends m from where the timeline stands.
func (s *session) send(m actor.Message) (*actor.Trace, int, error) {
	trace, err := s.world.Send(m)
	if err != nil {
		return nil, 0, err
	}
	return trace, s.changed(), nil
}
