package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

// upgradeDialog upgrades a contract: the user picks the new code from the
// catalog and, before anything is sent, sees the preflight's verdict (a dry
// run on a copy of the world): safe, with every common getter before and
// after, or rejected, or bricked with the exit code, its meaning and the
// layout hint. A safe upgrade sends on enter; any other needs enter twice.
// The sender starts as the contract's owner.
type upgradeDialog struct {
	c             *Common
	width, height int
	st            *state
	acc           *accountInfo
	cat           *catalog.Catalog
	contracts     []*catalog.Contract
	cursor        int
	senders       []string
	sender        int
	// senderSet is set once the user chose a sender; until then the
	// preflight finds the owner and the dialog follows it.
	senderSet bool
	// protocol is the upgrade protocol chosen: 0 for the one the
	// contract's ABI declares, else protocols[protocol-1]: the caller's
	// and the scenario's own (the first own of them), then the built-ins.
	protocol  int
	protocols []*upgradable.Protocol
	own       int
	// matrix is the upgrade matrix of the dialog's versions, asked for
	// with m; matrixSeq the one asked last.
	matrix        *upgradable.Matrix
	matrixErr     error
	matrixSeq     int
	matrixRunning bool

	seq     int // the preflight asked last
	running bool
	// queued is set when enter was pressed while the preflight ran: the
	// dialog submits when the verdict arrives (a verdict other than safe
	// still asks for a second enter).
	queued  bool
	report  *upgradable.Report
	err     error
	confirm bool
	// sc scrolls the dialog when it is taller than the terminal; codeAt
	// is the line of the code under the cursor, as the last view drew it.
	sc     scroller
	codeAt int
}

func newUpgradeDialog(c *Common, st *state, acc *accountInfo, cat *catalog.Catalog, own []*upgradable.Protocol) (*upgradeDialog, tea.Cmd) {
	d := &upgradeDialog{c: c, st: st, acc: acc, senders: st.wallets, cat: cat,
		protocols: append(append([]*upgradable.Protocol(nil), own...), upgradable.Protocols()...), own: len(own)}
	for _, ct := range cat.Contracts() {
		if ct.Code == nil {
			continue
		}
		d.contracts = append(d.contracts, ct)
	}
	// Start on the first contract that is not the running code.
	for i, ct := range d.contracts {
		if acc.contract == nil || ct.Name != acc.contract.Name {
			d.cursor = i
			break
		}
	}
	return d, d.preflight()
}

// preflight asks for a dry run of the chosen upgrade.
func (d *upgradeDialog) preflight() tea.Cmd {
	if d.cursor >= len(d.contracts) {
		return nil
	}
	d.seq++
	d.running, d.report, d.err, d.confirm, d.queued = true, nil, nil, false, false
	return opCmd(preflightOp(d.seq, d.contracts[d.cursor].Name, d.request()))
}

// request is the chosen upgrade, as a preflight and the upgrade take it.
func (d *upgradeDialog) request() upgradable.Request {
	req := upgradable.Request{Contract: d.acc.addr, Code: d.contracts[d.cursor].Code, Next: d.contracts[d.cursor].Package, Packages: d.cat}
	if d.senderSet {
		req.Sender = d.st.lookup(d.senderName())
	}
	req.Protocol = d.chosenProtocol()
	return req
}

// chosenProtocol is the protocol the user chose; for the contract's own,
// the first of the scenario's own the running code's ABI speaks, else nil
// (the built-in its ABI declares).
func (d *upgradeDialog) chosenProtocol() *upgradable.Protocol {
	if d.protocol == 0 {
		return d.ownProtocol(d.acc.contract)
	}
	return d.protocols[d.protocol-1]
}

// ownProtocol is the first of the caller's and the scenario's protocols
// ct's ABI speaks, nil for none.
func (d *upgradeDialog) ownProtocol(ct *catalog.Contract) *upgradable.Protocol {
	if ct == nil || ct.Package == nil {
		return nil
	}
	for _, p := range d.protocols[:d.own] {
		if p.Matches(ct.Package.ABI) && p.Check(ct.Package.ABI) == nil {
			return p
		}
	}
	return nil
}

// protocolText names the protocol in use: the one chosen, or the
// preflight's when the contract's ABI declares it.
func (d *upgradeDialog) protocolText() string {
	if d.protocol > 0 {
		p := d.protocols[d.protocol-1]
		if d.protocol <= d.own {
			return p.Name + d.c.Styles.Dim.Render("  the scenario's")
		}
		return p.Name
	}
	if d.report != nil && d.report.Protocol != nil {
		return d.report.Protocol.Name + d.c.Styles.Dim.Render("  the contract's own")
	}
	return "the contract's own"
}

// versions are the family an upgrade matrix runs over: the contracts the
// dialog offers that speak the same protocol as the code the upgrade
// replaces (the account's own, or a proxy's child's, as the preflight found
// it), in the dialog's order. Contracts of other families would only add
// upgrades nobody means.
func (d *upgradeDialog) versions() []upgradable.Member {
	ref := d.acc.contract
	if r := d.report; r != nil && r.Account != nil {
		if acc := d.st.account(r.Account); acc != nil && acc.contract != nil {
			ref = acc.contract
		}
	}
	kind := func(ct *catalog.Contract) string {
		if ct == nil || ct.Package == nil {
			return "?"
		}
		if p := d.ownProtocol(ct); p != nil {
			return p.Name
		}
		if p, err := upgradable.DetectProtocol(ct.Package.ABI); err == nil {
			return p.Name
		}
		return ""
	}
	want := kind(ref)
	var out []upgradable.Member
	for _, ct := range d.contracts {
		if ct.Package != nil && (ref == nil || kind(ct) == want) {
			out = append(out, upgradable.Member{Name: ct.Name, Package: ct.Package})
		}
	}
	return out
}

// matrixMsg is an upgrade matrix for the request seq.
type matrixMsg struct {
	seq    int
	matrix *upgradable.Matrix
	err    error
}

// matrixOp runs an upgrade matrix on forks of the world.
func matrixOp(seq int, req upgradable.MatrixRequest) worldOp {
	return worldOp{
		label: "upgrade matrix",
		keep:  true,
		reads: true,
		run: func(s *session) tea.Msg {
			m, err := upgradable.UpgradeMatrix(s.world, req)
			return matrixMsg{seq: seq, matrix: m, err: err}
		},
	}
}

// askMatrix asks for the upgrade matrix of the dialog's versions.
func (d *upgradeDialog) askMatrix() tea.Cmd {
	req := upgradable.MatrixRequest{Contract: d.acc.addr, Versions: d.versions(), Packages: d.cat, Protocol: d.chosenProtocol()}
	if d.senderSet {
		req.Sender = d.st.lookup(d.senderName())
	}
	d.matrixSeq++
	d.matrix, d.matrixErr, d.matrixRunning = nil, nil, true
	return opCmd(matrixOp(d.matrixSeq, req))
}

func (d *upgradeDialog) senderName() string {
	if d.sender < 0 || d.sender >= len(d.senders) {
		return ""
	}
	return d.senders[d.sender]
}

// preflightMsg is a preflight's report for the request seq.
type preflightMsg struct {
	seq    int
	report *upgradable.Report
	err    error
}

// preflightOp dry-runs an upgrade on a fork of the world.
func preflightOp(seq int, name string, req upgradable.Request) worldOp {
	return worldOp{
		label: "preflight of " + name,
		keep:  true,
		reads: true,
		run: func(s *session) tea.Msg {
			r, err := upgradable.Preflight(s.world, req)
			return preflightMsg{seq: seq, report: r, err: err}
		},
	}
}

// Update handles a message; it returns nil when the dialog closes.
func (d *upgradeDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case preflightMsg:
		if msg.seq != d.seq {
			return d, nil // an answer to a question no longer asked
		}
		d.running, d.report, d.err = false, msg.report, msg.err
		if !d.senderSet && msg.report != nil && msg.report.Sender != nil {
			name := d.st.nameOf(msg.report.Sender)
			for i, s := range d.senders {
				if s == name {
					d.sender = i
				}
			}
		}
		if d.queued && d.err == nil {
			d.queued = false
			return d.submit()
		}
		return d, nil
	case matrixMsg:
		if msg.seq == d.matrixSeq {
			d.matrix, d.matrixErr, d.matrixRunning = msg.matrix, msg.err, false
		}
		return d, nil
	case tea.KeyPressMsg:
		return d.key(msg)
	}
	return d, nil
}

func (d *upgradeDialog) key(k tea.KeyPressMsg) (dialog, tea.Cmd) {
	km := d.c.KeyMap
	if !key.Matches(k, km.Up, km.Down) && d.sc.key(km, k, len(d.body()), d.height-1, false) {
		return d, nil
	}
	switch {
	case key.Matches(k, km.Back):
		if d.confirm {
			d.confirm = false
			return d, nil
		}
		return nil, nil
	case key.Matches(k, km.Up):
		if d.cursor > 0 {
			d.cursor--
			d.revealCode()
			return d, d.preflight()
		}
	case key.Matches(k, km.Down):
		if d.cursor < len(d.contracts)-1 {
			d.cursor++
			d.revealCode()
			return d, d.preflight()
		}
	case key.Matches(k, km.Left, km.Right):
		if len(d.senders) > 0 {
			step := 1
			if key.Matches(k, km.Left) {
				step = len(d.senders) - 1
			}
			d.sender = (d.sender + step) % len(d.senders)
			d.senderSet = true
			return d, d.preflight()
		}
	case key.Matches(k, km.Protocol):
		d.protocol = (d.protocol + 1) % (len(d.protocols) + 1)
		if d.matrix != nil || d.matrixRunning {
			return d, tea.Batch(d.preflight(), d.askMatrix())
		}
		return d, d.preflight()
	case key.Matches(k, km.Matrix):
		return d, d.askMatrix()
	case key.Matches(k, km.Reinstall):
		return d.reinstall()
	case key.Matches(k, km.Enter):
		return d.submit()
	}
	return d, nil
}

// submit sends the Upgrade: at once when the preflight says safe, on the
// second enter otherwise.
func (d *upgradeDialog) submit() (dialog, tea.Cmd) {
	if d.running {
		d.queued = true
		return d, nil
	}
	if d.cursor >= len(d.contracts) {
		return d, nil
	}
	if d.report == nil || d.report.Verdict != upgradable.Safe {
		if !d.confirm {
			d.confirm = true
			return d, nil
		}
	}
	req := d.request()
	if req.Sender == nil && d.report != nil {
		req.Sender = d.report.Sender
	}
	if req.Sender == nil {
		d.err = fmt.Errorf("no wallet to send the upgrade from")
		return d, nil
	}
	ct := d.contracts[d.cursor]
	return nil, opCmd(upgradeOp("Upgrade to "+ct.Name, req))
}

// SetSize implements component.
func (d *upgradeDialog) SetSize(width, height int) { d.width, d.height = width, height }

// wheel scrolls the dialog by d notches of the mouse wheel.
func (d *upgradeDialog) wheel(n int) { d.sc.by(wheelLines*n, len(d.body()), d.height-1) }

// revealCode scrolls so the code under the cursor shows.
func (d *upgradeDialog) revealCode() {
	b := d.body()
	d.sc.reveal(d.codeAt, len(b), d.height-1)
}

// View implements component: the title, then the body, scrolled.
func (d *upgradeDialog) View() string {
	out := []string{d.c.rule("Upgrade "+d.acc.label(), d.width, true)}
	out = append(out, d.sc.window(d.c, d.body(), d.height-1, "pgdn")...)
	return strings.Join(block(out, d.width, d.height), "\n")
}

// body is every line under the title.
func (d *upgradeDialog) body() []string {
	s := d.c.Styles
	var out []string
	running := "unknown code"
	if d.acc.contract != nil {
		running = d.acc.contract.Name
	}
	out = append(out, wrap(joinNonEmpty(" · ", s.Name.Render(d.acc.label())+" "+s.Dim.Render(describe.Short(d.acc.addr))+" runs "+running, d.acc.version), d.width)...)
	if d.st.travelling() {
		out = append(out, wrap(s.Warning.Render(fmt.Sprintf("⚠ the world shows transaction %d of %d: sending %s", d.st.at, d.st.total, d.st.forkText())), d.width)...)
	}
	out = append(out, "")
	sender := "‹ " + d.senderName() + " ›"
	if d.report != nil && !d.senderSet {
		sender += s.Dim.Render("  the contract's owner")
	}
	out = append(out, s.Label.Render("sender    ")+sender+s.Dim.Render("  ←/→"))
	out = append(out, s.Label.Render("protocol  ")+"‹ "+d.protocolText()+" ›"+s.Dim.Render("  p"))
	out = append(out, s.Label.Render("new code  ")+s.Dim.Render("↑/↓"))
	for i, ct := range d.contracts {
		mark := "    "
		if i == d.cursor {
			mark = "  ▸ "
		}
		line := mark + fit(ct.Name, 8)
		if ct.Package != nil {
			line += "  " + ct.Package.Name
		}
		if d.acc.contract != nil && ct.Name == d.acc.contract.Name {
			line += s.Dim.Render("  (running now)")
		}
		if i == d.cursor {
			line = s.Selected.Render(fit(ansi.Strip(line), min(d.width, 48)))
			d.codeAt = len(out)
		}
		out = append(out, line)
	}
	out = append(out, "")
	out = append(out, d.verdict()...)
	return append(out, d.matrixLines()...)
}

// matrixLines writes the upgrade matrix, once asked for.
func (d *upgradeDialog) matrixLines() []string {
	s := d.c.Styles
	switch {
	case d.matrixRunning:
		return []string{"", s.Dim.Render("running the upgrade matrix…")}
	case d.matrixErr != nil:
		return append([]string{""}, hang(s.Failure.Render("✗ upgrade matrix: ")+d.matrixErr.Error(), 2, d.width)...)
	case d.matrix == nil:
		return nil
	}
	return append([]string{d.c.rule("Upgrade matrix, from the state each version reaches", d.width, false)}, matrixView(d.c, d.matrix, d.width)...)
}

// verdict writes the preflight's report.
func (d *upgradeDialog) verdict() []string {
	s := d.c.Styles
	if d.cursor >= len(d.contracts) {
		return []string{s.Dim.Render("the catalog holds no code to upgrade to")}
	}
	next := d.contracts[d.cursor].Name
	from := "the running code"
	if d.acc.contract != nil {
		from = d.acc.contract.Name
	}
	out := []string{d.c.rule(fmt.Sprintf("Preflight: %s → %s, on a copy of the world", from, next), d.width, false)}
	switch {
	case d.running && d.queued:
		return append(out, s.Dim.Render("running the preflight… enter was pressed: the Upgrade goes out if it is safe"))
	case d.running:
		return append(out, s.Dim.Render("running the preflight…"))
	case d.err != nil:
		out = append(out, hang(s.Failure.Render("✗ preflight failed: ")+d.err.Error(), 2, d.width)...)
		return append(out, "", s.Dim.Render("esc cancels"))
	case d.report == nil:
		return out
	}
	r := d.report
	w := d.width
	switch r.Verdict {
	case upgradable.Safe:
		out = append(out, s.Success.Render("✓ "+describe.Verdict(r)))
	default:
		out = append(out, s.Failure.Render("✗ "+describe.Verdict(r)))
	}
	out = append(out, wrap(describe.VerdictReason(r, next, d.st.printer()), w)...)
	reinstall := describe.Reinstall(r, d.st.printer())
	for _, warning := range describe.Warnings(r, next, d.st.printer()) {
		if warning == reinstall {
			// The way out is a key of this dialog: say which.
			warning += "; " + d.c.KeyMap.Reinstall.Help().Key + " reinstalls it here, with the code chosen"
		}
		out = append(out, hang(s.Warning.Render("⚠ "+warning), 2, w)...)
	}
	if r.Before.Type != "" || r.After.Type != "" {
		after := r.After.String()
		if r.Verdict != upgradable.Safe {
			after = "—"
		}
		out = append(out, d.c.labeledWrap("version", r.Before.String()+" → "+after, 10, w)...)
	}
	if len(r.Getters) > 0 {
		nw := 6
		for _, g := range r.Getters {
			nw = max(nw, len(g.Name))
		}
		out = append(out, s.ColumnHeader.Render("  "+fit("getter", nw)+"  before → after"))
		for _, g := range r.Getters {
			before, after := d.getterSide(g.Before, g.BeforeErr), d.getterSide(g.After, g.AfterErr)
			out = append(out, d.c.labeledWrap("  "+g.Name, before+" → "+after, nw+4, w)...)
		}
	}
	if r.Layout != nil {
		out = append(out, d.c.labeledWrap("layout", describe.LayoutVerdict(r.Layout)+": "+describe.Layout(r.Layout), 10, w)...)
	}
	if g := describe.Gas(r); g != "" {
		out = append(out, d.c.labeledWrap("gas", g, 10, w)...)
	}
	if line := describe.StaysUpgradable(r, next); line != "" {
		out = append(out, hang(line, 2, w)...)
	}
	if r.StorageAfter != nil && r.StorageAfter.Initialized {
		out = append(out, d.c.labeledWrap("storage", r.StorageAfter.Fields.Type+" "+d.st.printer().Value(r.StorageAfter.Fields), 10, w)...)
	}
	out = append(out, "")
	sequence := describe.Sequence(r.Protocol)
	switch {
	case d.confirm:
		out = append(out, wrap(s.Failure.Render(fmt.Sprintf("⚠ Really send? The preflight says: %s. Press enter again to send %s anyway, esc to step back.", describe.VerdictWord(r), sequence)), w)...)
	case r.Verdict == upgradable.Safe:
		out = append(out, wrap(s.Dim.Render("enter sends "+sequence+" · esc cancels"), w)...)
	default:
		out = append(out, wrap(s.Dim.Render("enter, then enter again, sends it anyway · esc cancels"), w)...)
	}
	return out
}

// getterSide writes one side of a getter's change.
func (d *upgradeDialog) getterSide(v any, err error) string {
	if errors.Is(err, upgradable.ErrNewGetter) {
		return describe.GetterSide(d.st.printer(), v, err)
	}
	if err != nil {
		return d.c.Styles.Failure.Render(errText(err))
	}
	return d.st.printer().Value(v)
}

// Cursor implements dialog: the dialog has no text input.
func (d *upgradeDialog) Cursor() *tea.Cursor { return nil }

// Keys of the upgrade dialog that name what they do there.
var (
	upgradeCode   = key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "code"))
	upgradeSender = key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "sender"))
)

// upgradeKeys are the upgrade dialog's keys and what each does, for its ?
// and the help screen.
func upgradeKeys(km KeyMap) helpGroup {
	return helpGroup{title: "In the upgrade (u)", dialog: true, entries: []helpEntry{
		{[]key.Binding{upgradeCode}, "the new code: each choice runs its preflight again"},
		{[]key.Binding{km.Reinstall}, "reinstall the account with the code chosen instead, the way out of a bricked contract: the same address and balance, fresh data from its init arguments (each starts as the storage's field of the same name)"},
		{[]key.Binding{upgradeSender}, "the sender of the upgrade: the contract's owner at first"},
		{[]key.Binding{km.Protocol}, "the next upgrade protocol, from the contract's own on: which messages the upgrade sends"},
		{[]key.Binding{km.Matrix}, "the upgrade matrix: every upgrade between the versions offered, each preflighted from the state its version reaches"},
		{[]key.Binding{enterKey("send upgrade")}, "send the Upgrade: at once when the preflight says safe, otherwise on a second enter"},
		{[]key.Binding{km.PageUp, km.PageDown}, "scroll the dialog: the preflight's verdict, the getters, the matrix"},
		{[]key.Binding{km.Top, km.Bottom}, "to the top or the end of the dialog"},
		{[]key.Binding{escKey("cancel")}, "take back the first enter, or close the dialog: nothing is sent"},
	}}
}

// keyGroup implements keyGuide.
func (d *upgradeDialog) keyGroup() helpGroup { return upgradeKeys(d.c.KeyMap) }

// ShortHelp implements help.KeyMap: the reinstall before the rarer keys.
func (d *upgradeDialog) ShortHelp() []key.Binding {
	km := d.c.KeyMap
	return []key.Binding{enterKey("send upgrade"), upgradeCode, km.Reinstall, upgradeSender, km.Protocol, km.Matrix, km.PageDown, escKey("cancel")}
}

// FullHelp implements help.KeyMap.
func (d *upgradeDialog) FullHelp() [][]key.Binding {
	var bs []key.Binding
	for _, e := range upgradeKeys(d.c.KeyMap).entries {
		bs = append(bs, e.keys...)
	}
	return [][]key.Binding{bs}
}

// upgradeOp performs an upgrade by its protocol's messages, from where
// the timeline stands.
func upgradeOp(label string, req upgradable.Request) worldOp {
	return worldOp{
		label: "sending " + label,
		run: func(s *session) tea.Msg {
			done, err := upgradable.Upgrade(s.world, req)
			if err != nil {
				return sentMsg{label: label, err: err}
			}
			res := sentMsg{label: label, trace: &actor.Trace{}, dropped: s.changed()}
			for _, tr := range done.Traces {
				res.trace.Transactions = append(res.trace.Transactions, tr.Transactions...)
			}
			if len(done.Steps) > 0 {
				res.target = s.describe(done.Steps[len(done.Steps)-1])
			}
			return res
		},
	}
}
