package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// resultsDialog lists what the scenario played on opening did not do as
// it expected: each failed expectation with its file:line, what it wanted
// and what happened, and the error the scenario stopped at, if any.
type resultsDialog struct {
	c             *Common
	width, height int
	name          string
	failures      []scenario.Failure
	err           error
	pos, steps    int
	sc            scroller
}

func (m *Model) newResultsDialog() *resultsDialog {
	return &resultsDialog{c: m.c, name: m.title, failures: m.failures, err: m.playErr, pos: m.playPos, steps: m.playSteps}
}

// SetSize implements component.
func (d *resultsDialog) SetSize(width, height int) { d.width, d.height = width, height }

func (d *resultsDialog) content() []string {
	s := d.c.Styles
	var out []string
	played := fmt.Sprintf("Played %d of %d steps", d.pos, d.steps)
	switch {
	case d.err != nil:
		out = append(out, wrap(s.Failure.Render(played+"; it stopped at step "+fmt.Sprint(d.pos+1)+":"), d.width)...)
		out = append(out, wrap("  "+d.err.Error(), d.width)...)
		out = append(out, "")
	default:
		out = append(out, played+".")
	}
	if len(d.failures) == 0 {
		out = append(out, s.Success.Render("✓ every expectation held"))
		return out
	}
	out = append(out, s.Failure.Render(describe.Count(len(d.failures), "expectation")+" did not hold:"))
	for _, f := range d.failures {
		out = append(out, hang(s.Failure.Render("✗ ")+fmt.Sprintf("%s:%d", f.File, f.Pos.Line)+"  "+f.Key, 2, d.width)...)
		out = append(out, wrap("    want "+f.Want, d.width)...)
		out = append(out, wrap("    got  "+f.Got, d.width)...)
	}
	return out
}

// View implements component.
func (d *resultsDialog) View() string {
	out := []string{d.c.rule("Scenario results: "+d.name, d.width, true)}
	body := append(d.content(), "", d.c.Styles.Dim.Render("esc closes · e opens this again · tonsim test says the same"))
	out = append(out, d.sc.window(d.c, body, d.height-1, "pgdn")...)
	return strings.Join(block(out, d.width, d.height), "\n")
}

// Update handles a key; it returns nil when the dialog closes.
func (d *resultsDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	km := d.c.KeyMap
	switch {
	case key.Matches(k, km.Back, km.Enter, km.Results):
		return nil, nil
	default:
		d.sc.key(km, k, len(d.content())+2, d.height-1, true)
	}
	return d, nil
}

// wheel scrolls the results by d notches of the mouse wheel.
func (d *resultsDialog) wheel(n int) { d.sc.by(wheelLines*n, len(d.content())+2, d.height-1) }

// Cursor implements dialog: there is no text input.
func (d *resultsDialog) Cursor() *tea.Cursor { return nil }

// ShortHelp implements help.KeyMap.
func (d *resultsDialog) ShortHelp() []key.Binding {
	km := d.c.KeyMap
	return []key.Binding{km.Up, km.Down, km.PageDown, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close"))}
}

// FullHelp implements help.KeyMap.
func (d *resultsDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
