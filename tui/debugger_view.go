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
	h := d.height
	var foot []string
	switch {
	case d.searching:
		foot = []string{fit(d.search.View(), d.width)}
	case d.note != "":
		foot = []string{d.c.Styles.Warning.Render(fit(d.note, d.width))}
	}
	h -= len(foot)
	var body []string
	switch {
	case d.showKeys:
		body = d.keysView(h)
	case len(d.sides) == 1:
		body = d.sideView(&d.sides[0], d.width, h, true)
	default:
		w := (d.width - 3) / 2
		left := block(d.sideView(&d.sides[0], w, h, d.active == 0), w, h)
		right := block(d.sideView(&d.sides[1], d.width-3-w, h, d.active == 1), d.width-3-w, h)
		body = beside(left, right, " "+d.c.Styles.Rule.Render("│")+" ")
	}
	return strings.Join(block(append(block(body, d.width, h), foot...), d.width, d.height), "\n")
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
		"Each row is one instruction the VM ran and the gas it used; the panel beside it shows what the instruction under the cursor did to the stack, where in the code it is, and the stack before it, with the account's storage and the message body named and decoded.",
		"Across an upgrade, the old code's Upgrade and the new code's first run show side by side; tab switches sides, r moves both to their next read of the storage, to see where the new code parts from the layout the storage has.",
	} {
		out = append(out, wrap(t, d.width)...)
		out = append(out, "")
	}
	return block(out, d.width, h)
}

// sideView draws one trace in w×h: a title, a summary line, then the
// steps and the details of the one under the cursor.
func (d *debugger) sideView(s *traceSide, w, h int, focused bool) []string {
	st := d.c.Styles
	title := s.t.Title()
	if s.label != "" {
		title = s.label + " · " + title
	}
	out := []string{d.c.rule(title, w, focused && len(d.sides) > 1 || len(d.sides) == 1), d.summary(s, w)}
	h -= len(out)
	if len(s.t.Steps) == 0 {
		return append(out, st.Dim.Render("The compute phase did not run: no instruction to show."))
	}
	if w >= wideTrace {
		lw := w * 11 / 20
		list := d.stepList(s, lw, h, focused)
		detail := block(d.details(s, w-lw-3), w-lw-3, h)
		return append(out, beside(list, detail, " "+st.Rule.Render("│")+" ")...)
	}
	lh := max(h*2/5, 3)
	out = append(out, d.stepList(s, w, lh, focused)...)
	return append(out, block(d.details(s, w), w, h-lh)...)
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
