package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
)

// getterDialog takes the arguments of a getter that needs some. The values
// are kept, so the getter is evaluated again after every transaction.
type getterDialog struct {
	formDialog
	st     *state
	cat    *catalog.Catalog
	acc    *accountInfo
	getter getterInfo
}

func newGetterDialog(c *Common, st *state, cat *catalog.Catalog, acc *accountInfo, g getterInfo) *getterDialog {
	d := &getterDialog{formDialog: formDialog{c: c, form: form{c: c}}, st: st, cat: cat, acc: acc, getter: g}
	for _, a := range g.args {
		d.form.rows = append(d.form.rows, inputRow(c, a.Name, a.Type, g.given[a.Name], st, cat))
	}
	d.form.setFocus(0)
	d.validate()
	return d
}

// getterArgsMsg gives a getter its arguments.
type getterArgsMsg struct {
	key  getterKey
	args map[string]string
}

// validate checks each argument by the getter's ABI, alone: the others
// stand in with placeholders, so one wrong argument does not hide another.
func (d *getterDialog) validate() (map[string]string, bool) {
	var abi *cell.ABI
	if d.acc.contract != nil {
		abi = d.acc.contract.ABI()
	}
	given := map[string]string{}
	for i, a := range d.getter.args {
		r := d.form.rows[i]
		r.err = ""
		given[a.Name] = r.value()
		if strings.TrimSpace(r.value()) == "" && !a.Type.Optional && a.Type.Kind != cell.KindDict {
			r.err = "required: " + a.Type.String()
			continue
		}
		if err := valueError(a.Type, r.value()); err != nil {
			r.err = err.Error()
			continue
		}
		if abi == nil {
			continue
		}
		values := map[string]any{}
		for j, o := range d.getter.args {
			if j == i {
				values[o.Name] = resolveValue(o.Type, r.value(), d.st, d.cat)
			} else {
				values[o.Name] = placeholder(abi, o.Type, 0)
			}
		}
		if _, err := abi.GetterArgs(d.getter.name, values); err != nil {
			r.err = fieldMessage(err)
		}
	}
	return given, !d.form.hasErrors()
}

// fieldMessage is what a codec error says about its field, without the
// field's path.
func fieldMessage(err error) string {
	var fe *cell.FieldError
	if errors.As(err, &fe) {
		return fe.Err.Error()
	}
	return err.Error()
}

// Update handles a message; it returns nil when the dialog closes.
func (d *getterDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	if d.scrollKey(msg) {
		return d, nil
	}
	ev, _, cmd := d.form.update(msg)
	switch ev {
	case formCancel:
		return nil, nil
	case formChanged:
		d.validate()
	case formSubmit:
		given, ok := d.validate()
		if !ok {
			d.form.submitted = true
			return d, nil
		}
		k := getterKey{d.acc.addr.StringRaw(), d.getter.name}
		return nil, func() tea.Msg { return getterArgsMsg{key: k, args: given} }
	}
	return d, cmd
}

// View implements component.
func (d *getterDialog) View() string {
	return d.render("Getter "+d.getter.name+" on "+d.acc.label(), nil,
		[]string{"", d.c.Styles.Dim.Render("enter evaluates, and again after every transaction · esc cancels")})
}

// ShortHelp implements help.KeyMap.
func (d *getterDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "evaluate")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/↑↓", "argument")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *getterDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
