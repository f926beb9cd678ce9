// Command tonsim runs upgradable TON contracts on a simulated world: an
// interactive terminal UI, scenario files, and one-shot questions (getters,
// upgrade preflights, cell inspection) from the shell.
//
// Run without arguments, it opens the terminal UI on the built-in demo world.
// See `tonsim help` for the commands.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFailed   = 1 // an expectation, a test or a verdict did not hold
	exitUsage    = 2 // bad input: flags, files, scenario mistakes
	exitInternal = 3 // a bug in tonsim: a panic, reported in one line
)

// envMaxFileSize sets the default of --max-file-size.
const envMaxFileSize = "TONSIM_MAX_FILE_SIZE"

// stdoutBuffer is the size of the buffer in front of stdout: output is
// written a step at a time, not a cell of a table at a time.
const stdoutBuffer = 64 << 10

func main() {
	tuneMemory()
	os.Exit(runBuffered(os.Args[1:], os.Stdout, os.Stderr))
}

// runBuffered is [run] with stdout behind a buffer, as main runs it.
func runBuffered(args []string, stdout, stderr io.Writer) int {
	out := bufio.NewWriterSize(stdout, stdoutBuffer)
	defer out.Flush()
	return run(args, out, stderr)
}

// flusher is a buffered output, flushed after each step so a long run
// shows its progress.
type flusher interface{ Flush() error }

// flush writes out what w holds when it is buffered.
func flush(w io.Writer) {
	if f, ok := w.(flusher); ok {
		f.Flush()
	}
}

// command is one tonsim subcommand.
type command struct {
	name    string
	usage   string // the synopsis after "tonsim "
	summary string
	help    string // flags and examples
	run     func(c *cli, cmd *command, args []string) int
	// noWorld says the command makes no world, so it needs neither
	// tonutils-go's opcode tables nor the start-up of [startUp].
	noWorld bool
}

// cli is one invocation: where output goes, the built-in contracts, and
// what files it may read.
type cli struct {
	stdout, stderr io.Writer
	builtins       scenario.Builtins
	files          inputfile.Policy
	// config is --config: a config profile or a config BOC file.
	config string
	// history is --history: how many transactions a world keeps.
	history int
	// maxTxs and maxInFlight are --max-transactions and --max-in-flight,
	// the bounds of one send; 0 for the world's defaults.
	maxTxs, maxInFlight int
	// commit is --commit: the saved world's commit to start from.
	commit string
	// txTimeout is --tx-timeout: how long one transaction may take.
	txTimeout time.Duration
	// unwatch stops the watch on transactions that will not finish.
	unwatch func()
	// playing holds the steps being played now, for the watch to name.
	playing playing
}

// playing holds the step each scenario being played is at, safe for
// concurrent use: the watch reads it from a goroutine of its own.
type playing struct {
	mu    sync.Mutex
	steps map[string]*scenario.Step // by scenario file
}

// at records that r is about to play its next step, until done is called.
func (p *playing) at(r *scenario.Runner) (done func()) {
	file := r.Scenario.Path
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.steps == nil {
		p.steps = map[string]*scenario.Step{}
	}
	p.steps[file] = r.Scenario.Steps[r.Position()]
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		delete(p.steps, file)
	}
}

// stalled writes err as the error of each step being played, as a step's
// own errors are written: "stall.yaml:4:5: deploy: …".
func (p *playing) stalled(err error) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var lines []string
	for _, file := range sortedKeys(p.steps) {
		s := p.steps[file]
		what := "step"
		if s.Action != nil {
			what = s.Action.Kind()
		}
		lines = append(lines, (&scenario.Error{File: file, Pos: s.Pos, Msg: what + ": " + err.Error()}).Error())
	}
	return lines
}

var commands = []*command{runCommand, testCommand, getCommand, preflightCommand, upgradesCommand, layoutCommand, traceCommand, inspectCommand, tuiCommand, walkCommand, genCommand}

func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr}
	return c.main(args)
}

// main runs one command. A panic, a bug in tonsim whatever the input, ends
// the run with one line on stderr and [exitInternal], never a stack trace.
func (c *cli) main(args []string) (status int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(c.stderr, "tonsim: %v\n", internalError{v})
			status = exitInternal
		}
	}()
	defer func() {
		if c.unwatch != nil {
			c.unwatch()
		}
	}()
	if env := os.Getenv(envMaxFileSize); env != "" {
		size, err := inputfile.ParseSize(env)
		if err != nil {
			fmt.Fprintf(c.stderr, "tonsim: %s: %v\n", envMaxFileSize, err)
			return exitUsage
		}
		c.files.MaxSize = size
	}
	if len(args) == 0 {
		startUp()
		c.loadBuiltins()
		return tuiCommand.run(c, tuiCommand, nil)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if cmd := lookup(args[1]); cmd != nil {
				c.usage(cmd, c.stdout)
				return exitOK
			}
		}
		c.overview(c.stdout)
		return exitOK
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(c.stderr, "tonsim: unknown command %q\n\n", args[0])
		c.overview(c.stderr)
		return exitUsage
	}
	if !cmd.noWorld {
		startUp()
	}
	c.loadBuiltins()
	return cmd.run(c, cmd, args[1:])
}

// loadBuiltins parses the built-in contracts; help never needs them.
func (c *cli) loadBuiltins() {
	if c.builtins == nil {
		c.builtins = examples.Builtins()
	}
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
Built-in contracts a scenario may name: `+strings.Join(examples.BuiltinNames(), ", ")+".\n")
}

func (c *cli) usage(cmd *command, w io.Writer) {
	flags := worldFlagsHelp + fileFlagsHelp
	if cmd.noWorld {
		flags = "\n" + fileFlagsHelp
	}
	fmt.Fprintf(w, "Usage: tonsim %s\n\n%s\n\n%s%s", cmd.usage, cmd.summary, cmd.help, flags)
}

// internalError is a recovered panic: its value, on one line.
type internalError struct{ value any }

func (e internalError) Error() string {
	v := strings.Join(strings.Fields(termtext.Clean(fmt.Sprint(e.value))), " ")
	return "internal error: " + v + " (please report this)"
}

// worldFlagsHelp describes the flags every command that makes a world has,
// and fileFlagsHelp those every command has; see [cli.flags].
var worldFlagsHelp = `
World:
  --config NAME         the blockchain config: mainnet-2026-06 (the default),
                        sandbox-0.41 (the fees of @ton/sandbox 0.41 and
                        older), or a config BOC file; over a scenario's
                        config: and a saved world's
  --history N           keep the last N transactions in memory, or all;
                        tui and walk, which show them, keep all by default,
                        the other commands none (a send's own are always
                        at hand)
  --commit NAME         with --world, start from the saved world's commit
                        NAME (a scenario's commit: step): its accounts,
                        names, clock and logical time
  --max-transactions N  let one send run up to N transactions (default
                        ` + strconv.Itoa(actor.DefaultMaxTransactions) + `)
  --max-in-flight N     let one send hold up to N messages waiting for
                        delivery (default ` + strconv.Itoa(actor.DefaultMaxInFlight) + `)
  --tx-timeout D        stop when one transaction runs longer than D
                        (default ` + actor.DefaultTransactionTimeout.String() + `; 0: never): the UI fails the
                        send, other commands exit at the step
`

var fileFlagsHelp = `Files:
  --max-file-size SIZE  read files up to SIZE (such as 64M) instead of the
                        defaults: 4 MiB for scenarios, contracts and BOCs,
                        64 MiB for saved worlds; also TONSIM_MAX_FILE_SIZE
  --allow-path DIR      let contract and config paths in a scenario reach
                        DIR's tree as well as the scenario's own (repeatable)
Only regular files are read, never pipes or devices.
`

// flags makes a command's flag set, with the file flags every command
// takes and, unless it makes no world, the world's; parse errors and
// --help print its usage.
func (c *cli) flags(cmd *command) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Func("max-file-size", "", func(s string) error {
		size, err := inputfile.ParseSize(s)
		if err != nil {
			return err
		}
		c.files.MaxSize = size
		return nil
	})
	fs.Func("allow-path", "", func(dir string) error {
		if dir == "" {
			return errors.New("an empty directory")
		}
		c.files.Allow = append(c.files.Allow, dir)
		return nil
	})
	if cmd.noWorld {
		return fs
	}
	fs.StringVar(&c.config, "config", "", "")
	fs.StringVar(&c.commit, "commit", "", "")
	c.txTimeout = actor.DefaultTransactionTimeout
	fs.Func(flagTxTimeout, "", func(s string) (err error) {
		c.txTimeout, err = parseTimeout(s)
		return err
	})
	c.history = defaultHistory(cmd)
	fs.Func("history", "", func(s string) (err error) {
		c.history, err = parseHistory(s)
		return err
	})
	fs.Func(flagMaxTransactions, "", func(s string) (err error) {
		c.maxTxs, err = parseBound(s, "transactions")
		return err
	})
	fs.Func(flagMaxInFlight, "", func(s string) (err error) {
		c.maxInFlight, err = parseBound(s, "messages")
		return err
	})
	return fs
}

// The flags that raise the bounds of one send.
const (
	flagMaxTransactions = "max-transactions"
	flagMaxInFlight     = "max-in-flight"
	flagTxTimeout       = "tx-timeout"
)

// knobs name the flags in the errors of a send stopped at a bound.
var knobs = actor.Knobs{
	MaxTransactions:    "--" + flagMaxTransactions,
	MaxInFlight:        "--" + flagMaxInFlight,
	TransactionTimeout: "--" + flagTxTimeout,
}

// worldOptions are the options of every world the command makes: --config
// and the bounds of one send.
func (c *cli) worldOptions() ([]actor.Option, error) {
	opts := []actor.Option{actor.WithKnobs(knobs)}
	if c.config != "" {
		opt, err := scenario.ConfigOption(c.config, c.fileOptions()...)
		if err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	if c.maxTxs > 0 {
		opts = append(opts, actor.WithMaxTransactions(c.maxTxs))
	}
	if c.maxInFlight > 0 {
		opts = append(opts, actor.WithMaxInFlight(c.maxInFlight))
	}
	return opts, nil
}

// fileOptions passes the file flags to package scenario.
func (c *cli) fileOptions() []scenario.FileOption {
	opts := []scenario.FileOption{}
	if c.files.MaxSize > 0 {
		opts = append(opts, scenario.WithMaxFileSize(c.files.MaxSize))
	}
	for _, dir := range c.files.Allow {
		opts = append(opts, scenario.WithAllowedDir(dir))
	}
	return opts
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
			c.watch(cmd)
			return positional, 0, true
		}
		if args[0] == "" {
			return nil, c.wrongArgs(cmd, fmt.Sprintf("argument %d is empty: want a file, a name or a value", len(positional)+1)), false
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// watch makes a command exit when a transaction will not finish (see
// [actor.Watch]). The UI bounds each transaction of its worlds instead (see
// [cli.runUI]), to stay usable: that costs each transaction a goroutine's
// hand-off, about half a send again, which batch commands do not pay.
func (c *cli) watch(cmd *command) {
	if c.txTimeout == 0 || c.unwatch != nil || interactive(cmd) {
		return
	}
	c.unwatch = actor.Watch(c.txTimeout, knobs.TransactionTimeout, func(err error) {
		flush(c.stdout) // the steps that ran before
		lines := c.playing.stalled(err)
		if len(lines) == 0 {
			lines = []string{fmt.Sprintf("tonsim %s: %v", cmd.name, err)}
		}
		for _, line := range lines {
			fmt.Fprintln(c.stderr, termtext.Line(line))
		}
		os.Exit(exitUsage)
	})
}

// fail reports an error: a scenario mistake as file:line:col, anything else
// prefixed with the command. It returns exitUsage. Errors quote scenarios
// and name files, so control characters in them are shown escaped, not
// sent to the terminal, and each stays on its line (see [errorLines]).
func (c *cli) fail(cmd *command, err error) int {
	var se *scenario.Error
	if errors.As(err, &se) {
		fmt.Fprintln(c.stderr, termtext.Line(se.Error()))
	} else {
		for _, line := range errorLines(err) {
			fmt.Fprintf(c.stderr, "tonsim %s: %s\n", cmd.name, line)
		}
	}
	return exitUsage
}

// errorLines is err to print, a line for each error it joins, each cleaned
// to one line ([termtext.Line]): a file named "a\n::warning::x.yaml" must
// not start a line of its own.
func errorLines(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, errorLines(e)...)
		}
		return out
	}
	return []string{termtext.Line(err.Error())}
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

// defaultHistory is how many transactions cmd's worlds keep: every one in
// the commands that show them, none in those that only print each step.
func defaultHistory(cmd *command) int {
	if interactive(cmd) {
		return actor.HistoryAll
	}
	return 0
}

// interactive reports whether cmd opens the terminal UI.
func interactive(cmd *command) bool { return cmd.name == "tui" || cmd.name == "walk" }

// parseHistory reads --history: a count, or "all".
func parseHistory(s string) (int, error) {
	if s == "all" {
		return actor.HistoryAll, nil
	}
	n, err := parseInt(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a number of transactions (0 or more) or \"all\"", s)
	}
	return n, nil
}

// parseBound reads a bound of one send: a count of what, 1 or more.
func parseBound(s, what string) (int, error) {
	n, err := parseInt(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%q is not a number of %s (1 or more)", s, what)
	}
	return n, nil
}

// parseInt reads an integer flag as tonsim reads every integer
// ([cell.ParseInt]: 42, 0x2a, 1_000, a leading zero still decimal), not
// as package flag does (010 is 8 there).
func parseInt(s string) (int, error) {
	n, err := cell.ParseInt(s)
	if err != nil {
		return 0, err
	}
	if !n.IsInt64() || n.Int64() > math.MaxInt || n.Int64() < math.MinInt {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return int(n.Int64()), nil
}

// intVar registers an integer flag read by [parseInt], value by default.
func intVar(fs *flag.FlagSet, p *int, name string, value int) {
	*p = value
	fs.Func(name, "", func(s string) (err error) {
		*p, err = parseInt(s)
		return err
	})
}

// parseTimeout reads --tx-timeout: a Go duration ("30s", "2m"), 0 for
// none.
func parseTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a time such as 30s or 2m, or 0 for none", s)
	}
	return d, nil
}
