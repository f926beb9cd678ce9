// Command tonsim runs upgradable TON contracts on a simulated world: an
// interactive terminal UI, scenario files, and one-shot questions (getters,
// upgrade preflights, cell inspection) from the shell.
//
// Run without arguments, it opens the terminal UI on the built-in demo world.
// See `tonsim help` for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // an expectation, a test or a verdict did not hold
	exitUsage  = 2 // bad input: flags, files, scenario mistakes
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one tonsim subcommand.
type command struct {
	name    string
	usage   string // the synopsis after "tonsim "
	summary string
	help    string // flags and examples
	run     func(c *cli, cmd *command, args []string) int
}

// cli is one invocation: where output goes, and the built-in contracts.
type cli struct {
	stdout, stderr io.Writer
	builtins       scenario.Builtins
}

var commands = []*command{runCommand, testCommand, getCommand, preflightCommand, inspectCommand, tuiCommand, walkCommand}

func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr, builtins: examples.Builtins()}
	if len(args) == 0 {
		return tuiCommand.run(c, tuiCommand, nil)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if cmd := lookup(args[1]); cmd != nil {
				c.usage(cmd, stdout)
				return exitOK
			}
		}
		c.overview(stdout)
		return exitOK
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "tonsim: unknown command %q\n\n", args[0])
		c.overview(stderr)
		return exitUsage
	}
	return cmd.run(c, cmd, args[1:])
}

func lookup(name string) *command {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

func (c *cli) overview(w io.Writer) {
	fmt.Fprint(w, `tonsim runs upgradable TON contracts on a simulated world.

Usage:
  tonsim                 open the terminal UI on the built-in demo world
  tonsim <command> [arguments]

Commands:
`)
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprint(w, `
Run "tonsim help <command>" or "tonsim <command> --help" for its flags and examples.
Built-in contracts a scenario may name: `+strings.Join(sortedKeys(c.builtins), ", ")+".\n")
}

func (c *cli) usage(cmd *command, w io.Writer) {
	fmt.Fprintf(w, "Usage: tonsim %s\n\n%s\n\n%s", cmd.usage, cmd.summary, cmd.help)
}

// flags makes a command's flag set; parse errors and --help print its usage.
func (c *cli) flags(cmd *command) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args, allowing flags after positional arguments. It returns
// the positional arguments, or an exit status when it should stop.
func (c *cli) parse(cmd *command, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.usage(cmd, c.stdout)
				return nil, exitOK, false
			}
			fmt.Fprintf(c.stderr, "tonsim %s: %v\n\n", cmd.name, err)
			c.usage(cmd, c.stderr)
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, 0, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// fail reports an error: a scenario mistake as file:line:col, anything else
// prefixed with the command. It returns exitUsage.
func (c *cli) fail(cmd *command, err error) int {
	var se *scenario.Error
	if errors.As(err, &se) {
		fmt.Fprintln(c.stderr, se.Error())
	} else {
		fmt.Fprintf(c.stderr, "tonsim %s: %v\n", cmd.name, err)
	}
	return exitUsage
}

// wrongArgs reports a wrong number of arguments.
func (c *cli) wrongArgs(cmd *command, msg string) int {
	fmt.Fprintf(c.stderr, "tonsim %s: %s\n\n", cmd.name, msg)
	c.usage(cmd, c.stderr)
	return exitUsage
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
