package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
)

var testCommand = &command{
	name:    "test",
	usage:   "test [--json] [--both-ways] [-j N] [--shard I/N] [PATH...]",
	summary: "check the expectations of scenario files",
	help: `Plays each scenario and checks every expect. A directory means every
*.yaml (and *.yml) file in it; no path means the current directory. Each
failure is printed with its file:line and what differed, then a closing
line "N passed, N failed". The exit status is 1 when an expectation fails,
2 when a scenario has a mistake (printed as file:line:col). --json prints a
line per failed expectation ("kind":"failure"), per file ("test") and a
closing "summary".

--both-ways plays each scenario that marks an upgrade point twice, as the
seed's advice for upgrade hooks has it (upgradabletest.BothWays in Go):
as written, where each upgrade_point step is skipped, and upgraded, where
it performs that upgrade by the contract's protocol, as an upgrade step
would. Both passes must meet every expectation; a failure says which
pass it is from ([as written] or [upgraded]). A scenario with no upgrade
point plays once.

Flags:
  --json         print JSON lines instead
  --both-ways    play each scenario as written and with its upgrade points
                 performed
  -j N           play N files at a time, each on its own world (default:
                 the number of CPUs); the output is in file order
  --shard I/N    play only the I-th of N shares of the files (from 1), so N
                 CI machines split a directory between them: file k of the
                 sorted list goes to share k mod N + 1

Examples:
  tonsim test examples
  tonsim test -j 1 examples/01-upgrade.yaml examples/04-brick.yaml
  tonsim test --shard 2/3 examples
  tonsim test --both-ways examples/29-both-ways.yaml
`,
	run: runTest,
}

func runTest(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	asJSON := fs.Bool("json", false, "")
	bothWays := fs.Bool("both-ways", false, "")
	var jobs int
	intVar(fs, &jobs, "j", runtime.NumCPU())
	var sh shard
	fs.Func("shard", "", sh.set)
	paths, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if jobs < 1 {
		return c.wrongArgs(cmd, fmt.Sprintf("-j %d: want at least 1 file at a time", jobs))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	all, err := scenarioFiles(paths)
	if err != nil {
		return c.fail(cmd, err)
	}
	if len(all) == 0 {
		return c.fail(cmd, fmt.Errorf("no scenario files in %v", paths))
	}
	files := sh.of(all)

	var passed, failed, broken, internal int
	var enc jsonPrinter
	if *asJSON {
		enc = newJSONPrinter(c.stdout)
	}
	if len(files) == 0 && !*asJSON {
		fmt.Fprintf(c.stdout, "shard %s: no files (%d in all)\n", sh, len(all))
	}
	c.testFiles(files, jobs, *bothWays, func(file string, res fileResult) {
		defer flush(c.stdout)
		switch {
		case res.err != nil:
			failed++
			broken++
			if errors.As(res.err, new(internalError)) {
				internal++
			}
		case len(res.failures) > 0:
			failed++
		default:
			passed++
		}
		if *asJSON {
			for _, f := range res.failures {
				row := failureRow(f.step, f.Failure)
				row.Pass = f.pass
				enc.enc.Encode(row)
			}
			line := testLine{Kind: "test", File: file, Passed: res.err == nil && len(res.failures) == 0, Steps: res.steps, Failures: len(res.failures)}
			if *bothWays {
				line.Passes = res.passes
			}
			if res.err != nil {
				msg := termtext.Clean(res.err.Error())
				line.Error = &msg
			}
			enc.enc.Encode(line)
			return
		}
		switch {
		case res.err == nil && len(res.failures) == 0:
			fmt.Fprintf(c.stdout, "ok   %s (%s%s)\n", termtext.Line(file), describe.Count(res.steps, "step"), passesText(*bothWays, res.passes))
		default:
			fmt.Fprintf(c.stdout, "FAIL %s\n", termtext.Line(file))
			for _, f := range res.failures {
				fmt.Fprintf(c.stdout, "  %s%s\n", passTag(f.pass), termtext.Line(f.String()))
			}
			if res.err != nil {
				for _, line := range errorLines(res.err) {
					fmt.Fprintf(c.stdout, "  %s\n", line)
				}
			}
		}
	})
	if *asJSON {
		enc.enc.Encode(summaryLine{Kind: "summary", Passed: passed, Failed: failed})
	} else {
		fmt.Fprintf(c.stdout, "%d passed, %d failed\n", passed, failed)
	}
	switch {
	case internal > 0:
		return exitInternal
	case broken > 0:
		return exitUsage
	case failed > 0:
		return exitFailed
	}
	return exitOK
}

// testLine is one scenario file's outcome in test --json.
type testLine struct {
	Kind     string  `json:"kind"`
	File     string  `json:"file"`
	Passed   bool    `json:"passed"`
	Steps    int     `json:"steps"`
	Failures int     `json:"failures"`
	Error    *string `json:"error"`
	// Passes is how many times --both-ways played the file: 2 when it
	// marks an upgrade point, else 1; absent without --both-ways.
	Passes int `json:"passes,omitempty"`
}

// summaryLine closes test --json.
type summaryLine struct {
	Kind   string `json:"kind"`
	Passed int    `json:"passed"`
	Failed int    `json:"failed"`
}

// fileResult is what playing one scenario file found.
type fileResult struct {
	steps    int
	passes   int
	failures []stepFailure
	// err is a mistake that stopped the file.
	err error
}

type stepFailure struct {
	step int
	// pass names the pass of --both-ways the failure is from, "" without.
	pass string
	scenario.Failure
}

// testFiles plays files, up to jobs at a time, each on its own world, and
// reports each result in file order as soon as it and every file before it
// are done.
func (c *cli) testFiles(files []string, jobs int, bothWays bool, report func(file string, res fileResult)) {
	done := make([]chan fileResult, len(files))
	for i := range done {
		done[i] = make(chan fileResult, 1)
	}
	next := make(chan int)
	go func() {
		for i := range files {
			next <- i
		}
		close(next)
	}()
	var workers sync.WaitGroup
	for range min(jobs, len(files)) {
		workers.Go(func() {
			for i := range next {
				done[i] <- c.testFile(files[i], bothWays)
			}
		})
	}
	for i, file := range files {
		report(file, <-done[i])
	}
	workers.Wait()
}

// shard is --shard I/N: which share of the files this run plays.
type shard struct{ i, n int }

func (s *shard) set(v string) error {
	i, n, ok := strings.Cut(v, "/")
	var err error
	if ok {
		if s.i, err = parseInt(i); err == nil {
			s.n, err = parseInt(n)
		}
	}
	if !ok || err != nil || s.n < 1 || s.i < 1 || s.i > s.n {
		return fmt.Errorf("%q: want I/N with 1 ≤ I ≤ N, such as 2/3", v)
	}
	return nil
}

func (s shard) String() string { return fmt.Sprintf("%d/%d", s.i, s.n) }

// of returns the share of files (sorted, as scenarioFiles gives them) this
// shard plays: file k goes to share k mod N + 1. Without --shard, all.
func (s shard) of(files []string) []string {
	if s.n <= 1 {
		return files
	}
	var out []string
	for k, f := range files {
		if k%s.n == s.i-1 {
			out = append(out, f)
		}
	}
	return out
}

// testFile plays one scenario file and collects its failed expectations;
// bothWays plays it again upgraded when it has an upgrade point. A panic
// in it is an [internalError] of that file alone: the other files still
// run.
func (c *cli) testFile(file string, bothWays bool) (out fileResult) {
	defer func() {
		if v := recover(); v != nil {
			out.err = internalError{v}
		}
	}()
	passes := []scenario.Pass{scenario.PassAsWritten}
	for i := 0; i < len(passes); i++ {
		r, err := c.open(file, "")
		if err != nil {
			out.err = err
			return out
		}
		if i == 0 && bothWays && len(r.Scenario.UpgradePoints()) > 0 {
			passes = append(passes, scenario.PassUpgraded)
		}
		r.Pass = passes[i]
		tag := ""
		if len(passes) > 1 {
			tag = passes[i].String()
		}
		out.passes++
		steps := 0
		for !r.Done() {
			done := c.playing.at(r)
			res, err := r.Next()
			done()
			if err != nil {
				if tag != "" {
					err = fmt.Errorf("%s pass: %w", tag, err)
				}
				out.err = err
				return out
			}
			steps++
			for _, f := range res.Failures {
				out.failures = append(out.failures, stepFailure{res.Step.Index, tag, f})
			}
		}
		out.steps = max(out.steps, steps)
	}
	return out
}

// passesText says, after a file's steps, how --both-ways played it.
func passesText(bothWays bool, passes int) string {
	switch {
	case !bothWays:
		return ""
	case passes > 1:
		return ", both ways"
	}
	return "; no upgrade point, played once"
}

// passTag starts a failure line of --both-ways: "[upgraded] ".
func passTag(pass string) string {
	if pass == "" {
		return ""
	}
	return "[" + pass + "] "
}

// scenarioFiles expands directories into their *.yaml and *.yml files.
func scenarioFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is named below, once
			}
			return nil, fmt.Errorf("%s: %w", termtext.Line(p), err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		for _, pattern := range []string{"*.yaml", "*.yml"} {
			m, err := filepath.Glob(filepath.Join(p, pattern))
			if err != nil {
				return nil, err
			}
			found = append(found, m...)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}
