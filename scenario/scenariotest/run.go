package scenariotest

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/scenario"
)

// Option configures [Run] and [Check].
type Option func(*config)

type config struct {
	builtins scenario.Builtins
	files    []scenario.FileOption
	world    *actor.World
	parallel bool
}

// WithBuiltins lets the scenarios name these contracts without a file.
func WithBuiltins(b scenario.Builtins) Option { return func(c *config) { c.builtins = b } }

// WithFileOptions bounds the files the scenarios read (see
// [scenario.FileOption]).
func WithFileOptions(opts ...scenario.FileOption) Option {
	return func(c *config) { c.files = append(c.files, opts...) }
}

// WithWorld plays each scenario on a fork of w, a world prepared once,
// instead of a new world.
func WithWorld(w *actor.World) Option { return func(c *config) { c.world = w } }

// Parallel runs the files' subtests in parallel.
func Parallel() Option { return func(c *config) { c.parallel = true } }

// Run plays every scenario file glob matches (see [filepath.Glob]), each
// as a subtest named after the file; it fails when none matches.
func Run(t *testing.T, glob string, opts ...Option) {
	t.Helper()
	cfg := configure(opts)
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatalf("scenario files %q: %v", glob, err)
	}
	if len(files) == 0 {
		t.Fatalf("no scenario file matches %q", glob)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var world *actor.World
			if cfg.world != nil {
				world = cfg.world.Fork()
			}
			if cfg.parallel {
				t.Parallel()
			}
			report, err := play(file, cfg, world)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range report.failures {
				t.Error(f)
			}
			for _, l := range report.logs {
				t.Log(l)
			}
		})
	}
}

// Check plays the scenario at path and returns each expectation that did
// not hold, as "file:line: check: want …, got … (step N: what it did)";
// an error (a [*scenario.Error], file:line:col) for a scenario that cannot
// run.
func Check(path string, opts ...Option) ([]string, error) {
	cfg := configure(opts)
	var world *actor.World
	if cfg.world != nil {
		world = cfg.world.Fork()
	}
	report, err := play(path, cfg, world)
	if err != nil {
		return nil, err
	}
	return report.failures, nil
}

func configure(opts []Option) *config {
	cfg := &config{}
	for _, o := range opts {
		o(cfg)
	}
	return cfg
}

type report struct {
	failures []string
	// logs show what each failed step's send did.
	logs []string
}

func play(path string, cfg *config, world *actor.World) (*report, error) {
	s, cat, err := scenario.Load(path, cfg.builtins, cfg.files...)
	if err != nil {
		return nil, err
	}
	r, err := scenario.NewRunner(s, cat, world)
	if err != nil {
		return nil, err
	}
	out := &report{}
	for !r.Done() {
		res, err := r.Next()
		if err != nil {
			return out, err
		}
		if len(res.Failures) == 0 {
			continue
		}
		step := fmt.Sprintf("step %d: %s", res.Step.Index, scenario.Describe(res.Step.Action))
		for _, f := range res.Failures {
			out.failures = append(out.failures, fmt.Sprintf("%s (%s)", f, step))
		}
		if res.Trace != nil {
			out.logs = append(out.logs, step+", "+actortest.Text(actortest.Described(r.Catalog, res.Trace.Transactions)))
		}
	}
	return out, nil
}
