package tui

import (
	"fmt"
	"io"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
)

// walkthrough is a scenario walked on the session's world, one step at a
// time. It keeps the world as it was before each step it ran, so going back
// is restoring that snapshot, and what each step did, for the panel.
type walkthrough struct {
	run     *scenario.Runner
	before  map[int]*actor.Snapshot
	results map[int]walkStep
}

func newWalkthrough(run *scenario.Runner) *walkthrough {
	return &walkthrough{run: run, before: map[int]*actor.Snapshot{}, results: map[int]walkStep{}}
}

// walkStep is what a step did, as the panel shows it.
type walkStep struct {
	res    *scenario.Result
	target *describe.Tx
}

// walkSaved is a walkthrough's place on a branch of history.
type walkSaved struct {
	pos     int
	before  map[int]*actor.Snapshot
	results map[int]walkStep
}

func (w *walkthrough) save() *walkSaved {
	return &walkSaved{pos: w.run.Position(), before: maps.Clone(w.before), results: maps.Clone(w.results)}
}

func (w *walkthrough) restore(s *walkSaved) {
	if err := w.run.Seek(s.pos); err != nil {
		return // a position of the same scenario is always in range
	}
	w.before, w.results = maps.Clone(s.before), maps.Clone(s.results)
}

// forget drops what the steps from i on did: they run again.
func (w *walkthrough) forget(i int) {
	for j := range w.results {
		if j >= i {
			delete(w.results, j)
		}
	}
}

// walkMsg is the end of a walkthrough's move: how many steps have run now,
// what each did, and what went wrong.
type walkMsg struct {
	pos     int
	res     *scenario.Result
	results map[int]walkStep
	dropped int
	back    bool
	// all is set while running to the end.
	all bool
	err error
}

// walkNextOp runs the walkthrough's next step; label says which.
func walkNextOp(label string, all bool) worldOp {
	return worldOp{
		label: label,
		run: func(s *session) tea.Msg {
			w := s.walk
			i := w.run.Position()
			if w.run.Done() {
				return walkMsg{pos: i, all: all, err: io.EOF}
			}
			snap, saved := s.world.Snapshot(), w.save()
			res, err := w.run.Next()
			if err != nil {
				return walkMsg{pos: i, all: all, err: err}
			}
			dropped := s.changed()
			if dropped > 0 {
				s.undo[len(s.undo)-1].walk = saved // the branch left had not run this step
			}
			w.before[i] = snap
			w.forget(i)
			step := walkStep{res: res}
			if res.Tx != nil {
				step.target = s.describe(res.Tx)
			}
			w.results[i] = step
			return walkMsg{pos: w.run.Position(), res: res, results: maps.Clone(w.results), all: all, dropped: dropped}
		},
	}
}

// walkPrevOp goes back one step: the world as it was before the last step
// run, which runs again next.
func walkPrevOp() worldOp {
	return worldOp{
		label: "going back a step",
		run: func(s *session) tea.Msg {
			w := s.walk
			i := w.run.Position() - 1
			if i < 0 {
				return walkMsg{pos: 0, back: true, err: errWalkStart}
			}
			snap := w.before[i]
			if snap == nil {
				return walkMsg{pos: i + 1, back: true, err: fmt.Errorf("step %d ran before the walkthrough opened: there is no snapshot from before it", i+1)}
			}
			s.world.Restore(snap)
			if err := w.run.Seek(i); err != nil {
				return walkMsg{pos: i + 1, back: true, err: err}
			}
			s.tl.reset(s.world)
			w.forget(i)
			return walkMsg{pos: i, back: true, results: maps.Clone(w.results)}
		},
	}
}

// walkPanel shows the walkthrough: the last step run, its note beside what
// it did (the transaction on its target, a getter's value, a preflight's
// verdict) and the expectations that did not hold; then the step to come.
type walkPanel struct {
	c             *Common
	width, height int
	sc            *scenario.Scenario
	pos           int
	results       map[int]walkStep
	st            *state
	focused       bool
	scroll        scroller
	// cat describes world operations (see operationEffect).
	cat *catalog.Catalog
}

func newWalkPanel(c *Common, run *scenario.Runner) *walkPanel {
	return &walkPanel{c: c, sc: run.Scenario, pos: run.Position(), results: map[int]walkStep{}, st: &state{}, cat: run.Catalog}
}

// nextLabel says which step runs next: "running step 3 of 9".
func (p *walkPanel) nextLabel() string {
	return fmt.Sprintf("running step %d of %d", min(p.pos+1, len(p.sc.Steps)), len(p.sc.Steps))
}

// apply records a move.
func (p *walkPanel) apply(msg walkMsg) {
	if msg.err != nil {
		return
	}
	p.pos, p.results, p.scroll = msg.pos, msg.results, scroller{}
}

// restore shows the walkthrough as a branch of history left it.
func (p *walkPanel) restore(w *walkSaved) {
	if w != nil {
		p.pos, p.results, p.scroll = w.pos, w.results, scroller{}
	}
}

// SetSize implements component.
func (p *walkPanel) SetSize(width, height int) { p.width, p.height = width, height }

// Update scrolls the focused panel.
func (p *walkPanel) Update(msg tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		p.scroll.key(p.c.KeyMap, k, len(p.content()), p.height-2, true)
	}
}

// wheel scrolls the panel by d notches of the mouse wheel.
func (p *walkPanel) wheel(d int) { p.scroll.by(wheelLines*d, len(p.content()), p.height-2) }

// View implements component: the title, the step's note beside what it
// did (scrolled when taller than the panel), and the step to come.
func (p *walkPanel) View() string {
	n := len(p.sc.Steps)
	title := fmt.Sprintf("Walkthrough: %s · step %d of %d", p.sc.Name, p.pos, n)
	if p.pos == 0 {
		title = fmt.Sprintf("Walkthrough: %s · %d steps", p.sc.Name, n)
	}
	out := []string{p.c.rule(title, p.width, p.focused)}
	h := p.height - 2
	out = append(out, block(p.scroll.window(p.c, p.content(), h, scrollHint(p.focused)), p.width, h)...)
	out = append(out, p.next())
	return strings.Join(block(out, p.width, p.height), "\n")
}

// content is the step's note beside what it did, every line.
func (p *walkPanel) content() []string {
	s := p.c.Styles
	lw := p.width * 9 / 20
	rw := p.width - lw - 3
	var left, right []string
	if p.pos == 0 {
		left = wrap(reflow(termtext.Clean(p.sc.Description)), lw)
		if len(left) == 0 {
			left = []string{s.Dim.Render("no description")}
		}
		right = []string{s.Dim.Render("n runs the first step")}
	} else {
		step := p.sc.Steps[p.pos-1]
		if step.Note != "" {
			left = wrap(reflow(termtext.Clean(step.Note)), lw)
		} else {
			left = []string{s.Dim.Render("(no note)")}
		}
		right = p.effect(p.pos-1, rw)
	}
	rows := max(len(left), len(right))
	return beside(block(left, lw, rows), block(right, rw, rows), s.Dim.Render(" │ "))
}

// next is the last line: the step to come, or the end.
func (p *walkPanel) next() string {
	s := p.c.Styles
	if p.pos >= len(p.sc.Steps) {
		return s.Dim.Render("end of the scenario · p goes back")
	}
	step := p.sc.Steps[p.pos]
	line := fmt.Sprintf("next: %d %s", step.Index, scenario.Describe(step.Action))
	if step.Note != "" {
		line += " — " + strings.ReplaceAll(reflow(termtext.Clean(step.Note)), "\n", " ")
	}
	return s.Dim.Render(line)
}

// effect writes what step i did.
func (p *walkPanel) effect(i, width int) []string {
	s := p.c.Styles
	step := p.sc.Steps[i]
	out := []string{fmt.Sprintf("%d %s", step.Index, scenario.Describe(step.Action))}
	r, ok := p.results[i]
	if !ok {
		return append(out, s.Dim.Render("ran before the walkthrough opened"))
	}
	res := r.res
	switch {
	case res.Operation != nil || res.Undone != nil:
		out = append(out, p.operationEffect(res, width)...)
	case r.target != nil:
		exit := r.target.Exit.String()
		if r.target.Tx.Success {
			exit = s.Success.Render(exit)
		} else {
			exit = s.Failure.Render(exit)
		}
		out = append(out, wrap("→ "+r.target.To.String()+": "+r.target.Message.String()+", "+exit+joinNonEmpty("", prefixed(", ", changeWords(r.target))), width)...)
	case res.Trace != nil:
		out = append(out, "→ no transaction ran on the target")
	case res.Get != nil:
		if res.Get.Err != nil {
			out = append(out, wrap("= "+s.Failure.Render(describe.Err(res.Get.Err, res.Get.Contract)), width)...)
		} else if res.Get.Stack != nil {
			out = append(out, wrap("= "+p.st.printer().Stack(res.Get.Stack), width)...)
		} else {
			out = append(out, wrap("= "+p.st.printer().Typed(res.Get.Value, res.Get.Type), width)...)
		}
	case res.Preflight != nil:
		out = append(out, wrap(verdictText(s, res.Preflight), width)...)
	case res.Matrix != nil:
		out = append(out, matrixView(p.c, res.Matrix, width)...)
	}
	switch {
	case res.Undone != nil:
		out = append(out, s.Dim.Render(fmt.Sprintf("  %d transactions ran and were undone: none is in the log", len(res.Trace.Transactions))))
	case res.Trace != nil:
		out = append(out, s.Dim.Render(fmt.Sprintf("  %d transactions in the log", len(res.Trace.Transactions))))
	}
	switch {
	case len(res.Failures) > 0:
		for _, f := range res.Failures {
			out = append(out, hang(s.Failure.Render("✗ "+f.String()), 2, width)...)
		}
	case step.Expect != nil:
		var keys []string
		for _, c := range step.Expect.Checks {
			keys = append(keys, c.Key)
		}
		out = append(out, wrap(s.Success.Render("✓ as expected: "+strings.Join(keys, ", ")), width)...)
	}
	return out
}

// reflow joins the lines of each paragraph of a YAML block, so the text
// wraps to the panel rather than to the file.
func reflow(text string) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n")
}

// prefixed is s behind p, "" when s is.
func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// verdictText says a preflight's verdict in a line, styled.
func verdictText(s Styles, r *upgradable.Report) string {
	if r.Verdict == upgradable.Safe {
		return s.Success.Render("✓ " + describe.Verdict(r))
	}
	return s.Failure.Render("✗ " + describe.Verdict(r))
}

// ShortHelp implements help.KeyMap.
func (p *walkPanel) ShortHelp() []key.Binding {
	km := p.c.KeyMap
	return []key.Binding{km.WalkNext, km.WalkPrev, km.WalkAll}
}

// FullHelp implements help.KeyMap.
func (p *walkPanel) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
