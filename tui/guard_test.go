package tui

import (
	"io"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/stretchr/testify/assert"
)

// panicky is a model that panics where it is told to, once the program
// runs.
type panicky struct{ where string }

type goMsg struct{}

func (p *panicky) Init() tea.Cmd {
	if p.where == "init" {
		panic("boom in init")
	}
	return func() tea.Msg { return goMsg{} }
}

func (p *panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(goMsg); !ok {
		return p, nil
	}
	boom := func() tea.Msg { panic("boom in " + p.where) }
	switch p.where {
	case "update":
		panic("boom in update")
	case "command":
		return p, boom
	case "batched command":
		return p, tea.Batch(func() tea.Msg { return nil }, tea.Batch(boom))
	case "view":
		p.where = "view now"
	}
	return p, nil
}

func (p *panicky) View() tea.View {
	if p.where == "view now" {
		panic("boom in view")
	}
	return tea.NewView("fine")
}

// TestPanicEndsTheProgram: a panic anywhere in the model ends the program
// as a quit does and is raised again on the caller's goroutine, the
// terminal restored, for the command to report in one line; bubbletea's
// own catch (a stack trace) never sees it.
func TestPanicEndsTheProgram(t *testing.T) {
	for _, where := range []string{"init", "update", "command", "batched command", "view"} {
		t.Run(where, func(t *testing.T) {
			want := "boom in " + where
			assert.PanicsWithValue(t, want, func() {
				_ = runGuarded(&panicky{where: where}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
			})
		})
	}
}

func TestNoPanicRunsAsBefore(t *testing.T) {
	quits := &quitter{}
	assert.NoError(t, runGuarded(quits, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24)))
	assert.True(t, quits.updated, "the model saw its messages")
}

// quitter quits at its first message of its own.
type quitter struct{ updated bool }

func (q *quitter) Init() tea.Cmd { return func() tea.Msg { return goMsg{} } }
func (q *quitter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(goMsg); ok {
		q.updated = true
		return q, tea.Quit
	}
	return q, nil
}
func (q *quitter) View() tea.View { return tea.NewView("") }
