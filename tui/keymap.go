package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key the UI answers to. Components read it from
// [Common]; change a binding here and the help follows.
type KeyMap struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	// Left and Right change a choice in a form.
	Left, Right key.Binding

	NextPane, PrevPane key.Binding
	// Enter opens or confirms what is selected: travels to a transaction,
	// takes a getter's arguments, sends a form.
	Enter key.Binding
	// Back closes a dialog or clears a filter.
	Back   key.Binding
	Filter key.Binding

	Send    key.Binding
	Upgrade key.Binding
	// Protocol and Matrix act in the upgrade dialog: the next upgrade
	// protocol, the upgrade matrix of the versions it offers.
	Protocol key.Binding
	Matrix   key.Binding
	Raw      key.Binding
	// Reinstall acts in the upgrade dialog: reinstall the account with the
	// code chosen there instead (fresh data, the same address).
	Reinstall key.Binding
	// Save writes the world shown to a file.
	Save key.Binding
	// Commit commits the world shown; Commits lists the commits, to travel
	// to one.
	Commit, Commits key.Binding
	// Copy puts what is selected on the clipboard (OSC 52): an address, a
	// BOC, a value, a getter's result.
	Copy key.Binding
	// Undo puts the world back on the branch the last fork left; Redo
	// brings back the branch an undo left.
	Undo, Redo key.Binding
	// Results lists what a scenario played on opening did not do as it
	// expected.
	Results key.Binding

	// Time travel, one transaction at a time, or to either end.
	TimeBack, TimeForward key.Binding
	TimeStart, TimeNow    key.Binding

	// Walkthrough of a scenario.
	WalkNext, WalkPrev, WalkAll key.Binding

	// Trace opens the debugger on the selected transaction or getter;
	// Debugger holds the debugger's own keys.
	Trace    key.Binding
	Debugger DebuggerKeyMap

	Help key.Binding
	// Keys lists a dialog's keys where ? types: in a text field.
	Keys key.Binding
	Quit key.Binding
	// ForceQuit quits from anywhere, a text field included.
	ForceQuit key.Binding
}

// DefaultKeyMap returns the keys of bubbles' conventions: arrows or vi keys
// to move, tab between panes, enter and esc, / to filter, ? for help and q to
// quit.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last")),
		Left:     key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "previous choice")),
		Right:    key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next choice")),

		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "select")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),

		Send:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "send")),
		Upgrade:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "upgrade")),
		Protocol: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "protocol")),
		Matrix:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "upgrade matrix")),
		Raw:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "raw storage")),
		Save:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "save the world")),
		Commit:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "commit")),
		Commits:  key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "commits")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Undo:     key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "undo the fork")),
		Redo:     key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "redo the fork")),
		Results:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "scenario results")),

		Reinstall: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reinstall")),

		TimeBack:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "back in time")),
		TimeForward: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "forward in time")),
		TimeStart:   key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "to the start")),
		TimeNow:     key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "back to now")),

		WalkNext: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next step")),
		WalkPrev: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous step")),
		WalkAll:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "run to the end")),

		Trace:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "trace")),
		Debugger: DefaultDebuggerKeyMap(),

		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Keys:      key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}
