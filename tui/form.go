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
	// focusTop and focusEnd are the lines of the focused row, its errors
	// included, as the last view drew them.
	focusTop, focusEnd int
}

// formDialog is what every dialog built on a form has: its size, the form,
// how far it is scrolled, and where the cursor lands in the focused input.
// A form taller than the terminal scrolls: to the focused row as it moves,
// and with pgup and pgdn.
type formDialog struct {
	c             *Common
	width, height int
	form          form
	sc            scroller
	// stay is set after pgup or pgdn: the next view keeps the scroll
	// rather than going back to the focused row.
	stay bool
	// cursorY is the focused input's line in the dialog, -1 when it is
	// scrolled out of view.
	cursorY int
}

// SetSize implements component.
func (d *formDialog) SetSize(width, height int) {
	d.width, d.height = width, height
	d.form.width = width
}

// Cursor is where the focused input's cursor goes, relative to the dialog.
func (d *formDialog) Cursor() *tea.Cursor {
	if d.form.cursorLine < 0 || d.cursorY < 0 {
		return nil
	}
	return tea.NewCursor(d.form.cursorCol, d.cursorY)
}

// scrollKey scrolls the dialog for pgup and pgdn (by their own names:
// ctrl+u edits a text field) and reports whether k was one.
func (d *formDialog) scrollKey(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	page := max(d.height-3, 1)
	switch k.String() {
	case "pgup":
		d.sc.top = max(d.sc.top-page, 0)
	case "pgdown":
		d.sc.top += page // window clamps it
	default:
		d.stay = false
		return false
	}
	d.stay = true
	return true
}

// ownsHelpKey implements helpKeyOwner: a focused text field types ?.
func (d *formDialog) ownsHelpKey() bool {
	f := &d.form
	return f.focus < len(f.rows) && !f.rows[f.focus].isChoice()
}

// keyGroup implements keyGuide: every form has the same keys.
func (d *formDialog) keyGroup() helpGroup { return formKeys(d.c.KeyMap) }

// wheel scrolls the dialog by d notches of the mouse wheel, and keeps
// the scroll like pgup and pgdn do.
func (d *formDialog) wheel(n int) {
	d.sc.top = max(d.sc.top+wheelLines*n, 0) // window clamps the end
	d.stay = true
}

// render lays the dialog out: its title, the lines above the form, the
// form, and the lines below it, scrolled to the focused row.
func (d *formDialog) render(title string, above, below []string) string {
	body := []string{""}
	for _, l := range above {
		body = append(body, wrapKeep(l, d.width)...)
	}
	formTop := len(body)
	body = append(body, d.form.view()...)
	for _, l := range below {
		body = append(body, wrapKeep(l, d.width)...)
	}
	h := d.height - 1
	if !d.stay {
		d.sc.reveal(formTop+d.form.focusEnd, len(body), h)
		d.sc.reveal(formTop+d.form.focusTop, len(body), h)
	}
	win := d.sc.window(d.c, body, h, "pgdn")
	d.cursorY = -1
	if line := formTop + d.form.cursorLine; d.form.cursorLine >= 0 && line >= d.sc.top && line < d.sc.top+d.sc.shown(len(body), h) {
		y := line - d.sc.top
		if d.sc.top > 0 {
			y++ // under the line that says what is above
		}
		d.cursorY = 1 + y // under the title
	}
	out := append([]string{d.c.rule(title, d.width, true)}, win...)
	return strings.Join(block(out, d.width, d.height), "\n")
}

// formRow is one row of a form.
type formRow struct {
	label string
	// hint follows the input: the field's type.
	hint string
	// choices make a choice row; otherwise the row is a text input.
	// values, when set, are what each choice stands for ("" for null).
	choices, values []string
	choice          int
	// toggle marks a Bool's choice: t, y and 1 choose true, f, n and 0
	// false.
	toggle bool
	// section, when set, is a heading drawn over the row: the rows from
	// it on are one group ("Forward's fields").
	section string
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
		if r.values != nil {
			return r.values[r.choice]
		}
		return r.choices[r.choice]
	}
	return r.input.Value()
}

// boolRow makes a Bool's row: a toggle between false and true, with null
// first when the value is optional.
func boolRow(label, hint string, optional bool) *formRow {
	r := &formRow{label: label, hint: hint, choices: []string{"false", "true"}, toggle: true}
	if optional {
		r.choices, r.values = []string{"null", "false", "true"}, []string{"", "false", "true"}
	}
	return r
}

// suggest offers completions to a text row: names of accounts or
// contracts, accepted with → at the end of the text.
func (r *formRow) suggest(names []string) *formRow {
	if len(names) == 0 || r.isChoice() {
		return r
	}
	r.input.ShowSuggestions = true
	r.input.KeyMap.AcceptSuggestion = key.NewBinding(key.WithKeys("right"))
	r.input.KeyMap.NextSuggestion = key.NewBinding(key.WithKeys("ctrl+n"))
	r.input.KeyMap.PrevSuggestion = key.NewBinding(key.WithKeys("ctrl+p"))
	r.input.SetSuggestions(names)
	return r
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
			case row.toggle && strings.ContainsAny(k.Text, "ty1") && len(k.Text) == 1:
				row.choice = len(row.choices) - 1 // true is last
			case row.toggle && strings.ContainsAny(k.Text, "fn0") && len(k.Text) == 1:
				row.choice = len(row.choices) - 2
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
// focused input's cursor is. A hint that does not fit beside its input goes
// under the focused row, and is cut, with a marker, beside the others.
func (f *form) view() []string {
	s := f.c.Styles
	lw := f.labelWidth()
	iw := max(min(f.width-lw-4, 48), 8)
	f.cursorLine = -1
	var out []string
	for i, r := range f.rows {
		if r.section != "" {
			out = append(out, "", cut("  "+s.Dim.Render(r.section), f.width))
		}
		mark := "  "
		if i == f.focus {
			mark = "▸ "
			f.focusTop = len(out)
		}
		var field, under string
		if r.isChoice() {
			field = "‹ ›"
			if len(r.choices) > 0 {
				field = "‹ " + r.choices[max(min(r.choice, len(r.choices)-1), 0)] + " ›"
			}
			switch {
			case r.toggle:
				field += s.Dim.Render("  ←/→ or t/f  " + r.hint)
			case len(r.choices) > 1:
				field += s.Dim.Render("  ←/→ " + itoa(r.choice+1) + " of " + itoa(len(r.choices)))
			}
		} else {
			w := iw
			if hw := ansi.StringWidth(r.hint); r.hint != "" && lw+4+w+2+hw > f.width {
				// Make room for the hint beside the input, down to a
				// usable input; past that the hint goes under it.
				w = max(f.width-lw-4-2-hw, min(iw, 24))
				if lw+4+w+2+hw > f.width && i == f.focus {
					under = r.hint
				}
			}
			r.input.SetWidth(max(w-1-r.suggestionRoom(), 1))
			field = fit(r.input.View(), w)
			if r.hint != "" && under == "" {
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
		if under != "" {
			for _, l := range wrap(under, f.width-lw-4) {
				out = append(out, strings.Repeat(" ", lw+4)+s.Dim.Render(l))
			}
		}
		if r.err != "" && (r.touched || f.submitted) {
			for _, l := range wrap("✗ "+r.err, f.width-lw-4) {
				out = append(out, strings.Repeat(" ", lw+4)+s.InputError.Render(l))
			}
		}
		if i == f.focus {
			f.focusEnd = len(out) - 1
		}
	}
	return out
}

// suggestionRoom is what an offered completion may add to the text: the
// longest suggestion.
func (r *formRow) suggestionRoom() int {
	if !r.input.ShowSuggestions {
		return 0
	}
	n := 0
	for _, s := range r.input.AvailableSuggestions() {
		n = max(n, ansi.StringWidth(s))
	}
	return n
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
