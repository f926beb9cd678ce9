package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

	passed, failed, broken := 0, 0, 0
	for _, file := range files {
		r, err := c.open(source{path: file})
		var failures int
		if err == nil {
			var results int
			for !r.Done() {
				res, stepErr := r.Next()
				if stepErr != nil {
					err = stepErr
					break
				}
				results++
				for _, f := range res.Failures {
					if failures == 0 {
						fmt.Fprintf(c.stdout, "FAIL %s\n", file)
					}
					fmt.Fprintf(c.stdout, "  %s\n", f)
					failures++
				}
			}
			if err == nil && failures == 0 {
				fmt.Fprintf(c.stdout, "ok   %s (%d steps)\n", file, results)
			}
		}
		switch {
		case err != nil:
			if failures == 0 {
				fmt.Fprintf(c.stdout, "FAIL %s\n", file)
			}
			fmt.Fprintf(c.stdout, "  %v\n", err)
			failed++
			broken++
		case failures > 0:
			failed++
		default:
			passed++
		}
	}
	fmt.Fprintf(c.stdout, "%d passed, %d failed\n", passed, failed)
	switch {
	case broken > 0:
		return exitUsage
	case failed > 0:
		return exitFailed
	}
	return exitOK
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
