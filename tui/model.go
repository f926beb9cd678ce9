package tui

import (
	"cmp"
	"github.com/tonsim/tonsim/upgradable"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// pane is a focusable part of the main screen.
type pane int

// Tab goes through them in this order; the detail on the right shows the
// selected account after the accounts, the selected transaction after the
// log, and is focused in between, so each scrolls with the same keys.
const (
	paneAccounts pane = iota
	paneAccount       // the selected account's details and getters
	paneTxs
	paneTx   // the selected transaction's details
	paneWalk // a walkthrough's panel, first when there is one
)

// showsTx reports whether the detail shows the transaction rather than
// the account.
func (p pane) showsTx() bool { return p == paneTxs || p == paneTx }

// dialog is a component that takes the whole body for a while: a form, the
// upgrade, the getter arguments. Update returns nil when it closes.
type dialog interface {
	component
	Update(tea.Msg) (dialog, tea.Cmd)
	// Cursor is where the real cursor goes, relative to the dialog's top
	// left corner; nil hides it.
	Cursor() *tea.Cursor
}

// wheeler is a dialog the mouse wheel scrolls: by d steps, up when d is
// negative (lines of a dialog, rows of a list, steps of a trace).
type wheeler interface {
	wheel(d int)
}

// Model is the UI's root tea.Model: it owns the session on the world, lays
// out the panes, routes keys and mouse to them, and runs the world
// operations they ask for one at a time.
type Model struct {
	c     *Common
	sess  *session
	title string
	// protocols are the upgrade protocols of the caller's and the
	// scenario's own, which the upgrade dialog offers before the built-ins.
	protocols []*upgradable.Protocol
	// savePath is the file the save dialog offers.
	savePath string
	profile  colorprofile.Profile
	dark     bool

	st   *state
	args getterArgs
	// described counts the descriptions the view computed (the detail's),
	// for tests of what a key costs.
	described int
	focus     pane
	accounts  *accountsPane
	txs       *txPane
	account   *accountView
	tx        *txView
	walk      *walkPanel
	help      *helpView
	dialog    dialog
	showHelp  bool
	keys      help.Model

	status status
	busy   string
	queue  []worldOp
	// loading is set while the history is described, or a scenario
	// played, behind the screen; playing while the scenario has steps
	// left; keyed once the user pressed a key.
	loading, playing, keyed bool
	// failures are what the scenario played on opening did not do as it
	// expected, and playErr the error it stopped at; played is set once it
	// ended.
	failures []scenario.Failure
	playErr  error
	played   bool
	// playPos and playSteps say how far the scenario has played.
	playPos, playSteps int
	// clipboard is what y copied last.
	clipboard string
	// aim is the point in time last asked for while travel operations are
	// still queued, so [ pressed three times goes three steps back.
	aim     *int
	spinner spinner.Model
	// animate runs the spinner; tests turn it off so no command sleeps.
	// ticking is set while the spinner's ticks go round.
	animate, ticking bool
	// walkAll is set while the walkthrough runs to its end; walkFailed
	// are the steps it ran whose expectations did not hold, for the
	// summary at the end.
	walkAll    bool
	walkFailed []string

	width, height int
	l             layout
}

// status is the status line: a message, an error or not.
type status struct {
	text string
	err  bool
}

// New returns the root model for a world. It reads the world once, before
// the program runs, so the first frame shows it.
func New(opts Options) *Model {
	w, cat := opts.World, opts.Catalog
	if opts.Walk != nil && opts.Walk.World != nil {
		w = opts.Walk.World // the world the walkthrough's steps run on
	}
	if opts.Play != nil && opts.Play.World != nil && w == nil {
		w = opts.Play.World
	}
	var initErr error
	if w == nil {
		w, initErr = actor.NewWorld()
	}
	if cat == nil {
		cat = catalog.New()
		for _, r := range []*scenario.Runner{opts.Walk, opts.Play} {
			if r != nil && r.Catalog != nil {
				cat = r.Catalog
				break
			}
		}
	}
	c := &Common{KeyMap: DefaultKeyMap()}
	m := &Model{
		c:        c,
		sess:     newSession(w, cat, opts.Start, opts.Walk, opts.Play),
		title:    opts.Title,
		savePath: cmp.Or(opts.SavePath, defaultSavePath),
		profile:  colorprofile.TrueColor,
		dark:     true,
		args:     getterArgs{},
		keys:     help.New(),
		spinner:  spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		animate:  true,
	}
	m.accounts, m.txs = newAccountsPane(c), newTxPane(c)
	m.account = newAccountView(c)
	m.tx = newTxView(c, func(l *logLine) *describe.Tx {
		m.described++
		return describe.Describe(cat, l.tx)
	})
	m.help = &helpView{c: c, walk: opts.Walk != nil, played: opts.Play != nil}
	m.protocols = append(m.protocols, opts.Protocols...)
	for _, r := range []*scenario.Runner{opts.Walk, opts.Play} {
		if r != nil {
			m.protocols = append(m.protocols, r.Scenario.OwnProtocols()...)
		}
	}
	if opts.Walk != nil {
		m.walk = newWalkPanel(c, opts.Walk)
		if m.title == "" {
			m.title = opts.Walk.Scenario.Name
		}
	}
	if opts.Play != nil {
		m.playPos, m.playSteps = opts.Play.Position(), len(opts.Play.Scenario.Steps)
		if m.title == "" {
			m.title = opts.Play.Scenario.Name
		}
	}
	m.restyle()
	// A short history shows whole in the first frame; a long one, and a
	// scenario to play, load behind the screen from Init on.
	if opts.Play == nil {
		m.sess.load()
	}
	m.playing = m.sess.play != nil
	m.loading = m.playing || !m.sess.tl.loaded()
	m.setState(m.sess.state(m.args))
	if initErr != nil {
		m.status = status{text: initErr.Error(), err: true}
	}
	m.setFocus(m.cycle()[0])
	if m.status.text == "" {
		m.setStatus(welcome(m.walk != nil), false)
	}
	return m
}

// Init implements tea.Model: it asks the terminal for its background, to
// pick light or dark colours, and starts loading what the first frame did
// not show.
func (m *Model) Init() tea.Cmd {
	if m.loading {
		return tea.Batch(tea.RequestBackgroundColor, m.startOp(loadOp()))
	}
	return tea.RequestBackgroundColor
}

// Update implements tea.Model. It only dispatches: each message goes to
// the handler or the component it is for.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m.restyle()
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
	case spinner.TickMsg:
		if m.busy == "" {
			m.ticking = false // the spinner stops with the last operation
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case worldOp:
		return m, m.startOp(msg)
	case opDoneMsg:
		return m, m.finishOp(msg)
	case getterArgsMsg:
		m.args[msg.key] = msg.args
		return m, m.startOp(refreshOp())
	case openGetterMsg:
		m.openDialog(newGetterDialog(m.c, m.st, m.sess.cat, msg.acc, msg.getter))
	case tea.KeyPressMsg:
		m.keyed = true
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	case tea.PasteMsg:
		return m, m.forward(msg)
	}
	return m, nil
}

// forward gives a message to whatever takes text now: the dialog, or the
// focused pane's filter.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	if m.dialog != nil {
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.Update(msg)
		return cmd
	}
	return m.updatePane(msg)
}

// restyle makes the styles for the colour profile and background.
func (m *Model) restyle() {
	m.c.Styles = DefaultStyles(m.profile, m.dark)
	m.keys.Styles = m.c.Styles.Help
	m.spinner.Style = m.c.Styles.Warning
}

// setSize lays the panes out for a terminal size.
func (m *Model) setSize(width, height int) {
	m.width, m.height = width, height
	m.c.Width, m.c.Height = width, height
	m.relayout()
}

// relayout places the panes again: on a resize, and when the number of
// accounts changes.
func (m *Model) relayout() {
	if m.width == 0 {
		return
	}
	m.l = computeLayout(m.width, m.height, len(m.st.accounts), len(m.st.txs), m.walk != nil, len(m.statusLines()))
	m.accounts.SetSize(m.l.accounts.w, m.l.accounts.h)
	m.txs.SetSize(m.l.txs.w, m.l.txs.h)
	m.account.SetSize(m.l.detail.w, m.l.detail.h)
	m.tx.SetSize(m.l.detail.w, m.l.detail.h)
	if m.walk != nil {
		m.walk.SetSize(m.l.walk.w, m.l.walk.h)
	}
	m.help.SetSize(m.l.body.w, m.l.body.h)
	if m.dialog != nil {
		m.dialog.SetSize(m.l.body.w, m.l.body.h)
	}
	m.keys.SetWidth(m.width)
}

// setState shows a new reading of the world everywhere.
func (m *Model) setState(st *state) {
	m.st = st
	m.accounts.setState(st)
	m.txs.setState(st)
	if m.walk != nil {
		m.walk.st = st
	}
	m.relayout()
	m.syncDetail()
}

// syncDetail shows the selected account or transaction in the detail:
// only the one shown is described.
func (m *Model) syncDetail() {
	m.account.show(m.st, m.accounts.selected())
	if m.focus.showsTx() {
		m.tx.show(m.st, m.txs.selected())
	}
}

// setFocus focuses pane p.
func (m *Model) setFocus(p pane) {
	m.focus = p
	m.accounts.focused = p == paneAccounts
	m.account.focused = p == paneAccount
	m.txs.focused = p == paneTxs
	m.tx.focused = p == paneTx
	if m.walk != nil {
		m.walk.focused = p == paneWalk
	}
	m.syncDetail()
}

// cycle are the panes tab goes through, in order.
func (m *Model) cycle() []pane {
	ps := []pane{paneAccounts, paneAccount, paneTxs, paneTx}
	if m.walk != nil {
		ps = append([]pane{paneWalk}, ps...)
	}
	return ps
}

// nextPane focuses the pane d places on in the cycle.
func (m *Model) nextPane(d int) {
	ps := m.cycle()
	for i, p := range ps {
		if p == m.focus {
			m.setFocus(ps[(i+d+len(ps))%len(ps)])
			return
		}
	}
	m.setFocus(ps[0])
}

// openDialog shows d over the body.
func (m *Model) openDialog(d dialog) {
	m.dialog = d
	m.dialog.SetSize(m.l.body.w, m.l.body.h)
}

// setStatus says something in the status line; the panes make room when
// it wraps to more lines than before, or fewer.
func (m *Model) setStatus(text string, err bool) {
	before := m.keysY() - m.l.statusY
	m.status = status{text: text, err: err}
	if m.width > 0 && len(m.statusLines()) != before {
		m.relayout()
	}
}

// keysY is the line of the key bar.
func (m *Model) keysY() int { return m.height - 1 }
