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
	formDialog
	// when says which point of history is saved: "now" or "after lt 8".
	when string
	// confirm is the path whose existing file the next enter replaces.
	confirm string
}

func newSaveDialog(c *Common, path, when string) *saveDialog {
	d := &saveDialog{formDialog: formDialog{c: c, form: form{c: c}}, when: when}
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
	if d.scrollKey(msg) {
		return d, nil
	}
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

// View implements component.
func (d *saveDialog) View() string {
	s := d.c.Styles
	below := []string{""}
	if d.confirm != "" {
		below = append(below, s.Warning.Render(fmt.Sprintf("⚠ %s exists: enter again replaces it", d.confirm)), "")
	}
	below = append(below,
		s.Dim.Render(fmt.Sprintf("The accounts, their names and the contracts, as the world stands %s; tonsim tui --world FILE opens it again.", d.when)),
		"", s.Dim.Render("enter saves · esc cancels"))
	return d.render("Save the world", nil, below)
}

// ShortHelp implements help.KeyMap.
func (d *saveDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *saveDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
