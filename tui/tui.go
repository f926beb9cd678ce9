package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/scenario"
)

// Options configure the UI.
type Options struct {
	World   *actor.World
	Catalog *catalog.Catalog
	// Walk, when set, plays its scenario as a walkthrough; its Runner is
	// already made on World.
	Walk  *scenario.Runner
	Title string
}

// Run runs the UI full screen, with the mouse on, until the user quits; the
// terminal is restored then, whatever happened. progOpts go to
// tea.NewProgram (tests give input, output and a size).
func Run(opts Options, progOpts ...tea.ProgramOption) error {
	if opts.World == nil && opts.Walk == nil {
		return ErrNoWorld
	}
	_, err := tea.NewProgram(New(opts), progOpts...).Run()
	return err
}
