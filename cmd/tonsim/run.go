package main

import (
	"fmt"

	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/scenario"
)

var runCommand = &command{
	name:    "run",
	usage:   "run [--json | --fees | --tree] [--save FILE] [--world FILE] SCENARIO",
	summary: "play a scenario and print every transaction, getter and preflight",
	help: `Each step prints a line, then one line per transaction: logical time,
sender → receiver by name (indented by its place in the send's tree), the
message's name, the exit code with its meaning, the gas used, and what
changed in the storage as decoded fields; under it, each event the
transaction emitted, actions it skipped and what a debug build printed. An
expectation that does not hold is printed with its file:line and makes the
exit status 1; a mistake in the scenario is printed as file:line:col and
makes it 2. The first line names the blockchain config in force.

Flags:
  --json         print JSON lines instead: the config ("kind":"config"), each
                 transaction ("tx"), getter ("get"), preflight ("preflight"),
                 upgrade matrix ("upgrades") and failed expectation
                 ("failure"); the schema is
                 cmd/tonsim/schema/lines.schema.json
  --fees         add a table of each send's values and fees, as @ton/sandbox's
                 printTransactionFees does
  --tree         draw each send as a tree of the messages that caused each
                 transaction
  --save FILE    write the world at the end to FILE (atomically), for --world
  --world FILE   start from a world saved with --save

Examples:
  tonsim run examples/01-upgrade.yaml
  tonsim run --json examples/04-brick.yaml
  tonsim run --fees --config sandbox-0.41 examples/01-upgrade.yaml
  tonsim run --save deployed.json examples/01-upgrade.yaml
  tonsim run --world deployed.json more-steps.yaml
`,
	run: runRun,
}

func runRun(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	asJSON := fs.Bool("json", false, "")
	var layout textLayout
	fs.BoolVar(&layout.fees, "fees", false, "")
	fs.BoolVar(&layout.tree, "tree", false, "")
	save := fs.String("save", "", "")
	world := fs.String("world", "", "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(pos) != 1 {
		return c.wrongArgs(cmd, "want one scenario file")
	}

	if *asJSON && (layout.fees || layout.tree) {
		return c.wrongArgs(cmd, "--json carries the fees and the tree already: give it alone")
	}
	r, err := c.open(pos[0], *world)
	if err != nil {
		return c.fail(cmd, err)
	}
	var p printer = newTextPrinter(c.stdout, layout)
	if *asJSON {
		p = newJSONPrinter(c.stdout)
	}
	failed, err := c.play(r, p)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *save != "" {
		if err := scenario.SaveWorld(*save, r.World, r.Catalog); err != nil {
			return c.fail(cmd, err)
		}
		if err := inputfile.Oversized(inputfile.World, *save); err != nil {
			fmt.Fprintf(c.stderr, "warning: %v\n", err)
		}
	}
	if failed > 0 {
		if !*asJSON {
			fmt.Fprintf(c.stdout, "%s failed\n", describe.Count(failed, "expectation"))
		}
		return exitFailed
	}
	return exitOK
}

// play runs every step, printing each, and counts failed expectations.
func (c *cli) play(r *scenario.Runner, p printer) (int, error) {
	failed := 0
	if p != nil {
		p.start(r)
		defer p.finish()
	}
	for !r.Done() {
		done := c.playing.at(r)
		res, err := r.Next()
		done()
		if err != nil {
			if p != nil {
				p.failed(r, err)
			}
			return failed, err
		}
		if p != nil {
			p.step(r, res)
		}
		failed += len(res.Failures)
	}
	return failed, nil
}
