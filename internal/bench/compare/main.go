// Command compare runs commands in turn, round after round, so that a
// shared, noisy machine slows each alike, and prints each one's median wall
// time CPU time and peak resident memory, and the ratio of each median to the
// first's:
//
//	go run ./internal/bench/compare -rounds 9 -- \
//	    'tonsim run /tmp/steps-1k.yaml' \
//	    'node internal/bench/sandbox/steps.mjs . 1000'
//
// Each command is split on spaces and run without a shell, its output
// discarded; a command that fails stops the comparison. Use it for the
// whole-process figures of the README.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 9, "how many times to run each command")
	warmup := flag.Int("warmup", 1, "rounds run first and not counted")
	dir := flag.String("dir", "", "the working directory of the commands")
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) == 0 || *rounds < 1 {
		fmt.Fprintln(os.Stderr, "usage: compare [-rounds N] [-warmup N] [-dir DIR] -- 'command args' ...")
		os.Exit(2)
	}
	walls := make([][]time.Duration, len(cmds))
	cpus := make([][]time.Duration, len(cmds))
	rss := make([][]int64, len(cmds))
	for round := range *warmup + *rounds {
		for i, c := range cmds {
			wall, cpu, maxRSS, err := runOnce(c, *dir)
			if err != nil {
				fmt.Fprintf(os.Stderr, "compare: %s: %v\n", c, err)
				os.Exit(1)
			}
			if round >= *warmup {
				walls[i] = append(walls[i], wall)
				cpus[i] = append(cpus[i], cpu)
				rss[i] = append(rss[i], maxRSS)
			}
		}
	}
	first := median(walls[0])
	for i, c := range cmds {
		m := median(walls[i])
		fmt.Printf("%-60s median %8.1f ms  (min %8.1f, max %8.1f)  CPU %8.1f ms  peak RSS %6.1f MB  ×%.2f of the first\n",
			c, ms(m), ms(slices.Min(walls[i])), ms(slices.Max(walls[i])), ms(median(cpus[i])), float64(median(rss[i]))/1024, float64(m)/float64(first))
	}
}

// runOnce runs c and returns its wall time, CPU time (user and system)
// and peak resident set in KiB.
func runOnce(c, dir string) (time.Duration, time.Duration, int64, error) {
	args := strings.Fields(c)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, 0, err
	}
	wall := time.Since(start)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var maxRSS int64
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		maxRSS = u.Maxrss
	}
	return wall, cpu, maxRSS, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
