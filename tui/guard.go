package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// guarded runs a model so that a panic in it, in Update, in View or in a
// command it returned, ends the program as a quit does, the terminal
// restored, rather than in bubbletea's report of it (a stack trace on
// stderr). [runGuarded] then raises the panic again on its caller's
// goroutine, where the command reports a bug in one line.
type guarded struct {
	inner tea.Model
	// caught is the first panic; quit ends the program from any goroutine.
	caught *caught
	quit   func()
}

// caught is the first panic a guarded model met, from whichever goroutine
// drew or updated it.
type caught struct {
	mu    sync.Mutex
	value any
	hit   bool
}

func (c *caught) set(v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.hit {
		c.value, c.hit = v, true
	}
}

func (c *caught) get() (v any, hit bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.value, c.hit
}

// panicMsg is a command's panic, brought to the event loop.
type panicMsg struct{ value any }

// runGuarded runs model as a program with progOpts until it quits; a panic
// in the model is raised again once the terminal is restored.
func runGuarded(model tea.Model, progOpts ...tea.ProgramOption) error {
	g := &guarded{inner: model, caught: &caught{}}
	p := tea.NewProgram(g, progOpts...)
	g.quit = func() { go p.Quit() } // never blocks the event loop it may be on
	_, err := p.Run()
	if v, hit := g.caught.get(); hit {
		panic(v)
	}
	return err
}

func (g *guarded) Init() tea.Cmd {
	var cmd tea.Cmd
	if g.run(func() { cmd = g.inner.Init() }) {
		return tea.Quit
	}
	return g.guard(cmd)
}

func (g *guarded) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(panicMsg); ok {
		g.caught.set(p.value)
		return g, tea.Quit
	}
	var cmd tea.Cmd
	if g.run(func() { g.inner, cmd = g.inner.Update(msg) }) {
		return g, tea.Quit
	}
	return g, g.guard(cmd)
}

func (g *guarded) View() tea.View {
	var v tea.View
	if g.run(func() { v = g.inner.View() }) {
		g.quit()
		return tea.NewView("")
	}
	return v
}

// run calls f and says whether it panicked, keeping the panic.
func (g *guarded) run(f func()) (panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			g.caught.set(v)
			panicked = true
		}
	}()
	f()
	return false
}

// guard wraps cmd so that a panic in it reaches the event loop as a
// panicMsg; the commands of a batch it returns are wrapped in turn.
func (g *guarded) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if v := recover(); v != nil {
				msg = panicMsg{v}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = g.guard(c)
			}
			return guarded
		}
		return msg
	}
}
