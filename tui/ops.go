package tui

import (
	tea "charm.land/bubbletea/v2"
)

// worldOp is one operation on the world. Components ask for one by
// returning [opCmd]; the root model runs them one at a time, in the order
// asked, each as a tea.Cmd off the UI goroutine.
type worldOp struct {
	// label says what runs, beside the spinner: "sending Step".
	label string
	// run does the work on the session and returns the message it ends
	// with.
	run func(*session) tea.Msg
	// keep is set for operations that do not change the world (a
	// preflight): the world is not read again after them.
	keep bool
	// reads is set for operations that only read the world, which may run
	// while a scenario still plays; the others wait for it to end.
	reads bool
	// loads marks the operation that loads the history and plays the
	// scenario behind the screen, a piece at a time.
	loads bool
}

// opCmd asks the root model to run op.
func opCmd(op worldOp) tea.Cmd {
	return func() tea.Msg { return op }
}

// opDoneMsg is a world operation's end: its own message, and the world as
// it stands after it (nil when the operation keeps the world).
type opDoneMsg struct {
	result tea.Msg
	state  *state
}

// runOpCmd runs op on s and then reads the world, with the getters' given
// arguments args.
func runOpCmd(s *session, op worldOp, args getterArgs) tea.Cmd {
	return func() tea.Msg {
		var res tea.Msg
		if op.run != nil {
			res = op.run(s)
		}
		done := opDoneMsg{result: res}
		if !op.keep {
			s.load() // what the operation ran, or the first of it
			done.state = s.state(args)
		}
		return done
	}
}

// refreshOp reads the world again, for new getter arguments.
func refreshOp() worldOp {
	return worldOp{label: "reading the world", reads: true}
}
