package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// accountView shows the selected account: its address, status and balance,
// the contract its code is and the version it reports, its storage decoded
// by its ABI (the raw cell tree on a toggle), a pending lazy migration, and
// every getter of its ABI with its value now. Focused, it moves a cursor
// over the getters; enter takes the arguments of a getter that needs some.
type accountView struct {
	c             *Common
	width, height int
	focused       bool
	raw           bool
	st            *state
	acc           *accountInfo
	getter        int // cursor over acc.getters
	sc            scroller
	// getterAt is the line of content each getter starts at, as the last
	// content drew them (a long value wraps).
	getterAt []int
}

func newAccountView(c *Common) *accountView {
	return &accountView{c: c, st: &state{}}
}

// SetSize implements component.
func (v *accountView) SetSize(width, height int) { v.width, v.height = width, height }

// show shows acc, as of st.
func (v *accountView) show(st *state, acc *accountInfo) {
	if acc == nil || v.acc == nil || !acc.addr.Equals(v.acc.addr) {
		v.getter, v.sc = 0, scroller{}
	}
	v.st, v.acc = st, acc
	if acc != nil {
		v.getter = min(v.getter, max(len(acc.getters)-1, 0))
	}
}

// openGetterMsg asks for a form taking the arguments of a getter.
type openGetterMsg struct {
	acc    *accountInfo
	getter getterInfo
}

// Update handles a key while the pane is focused: up and down move over
// the getters (and scroll past the first and the last), pgup, pgdn, home
// and end scroll, enter takes a getter's arguments.
func (v *accountView) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || v.acc == nil {
		return nil
	}
	km := v.c.KeyMap
	n, h := len(v.content()), v.height-1
	getters := len(v.acc.getters)
	switch {
	case key.Matches(k, km.Up) && getters > 0 && v.getter > 0:
		v.getter--
		v.follow()
	case key.Matches(k, km.Down) && getters > 0 && v.getter < getters-1:
		v.getter++
		v.follow()
	case key.Matches(k, km.Top):
		v.sc.top, v.getter = 0, 0
	case key.Matches(k, km.Bottom):
		v.sc.key(km, k, n, h, false)
		v.getter = max(getters-1, 0)
	case v.sc.key(km, k, n, h, true):
	case key.Matches(k, km.Enter):
		if v.takesArgs() {
			acc, g := v.acc, v.acc.getters[v.getter]
			return func() tea.Msg { return openGetterMsg{acc: acc, getter: g} }
		}
	}
	return nil
}

// scrollBy scrolls the text by d lines.
func (v *accountView) scrollBy(d int) { v.sc.by(d, len(v.content()), v.height-1) }

// follow scrolls so the getter under the cursor shows.
func (v *accountView) follow() {
	n := len(v.content())
	if v.getter >= len(v.getterAt) {
		return
	}
	v.sc.reveal(v.getterAt[v.getter], n, v.height-1)
}

// clickGetter puts the cursor on the getter at line y of the pane.
func (v *accountView) clickGetter(y int) {
	if v.acc == nil {
		return
	}
	v.content()
	line := y - 1 + v.sc.top
	if v.sc.top > 0 {
		line-- // the line that says what is above
	}
	for i, at := range v.getterAt {
		if line >= at && (i+1 == len(v.getterAt) || line < v.getterAt[i+1]) {
			v.getter = i
		}
	}
}

// View implements component.
func (v *accountView) View() string {
	title := "Account"
	if v.acc != nil {
		title = v.acc.label()
	}
	return v.c.page(title, v.focused, v.content(), &v.sc, v.width, v.height, scrollHint(v.focused))
}

// content is every line under the title.
func (v *accountView) content() []string {
	a := v.acc
	if a == nil {
		return []string{v.c.Styles.Dim.Render("no account selected")}
	}
	s := v.c.Styles
	const lw = 9
	out := v.c.labeledWrap("address", a.addr.StringRaw(), lw, v.width)
	out = append(out,
		v.c.labeled("status", a.status+"   "+s.Label.Render("balance ")+a.balance, lw),
	)
	if a.wallet {
		out = append(out, v.c.labeled("kind", "wallet (sends for the user)", lw))
	}
	if a.codeHash != "" {
		code := "#" + a.codeHash[:16] + "…"
		if a.contract != nil {
			code = s.Name.Render(a.contract.Name) + " " + s.Dim.Render(code)
		} else {
			code += s.Dim.Render(" (not in the catalog)")
		}
		out = append(out, v.c.labeled("code", code, lw))
	}
	switch {
	case a.version != "":
		out = append(out, v.c.labeled("version", a.version, lw))
	case a.versionErr != nil:
		out = append(out, v.c.labeledWrap("version", s.Failure.Render("type_and_version fails: "+errText(a.versionErr)), lw, v.width)...)
	}
	out = append(out, v.storage()...)
	v.getterAt = v.getterAt[:0]
	if !a.wallet && len(a.getters) > 0 {
		out = append(out, "", v.c.rule(fmt.Sprintf("Getters (%d)", len(a.getters)), v.width, false))
		out = append(out, v.getters(len(out))...)
	}
	if len(a.ops) > 0 {
		out = append(out, "", v.c.rule(fmt.Sprintf("World operations (%d)", len(a.ops)), v.width, false))
		for _, op := range a.ops {
			out = append(out, wrap(op[0], v.width)...)
			for _, line := range op[1:] {
				out = append(out, v.c.labeledWrap("", line, 2, v.width)...)
			}
		}
	}
	return out
}

// storage writes the storage: decoded fields, or the raw cell tree.
func (v *accountView) storage() []string {
	a, s := v.acc, v.c.Styles
	const lw = 9
	if a.raw == "" {
		return nil
	}
	var out []string
	toggle := s.Dim.Render("   r: raw")
	if v.raw || (a.storage == nil && a.inner == nil) {
		head := "raw cells"
		if v.raw {
			toggle = s.Dim.Render("   r: decoded")
		} else {
			toggle = ""
			if a.storageErr != nil {
				head += s.Dim.Render(" (does not decode: " + a.storageErr.Error() + ")")
			} else if a.contract == nil && !a.wallet {
				head += s.Dim.Render(" (code not in the catalog)")
			}
		}
		out = append(out, v.c.labeled("storage", head+toggle, lw))
		for _, l := range lines(a.raw) {
			out = append(out, indentLines(lines(ansi.Hardwrap(l, max(v.width-2, 8), true)), "  ")...)
		}
		return out
	}
	if a.pending {
		out = append(out, v.c.labeled("storage", s.Warning.Render("⚠ pending migration")+toggle, lw))
		out = append(out, wrap("the data is a lazy-migration envelope: the new code's init reads it on the next message (a getter runs it too, but keeps nothing)", v.width)...)
		if a.versionErr != nil {
			out = append(out, hang(s.Failure.Render("✗ and that init fails on it ("+errText(a.versionErr)+"): every message and getter fails the same way, a further Upgrade included"), 2, v.width)...)
		}
		if a.inner != nil {
			out = append(out, "the envelope holds "+a.inner.Fields.Type)
			out = append(out, v.st.printer().Tree(a.inner.Fields)...)
		}
		return out
	}
	if a.storage != nil {
		if !a.storage.Initialized {
			out = append(out, v.c.labeled("storage", s.Warning.Render("not initialised: init arguments")+toggle, lw))
		} else {
			out = append(out, v.c.labeled("storage", a.storage.Fields.Type+toggle, lw))
		}
		out = append(out, v.st.printer().Tree(a.storage.Fields)...)
	}
	return out
}

// getters writes one line per getter (more for a long value), the cursor's
// marked when focused; the first is line base of the content.
func (v *accountView) getters(base int) []string {
	s := v.c.Styles
	nw := 4
	for _, g := range v.acc.getters {
		nw = max(nw, len(getterTitle(g)))
	}
	nw = min(nw, max(v.width/2, 8))
	var out []string
	for i, g := range v.acc.getters {
		mark := "  "
		if v.focused && i == v.getter {
			mark = "▸ "
		}
		var val string
		switch {
		case g.needsArgs():
			val = s.Dim.Render("takes " + argList(g) + ": enter")
		case g.err != nil:
			val = s.Failure.Render(errText(g.err))
		default:
			val = v.st.printer().Value(g.value)
		}
		v.getterAt = append(v.getterAt, base+len(out))
		vals := wrap(val, max(v.width-nw-4, 8))
		for j, l := range vals {
			head := strings.Repeat(" ", nw+4)
			if j == 0 {
				head = mark + fit(getterTitle(g), nw) + "  "
			}
			line := fit(head+l, v.width)
			if v.focused && i == v.getter {
				line = s.Selected.Render(ansi.Strip(line))
			}
			out = append(out, line)
		}
	}
	return out
}

// getterTitle is a getter's name, with its arguments when given.
func getterTitle(g getterInfo) string {
	if len(g.args) == 0 {
		return g.name
	}
	var parts []string
	for _, a := range g.args {
		if v, ok := g.given[a.Name]; ok {
			parts = append(parts, v)
		} else {
			parts = append(parts, a.Name)
		}
	}
	return g.name + "(" + strings.Join(parts, ", ") + ")"
}

// argList writes a getter's parameters: "key: Int, owner: Address".
func argList(g getterInfo) string {
	var parts []string
	for _, a := range g.args {
		parts = append(parts, a.Name+": "+a.Type.String())
	}
	return strings.Join(parts, ", ")
}

// ShortHelp implements help.KeyMap.
func (v *accountView) ShortHelp() []key.Binding {
	km := v.c.KeyMap
	keys := []key.Binding{km.Up, km.Down}
	if v.takesArgs() {
		keys = append(keys, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "getter arguments")))
	}
	return append(keys, km.PageDown, km.Copy, km.Raw, km.Send, km.Upgrade)
}

// takesArgs says whether the getter under the cursor takes arguments, so
// enter has a form to open.
func (v *accountView) takesArgs() bool {
	return v.acc != nil && v.getter < len(v.acc.getters) && len(v.acc.getters[v.getter].args) > 0
}

// FullHelp implements help.KeyMap.
func (v *accountView) FullHelp() [][]key.Binding {
	km := v.c.KeyMap
	return [][]key.Binding{{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom, km.Enter}, {km.Copy, km.Raw, km.Send, km.Upgrade}}
}
