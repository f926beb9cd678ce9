package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/inputfile"
)

// startOp runs op now, or after the operations before it; while a
// scenario still plays, an operation that changes the world waits for it
// to end.
func (m *Model) startOp(op worldOp) tea.Cmd {
	waits := m.playing && !op.reads && !op.loads
	if m.busy != "" || waits {
		if !op.loads {
			m.queue = append(m.queue, op)
		}
		if waits {
			m.setStatus(fmt.Sprintf("%s waits for the scenario to finish playing (%d of %d steps played).", capitalize(op.label), m.playPos, m.playSteps), false)
		}
		if m.busy == "" {
			return m.runNext()
		}
		return nil
	}
	return m.run(op)
}

// run runs op as a command off the UI goroutine.
func (m *Model) run(op worldOp) tea.Cmd {
	if op.loads {
		op.label = m.loadLabel()
	}
	m.busy = op.label
	cmd := runOpCmd(m.sess, op, m.args.clone())
	if m.animate && !m.ticking {
		m.ticking = true
		return tea.Batch(cmd, m.spinner.Tick)
	}
	return cmd
}

// runNext runs the next operation: the first queued that may run now,
// else the next piece of loading.
func (m *Model) runNext() tea.Cmd {
	for i, op := range m.queue {
		if !m.playing || op.reads {
			m.queue = append(m.queue[:i:i], m.queue[i+1:]...)
			return m.run(op)
		}
	}
	if m.loading {
		return m.run(loadOp())
	}
	return nil
}

// finishOp takes an operation's result and starts the next one.
func (m *Model) finishOp(msg opDoneMsg) tea.Cmd {
	m.busy = ""
	if msg.state != nil {
		m.setState(msg.state)
		if msg.state.log.len() < msg.state.total {
			m.loading = true // the rest is described behind the screen
		}
	}
	cmds := []tea.Cmd{m.result(msg.result)}
	if m.busy == "" {
		cmds = append(cmds, m.runNext())
	}
	return tea.Batch(cmds...)
}

// result handles what an operation ended with.
func (m *Model) result(msg tea.Msg) tea.Cmd {
	switch r := msg.(type) {
	case sentMsg:
		m.sent(r)
	case operatedMsg:
		m.operated(r)
	case preflightMsg, matrixMsg:
		if d, ok := m.dialog.(*upgradeDialog); ok {
			var cmd tea.Cmd
			m.dialog, cmd = d.Update(r)
			return cmd
		}
	case travelMsg:
		m.travelled(r)
	case savedMsg:
		m.saved(r)
	case committedMsg:
		m.committed(r)
	case commitTravelMsg:
		m.travelledToCommit(r)
	case walkMsg:
		return m.walked(r)
	case branchMsg:
		m.switched(r)
	case loadedMsg:
		m.loaded(r)
	case tracedMsg:
		m.traced(r)
	}
	return nil
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// saved reports a save in the status line; the next save offers the same
// file.
func (m *Model) saved(r savedMsg) {
	if r.err != nil {
		m.setStatus("The world was not saved: "+r.err.Error(), true)
		return
	}
	m.savePath = r.path
	if err := inputfile.Oversized(inputfile.World, r.path); err != nil {
		m.setStatus(fmt.Sprintf("Saved the world as it stands %s, but %v.", r.when, err), true)
		return
	}
	m.setStatus(fmt.Sprintf("Saved the world as it stands %s to %s; tonsim tui --world %s opens it again.", r.when, r.path, r.path), false)
}

// whenText names the point of history the world shows: "now", or "after
// lt 8" while travelling.
func (m *Model) whenText() string {
	switch {
	case !m.st.travelling():
		return "now"
	case m.st.at == 0:
		return "before any transaction"
	}
	return fmt.Sprintf("after lt %d", m.pointLT(m.st.at))
}

// sent reports a send in the status line.
func (m *Model) sent(r sentMsg) {
	if r.err != nil {
		m.setStatus(r.label+" not sent: "+r.err.Error(), true)
		return
	}
	m.txs.selectNewest()
	m.syncDetail()
	text := r.label + " sent"
	if r.target != nil {
		t := r.target
		text += fmt.Sprintf(": %s → %s, exit %s", t.From, t.To, t.Exit)
		if ch := changeWords(t); ch != "" {
			text += ", " + ch
		}
	}
	if r.dropped > 0 {
		text = fmt.Sprintf("Forked: %s left on the old branch (z goes back). ", describe.Count(r.dropped, "later transaction")) + text
	}
	m.setStatus(text, r.target != nil && !r.target.Tx.Success)
}

// travelled reports a move in time.
func (m *Model) travelled(r travelMsg) {
	if m.aim != nil && (*m.aim == m.st.at || r.err != nil) {
		m.aim = nil
	}
	if r.err != nil {
		m.setStatus(r.err.Error(), true)
		return
	}
	if !m.st.travelling() {
		m.setStatus("Back to now.", false)
		return
	}
	m.setStatus(m.travelText(), false)
}

// travelText says where in time the world is.
func (m *Model) travelText() string {
	st := m.st
	where := "Before any transaction"
	if st.at > 0 {
		where = fmt.Sprintf("After lt %d (%d of %d)", m.pointLT(st.at), st.at, st.total)
	}
	return fmt.Sprintf("%s: a send %s.", where, st.forkText())
}

// aimedAt is where time travel goes from: the point last asked for while
// travels are queued, else the point shown.
func (m *Model) aimedAt() int {
	if m.aim != nil {
		return *m.aim
	}
	return m.st.at
}

// pointLT is the logical time of the transaction at point n, 0 for none.
func (m *Model) pointLT(n int) uint64 { return m.st.lt(n) }

// travel asks for the world at point to.
func (m *Model) travel(to int) tea.Cmd {
	st := m.st
	switch {
	case to < st.base:
		if st.base > 0 {
			m.setStatus("This is the earliest point: the transactions before it kept no snapshot of the world.", false)
		} else {
			m.setStatus("This is the start of history.", false)
		}
		return nil
	case to > st.total:
		m.setStatus("This is now: there is no later point.", false)
		return nil
	case to == m.aimedAt():
		return nil
	}
	m.aim = &to
	return m.startOp(travelOp(to))
}

// walked handles a walkthrough's move.
func (m *Model) walked(r walkMsg) tea.Cmd {
	if m.walk == nil {
		return nil
	}
	m.walk.apply(r)
	switch {
	case r.err != nil:
		m.walkAll = false
		if errors.Is(r.err, io.EOF) {
			m.setStatus("End of the scenario.", false)
		} else {
			m.setStatus(r.err.Error(), true)
		}
		return nil
	case r.back:
		m.setStatus(fmt.Sprintf("Back before step %d: the world as it was then.", r.pos+1), false)
		return nil
	}
	n := len(m.walk.sc.Steps)
	text := fmt.Sprintf("Step %d of %d done.", r.pos, n)
	failed := r.res != nil && len(r.res.Failures) > 0
	if failed {
		text = fmt.Sprintf("Step %d of %d: %s did not hold.", r.pos, n, describe.Count(len(r.res.Failures), "expectation"))
	}
	if r.dropped > 0 {
		text = fmt.Sprintf("Forked: %s left on the old branch (z goes back). ", describe.Count(r.dropped, "later transaction")) + text
	}
	running := m.walkAll && r.all
	if running && failed {
		var keys []string
		for _, f := range r.res.Failures {
			keys = append(keys, f.Key)
		}
		m.walkFailed = append(m.walkFailed, fmt.Sprintf("step %d (%s)", r.pos, strings.Join(keys, ", ")))
	}
	if running && r.pos >= n {
		// The end of N: what did not hold on the way, not only the last step.
		text = fmt.Sprintf("Ran the scenario to its end (%s); no expectation failed.", describe.Count(n, "step"))
		if k := len(m.walkFailed); k > 0 {
			text = fmt.Sprintf("Ran the scenario to its end: %s of %d had expectations that did not hold: %s.", describe.Count(k, "step"), n, strings.Join(m.walkFailed, ", "))
		}
		failed = len(m.walkFailed) > 0
	}
	m.setStatus(text, failed)
	if r.res != nil && r.res.Target != nil {
		m.accounts.selectAddr(r.res.Target)
		m.syncDetail()
	}
	if running && r.pos < n {
		// A step that failed its expectations does not stop N: the
		// summary at the end lists them.
		return m.startOp(walkNextOp(m.walk.nextLabel(), true))
	}
	m.walkAll, m.walkFailed = false, nil
	return nil
}

// switched reports an undo or a redo.
func (m *Model) switched(r branchMsg) {
	switch {
	case errors.Is(r.err, errNoBranch) && r.redo && r.back > 0:
		m.setStatus(fmt.Sprintf("Nothing to redo: every undone fork is back (%d); z undoes the last again.", r.back), false)
		return
	case errors.Is(r.err, errNoBranch) && r.redo:
		m.setStatus("Nothing to redo: z undoes a fork, then Z brings it back.", false)
		return
	case errors.Is(r.err, errNoBranch) && r.back > 0:
		m.setStatus(fmt.Sprintf("Nothing more to undo: the world is back before every fork (%d undone); Z redoes the last.", r.back), false)
		return
	case errors.Is(r.err, errNoBranch):
		m.setStatus("Nothing to undo: no send from the past has forked history yet.", false)
		return
	case r.err != nil:
		m.setStatus(r.err.Error(), true)
		return
	}
	if m.walk != nil {
		m.walk.restore(r.now.walk)
	}
	m.txs.selectNewest()
	m.syncDetail()
	back, key := "Undid the fork", "Z redoes it"
	if r.redo {
		back, key = "Redid the fork", "z undoes it"
	}
	m.setStatus(fmt.Sprintf("%s: back on the branch of %s; the one left (%s after the fork) is kept, %s.",
		back, describe.Count(len(r.now.txs), "transaction"), describe.Count(len(r.left.txs)-r.left.shared, "transaction"), key), false)
}
