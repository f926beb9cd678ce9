package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/scenario"
)

// testdata is the golden files' directory, found before a test changes
// its working directory.
var testdata = func() string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return dir
}()

// Test screens are this size unless a test says otherwise.
const (
	testWidth  = 120
	testHeight = 40
)

// harness drives a Model as the program would, but synchronously: keys go
// to Update and the commands that come back run at once, their messages
// fed back in, until none is left.
type harness struct {
	t    testing.TB
	m    *Model
	quit bool
}

// newHarness wraps a model rendered without colours at a fixed size.
func newHarness(t testing.TB, m *Model, width, height int) *harness {
	t.Helper()
	m.animate = false
	m.profile = colorprofile.NoTTY
	m.restyle()
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// demo opens the demo world at the test size.
func demo(t *testing.T) *harness {
	t.Helper()
	w, cat, err := examples.Demo()
	require.NoError(t, err)
	return newHarness(t, New(Options{World: w, Catalog: cat, Title: "demo"}), testWidth, testHeight)
}

// walk opens a walkthrough of an example scenario at the test size.
func walk(t *testing.T, path string) *harness {
	t.Helper()
	s, cat, err := scenario.Load(path, examples.Builtins())
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	return newHarness(t, New(Options{World: r.World, Catalog: r.Catalog, Walk: r}), testWidth, testHeight)
}

// send gives msg to the model and runs what follows.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// run runs cmd and everything it leads to.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(20 * time.Second):
		h.t.Fatal("a command did not return: a test must not wait on a timer")
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// press types keys: names like "enter", "tab", "shift+tab", "esc", "up",
// "ctrl+c", or text, typed a character at a time.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		if msg, ok := keyMsg(k); ok {
			h.send(msg)
			continue
		}
		for _, r := range k {
			h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
}

// keyMsg is the message of a named key.
func keyMsg(name string) (tea.KeyPressMsg, bool) {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"backspace": {Code: tea.KeyBackspace},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"f1":        {Code: tea.KeyF1},
	}
	k, ok := named[name]
	return k, ok
}

// view is the screen as text.
func (h *harness) view() string {
	return h.m.View().Content
}

// golden compares the screen with testdata/<test name>.golden.
func (h *harness) golden() {
	h.t.Helper()
	v := h.view()
	lines := strings.Split(v, "\n")
	require.Len(h.t, lines, h.m.height, "the screen has as many lines as the terminal")
	golden.Equal(h.t, filepath.Join(testdata, h.t.Name()+".golden"), v)
}

// resize gives the model another terminal size.
func (h *harness) resize(width, height int) *harness {
	h.t.Helper()
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// status is the status line.
func (h *harness) status() string {
	return h.m.status.text
}

// play opens a scenario as tonsim tui does: the UI plays it behind its
// first screen, from Init on.
func play(t *testing.T, path string) *harness {
	t.Helper()
	h := playing(t, path)
	h.run(h.m.Init())
	return h
}

// playing is play before Init: the scenario has not run yet.
func playing(t *testing.T, path string) *harness {
	t.Helper()
	s, cat, err := scenario.Load(path, examples.Builtins())
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	r.World.SetTransactionSnapshots(true)
	return newHarness(t, New(Options{World: r.World, Catalog: r.Catalog, Start: r.World.Snapshot(), Play: r, Title: filepath.Base(path)}), testWidth, testHeight)
}

// probe opens, not as a walkthrough, the world of testdata/probe.yaml: a
// wallet and the probe contract of package actor's tests, whose getters
// take arguments and whose messages carry addresses and cells.
func probe(t *testing.T) *harness {
	t.Helper()
	s, cat, err := scenario.Load("testdata/probe.yaml", examples.Builtins())
	require.NoError(t, err)
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	return newHarness(t, New(Options{World: r.World, Catalog: r.Catalog}), testWidth, testHeight)
}

// demoFromStart opens the demo as the tonsim command does: the world keeps a
// snapshot of every transaction from its start, so all of them can be
// travelled to.
func demoFromStart(t *testing.T) *harness {
	t.Helper()
	r, err := examples.DemoRunner()
	require.NoError(t, err)
	r.World.SetTransactionSnapshots(true)
	start := r.World.Snapshot()
	_, err = r.Run()
	require.NoError(t, err)
	return newHarness(t, New(Options{World: r.World, Catalog: r.Catalog, Start: start, Title: "demo"}), testWidth, testHeight)
}
