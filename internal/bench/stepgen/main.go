// Command stepgen writes the scenario of N Step sends (bench.StepScenario)
// to stdout:
//
//	go run ./internal/bench/stepgen 1000 > /tmp/steps-1k.yaml
//	tonsim run /tmp/steps-1k.yaml
//
// Past about 50,000 sends the file is over the 4 MiB a scenario may be by
// default: give tonsim --max-file-size 64M.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/tonsim/tonsim/internal/bench"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: stepgen N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintf(os.Stderr, "stepgen: %q is not a number of sends\n", os.Args[1])
		os.Exit(2)
	}
	os.Stdout.Write(bench.StepScenario(n))
}
