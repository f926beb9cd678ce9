package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
)

// branch is a line of history a fork left behind, as lazygit keeps what
// its undo undid: the world at the branch's newest point and its log as
// far as it was described.
type branch struct {
	head *actor.Snapshot
	txs  []*actor.Transaction
	hist history
	// shared is how many transactions it shares with the branch that
	// replaced it: the point the fork left it at.
	shared int
	// walk is where a walkthrough stood on it, nil without one.
	walk *walkSaved
}

// branch returns the timeline as a branch: the world at its newest point
// (kept by travel, or the world itself when it is there).
func (s *session) branch() branch {
	head := s.tl.head
	if head == nil {
		head = s.world.Snapshot()
	}
	b := branch{head: head, txs: s.tl.txs, hist: s.tl.hist, shared: s.tl.at}
	if s.walk != nil {
		b.walk = s.walk.save()
	}
	return b
}

// switchBranch leaves the timeline for the last branch of from, which is
// kept on to (so the switch can be switched back): the world as that
// branch stood at its newest point, its log, its walkthrough.
func (s *session) switchBranch(from, to *[]branch) (left, now branch, err error) {
	if len(*from) == 0 {
		return branch{}, branch{}, errNoBranch
	}
	now = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	left = s.branch()
	left.shared = commonPrefix(left.txs, now.txs)
	*to = append(*to, left)
	s.world.Restore(now.head)
	s.tl.txs, s.tl.hist, s.tl.at, s.tl.head = now.txs, now.hist, len(now.txs), nil
	if s.walk != nil && now.walk != nil {
		s.walk.restore(now.walk)
	}
	return left, now, nil
}

// branchMsg is the end of an undo or a redo: the branch left and the one
// the world is on now.
type branchMsg struct {
	redo      bool
	left, now branch
	// back counts the switches the other key can make after this one: the
	// redos after an undo, the undos after a redo.
	back int
	err  error
}

// undoOp puts the world back on the branch the last fork left; redoOp
// brings back the branch an undo left.
func undoOp() worldOp { return branchOp(false) }
func redoOp() worldOp { return branchOp(true) }

func branchOp(redo bool) worldOp {
	label := "undoing the fork"
	if redo {
		label = "redoing the fork"
	}
	return worldOp{
		label: label,
		run: func(s *session) tea.Msg {
			var left, now branch
			var err error
			back := &s.redo
			if redo {
				back = &s.undo
				left, now, err = s.switchBranch(&s.redo, &s.undo)
			} else {
				left, now, err = s.switchBranch(&s.undo, &s.redo)
			}
			return branchMsg{redo: redo, left: left, now: now, back: len(*back), err: err}
		},
	}
}
