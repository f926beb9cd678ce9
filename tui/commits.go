package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// The world's commits in the UI: c commits the world shown (a name, or
// none), C lists the commits and travels to one. A commit in the history
// the log shows is a point of it, travelled to as [ and ] travel (the
// commit's exact state: its clock and names too); any other (a saved
// world's, one on a branch a fork left) becomes the world as a fork's undo
// switches branches, the branch left kept for z.

// commitsState is the world's commits as a state read them, oldest first;
// which one the world is at (the newest with its state root, clock and
// logical time, -1 for none); and the point of the timeline each is at, -1
// for one off it.
type commitsState struct {
	list   []actor.Commit
	here   int
	points []int
}

// commitsState reads the world's commits.
func (s *session) commitsState() commitsState {
	cs := commitsState{list: s.world.Commits(), here: -1}
	root, now, lt := s.world.StateRoot(), s.world.Now(), s.world.LT()
	for i, c := range cs.list {
		if c.Root == root && c.Now() == now && c.LT() == lt {
			cs.here = i
		}
		p, ok := s.tl.pointOf(c)
		if !ok {
			p = -1
		}
		cs.points = append(cs.points, p)
	}
	return cs
}

// pointOf returns the point of the timeline a commit is at: the history it
// kept is the first transactions of the timeline's, from its earliest
// point on (for a commit before any, the start is the same world).
func (t *timeline) pointOf(c actor.Commit) (int, bool) {
	hist := c.Transactions()
	p := len(hist)
	if p < t.base || p > len(t.txs) {
		return 0, false
	}
	switch {
	case p > 0 && hist[p-1] != t.txs[p-1]:
		return 0, false
	case p == 0 && (t.origin == nil || t.origin.Root() != c.Root || t.origin.LT() != c.LT()):
		// No transaction to tell by: the start must be the same world.
		return 0, false
	}
	return p, true
}

// toCommit moves the world to a commit: a point of the timeline, or, for a
// commit off it, the world the commit holds with the branch left kept for
// undo. It reports which.
func (s *session) toCommit(c actor.Commit) (branched bool, err error) {
	if p, ok := s.tl.pointOf(c); ok {
		head := s.tl.head
		if !s.tl.travelling() && head == nil {
			head = s.world.Snapshot()
		}
		if err := s.world.Checkout(c); err != nil {
			return false, err
		}
		s.tl.at, s.tl.head = p, head
		if p == s.tl.len() {
			s.tl.head = nil // the newest point, as the commit has it
		}
		return false, nil
	}
	left := s.branch()
	if err := s.world.Checkout(c); err != nil {
		return false, err
	}
	s.undo, s.redo = append(s.undo, left), nil
	s.tl.reset(s.world)
	return true, nil
}

// committedMsg is the end of a commit: the commit made.
type committedMsg struct {
	commit actor.Commit
	err    error
}

// commitOp commits the world shown, under name ("" for none).
func commitOp(name string) worldOp {
	return worldOp{
		label: "committing the world",
		run: func(s *session) tea.Msg {
			var base actor.Base = actor.CommitName(name)
			if name == "" {
				base = s.world.Commit()
			} else if _, err := s.world.CommitAs(name); err != nil {
				return committedMsg{err: err}
			}
			c, err := s.world.FindCommit(base)
			return committedMsg{commit: c, err: err}
		},
	}
}

// commitTravelMsg is the end of a move to a commit.
type commitTravelMsg struct {
	commit   actor.Commit
	branched bool
	err      error
}

// commitTravelOp moves the world to a commit.
func commitTravelOp(c actor.Commit) worldOp {
	return worldOp{
		label: "travelling to commit " + describe.CommitName(c),
		run: func(s *session) tea.Msg {
			branched, err := s.toCommit(c)
			return commitTravelMsg{commit: c, branched: branched, err: err}
		},
	}
}

// committed reports a commit in the status line.
func (m *Model) committed(r committedMsg) {
	if r.err != nil {
		m.setStatus("Not committed: "+r.err.Error(), true)
		return
	}
	m.setStatus("Committed "+describe.Commit(r.commit)+"; C lists the commits.", false)
}

// travelledToCommit reports a move to a commit.
func (m *Model) travelledToCommit(r commitTravelMsg) {
	m.aim = nil
	switch {
	case r.err != nil:
		m.setStatus("Not moved to the commit: "+r.err.Error(), true)
	case r.branched:
		m.txs.selectNewest()
		m.syncDetail()
		m.setStatus(fmt.Sprintf("At commit %s (off this history: the world it holds, with its own history); the branch left is kept, z goes back.", describe.Commit(r.commit)), false)
	case m.st.travelling():
		m.setStatus(fmt.Sprintf("At commit %s. %s", describe.CommitName(r.commit), m.travelText()), false)
	default:
		m.setStatus(fmt.Sprintf("At commit %s: the newest point.", describe.Commit(r.commit)), false)
	}
}

// commitDialog asks for the name of a commit of the world shown.
type commitDialog struct {
	formDialog
	// when says which point of history is committed: "now" or "after lt 8".
	when string
}

func newCommitDialog(c *Common, when string) *commitDialog {
	d := &commitDialog{formDialog: formDialog{c: c, form: form{c: c}}, when: when}
	d.form.rows = []*formRow{textRow(c, "name", "optional: none for an unnamed commit", "", "before-upgrade")}
	d.form.setFocus(0)
	return d
}

// Update handles a message; it returns nil when the dialog closes.
func (d *commitDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	if d.scrollKey(msg) {
		return d, nil
	}
	ev, _, cmd := d.form.update(msg)
	row := d.form.rows[0]
	switch ev {
	case formCancel:
		return nil, nil
	case formChanged:
		row.err = ""
	case formSubmit:
		name := strings.TrimSpace(row.value())
		if name != "" {
			if err := actor.CheckName(name); err != nil {
				row.err, d.form.submitted = err.Error(), true
				return d, nil
			}
		}
		return nil, opCmd(commitOp(name))
	}
	return d, cmd
}

// View implements component.
func (d *commitDialog) View() string {
	s := d.c.Styles
	below := []string{"",
		s.Dim.Render(fmt.Sprintf("Records the world as it stands %s: its accounts, names, clock and logical time, by its state root. A name given again moves to this commit. C lists the commits and travels back to them; a saved world (w) keeps them.", d.when)),
		"", s.Dim.Render("enter commits · esc cancels")}
	return d.render("Commit the world", nil, below)
}

// ShortHelp implements help.KeyMap.
func (d *commitDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "commit")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *commitDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// commitsDialog lists the world's commits, oldest first; enter travels to
// the selected one.
type commitsDialog struct {
	c             *Common
	width, height int
	st            commitsState
	list          list
	when          string
}

func (m *Model) newCommitsDialog() *commitsDialog {
	d := &commitsDialog{c: m.c, st: m.st.commits, list: newList(m.c), when: m.whenText()}
	d.list.n = len(d.st.list)
	d.list.cursor = len(d.st.list) - 1
	if d.st.here >= 0 {
		d.list.cursor = d.st.here
	}
	return d
}

// SetSize implements component.
func (d *commitsDialog) SetSize(width, height int) {
	d.width, d.height = width, height
	d.list.setHeight(max(height-6, 1))
}

// View implements component.
func (d *commitsDialog) View() string {
	s := d.c.Styles
	out := []string{d.c.rule(fmt.Sprintf("Commits (%d)", len(d.st.list)), d.width, true), ""}
	if len(d.st.list) == 0 {
		out = append(out, wrap("No commits yet: c commits the world shown, and so does a scenario's commit: step. Each keeps the world's state by its state root, to come back to.", d.width)...)
	} else {
		out = append(out, d.list.rows(d.width, true, d.row)...)
	}
	out = append(out, "")
	out = append(out, wrap(s.Dim.Render("● marks the commit of the world shown ("+d.when+"). Enter travels to the selected commit: one of this history like a point of time ([ and ] go on from there), another (a saved world's, another branch's) as a switch of branch that z undoes."), d.width)...)
	out = append(out, s.Dim.Render("enter travels · c commits · esc closes"))
	return strings.Join(block(out, d.width, d.height), "\n")
}

// row renders commit i: whether the world is there, its name, state root,
// logical time, where it is in history and its clock (cut first when the
// line is too long).
func (d *commitsDialog) row(i, width int) string {
	c := d.st.list[i]
	mark := "  "
	if i == d.st.here {
		mark = "● "
	}
	where := describe.CommitHistory(c)
	if d.st.points[i] < 0 {
		where = "off this history, " + where
	}
	return fit(fmt.Sprintf("%s%-16s %s  lt %-6d %s · %s", mark, cut(describe.CommitName(c), 16), describe.Root(c.Root), c.LT(), where, describe.Time(c.Now())), width)
}

// Update handles a key; it returns nil when the dialog closes.
func (d *commitsDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	km := d.c.KeyMap
	switch {
	case key.Matches(k, km.Back, km.Commits):
		return nil, nil
	case key.Matches(k, km.Commit):
		nd := newCommitDialog(d.c, d.when)
		nd.SetSize(d.width, d.height)
		return nd, nil
	case key.Matches(k, km.Enter):
		if len(d.st.list) == 0 {
			return d, nil
		}
		return nil, opCmd(commitTravelOp(d.st.list[d.list.selected()]))
	default:
		d.list.updateNav(k)
	}
	return d, nil
}

// wheel scrolls the list of commits by d rows.
func (d *commitsDialog) wheel(n int) { d.list.scroll(n) }

// Cursor implements dialog: there is no text input.
func (d *commitsDialog) Cursor() *tea.Cursor { return nil }

// ShortHelp implements help.KeyMap.
func (d *commitsDialog) ShortHelp() []key.Binding {
	km := d.c.KeyMap
	return []key.Binding{km.Up, km.Down, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "travel")), km.Commit, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close"))}
}

// FullHelp implements help.KeyMap.
func (d *commitsDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
