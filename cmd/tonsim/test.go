package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/tonsim/tonsim/internal/termtext"
)

var testCommand = &command{
	name:    "test",
	usage:   "test [PATH...]",
	summary: "check the expectations of scenario files",
	help: `Plays each scenario and checks every expect. A directory means every
*.yaml (and *.yml) file in it; no path means the current directory. Each
failure is printed with its file:line and what differed, then a closing
line "N passed, N failed". The exit status is 1 when an expectation fails,
2 when a scenario has a mistake (printed as file:line:col).

Examples:
  tonsim test examples
  tonsim test examples/01-upgrade.yaml examples/04-brick.yaml
`,
	run: runTest,
}

func runTest(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	paths, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, err := scenarioFiles(paths)
	if err != nil {
		return c.fail(cmd, err)
	}
	if len(files) == 0 {
		return c.fail(cmd, fmt.Errorf("no scenario files in %v", paths))
	}

	passed, failed, broken, internal := 0, 0, 0, 0
	for _, file := range files {
		failures, err := c.testFile(file)
		switch {
		case err != nil:
			if failures == 0 {
				fmt.Fprintf(c.stdout, "FAIL %s\n", file)
			}
			fmt.Fprintf(c.stdout, "  %s\n", termtext.Clean(err.Error()))
			failed++
			broken++
			if errors.As(err, new(internalError)) {
				internal++
			}
		case failures > 0:
			failed++
		default:
			passed++
		}
	}
	fmt.Fprintf(c.stdout, "%d passed, %d failed\n", passed, failed)
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

// testFile plays one scenario, printing its failed expectations, and
// returns how many there were and the error that stopped it. A panic in it
// is an [internalError] of that file alone: the other files still run.
func (c *cli) testFile(file string) (failures int, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = internalError{v}
		}
	}()
	r, err := c.open(file, "")
	if err != nil {
		return 0, err
	}
	results := 0
	for !r.Done() {
		res, err := r.Next()
		if err != nil {
			return failures, err
		}
		results++
		for _, f := range res.Failures {
			if failures == 0 {
				fmt.Fprintf(c.stdout, "FAIL %s\n", file)
			}
			fmt.Fprintf(c.stdout, "  %s\n", termtext.Clean(f.String()))
			failures++
		}
	}
	if failures == 0 {
		fmt.Fprintf(c.stdout, "ok   %s (%d steps)\n", file, results)
	}
	return failures, nil
}

// scenarioFiles expands directories into their *.yaml and *.yml files.
func scenarioFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
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
