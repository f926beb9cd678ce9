package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// playSteps is the most steps of a scenario one loading operation plays;
// it also stops after about describeChunk new transactions, so the screen
// follows the scenario and keys are answered in between.
const playSteps = 64

// player is a scenario played to its end behind the screen as the UI
// opens (see [Options].Play).
type player struct {
	run *scenario.Runner
}

// loadedMsg is the end of one loading operation: what the scenario's
// steps ran into, and how far loading is.
type loadedMsg struct {
	// failures are the expectations of the steps played that did not hold.
	failures []scenario.Failure
	// err is the error the scenario stopped at.
	err error
	// pos and steps say how far the scenario is played; ended is set when
	// it has ended, done when nothing is left to load.
	pos, steps  int
	ended, done bool
}

// loadOp plays the scenario's next steps, if it has some left, and
// describes the next transactions of the timeline.
func loadOp() worldOp {
	return worldOp{label: "loading", loads: true, run: func(s *session) tea.Msg { return s.loadNext() }}
}

func (s *session) loadNext() tea.Msg {
	var msg loadedMsg
	if p := s.play; p != nil {
		start := s.tl.len()
		for range playSteps {
			if p.run.Done() {
				break
			}
			res, err := p.run.Next()
			if err != nil {
				msg.err = err
				break
			}
			msg.failures = append(msg.failures, res.Failures...)
			if len(s.world.Transactions())-start >= s.chunk {
				break
			}
		}
		s.tl.reset(s.world)
		msg.pos, msg.steps = p.run.Position(), len(p.run.Scenario.Steps)
		if p.run.Done() || msg.err != nil {
			s.play, msg.ended = nil, true
		}
	}
	s.load()
	msg.done = s.play == nil && s.tl.loaded()
	return msg
}

// loadLabel says what loading does next, beside the spinner.
func (m *Model) loadLabel() string {
	if m.playing {
		return fmt.Sprintf("playing the scenario, step %d of %d", m.playPos+1, m.playSteps)
	}
	return fmt.Sprintf("describing %d of %d transactions", m.st.log.len(), m.st.total)
}

// loaded takes one loading operation's end: the expectations that failed,
// the error the scenario stopped at, and whether to go on.
func (m *Model) loaded(r loadedMsg) {
	m.failures = append(m.failures, r.failures...)
	if r.steps > 0 {
		m.playPos, m.playSteps = r.pos, r.steps
	}
	if r.ended {
		m.playing, m.played, m.playErr = false, true, r.err
		m.reportPlay()
	}
	if r.done {
		m.loading = false
	}
}

// reportPlay says how the scenario played on opening went: in the status
// line, and, when something did not hold and the user has not pressed a
// key yet, in the results panel.
func (m *Model) reportPlay() {
	n := len(m.failures)
	switch {
	case m.playErr != nil:
		m.setStatus(fmt.Sprintf("The scenario stopped at step %d: %v (e lists the results)", m.playPos+1, m.playErr), true)
	case n == 0:
		m.setStatus(fmt.Sprintf("The scenario played its %s; every expectation held.", describe.Count(m.playSteps, "step")), false)
		return
	default:
		m.setStatus(fmt.Sprintf("%s did not hold: %s (e lists them)", describe.Count(n, "expectation"), m.failures[0]), true)
	}
	if !m.keyed && m.dialog == nil && !m.showHelp {
		m.openDialog(m.newResultsDialog())
	}
}
