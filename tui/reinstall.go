package tui

import (
	"math/big"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// reinstallDialog takes the init arguments of the code a reinstall puts on
// an account (see [actor.World.Reinstall]): the address and the balance
// stay, the state is discarded for the init data the form builds. Opened
// from the upgrade dialog on the code chosen there, each argument starts as
// the account's storage field of the same name, when it has one.
type reinstallDialog struct {
	formDialog
	st  *state
	cat *catalog.Catalog
	acc *accountInfo
	ct  *catalog.Contract
	err string
}

func newReinstallDialog(c *Common, st *state, cat *catalog.Catalog, acc *accountInfo, ct *catalog.Contract) *reinstallDialog {
	d := &reinstallDialog{formDialog: formDialog{c: c, form: form{c: c}}, st: st, cat: cat, acc: acc, ct: ct}
	for _, a := range ct.Package.Init.Args {
		d.form.rows = append(d.form.rows, inputRow(c, a.Name, a.Type, d.given(a), st, cat))
	}
	d.form.setFocus(0)
	d.validate()
	return d
}

// given is what an argument starts as: the current storage's field of the
// same name, written as a form takes it (the form checks it by the
// argument's type).
func (d *reinstallDialog) given(a cell.Field) string {
	if d.acc.storage == nil || d.acc.storage.Fields == nil {
		return ""
	}
	for _, f := range d.acc.storage.Fields.Fields {
		if f.Name != a.Name || f.Value == nil {
			continue
		}
		switch v := f.Value.(type) {
		case *address.Address:
			return describe.Printer{Names: d.st, Full: true}.Address(v)
		case *big.Int:
			if isCoins(a.Type) {
				return describe.TON(v)
			}
			return v.String()
		case bool, string:
			return describe.Printer{}.Value(v)
		}
	}
	return ""
}

// validate checks each argument by its type and reports whether all hold.
func (d *reinstallDialog) validate() bool {
	for i, a := range d.ct.Package.Init.Args {
		r := d.form.rows[i]
		r.err = ""
		if strings.TrimSpace(r.value()) == "" && !a.Type.Optional && a.Type.Kind != cell.KindDict {
			r.err = "required: " + a.Type.String()
		} else if err := valueError(a.Type, r.value()); err != nil {
			r.err = err.Error()
		}
	}
	return !d.form.hasErrors()
}

// data builds the init data from the arguments typed.
func (d *reinstallDialog) data() (*tvmcell.Cell, error) {
	values := map[string]any{}
	for i, a := range d.ct.Package.Init.Args {
		values[a.Name] = resolveValue(a.Type, d.form.rows[i].value(), d.st, d.cat)
	}
	return d.ct.Package.InitData(values)
}

// Update handles a message; it returns nil when the dialog closes.
func (d *reinstallDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	if d.scrollKey(msg) {
		return d, nil
	}
	ev, _, cmd := d.form.update(msg)
	switch ev {
	case formCancel:
		return nil, nil
	case formChanged:
		d.err = ""
		d.validate()
	case formSubmit:
		if !d.validate() {
			d.form.submitted = true
			return d, nil
		}
		data, err := d.data()
		if err != nil {
			d.err = fieldMessage(err)
			return d, nil
		}
		return nil, opCmd(reinstallOp("reinstall of "+d.acc.label()+" with "+d.ct.Name, d.acc.addr, d.ct.Code, data))
	}
	return d, cmd
}

// View implements component.
func (d *reinstallDialog) View() string {
	s := d.c.Styles
	above := hang(s.Warning.Render("⚠ A reinstall keeps "+d.acc.label()+"'s address and balance ("+d.acc.balance+") and discards its state: "+d.lost()), 2, d.width)
	above = append(above, wrap(s.Dim.Render(d.ct.Name+"'s init arguments; init() runs on the next message. No transaction runs."), d.width)...)
	below := []string{""}
	if d.err != "" {
		below = append(below, hang(s.Failure.Render("✗ "+d.err), 2, d.width)...)
	}
	below = append(below, s.Dim.Render("enter reinstalls · esc cancels"))
	return d.render("Reinstall "+d.acc.label()+" with "+d.ct.Name, above, below)
}

// lost says what the reinstall discards.
func (d *reinstallDialog) lost() string {
	if d.acc.storage != nil && d.acc.storage.Fields != nil {
		return d.st.printer().Value(d.acc.storage.Fields)
	}
	if d.acc.raw != "" {
		return "its data, which no package reads"
	}
	return "nothing"
}

// ShortHelp implements help.KeyMap.
func (d *reinstallDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "reinstall")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/↑↓", "argument")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *reinstallDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// operatedMsg is the end of a world operation from the UI: what it did,
// described, or why it could not.
type operatedMsg struct {
	label   string
	op      *describe.Op
	dropped int
	err     error
}

// reinstallOp reinstalls addr with code and data from where the timeline
// stands; like a send from the past, it forks history.
func reinstallOp(label string, addr *address.Address, code, data *tvmcell.Cell) worldOp {
	return worldOp{
		label: label,
		run: func(s *session) tea.Msg {
			op, err := s.world.Reinstall(addr, code, data)
			if err != nil {
				return operatedMsg{label: label, err: err}
			}
			return operatedMsg{label: label, op: describe.DescribeOp(s.cat, op), dropped: s.changed()}
		},
	}
}

// operated reports a world operation in the status line.
func (m *Model) operated(r operatedMsg) {
	if r.err != nil {
		m.setStatus(capitalize(r.label)+" not done: "+r.err.Error(), true)
		return
	}
	text := r.op.Title()
	if lines := r.op.Lines(r.op.Printer()); len(lines) > 1 {
		text += "; " + lines[1]
	}
	if r.dropped > 0 {
		text = "Forked: " + describe.Count(r.dropped, "later transaction") + " left on the old branch (z goes back). " + text
	}
	m.setStatus(text, false)
}

// operationLines are the world operations done on an account, up to the
// point the world shows, as the account pane lists them: each one's title
// at its logical time, then its facts (which the pane indents).
func operationLines(cat describe.Contracts, ops []*actor.Operation, addr *address.Address) [][]string {
	var out [][]string
	for _, op := range ops {
		if !op.Account.Equals(addr) {
			continue
		}
		d := describe.DescribeOp(cat, op)
		lines := []string{"lt " + itoa(int(op.LT)) + "  " + d.Title()}
		lines = append(lines, d.Lines(d.Printer())...)
		out = append(out, lines)
	}
	return out
}

// reinstall opens the reinstall of the account with the code chosen.
func (d *upgradeDialog) reinstall() (dialog, tea.Cmd) {
	if d.cursor >= len(d.contracts) || d.contracts[d.cursor].Package == nil {
		d.err = errNoInitArgs
		return d, nil
	}
	r := newReinstallDialog(d.c, d.st, d.cat, d.acc, d.contracts[d.cursor])
	r.SetSize(d.width, d.height)
	return r, nil
}

// operationEffect narrates a reinstall or a migration in a walkthrough:
// what it did and the facts describe gives, or why a migration was undone.
func (p *walkPanel) operationEffect(res *scenario.Result, width int) []string {
	s := p.c.Styles
	if res.Operation == nil {
		return wrap("→ "+s.Failure.Render(describe.Undone(p.cat, res.Undone)), width)
	}
	d := describe.DescribeOp(p.cat, res.Operation)
	out := wrap("→ "+s.Success.Render(d.Title()), width)
	for _, line := range d.Lines(d.Printer()) {
		out = append(out, wrap("  "+line, width)...)
	}
	return out
}
