// Package bench measures tonsim at scale: the scenario of n Step sends that
// the whole-process comparisons play ([StepScenario]; `go run
// ./internal/bench/stepgen N` writes it), in-process benchmarks of sends,
// memory and account creation at 1k to 100k, and the speed-up of
// `tonsim test -j`. Its subfolders hold the tools of the whole-process
// figures in the README: stepgen, compare (commands run in turn, medians
// of wall time and peak RSS) and sandbox/steps.mjs (the same sends through
// @ton/sandbox, run with node outside the repository).
package bench
