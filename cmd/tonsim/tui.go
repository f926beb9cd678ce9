package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/tui"
)

var tuiCommand = &command{
	name:    "tui",
	usage:   "tui [--world FILE] [SCENARIO]",
	summary: "open the terminal UI on the demo, a scenario's end, or a saved world",
	help: `With no arguments, the UI opens on the built-in demo world: the example
counter v1 deployed, owned by owner, wallets owner, alice and bob, and v2 and
v3 ready to upgrade to (this is what plain "tonsim" does). With a scenario,
it opens at once and plays the scenario behind its first screen, to the
scenario's end, then lists every expectation that did not hold with its
file:line (e shows them again); with --world, on a saved world (and then
the scenario's steps, if one is given, run on it).

In the UI: s sends a message, u upgrades (after a preflight), [ and ] travel
through history (a send from the past forks it, z undoes the fork), y copies
what is selected, w saves the world (to reopen with --world), ? lists every
key, q quits.

Examples:
  tonsim
  tonsim tui examples/03-chain.yaml
  tonsim tui --world deployed.json
`,
	run: runTUI,
}

var walkCommand = &command{
	name:    "walk",
	usage:   "walk [--world FILE] SCENARIO",
	summary: "walk through a scenario in the terminal UI, a step at a time",
	help: `Opens the UI with the scenario's steps ahead: n runs the next step and
shows its narration (the step's note) beside what it did, p goes back a
step, N runs to the end. Expectations that fail are shown with their
file:line.

Examples:
  tonsim walk examples/01-upgrade.yaml
  tonsim walk examples/04-brick.yaml
`,
	run: runWalk,
}

func runTUI(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	world := fs.String("world", "", "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		return c.wrongArgs(cmd, "want at most one scenario file")
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	var r *scenario.Runner
	var err error
	if path == "" && *world == "" {
		// The demo takes --config and the bounds, as a scenario does.
		var opts []actor.Option
		if opts, err = c.worldOptions(); err == nil {
			r, err = examples.DemoRunner(opts...)
		}
		started()
	} else {
		r, err = c.open(path, *world)
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	// Every transaction from the start keeps a snapshot, so the UI can
	// travel back through the scenario's own. The UI plays the scenario
	// itself, behind its first screen, and lists what did not hold.
	r.World.SetTransactionSnapshots(true)
	opts := tui.Options{World: r.World, Catalog: r.Catalog, Start: r.World.Snapshot(), Play: r, Title: title(path, *world), SavePath: savePath(path, *world)}
	if path == "" && *world == "" {
		// The demo is built before the UI opens: it has nothing to report.
		if _, err := r.Run(); err != nil {
			return c.fail(cmd, err)
		}
		opts.Play = nil
	}
	return c.runUI(cmd, opts)
}

func runWalk(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	world := fs.String("world", "", "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(pos) != 1 {
		return c.wrongArgs(cmd, "want one scenario file")
	}
	r, err := c.open(pos[0], *world)
	if err != nil {
		return c.fail(cmd, err)
	}
	return c.runUI(cmd, tui.Options{Walk: r, Catalog: r.Catalog, Title: title(pos[0], ""), SavePath: savePath(pos[0], *world)})
}

func (c *cli) runUI(cmd *command, opts tui.Options) int {
	// A transaction that does not finish fails its send and leaves the UI
	// usable (see cli.watch).
	for _, r := range []*scenario.Runner{opts.Walk, opts.Play} {
		if r != nil && r.World != nil {
			r.World.SetTransactionTimeout(c.txTimeout)
		}
	}
	if opts.World != nil {
		opts.World.SetTransactionTimeout(c.txTimeout)
	}
	if err := tui.Run(opts); err != nil {
		return c.fail(cmd, fmt.Errorf("the terminal UI cannot start: %w\n(run, test, get, preflight and inspect need no terminal: see tonsim help)", err))
	}
	return exitOK
}

// savePath is the file the UI offers to save the world to: the saved world
// it opened, else one named after the scenario in the working directory.
func savePath(scenario, world string) string {
	switch {
	case world != "":
		return world
	case scenario != "":
		return strings.TrimSuffix(filepath.Base(scenario), filepath.Ext(scenario)) + ".world.json"
	}
	return ""
}

// title names the world in the UI's header.
func title(scenario, world string) string {
	switch {
	case scenario == "" && world == "":
		return "demo"
	case scenario != "" && world != "":
		return fmt.Sprintf("%s on %s", filepath.Base(scenario), filepath.Base(world))
	case scenario != "":
		return filepath.Base(scenario)
	}
	return filepath.Base(world)
}
