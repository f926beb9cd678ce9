package tui

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/scenario"
)

// defaultSavePath is where w saves the world unless [Options] say otherwise.
const defaultSavePath = "world.json"

// saveDialog asks where to save the world shown, as a file that `tonsim tui
// --world`, run, get and preflight open again. An existing file is replaced
// only on a second enter.
type saveDialog struct {
	c             *Common
	width, height int
	// when says which point of history is saved: "now" or "after lt 8".
	when    string
	form    form
	formTop int
	// confirm is the path whose existing file the next enter replaces.
	confirm string
}

func newSaveDialog(c *Common, path, when string) *saveDialog {
	d := &saveDialog{c: c, when: when, form: form{c: c}}
	d.form.rows = []*formRow{textRow(c, "file", "JSON, written atomically", path, defaultSavePath)}
	d.form.setFocus(0)
	return d
}

// savedMsg is the end of a save.
type savedMsg struct {
	path, when string
	err        error
}

// saveOp writes the world as it stands to path.
func saveOp(path, when string) worldOp {
	return worldOp{
		label: "saving the world",
		keep:  true,
		run: func(s *session) tea.Msg {
			return savedMsg{path: path, when: when, err: scenario.SaveWorld(path, s.world, s.cat)}
		},
	}
}

// path is the file named, trimmed.
func (d *saveDialog) path() string { return strings.TrimSpace(d.form.rows[0].value()) }

// Update handles a message; it returns nil when the dialog closes.
func (d *saveDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	ev, _, cmd := d.form.update(msg)
	row := d.form.rows[0]
	switch ev {
	case formCancel:
		return nil, nil
	case formChanged:
		d.confirm, row.err = "", ""
	case formSubmit:
		path := d.path()
		switch info, err := os.Stat(path); {
		case path == "":
			row.err = "required: the file to write"
		case err == nil && info.IsDir():
			row.err = path + " is a directory"
		case err == nil && d.confirm != path:
			d.confirm = path
		default:
			return nil, opCmd(saveOp(path, d.when))
		}
		d.form.submitted = true
		return d, nil
	}
	return d, cmd
}

// SetSize implements component.
func (d *saveDialog) SetSize(width, height int) {
	d.width, d.height = width, height
	d.form.width = width
}

// View implements component.
func (d *saveDialog) View() string {
	s := d.c.Styles
	out := []string{d.c.rule("Save the world", d.width, true), ""}
	d.formTop = len(out)
	out = append(out, d.form.view()...)
	out = append(out, "")
	if d.confirm != "" {
		out = append(out, s.Warning.Render(fmt.Sprintf("⚠ %s exists: enter again replaces it", d.confirm)), "")
	}
	out = append(out,
		s.Dim.Render(fmt.Sprintf("The accounts, their names and the contracts, as the world stands %s; tonsim tui --world FILE opens it again.", d.when)),
		"", s.Dim.Render("enter saves · esc cancels"))
	return strings.Join(block(out, d.width, d.height), "\n")
}

// Cursor implements dialog.
func (d *saveDialog) Cursor() *tea.Cursor { return d.form.cursor(0, d.formTop) }

// ShortHelp implements help.KeyMap.
func (d *saveDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *saveDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
