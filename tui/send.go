package tui

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// defaultValue is what a message carries unless the user says otherwise.
const defaultValue = "0.05"

// Kinds of body the send form offers besides the target's ABI messages.
const (
	bodyEmpty   = "empty"
	bodyComment = "comment"
	bodyRaw     = "raw body (BOC)"
)

// Rows of the send form before the body's own.
const (
	rowFrom = iota
	rowTo
	rowMessage
	rowValue
	rowBounce
	rowBody
)

// sendDialog is the form that sends a message: sender (a wallet), target,
// message type from the target's ABI (or an empty body, a comment, a raw
// BOC), value, bounce flag, and one input per field of the message, each
// checked by the codec as it is typed.
type sendDialog struct {
	formDialog
	st      *state
	world   names
	cat     *catalog.Catalog
	targets []*accountInfo
	// fields are the body's inputs: the message's fields, nested structs
	// flattened to dotted paths.
	fields []bodyField
}

// bodyField is one input of a typed body.
type bodyField struct {
	path []string
	typ  cell.Type
	row  *formRow
}

func newSendDialog(c *Common, st *state, cat *catalog.Catalog, target *address.Address) *sendDialog {
	d := &sendDialog{formDialog: formDialog{c: c, form: form{c: c}}, st: st, world: st, cat: cat}
	to := 0
	for _, a := range st.accounts {
		if a.status != "active" && a.status != "uninit" {
			continue
		}
		if target != nil && a.addr.Equals(target) {
			to = len(d.targets)
		}
		d.targets = append(d.targets, a)
	}
	var targetNames []string
	for _, a := range d.targets {
		targetNames = append(targetNames, a.label())
	}
	d.form.rows = []*formRow{
		choiceRow("from", st.wallets, 0),
		choiceRow("to", targetNames, to),
		choiceRow("message", nil, 0),
		textRow(c, "value", "TON", defaultValue, ""),
		choiceRow("bounce", []string{"yes", "no"}, 0),
	}
	d.buildBody(true)
	d.form.setFocus(rowMessage)
	if len(d.form.rows) > rowBody {
		d.form.setFocus(rowBody)
	}
	d.validate()
	return d
}

// target is the chosen target.
func (d *sendDialog) target() *accountInfo {
	i := d.form.rows[rowTo].choice
	if i < 0 || i >= len(d.targets) {
		return nil
	}
	return d.targets[i]
}

// abi is the target's ABI, nil when its code is unknown.
func (d *sendDialog) abi() *cell.ABI {
	if t := d.target(); t != nil && t.contract != nil {
		return t.contract.ABI()
	}
	return nil
}

// buildBody rebuilds the message choices (when the target changed) and the
// body's rows for the chosen message.
func (d *sendDialog) buildBody(targetChanged bool) {
	msgRow := d.form.rows[rowMessage]
	if targetChanged {
		var kinds []string
		if abi := d.abi(); abi != nil {
			for _, t := range abi.InternalMessages() {
				kinds = append(kinds, t.Name)
			}
		}
		msgRow.choices = append(kinds, bodyEmpty, bodyComment, bodyRaw)
		msgRow.choice = 0
	}
	d.form.rows = d.form.rows[:rowBody]
	d.fields = nil
	switch kind := msgRow.value(); kind {
	case bodyEmpty:
	case bodyComment:
		d.form.rows = append(d.form.rows, textRow(d.c, "text", "a text comment", "", ""))
	case bodyRaw:
		d.form.rows = append(d.form.rows, textRow(d.c, "body", "hex or base64 BOC", "", "b5ee9c72…"))
	default:
		if abi := d.abi(); abi != nil {
			if td, err := abi.Type(kind); err == nil {
				d.addFields(abi, td.Fields, nil, 0)
			}
		}
	}
	if len(d.form.rows) > rowBody {
		d.form.rows[rowBody].section = "the body: " + msgRow.value()
		if len(d.fields) > 0 {
			d.form.rows[rowBody].section = msgRow.value() + "'s fields"
		}
	}
}

// addFields adds a row per field, a struct's fields under its name.
func (d *sendDialog) addFields(abi *cell.ABI, fields []cell.Field, parent []string, depth int) {
	for _, f := range fields {
		path := append(append([]string{}, parent...), f.Name)
		if td, err := abi.Type(f.Type.Type); err == nil && f.Type.Kind == cell.KindSimple && !f.Type.Optional && depth < 4 {
			d.addFields(abi, td.Fields, path, depth+1)
			continue
		}
		row := inputRow(d.c, strings.Join(path, "."), f.Type, "", d.st, d.cat)
		d.fields = append(d.fields, bodyField{path: path, typ: f.Type, row: row})
		d.form.rows = append(d.form.rows, row)
	}
}

// fieldHint says a field's type and what it takes.
func fieldHint(t cell.Type) string {
	hint := t.String()
	switch {
	case t.Kind == cell.KindDict:
		return hint + " · empty for an empty map"
	case t.Optional:
		hint += " · empty for null"
	}
	switch t.Type {
	case "int", "uint":
		if t.Format == "coins" {
			hint += " · TON: 1.5, or nanotons: 1500000000n"
		}
	case "address":
		hint += " · a name (→ completes it) or an address"
	case "cell", "slice", "builder":
		hint += " · a contract name (→ completes it) or a BOC"
	}
	return hint
}

// values builds the message's values: field i as typed, or every other
// field a placeholder when alone is true.
func (d *sendDialog) values(abi *cell.ABI, only int) map[string]any {
	root := map[string]any{}
	for i, f := range d.fields {
		var v any
		if only < 0 || i == only {
			v = resolveValue(f.typ, f.row.value(), d.world, d.cat)
		} else {
			v = placeholder(abi, f.typ, 0)
		}
		m := root
		for _, p := range f.path[:len(f.path)-1] {
			next, ok := m[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[p] = next
			}
			m = next
		}
		m[f.path[len(f.path)-1]] = v
	}
	return root
}

// validate checks every row and builds the message when all are right.
func (d *sendDialog) validate() (actor.Message, bool) {
	for _, r := range d.form.rows {
		r.err = ""
	}
	var m actor.Message
	rows := d.form.rows
	from, err := d.world.Lookup(rows[rowFrom].value())
	if err != nil {
		rows[rowFrom].err = "choose a wallet: " + err.Error()
	}
	m.From = from
	if t := d.target(); t != nil {
		m.To = t.addr
	} else {
		rows[rowTo].err = "no account to send to"
	}
	value, err := cell.ParseCoins(rows[rowValue].value())
	if err != nil {
		rows[rowValue].err = err.Error()
		value = new(big.Int)
	}
	m.Value = tlb.FromNanoTON(value)
	m.NoBounce = rows[rowBounce].value() == "no"

	switch kind := rows[rowMessage].value(); kind {
	case bodyEmpty:
	case bodyComment:
		b := tvmcell.BeginCell()
		if err := b.StoreUInt(0, 32); err == nil {
			err = b.StoreStringSnake(rows[rowBody].value())
			if err != nil {
				rows[rowBody].err = err.Error()
			}
		}
		m.Body = b.EndCell()
	case bodyRaw:
		c, err := cell.ParseBOC(strings.TrimSpace(rows[rowBody].value()))
		if err != nil {
			rows[rowBody].err = err.Error()
		}
		m.Body = c
	default:
		m.Body = d.encode(kind)
	}
	return m, !d.form.hasErrors()
}

// encode checks each field alone, then encodes the message.
func (d *sendDialog) encode(kind string) *tvmcell.Cell {
	abi := d.abi()
	if abi == nil {
		d.form.rows[rowMessage].err = "the target's code is not in the catalog"
		return nil
	}
	for i, f := range d.fields {
		if strings.TrimSpace(f.row.value()) == "" && !f.typ.Optional && f.typ.Kind != cell.KindDict {
			f.row.err = "required: " + f.typ.String()
			continue
		}
		if err := valueError(f.typ, f.row.value()); err != nil {
			f.row.err = err.Error()
			continue
		}
		if _, err := abi.Encode(kind, d.values(abi, i)); err != nil {
			d.place(kind, err, i)
		}
	}
	if d.form.hasErrors() {
		return nil
	}
	body, err := abi.Encode(kind, d.values(abi, -1))
	if err != nil {
		d.place(kind, err, -1)
		if !d.form.hasErrors() {
			d.form.rows[rowMessage].err = err.Error()
		}
	}
	return body
}

// place puts a codec error on the row its path names; only, when not -1,
// is the only row it may go to.
func (d *sendDialog) place(kind string, err error, only int) {
	var fe *cell.FieldError
	if !errors.As(err, &fe) {
		if only >= 0 {
			d.fields[only].row.err = err.Error()
		}
		return
	}
	for i, f := range d.fields {
		p := kind + "." + strings.Join(f.path, ".")
		if (only < 0 || i == only) && (fe.Path == p || strings.HasPrefix(fe.Path, p+".") || strings.HasPrefix(fe.Path, p+"[")) {
			f.row.err = fe.Err.Error()
			return
		}
	}
}

// Update handles a message; it returns nil when the dialog closes.
func (d *sendDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	if d.scrollKey(msg) {
		return d, nil
	}
	ev, changed, cmd := d.form.update(msg)
	switch ev {
	case formCancel:
		return nil, nil
	case formChanged:
		switch changed {
		case rowTo:
			d.buildBody(true)
		case rowMessage:
			d.buildBody(false)
		}
		d.validate()
	case formSubmit:
		m, ok := d.validate()
		if !ok {
			d.form.submitted = true
			return d, nil
		}
		label := d.form.rows[rowMessage].value()
		return nil, opCmd(sendOp(label, m))
	}
	return d, cmd
}

// View implements component.
func (d *sendDialog) View() string {
	s := d.c.Styles
	var above []string
	if d.st.travelling() {
		above = append(above, wrap(s.Warning.Render(fmt.Sprintf("⚠ the world shows transaction %d of %d: sending %s", d.st.at, d.st.total, d.st.forkText())), d.width)...)
		above = append(above, "")
	}
	below := []string{"", s.Dim.Render("enter sends · tab/↑↓ move · ←/→ change a choice · esc cancels")}
	if t := d.target(); t != nil {
		below = append(below, "", s.Dim.Render("to "+t.addr.StringRaw()))
	}
	return d.render("Send a message", above, below)
}

// ShortHelp implements help.KeyMap.
func (d *sendDialog) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/↑↓", "field")),
		key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choice")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// FullHelp implements help.KeyMap.
func (d *sendDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// sentMsg is the end of a send: what ran, and how many transactions of a
// left future it dropped.
type sentMsg struct {
	label   string
	trace   *actor.Trace
	target  *describe.Tx
	dropped int
	err     error
}

// sendOp sends m from where the timeline stands.
func sendOp(label string, m actor.Message) worldOp {
	return worldOp{
		label: "sending " + label,
		run: func(s *session) tea.Msg {
			trace, dropped, err := s.send(m)
			res := sentMsg{label: label, trace: trace, dropped: dropped, err: err}
			if trace != nil {
				for _, tx := range trace.Transactions {
					if tx.To != nil && m.To != nil && tx.To.Equals(m.To) && !tx.External {
						res.target = s.describe(tx)
						break
					}
				}
			}
			return res
		},
	}
}
