package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// form is a column of labelled rows, each a choice (← → change it) or a
// text input, with an error under any row that has one. Only arrows and
// tab move between rows, so every letter types.
type form struct {
	c     *Common
	rows  []*formRow
	focus int
	// submitted is set once the user tried to submit: every row's error
	// shows from then on, not only those of rows already edited.
	submitted bool
	width     int
	// cursorLine and cursorCol are where the focused input's cursor was drawn, by the last
	// view: line and column; line -1 for none.
	cursorLine, cursorCol int
}

// formDialog is what every dialog built on a form has: its size, the form,
// and the line the form starts at, so the cursor lands in the focused input.
type formDialog struct {
	c             *Common
	width, height int
	form          form
	formTop       int
}

// SetSize implements component.
func (d *formDialog) SetSize(width, height int) {
	d.width, d.height = width, height
	d.form.width = width
}

// Cursor is where the focused input's cursor goes, relative to the dialog.
func (d *formDialog) Cursor() *tea.Cursor { return d.form.cursor(0, d.formTop) }

// render lays the dialog out: its title, the lines above the form, the
// form, and the lines below it.
func (d *formDialog) render(title string, above, below []string) string {
	out := append([]string{d.c.rule(title, d.width, true), ""}, above...)
	d.formTop = len(out)
	out = append(out, d.form.view()...)
	out = append(out, below...)
	return strings.Join(block(out, d.width, d.height), "\n")
}

// formRow is one row of a form.
type formRow struct {
	label string
	// hint follows the input: the field's type.
	hint string
	// choices make a choice row; otherwise the row is a text input.
	choices []string
	choice  int
	input   textinput.Model
	err     string
	touched bool
}

func (r *formRow) isChoice() bool { return r.choices != nil }

// value is the row's text, or its choice.
func (r *formRow) value() string {
	if r.isChoice() {
		if r.choice < 0 || r.choice >= len(r.choices) {
			return ""
		}
		return r.choices[r.choice]
	}
	return r.input.Value()
}

// choiceRow makes a choice row.
func choiceRow(label string, choices []string, choice int) *formRow {
	return &formRow{label: label, choices: choices, choice: max(min(choice, len(choices)-1), 0)}
}

// textRow makes a text row.
func textRow(c *Common, label, hint, value, placeholder string) *formRow {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetStyles(c.Styles.Input)
	in.SetVirtualCursor(false)
	in.SetValue(value)
	return &formRow{label: label, hint: hint, input: in}
}

// formEvent is what a key did to a form.
type formEvent int

const (
	formNone    formEvent = iota
	formMoved             // the focus moved
	formChanged           // a row's value changed
	formSubmit            // enter
	formCancel            // esc
)

// setFocus focuses row i.
func (f *form) setFocus(i int) {
	if len(f.rows) == 0 {
		return
	}
	i = max(min(i, len(f.rows)-1), 0)
	for j, r := range f.rows {
		if j == i && !r.isChoice() {
			r.input.Focus()
		} else if !r.isChoice() {
			r.input.Blur()
		}
	}
	f.focus = i
}

// update handles a message; changed is the row whose value changed.
func (f *form) update(msg tea.Msg) (ev formEvent, changed int, cmd tea.Cmd) {
	if len(f.rows) == 0 {
		return formNone, -1, nil
	}
	row := f.rows[f.focus]
	if k, ok := msg.(tea.KeyPressMsg); ok {
		km := f.c.KeyMap
		switch k.String() {
		case "tab", "down":
			f.setFocus((f.focus + 1) % len(f.rows))
			return formMoved, -1, nil
		case "shift+tab", "up":
			f.setFocus((f.focus + len(f.rows) - 1) % len(f.rows))
			return formMoved, -1, nil
		}
		switch {
		case key.Matches(k, km.Enter):
			return formSubmit, -1, nil
		case key.Matches(k, km.Back):
			return formCancel, -1, nil
		}
		if row.isChoice() {
			if len(row.choices) == 0 {
				return formNone, -1, nil
			}
			switch {
			case key.Matches(k, km.Left):
				row.choice = (row.choice + len(row.choices) - 1) % len(row.choices)
			case key.Matches(k, km.Right), k.String() == "space":
				row.choice = (row.choice + 1) % len(row.choices)
			default:
				return formNone, -1, nil
			}
			row.touched = true
			return formChanged, f.focus, nil
		}
	}
	if row.isChoice() {
		return formNone, -1, nil
	}
	before := row.input.Value()
	row.input, cmd = row.input.Update(msg)
	if row.input.Value() != before {
		row.touched = true
		return formChanged, f.focus, cmd
	}
	return formNone, -1, cmd
}

// labelWidth is the width of the label column.
func (f *form) labelWidth() int {
	w := 5
	for _, r := range f.rows {
		w = max(w, ansi.StringWidth(r.label))
	}
	return min(w, 24)
}

// view renders the rows, the focused one marked, and records where the
// focused input's cursor is.
func (f *form) view() []string {
	s := f.c.Styles
	lw := f.labelWidth()
	iw := max(min(f.width-lw-4, 48), 8)
	f.cursorLine = -1
	var out []string
	for i, r := range f.rows {
		mark := "  "
		if i == f.focus {
			mark = "▸ "
		}
		var field string
		if r.isChoice() {
			field = "‹ " + r.value() + " ›"
			if len(r.choices) > 1 {
				field += s.Dim.Render("  ←/→ " + itoa(r.choice+1) + " of " + itoa(len(r.choices)))
			}
		} else {
			r.input.SetWidth(iw - 1)
			field = fit(r.input.View(), iw)
			if r.hint != "" {
				field += "  " + s.Dim.Render(r.hint)
			}
			if i == f.focus {
				if c := r.input.Cursor(); c != nil {
					f.cursorLine, f.cursorCol = len(out), 2+lw+2+c.X
				}
			}
		}
		line := mark + s.Label.Render(fit(r.label, lw)) + "  " + field
		out = append(out, cut(line, f.width))
		if r.err != "" && (r.touched || f.submitted) {
			for _, l := range wrap("✗ "+r.err, f.width-lw-4) {
				out = append(out, strings.Repeat(" ", lw+4)+s.InputError.Render(l))
			}
		}
	}
	return out
}

// cursor returns the focused input's cursor, placed at (x, y) + where the
// form's first line was drawn; nil when no input is focused.
func (f *form) cursor(x, y int) *tea.Cursor {
	if f.cursorLine < 0 {
		return nil
	}
	return tea.NewCursor(x+f.cursorCol, y+f.cursorLine)
}

// hasErrors reports whether any row has an error.
func (f *form) hasErrors() bool {
	for _, r := range f.rows {
		if r.err != "" {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
