package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
)

var testCommand = &command{
	name:    "test",
	usage:   "test [--json] [PATH...]",
	summary: "check the expectations of scenario files",
	help: `Plays each scenario and checks every expect. A directory means every
*.yaml (and *.yml) file in it; no path means the current directory. Each
failure is printed with its file:line and what differed, then a closing
line "N passed, N failed". The exit status is 1 when an expectation fails,
2 when a scenario has a mistake (printed as file:line:col). --json prints a
line per failed expectation ("kind":"failure"), per file ("test") and a
closing "summary".

Examples:
  tonsim test examples
  tonsim test examples/01-upgrade.yaml examples/04-brick.yaml
`,
	run: runTest,
}

func runTest(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	asJSON := fs.Bool("json", false, "")
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

	var passed, failed, broken, internal int
	var enc jsonPrinter
	if *asJSON {
		enc = newJSONPrinter(c.stdout)
	}
	for _, file := range files {
		res := c.testFile(file)
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
				enc.enc.Encode(failureRow(f.step, f.Failure))
			}
			line := testLine{Kind: "test", File: file, Passed: res.err == nil && len(res.failures) == 0, Steps: res.steps, Failures: len(res.failures)}
			if res.err != nil {
				msg := termtext.Clean(res.err.Error())
				line.Error = &msg
			}
			enc.enc.Encode(line)
			continue
		}
		switch {
		case res.err == nil && len(res.failures) == 0:
			fmt.Fprintf(c.stdout, "ok   %s (%d steps)\n", file, res.steps)
		default:
			fmt.Fprintf(c.stdout, "FAIL %s\n", file)
			for _, f := range res.failures {
				fmt.Fprintf(c.stdout, "  %s\n", termtext.Clean(f.String()))
			}
			if res.err != nil {
				fmt.Fprintf(c.stdout, "  %s\n", termtext.Clean(res.err.Error()))
			}
		}
	}
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
	failures []stepFailure
	// err is a mistake that stopped the file.
	err error
}

type stepFailure struct {
	step int
	scenario.Failure
}

// testFile plays one scenario file and collects its failed expectations.
// A panic in it is an [internalError] of that file alone: the other files
// still run.
func (c *cli) testFile(file string) (out fileResult) {
	defer func() {
		if v := recover(); v != nil {
			out.err = internalError{v}
		}
	}()
	r, err := c.open(file, "")
	if err != nil {
		out.err = err
		return out
	}
	for !r.Done() {
		res, err := r.Next()
		if err != nil {
			out.err = err
			return out
		}
		out.steps++
		for _, f := range res.Failures {
			out.failures = append(out.failures, stepFailure{res.Step.Index, f})
		}
	}
	return out
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
