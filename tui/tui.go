package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
)

// Options configure the UI.
type Options struct {
	World   *actor.World
	Catalog *catalog.Catalog
	// Start is how far back time travel goes: a snapshot of World taken
	// when it began keeping transaction snapshots (see
	// [actor.World.SetTransactionSnapshots]), before the transactions
	// since. Without it, travel reaches back through the transactions that
	// kept a snapshot, or none before the UI opened.
	Start *actor.Snapshot
	// Walk, when set, plays its scenario as a walkthrough; its Runner is
	// already made on World.
	Walk *scenario.Runner
	// Play, when set, is a scenario the UI plays to its end in the
	// background as it opens, its Runner already made (on World, when
	// World is set): the screen shows the world as it goes, and then
	// every expectation that did not hold, with its file:line.
	Play  *scenario.Runner
	Title string
	// SavePath is the file w offers to save the world to; "world.json"
	// when empty.
	SavePath string
	// Protocols are upgrade protocols of the caller's own (see
	// [upgradable.Definition]) the upgrade dialog's p offers beside the
	// built-ins, with those of Walk's or Play's scenario.
	Protocols []*upgradable.Protocol
}

// Run runs the UI full screen, with the mouse on, until the user quits; the
// terminal is restored then, whatever happened. A panic in the UI, a bug,
// ends it too and is raised again once the terminal is restored. progOpts
// go to tea.NewProgram (tests give input, output and a size).
func Run(opts Options, progOpts ...tea.ProgramOption) error {
	if opts.World == nil && opts.Walk == nil && opts.Play == nil {
		return ErrNoWorld
	}
	return runGuarded(New(opts), progOpts...)
}
