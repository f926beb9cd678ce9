package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/trace"
)

// Layout of the debugger: from wideTrace cells a side shows its steps
// beside the step's details, narrower one above the other.
const (
	wideTrace = 96
	// stepGasWidth is the width of the gas column.
	stepGasWidth = 5
)

// View implements component.
func (d *debugger) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	foot := d.foot()
	h := d.height - len(foot)
	var body []string
	switch {
	case d.showKeys:
		body = d.keysView(h)
	case len(d.sides) == 1:
		body = d.sideView(0, true)
	default:
		lw, lh := d.sideRoom(0)
		rw, rh := d.sideRoom(1)
		left := block(d.sideView(0, d.active == 0), lw, lh)
		right := block(d.sideView(1, d.active == 1), rw, rh)
		body = beside(left, right, " "+d.c.Styles.Rule.Render("│")+" ")
	}
	return strings.Join(block(append(block(body, d.width, h), foot...), d.width, d.height), "\n")
}

// foot is the line under the traces: the search field while searching,
// else the note of the last key, if any.
func (d *debugger) foot() []string {
	switch {
	case d.searching:
		return []string{fit(d.search.View(), d.width)}
	case d.note != "":
		return []string{d.c.Styles.Warning.Render(fit(d.note, d.width))}
	}
	return nil
}

// sideRoom is the width and height side i draws in: the whole debugger
// alone, half of it (less the rule between) across an upgrade, above the
// foot.
func (d *debugger) sideRoom(i int) (w, h int) {
	h = d.height - len(d.foot())
	if len(d.sides) == 1 {
		return d.width, h
	}
	w = (d.width - 3) / 2
	if i == 1 {
		w = d.width - 3 - w
	}
	return w, h
}

// traceLayout is where a side draws under its title and summary lines:
// its steps, and the panel of the step under the cursor beside them
// from wideTrace cells on, else under them.
type traceLayout struct {
	wide             bool
	listW, listH     int
	detailW, detailH int
}

// layoutTrace lays out a side of w×h cells.
func layoutTrace(w, h int) traceLayout {
	h -= 2 // the title and the summary
	if w >= wideTrace {
		lw := w * 11 / 20
		return traceLayout{wide: true, listW: lw, listH: h, detailW: w - lw - 3, detailH: h}
	}
	lh := max(h*2/5, 3)
	return traceLayout{listW: w, listH: lh, detailW: w, detailH: h - lh}
}

// keysView lists the debugger's keys.
func (d *debugger) keysView(h int) []string {
	hm := help.New()
	hm.Styles = d.c.Styles.Help
	hm.SetWidth(d.width)
	out := []string{d.c.rule("Debugger keys", d.width, true), ""}
	out = append(out, lines(hm.FullHelpView(d.FullHelp()))...)
	out = append(out, "")
	for _, t := range []string{
		"Each row is one instruction the VM ran and the gas it used; the panel beside it shows what the instruction under the cursor did to the stack, where in the code it is, and the stack before it, with the account's storage and the message body named and decoded; J and K scroll that panel.",
		"Across an upgrade, the old code's Upgrade and the new code's first run show side by side; tab switches sides, r moves both to their next read of the storage, to see where the new code parts from the layout the storage has.",
	} {
		out = append(out, wrap(t, d.width)...)
		out = append(out, "")
	}
	return block(out, d.width, h)
}

// sideView draws side i in its room: a title, a summary line, then the
// steps and the details of the one under the cursor.
func (d *debugger) sideView(i int, focused bool) []string {
	st := d.c.Styles
	s := &d.sides[i]
	w, h := d.sideRoom(i)
	title := s.t.Title()
	if s.label != "" {
		title = s.label + " · " + title
	}
	out := []string{d.c.rule(title, w, focused && len(d.sides) > 1 || len(d.sides) == 1), d.summary(s, w)}
	if len(s.t.Steps) == 0 {
		return append(out, st.Dim.Render("The compute phase did not run: no instruction to show."))
	}
	l := layoutTrace(w, h)
	list := d.stepList(s, l.listW, l.listH, focused)
	detail := d.detailPanel(s, l.detailW, l.detailH, focused)
	if l.wide {
		return append(out, beside(list, detail, " "+st.Rule.Render("│")+" ")...)
	}
	return append(append(out, list...), detail...)
}

// detailPanel draws the details of the step under s's cursor in w×h, from
// the line J and K scrolled it to, with a line at either end saying how
// much more there is and the key that shows it: tab first, on the side
// that is not active.
func (d *debugger) detailPanel(s *traceSide, w, h int, active bool) []string {
	km := d.c.KeyMap.Debugger
	down, up := km.StackDown.Help().Key, km.StackUp.Help().Key
	if !active {
		tab := km.Side.Help().Key + ", then "
		down, up = tab+down, tab+up
	}
	return block(s.detail.windowKeys(d.c, d.details(s, w), h, down, up), w, h)
}

// summary is a side's second line: the contract, the run's end and
// whether the rerun reproduced the first run.
func (d *debugger) summary(s *traceSide, w int) string {
	st := d.c.Styles
	t := s.t
	exit := t.Exit.Short()
	if t.Exit.OK() {
		exit = st.Success.Render(exit)
	} else {
		exit = st.Failure.Render(exit)
	}
	check := st.Dim.Render("reproduces the first run")
	if t.Check != nil {
		check = st.Failure.Render("✗ differs from the first run")
	}
	line := fmt.Sprintf("%s · %d steps · gas %d · %s · %s", describe.ContractName(t.Contract), len(t.Steps), t.GasUsed, exit, check)
	return fit(line, w)
}

// stepList draws the steps around the cursor, one row each: the step,
// the instruction, the gas it used and what it does.
func (d *debugger) stepList(s *traceSide, w, h int, focused bool) []string {
	st := d.c.Styles
	rows := max(h-1, 1)
	if s.cur < s.top {
		s.top = s.cur
	}
	if s.cur >= s.top+rows {
		s.top = s.cur - rows + 1
	}
	s.top = max(min(s.top, len(s.t.Steps)-rows), 0)
	out := []string{st.ColumnHeader.Render(fit(fmt.Sprintf("  %5s  %-*s %*s", "step", max(w-20, 4), "instruction", stepGasWidth, "gas"), w))}
	for i := s.top; i < len(s.t.Steps) && i < s.top+rows; i++ {
		out = append(out, d.stepRow(s, i, w, focused))
	}
	return block(out, w, h)
}

// stepRow is one step of the list.
func (d *debugger) stepRow(s *traceSide, i, w int, focused bool) string {
	st := d.c.Styles
	step := s.t.Steps[i]
	flag := ""
	switch {
	case step.Exception != nil:
		flag = "✗"
	case s.t.Has(i, trace.MarkSetCode), s.t.Has(i, trace.MarkSend), s.t.Has(i, trace.MarkAccept),
		s.t.Has(i, trace.MarkC4), s.t.Has(i, trace.MarkC5):
		flag = "◆"
	case s.t.Has(i, trace.MarkRead):
		flag = "·"
	}
	opw := max(w-20, 4)
	row := fmt.Sprintf("%s %5d  %s %*d %s", cursorMark(i == s.cur), i+1, fit(step.Text(), opw), stepGasWidth, step.Gas, flag)
	row = fit(row, w)
	switch {
	case i == s.cur && focused:
		return st.Selected.Render(row)
	case i == s.cur:
		return st.SelectedBlurred.Render(row)
	case step.Exception != nil:
		return st.Failure.Render(row)
	}
	return row
}

func cursorMark(on bool) string {
	if on {
		return "▸"
	}
	return " "
}

// details is what the step under the cursor did, then the stack before
// it.
func (d *debugger) details(s *traceSide, w int) []string {
	st := d.c.Styles
	t, i := s.t, s.cur
	step := t.Steps[i]
	out := []string{
		fit(fmt.Sprintf("step %d of %d · %s", i+1, len(t.Steps), step.Text()), w),
		fit(fmt.Sprintf("gas %d · %d before it · %d in all", step.Gas, s.spent[i], t.GasUsed), w),
		fit("in "+t.Where(i)+" · code "+step.Pos.String(), w),
	}
	if e := step.Exception; e != nil {
		out = append(out, wrapStyled(st.Failure.Render, "✗ "+e.String(), w)...)
	}
	if marks := t.Marks(i); len(marks) > 0 {
		names := make([]string, len(marks))
		for k, m := range marks {
			names[k] = m.String()
		}
		out = append(out, fit("does: "+strings.Join(names, ", "), w))
	}
	for _, n := range step.Notes {
		out = append(out, wrap("↳ "+n, w)...)
	}
	out = append(out, d.changeLines(t, i, w)...)
	out = append(out, d.c.rule(fmt.Sprintf("Stack before (%d)", len(step.Stack)), w, false))
	for k := len(step.Stack) - 1; k >= 0; k-- {
		v := t.Value(step.Stack[k])
		out = append(out, fit(fmt.Sprintf("s%-2d %s", len(step.Stack)-1-k, v.Text), w))
		if n := v.Note(); n != "" {
			for _, l := range wrap(n, max(w-4, 8)) {
				out = append(out, "    "+st.Dim.Render(l))
			}
		}
	}
	return out
}

// changeLines say what the step did to the stack: the values it popped
// and those it pushed.
func (d *debugger) changeLines(t *trace.Trace, i, w int) []string {
	c := t.Change(i)
	short := func(vs []any) string {
		parts := make([]string, len(vs))
		for k, v := range vs {
			parts[k] = t.Value(v).Short()
		}
		return strings.Join(parts, " · ")
	}
	var out []string
	if len(c.Popped) > 0 {
		out = append(out, wrap("pop  "+short(c.Popped), w)...)
	}
	if len(c.Pushed) > 0 {
		out = append(out, wrap("push "+short(c.Pushed), w)...)
	}
	if len(out) == 0 && c.Moved {
		out = append(out, "(reordered the stack)")
	}
	return out
}

// wrapStyled wraps text and styles each line.
func wrapStyled(style func(...string) string, text string, w int) []string {
	ls := wrap(text, w)
	for i := range ls {
		ls[i] = style(ls[i])
	}
	return ls
}
