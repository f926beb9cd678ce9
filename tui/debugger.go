package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/trace"
)

// debugger steps through one TVM run, or two side by side across an
// upgrade (the old code's Upgrade, the new code's first run): a list of
// the instructions with the gas each used, and for the one under the
// cursor what it did to the stack, where in the code it is, the exception
// it threw, and the stack, with the account's storage and the message
// body decoded where they appear. Keys jump to the exception, to what an
// instruction does (SETCODE, SENDRAWMSG, ACCEPT, a write of c4 or c5, a
// read of the storage) and to an instruction found by name.
type debugger struct {
	c             *Common
	width, height int
	sides         []traceSide
	active        int

	search    textinput.Model
	searching bool
	query     string
	showKeys  bool
	// note says what the last key did when it found nothing: "no SETCODE
	// after step 12".
	note string
}

// traceSide is one trace the debugger shows and where its cursor is.
type traceSide struct {
	t *trace.Trace
	// label says which side of an upgrade the trace is: "old code", "new
	// code"; "" alone.
	label string
	cur   int
	// top is the first step the list shows.
	top int
	// spent[i] is the gas the steps before step i used.
	spent []int64
	// detail is how far the panel of the step under the cursor is
	// scrolled (J and K): it keeps its line as the cursor moves, within
	// the lines the step has.
	detail scroller
}

func newTraceSide(t *trace.Trace) traceSide {
	s := traceSide{t: t, spent: make([]int64, len(t.Steps)+1)}
	for i, st := range t.Steps {
		s.spent[i+1] = s.spent[i] + st.Gas
	}
	if f := t.Failure(); f != nil {
		s.cur = f.Step
	}
	return s
}

func newDebugger(c *Common, sides []traceSide) *debugger {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "instruction, such as LDU or SETCODE"
	in.SetVirtualCursor(false)
	in.SetStyles(c.Styles.Input)
	d := &debugger{c: c, sides: sides, search: in}
	if len(sides) > 1 {
		d.active = len(sides) - 1 // the new code's side, where it fails
	}
	return d
}

// SetSize implements component.
func (d *debugger) SetSize(width, height int) { d.width, d.height = width, height }

// statusText is what the status line says when the debugger opens.
func (d *debugger) statusText() string {
	s := &d.sides[d.active]
	if s.t.Check != nil {
		return "The trace does not reproduce the first run: " + s.t.Check.Error()
	}
	text := fmt.Sprintf("Traced %s: %d steps, gas %d, %s", s.t.Title(), len(s.t.Steps), s.t.GasUsed, s.t.Exit.Short())
	if f := s.t.Failure(); f != nil {
		text += fmt.Sprintf(" at step %d", f.Step+1)
	}
	if nc := s.t.NewCode; nc != nil && nc.First >= 0 && len(d.sides) == 1 {
		text += fmt.Sprintf("; %s ran inside it from step %d: no second run",
			describe.ContractName(nc.Contract), nc.First+1)
	}
	return text + "; ? lists the keys."
}

// mismatch reports whether a trace came out otherwise than its first run.
func (d *debugger) mismatch() bool {
	for _, s := range d.sides {
		if s.t.Check != nil {
			return true
		}
	}
	return false
}

// Update handles a message; it returns nil when the debugger closes.
func (d *debugger) Update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d.searching {
			return d, d.searchKey(msg)
		}
		return d.key(msg)
	case tea.PasteMsg:
		if d.searching {
			var cmd tea.Cmd
			d.search, cmd = d.search.Update(msg)
			return d, cmd
		}
	}
	return d, nil
}

func (d *debugger) key(msg tea.KeyPressMsg) (dialog, tea.Cmd) {
	km := d.c.KeyMap.Debugger
	s := &d.sides[d.active]
	d.note = ""
	switch {
	case key.Matches(msg, km.Close):
		return nil, nil
	case key.Matches(msg, km.Help):
		d.showKeys = !d.showKeys
	case key.Matches(msg, km.Side):
		d.active = (d.active + 1) % len(d.sides)
	case key.Matches(msg, km.Next):
		s.move(s.cur + 1)
	case key.Matches(msg, km.Prev):
		s.move(s.cur - 1)
	case key.Matches(msg, km.PageDown):
		s.move(s.cur + d.page())
	case key.Matches(msg, km.PageUp):
		s.move(s.cur - d.page())
	case key.Matches(msg, km.StackDown):
		d.scrollDetail(d.active, 1)
	case key.Matches(msg, km.StackUp):
		d.scrollDetail(d.active, -1)
	case key.Matches(msg, km.First):
		s.move(0)
	case key.Matches(msg, km.Last):
		s.move(len(s.t.Steps) - 1)
	case key.Matches(msg, km.Exception):
		if f := s.t.Failure(); f != nil {
			s.move(f.Step)
		} else if i := s.t.Next(-1, trace.MarkException, 1); i >= 0 {
			s.move(i)
		} else {
			d.note = "This run threw no exception."
		}
	case key.Matches(msg, km.Read, km.ReadBk):
		d.jumpAll(trace.MarkRead, direction(key.Matches(msg, km.ReadBk)))
	case key.Matches(msg, km.Search):
		d.searching = true
		d.search.SetValue(d.query)
		d.search.CursorEnd()
		return d, d.search.Focus()
	case key.Matches(msg, km.Match, km.MatchBk):
		d.find(direction(key.Matches(msg, km.MatchBk)))
	default:
		for _, j := range []struct {
			fwd, back key.Binding
			m         trace.Mark
		}{
			{km.SetCode, km.SetCodeBk, trace.MarkSetCode},
			{km.Send, km.SendBk, trace.MarkSend},
			{km.Accept, km.AcceptBk, trace.MarkAccept},
			{km.C4, km.C4Bk, trace.MarkC4},
			{km.C5, km.C5Bk, trace.MarkC5},
		} {
			if key.Matches(msg, j.fwd, j.back) {
				d.jump(s, j.m, direction(key.Matches(msg, j.back)))
			}
		}
	}
	for i := range d.sides {
		d.scrollDetail(i, 0)
	}
	return d, nil
}

// scrollDetail scrolls the panel of the step under side i's cursor by n
// lines, kept within the step's lines: 0 only keeps it there, after the
// cursor moved to a step with fewer.
func (d *debugger) scrollDetail(i, n int) {
	s := &d.sides[i]
	if len(s.t.Steps) == 0 {
		return
	}
	l := layoutTrace(d.sideRoom(i))
	s.detail.by(n, len(d.details(s, l.detailW)), l.detailH)
}

// ownsHelpKey implements helpKeyOwner: ? lists the debugger's keys in
// its own pane, beside the trace.
func (d *debugger) ownsHelpKey() bool { return true }

// wheel steps the active trace by d steps, as ↓ and ↑ do.
func (d *debugger) wheel(n int) {
	s := &d.sides[d.active]
	s.move(s.cur + n)
}

func direction(back bool) int {
	if back {
		return -1
	}
	return 1
}

// jump moves s to its next step that does m, or says there is none.
func (d *debugger) jump(s *traceSide, m trace.Mark, dir int) {
	if i := s.t.Next(s.cur, m, dir); i >= 0 {
		s.move(i)
		return
	}
	d.note = fmt.Sprintf("No %s %s step %d.", m, beforeAfter(dir), s.cur+1)
}

func beforeAfter(dir int) string {
	if dir < 0 {
		return "before"
	}
	return "after"
}

// jumpAll moves every side to its next step that does m, so two traces
// read the storage in step with each other.
func (d *debugger) jumpAll(m trace.Mark, dir int) {
	if len(d.sides) == 1 {
		d.jump(&d.sides[0], m, dir)
		return
	}
	moved := false
	for i := range d.sides {
		s := &d.sides[i]
		if j := s.t.Next(s.cur, m, dir); j >= 0 {
			s.move(j)
			moved = true
		}
	}
	if !moved {
		d.note = fmt.Sprintf("No %s on either side.", m)
	}
}

// find moves to the next step whose instruction holds the query.
func (d *debugger) find(dir int) {
	if d.query == "" {
		d.note = "Nothing to find yet: / asks for an instruction."
		return
	}
	s := &d.sides[d.active]
	if i := s.t.Search(s.cur, d.query, dir); i >= 0 {
		s.move(i)
		return
	}
	d.note = fmt.Sprintf("No instruction %q %s step %d.", d.query, beforeAfter(dir), s.cur+1)
}

// searchKey edits the search; enter finds, esc gives up.
func (d *debugger) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	km := d.c.KeyMap
	switch {
	case key.Matches(msg, km.Enter):
		d.searching = false
		d.search.Blur()
		d.query = d.search.Value()
		d.find(1)
		return nil
	case key.Matches(msg, km.Back):
		d.searching = false
		d.search.Blur()
		return nil
	}
	var cmd tea.Cmd
	d.search, cmd = d.search.Update(msg)
	return cmd
}

// atLastRead puts the cursor on the last read of the storage, where the
// old code has read the whole layout the storage has; a side that failed
// stays at its exception.
func (s *traceSide) atLastRead() {
	if s.t.Failure() != nil {
		return
	}
	if i := s.t.Next(len(s.t.Steps), trace.MarkRead, -1); i >= 0 {
		s.cur = i
	}
}

// move puts the cursor on step i, kept within the trace.
func (s *traceSide) move(i int) {
	s.cur = max(min(i, len(s.t.Steps)-1), 0)
}

// page is how many steps a page moves.
func (d *debugger) page() int { return max(d.height/3, 1) }

// Cursor implements dialog: the search field's, while searching.
func (d *debugger) Cursor() *tea.Cursor {
	if !d.searching {
		return nil
	}
	c := d.search.Cursor()
	if c != nil {
		c.Y = d.height - 1
	}
	return c
}

// ShortHelp implements help.KeyMap.
func (d *debugger) ShortHelp() []key.Binding {
	km := d.c.KeyMap.Debugger
	if d.searching {
		return []key.Binding{d.c.KeyMap.Enter, d.c.KeyMap.Back}
	}
	b := []key.Binding{km.Next, km.Prev, km.Exception, km.Read, km.Search, km.Help, km.Close}
	if len(d.sides) > 1 {
		b = append([]key.Binding{km.Side}, b...)
	}
	return b
}

// FullHelp implements help.KeyMap.
func (d *debugger) FullHelp() [][]key.Binding {
	km := d.c.KeyMap.Debugger
	return [][]key.Binding{
		{km.Next, km.Prev, km.PageDown, km.PageUp, km.First, km.Last, km.StackDown, km.StackUp},
		{km.Exception, km.SetCode, km.Send, km.Accept, km.C4, km.C5, km.Read},
		{km.Search, km.Match, km.Side, km.Help, km.Close},
	}
}

var _ dialog = (*debugger)(nil)
